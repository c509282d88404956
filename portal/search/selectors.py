"""Reads of the search index: the ranked result set, filter choices, highlighting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import BooleanField, F, Max, Min, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.core.text import fold_with_map, normalize, words
from portal.core.visibility import is_visible, restricted_paths, visible_q

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


RESULT_CAP = 1000


def listed_entries(category_id: int | None = None, year: int | None = None):
    """Index rows that may be listed, within the filters (unordered).

    Rows of expired pages (``expire_at`` is copied into the row) and of pages
    under a view restriction (by tree path) are left out here; ``search`` then
    checks the shown rows against the page table itself. ``category`` is a facet;
    the year is a range of ``published_at`` (local time), read on the recency index.
    """
    entries = SearchEntry.objects.filter(visible_q(live=None))
    if category_id is not None:
        entries = entries.filter(facet_q("category", category_id))
    if year is not None:
        start, end = year_bounds(year)
        entries = entries.filter(published_at__gte=start, published_at__lt=end)
    return entries


def facet_q(name: str, value) -> Q:
    """Rows whose facet ``name`` is ``value``: JSON containment on PostgreSQL (the
    ``jsonb_path_ops`` GIN index answers it), a JSON key lookup on SQLite."""
    if connection.vendor == "postgresql":
        return Q(facets__contains={name: value})
    return Q(**{f"facets__{name}": value})


def year_bounds(year: int):
    """The first moment of ``year`` and of the next one, in the portal's time zone."""
    zone = timezone.get_current_timezone()
    return (
        datetime(year, 1, 1, tzinfo=zone),
        datetime(year + 1, 1, 1, tzinfo=zone),
    )


def matching(entries, terms: list[str]):
    """``entries`` holding every term (title or text): PostgreSQL ``@@`` on the
    GIN-indexed ``portal_vi`` vector, SQLite whole-word ``LIKE`` on the folded text."""
    if connection.vendor == "postgresql":
        query = SearchQuery(" & ".join(terms), search_type="raw", config=TS_CONFIG)
        entries = entries.filter(search_vector=query)
    else:
        for term in terms:
            padded = f" {term} "
            entries = entries.filter(
                Q(title_folded__contains=padded) | Q(text_folded__contains=padded)
            )
    return entries


# The expression index of migration 0004 finds the titles; ``LIKE`` on the short
# inline title comes first so that a walk in date order computes the title's
# vector only for rows whose title holds every word (terms are [0-9a-z] only).
_TITLE_VECTOR = (
    "to_tsvector('simple'::regconfig, \"title_folded\") @@ to_tsquery('simple'::regconfig, %s)"
)


def _title_holds_all(terms: list[str]) -> tuple[str, list[str]]:
    likes = ['"title_folded" LIKE %s'] * len(terms)
    return " AND ".join([*likes, _TITLE_VECTOR]), [f"% {t} %" for t in terms] + [" & ".join(terms)]


def ranked_phases(listed, terms: list[str]):
    """The ``listed`` rows matching every term in two phases, each newest first: the
    rows whose title holds every term, then the rest.

    A title holding every term implies a match (the vector includes the title),
    so the first phase tests the title alone.

    Each phase is an ordered query that PostgreSQL answers without reading every
    match: a common word by walking the recency index and testing rows until the
    page is full, a rare word (or a title phrase) through its GIN index and a
    top-N sort. SQLite gets the same order from ``LIKE`` on the folded title.
    """
    if connection.vendor == "postgresql":
        sql, params = _title_holds_all(terms)
        in_title = listed.filter(RawSQL(f"({sql})", params, output_field=BooleanField()))
        elsewhere = matching(listed, terms).filter(
            RawSQL(f"NOT ({sql})", params, output_field=BooleanField())
        )
    else:
        title_q = Q()
        for term in terms:
            title_q &= Q(title_folded__contains=f" {term} ")
        in_title, elsewhere = listed.filter(title_q), matching(listed, terms).exclude(title_q)
    order = (F("published_at").desc(nulls_last=True), "-id")
    return in_title.order_by(*order), elsewhere.order_by(*order)


