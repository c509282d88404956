"""Reads of the search index: the ranked result set, filter choices, highlighting."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Max, Min, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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


def search_entries(terms: list[str], category_id: int | None = None, year: int | None = None):
    """Entries matching every term, visible now, best first (title matches weigh more).

    PostgreSQL: ``@@`` on the GIN-indexed vector, ``ts_rank`` (title weight A,
    text weight D), recency as tie-break. SQLite: whole-word LIKE on the folded
    text, pages whose title holds more of the terms first, then recency.
    """
    entries = SearchEntry.objects.filter(page__in=visible_pages().values("pk"))
    if category_id is not None:
        entries = entries.filter(category_id=category_id)
    if year is not None:
        entries = entries.filter(year=year)
    if not terms:
        return entries.none()
    if connection.vendor == "postgresql":
        query = SearchQuery(" & ".join(terms), search_type="raw", config=TS_CONFIG)
        return (
            entries.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", F("published_at").desc(nulls_last=True), "-page_id")
        )
    title_hits = Value(0, output_field=IntegerField())
    for term in terms:
        padded = f" {term} "
        entries = entries.filter(Q(title_folded__contains=padded) | Q(text_folded__contains=padded))
        title_hits = title_hits + Case(
            When(title_folded__contains=padded, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return entries.annotate(rank=title_hits).order_by(
        "-rank", F("published_at").desc(nulls_last=True), "-page_id"
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
