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

The query string
----------------
Only the parameters a page reads make entries of their own: ``/?x=<random>``
is the home page, served from the home page's entry. While a page is built,
``request.GET`` is a ``RecordingQueryDict`` that notes every name the page
reads (``get``, ``[]``, ``getlist``, ``in``); a page that reads the query as a
whole (iterates it, copies it, encodes it, takes its length) is noted as
reading every parameter. Per path, the union of the names read is kept
(``page-cache:names:…``, for ``NAMES_SECONDS``, whatever the generation: a
superset of the names is always a correct key), and an entry's key holds the
values of those names only, and the set of names itself. A path without a
record yet is a miss: it is built, and recorded. Tracking parameters
(``utm_*``, ``fbclid``…) are never part of a key. The rule this rests on:
**a page depends on the query only through ``request.GET``** (never
``QUERY_STRING`` or ``get_full_path()`` read by hand), which the portal's
templates and views follow (pagination links carry only the listing's own
parameters: ``portal_tags.page_query``).

Bounded entries per path
------------------------
A page that reads a parameter (``?page=``, ``?nam=``) could still be asked for
any number of its values. At most ``PAGE_CACHE_VARIANTS`` entries of one path
are stored per generation and per window of ``PAGE_CACHE_SECONDS`` (a counter,
``add`` + ``incr``); past that, the page is served but not stored. Each path's
windows start at an offset of its own (no wave of expiries across the site),
and an entry never outlives the window it was counted in, so the bound holds
for the entries alive at any moment, not only for the stores.
"""

import hashlib
import logging
import math
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.utils import timezone

from .visibility import next_visibility_change

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
ENTRY_KEY_PREFIX = "page-cache:entry"
NAMES_KEY_PREFIX = "page-cache:names"
STORED_KEY_PREFIX = "page-cache:stored"
HEADER = "X-Cache"
ALL = "*"  # "the page reads every parameter"
NAMES_SECONDS = 24 * 60 * 60
MAX_NAMES = 20  # a page reading more names than this is taken to read them all

BYPASS_PATH_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/healthz/",
    # Search keeps its own, shorter-lived cache, keyed by the normalised query
    # (portal.search.cache); it sets X-Cache itself.
    "/search/",
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


# --- the parameters a page reads ---------------------------------------------------


class RecordingQueryDict(QueryDict):
    """``request.GET`` that remembers which parameters were read (``names_read``)."""

    def __init__(self, query_string=None, mutable=False, encoding=None):
        self._names: set[str] = set()
        self._read_all = False
        self._recording = False  # building the dict reads it: not the page
        super().__init__(query_string, mutable=mutable, encoding=encoding)
        self._recording = True

    def names_read(self):
        """``ALL``, or the frozenset of the names read so far."""
        return ALL if self._read_all else frozenset(self._names)

    def pairs(self, names) -> list[tuple[str, str]]:
        """Every ``(name, value)`` of ``names`` (or of all names), without recording."""
        return [
            (name, value)
            for name, values in dict.items(self)
            if names == ALL or name in names
            for value in values
        ]

    def _note(self, name) -> None:
        if self._recording:
            self._names.add(name)

    def _note_all(self) -> None:
        if self._recording:
            self._read_all = True

    # One name.
    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self._note(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self._note(key)
        return super().getlist(key, default)

    # The whole query.
    def __iter__(self):
        self._note_all()
        return super().__iter__()

    def __len__(self):
        self._note_all()
        return super().__len__()

    def __eq__(self, other):
        self._note_all()
        return super().__eq__(other)

    def __repr__(self):
        self._note_all()
        return super().__repr__()

    def __copy__(self):
        self._note_all()
        return super().__copy__()

    def __deepcopy__(self, memo):
        self._note_all()
        return super().__deepcopy__(memo)

    def __getstate__(self):
        self._note_all()
        return super().__getstate__()

    def keys(self):
        self._note_all()
        return super().keys()

    def values(self):
        self._note_all()
        return super().values()

    def items(self):
        self._note_all()
        return super().items()

    def lists(self):
        self._note_all()
        return super().lists()

    def dict(self):
        self._note_all()
        return super().dict()

    def urlencode(self, safe=None):
        self._note_all()
        return super().urlencode(safe)


def merged_names(known, read):
    """The names a key must hold once a page read ``read``, ``known`` being recorded."""
    if known == ALL or read == ALL:
        return ALL
    names = frozenset(known or ()) | frozenset(read)
    return ALL if len(names) > MAX_NAMES else names


# --- keys --------------------------------------------------------------------------


def is_tracking_parameter(name: str) -> bool:
    return name in IGNORED_QUERY_PARAMETERS or name.startswith(IGNORED_QUERY_PREFIXES)


def normalised_query(raw_query: str | list, names=ALL) -> str:
    """The query's pairs of ``names`` (all of them by default), sorted, without the
    tracking parameters. ``raw_query`` is a query string or a list of pairs."""
    if isinstance(raw_query, str):
        raw_query = parse_qsl(raw_query, keep_blank_values=True)
    pairs = [
        (name, value)
        for name, value in raw_query
        if not is_tracking_parameter(name) and (names == ALL or name in names)
    ]
    return urlencode(sorted(pairs))


def digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def names_key(path: str) -> str:
    return f"{NAMES_KEY_PREFIX}:{digest(path)}"


def cache_key(request, generation: int, names=ALL, query=None) -> str:
    """The entry's key: host, path, the set of names and their values in the query.
    ``query`` is a ``RecordingQueryDict`` of the request (read without recording)."""
    pairs = query.pairs(names) if query is not None else request.META.get("QUERY_STRING", "")
    identity = digest(
        request.scheme,
        request.get_host().lower(),
        request.path,
        ALL if names == ALL else ",".join(sorted(names)),
        normalised_query(pairs, names),
    )
    return f"{ENTRY_KEY_PREFIX}:{generation}:{identity}"


# --- bounded number of entries ---------------------------------------------------------


def claim_slot(scope: str, generation: int, limit: int, seconds: int, now=None) -> int | None:
    """Count one more entry stored for ``scope`` (a path) in this generation.

    The count runs over windows of ``seconds`` that start at an offset of
    ``scope``'s own. Returns the seconds left in the window, which the entry
    must not outlive (so at most ``limit`` entries of ``scope`` are alive at any
    moment), or None once ``limit`` entries were stored in the window.
    """
    seconds = max(1, int(seconds))
    offset = int(digest(scope)[:8], 16) % seconds
    window, into = divmod(int(now if now is not None else time.time()) + offset, seconds)
    remaining = seconds - into
    key = f"{STORED_KEY_PREFIX}:{generation}:{digest(scope)}:{window}"
    if cache.add(key, 1, timeout=remaining + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr: a new window
            cache.add(key, 1, timeout=remaining + 1)
            count = 1
    if count is not None and count > limit:
        if count == limit + 1:  # once per window, not once per request
            logger.warning(
                "cache: %s entries of %s stored in this window, more are served unstored",
                limit,
                scope[:200],
                extra={"scope": scope[:200], "limit": limit, "window_seconds": seconds},
            )
        return None
    return remaining


# --- stored responses ------------------------------------------------------------------


def entry_of(response) -> tuple:
    """What the cache keeps of a response (``X-Cache`` left out)."""
    headers = [(name, value) for name, value in response.items() if name != HEADER]
    return (response.status_code, headers, response.content)


def response_of(entry, header: str = "HIT") -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = header
    return response


# --- middleware --------------------------------------------------------------------


def request_is_anonymous(request) -> bool:
    """A GET or HEAD from a reader without a session, flash messages or credentials:
    what any other anonymous reader would be shown."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies:
        return False
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def request_is_cacheable(request) -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if request.path.startswith(BYPASS_PATH_PREFIXES):
        return False
    return request_is_anonymous(request)


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
            response.headers.setdefault(HEADER, "BYPASS")
            return response

        query = RecordingQueryDict(request.META.get("QUERY_STRING", ""), encoding=request.encoding)
        # The generation is read before the page is built: if content changes
        # while it is being built, the entry lands under a generation that is
        # already stale and is never served.
        try:
            generation, names = self._state(request.path)
            entry = None
            if names is not None:
                entry = cache.get(cache_key(request, generation, names, query))
        except Exception:  # noqa: BLE001 - without the cache, pages are simply built
            logger.exception("page cache: cache unreachable, serving uncached")
            response = self.get_response(request)
            response[HEADER] = "BYPASS"
            return response
        if entry is not None:
            return response_of(entry)

        request.GET = query
        response = self.get_response(request)
        if request.method == "GET" and response_is_cacheable(response):
            try:
                self._store(request, response, generation, names, query)
            except Exception:  # noqa: BLE001
                logger.exception("page cache: could not store the page")
        response[HEADER] = "MISS"
        return response

    @staticmethod
    def _state(path: str):
        """The generation and the names the path's pages read (None: not known yet),
        in one round trip."""
        found = cache.get_many([GENERATION_KEY, names_key(path)])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = current_generation()
        names = found.get(names_key(path))
        if names is not None and names != ALL:
            names = frozenset(names)
        return generation, names

    @staticmethod
    def _store(request, response, generation, known, query) -> None:
        names = merged_names(known, query.names_read())
        if names != known:
            stored = ALL if names == ALL else tuple(sorted(names))
            cache.set(names_key(request.path), stored, NAMES_SECONDS)
        window = claim_slot(
            request.path, generation, settings.PAGE_CACHE_VARIANTS, settings.PAGE_CACHE_SECONDS
        )
        if window is None:  # served, not stored
            return
        key = cache_key(request, generation, names, query)
        cache.set(key, entry_of(response), min(entry_timeout(), window))
