from django.contrib.postgres.search import SearchVectorField
from django.db import models

# PostgreSQL text-search configuration created by migration 0002: a copy of
# ``simple`` (no stemming, no stop words: "an", "to", "do" are Vietnamese
# syllables) with ``unaccent`` in front of it.
TS_CONFIG = "portal_vi"


class SearchEntry(models.Model):
    """One row per searchable thing a visitor may be shown: a page, a record or a
    snippet a subject registers (``portal.core.registry``), or a passage of a file.

    Keyed by ``(content_type, object_id, part)``: ``part`` 0 is the thing itself,
    1, 2… are passages of its files. ``page`` is the page whose visibility the
    row follows (the page itself for a page; null for a record that is public by
    itself), and ``path``/``expire_at`` are copies of that page's, so the query can
    leave out expired and restricted rows without reading the page table for every
    match; the shown rows are checked against the page table again. ``url`` is
    stored for rows that are not pages (a page's URL comes from the page).

    ``facets`` holds the filters a row can be found by, per type: ``category``
    (the nearest ancestor of a type registered as a search group) for pages,
    whatever a subject adds for its own types. The year filter reads
    ``published_at``.

    ``title``/``text`` are the original text, used for snippets and highlighting;
    ``*_folded`` are the folded words (``portal.core.text``) padded with spaces so
    that ``" word "`` matches whole words. On PostgreSQL ``search_vector``
    (``portal_vi`` configuration, title weight A, text weight D, GIN index) answers
    the query and ``text_folded`` stays empty; on SQLite ``text_folded`` is matched
    with LIKE and ``search_vector`` is null. Migration 0005 adds the PostgreSQL-only
    indexes: the vector, the folded title's vector, the facets (``jsonb_path_ops``)
    and newest first.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name="Loại nội dung"
    )
    object_id = models.PositiveBigIntegerField("Mã nội dung")
    part = models.PositiveSmallIntegerField("Phần", default=0)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Trang",
    )
    url = models.CharField("Địa chỉ", max_length=500, blank=True)
    path = models.CharField("Vị trí trong cây trang", max_length=255, blank=True)
    expire_at = models.DateTimeField("Hết hạn hiển thị", null=True, blank=True)
    facets = models.JSONField("Bộ lọc", default=dict, blank=True)
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
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "part"], name="portal_search_entry_key"
            )
        ]
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="portal_search_recent_idx"),
        ]

    def __str__(self):
        return self.title

    def get_url(self, request=None) -> str:
        if self.page_id:
            return self.page.get_url(request) or ""
        return self.url
