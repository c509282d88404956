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

    ``title``/``text`` are the original text, used for highlighting and snippets
    (``text`` is the lead and the body: never captions or credits). The words are
    indexed by part, each word by its key and, when written with marks, its exact
    form (``portal.core.text.search_tokens``), so that a query typed without marks
    finds every form and one typed with marks ranks exact matches first:

    - on PostgreSQL, three ``tsvector`` built by the portal (no text-search
      parser: the lexemes are the keys, the exact forms and the key pairs of
      adjacent words, which answer phrases from the GIN index): ``title_vector``
      (the title), ``head_vector`` (the lead and the byline) and
      ``search_vector`` (title, head and body; the extra words with an ``x:``
      prefix), each GIN-indexed (migration 0007); the ``*_folded`` columns stay
      empty;
    - on SQLite, the ``*_folded`` columns hold each part's exact forms, padded and
      separated by spaces (a line break is `` | ``), matched with ``LIKE``:
      ``title_folded``, ``head_folded``, ``text_folded`` (title, head and body) and
      ``extra_folded``; the vectors are null.
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
    head_folded = models.TextField("Sa-pô và tác giả (đã chuẩn hóa)", blank=True)
    text_folded = models.TextField("Nội dung (đã chuẩn hóa)", blank=True)
    extra_folded = models.TextField("Từ khóa phụ (đã chuẩn hóa)", blank=True)
    title_vector = SearchVectorField(null=True, blank=True)
    head_vector = SearchVectorField(null=True, blank=True)
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
