import re

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_views

from portal.core import sitemaps as core_sitemaps
from portal.core import views as core_views
from portal.core.password_throttle import DOCUMENT_RESTRICTION, PAGE_RESTRICTION, throttled
from portal.news import feeds as news_feeds
from portal.search import views as search_views

handler404 = "portal.core.errors.page_not_found"
handler500 = "portal.core.errors.server_error"

# One sign-in page for editors: Wagtail's admin. Django's own admin has no URL (the app
# stays installed: databases made before keep its log table, whose rows Django must
# still delete with a user), so /django-admin/ is the site's 404 like any unknown path.
#
# Wagtail's two password forms, routed before Wagtail's own patterns (same paths, same
# names) so that wrong passwords count with django-axes like failed sign-ins.
urlpatterns = [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled(PAGE_RESTRICTION, "page_view_restriction_id")(
            wagtail_views.authenticate_with_password
        ),
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        throttled(DOCUMENT_RESTRICTION, "restriction_id")(
            wagtaildocs_views.authenticate_with_password
        ),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("healthz/", core_views.health, name="health"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("rss/", news_feeds.NewsFeed(), name="feed_rss"),
    path("atom/", news_feeds.NewsAtomFeed(), name="feed_atom"),
    path("rss/<slug:category_slug>/", news_feeds.NewsFeed(), name="category_feed_rss"),
    path("atom/<slug:category_slug>/", news_feeds.NewsAtomFeed(), name="category_feed_atom"),
    path("sitemap.xml", core_sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", core_sitemaps.sitemap_section, name="sitemap_section"),
    path("robots.txt", core_sitemaps.robots_txt, name="robots_txt"),
    path("so-do-trang/", include("portal.home.urls")),
]

if getattr(settings, "PORTAL_SERVE_MEDIA", False):  # development only (config.settings.dev)
    from django.views.static import serve as serve_media

    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
