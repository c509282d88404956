"""Session documents (tài liệu kỳ họp) with the metadata NĐ 42/2022 asks for, and their
files, each file with its versions.

A document belongs to one session and may answer one agenda item. Its files are
Wagtail documents, so every upload goes through Wagtail's document form and with it
the upload checks the subjects register (the newsroom's classification gate). A file
is replaced by adding a file of the same name: it becomes the next version, and the
old one keeps its row, its file and its link, which then says it was replaced.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from ..numbers import normalize_number, parse_number
from .choices import TYPE_KINDS, DocumentType
from .pages import AgendaItem, SessionPage

EMPTY_FILE = "Tệp “%(name)s” rỗng (0 byte). Hãy chọn tệp có nội dung."


class SessionDocument(ClusterableModel):
    session = models.ForeignKey(
        SessionPage,
        verbose_name="Kỳ họp",
        on_delete=models.CASCADE,
        related_name="documents",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name="Nội dung chương trình",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        help_text="Nội dung trong chương trình kỳ họp mà tài liệu này phục vụ (nếu có).",
    )
    document_type = models.CharField("Loại văn bản", max_length=32, choices=DocumentType.choices)
    issuing_body = models.CharField(
        "Cơ quan ban hành", max_length=255, help_text="Ví dụ: UBND tỉnh, Ban Pháp chế HĐND tỉnh."
    )
    number = models.CharField(
        "Số, ký hiệu",
        max_length=64,
        blank=True,
        help_text="Ví dụ: 123/TTr-UBND, 45/BC-HĐND, 12/2019/NQ-HĐND, 03/NQ-HĐND, 20/BC-KTNS. "
        "Để trống với dự thảo chưa có số.",
    )
    issue_date = models.DateField("Ngày ban hành", null=True, blank=True)
    effective_date = models.DateField("Ngày có hiệu lực", null=True, blank=True)
    abstract = models.TextField("Trích yếu", help_text="Ví dụ: Về việc quy định mức thu học phí…")
    published = models.BooleanField(
        "Công khai trên cổng",
        default=True,
        help_text="Bỏ chọn để tạm ẩn tài liệu. Thời điểm đăng được ghi tự động lần đầu công khai.",
    )
    posted_at = models.DateTimeField("Thời điểm đăng", null=True, blank=True, editable=False)
    sort_order = models.PositiveIntegerField(
        "Thứ tự", default=0, help_text="Thứ tự trong nhóm cùng loại văn bản (nhỏ trước)."
    )
    created_at = models.DateTimeField("Ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật", auto_now=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("session"),
                FieldPanel("agenda_item"),
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("number")]),
                FieldPanel("issuing_body"),
                FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date")]),
                FieldPanel("abstract"),
                FieldRowPanel([FieldPanel("published"), FieldPanel("sort_order")]),
            ],
            heading="Thông tin văn bản",
        ),
        InlinePanel(
            "files",
            heading="Tệp đính kèm",
            label="Tệp",
            min_num=1,
            help_text="Để thay một tệp, thêm tệp mới cùng tên: tệp cũ được giữ lại làm phiên bản "
            "trước, đường dẫn cũ báo đã được thay thế.",
        ),
    ]

    class Meta:
        verbose_name = "Tài liệu kỳ họp"
        verbose_name_plural = "Tài liệu kỳ họp"
        ordering = ["session", "document_type", "sort_order", "pk"]
        indexes = [models.Index(fields=["session", "published"], name="council_doc_session_pub")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.published and self.posted_at is None:
            self.posted_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        """ "Tờ trình số 123/TTr-UBND về việc …" (the abstract as it is written)."""
        kind = self.get_document_type_display()
        number = f" số {self.number}" if self.number else ""
        abstract = self.abstract.strip()
        if len(abstract) > 1 and abstract[1].islower():  # "Về việc…", not "UBND…"
            abstract = abstract[0].lower() + abstract[1:]
        return f"{kind}{number} {abstract}".strip()

    def clean(self):
        super().clean()
        errors = {}
        self.number = normalize_number(self.number)
        if self.number:
            try:
                parsed = parse_number(self.number)
            except ValidationError as error:
                errors["number"] = error
            else:
                kinds = (
                    TYPE_KINDS.get(DocumentType(self.document_type)) if self.document_type else None
                )
                if kinds and parsed.kind not in kinds:
                    errors["number"] = ValidationError(
                        "Số, ký hiệu của %(type)s phải mang ký hiệu “%(kind)s” "
                        "(ví dụ %(example)s).",
                        params={
                            "type": self.get_document_type_display().lower(),
                            "kind": kinds[0],
                            "example": f"12/{kinds[0]}-{parsed.body}",
                        },
                    )
                elif parsed.year and self.issue_date and parsed.year != self.issue_date.year:
                    errors["number"] = ValidationError(
                        "Năm trong số, ký hiệu (%(year)s) khác năm ban hành (%(issued)s).",
                        params={"year": parsed.year, "issued": self.issue_date.year},
                    )
        if self.effective_date and not self.issue_date:
            errors["issue_date"] = ValidationError(
                "Nhập ngày ban hành trước khi nhập ngày có hiệu lực."
            )
        elif self.effective_date and self.issue_date and self.effective_date < self.issue_date:
            errors["effective_date"] = ValidationError(
                "Ngày có hiệu lực không được trước ngày ban hành."
            )
        if self.agenda_item_id and self.session_id:
            if self.agenda_item.page_id != self.session_id:
                errors["agenda_item"] = ValidationError(
                    "Nội dung chương trình này thuộc một kỳ họp khác."
                )
        if errors:
            raise ValidationError(errors)


class SessionDocumentFile(models.Model):
    """One version of one of a document's files. Files of the same name are the versions
    of one file: the highest version is current, the others were replaced by it."""

    document = ParentalKey(SessionDocument, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(
        "Tên tệp",
        max_length=100,
        default="Toàn văn",
        help_text="Ví dụ: Toàn văn, Phụ lục 1. Tệp mới cùng tên thay thế tệp cũ.",
    )
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Tệp",
        on_delete=models.PROTECT,
        related_name="+",
    )
    version = models.PositiveSmallIntegerField("Phiên bản", editable=False, default=0)
    note = models.CharField(
        "Ghi chú thay đổi", max_length=255, blank=True, help_text="Điều gì khác so với bản trước."
    )
    uploaded_at = models.DateTimeField("Thời điểm tải lên", default=timezone.now, editable=False)

    panels = [FieldPanel("name"), FieldPanel("file"), FieldPanel("note")]

    class Meta:
        verbose_name = "Tệp tài liệu"
        verbose_name_plural = "Tệp tài liệu"
        ordering = ["document", "name", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "name", "version"], name="council_file_version_unique"
            )
        ]

    def __str__(self):
        return f"{self.name} (phiên bản {self.version})"

    def save(self, *args, **kwargs):
        if not self.version:
            latest = (
                SessionDocumentFile.objects.filter(document_id=self.document_id, name=self.name)
                .order_by("-version")
                .values_list("version", flat=True)
                .first()
            )
            self.version = (latest or 0) + 1
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.name = (self.name or "").strip() or "Toàn văn"
        if self.pk:
            stored = SessionDocumentFile.objects.filter(pk=self.pk).values_list("file_id", "name")
            stored = stored.first()
            if stored and stored != (self.file_id, self.name):
                raise ValidationError(
                    {
                        "file": "Không sửa tệp hay tên của một phiên bản đã lưu: hãy thêm một tệp "
                        "mới cùng tên để tạo phiên bản mới, bản cũ được giữ lại."
                    }
                )
        if self.file_id:
            size = _file_size(self.file)
            if size == 0:
                raise ValidationError(
                    {"file": ValidationError(EMPTY_FILE, params={"name": self.file.title})}
                )

    @property
    def extension(self) -> str:
        return self.file.file_extension.lower()

    @property
    def is_pdf(self) -> bool:
        return self.extension == "pdf"


def _file_size(document) -> int | None:
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        return None