@dataclass
class SearchResults:
    """One page of results, shaped like Django's ``Page`` for the template.

    ``count`` is exact up to ``RESULT_CAP``; beyond it ``capped`` is true,
    ``count`` is the cap and only the pages up to the cap can be reached.
    """

    entries: list
    count: int
    number: int
    per_page: int
    capped: bool = False

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
    """The ``page``-th ``per_page`` results (beyond the last reachable page: that page).

    A few queries whatever the number of matches: the capped counts of both
    phases (at most ``RESULT_CAP + 1`` rows each are counted), the ids of the
    page (a slice of each phase, in one statement, only of the rows the counts
    say exist) and the shown rows with their pages. The rows shown are checked
    against their page (``portal.core.visibility.is_visible``); a row that fails
    (the index lagging behind a change made without signals) is not shown, and a
    background task brings the index in step: the request itself writes nothing.
    """
    if not terms:
        return SearchResults([], 0, 1, per_page)
    listed = listed_entries(category_id, year)
    in_title, elsewhere = ranked_phases(listed, terms)
    title_count, total = _capped_counts(in_title, matching(listed, terms))
    capped = total > RESULT_CAP
    count = min(total, RESULT_CAP)
    number = min(page_number(page), max(1, -(-count // per_page)))
    offset = (number - 1) * per_page
    size = per_page + SPARE_ROWS
    first_offset = min(offset, title_count)
    first_size = max(0, min(size, title_count - offset))
    second_offset = max(0, offset - title_count)
    second_size = size - first_size
    if not capped:
        # The counts are exact: never ask a phase for rows it does not have (a walk
        # down the recency index for a word no row holds would read every row).
        second_size = min(second_size, max(0, total - title_count - second_offset))
    ranked = _ranked_ids(
        (in_title, first_offset, first_size), (elsewhere, second_offset, second_size)
    )
    if not ranked:
        return SearchResults([], count, number, per_page, capped)
    restricted = restricted_paths()
    found = (
        SearchEntry.objects.filter(pk__in=ranked)
        .select_related("page")
        .defer("search_vector", "text_folded", "title_folded")
        .in_bulk()
    )
    shown = {
        pk: entry
        for pk, entry in found.items()
        if entry.page_id is None or is_visible(entry.page, restricted=restricted)
    }
    stale = [pk for pk in ranked if pk not in shown]
    if stale:
        from .tasks import reindex_pages

        pages = SearchEntry.objects.filter(pk__in=stale, page__isnull=False)
        reindex_pages.enqueue(sorted(set(pages.values_list("page_id", flat=True))))
        if not capped:
            count -= len(stale)
    rows = [shown[pk] for pk in ranked if pk in shown]
    return SearchResults(rows[:per_page], max(count, 0), number, per_page, capped)


def _sql(queryset):
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def _capped_counts(*querysets) -> tuple[int, ...]:
    """How many rows each query has, counting at most ``RESULT_CAP + 1``, in one statement."""
    parts, params = [], []
    for queryset in querysets:
        sql, query_params = _sql(queryset.order_by().values("id")[: RESULT_CAP + 1])
        parts.append(f"(SELECT count(*) FROM ({sql}) AS capped)")
        params += query_params
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        return tuple(cursor.fetchone())


_NEWEST_FIRST = '"published_at" DESC NULLS LAST, "id" DESC'


def _ranked_ids(*slices, few: bool = False) -> list[int]:
    """Ids of the rows of each ``(query, offset, size)`` slice, slices in turn, in one statement.

    Only ids and dates travel; the shown rows are read afterwards by primary key.
    With ``few`` (the counts are exact, at most ``RESULT_CAP`` rows match) PostgreSQL
    first gathers the matches through the GIN index and sorts them (a materialised
    CTE), instead of walking the recency index past rows that do not match and
    reading each one's vector: a rare word costs its matches, not the table.
    """
    parts, params, ctes = [], [], []
    if all(size <= 0 for _queryset, _offset, size in slices):
        return []
    materialise = few and connection.vendor == "postgresql"
    for phase, (queryset, offset, size) in enumerate(slices):
        if size <= 0:
            continue
        if materialise:
            sql, query_params = _sql(queryset.order_by().values("id", "published_at"))
            ctes.append(f"matches_{phase} AS MATERIALIZED ({sql})")
            parts.append(
                f"(SELECT id, {phase} AS phase, published_at FROM matches_{phase} "
                f"ORDER BY {_NEWEST_FIRST} LIMIT {int(size)} OFFSET {int(offset)})"
            )
        else:
            sql, query_params = _sql(queryset.values("id", "published_at")[offset : offset + size])
            parts.append(f"SELECT id, {phase} AS phase, published_at FROM ({sql}) AS phase_{phase}")
        params += query_params
    statement = " UNION ALL ".join(parts)
    if ctes:
        statement = f"WITH {', '.join(ctes)} {statement}"
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    rows.sort(key=lambda row: row[0], reverse=True)
    rows.sort(key=lambda row: (row[2] is not None, row[2]), reverse=True)
    rows.sort(key=lambda row: row[1])
    return [row[0] for row in rows]


def year_range() -> list[int]:
    """Years that have indexed rows, newest first (two index lookups)."""
    bounds = SearchEntry.objects.aggregate(first=Min("published_at"), last=Max("published_at"))
    if bounds["first"] is None:
        return []
    first = timezone.localtime(bounds["first"]).year
    last = timezone.localtime(bounds["last"]).year
    return list(range(last, first - 1, -1))


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
