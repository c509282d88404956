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
    """A page of results; ``?page=abc`` gives the first page, ``?page=99999`` the last
    (``portal.news.archive.page_number``, which the fragment keys use too)."""
    from ..archive import page_number

    return Paginator(queryset, per_page).get_page(page_number(request.GET))


class ArchiveMixin:
    """``?nam=`` / ``?thang=`` on a listing page (``portal.news.archive``): a bad
    date is a Vietnamese 400; a good one is ``archive`` in the context, with the
    years and months that hold articles as ``archive_years``."""

    def archive_queryset(self):
        raise NotImplementedError

    def serve(self, request, *args, **kwargs):
        from portal.core.middleware import bad_request

        from ..archive import ArchiveFilterError, archive_filter

        try:
            request.news_archive = archive_filter(request.GET)
        except ArchiveFilterError as error:
            return bad_request(str(error))
        return super().serve(request, *args, **kwargs)

    def archive_context(self, request, context):
        from portal.news.selectors import archive_years

        from ..archive import ArchiveFilter

        archive = getattr(request, "news_archive", None) or ArchiveFilter()
        context["archive"] = archive
        context["archive_years"] = SimpleLazyObject(lambda: archive_years(self.archive_queryset()))
        return archive


class NewsIndexPage(ArchiveMixin, RoutablePageMixin, BasePage):
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
        archive = self.archive_context(request, context)
        if archive.active:
            from portal.news.selectors import (
                article_listing,
                articles_in_period,
                attach_categories,
            )

            def listing():
                queryset = article_listing(self.archive_queryset())
                articles = paginate(request, articles_in_period(queryset, archive))
                attach_categories(articles.object_list)
                return articles

            context["articles"] = SimpleLazyObject(listing)
            return context

        def sections():
            categories = list(visible_categories(self))
            latest = latest_per_category(categories, per_category=4)
            return [(category, latest[category.pk]) for category in categories]

        # Read on first use only (see NewsCategoryPage.get_context).
        context["category_sections"] = SimpleLazyObject(sections)
        return context

    def archive_queryset(self):
        from .article import ArticlePage

        return ArticlePage.objects.descendant_of(self)

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
            context_overrides={
                "topic": topic,
                "articles": articles,
                "archive": getattr(request, "news_archive", None),
            },
            template="news/topic_page.html",
        )


class NewsCategoryPage(ArchiveMixin, BasePage):
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

    def archive_queryset(self):
        from .article import ArticlePage

        return ArticlePage.objects.child_of(self)

    def get_context(self, request, *args, **kwargs):
        from portal.news.selectors import articles_in_category, articles_in_period

        from .gallery import GalleryPage, GalleryPhoto

        context = super().get_context(request, *args, **kwargs)
        archive = self.archive_context(request, context)
        # Read on first use only: not at all when the template's fragments come
        # from the fragment cache.
        context["articles"] = SimpleLazyObject(
            lambda: paginate(request, articles_in_period(articles_in_category(self), archive))
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
