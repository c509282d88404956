"""Wagtail's own search index (``wagtail.search``, used by the admin) for bulk-created pages.

On SQLite the backend's ``add_bulk`` is used as it is. On PostgreSQL its
``add_items`` builds one huge ``VALUES`` list whose client-side parameter
quoting, plus re-extracting the StreamField text five times per page, costs
several milliseconds per page. Here the same texts (``ObjectIndexer`` decides
what goes into the title, autocomplete and body vectors and with which weight;
only the body's text is handed in, computed once) are COPYed into a temporary
table and turned into ``tsvector`` by PostgreSQL in one ``INSERT ... SELECT``.
Texts of equal weight are joined before ``to_tsvector`` instead of
concatenating one vector per field, which gives the same lexemes and weights.
"""

from django.db import connection
from wagtail.search.backends import get_search_backends

WEIGHTS = "ABCD"
VECTORS = ("title", "autocomplete", "body")


def _postgres_backend_class():
    try:
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
    except ImportError:  # pragma: no cover - psycopg missing
        return None
    return PostgresSearchBackend


def index_pages(model, pages, body_texts: dict):
    """Index ``pages`` (instances of ``model``); ``body_texts[pk]`` = searchable body text."""
    postgres_backend = _postgres_backend_class()
    for backend in get_search_backends(with_auto_update=True):
        if postgres_backend and isinstance(backend, postgres_backend):
            _index_postgres(backend, model, pages, body_texts)
        else:
            backend.add_bulk(model, pages)


def _indexer_class():
    from modelsearch.backends.database.postgres.postgres import ObjectIndexer
    from modelsearch.backends.database.postgres.weights import get_weight
    from modelsearch.index import SearchField

    class Indexer(ObjectIndexer):
        """Wagtail's indexer, with the StreamField body's text handed in."""

        def __init__(self, obj, backend, body_text):
            super().__init__(obj, backend)
            self.body_text_value = body_text

        def prepare_field(self, obj, field):
            if obj is self.obj and isinstance(field, SearchField) and field.field_name == "body":
                yield (field, get_weight(field.boost), self.body_text_value)
            else:
                yield from super().prepare_field(obj, field)

        def texts_by_weight(self):
            """{(vector, weight): text} for the three vectors."""
            from modelsearch.index import AutocompleteField

            found = {}
            for search_field in self.search_fields:
                for field, weight, value in self.prepare_field(self.obj, search_field):
                    value = value.strip()
                    if not value:
                        continue
                    if isinstance(field, AutocompleteField):
                        vector = "autocomplete"
                    elif isinstance(field, SearchField):
                        vector = "title" if field.field_name == "title" else "body"
                    else:
                        continue
                    found.setdefault((vector, weight), []).append(value)
            return {key: " ".join(values) for key, values in found.items()}

    return Indexer


def _tsvector_sql(vector, config):
    parts = []
    for weight in WEIGHTS:
        column = f"{vector}_{weight.lower()}"
        if config:
            parts.append(f"setweight(to_tsvector('{config}'::regconfig, {column}), '{weight}')")
        else:
            parts.append(f"setweight(to_tsvector({column}), '{weight}')")
    return " || ".join(parts)


def _index_postgres(backend, model, pages, body_texts):
    from django.contrib.contenttypes.models import ContentType
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    if not model.get_search_fields() or not pages:
        return
    Indexer = _indexer_class()
    columns = [f"{vector}_{weight.lower()}" for vector in VECTORS for weight in WEIGHTS]
    rows = []
    for page in pages:
        texts = Indexer(page, backend, body_texts.get(page.pk, "")).texts_by_weight()
        title_text = " ".join(t for (v, _w), t in texts.items() if v == "title")
        body_text = " ".join(t for (v, _w), t in texts.items() if v == "body")
        rows.append(
            [str(page.pk)]
            + [texts.get((vector, weight), "") for vector in VECTORS for weight in WEIGHTS]
            + [title_text, body_text]
        )
    content_type_id = ContentType.objects.get_for_model(model).pk
    table = IndexEntry._meta.db_table
    # Configuration names come from settings (SEARCH_CONFIG), never from content.
    for config in (backend.config, backend.autocomplete_config):
        if config and not str(config).replace("_", "").replace(".", "").isalnum():
            raise ValueError(f"Unexpected text-search configuration: {config!r}")
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS demo_index_rows (object_id text, "
            + ", ".join(f"{c} text" for c in columns)
            + ", title_text text, body_text text) ON COMMIT DELETE ROWS"
        )
        cursor.execute("TRUNCATE demo_index_rows")
        all_columns = ["object_id", *columns, "title_text", "body_text"]
        with cursor.cursor.copy(
            f"COPY demo_index_rows ({', '.join(all_columns)}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(
            f"""
            INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,
                                 title_norm, title_text, body_text)
            SELECT %s, object_id,
                   {_tsvector_sql("title", backend.config)},
                   {_tsvector_sql("autocomplete", backend.autocomplete_config)},
                   {_tsvector_sql("body", backend.config)},
                   1.0, title_text, body_text
            FROM demo_index_rows
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
            """,
            [content_type_id],
        )


def finish(model):
    """Once all batches are in: title norms, as the backend's ``add_items`` leaves them."""
    postgres_backend = _postgres_backend_class()
    for backend in get_search_backends(with_auto_update=True):
        if postgres_backend and isinstance(backend, postgres_backend):
            backend.get_index_for_model(model)._refresh_title_norms()
