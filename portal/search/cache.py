"""The search page's cache for anonymous visitors: short-lived, per normalised query.

Two layers, both under the page cache's generation (``portal.core.page_cache``),
which every publish, edit, move, deletion, privacy change and indexed record
bumps (``portal.core.signals``, ``portal.search.signals``): a cached result is
stale the moment the index changes.

- **Pages**: the whole response, keyed by what the page shows: the host, ``q``
  as the form shows it back (NFC, whitespace collapsed, clipped:
  ``selectors.clip_query``), ``category``, ``year`` and the page number
  (``selectors.page_number``); every other parameter is ignored, the order of
  parameters does not matter. A hit asks nothing of the database.
- **Results**: the page of results (count, titles and snippets, already
  highlighted), keyed by what is searched: the folded words of the query
  (``selectors.query_words``: case, diacritics, order and repeated words do not
  matter, "Kỳ họp" = "ky  HOP" = "họp kỳ"), the validated filters and the page
  number. A query typed differently costs a few small queries (the form's
  choices, the page frame), not the search.

Entries live ``SEARCH_CACHE_SECONDS`` (never past a scheduled change:
``page_cache.bounded_timeout``); at most ``SEARCH_CACHE_MAX_ENTRIES`` of each
layer are stored per such window (``page_cache.claim_slot``), so a flood of
distinct queries cannot fill the cache. Only anonymous requests use either layer
(``page_cache.request_is_anonymous``), like the page cache.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache

from portal.core import page_cache

from .selectors import clip_query, page_number, query_words

logger = logging.getLogger(__name__)

PAGE_KEY_PREFIX = "search-cache:page"
RESULTS_KEY_PREFIX = "search-cache:results"


@dataclass(frozen=True)
class SearchParams:
    """The only parameters the search page reads, normalised."""

    q: str
    category: str
    year: str
    page: int

    @classmethod
    def from_query(cls, query) -> SearchParams:
        q = clip_query(query.get("q", ""))
        return cls(
            q=q,
            category=str(query.get("category", "")).strip(),
            year=str(query.get("year", "")).strip(),
            # Without words to search, no page of results is shown.
            page=page_number(query.get("page")) if query_words(q) else 1,
        )

    def form_data(self) -> dict:
        return {"q": self.q, "category": self.category, "year": self.year}

    def filter_query(self) -> str:
        """``q``, ``category`` and ``year`` (those given) for the pagination links."""
        return urlencode([(name, value) for name, value in self.form_data().items() if value])


def enabled() -> bool:
    return settings.SEARCH_CACHE_SECONDS > 0


def _entry_timeout(window: int) -> int:
    return min(page_cache.bounded_timeout(settings.SEARCH_CACHE_SECONDS), window)


@dataclass
class PageLookup:
    """A lookup of the page layer: the generation it was made in and, on a hit, the entry."""

    generation: int
    key: str
    entry: tuple | None = None


def lookup_page(request, params: SearchParams) -> PageLookup | None:
    """The cached page for this request, if any (None when the cache is unreachable).
    The generation is read before anything is searched, so a page built while the
    index changes lands under a generation already stale."""
    try:
        generation = page_cache.current_generation()
        key = _page_key(request, params, generation)
        return PageLookup(generation, key, cache.get(key))
    except Exception:  # noqa: BLE001 - without the cache, searches are simply run
        logger.exception("search cache: cache unreachable, searching uncached")
        return None


def _page_key(request, params: SearchParams, generation: int) -> str:
    identity = page_cache.digest(
        request.scheme,
        request.get_host().lower(),
        params.q,
        params.category,
        params.year,
        str(params.page),
    )
    return f"{PAGE_KEY_PREFIX}:{generation}:{identity}"


def store_page(request, lookup: PageLookup, response) -> None:
    """Keep a plain 200 under the lookup's key, within the bound. Not a page that
    holds a CSRF token: the middleware sets its cookie only after the view."""
    if not page_cache.response_is_cacheable(response):
        return
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return
    try:
        window = _claim("pages", lookup.generation)
        if window is not None:
            cache.set(lookup.key, page_cache.entry_of(response), _entry_timeout(window))
    except Exception:  # noqa: BLE001
        logger.exception("search cache: could not store the page")


def results(request, generation: int, terms, category_id, year, number, compute):
    """The page of results for these words and filters: from the cache, or
    ``compute()`` (a picklable value) stored for the next visitor."""
    identity = page_cache.digest(
        request.scheme,
        request.get_host().lower(),
        " ".join(sorted(terms)),
        str(category_id or ""),
        str(year or ""),
        str(number),
    )
    key = f"{RESULTS_KEY_PREFIX}:{generation}:{identity}"
    try:
        found = cache.get(key)
    except Exception:  # noqa: BLE001
        found = None
    if found is not None:
        return found
    value = compute()
    try:
        window = _claim("results", generation)
        if window is not None:
            cache.set(key, value, _entry_timeout(window))
    except Exception:  # noqa: BLE001
        logger.exception("search cache: could not store the results")
    return value


def _claim(layer: str, generation: int) -> int | None:
    return page_cache.claim_slot(
        f"search:{layer}",
        generation,
        settings.SEARCH_CACHE_MAX_ENTRIES,
        settings.SEARCH_CACHE_SECONDS,
    )
