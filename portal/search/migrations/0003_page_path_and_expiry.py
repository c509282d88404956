"""Copies of the page's path and expiry on each row; narrow rows on PostgreSQL.

On PostgreSQL the long columns (text, vector, original title) move out of
line so that a word found in most pages is read quickly through the GIN
bitmap; the short ones the ranking and filters read stay inline, uncompressed.
"""

from django.db import migrations, models

NARROW_ROWS = [
    "ALTER TABLE portal_search_searchentry SET (toast_tuple_target = 128)",
    "ALTER TABLE portal_search_searchentry ALTER COLUMN title_folded SET STORAGE PLAIN",
    "ALTER TABLE portal_search_searchentry ALTER COLUMN path SET STORAGE PLAIN",
    "ALTER TABLE portal_search_searchentry ALTER COLUMN kind SET STORAGE PLAIN",
]
WIDE_ROWS = [
    "ALTER TABLE portal_search_searchentry RESET (toast_tuple_target)",
    "ALTER TABLE portal_search_searchentry ALTER COLUMN title_folded SET STORAGE EXTENDED",
    "ALTER TABLE portal_search_searchentry ALTER COLUMN path SET STORAGE EXTENDED",
    "ALTER TABLE portal_search_searchentry ALTER COLUMN kind SET STORAGE EXTENDED",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_postgres_text_search")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="Hết hạn hiển thị"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="path",
            field=models.CharField(
                blank=True, max_length=255, verbose_name="Vị trí trong cây trang"
            ),
        ),
        migrations.RunPython(_run(NARROW_ROWS), _run(WIDE_ROWS)),
    ]
