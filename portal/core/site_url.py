"""The one place absolute URLs start from.

In production ``PORTAL_BASE_URL`` (``https://hdnd.backan.gov.vn``) is the canonical
address: canonical links, og:url, share links, the print footer, feeds and the
sitemap all begin with it, whatever Host a proxy or a health check used. Without
it (``make run``, tests) the address actually served is used: the request's
scheme and host. Wagtail's ``Site`` hostname and port are not used for this: they
only tell sites apart, and a demo database says ``localhost:80`` wherever it is
served.
"""

from django.conf import settings
from django.http import HttpRequest


def base_url(request=None) -> str:
    """Scheme and host of the portal, without a trailing slash."""
    configured = getattr(settings, "PORTAL_BASE_URL", "")
    if configured:
        return configured.rstrip("/")
    if isinstance(request, HttpRequest):
        return f"{request.scheme}://{request.get_host()}"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path: str, request=None) -> str:
    """``path`` (``/tin-tuc/…`` or a media URL) as an absolute URL; absolute URLs
    (media on another host, e.g. object storage) are returned unchanged."""
    if not path or "://" in path or path.startswith("//"):
        return path
    return base_url(request) + ("" if path.startswith("/") else "/") + path
