"""Publishing articles in bulk, for demo portals of 100,000 articles.

``Page.add_child`` plus ``save_revision().publish()`` costs dozens of queries per
page. Here a batch of articles costs a handful of statements whatever its size,
and leaves exactly what the admin would have left:

- wagtailcore ``Page`` rows with treebeard materialised paths computed here
  (``path`` = parent path + 4-character base-36 step, ``depth``, ``numchild``
  of the category incremented, ``url_path``), then the ``ArticlePage`` rows
  (multi-table inheritance: only the child table's local fields);
- the byline (``ArticleAuthor``) and tags (``ArticleTopic``);
- one ``Revision`` per article whose content is ``page.serializable_data()``
  (children included, with their ids), set as ``latest_revision`` and
  ``live_revision``;
- Wagtail's reference index (image and author usage), its admin search index
  (``wagtail.search``), and the portal's search index (``portal.search``).

Each batch runs in its own transaction: an interrupted run leaves whole
articles only, and the next run carries on from there.
"""

import multiprocessing
from collections import Counter
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from modelcluster.models import get_all_child_relations
from wagtail.blocks import StreamValue
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends

from portal.news.models import ArticleAuthor, ArticlePage, ArticleTopic
from portal.search.services import index_pages

from . import specs

BATCH_SIZE = 1000


@dataclass
class ArticleContext:
    """Everything the specs refer to, resolved to database rows once."""

    categories: dict  # category position -> NewsCategoryPage
    genres: dict  # genre name -> Genre id
    images: dict  # pool index -> wagtail Image
    authors: dict  # roster position -> Author id
    topics: dict  # topic name -> Topic id
    units: dict  # unit code -> AdministrativeUnit id
    owner_id: int | None = None


def path_step(number: int) -> str:
    """Treebeard's step for the ``number``-th child: ``Page.steplen`` characters of
    ``Page.alphabet`` (base 36 by default), as its materialised paths are written."""
    alphabet, chars = Page.alphabet, []
    for _ in range(Page.steplen):
        number, digit = divmod(number, len(alphabet))
        chars.append(alphabet[digit])
    if number:
        raise ValueError("the parent page has no free path left")
    return "".join(reversed(chars))


def step_number(step: str) -> int:
    number = 0
    for char in step:
        number = number * len(Page.alphabet) + Page.alphabet.index(char)
    return number


class PathAllocator:
    """Hands out the next free treebeard paths under each parent page."""

    def __init__(self):
        self._next = {}

    def next_path(self, parent) -> str:
        if parent.pk not in self._next:
            last = parent.get_last_child()
            self._next[parent.pk] = step_number(last.path[-Page.steplen :]) + 1 if last else 1
        step = self._next[parent.pk]
        self._next[parent.pk] = step + 1
        return parent.path + path_step(step)


def _struct(block, **values):
    return block.meta.value_class(block, list(values.items()))


def _body(spec, ctx):
    stream_block = ArticlePage._meta.get_field("body").stream_block
    image_block = stream_block.child_blocks["image"]
    quote_block = stream_block.child_blocks["quote"]
    data = []
    for block, block_id in zip(spec.blocks, spec.block_ids, strict=True):
        kind = block[0]
        if kind == "paragraph":
            data.append(("paragraph", RichText(f"<p>{block[1]}</p>"), block_id))
        elif kind == "image":
            _kind, pool_index, alt, caption, photographer = block
            value = _struct(
                image_block,
                image=ctx.images[pool_index],
                alt=alt,
                caption=caption,
                photographer=photographer,
            )
            data.append(("image", value, block_id))
        elif kind == "quote":
            value = _struct(quote_block, text=block[1], attribution=block[2])
            data.append(("quote", value, block_id))
    return StreamValue(stream_block, data)


