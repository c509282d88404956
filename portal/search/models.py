from django.contrib.postgres.search import SearchVectorField
from django.db import models

# PostgreSQL text-search configuration created by migration 0002: a copy of
# ``simple`` (no stemming, no stop words: "an", "to", "do" are Vietnamese
# syllables) with ``unaccent`` in front of it.
TS_CONFIG = "portal_vi"


class SearchEntry(models.Model):
    """One row per page that may be shown in search results.

    Holds only live, public, indexable pages (``portal.search.services`` keeps it
    in step with publishing); the search query checks visibility again through
    the page row. ``title``/``text`` are the original text, used for snippets
    and highlighting; ``*_folded`` are the folded words (``portal.core.text``)
    padded with spaces so that ``" word "`` matches whole words. ``path`` and
    ``expire_at`` are copies of the page's, so the query can leave out expired
    and restricted pages without reading the page table for every match.

    On PostgreSQL ``search_vector`` (``portal_vi`` configuration, title weight A,
    text weight D, GIN index) answers the query and ``text_folded`` stays empty;
    on SQLite ``text_folded`` is matched with LIKE and ``search_vector`` is null.
    Migration 0004 adds two PostgreSQL-only indexes for the search order: a GIN
    index on the folded title's vector and one on (newest first, page id).
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
        verbose_name="Trang",
    )
    kind = models.CharField("Loại trang", max_length=100)
    category = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Chuyên mục",
    )
    path = models.CharField("Vị trí trong cây trang", max_length=255, blank=True)
    expire_at = models.DateTimeField("Hết hạn hiển thị", null=True, blank=True)
    year = models.PositiveSmallIntegerField("Năm", null=True, blank=True, db_index=True)
    published_at = models.DateTimeField("Thời điểm xuất bản", null=True, blank=True)
    title = models.CharField("Tiêu đề", max_length=255)
    text = models.TextField("Nội dung", blank=True)
    title_folded = models.TextField("Tiêu đề (đã chuẩn hóa)", blank=True)
    text_folded = models.TextField("Nội dung (đã chuẩn hóa)", blank=True)
    search_vector = SearchVectorField(null=True, blank=True)
    indexed_at = models.DateTimeField("Thời điểm lập chỉ mục", auto_now=True)

    class Meta:
        verbose_name = "Mục chỉ mục tìm kiếm"
        verbose_name_plural = "Chỉ mục tìm kiếm"
        indexes = [
            models.Index(fields=["-published_at", "-page"], name="portal_search_recent_idx"),
        ]

    def __str__(self):
        return self.title
