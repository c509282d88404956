"""Reads of news content for public pages: constant query counts."""

from datetime import datetime

from django.db import connection
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from wagtail.models import Page

from portal.core.visibility import visible_pages

from .models import ArticleAuthor, ArticlePage, ArticleTopic, NewsCategoryPage


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


def articles_in_period(queryset, archive):
    """``queryset`` restricted to the year (and month) of an ``ArchiveFilter``,
    by publication date in the portal's time zone."""
    if not archive.active:
        return queryset
    zone = timezone.get_current_timezone()
    start_month = archive.month or 1
    start = timezone.make_aware(datetime(archive.year, start_month, 1), zone)
    if archive.month:
        end_year, end_month = (
            (archive.year + 1, 1)
            if archive.month == 12
            else (
                archive.year,
                archive.month + 1,
            )
        )
    else:
        end_year, end_month = archive.year + 1, 1
    end = timezone.make_aware(datetime(end_year, end_month, 1), zone)
    return queryset.filter(first_published_at__gte=start, first_published_at__lt=end)


def archive_years(queryset):
    """[ArchiveYear] for the visible articles of ``queryset``, newest year first,
    each with its months and counts (one aggregate query)."""
    from .archive import ArchiveYear

    rows = (
        visible_pages(queryset)
        .order_by()
        .annotate(month=TruncMonth("first_published_at", tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(count=Count("pk"))
    )
    years = {}
    for row in rows:
        if row["month"] is None:
            continue
        month = (
            timezone.localtime(row["month"]) if timezone.is_aware(row["month"]) else row["month"]
        )
        entry = years.setdefault(month.year, ArchiveYear(month.year))
        entry.count += row["count"]
        entry.months.append((month.month, row["count"]))
    for entry in years.values():
        entry.months.sort(reverse=True)
    return [years[year] for year in sorted(years, reverse=True)]


__all__ = [
    "archive_years",
    "article_listing",
    "articles_in_period",
    "attach_categories",
    "articles_in_category",
    "articles_tagged",
    "latest_per_category",
    "related_articles",
    "visible_categories",
]


def visible_categories(parent=None):
    """Visible news categories in tree order (under ``parent`` when given)."""
    queryset = NewsCategoryPage.objects.all()
    if parent is not None:
        queryset = queryset.child_of(parent)
    return visible_pages(queryset).order_by("path")


def attach_categories(articles, categories=None):
    """Set ``article.category`` on each article from one query for the categories."""
    articles = [article for article in articles if article is not None]
    if categories is None:
        categories = visible_categories()
    by_path = {category.path: category for category in categories}
    for article in articles:
        article.category = by_path.get(article.path[: -article.steplen])
    return articles


def latest_per_category(categories, per_category=5):
    """{category.pk: [newest visible articles]} for a few categories.

    Each category's newest ids come from a short indexed read (newest first,
    stopping after ``per_category``), so the cost does not grow with the number
    of articles: one query for all of them where the database allows a LIMIT
    inside a UNION (PostgreSQL), else one per category; then one query (and its
    prefetches) for the articles themselves.
    """
    categories = list(categories)
    if not categories:
        return {}
    newest = [
        visible_pages(ArticlePage.objects.child_of(category))
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)[:per_category]
        for category in categories
    ]
    if connection.features.supports_slicing_ordering_in_compound:
        ids = list(newest[0].union(*newest[1:], all=True))
    else:
        ids = [pk for queryset in newest for pk in queryset]
    by_path = {category.path: [] for category in categories}
    for article in article_listing().filter(pk__in=ids):
        by_path[article.path[: -article.steplen]].append(article)
    return {category.pk: by_path[category.path] for category in categories}


def related_articles(article, limit=5):
    """Explicit related items still visible, topped up with the newest visible
    articles sharing a tag or the category; never the article itself."""
    explicit_ids = [
        item.related_page_id for item in article.related_items.all() if item.related_page_id
    ]
    explicit_ids = [pk for pk in dict.fromkeys(explicit_ids) if pk != article.pk][:limit]
    chosen = []
    if explicit_ids:
        found = {
            page.pk: page
            for page in visible_pages(Page.objects.filter(pk__in=explicit_ids)).specific()
        }
        chosen = [found[pk] for pk in explicit_ids if pk in found]
    missing = limit - len(chosen)
    if missing > 0:
        tagged = ArticleTopic.objects.filter(
            tag__in=ArticleTopic.objects.filter(content_object=article).values("tag")
        ).values("content_object")
        parent_path = article.path[: -article.steplen]
        top_up = (
            article_listing()
            .filter(Q(pk__in=tagged) | Q(path__startswith=parent_path, depth=article.depth))
            .exclude(pk__in=[article.pk, *[page.pk for page in chosen]])
        )[:missing]
        chosen.extend(top_up)
    return chosen
