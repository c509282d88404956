"""Writes to the search index: one ``SearchEntry`` per searchable thing a visitor may be shown.

``index_pages`` is the one path every page write takes (a single publish, a
move, a privacy change, the demo data, a full rebuild): it re-reads the pages in
batches with their related rows prefetched, builds each page's document with
the function its subject registered (``portal.core.registry``), upserts the
visible ones with ``bulk_create(update_conflicts=True)`` and deletes the rows
of pages that may no longer be shown (and of everything that follows them).
``index_records`` does the same for registered models that are not pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, transaction
from django.db.models import Value
from django.db.models.functions import Cast
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Page

from portal.core import registry
from portal.core.text import search_terms, words
from portal.core.visibility import is_visible, restricted_paths

from .documents import builder_for, join_text, searchable_models
from .models import SearchEntry

BATCH_SIZE = 500
_KEY = ["content_type", "object_id", "part"]
_UPDATE_FIELDS = [
    "page",
    "url",
    "path",
    "expire_at",
    "facets",
    "published_at",
    "title",
    "text",
    "title_folded",
    "head_folded",
    "text_folded",
    "extra_folded",
    "title_vector",
    "head_vector",
    "search_vector",
    "indexed_at",
]

# The prefix of the extra words' lexemes in ``search_vector`` (found by, counting
# least); PostgreSQL keeps positions up to 16383 and 256 of them per lexeme.
EXTRA_PREFIX = "x:"
MAX_POSITION = 16383
MAX_POSITIONS = 256
MAX_LEXEME = 400


def folded_words(text: str) -> str:
    """Folded words joined by single spaces, padded so ``" word "`` matches whole words."""
    return f" {' '.join(words(text))} "


def part_lines(*texts) -> list[list[tuple[str, str, bool]]]:
    """The words (``portal.core.text.search_terms``) of each line of ``texts``."""
    lines = []
    for text in texts:
        for line in str(text or "").split("\n"):
            terms = search_terms(line)
            if terms:
                lines.append(terms)
    return lines


def like_text(lines) -> str:
    """SQLite: the exact forms of the words, padded, one line after another (`` | ``),
    so that ``LIKE '% ki~2-y hop~5--- %'`` finds the phrase "kỳ họp" within a line."""
    if not lines:
        return ""
    return (
        " " + " | ".join(" ".join(exact for _key, exact, _marked in line) for line in lines) + " "
    )


def vector_literal(*parts) -> str:
    """PostgreSQL: the ``tsvector`` of ``parts`` = ``(lines, prefix)``, written out.

    Each word gives its key and its exact form at its position, and with the word
    before it on the same line the pair
    ``"<key>_<key>"`` at that word's position: a phrase of two words is one
    lexeme of the GIN index, a longer one a chain of pairs (``<->``). Lines and
    parts are kept apart by a position left empty, so no phrase crosses them.
    """
    positions: dict[str, list[int]] = {}

    def add(lexeme, position):
        if len(lexeme) > MAX_LEXEME:
            return
        found = positions.get(lexeme)
        if found is None:
            positions[lexeme] = [position]
        elif len(found) < MAX_POSITIONS and found[-1] != position:
            found.append(position)

    position = 0
    for lines, prefix in parts:
        for line in lines:
            previous = None
            for key, exact, _marked in line:
                position += 1
                here = min(position, MAX_POSITION)
                add(prefix + key, here)
                add(prefix + exact, here)
                if previous is not None:
                    add(f"{prefix}{previous}_{key}", max(here - 1, 1))
                previous = key
            position += 1
    return " ".join(
        f"'{lexeme}':{','.join(map(str, found))}" for lexeme, found in positions.items()
    )


def index_page(page) -> int:
    """Index (or re-index) one page; removes it from the index if it may not be shown."""
    return index_pages([page])


def remove_page(page_id: int) -> None:
    """Drop the page's rows and every row that follows its visibility."""
    SearchEntry.objects.filter(page_id=page_id).delete()


def index_pages(pages: Iterable, progress: bool = False, total: int | None = None) -> int:
    """Index many pages (Page objects or ids) in batches; returns the number indexed.

    Accepts tens of thousands of pages: each batch of ``BATCH_SIZE`` costs a
    handful of queries whatever its size.
    """
    restricted = restricted_paths()
    if total is None and hasattr(pages, "__len__"):
        total = len(pages)
    bar = tqdm(total=total, unit=" trang", desc="Lập chỉ mục", disable=not progress)
    indexed = 0
    batch: list[int] = []
    try:
        for page in pages:
            batch.append(page if isinstance(page, int) else page.pk)
            if len(batch) >= BATCH_SIZE:
                indexed += _index_batch(batch, restricted)
                bar.update(len(batch))
                batch = []
        if batch:
            indexed += _index_batch(batch, restricted)
            bar.update(len(batch))
    finally:
        bar.close()
    return indexed


