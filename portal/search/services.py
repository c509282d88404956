"""Writes to the search index: one ``SearchEntry`` per page that may be shown.

``index_pages`` is the one path every write takes (a single publish, a move,
a privacy change, the demo data, a full rebuild): it re-reads the pages in
batches with their related rows prefetched, builds each page's document,
upserts the visible ones with ``bulk_create(update_conflicts=True)`` and
deletes the entries of pages that may no longer be shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Page

from portal.core.text import words
from portal.core.visibility import is_visible, restricted_paths

from .documents import PARENT, builder_for, searchable_models
from .models import TS_CONFIG, SearchEntry

BATCH_SIZE = 500
_UPDATE_FIELDS = [
    "kind",
    "path",
    "expire_at",
    "category",
    "year",
    "published_at",
    "title",
    "text",
    "title_folded",
    "text_folded",
    "search_vector",
    "indexed_at",
]


def folded_words(text: str) -> str:
    """Folded words joined by single spaces, padded so ``" word "`` matches whole words."""
    return f" {' '.join(words(text))} "


def index_page(page) -> int:
    """Index (or re-index) one page; removes it from the index if it may not be shown."""
    return index_pages([page])


def remove_page(page_id: int) -> None:
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


def rebuild_index(progress: bool = True) -> int:
    """Empty the index and index every live page of every searchable type."""
    ids = []
    for model in searchable_models():
        ids.extend(model.objects.live().order_by("pk").values_list("pk", flat=True))
    ids.sort()
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        return index_pages(ids, progress=progress, total=len(ids))


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
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_models(*searchable_models()).values()


def _index_batch(ids: list[int], restricted: list[str]) -> int:
    now = timezone.now()
    by_model = defaultdict(list)
    for pk, content_type_id in Page.objects.filter(pk__in=ids).values_list("pk", "content_type"):
        by_model[content_type_id].append(pk)

    from django.contrib.contenttypes.models import ContentType

    pages, builders = [], {}
    for content_type_id, model_ids in by_model.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        builder = builder_for(model) if model else None
        if builder is None:
            continue
        build, prefetch = builder
        builders[model] = build
        pages.extend(model.objects.filter(pk__in=model_ids).prefetch_related(*prefetch))

    visible = [page for page in pages if is_visible(page, now, restricted=restricted)]
    documents = [(page, builders[type(page)](page)) for page in visible]

    parent_paths = {page.path[: -page.steplen] for page, doc in documents if doc.category == PARENT}
    parent_ids = dict(
        Page.objects.filter(path__in=parent_paths).values_list("path", "pk") if parent_paths else []
    )

    entries = [_entry(page, doc, parent_ids) for page, doc in documents]
    shown = {entry.page_id for entry in entries}
    with transaction.atomic():
        SearchEntry.objects.filter(pk__in=[pk for pk in ids if pk not in shown]).delete()
        if entries:
            SearchEntry.objects.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["page"],
                update_fields=_UPDATE_FIELDS,
            )
    return len(entries)


def _entry(page, doc, parent_ids) -> SearchEntry:
    category = (
        parent_ids.get(page.path[: -page.steplen]) if doc.category == PARENT else doc.category
    )
    date = doc.date
    searchable_text = "\n".join([doc.text, *doc.extra])
    title_folded = folded_words(doc.title)
    text_folded = folded_words(searchable_text)
    entry = SearchEntry(
        page_id=page.pk,
        kind=page._meta.label_lower,
        path=page.path,
        expire_at=page.expire_at,
        category_id=category,
        year=timezone.localtime(date).year if date else None,
        published_at=date,
        title=doc.title[:255],
        text=doc.text,
        title_folded=title_folded,
        indexed_at=timezone.now(),
    )
    if connection.vendor == "postgresql":
        entry.search_vector = SearchVector(
            Value(title_folded), config=TS_CONFIG, weight="A"
        ) + SearchVector(Value(text_folded), config=TS_CONFIG, weight="D")
    else:
        entry.text_folded = text_folded
    return entry
