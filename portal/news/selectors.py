"""Reads of news content for public pages: constant query counts."""

from django.db.models import Prefetch

from portal.core.selectors import visible_pages

from .models import ArticleAuthor, ArticlePage


def article_listing(queryset=None):
    """Visible articles, newest first, with what a listing card shows prefetched."""
    queryset = ArticlePage.objects.all() if queryset is None else queryset
    return (
        visible_pages(queryset)
        .select_related("genre", "featured_image")
        .prefetch_related(
            "featured_image__renditions",
            Prefetch(
                "authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            ),
        )
        .order_by("-first_published_at", "-pk")
    )


def articles_in_category(category):
    return article_listing(ArticlePage.objects.child_of(category))


def articles_tagged(topic):
    return article_listing(ArticlePage.objects.filter(tagged_items__tag=topic))


__all__ = ["article_listing", "articles_in_category", "articles_tagged"]
