from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from portal.core.models import BasePage


class GalleryPage(BasePage):
    """A photo gallery: captioned photos with their photographers."""

    og_type = "article"

    intro = models.TextField("Giới thiệu", blank=True, max_length=1000)
    event_date = models.DateField("Ngày diễn ra sự kiện", null=True, blank=True)

    parent_page_types = ["news.NewsCategoryPage"]
    subpage_types = []
    template = "news/gallery_page.html"

    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("event_date"),
        InlinePanel("photos", heading="Ảnh", label="Ảnh", min_num=1),
    ]

    class Meta:
        verbose_name = "Thư viện ảnh"
        verbose_name_plural = "Thư viện ảnh"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = list(
            self.photos.select_related("image")
            .prefetch_related("image__renditions")
            .order_by("sort_order")
        )
        return context

    @property
    def cover(self):
        first = self.photos.first()
        return first.image if first else None

    def social_image(self):
        return self.cover


class GalleryPhoto(Orderable):
    page = ParentalKey(GalleryPage, related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Ảnh", on_delete=models.CASCADE, related_name="+"
    )
    alt = models.CharField("Mô tả ảnh (alt)", max_length=255)
    caption = models.CharField("Chú thích", max_length=500, blank=True)
    photographer = models.CharField("Người chụp", max_length=150, blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("alt"),
        FieldPanel("caption"),
        FieldPanel("photographer"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Ảnh"
