"""PostgreSQL only: indexes for the two-phase, newest-first search.

``portal_search_title_gin`` answers "the title holds every query word" from
the folded title (the expression the search query uses); the recency index
matches the order of each phase (newest first, undated last, then page id), so
a common word is answered by walking it until a page of results is full.
No parallel scans on the table: starting workers costs more than these short
reads, which the planner tends to underestimate.
"""

from importlib import import_module

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS portal_search_title_gin ON portal_search_searchentry "
    "USING gin (to_tsvector('simple'::regconfig, title_folded))",
    "CREATE INDEX IF NOT EXISTS portal_search_newest_idx ON portal_search_searchentry "
    "(published_at DESC NULLS LAST, page_id DESC)",
    "ALTER TABLE portal_search_searchentry SET (parallel_workers = 0)",
    "ANALYZE portal_search_searchentry",
]

BACKWARD = [
    "ALTER TABLE portal_search_searchentry RESET (parallel_workers)",
    "DROP INDEX IF EXISTS portal_search_newest_idx",
    "DROP INDEX IF EXISTS portal_search_title_gin",
]


# The PostgreSQL-only runner of 0002 (on SQLite nothing happens).
_run = import_module("portal.search.migrations.0002_postgres_text_search")._run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0003_page_path_and_expiry")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