def index_records(model, records: Iterable) -> int:
    """Index rows of a registered model that is not a page (a record, a snippet):
    its ``Searchable`` gives the document, the URL and whether a visitor may see it."""
    searchable = registry.searchable_for(model)
    if searchable is None:
        return 0
    content_type = ContentType.objects.get_for_model(model)
    records = list(records)
    ids = [record.pk for record in records]
    if ids:
        records = list(model.objects.filter(pk__in=ids).prefetch_related(*searchable.prefetch))
    shown = [
        record for record in records if searchable.visible is None or searchable.visible(record)
    ]
    entries = [
        _entry(content_type.pk, record.pk, searchable.document(record), url=searchable.url(record))
        for record in shown
    ]
    with transaction.atomic():
        _delete_records(content_type, set(ids) - {record.pk for record in shown})
        _upsert(entries)
    return len(entries)


def remove_record(model, pk) -> None:
    _delete_records(ContentType.objects.get_for_model(model), {pk})


def _delete_records(content_type, ids) -> None:
    if ids:
        SearchEntry.objects.filter(content_type=content_type, object_id__in=ids).delete()


def rebuild_index(progress: bool = True) -> int:
    """Empty the index and index every visible row of every searchable type."""
    page_models = [model for model in searchable_models() if issubclass(model, Page)]
    ids = []
    for model in page_models:
        ids.extend(model.objects.live().order_by("pk").values_list("pk", flat=True))
    ids.sort()
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        indexed = index_pages(ids, progress=progress, total=len(ids))
        for model in searchable_models():
            if not issubclass(model, Page):
                indexed += index_records(model, model.objects.all())
        return indexed


def reindex_subtree(page) -> int:
    """Re-index a page and everything below it (after a move or a privacy change)."""
    ids = (
        Page.objects.descendant_of(page, inclusive=True)
        .filter(content_type__in=_searchable_content_types())
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return index_pages(list(ids))


def _searchable_content_types():
    models = [model for model in searchable_models() if issubclass(model, Page)]
    return ContentType.objects.get_for_models(*models).values()


def _group_paths(pages) -> dict[str, int]:
    """{path: id} of the pages of a search-group type above any of ``pages`` (one query)."""
    group_types = registry.search_group_types()
    if not group_types or not pages:
        return {}
    prefixes = {
        page.path[:length]
        for page in pages
        for length in range(page.steplen, len(page.path), page.steplen)
    }
    return dict(Page.objects.type(*group_types).filter(path__in=prefixes).values_list("path", "pk"))


def _category(page, groups: dict[str, int]) -> int | None:
    """The nearest ancestor of a search-group type."""
    for length in range(len(page.path) - page.steplen, 0, -page.steplen):
        found = groups.get(page.path[:length])
        if found is not None:
            return found
    return None


def _index_batch(ids: list[int], restricted: list[str]) -> int:
    now = timezone.now()
    by_model = defaultdict(list)
    for pk, content_type_id in Page.objects.filter(pk__in=ids).values_list("pk", "content_type"):
        by_model[content_type_id].append(pk)

    pages, builders = [], {}
    for content_type_id, model_ids in by_model.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        builder = builder_for(model) if model else None
        if builder is None:
            continue
        build, prefetch = builder
        builders[model] = (content_type_id, build)
        pages.extend(model.objects.filter(pk__in=model_ids).prefetch_related(*prefetch))

    visible = [page for page in pages if is_visible(page, now, restricted=restricted)]
    groups = _group_paths(visible)
    entries = []
    for page in visible:
        content_type_id, build = builders[type(page)]
        document = build(page)
        category = _category(page, groups)
        facets = {"category": category} if category is not None else {}
        entries.append(_entry(content_type_id, page.pk, document, page=page, facets=facets))
    shown = {entry.object_id for entry in entries}
    with transaction.atomic():
        SearchEntry.objects.filter(page_id__in=[pk for pk in ids if pk not in shown]).delete()
        _upsert(entries)
    return len(entries)


def _upsert(entries) -> None:
    if entries:
        SearchEntry.objects.bulk_create(
            entries, update_conflicts=True, unique_fields=_KEY, update_fields=_UPDATE_FIELDS
        )


def _entry(content_type_id, object_id, doc, *, page=None, url="", facets=None) -> SearchEntry:
    title = part_lines(doc.title)
    head = part_lines(doc.lead, *doc.byline)
    body = part_lines(doc.text)
    extra = part_lines(*doc.extra)
    entry = SearchEntry(
        content_type_id=content_type_id,
        object_id=object_id,
        part=0,
        page=page,
        url=url or "",
        path=page.path if page is not None else "",
        expire_at=page.expire_at if page is not None else None,
        facets={**(facets or {}), **doc.facets},
        published_at=doc.date,
        title=doc.title[:255],
        # What snippets are cut from: the lead and the body, never the extra words.
        text=join_text([doc.lead, doc.text]),
        indexed_at=timezone.now(),
    )
    if connection.vendor == "postgresql":
        entry.title_vector = _vector(vector_literal((title, "")))
        entry.head_vector = _vector(vector_literal((head, "")))
        entry.search_vector = _vector(
            vector_literal((title, ""), (head, ""), (body, ""), (extra, EXTRA_PREFIX))
        )
    else:
        entry.title_folded = like_text(title)
        entry.head_folded = like_text(head)
        entry.text_folded = like_text(title + head + body)
        entry.extra_folded = like_text(extra)
    return entry


def _vector(literal: str):
    return Cast(Value(literal), output_field=SearchVectorField())
