"""PostgreSQL only: unaccent, the ``portal_vi`` text-search configuration, the GIN index.

``unaccent`` is a trusted extension (PostgreSQL 13+), so the database owner may
create it without superuser rights. ``portal_vi`` copies ``simple`` (never the
English configuration: it drops Vietnamese syllables such as "an", "to", "do"
as stop words) and puts ``unaccent`` in front of it. On SQLite nothing happens:
the search there matches folded words with LIKE.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_vi') THEN
            CREATE TEXT SEARCH CONFIGURATION portal_vi (COPY = pg_catalog.simple);
            ALTER TEXT SEARCH CONFIGURATION portal_vi
                ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
                WITH unaccent, simple;
        END IF;
    END
    $$
    """,
    "CREATE INDEX IF NOT EXISTS portal_search_vector_gin "
    "ON portal_search_searchentry USING gin (search_vector)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS portal_search_vector_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_vi",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
