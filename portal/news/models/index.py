from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from portal.core.models import BasePage


class NewsIndexPage(BasePage):
    """ "Tin tức": the parent of every news category."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsCategoryPage"]
    max_count_per_parent = 1
    template = "news/news_index_page.html"

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "Trang tin tức"


class NewsCategoryPage(BasePage):
    """A category ("chuyên mục") editors manage: one organ or column."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])
    is_archive = models.BooleanField(
        "Chuyên mục lưu trữ",
        default=False,
        help_text="Chuyên mục không còn cập nhật (ví dụ HĐND cấp huyện sau 01/7/2025).",
    )
    show_on_home = models.BooleanField("Hiện trên trang chủ", default=True)

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = ["news.ArticlePage", "news.GalleryPage"]
    template = "news/news_category_page.html"

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("is_archive"),
        FieldPanel("show_on_home"),
    ]

    class Meta:
        verbose_name = "Chuyên mục"
        verbose_name_plural = "Chuyên mục"