def _build(spec, ctx, path, content_type_id):
    category = ctx.categories[spec.category]
    featured = ctx.images.get(spec.featured_image) if spec.featured_image is not None else None
    page_values = {
        "title": spec.title,
        "draft_title": spec.title,
        "slug": spec.slug,
        "content_type_id": content_type_id,
        "path": path,
        "depth": category.depth + 1,
        "numchild": 0,
        "url_path": f"{category.url_path}{spec.slug}/",
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": spec.published_at,
        "last_published_at": spec.published_at,
        "latest_revision_created_at": spec.published_at,
        "locale_id": category.locale_id,
        "translation_key": spec.translation_key,
        "owner_id": ctx.owner_id,
    }
    article = ArticlePage(
        **page_values,
        genre_id=ctx.genres[spec.genre],
        lead=spec.lead,
        featured_image=featured,
        featured_image_alt=spec.featured_alt if featured else "",
        featured_image_caption=spec.featured_caption if featured else "",
        admin_unit_id=ctx.units.get(spec.unit_code),
        event_date=spec.event_date,
    )
    article.body = _body(spec, ctx)
    return Page(**page_values), article


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _allocate_ids(model, count: int) -> list[int]:
    """PostgreSQL: take ``count`` ids from the table's sequence before inserting."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _copy(model, objs, fields):
    """PostgreSQL ``COPY ... FROM STDIN``: the fastest way in, values prepared as Django does."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        ) as copy:
            for obj in objs:
                copy.write_row(
                    [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields]
                )


def _insert(model, objs, with_ids=True):
    """Insert ``objs``; with ``with_ids`` their primary keys are set afterwards."""
    if not objs:
        return
    fields = model._meta.local_concrete_fields
    if _is_postgres():
        if with_ids and objs[0].pk is None:
            for obj, pk in zip(objs, _allocate_ids(model, len(objs)), strict=True):
                obj.pk = pk
        if not with_ids:
            fields = [f for f in fields if not f.primary_key]
        _copy(model, objs, fields)
    elif model._meta.parents:  # multi-table child: bulk_create refuses it
        batch = max(1, connection.ops.bulk_batch_size(fields, objs))
        model.objects.all()._batched_insert(objs, fields=fields, batch_size=batch)
    else:
        model.objects.bulk_create(objs)
    for obj in objs:
        obj._state.adding = False


def _children(specs, articles, ctx):
    """Byline and tags, attached in memory too so that revisions carry them."""
    authors, tags = [], []
    for spec, article in zip(specs, articles, strict=True):
        authors.append(
            [
                ArticleAuthor(page_id=article.pk, author_id=ctx.authors[position], sort_order=order)
                for order, position in enumerate(spec.authors)
            ]
        )
        tags.append(
            [ArticleTopic(content_object_id=article.pk, tag_id=ctx.topics[t]) for t in spec.topics]
        )
    _insert(ArticleAuthor, [row for rows in authors for row in rows])
    _insert(ArticleTopic, [row for rows in tags for row in rows])
    relations = [rel.get_accessor_name() for rel in get_all_child_relations(ArticlePage)]
    for article, byline, topics in zip(articles, authors, tags, strict=True):
        for name in relations:
            setattr(article, name, [])
        article.authors = byline
        article.tagged_items = topics


def _revisions(articles, content_type_id, base_content_type_id, user_id):
    """One revision per article: its content is the page as Wagtail serialises it."""
    return [
        Revision(
            content_type_id=content_type_id,
            base_content_type_id=base_content_type_id,
            object_id=str(article.pk),
            created_at=article.first_published_at,
            user_id=user_id,
            object_str=article.title,
            content=article.serializable_data(),
        )
        for article in articles
    ]


