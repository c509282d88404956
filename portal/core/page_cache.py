"""Full-page cache for anonymous visitors, on Django's cache framework.

Anonymous GET/HEAD requests for public pages are answered from the cache
(Redis in production) without touching the database. Every key contains a
*generation* number kept in the cache; anything that changes what public pages
show bumps it (see ``portal.core.signals``), so every cached page becomes
unreachable at once and ages out by itself.

Time matters too: a page whose ``expire_at`` passes drops out of every listing
at that instant (``portal.core.visibility``), before
``publish_scheduled`` gets round to unpublishing it. So an entry never lives
past the next scheduled change.

Bypassed: requests carrying the session cookie (logged-in users, and visitors
who unlocked a password-protected page, have a session; anonymous readers
don't), other methods, the admin, documents and the health check; responses
that are not a plain 200, set a cookie, or say ``Cache-Control: private`` /
``no-cache`` / ``no-store`` (Wagtail marks every response of a page with a view
restriction that way). Responses carry ``X-Cache: HIT``, ``MISS`` or ``BYPASS``.

``PAGE_CACHE_SECONDS`` caps an entry's lifetime; 0 switches the cache off.
"""

import hashlib
import logging
import math
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone

from .visibility import next_visibility_change

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
ENTRY_KEY_PREFIX = "page-cache:entry"
HEADER = "X-Cache"

BYPASS_PATH_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/healthz/",
    "/static/",
    "/media/",
)
# Parameters that only trace where a visitor came from: they never change a page.
IGNORED_QUERY_PARAMETERS = frozenset({"fbclid", "gclid", "msclkid", "zarsrc"})
IGNORED_QUERY_PREFIXES = ("utm_",)
UNCACHEABLE_CACHE_CONTROL = ("private", "no-cache", "no-store")


# --- generation --------------------------------------------------------------


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh start (or an evicted counter) begins at the current time in
        # nanoseconds: always above any generation used before, so an old entry
        # can never come back to life.
        generation = time.time_ns()
        if not cache.add(GENERATION_KEY, generation, timeout=None):
            generation = cache.get(GENERATION_KEY, generation)
    return generation


def _bump_generation() -> None:
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # the counter is missing: any new value is a new generation
            current_generation()
    except Exception:  # noqa: BLE001 - an unreachable cache must not stop publishing
        logger.exception("page cache: could not invalidate; entries expire on their own")


def invalidate() -> None:
    """Make every cached page stale: now, and again once the transaction commits.

    The second bump matters: a request that reads the database between the
    first bump and the commit still sees the old content and may cache it
    under the new generation.
    """
    _bump_generation()
    transaction.on_commit(_bump_generation)


# --- scheduled changes ---------------------------------------------------------


def bounded_timeout(seconds: int, now=None) -> int:
    """``seconds``, or less if a page goes live or expires before then: a cached copy
    never outlives the next change of what a visitor may see."""
    now = now or timezone.now()
    change = next_visibility_change(now)
    if change is not None:
        seconds = min(seconds, max(1, math.ceil((change - now).total_seconds())))
    return seconds


def entry_timeout(now=None) -> int:
    """Seconds an entry may live: PAGE_CACHE_SECONDS, or less before a scheduled change."""
    return bounded_timeout(settings.PAGE_CACHE_SECONDS, now)


# --- keys --------------------------------------------------------------------------


def normalised_query(raw_query: str) -> str:
    pairs = [
        (name, value)
        for name, value in parse_qsl(raw_query, keep_blank_values=True)
        if name not in IGNORED_QUERY_PARAMETERS and not name.startswith(IGNORED_QUERY_PREFIXES)
    ]
    return urlencode(sorted(pairs))


def cache_key(request, generation: int) -> str:
    identity = "\n".join(
        [
            request.scheme,
            request.get_host().lower(),
            request.path,
            normalised_query(request.META.get("QUERY_STRING", "")),
        ]
    )
    digest = hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()
    return f"{ENTRY_KEY_PREFIX}:{generation}:{digest}"


# --- middleware --------------------------------------------------------------------


def request_is_cacheable(request) -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(BYPASS_PATH_PREFIXES):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies:
        return False
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def response_is_cacheable(response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in UNCACHEABLE_CACHE_CONTROL)


class PageCacheMiddleware:
    """Serve anonymous visitors from the cache; place right after SessionMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            response = self.get_response(request)
            response[HEADER] = "BYPASS"
            return response

        # The generation is read before the page is built: if content changes
        # while it is being built, the entry lands under a generation that is
        # already stale and is never served.
        try:
            key = cache_key(request, current_generation())
            entry = cache.get(key)
        except Exception:  # noqa: BLE001 - without the cache, pages are simply built
            logger.exception("page cache: cache unreachable, serving uncached")
            response = self.get_response(request)
            response[HEADER] = "BYPASS"
            return response
        if entry is not None:
            return self._from_entry(entry)

        response = self.get_response(request)
        if request.method == "GET" and response_is_cacheable(response):
            headers = [(name, value) for name, value in response.items() if name != HEADER]
            try:
                cache.set(key, (response.status_code, headers, response.content), entry_timeout())
            except Exception:  # noqa: BLE001
                logger.exception("page cache: could not store the page")
        response[HEADER] = "MISS"
        return response

    @staticmethod
    def _from_entry(entry):
        status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[HEADER] = "HIT"
        return response
