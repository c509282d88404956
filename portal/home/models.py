from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from portal.core import registry
from portal.core.models import BasePage, LinkFields
from portal.core.visibility import visible_links, visible_pages

from .selectors import picture_first


class HomePage(BasePage):
    """The portal's home page: lead story, latest news, banners, quick links."""

    lead_story = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Tin tiêu điểm",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Một trang bất kỳ của cổng; để trống để dùng tin mới nhất có ảnh.",
    )

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "home/home_page.html"

    content_panels = BasePage.content_panels + [
        FieldPanel("lead_story"),
        InlinePanel("banners", heading="Banner (kỳ họp, hội nghị)", label="Banner"),
        InlinePanel("quick_links", heading="Truy cập nhanh", label="Liên kết"),
    ]

    class Meta:
        verbose_name = "Trang chủ"

    LATEST_COUNT = 10
    # One featured story and four more: the featured card takes two columns by two
    # rows of a four-column grid and the others fill the rest, so no row is left
    # half empty (home/home_page.html, site.css "Home").
    PER_CATEGORY = 5

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template builds the home blocks, i.e. not when
        # their rendered HTML comes from the fragment cache.
        context["home"] = HomeBlocks(self)
        # What the subjects show below the news (this week's receptions...): read
        # when the template reaches it, outside the news blocks' fragment.
        context["subject_blocks"] = SimpleLazyObject(
            lambda: registry.home_blocks(timezone.localdate())
        )
        return context

    def home_blocks(self):
        from portal.news.selectors import (
            article_listing,
            attach_categories,
            latest_per_category,
            visible_categories,
        )

        articles = article_listing()
        lead = None
        if self.lead_story_id:
            lead = visible_pages(Page.objects.filter(pk=self.lead_story_id)).specific().first()
        if lead is None:
            lead = articles.filter(featured_image__isnull=False).first()
        latest = articles.exclude(pk=lead.pk) if lead else articles
        categories = list(visible_categories())
        latest = list(latest[: self.LATEST_COUNT])
        attach_categories([lead, *latest], categories)
        on_home = [category for category in categories if category.show_on_home]
        per_category = latest_per_category(on_home, per_category=self.PER_CATEGORY)
        banners, quick_links = visible_links(
            self.banners.select_related("image", "link_page").prefetch_related("image__renditions"),
            self.quick_links.select_related("link_page"),
        )
        return {
            "lead": lead,
            "latest": latest,
            "category_sections": [
                (category, picture_first(per_category[category.pk])) for category in on_home
            ],
            "banners": banners,
            "quick_links": quick_links,
        }


class HomeBlocks:
    """The home page's blocks, read from the database on first use."""

    def __init__(self, page):
        self._page = page
        self._blocks = None

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._blocks is None:
            self._blocks = self._page.home_blocks()
        try:
            return self._blocks[name]
        except KeyError:
            raise AttributeError(name) from None


class HomeBanner(LinkFields, Orderable):
    """A banner for the current session or conference."""

    page = ParentalKey(HomePage, related_name="banners", on_delete=models.CASCADE)
    title = models.CharField("Tiêu đề", max_length=255)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alt = models.CharField("Mô tả ảnh (alt)", max_length=255, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("alt"),
        *LinkFields.link_panels,
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Banner"


class HomeQuickLink(LinkFields, Orderable):
    """Quick links to documents, schedules and statistics."""

    page = ParentalKey(HomePage, related_name="quick_links", on_delete=models.CASCADE)
    title = models.CharField("Tiêu đề", max_length=255)

    panels = [FieldPanel("title"), *LinkFields.link_panels]

    class Meta(Orderable.Meta):
        verbose_name = "Liên kết nhanh"
