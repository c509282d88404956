"""Index wagtailcore_page.expire_at.

The page cache asks on every miss for the next moment a live page expires
(portal.core.visibility.next_visibility_change); without an index that is a
scan of the whole page table. Wagtail indexes the revisions' go-live time but
not this column.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_administrative_units"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS core_page_expire_at_idx ON wagtailcore_page (expire_at)",
            "DROP INDEX IF EXISTS core_page_expire_at_idx",
        )
    ]
