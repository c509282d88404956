"""Index rows keyed by content type, object id and part instead of one row per page.

Pages, records and snippets, and the passages of files, all fit; the fixed
category/year columns give way to per-type ``facets`` (a JSON object) and the
year of ``published_at``. The old table is replaced (it only holds copies) and
filled again from the live content.

PostgreSQL only, as 0002-0004 did for the old table: narrow inline rows, the
GIN indexes of the vector, of the folded title and of the facets
(``jsonb_path_ops``, for ``facets @> '{"category": 12}'``), newest first, no
parallel scans.
"""

from importlib import import_module

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

POSTGRES_FORWARD = [
    "ALTER TABLE portal_search_searchentry SET (toast_tuple_target = 128)",
    "ALTER TABLE portal_search_searchentry ALTER COLUMN title_folded SET STORAGE PLAIN",
    "ALTER TABLE portal_search_searchentry ALTER COLUMN path SET STORAGE PLAIN",
    "ALTER TABLE portal_search_searchentry ALTER COLUMN facets SET STORAGE PLAIN",
    "CREATE INDEX IF NOT EXISTS portal_search_vector_gin "
    "ON portal_search_searchentry USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS portal_search_title_gin ON portal_search_searchentry "
    "USING gin (to_tsvector('simple'::regconfig, title_folded))",
    "CREATE INDEX IF NOT EXISTS portal_search_facets_gin ON portal_search_searchentry "
    "USING gin (facets jsonb_path_ops)",
    "CREATE INDEX IF NOT EXISTS portal_search_newest_idx ON portal_search_searchentry "
    "(published_at DESC NULLS LAST, id DESC)",
    "ALTER TABLE portal_search_searchentry SET (parallel_workers = 0)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS portal_search_newest_idx",
    "DROP INDEX IF EXISTS portal_search_facets_gin",
    "DROP INDEX IF EXISTS portal_search_title_gin",
    "DROP INDEX IF EXISTS portal_search_vector_gin",
]

# The PostgreSQL-only runner of 0002 (on SQLite nothing happens).
_run = import_module("portal.search.migrations.0002_postgres_text_search")._run


def refill(apps, schema_editor):
    """Index the live content again (nothing to do on a new database)."""
    Page = apps.get_model("wagtailcore", "Page")
    if not Page.objects.filter(live=True, depth__gt=2).exists():
        return
    from portal.search.services import rebuild_index

    rebuild_index(progress=False)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal_search", "0004_title_and_recency_indexes"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(name="SearchEntry"),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.PositiveBigIntegerField(verbose_name="Mã nội dung")),
                ("part", models.PositiveSmallIntegerField(default=0, verbose_name="Phần")),
                ("url", models.CharField(blank=True, max_length=500, verbose_name="Địa chỉ")),
                ("path", models.CharField(blank=True, max_length=255, verbose_name="Vị trí trong cây trang")),
                ("expire_at", models.DateTimeField(blank=True, null=True, verbose_name="Hết hạn hiển thị")),
                ("facets", models.JSONField(blank=True, default=dict, verbose_name="Bộ lọc")),
                ("published_at", models.DateTimeField(blank=True, null=True, verbose_name="Thời điểm xuất bản")),
                ("title", models.CharField(max_length=255, verbose_name="Tiêu đề")),
                ("text", models.TextField(blank=True, verbose_name="Nội dung")),
                ("title_folded", models.TextField(blank=True, verbose_name="Tiêu đề (đã chuẩn hóa)")),
                ("text_folded", models.TextField(blank=True, verbose_name="Nội dung (đã chuẩn hóa)")),
                ("search_vector", django.contrib.postgres.search.SearchVectorField(blank=True, null=True)),
                ("indexed_at", models.DateTimeField(auto_now=True, verbose_name="Thời điểm lập chỉ mục")),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        to="contenttypes.contenttype",
                        verbose_name="Loại nội dung",
                    ),
                ),
                (
                    "page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.page",
                        verbose_name="Trang",
                    ),
                ),
            ],
            options={
                "verbose_name": "Mục chỉ mục tìm kiếm",
                "verbose_name_plural": "Chỉ mục tìm kiếm",
                "indexes": [models.Index(fields=["-published_at", "-id"], name="portal_search_recent_idx")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id", "part"), name="portal_search_entry_key"
                    )
                ],
            },
        ),
        migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD)),
        migrations.RunPython(refill, migrations.RunPython.noop),
    ]
