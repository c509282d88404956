"""sitemap.xml (an index of paginated sections) and robots.txt.

The sitemap holds every visible page of the current site and nothing else:
live, free of view restrictions (on the page or an ancestor) and not expired.
Wagtail's own sitemap already leaves out restricted pages but keeps pages whose
``expire_at`` has passed until ``publish_scheduled`` unpublishes them.

``/sitemap.xml`` is always an index, so the portal stays valid past the
protocol's 50,000 URLs per file: each section is split into pages of
``PageSitemap.limit`` URLs (``/sitemap-pages.xml?p=2``...).
"""

from django.contrib.sitemaps.views import SitemapIndexItem
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views

from . import site_url
from .visibility import visible_pages


class PageSitemap(Sitemap):
    limit = 50_000  # URLs per sitemap file, the protocol's maximum

    def pages(self):
        root = self.get_wagtail_site().root_page
        return visible_pages(root.get_descendants(inclusive=True)).order_by("path")

    def items(self):
        # Only the base columns: location and lastmod need nothing more, while
        # models overriding get_sitemap_urls() still get their own class.
        return self.pages().specific(defer=True)

    def get_latest_lastmod(self):
        # Django's default walks every item; one aggregate does the same.
        latest = self.pages().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
        )["latest"]
        return latest


SITEMAPS = {"pages": PageSitemap}


def sitemap_index(request):
    """Django's index, with every location from the portal's base URL
    (``portal.core.site_url``) like the URLs inside the sections."""
    items = []
    latest = None
    for section, sitemap_cls in sitemap_views.prepare_sitemaps(request, SITEMAPS).items():
        location = site_url.absolute(
            reverse("sitemap_section", kwargs={"section": section}), request
        )
        lastmod = sitemap_cls.get_latest_lastmod()
        latest = max(filter(None, (latest, lastmod)), default=None)
        items.append(SitemapIndexItem(location, lastmod))
        for number in range(2, sitemap_cls.paginator.num_pages + 1):
            items.append(SitemapIndexItem(f"{location}?p={number}", lastmod))
    headers = {"Last-Modified": http_date(latest.timestamp())} if latest else None
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": items},
        content_type="application/xml",
        headers=headers,
    )


def sitemap_section(request, section):
    return sitemap_views.sitemap(request, SITEMAPS, section=section)


def robots_txt(request):
    sitemap_url = site_url.absolute(reverse("sitemap"), request)
    body = render_to_string("robots.txt", {"sitemap_url": sitemap_url}, request=request)
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
