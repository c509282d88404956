"""RSS 2.0 and Atom feeds of the news: all categories, or one.

``/rss/`` and ``/atom/`` carry the latest visible articles of the whole portal,
``/rss/<category-slug>/`` and ``/atom/<category-slug>/`` those of one category.
Links are absolute (from the Wagtail Site), dates carry the portal's own
offset (+07:00, Asia/Ho_Chi_Minh) and the query count does not depend on the
number of items.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from wagtail.models import Site

from portal.core import site_url
from portal.core.models import SiteSettings
from portal.core.visibility import visible_pages

from .models import NewsCategoryPage, NewsIndexPage
from .selectors import article_listing

FEED_LENGTH = 30


class LocalTimeRssFeed(Rss201rev2Feed):
    """RSS whose channel dates are in local time too (even when it is empty)."""

    def latest_post_date(self):
        return timezone.localtime(super().latest_post_date())


class LocalTimeAtomFeed(Atom1Feed):
    def latest_post_date(self):
        return timezone.localtime(super().latest_post_date())


@dataclass
class FeedSource:
    """What one request's feed is about. Feed instances are shared between
    requests (and threads), so per-request state lives here, not on the feed."""

    request: object
    site: Site
    portal_name: str
    category: NewsCategoryPage | None
    home_url: str


class NewsFeed(Feed):
    feed_type = LocalTimeRssFeed

    def get_object(self, request, category_slug=None):
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        category = None
        if category_slug is not None:
            category = (
                visible_pages(NewsCategoryPage.objects.descendant_of(site.root_page))
                .filter(slug=category_slug)
                .order_by("path")
                .first()
            )
            if category is None:
                raise Http404("Không tìm thấy chuyên mục này.")
        portal_name = SiteSettings.for_site(site).portal_name
        return FeedSource(request, site, portal_name, category, site_url.base_url(request) + "/")

    # --- the channel -------------------------------------------------------------

    def title(self, source):
        if source.category:
            return f"{source.category.title} | {source.portal_name}"
        return f"Tin tức | {source.portal_name}"

    def link(self, source):
        if source.category:
            return source.category.get_full_url(source.request)
        news_index = (
            visible_pages(NewsIndexPage.objects.descendant_of(source.site.root_page))
            .order_by("path")
            .first()
        )
        return news_index.get_full_url(source.request) if news_index else source.home_url

    def description(self, source):
        if source.category:
            return f"Tin bài mới nhất chuyên mục {source.category.title} – {source.portal_name}."
        return f"Tin bài mới nhất của {source.portal_name}."

    def feed_url(self, source):
        return site_url.absolute(source.request.path, source.request)

    def feed_copyright(self, source):
        return source.portal_name

    # --- the items ---------------------------------------------------------------

    def items(self, source):
        queryset = article_listing()
        if source.category:
            queryset = queryset.child_of(source.category)
        else:
            queryset = queryset.descendant_of(source.site.root_page)
        articles = list(queryset.prefetch_related("tags")[:FEED_LENGTH])

        parent_paths = {article.path[: -article.steplen] for article in articles}
        category_titles = dict(
            NewsCategoryPage.objects.filter(path__in=parent_paths).values_list("path", "title")
        )
        for article in articles:
            article.feed_link = article.get_full_url(source.request)
            category = category_titles.get(article.path[: -article.steplen])
            tags = [tag.name for tag in article.tags.all()]
            article.feed_categories = ([category] if category else []) + tags
        return articles

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        return article.feed_link

    def item_guid(self, article):
        return article.feed_link

    def item_pubdate(self, article):
        return timezone.localtime(article.first_published_at)

    def item_updateddate(self, article):
        return timezone.localtime(article.last_published_at or article.first_published_at)

    def item_author_name(self, article):
        names = [byline.author.name for byline in article.authors.all()]
        return ", ".join(names) or None

    def item_categories(self, article):
        return article.feed_categories


class NewsAtomFeed(NewsFeed):
    feed_type = LocalTimeAtomFeed

    def subtitle(self, source):
        return self.description(source)
