"""Citizens' letters (đơn thư): who receives them and each month's figures.

The figures are those of TT 05/2021/TT-TTCP: letters received, by content
(khiếu nại, tố cáo, kiến nghị/phản ánh, hỗn hợp), eligible or not for handling,
how the eligible ones were handled (guided, forwarded, urged, within the council's
own competence) and how many were answered or resolved. The rules the parts obey
are in :func:`letter_month_problems`, shared by the admin form and the Excel import.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

MAX_COUNT = 100_000


class ReceivingBody(models.Model):
    """A body that receives citizens' letters: the Standing Committee, the Office, a
    committee. Minimal until the people subject brings the council's bodies."""

    class Kind(models.TextChoices):
        STANDING = "thuong-truc", "Thường trực HĐND"
        OFFICE = "van-phong", "Văn phòng"
        COMMITTEE = "ban", "Ban HĐND"
        OTHER = "khac", "Khác"

    name = models.CharField("Tên cơ quan", max_length=200, unique=True)
    kind = models.CharField("Loại", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    sort_order = models.PositiveIntegerField("Thứ tự", default=0)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = "Cơ quan tiếp nhận đơn thư"
        verbose_name_plural = "Cơ quan tiếp nhận đơn thư"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


@dataclass(frozen=True)
class Figure:
    field: str
    label: str  # the column's heading, in the admin, the page and the Excel template
    group: str


# The figures in the order of the table (and of the Excel template's columns B…M).
FIGURES = (
    Figure("received", "Số đơn nhận", ""),
    Figure("complaints", "Khiếu nại", "Theo nội dung"),
    Figure("denunciations", "Tố cáo", "Theo nội dung"),
    Figure("petitions", "Kiến nghị, phản ánh", "Theo nội dung"),
    Figure("mixed", "Hỗn hợp", "Theo nội dung"),
    Figure("eligible", "Đủ điều kiện xử lý", "Điều kiện xử lý"),
    Figure("not_eligible", "Không đủ điều kiện xử lý", "Điều kiện xử lý"),
    Figure("guided", "Hướng dẫn", "Kết quả xử lý đơn đủ điều kiện"),
    Figure("forwarded", "Chuyển đơn", "Kết quả xử lý đơn đủ điều kiện"),
    Figure("urged", "Đôn đốc", "Kết quả xử lý đơn đủ điều kiện"),
    Figure("own_competence", "Thuộc thẩm quyền", "Kết quả xử lý đơn đủ điều kiện"),
    Figure("answered", "Đã trả lời, giải quyết", ""),
)
FIGURE_FIELDS = tuple(figure.field for figure in FIGURES)
FIGURE_LABELS = {figure.field: figure.label for figure in FIGURES}
CONTENT_FIELDS = ("complaints", "denunciations", "petitions", "mixed")
ELIGIBILITY_FIELDS = ("eligible", "not_eligible")
HANDLING_FIELDS = ("guided", "forwarded", "urged", "own_competence")
FOLLOWED_FIELDS = ("forwarded", "urged", "own_competence")


@dataclass(frozen=True)
class Problem:
    """A rule the figures break: the field the message belongs to, the fields whose
    sum is compared with it, and the sentence that says so."""

    field: str
    parts: tuple[str, ...]
    message: str


def letter_month_problems(values: dict) -> list[Problem]:
    """The sums that do not add up in one month's figures of one body (``values``
    maps each field of ``FIGURES`` to a non-negative integer)."""
    get = {name: int(values.get(name) or 0) for name in FIGURE_FIELDS}
    problems = []

    def compare(parts, total_field, what, of_what):
        total = sum(get[name] for name in parts)
        if total != get[total_field]:
            problems.append(
                Problem(total_field, parts, f"{what} ({total}) khác {of_what} ({get[total_field]})")
            )

    compare(CONTENT_FIELDS, "received", "Tổng theo nội dung", "số đơn nhận")
    compare(ELIGIBILITY_FIELDS, "received", "Tổng đủ và không đủ điều kiện xử lý", "số đơn nhận")
    compare(HANDLING_FIELDS, "eligible", "Tổng theo kết quả xử lý", "số đơn đủ điều kiện xử lý")
    followed = sum(get[name] for name in FOLLOWED_FIELDS)
    if get["answered"] > followed:
        problems.append(
            Problem(
                "answered",
                FOLLOWED_FIELDS,
                f"Số đơn đã trả lời, giải quyết ({get['answered']}) lớn hơn số đơn đã chuyển, "
                f"đôn đốc và thuộc thẩm quyền ({followed})",
            )
        )
    return problems


def _count(label):
    return models.PositiveIntegerField(
        label, default=0, validators=[MinValueValidator(0), MaxValueValidator(MAX_COUNT)]
    )


class LetterMonth(ClusterableModel):
    """One body's letters of one month."""

    body = models.ForeignKey(
        ReceivingBody,
        verbose_name="Cơ quan tiếp nhận",
        on_delete=models.PROTECT,
        related_name="letter_months",
    )
    year = models.PositiveSmallIntegerField(
        "Năm", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    month = models.PositiveSmallIntegerField(
        "Tháng", validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    received = _count("Số đơn nhận")
    complaints = _count("Khiếu nại")
    denunciations = _count("Tố cáo")
    petitions = _count("Kiến nghị, phản ánh")
    mixed = _count("Hỗn hợp")
    eligible = _count("Đủ điều kiện xử lý")
    not_eligible = _count("Không đủ điều kiện xử lý")
    guided = _count("Hướng dẫn")
    forwarded = _count("Chuyển đơn")
    urged = _count("Đôn đốc")
    own_competence = _count("Thuộc thẩm quyền")
    answered = _count("Đã trả lời, giải quyết")
    outcome = models.TextField(
        "Kết quả giải quyết",
        blank=True,
        max_length=2000,
        help_text="Tóm tắt kết quả trả lời, giải quyết đơn trong tháng.",
    )
    updated_at = models.DateTimeField("Cập nhật", auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("body"), FieldPanel("year"), FieldPanel("month")]),
        FieldPanel("received"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel(name) for name in CONTENT_FIELDS])],
            heading="Phân loại theo nội dung",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel(name) for name in ELIGIBILITY_FIELDS])],
            heading="Điều kiện xử lý",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel(name) for name in HANDLING_FIELDS])],
            heading="Kết quả xử lý đơn đủ điều kiện",
        ),
        MultiFieldPanel(
            [FieldPanel("answered"), FieldPanel("outcome")], heading="Trả lời, giải quyết"
        ),
        InlinePanel(
            "reports", heading="Kết quả cơ quan có thẩm quyền báo cáo lại", label="Báo cáo"
        ),
    ]

    class Meta:
        verbose_name = "Số liệu đơn thư tháng"
        verbose_name_plural = "Số liệu đơn thư theo tháng"
        ordering = ["-year", "-month", "body__sort_order", "body__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "month"], name="oversight_letter_month_unique"
            )
        ]
        indexes = [models.Index(fields=["year", "month"])]

    def __str__(self):
        body = self.body.name if self.body_id else ""
        return f"{body} – tháng {self.month}/{self.year}"

    def figures(self) -> dict:
        return {name: getattr(self, name) for name in FIGURE_FIELDS}

    def clean(self):
        super().clean()
        errors = {}
        for problem in letter_month_problems(self.figures()):
            errors.setdefault(problem.field, []).append(problem.message + ".")
        if self.body_id and self.year and self.month:
            clash = LetterMonth.objects.filter(
                body_id=self.body_id, year=self.year, month=self.month
            )
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                errors.setdefault("month", []).append(
                    f"Đã có số liệu tháng {self.month}/{self.year} của cơ quan này; "
                    "hãy sửa bản đã có hoặc nhập lại từ Excel."
                )
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        # The unique constraint's message is given in Vietnamese by clean().
        return None


class LetterReport(Orderable):
    """A result a competent agency reported back, with its document."""

    letter_month = ParentalKey(LetterMonth, on_delete=models.CASCADE, related_name="reports")
    agency = models.CharField("Cơ quan báo cáo", max_length=200)
    reported_on = models.DateField("Ngày báo cáo", null=True, blank=True)
    summary = models.CharField("Nội dung tóm tắt", max_length=500, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Văn bản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    panels = [
        FieldPanel("agency"),
        FieldPanel("reported_on"),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Báo cáo kết quả"
        verbose_name_plural = "Báo cáo kết quả"

    def __str__(self):
        return self.agency