def _link_revisions_sqlite(articles, content_type_id, base_content_type_id):
    ids = [article.pk for article in articles]
    revision = Subquery(
        Revision.objects.filter(
            base_content_type_id=base_content_type_id,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        .order_by("-pk")
        .values("pk")[:1]
    )
    Page.objects.filter(
        pk__gte=min(ids),
        pk__lte=max(ids),
        content_type_id=content_type_id,
        latest_revision__isnull=True,
    ).update(latest_revision=revision, live_revision=revision)


def _write_batch(batch, built, ctx, content_type_id, base_content_type_id):
    pages = [page for page, _article in built]
    articles = [article for _page, article in built]
    if _is_postgres():
        # Ids first, everything in memory, then COPY (foreign keys are deferred).
        for page, article, pk in zip(pages, articles, _allocate_ids(Page, len(pages)), strict=True):
            page.pk = article.id = article.page_ptr_id = pk
        _children(batch, articles, ctx)
        revisions = _revisions(articles, content_type_id, base_content_type_id, ctx.owner_id)
        for page, article, revision, pk in zip(
            pages, articles, revisions, _allocate_ids(Revision, len(revisions)), strict=True
        ):
            revision.pk = pk
            page.latest_revision_id = page.live_revision_id = pk
            article.latest_revision_id = article.live_revision_id = pk
        _insert(Page, pages)
        _insert(ArticlePage, articles)
        _insert(Revision, revisions)
    else:
        _insert(Page, pages)
        for page, article in zip(pages, articles, strict=True):
            article.id = article.page_ptr_id = page.pk
        _insert(ArticlePage, articles)
        _children(batch, articles, ctx)
        revisions = _revisions(articles, content_type_id, base_content_type_id, ctx.owner_id)
        _insert(Revision, revisions)
        _link_revisions_sqlite(articles, content_type_id, base_content_type_id)
        for article, revision in zip(articles, revisions, strict=True):
            article.latest_revision_id = article.live_revision_id = revision.pk
    return articles


def _references(articles):
    """Wagtail's reference index (where each image and author is used)."""
    for article in articles:
        ReferenceIndex.create_or_update_for_object(article)


def _index(articles):
    """Both search indexes, through their public entry points: Wagtail's (the
    admin's) with each backend's ``add_bulk``, the portal's with ``index_pages``."""
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ArticlePage, articles)
    index_pages([article.pk for article in articles])


def _publish_batch(items) -> list[int]:
    """One transaction: the articles of ``items`` = [(head spec, path)], published."""
    ctx, seed, pool_size = _STATE["ctx"], _STATE["seed"], _STATE["pool_size"]
    content_type_id = ContentType.objects.get_for_model(ArticlePage).pk
    base_content_type_id = ContentType.objects.get_for_model(Page).pk
    batch = [specs.complete(head, seed, pool_size) for head, _path in items]
    with transaction.atomic():
        built = [
            _build(spec, ctx, path, content_type_id)
            for spec, (_head, path) in zip(batch, items, strict=True)
        ]
        articles = _write_batch(batch, built, ctx, content_type_id, base_content_type_id)
        _references(articles)
        _index(articles)
        # Last, in a fixed order: parallel batches hold these row locks only briefly.
        added = Counter(ctx.categories[spec.category].pk for spec in batch)
        for category_id in sorted(added):
            Page.objects.filter(pk=category_id).update(numchild=F("numchild") + added[category_id])
    return [article.pk for article in articles]


_STATE: dict = {}


def _run_in_worker(items) -> int:
    return len(_publish_batch(items))


def publish_articles(
    heads, ctx, seed, pool_size, batch_size=BATCH_SIZE, workers=1, on_batch=None
) -> int:
    """Create and publish the articles whose heads (``specs.article_specs(full=False)``)
    are given; returns how many were created.

    Paths are handed out here, in index order, so the tree does not depend on
    how batches are spread; with ``workers`` > 1 (PostgreSQL only, and not inside
    a transaction) the batches run in that many forked processes, each with its
    own connection.
    """
    paths = PathAllocator()
    items = [(head, paths.next_path(ctx.categories[head.category])) for head in heads]
    batches = [items[i : i + batch_size] for i in range(0, len(items), batch_size)]
    _STATE.update(ctx=ctx, seed=seed, pool_size=pool_size)
    created = 0
    try:
        # Forked workers cannot see uncommitted rows: only outside a transaction.
        parallel = workers > 1 and len(batches) > 1 and not connection.in_atomic_block
        if parallel and _is_postgres():
            connections.close_all()  # children must open their own connections
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for count in pool.imap_unordered(_run_in_worker, batches):
                    created += count
                    if on_batch:
                        on_batch(count)
        else:
            for batch in batches:
                created += len(_publish_batch(batch))
                if on_batch:
                    on_batch(len(batch))
    finally:
        _STATE.clear()
    return created
