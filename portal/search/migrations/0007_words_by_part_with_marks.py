"""The index reads words by part, with their marks and their neighbours.

Each part of a row (title; lead and byline; body; extra words) is indexed apart,
each word by its key (folded, i/y variants made one) and, when written with
marks, its exact form; on PostgreSQL the vectors also hold the key pairs of
adjacent words, so a phrase is answered from the GIN index
(``portal.search.services``, ``docs/search.md``).

PostgreSQL only: GIN indexes of the title's and the head's vectors (the body's,
``portal_search_vector_gin``, stays), the title's vector kept inline, the old
expression index of the folded title dropped (that column is empty there now).
The rows are written again from the live content.
"""

from importlib import import_module

import django.contrib.postgres.search
from django.db import migrations, models

POSTGRES_FORWARD = [
    "DROP INDEX IF EXISTS portal_search_title_gin",
    "ALTER TABLE portal_search_searchentry ALTER COLUMN title_vector SET STORAGE MAIN",
    "CREATE INDEX IF NOT EXISTS portal_search_title_vector_gin "
    "ON portal_search_searchentry USING gin (title_vector)",
    "CREATE INDEX IF NOT EXISTS portal_search_head_vector_gin "
    "ON portal_search_searchentry USING gin (head_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS portal_search_head_vector_gin",
    "DROP INDEX IF EXISTS portal_search_title_vector_gin",
    "CREATE INDEX IF NOT EXISTS portal_search_title_gin ON portal_search_searchentry "
    "USING gin (to_tsvector('simple'::regconfig, title_folded))",
]

# The PostgreSQL-only runner of 0002 (on SQLite nothing happens).
_run = import_module("portal.search.migrations.0002_postgres_text_search")._run
refill = import_module("portal.search.migrations.0005_entries_keyed_by_content_type").refill


def analyze(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE portal_search_searchentry")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0006_admin_index_folds_d")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="head_folded",
            field=models.TextField(blank=True, verbose_name="Sa-pô và tác giả (đã chuẩn hóa)"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="extra_folded",
            field=models.TextField(blank=True, verbose_name="Từ khóa phụ (đã chuẩn hóa)"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="title_vector",
            field=django.contrib.postgres.search.SearchVectorField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="head_vector",
            field=django.contrib.postgres.search.SearchVectorField(blank=True, null=True),
        ),
        migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD)),
        migrations.RunPython(refill, migrations.RunPython.noop),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
