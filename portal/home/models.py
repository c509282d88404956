from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from portal.core.models import BasePage


class HomePage(BasePage):
    """The portal's home page: lead story, latest news, banners, quick links."""

    lead_story = models.ForeignKey(
        "news.ArticlePage",
        verbose_name="Tin tiêu điểm",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Để trống để dùng tin mới nhất có ảnh.",
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
    PER_CATEGORY = 5

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template builds the home blocks, i.e. not when
        # their rendered HTML comes from the fragment cache.
        context["home"] = HomeBlocks(self)
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
            lead = articles.filter(pk=self.lead_story_id).first()
        if lead is None:
            lead = articles.filter(featured_image__isnull=False).first()
        latest = articles.exclude(pk=lead.pk) if lead else articles
        categories = list(visible_categories())
        latest = list(latest[: self.LATEST_COUNT])
        attach_categories([lead, *latest], categories)
        on_home = [category for category in categories if category.show_on_home]
        per_category = latest_per_category(on_home, per_category=self.PER_CATEGORY)
        banners = list(
            self.banners.select_related("image", "link_page").prefetch_related("image__renditions")
        )
        quick_links = list(self.quick_links.select_related("link_page"))
        return {
            "lead": lead,
            "latest": latest,
            "category_sections": [(category, per_category[category.pk]) for category in on_home],
            **only_to_visible_pages(banners=banners, quick_links=quick_links),
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


def only_to_visible_pages(**groups):
    """Drop the links whose page a visitor may not see (a draft, a private or
    expired page, one scheduled for later): one query for all of them."""
    from portal.core.visibility import visible_pages

    targets = {item.link_page_id for items in groups.values() for item in items} - {None}
    visible = set()
    if targets:
        visible = set(
            visible_pages(Page.objects.filter(pk__in=targets)).values_list("pk", flat=True)
        )
    return {
        name: [item for item in items if item.link_page_id is None or item.link_page_id in visible]
        for name, items in groups.items()
    }


class HomeBanner(Orderable):
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
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Trang liên kết",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.URLField("Hoặc địa chỉ", blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("alt"),
        FieldPanel("link_page"),
        FieldPanel("link_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Banner"

    @property
    def href(self):
        if self.link_page_id:
            return self.link_page.url
        return self.link_url


class HomeQuickLink(Orderable):
    """Quick links to documents, schedules and statistics."""

    page = ParentalKey(HomePage, related_name="quick_links", on_delete=models.CASCADE)
    title = models.CharField("Tiêu đề", max_length=255)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Trang liên kết",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.CharField("Hoặc địa chỉ", max_length=500, blank=True)

    panels = [FieldPanel("title"), FieldPanel("link_page"), FieldPanel("link_url")]

    class Meta(Orderable.Meta):
        verbose_name = "Liên kết nhanh"

    @property
    def href(self):
        if self.link_page_id:
            return self.link_page.url
        return self.link_url
