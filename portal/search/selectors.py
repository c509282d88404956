"""Reads of the search index: the ranked result set, filter choices, highlighting."""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.db.models import Case, Count, F, IntegerField, Max, Min, Q, Value, When, Window
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import PageViewRestriction

from portal.core.selectors import visible_pages
from portal.core.text import fold_with_map, normalize, words

from .models import TS_CONFIG, SearchEntry

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 20
SNIPPET_CHARS = 260


def clip_query(q: str | None) -> str:
    """The query without NUL bytes, cut to ``MAX_QUERY_CHARS`` at a word boundary."""
    text = normalize((q or "").replace("\x00", " "))
    if len(text) <= MAX_QUERY_CHARS:
        return text
    clipped = text[:MAX_QUERY_CHARS]
    if not text[MAX_QUERY_CHARS].isspace() and " " in clipped:
        clipped = clipped.rsplit(" ", 1)[0]
    return clipped.strip()


def query_words(q: str | None) -> list[str]:
    """The folded, de-duplicated words of a visitor's query, within sensible bounds."""
    text = clip_query(q)
    seen: dict[str, None] = {}
    for word in words(text):
        seen.setdefault(word[:MAX_QUERY_CHARS], None)
    return list(seen)[:MAX_QUERY_WORDS]


def matching_entries(terms: list[str], category_id: int | None = None, year: int | None = None):
    """Index rows matching every term, best first, filtered on what the rows themselves hold.

    Order (the same on both databases): pages whose title holds more of the
    terms first, then the newest. Ranking on body-term frequency (``ts_rank``)
    would read every matching document's vector, which is what makes a common
    word slow at 100.000 pages; the title and the date are small inline columns.

    Matching: PostgreSQL ``@@`` on the GIN-indexed ``portal_vi`` vector; SQLite
    whole-word ``LIKE`` on the folded text. Visibility: rows of expired pages
    (``expire_at`` is copied into the row) and of pages under a view
    restriction (by tree path) are left out here; ``search`` then checks the
    shown rows against the page table itself.
    """
    entries = SearchEntry.objects.filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    )
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        entries = entries.exclude(path__startswith=path)
    if category_id is not None:
        entries = entries.filter(category_id=category_id)
    if year is not None:
        entries = entries.filter(year=year)
    if not terms:
        return entries.none()
    if connection.vendor == "postgresql":
        query = SearchQuery(" & ".join(terms), search_type="raw", config=TS_CONFIG)
        entries = entries.filter(search_vector=query)
    else:
        for term in terms:
            padded = f" {term} "
            entries = entries.filter(
                Q(title_folded__contains=padded) | Q(text_folded__contains=padded)
            )
    title_hits = Value(0, output_field=IntegerField())
    for term in terms:
        title_hits = title_hits + Case(
            When(title_folded__contains=f" {term} ", then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return entries.annotate(rank=title_hits).order_by(
        "-rank", F("published_at").desc(nulls_last=True), "-page_id"
    )


@dataclass
class SearchResults:
    """One page of results, shaped like Django's ``Page`` for the template."""

    entries: list
    count: int
    number: int
    per_page: int

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.count else 0

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


SPARE_ROWS = 5


def page_number(value) -> int:
    """``?page=`` as a page number: anything that is not a positive integer is page 1."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return number if number >= 1 else 1


def search(terms, category_id=None, year=None, page=1, per_page=20) -> SearchResults:
    """The ``page``-th ``per_page`` results (beyond the last page: the last page).

    A constant number of queries whatever the number of pages: on PostgreSQL the
    count comes with the rows (``COUNT(*) OVER ()``). The rows shown are then
    checked against the page table (live, not expired, no view restriction); a
    row that fails (the index lagging behind a change made without signals) is
    not shown and is dropped from the index.
    """
    entries = matching_entries(terms, category_id, year)
    if not terms:
        return SearchResults([], 0, 1, per_page)
    number = page_number(page)
    with _bitmap_scans():
        ranked, count = _ranked_ids(entries, number, per_page)
        if not ranked and number > 1:
            count = entries.count()
            number = max(1, -(-count // per_page))
            ranked, count = _ranked_ids(entries, number, per_page)
    if not ranked:
        return SearchResults([], count, number, per_page)
    shown = (
        SearchEntry.objects.filter(page_id__in=ranked, page__in=visible_pages().values("pk"))
        .select_related("page")
        .defer("search_vector", "text_folded", "title_folded")
        .in_bulk()
    )
    stale = [page_id for page_id in ranked if page_id not in shown]
    if stale:
        from .services import index_pages

        index_pages(stale)
        count -= len(stale)
    rows = [shown[page_id] for page_id in ranked if page_id in shown]
    return SearchResults(rows[:per_page], max(count, 0), number, per_page)


def _ranked_ids(entries, number, per_page):
    """Ids of one page of rows (and a few spare) with the total, in one pass.

    Only ids and the total travel through the count and the sort; the shown
    rows are read afterwards by primary key.
    """
    offset = (number - 1) * per_page
    ranked = list(
        entries.annotate(total=Window(Count("*"))).values_list("page_id", "total")[
            offset : offset + per_page + SPARE_ROWS
        ]
    )
    return [page_id for page_id, _ in ranked], (ranked[0][1] if ranked else 0)


@contextmanager
def _bitmap_scans():
    """On PostgreSQL, read matches through the GIN index, never row by row.

    A word found in most pages makes the planner prefer a sequential scan that
    evaluates ``@@`` on every row, unpacking each stored vector; the GIN bitmap
    answers exactly without reading any vector. ``SET LOCAL`` ends with the
    transaction.
    """
    if connection.vendor != "postgresql":
        yield
        return
    nested = connection.in_atomic_block
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        try:
            yield
        finally:
            if nested:  # the settings would outlive this block: put them back
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_indexscan TO DEFAULT"
                    )


def year_range() -> list[int]:
    """Years that have indexed pages, newest first (two index lookups)."""
    bounds = SearchEntry.objects.aggregate(first=Min("year"), last=Max("year"))
    if bounds["first"] is None:
        return []
    return list(range(bounds["last"], bounds["first"] - 1, -1))


@dataclass
class _Match:
    start: int
    end: int


def _matches(folded: str, terms: list[str]) -> list[_Match]:
    if not terms:
        return []
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![0-9a-z])(?:{alternatives})(?![0-9a-z])")
    return [_Match(m.start(), m.end()) for m in pattern.finditer(folded)]


def _render(original: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """Escape ``original[start:end]`` with ``<mark>`` around the spans (original indices)."""
    out, cursor = [], start
    for span_start, span_end in spans:
        if span_end <= cursor or span_start >= end:
            continue
        span_start = max(span_start, cursor)
        span_end = min(span_end, end)
        out.append(escape(original[cursor:span_start]))
        out.append(f"<mark>{escape(original[span_start:span_end])}</mark>")
        cursor = span_end
    out.append(escape(original[cursor:end]))
    return "".join(out)


def _spans(original: str, folded: str, origin: list[int], terms) -> list[tuple[int, int]]:
    """Matched words as spans of the original text; neighbours joined across spaces."""
    spans: list[tuple[int, int]] = []
    for match in _matches(folded, terms):
        start, end = origin[match.start], origin[match.end - 1] + 1
        if spans and not original[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def highlight(text: str, terms: list[str]) -> SafeString:
    """The whole text, escaped, with the query's words marked ("ky hop" marks "Kỳ họp")."""
    original, folded, origin = fold_with_map(text)
    spans = _spans(original, folded, origin, terms)
    return mark_safe(_render(original, spans, 0, len(original)))  # noqa: S308 - escaped above


def snippet(text: str, terms: list[str], length: int = SNIPPET_CHARS) -> SafeString:
    """A passage of about ``length`` characters around the first match, escaped and marked."""
    original, folded, origin = fold_with_map(text)
    spans = _spans(original, folded, origin, terms)
    if len(original) <= length:
        return mark_safe(_render(original, spans, 0, len(original)).replace("\n", " "))  # noqa: S308
    first = spans[0][0] if spans else 0
    start = max(0, first - length // 4)
    if start:
        space = original.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 30 else start
    end = min(len(original), start + length)
    if end < len(original):
        space = original.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    html = _render(original, spans, start, end)
    prefix = "… " if start else ""
    suffix = " …" if end < len(original) else ""
    return mark_safe(f"{prefix}{html}{suffix}".replace("\n", " "))  # noqa: S308
