"""SQLite only: the admin's full-text index (Wagtail's FTS5 table) reads Vietnamese.

Wagtail creates the FTS5 table with the default ``unicode61`` tokenizer, whose
``remove_diacritics 1`` leaves a letter carrying two marks alone ("ợ", "ể", "ế":
most Vietnamese syllables), and no tokenizer folds "đ", a letter of its own. So
"cho moi" could not find "Chợ Mới", nor "dai bieu" "đại biểu". The table is made
again with ``remove_diacritics 2``; the triggers that copy Wagtail's index rows
into it write "đ"/"Đ" as "d"/"D" (the admin backend,
``portal.search.admin_backend``, folds the query the same way), and the rows
already there are copied again. PostgreSQL needs none of this: its index uses the
``portal_vi`` configuration (migration 0002), which folds everything.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
COLUMNS = ("title", "body", "autocomplete")


def _folded(expression):
    return f"replace(replace({expression}, 'đ', 'd'), 'Đ', 'D')"


def _triggers(fold):
    wrap = _folded if fold else (lambda expression: expression)
    new = {column: wrap(f"NEW.{column}") for column in COLUMNS}
    tokenizer = ", tokenize='unicode61 remove_diacritics 2'" if fold else ""
    return [
        f"DROP TABLE {TABLE}_fts",
        f"CREATE VIRTUAL TABLE {TABLE}_fts USING fts5(autocomplete, body, title{tokenizer})",
        f"DROP TRIGGER IF EXISTS insert_{TABLE}_fts",
        f"CREATE TRIGGER insert_{TABLE}_fts AFTER INSERT ON {TABLE} BEGIN "
        f"INSERT INTO {TABLE}_fts(title, body, autocomplete, rowid) "
        f"VALUES ({new['title']}, {new['body']}, {new['autocomplete']}, NEW.id); END",
        f"DROP TRIGGER IF EXISTS update_{TABLE}_fts",
        f"CREATE TRIGGER update_{TABLE}_fts AFTER UPDATE ON {TABLE} BEGIN "
        f"UPDATE {TABLE}_fts SET title={new['title']}, body={new['body']}, "
        f"autocomplete={new['autocomplete']} WHERE rowid=NEW.id; END",
        f"INSERT INTO {TABLE}_fts(title, body, autocomplete, rowid) "
        f"SELECT {', '.join(wrap(column) for column in COLUMNS)}, id FROM {TABLE}",
    ]


def _apply(fold):
    def run(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [f"{TABLE}_fts"]
            )
            if cursor.fetchone() is None:  # SQLite without FTS5: Wagtail's fallback backend
                return
            for statement in _triggers(fold):
                cursor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0005_entries_keyed_by_content_type"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(_apply(True), _apply(False))]
