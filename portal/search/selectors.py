"""Reads of the search index: the ranked result set, filter choices, highlighting.

How results are ranked (``docs/search.md``): a query is a sequence of words,
some perhaps in quotes; each word has a key (folded, found in every form) and,
if typed with marks, an exact form (``portal.core.text.search_tokens``). Rows
fall into tiers, best first, and each tier is newest first:

1. the words as a phrase (adjacent, in order): in the title, in the lead or
   byline, in the body, in the extra words (captions, credits, topics) — first
   with the marks the query was typed with, then by the keys alone;
2. every word, apart: in the title, then anywhere — exactly, then by the keys.

Quoted words must appear as a phrase in every tier. A query typed without marks
has only the key tiers; the last tier (every word anywhere, by the keys) holds
every match, and its capped count is the one shown.

Every tier is an indexed condition (PostgreSQL: the GIN-indexed vectors, a
phrase being a chain of indexed word pairs; SQLite: ``LIKE`` on the exact forms)
and the tiers are not exclusive: the page is merged from the newest rows of each
tier, a row counted once, at its best tier. A few statements whatever the data:
the capped counts of the tiers (a tier is not counted once the tiers before it
hold enough rows for the page), the ids of the page (a tier of at most
``RESULT_CAP`` rows gathered from its index and sorted, a larger one read newest
first until the page is full) and the shown rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.db.models import BooleanField, F, Max, Min, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.core.text import normalize, search_tokens
from portal.core.visibility import is_visible, restricted_paths, visible_q

from .models import SearchEntry

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 20
SNIPPET_CHARS = 260
EXTRA_PREFIX = "x:"  # the extra words' lexemes in ``search_vector`` (services)


def clip_query(q: str | None) -> str:
    """The query without NUL bytes, cut to ``MAX_QUERY_CHARS`` at a word boundary."""
    text = normalize((q or "").replace("\x00", " "))
    if len(text) <= MAX_QUERY_CHARS:
        return text
    clipped = text[:MAX_QUERY_CHARS]
    if not text[MAX_QUERY_CHARS].isspace() and " " in clipped:
        clipped = clipped.rsplit(" ", 1)[0]
    return clipped.strip()


@dataclass(frozen=True)
class Term:
    """A word of a query: its key, its exact form, whether it was typed with marks."""

    key: str
    exact: str
    marked: bool

    def form(self, exact: bool) -> str:
        """The form a tier matches: the exact form in an exact tier, else the key."""
        return self.exact if exact else self.key


class QueryTerms(list):
    """The words of a query: a list of its distinct keys (what ``query_words`` has
    always returned), carrying the query's word sequence (``terms``, at most
    ``MAX_QUERY_WORDS``), its quoted phrases (``phrases``: ``(start, end)`` ranges
    of ``terms``) and whether any word was typed with marks (``marked``).

    A query typed with marks is read as written, every word: its exact tiers ask
    for each word's exact form, "Thanh" in "Phương Thị Thanh" included (a syllable
    of the level tone carries no mark); its key tiers find every form.
    """

    def __init__(self, terms: tuple[Term, ...] = (), phrases: tuple[tuple[int, int], ...] = ()):
        super().__init__(dict.fromkeys(term.key for term in terms))
        self.terms = terms
        self.phrases = phrases
        self.marked = any(term.marked for term in terms)

    @property
    def identity(self) -> str:
        """What the results depend on: the words in order, with the marks they were
        typed with, and the quotes ("Kỳ HỌP" = "kỳ họp", but not "ky hop", "họp kỳ")."""
        words = [term.form(self.marked) for term in self.terms]
        for start, end in reversed(self.phrases):
            words[start] = f'"{words[start]}'
            words[end - 1] = f'{words[end - 1]}"'
        return " ".join(words)

    def groups(self) -> list[tuple[Term, ...]]:
        """What every match must hold: each quoted phrase, and each other word."""
        quoted = {index for start, end in self.phrases for index in range(start, end)}
        groups = [self.terms[start:end] for start, end in self.phrases]
        seen = set()
        for index, term in enumerate(self.terms):
            if index not in quoted and (term.key, term.form(True)) not in seen:
                seen.add((term.key, term.form(True)))
                groups.append((term,))
        return groups

    def __reduce__(self):
        return (QueryTerms, (self.terms, self.phrases))


_QUOTES = re.compile(r'["“”„«»]')


def parse_query(q: str | None) -> QueryTerms:
    """The visitor's query as words, within sensible bounds: a part between two
    quotation marks is a phrase every match must hold; a quotation mark left
    unpaired is ignored."""
    text = clip_query(q)
    pieces = _QUOTES.split(text)
    if len(pieces) % 2 == 0:  # an unpaired mark: the last one is not a quote
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    terms: list[Term] = []
    phrases = []
    for number, piece in enumerate(pieces):
        start = len(terms)
        for token in search_tokens(piece)[1]:
            if len(terms) >= MAX_QUERY_WORDS:
                break
            key = token.key[:MAX_QUERY_CHARS]
            exact = token.exact if key == token.key else key
            terms.append(Term(key, exact, token.marked and key == token.key))
        if number % 2 and len(terms) - start > 1:
            phrases.append((start, len(terms)))
    return QueryTerms(tuple(terms), tuple(phrases))


def query_words(q: str | None) -> QueryTerms:
    """The folded, de-duplicated words of a visitor's query, within sensible bounds
    (a list of keys, carrying the query's order, marks and phrases: ``QueryTerms``)."""
    return parse_query(q)


def as_query(terms) -> QueryTerms:
    """``terms`` as a ``QueryTerms``: itself, or a plain list of words read again."""
    if isinstance(terms, QueryTerms):
        return terms
    return parse_query(" ".join(str(term) for term in terms or ()))


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


# --- The tiers -----------------------------------------------------------------
#
# A tier is ``(kind, exact)``; its condition is built for the database in use.

PHRASE_KINDS = ("title_phrase", "head_phrase", "body_phrase", "extra_phrase")


def tiers_for(query: QueryTerms) -> list[tuple[str, bool]]:
    """The tiers of ``query``, best first; the last holds every match."""
    exacts = (True, False) if query.marked else (False,)
    if len(query.terms) > 1:
        phrase_kinds, apart_kinds = PHRASE_KINDS, ("title_all", "all")
    else:
        phrase_kinds, apart_kinds = PHRASE_KINDS[:3], ("all",)
    return [(kind, exact) for exact in exacts for kind in phrase_kinds] + [
        (kind, exact) for exact in exacts for kind in apart_kinds
    ]


def _where(sql: str, params) -> RawSQL:
    return RawSQL(f"({sql})", list(params), output_field=BooleanField())


# PostgreSQL: tsquery over the vectors the index writes (services.vector_literal).


def _lexeme(text: str) -> str:
    return "'" + text.replace("'", "''").replace("\\", "\\\\") + "'"


def _ts_phrase(terms, exact: bool, prefix: str = "") -> str:
    """The words as a phrase: one word; the chain of key pairs (each pair one
    lexeme of the GIN index), and in an exact tier the chain of the exact forms."""
    if len(terms) == 1:
        return _lexeme(prefix + terms[0].form(exact))
    pairs = " <-> ".join(
        _lexeme(f"{prefix}{first.key}_{second.key}")
        for first, second in zip(terms, terms[1:], strict=False)
    )
    if not exact:
        return f"({pairs})"
    forms = " <-> ".join(_lexeme(prefix + term.form(True)) for term in terms)
    return f"({pairs}) & ({forms})"


def _ts_all(terms, exact: bool) -> str:
    return " & ".join(dict.fromkeys(_lexeme(term.form(exact)) for term in terms))


def _ts_required(query: QueryTerms, exact: bool) -> str:
    """Every group (a quoted phrase, a word) in the title, head, body or extra words."""
    return " & ".join(
        f"({_ts_phrase(group, exact)} | {_ts_phrase(group, exact, EXTRA_PREFIX)})"
        for group in query.groups()
    )


def _postgres_condition(query: QueryTerms, kind: str, exact: bool):
    terms = query.terms
    if kind == "title_phrase":
        return _where('"title_vector" @@ %s::tsquery', [_ts_phrase(terms, exact)])
    if kind == "head_phrase":
        return _where('"head_vector" @@ %s::tsquery', [_ts_phrase(terms, exact)])
    if kind == "body_phrase":
        return _where('"search_vector" @@ %s::tsquery', [_ts_phrase(terms, exact)])
    if kind == "extra_phrase":
        return _where('"search_vector" @@ %s::tsquery', [_ts_phrase(terms, exact, EXTRA_PREFIX)])
    required = _where('"search_vector" @@ %s::tsquery', [_ts_required(query, exact)])
    if kind == "title_all":
        title = _where('"title_vector" @@ %s::tsquery', [_ts_all(terms, exact)])
        return (title, required) if query.phrases else (title,)
    return required


# SQLite: LIKE over the exact forms (services.like_text): "hop~5---" is "họp"; a
# word matched by its key alone leaves the fixed-width rest to "_".


def _like_form(term: Term, exact: bool) -> str:
    if exact:
        return term.exact
    return f"{term.key}~" + "_" * (len(term.exact) - len(term.key) - 1)


def _like_phrase(terms, exact: bool) -> str:
    return "% " + " ".join(_like_form(term, exact) for term in terms) + " %"


def _like(column: str, pattern: str) -> RawSQL:
    return _where(f'"{column}" LIKE %s', [pattern])


def _sqlite_required(query: QueryTerms, exact: bool) -> list:
    conditions = []
    for group in query.groups():
        pattern = _like_phrase(group, exact)
        conditions.append(
            _where('"text_folded" LIKE %s OR "extra_folded" LIKE %s', [pattern, pattern])
        )
    return conditions


def _sqlite_condition(query: QueryTerms, kind: str, exact: bool):
    terms = query.terms
    column = {
        "title_phrase": "title_folded",
        "head_phrase": "head_folded",
        "body_phrase": "text_folded",
        "extra_phrase": "extra_folded",
    }.get(kind)
    if column:
        return _like(column, _like_phrase(terms, exact))
    required = _sqlite_required(query, exact)
    if kind == "title_all":
        patterns = dict.fromkeys(_like_phrase((term,), exact) for term in terms)
        title = [_like("title_folded", pattern) for pattern in patterns]
        return (*title, *required) if query.phrases else tuple(title)
    return tuple(required)


def tier_querysets(listed, query: QueryTerms) -> list:
    """``listed`` within each tier's condition, newest first."""
    condition = _postgres_condition if connection.vendor == "postgresql" else _sqlite_condition
    order = (F("published_at").desc(nulls_last=True), "-id")
    querysets = []
    for kind, exact in tiers_for(query):
        found = condition(query, kind, exact)
        found = found if isinstance(found, tuple) else (found,)
        querysets.append(listed.filter(*found).order_by(*order))
    return querysets


def matching(entries, terms):
    """``entries`` holding every word of ``terms`` (anywhere, by the keys), quoted
    phrases as phrases: the last tier."""
    query = as_query(terms)
    if not query.terms:
        return entries.none()
    return tier_querysets(entries, query)[-1]


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

    ``terms`` is what ``query_words`` returns (a plain list of words works too, read
    without marks it may have lost). A few statements whatever the number of
    matches: the capped counts of the tiers, the ids of the page and the shown rows
    with their pages. The rows shown are checked against their page
    (``portal.core.visibility.is_visible``); a row that fails (the index lagging
    behind a change made without signals) is not shown, and a background task
    brings the index in step: the request itself writes nothing.
    """
    query = as_query(terms)
    if not query.terms:
        return SearchResults([], 0, 1, per_page)
    tiers = tier_querysets(listed_entries(category_id, year), query)
    size = per_page + SPARE_ROWS
    # Rows past the cap are never shown: no page needs more than this.
    need = min((page_number(page) - 1) * per_page + size, RESULT_CAP + size)
    counts, total = _tier_counts(tiers, need)
    capped = total > RESULT_CAP
    count = min(total, RESULT_CAP)
    number = min(page_number(page), max(1, -(-count // per_page)))
    offset = (number - 1) * per_page
    ranked = _ranked_ids(tiers, [*counts, total], offset + size)[offset : offset + size]
    if not ranked:
        return SearchResults([], count, number, per_page, capped)
    restricted = restricted_paths()
    found = (
        SearchEntry.objects.filter(pk__in=ranked)
        .select_related("page")
        .defer(*_INDEX_COLUMNS)
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


_INDEX_COLUMNS = (
    "title_folded",
    "head_folded",
    "text_folded",
    "extra_folded",
    "title_vector",
    "head_vector",
    "search_vector",
)


def _sql(queryset):
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def _count_sql(queryset):
    sql, params = _sql(queryset.order_by().values("id")[: RESULT_CAP + 1])
    return f"SELECT count(*) FROM ({sql}) AS capped", params


def _tier_counts(tiers, need: int) -> tuple[list[int | None], int]:
    """The capped count (at most ``RESULT_CAP + 1``) of each tier but the last, in one
    statement, and of the last (every match: the total).

    A tier is not counted (``None``) once a tier before it holds ``need`` rows: the
    page is full without it. The total is not counted either once a tier holds more
    than the cap. (A ``CASE`` branch not taken runs no subquery, on both databases.)
    """
    *ranked, last = tiers
    materialized = " MATERIALIZED" if connection.vendor == "postgresql" else ""
    ctes, params = [], []
    for index, queryset in enumerate(ranked):
        sql, query_params = _count_sql(queryset)
        if index == 0:
            ctes.append(f"c0 AS{materialized} (SELECT ({sql}) AS n0)")
        else:
            full = " OR ".join(f"COALESCE(n{j}, 0) >= {int(need)}" for j in range(index))
            ctes.append(
                f"c{index} AS{materialized} (SELECT c{index - 1}.*, "
                f"CASE WHEN {full} THEN NULL ELSE ({sql}) END AS n{index} FROM c{index - 1})"
            )
        params += query_params
    sql, query_params = _count_sql(last)
    params += query_params
    if not ranked:
        statement = f"SELECT ({sql})"
    else:
        over = " OR ".join(f"COALESCE(n{j}, 0) > {RESULT_CAP}" for j in range(len(ranked)))
        statement = (
            f"WITH {', '.join(ctes)} SELECT c{len(ranked) - 1}.*, "
            f"CASE WHEN {over} THEN {RESULT_CAP + 1} ELSE ({sql}) END FROM c{len(ranked) - 1}"
        )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        row = cursor.fetchone()
    return list(row[:-1]), row[-1]


_NEWEST_FIRST = '"published_at" DESC NULLS LAST, "id" DESC'


def _ranked_ids(tiers, counts, need: int) -> list[int]:
    """The ids of the first ``need`` rows of the merged tiers, in one statement.

    Each tier the page may reach gives its newest ``need`` rows (no more than it
    has); a row is kept at its best tier. Only ids and dates travel. On PostgreSQL
    a tier of at most ``RESULT_CAP`` rows is gathered through its GIN index and
    sorted (a materialised CTE: its matches, not the table), a larger one is read
    newest first and stops when the page is full.
    """
    parts, params, ctes = [], [], []
    postgres = connection.vendor == "postgresql"
    reached = 0
    for tier, (queryset, count) in enumerate(zip(tiers, counts, strict=True)):
        if count is None or reached >= need:
            break
        reached = max(reached, count)
        if count <= 0:
            continue
        size = min(need, count)
        if postgres and count <= RESULT_CAP:
            sql, query_params = _sql(queryset.order_by().values("id", "published_at"))
            ctes.append(f"tier_{tier} AS MATERIALIZED ({sql})")
            parts.append(
                f"(SELECT id, {tier} AS tier, published_at FROM tier_{tier} "
                f"ORDER BY {_NEWEST_FIRST} LIMIT {int(size)})"
            )
        else:
            sql, query_params = _sql(queryset.values("id", "published_at")[:size])
            parts.append(f"SELECT id, {tier} AS tier, published_at FROM ({sql}) AS tier_{tier}")
        params += query_params
    if not parts:
        return []
    statement = " UNION ALL ".join(parts)
    if ctes:
        statement = f"WITH {', '.join(ctes)} {statement}"
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    rows.sort(key=lambda row: row[0], reverse=True)
    rows.sort(key=lambda row: (row[2] is not None, row[2]), reverse=True)
    rows.sort(key=lambda row: row[1])
    return list(dict.fromkeys(row[0] for row in rows))[:need]


def year_range() -> list[int]:
    """Years that have indexed rows, newest first (two index lookups)."""
    bounds = SearchEntry.objects.aggregate(first=Min("published_at"), last=Max("published_at"))
    if bounds["first"] is None:
        return []
    first = timezone.localtime(bounds["first"]).year
    last = timezone.localtime(bounds["last"]).year
    return list(range(last, first - 1, -1))


# --- Highlighting and snippets -------------------------------------------------


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


def _occurrences(tokens, terms, exact: bool) -> list[tuple[int, int]]:
    """``(first, last + 1)`` token ranges where ``terms`` occur as a phrase."""
    size = len(terms)
    if not size:
        return []
    wanted = [(term.key, term.exact if exact else None) for term in terms]
    found, index, limit = [], 0, len(tokens) - size
    while index <= limit:
        for offset, (key, form) in enumerate(wanted):
            token = tokens[index + offset]
            if token.key != key or (form is not None and token.exact != form):
                break
        else:
            found.append((index, index + size))
            index += size
            continue
        index += 1
    return found


def _best(tokens, terms, marked: bool) -> list[tuple[int, int]]:
    """Occurrences of ``terms``: as typed first if the query was typed with marks."""
    if marked:
        exact = _occurrences(tokens, terms, True)
        if exact:
            return exact
    return _occurrences(tokens, terms, False)


def _marked(tokens, query: QueryTerms) -> tuple[list[tuple[int, int]], bool]:
    """Token ranges to mark and whether they are the whole query's phrase: its
    occurrences if the text holds it, else those of each quoted phrase and word."""
    if len(query.terms) > 1:
        whole = _best(tokens, query.terms, query.marked)
        if whole:
            return whole, True
    ranges = []
    for group in query.groups():
        ranges += _best(tokens, group, query.marked)
    return sorted(ranges), len(query.terms) == 1 and bool(ranges)


def _spans(original: str, tokens, ranges) -> list[tuple[int, int]]:
    """Ranges as spans of the original text; neighbours joined across spaces."""
    spans: list[tuple[int, int]] = []
    for first, last in ranges:
        start, end = tokens[first].start, tokens[last - 1].end
        if spans and start >= spans[-1][1] and not original[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)
        elif spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def highlight(text: str, terms) -> SafeString:
    """The whole text, escaped, with the query marked: the phrase as one mark
    ("ky hop" marks "Kỳ họp"), the forms typed with marks first ("kỳ họp" does not
    mark "tổng hợp" when the text holds "kỳ họp")."""
    query = as_query(terms)
    original, tokens = search_tokens(text)
    ranges, _whole = _marked(tokens, query)
    spans = _spans(original, tokens, ranges)
    return mark_safe(_render(original, spans, 0, len(original)))  # noqa: S308 - escaped above


def _focus(tokens, ranges, whole: bool, length: int, group_of) -> int:
    """Where the snippet looks: the first occurrence of the phrase, else the
    start of the window holding the most of the query's words (then the most marks)."""
    if not ranges:
        return 0
    if whole:
        return tokens[ranges[0][0]].start
    best, best_score = 0, None
    reach = length * 2 // 3
    for index, (first, _last) in enumerate(ranges):
        start = tokens[first].start
        inside = [r for r in ranges[index:] if tokens[r[0]].start - start <= reach]
        score = (len({group_of[r] for r in inside}), len(inside))
        if best_score is None or score > best_score:
            best, best_score = start, score
    return best


def snippet(text: str, terms, length: int = SNIPPET_CHARS) -> SafeString:
    """A passage of about ``length`` characters from where the query matched (the
    phrase, else the densest window), escaped and marked."""
    query = as_query(terms)
    original, tokens = search_tokens(text)
    ranges, whole = _marked(tokens, query)
    spans = _spans(original, tokens, ranges)
    if len(original) <= length:
        return mark_safe(_render(original, spans, 0, len(original)).replace("\n", " "))  # noqa: S308
    group_of = {}
    if not whole:
        for number, group in enumerate(query.groups()):
            for found in _best(tokens, group, query.marked):
                group_of[found] = number
    first = _focus(tokens, ranges, whole, length, group_of)
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
