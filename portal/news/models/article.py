from functools import partial

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.models import BasePage

from .topics import ArticleTopic


class ArticlePage(BasePage):
    """A news item, article or photo story ("tin, bài, ảnh") under one category."""

    og_type = "article"

    genre = models.ForeignKey(
        "news.Genre",
        verbose_name="Thể loại",
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    lead = models.TextField("Sa-pô (tóm tắt)", max_length=1000)
    body = StreamField(BodyBlock(), verbose_name="Nội dung", blank=True)
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_alt = models.CharField(
        "Mô tả ảnh đại diện (alt)",
        max_length=255,
        blank=True,
        help_text="Bắt buộc khi có ảnh đại diện: mô tả nội dung ảnh cho người khiếm thị.",
    )
    featured_image_caption = models.CharField("Chú thích ảnh đại diện", max_length=500, blank=True)
    admin_unit = models.ForeignKey(
        "core.AdministrativeUnit",
        verbose_name="Địa bàn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    event_date = models.DateField("Ngày diễn ra sự kiện", null=True, blank=True)
    delegate = models.ForeignKey(
        "people.DelegatePage",
        verbose_name="Đại biểu viết bài",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="voice_items",
        help_text="Bài của chuyên mục “Tiếng nói người đại biểu nhân dân”: bài hiện trên trang "
        "của đại biểu và dẫn về trang đó.",
    )
    tags = ClusterTaggableManager("Chủ đề", through=ArticleTopic, blank=True)

    parent_page_types = ["news.NewsCategoryPage"]
    subpage_types = []
    template = "news/article_page.html"

    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("genre"),
        index.FilterField("first_published_at"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("genre"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("featured_image"),
                FieldPanel("featured_image_alt"),
                FieldPanel("featured_image_caption"),
            ],
            heading="Ảnh đại diện",
        ),
        FieldPanel("body"),
        InlinePanel("authors", heading="Tác giả (bút danh, theo thứ tự)", label="Tác giả"),
        FieldPanel("delegate"),
        FieldRowPanel([FieldPanel("event_date"), FieldPanel("admin_unit")]),
        FieldPanel("tags"),
        InlinePanel("related_items", heading="Tin liên quan", label="Tin liên quan"),
    ]

    class Meta:
        verbose_name = "Tin bài"
        verbose_name_plural = "Tin bài"

    def clean(self):
        super().clean()
        if self.featured_image_id and not (self.featured_image_alt or "").strip():
            raise ValidationError({"featured_image_alt": "Vui lòng nhập mô tả cho ảnh đại diện."})

    def get_context(self, request, *args, **kwargs):
        from portal.news.selectors import related_articles

        context = super().get_context(request, *args, **kwargs)
        # Home › news index › category: plain pages are enough for titles and URLs.
        ancestors = list(self.get_ancestors().filter(depth__gt=1))
        context["breadcrumbs"] = ancestors
        context["category"] = ancestors[-1] if ancestors else None
        context["news_index"] = ancestors[-2] if len(ancestors) > 1 else None
        # Callables: read only when the template builds the article's body, i.e.
        # not when its rendered HTML comes from the fragment cache.
        context["byline"] = self.byline_authors
        context["topics"] = self.topics_by_name
        context["related"] = partial(related_articles, self)
        return context

    def social_image(self):
        return self.featured_image

    def byline_authors(self):
        return [
            entry.author for entry in self.authors.select_related("author").order_by("sort_order")
        ]

    def visible_delegate(self):
        """The delegate who wrote the item, when a visitor may see their page."""
        from portal.core.visibility import is_visible

        delegate = self.delegate
        return delegate if delegate is not None and is_visible(delegate) else None

    def topics_by_name(self):
        return list(self.tags.order_by("name"))

    @property
    def updated_at(self):
        return self.last_published_at or self.latest_revision_created_at


class ArticleAuthor(Orderable):
    """One entry of a byline, in order."""

    page = ParentalKey(ArticlePage, related_name="authors", on_delete=models.CASCADE)
    author = models.ForeignKey(
        "core.Author", verbose_name="Tác giả", on_delete=models.PROTECT, related_name="bylines"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = "Tác giả"


class RelatedItem(Orderable):
    page = ParentalKey(ArticlePage, related_name="related_items", on_delete=models.CASCADE)
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Tin liên quan",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("related_page", heading="Tin liên quan")]

    class Meta(Orderable.Meta):
        verbose_name = "Tin liên quan"
