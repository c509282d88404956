from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from portal.core.models import BasePage
from portal.core.visibility import visible_pages

LISTING_PAGE_SIZE = 20


def paginate(request, queryset, per_page=LISTING_PAGE_SIZE):
    """A page of results; ``?page=abc`` gives the first page, ``?page=99999`` the last."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


class NewsIndexPage(RoutablePageMixin, BasePage):
    """ "Tin tức": the parent of every news category; also serves tag pages."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsCategoryPage"]
    max_count_per_parent = 1
    template = "news/news_index_page.html"

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "Trang tin tức"

    def get_context(self, request, *args, **kwargs):
        from portal.news.selectors import latest_per_category, visible_categories

        context = super().get_context(request, *args, **kwargs)
        match = getattr(request, "routable_resolver_match", None)
        if match is not None and match.url_name != "index_route":
            return context  # a sub-route (tag page) brings its own content

        def sections():
            categories = list(visible_categories(self))
            latest = latest_per_category(categories, per_category=4)
            return [(category, latest[category.pk]) for category in categories]

        # Read on first use only (see NewsCategoryPage.get_context).
        context["category_sections"] = SimpleLazyObject(sections)
        return context

    @path("chu-de/<slug:tag_slug>/", name="topic")
    def topic(self, request, tag_slug):
        from portal.news.selectors import articles_tagged, attach_categories

        from .topics import Topic

        topic = Topic.objects.filter(slug=tag_slug).first()
        if topic is None:
            raise Http404("Không tìm thấy chủ đề.")

        def listing():
            articles = paginate(request, articles_tagged(topic))
            attach_categories(articles.object_list)
            return articles

        # Read on first use only (see NewsCategoryPage.get_context).
        articles = SimpleLazyObject(listing)
        return self.render(
            request,
            context_overrides={"topic": topic, "articles": articles},
            template="news/topic_page.html",
        )


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

    def get_context(self, request, *args, **kwargs):
        from portal.news.selectors import articles_in_category

        from .gallery import GalleryPage, GalleryPhoto

        context = super().get_context(request, *args, **kwargs)
        # Read on first use only: not at all when the template's fragments come
        # from the fragment cache.
        context["articles"] = SimpleLazyObject(
            lambda: paginate(request, articles_in_category(self))
        )
        context["galleries"] = SimpleLazyObject(
            lambda: list(
                visible_pages(GalleryPage.objects.child_of(self))
                .prefetch_related(
                    Prefetch(
                        "photos",
                        queryset=GalleryPhoto.objects.select_related("image").prefetch_related(
                            "image__renditions"
                        ),
                    )
                )
                .order_by("-first_published_at", "-pk")[:4]
            )
        )
        return context
