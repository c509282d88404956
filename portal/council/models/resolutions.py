"""The resolution register (sổ nghị quyết): the council's resolutions with their numbers,
the session that adopted them, their vote, files, dated links between them (amends,
replaces, repeals) and the history of actions that led to them, in the manner of Open
Civic Data's bills.

A resolution's number is ``12/2019/NQ-HĐND`` (normative: number/year/NQ-HĐND) or
``03/NQ-HĐND`` (individual); numbers run per kind and per year. Left blank, the next
free number is taken from a counter row per kind and year, locked for the length of
the transaction (``select_for_update``), so two secretaries saving at once get two
numbers; a typed number is accepted when it is valid and free.

The status (in force, amended, replaced, repealed, expired, not yet in force) is never
typed: ``Resolution.status_on(day)`` computes it from the dates and the links, and
``selectors.with_status`` does the same in SQL for the register.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal.core.text import fold

from ..numbers import normalize_number, parse_number
from .documents import SessionDocument, _file_size
from .pages import SessionPage

EMPTY_FILE = "Tệp “%(name)s” rỗng (0 byte). Hãy chọn tệp có nội dung."


class ResolutionKind(models.TextChoices):
    NORMATIVE = "quy-pham", "Nghị quyết quy phạm pháp luật"
    INDIVIDUAL = "ca-biet", "Nghị quyết cá biệt"


class ResolutionStatus(models.TextChoices):
    NOT_YET = "chua-co-hieu-luc", "Chưa có hiệu lực"
    IN_FORCE = "con-hieu-luc", "Còn hiệu lực"
    AMENDED = "da-duoc-sua-doi", "Còn hiệu lực, đã được sửa đổi"
    REPLACED = "bi-thay-the", "Bị thay thế"
    REPEALED = "bi-bai-bo", "Bị bãi bỏ"
    EXPIRED = "het-hieu-luc", "Hết hiệu lực"


class RelationKind(models.TextChoices):
    AMENDS = "sua-doi", "Sửa đổi, bổ sung"
    REPLACES = "thay-the", "Thay thế"
    REPEALS = "bai-bo", "Bãi bỏ"


# "Được sửa đổi bởi …": how a relation reads from its target's side.
RELATION_PASSIVE = {
    RelationKind.AMENDS: "Được sửa đổi, bổ sung bởi",
    RelationKind.REPLACES: "Bị thay thế bởi",
    RelationKind.REPEALS: "Bị bãi bỏ bởi",
}
RELATION_STATUS = {
    RelationKind.AMENDS: ResolutionStatus.AMENDED,
    RelationKind.REPLACES: ResolutionStatus.REPLACED,
    RelationKind.REPEALS: ResolutionStatus.REPEALED,
}


class ActionKind(models.TextChoices):
    SUBMITTED = "trinh", "Trình"
    DRAFT_POSTED = "dang-du-thao", "Đăng dự thảo"
    REVIEWED = "tham-tra", "Thẩm tra"
    ADOPTED = "thong-qua", "Thông qua"
    PUBLISHED = "cong-bo", "Công bố"


class ResolutionField(models.Model):
    """A field of resolutions (lĩnh vực: Ngân sách, Đất đai, Giáo dục…). A small table the
    secretariat edits rather than fixed choices: provinces name their fields differently
    and add new ones, and the register filters by them."""

    name = models.CharField("Tên lĩnh vực", max_length=100, unique=True)
    slug = models.SlugField(
        "Đường dẫn", max_length=100, unique=True, help_text="Dùng trong bộ lọc của sổ nghị quyết."
    )
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = "Lĩnh vực nghị quyết"
        verbose_name_plural = "Lĩnh vực nghị quyết"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.name and not self.slug:
            from portal.core.text import slugify_vi

            self.slug = slugify_vi(self.name)[:100]


class ResolutionCounter(models.Model):
    """The last number handed out per kind and year; its row is locked while a number is
    assigned, so concurrent saves wait for each other."""

    kind = models.CharField(max_length=16, choices=ResolutionKind.choices)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "Bộ đếm số nghị quyết"
        verbose_name_plural = "Bộ đếm số nghị quyết"
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="council_res_counter_unique")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year}: {self.last}"


NUMBER_TAKEN = "Số “%(code)s” đã được dùng cho nghị quyết khác. Hãy để trống để cấp số tiếp theo."


class Resolution(ClusterableModel):
    kind = models.CharField(
        "Loại nghị quyết",
        max_length=16,
        choices=ResolutionKind.choices,
        default=ResolutionKind.INDIVIDUAL,
    )
    code = models.CharField(
        "Số, ký hiệu",
        max_length=32,
        blank=True,
        help_text="Ví dụ: 12/2019/NQ-HĐND (quy phạm pháp luật), 03/NQ-HĐND (cá biệt). "
        "Để trống để cấp số tiếp theo của năm.",
    )
    number = models.PositiveIntegerField("Số", editable=False, blank=True)
    year = models.PositiveSmallIntegerField("Năm", editable=False, blank=True)
    title = models.TextField(
        "Trích yếu", help_text="Ví dụ: Quy định mức thu học phí năm học 2019 - 2020."
    )
    session = models.ForeignKey(
        SessionPage,
        verbose_name="Thông qua tại kỳ họp",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolutions",
    )
    field = models.ForeignKey(
        ResolutionField,
        verbose_name="Lĩnh vực",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolutions",
    )
    issuing_body = models.CharField("Cơ quan ban hành", max_length=255, default="HĐND tỉnh")
    adoption_date = models.DateField("Ngày thông qua")
    effective_date = models.DateField(
        "Ngày có hiệu lực", blank=True, help_text="Để trống: có hiệu lực từ ngày thông qua."
    )
    expiry_date = models.DateField(
        "Ngày hết hiệu lực", null=True, blank=True, help_text="Chỉ nhập nếu nghị quyết có thời hạn."
    )
    delegates_present = models.PositiveSmallIntegerField(
        "Số đại biểu có mặt", null=True, blank=True
    )
    votes_for = models.PositiveSmallIntegerField("Tán thành", null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField("Không tán thành", null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField("Không biểu quyết", null=True, blank=True)
    session_document = models.ForeignKey(
        SessionDocument,
        verbose_name="Tài liệu kỳ họp đã đăng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Nghị quyết này trong tài liệu của kỳ họp (nếu đã đăng ở đó).",
    )
    published = models.BooleanField(
        "Công khai trên cổng", default=True, help_text="Bỏ chọn để tạm ẩn nghị quyết."
    )
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField("Ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật", auto_now=True)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("code")]),
                FieldPanel("title"),
                FieldRowPanel([FieldPanel("session"), FieldPanel("field")]),
                FieldPanel("issuing_body"),
                FieldRowPanel(
                    [
                        FieldPanel("adoption_date"),
                        FieldPanel("effective_date"),
                        FieldPanel("expiry_date"),
                    ]
                ),
                FieldPanel("session_document"),
                FieldPanel("published"),
            ],
            heading="Thông tin nghị quyết",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("delegates_present"),
                        FieldPanel("votes_for"),
                        FieldPanel("votes_against"),
                        FieldPanel("votes_abstain"),
                    ]
                )
            ],
            heading="Kết quả biểu quyết (nếu công bố)",
        ),
        InlinePanel("files", heading="Tệp đính kèm", label="Tệp"),
        InlinePanel(
            "relations",
            heading="Sửa đổi, thay thế, bãi bỏ nghị quyết khác",
            label="Liên kết",
            help_text="Các nghị quyết mà nghị quyết này sửa đổi, thay thế hoặc bãi bỏ, "
            "kèm ngày áp dụng. Trạng thái hiệu lực được tính từ đây.",
        ),
        InlinePanel("actions", heading="Quá trình ban hành", label="Bước"),
    ]

    class Meta:
        verbose_name = "Nghị quyết"
        verbose_name_plural = "Sổ nghị quyết"
        ordering = ["-adoption_date", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year", "number"], name="council_resolution_number_unique"
            )
        ]
        indexes = [
            models.Index(fields=["published", "-adoption_date"], name="council_res_pub_date"),
        ]

    def __str__(self):
        return f"Nghị quyết số {self.code}" if self.code else "Nghị quyết (chưa có số)"

    @property
    def full_title(self) -> str:
        """ "Nghị quyết số 12/2019/NQ-HĐND quy định mức thu học phí …"."""
        title = self.title.strip()
        if len(title) > 1 and title[1].islower():
            title = title[0].lower() + title[1:]
        return f"{self} {title}".strip()

    def format_code(self, number: int | None = None, year: int | None = None) -> str:
        number = number or self.number
        year = year or self.year
        if self.kind == ResolutionKind.NORMATIVE:
            return f"{number:02d}/{year}/NQ-HĐND"
        return f"{number:02d}/NQ-HĐND"

    # --- validation -----------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        self.code = normalize_number(self.code)
        year = self.adoption_date.year if self.adoption_date else None
        if self.code:
            try:
                parsed = parse_number(self.code)
            except ValidationError as error:
                errors["code"] = error
            else:
                problem = None
                if parsed.kind != "NQ":
                    problem = "Số, ký hiệu của nghị quyết phải mang ký hiệu “NQ”."
                elif self.kind == ResolutionKind.NORMATIVE and parsed.year is None:
                    problem = (
                        "Nghị quyết quy phạm pháp luật ghi năm trong số, ví dụ "
                        f"{parsed.number:02d}/{year or 2019}/NQ-{parsed.body}."
                    )
                elif self.kind == ResolutionKind.INDIVIDUAL and parsed.year is not None:
                    problem = (
                        "Nghị quyết cá biệt không ghi năm trong số, ví dụ "
                        f"{parsed.number:02d}/NQ-{parsed.body}."
                    )
                elif parsed.year and year and parsed.year != year:
                    problem = f"Năm trong số, ký hiệu ({parsed.year}) khác năm thông qua ({year})."
                if problem:
                    errors["code"] = ValidationError(problem)
                elif year:
                    self.code = str(parsed)
                    twins = Resolution.objects.filter(
                        kind=self.kind, year=year, number=parsed.number
                    )
                    if self.pk:
                        twins = twins.exclude(pk=self.pk)
                    if twins.exists():
                        errors["code"] = ValidationError(NUMBER_TAKEN, params={"code": self.code})
        effective = self.effective_date or self.adoption_date
        if self.adoption_date and self.effective_date and self.effective_date < self.adoption_date:
            errors["effective_date"] = ValidationError(
                "Ngày có hiệu lực không được trước ngày thông qua."
            )
        if effective and self.expiry_date and self.expiry_date <= effective:
            errors["expiry_date"] = ValidationError("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        if self.session_id and self.adoption_date:
            session = self.session
            if not session.opening_date <= self.adoption_date <= session.closing_date:
                errors["adoption_date"] = ValidationError(
                    "Ngày thông qua phải trong thời gian kỳ họp (%(start)s - %(end)s).",
                    params={
                        "start": session.opening_date.strftime("%d/%m/%Y"),
                        "end": session.closing_date.strftime("%d/%m/%Y"),
                    },
                )
        if self.session_document_id:
            from .choices import DocumentType

            document = self.session_document
            if document.document_type != DocumentType.RESOLUTION:
                errors["session_document"] = ValidationError(
                    "Chỉ chọn được tài liệu loại “Nghị quyết”."
                )
            elif self.session_id and document.session_id != self.session_id:
                errors["session_document"] = ValidationError(
                    "Tài liệu này thuộc một kỳ họp khác kỳ họp thông qua nghị quyết."
                )
        errors.update(self._vote_errors())
        if errors:
            raise ValidationError(errors)

    def _vote_errors(self) -> dict:
        votes = {
            "votes_for": self.votes_for,
            "votes_against": self.votes_against,
            "votes_abstain": self.votes_abstain,
        }
        given = {name: value for name, value in votes.items() if value is not None}
        if not given:
            return {}
        if self.delegates_present is None:
            return {
                "delegates_present": ValidationError(
                    "Nhập số đại biểu có mặt khi công bố kết quả biểu quyết."
                )
            }
        if self.delegates_present == 0:
            return {"delegates_present": ValidationError("Số đại biểu có mặt phải lớn hơn 0.")}
        if sum(given.values()) > self.delegates_present:
            return {
                "votes_for": ValidationError(
                    "Tổng số phiếu tán thành, không tán thành và không biểu quyết "
                    "(%(total)s) vượt quá số đại biểu có mặt (%(present)s).",
                    params={"total": sum(given.values()), "present": self.delegates_present},
                )
            }
        return {}

    # --- numbering ------------------------------------------------------------------

    def save(self, *args, **kwargs):
        if not self.effective_date:
            self.effective_date = self.adoption_date
        self.year = self.adoption_date.year
        self.search_text = fold(" ".join([self.code or "", self.title, self.issuing_body]))
        with transaction.atomic():
            self._assign_number()
            self.search_text = fold(" ".join([self.code, self.title, self.issuing_body]))
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
            except IntegrityError as error:
                raise ValidationError(
                    {"code": ValidationError(NUMBER_TAKEN, params={"code": self.code})}
                ) from error

    def _assign_number(self):
        """The typed number (recorded in the counter), or the next one: under the lock of
        the kind's and year's counter row, so concurrent saves never take the same."""
        typed = parse_number(normalize_number(self.code)).number if self.code else None
        if self.pk and typed:
            stored = Resolution.objects.filter(pk=self.pk).values_list("kind", "year", "number")
            if stored.first() == (self.kind, self.year, typed):
                self.number = typed
                return
        counter, _created = ResolutionCounter.objects.get_or_create(kind=self.kind, year=self.year)
        counter = ResolutionCounter.objects.select_for_update().get(pk=counter.pk)
        if typed:
            self.number = typed
        else:
            highest = (
                Resolution.objects.filter(kind=self.kind, year=self.year).aggregate(
                    models.Max("number")
                )["number__max"]
                or 0
            )
            self.number = max(counter.last, highest) + 1
        self.code = self.format_code(self.number, self.year)
        if self.number > counter.last:
            counter.last = self.number
            counter.save(update_fields=["last"])

    # --- status -----------------------------------------------------------------------

    def status_on(self, day: datetime.date | None = None, incoming=None) -> str:
        """The status on ``day`` from the dates and the relations pointing here
        (``incoming``: ``ResolutionRelation`` rows, by default those from visible
        resolutions). The same rule as ``selectors.with_status``."""
        day = day or timezone.localdate()
        if incoming is None:
            from ..selectors import incoming_relations

            incoming = incoming_relations(self)
        effective = self.effective_date or self.adoption_date
        if day < effective:
            return ResolutionStatus.NOT_YET
        past = [r for r in incoming if r.date <= day]
        ending = sorted(
            (r for r in past if r.kind != RelationKind.AMENDS), key=lambda r: (r.date, r.pk or 0)
        )
        end = ending[0] if ending else None
        if (
            self.expiry_date
            and self.expiry_date <= day
            and (end is None or self.expiry_date < end.date)
        ):
            return ResolutionStatus.EXPIRED
        if end is not None:
            return RELATION_STATUS[RelationKind(end.kind)]
        if any(r.kind == RelationKind.AMENDS for r in past):
            return ResolutionStatus.AMENDED
        return ResolutionStatus.IN_FORCE

    @property
    def vote_published(self) -> bool:
        return self.delegates_present is not None and self.votes_for is not None


class ResolutionFile(Orderable):
    """A file of a resolution (full text, appendix): a Wagtail document, so it went in
    through Wagtail's document form and its upload checks."""

    resolution = ParentalKey(Resolution, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(
        "Tên tệp", max_length=100, default="Toàn văn", help_text="Ví dụ: Toàn văn, Phụ lục 1."
    )
    file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Tệp", on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("name"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = "Tệp nghị quyết"
        verbose_name_plural = "Tệp nghị quyết"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.name = (self.name or "").strip() or "Toàn văn"
        if self.file_id and _file_size(self.file) == 0:
            raise ValidationError(
                {"file": ValidationError(EMPTY_FILE, params={"name": self.file.title})}
            )

    @property
    def extension(self) -> str:
        return self.file.file_extension.lower()


SELF_RELATION = "Một nghị quyết không thể tự sửa đổi, thay thế hay bãi bỏ chính nó."
CYCLE = (
    "Không thể liên kết với nghị quyết số %(code)s: nghị quyết đó đã (trực tiếp hoặc gián "
    "tiếp) sửa đổi, thay thế hoặc bãi bỏ nghị quyết này, liên kết sẽ tạo thành vòng."
)


def relation_errors(source_pk: int | None, target_ids) -> list[ValidationError]:
    """What is wrong with ``source`` amending, replacing or repealing each of
    ``target_ids``: itself, or a resolution that already leads back to it through the
    stored links (a cycle)."""
    problems = []
    targets = [pk for pk in target_ids if pk]
    if source_pk is None:
        return problems  # a new resolution: nothing points at it yet
    if source_pk in targets:
        problems.append(ValidationError(SELF_RELATION, code="self"))
    edges: dict[int, set[int]] = {}
    rows = ResolutionRelation.objects.exclude(source_id=source_pk).values_list(
        "source_id", "target_id"
    )
    for source, target in rows:
        edges.setdefault(source, set()).add(target)
    for target in set(targets) - {source_pk}:
        seen, stack = set(), [target]
        while stack:
            node = stack.pop()
            if node == source_pk:
                code = Resolution.objects.filter(pk=target).values_list("code", flat=True).first()
                problems.append(ValidationError(CYCLE, code="cycle", params={"code": code}))
                break
            if node in seen:
                continue
            seen.add(node)
            stack.extend(edges.get(node, ()))
    return problems


class ResolutionRelation(models.Model):
    """``source`` amends, replaces or repeals ``target`` from ``date`` on."""

    source = ParentalKey(Resolution, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField("Tác động", max_length=16, choices=RelationKind.choices)
    target = models.ForeignKey(
        Resolution,
        verbose_name="Nghị quyết bị tác động",
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )
    date = models.DateField(
        "Từ ngày", blank=True, help_text="Để trống: ngày có hiệu lực của nghị quyết này."
    )
    note = models.CharField(
        "Ghi chú", max_length=255, blank=True, help_text="Ví dụ: sửa đổi Điều 2, khoản 3."
    )

    panels = [FieldPanel("kind"), FieldPanel("target"), FieldPanel("date"), FieldPanel("note")]

    class Meta:
        verbose_name = "Liên kết nghị quyết"
        verbose_name_plural = "Liên kết nghị quyết"
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="council_res_relation_unique"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.target}"

    def save(self, *args, **kwargs):
        if not self.date:
            self.date = self.source.effective_date or self.source.adoption_date
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.target_id:
            return
        problems = relation_errors(self.source_id, [self.target_id])
        if problems:
            raise ValidationError({"target": problems})
        if self.date and self.date < self.target.adoption_date:
            raise ValidationError(
                {"date": "Ngày áp dụng không được trước ngày thông qua nghị quyết bị tác động."}
            )

    def get_passive_display(self) -> str:
        """ "Được sửa đổi, bổ sung bởi": the link read from its target's side."""
        return RELATION_PASSIVE[RelationKind(self.kind)]


class ResolutionAction(Orderable):
    """One step of a resolution's history, as Open Civic Data's bill actions."""

    resolution = ParentalKey(Resolution, on_delete=models.CASCADE, related_name="actions")
    date = models.DateField("Ngày")
    kind = models.CharField("Bước", max_length=16, choices=ActionKind.choices)
    description = models.CharField(
        "Nội dung", max_length=500, blank=True, help_text="Ví dụ: UBND tỉnh trình HĐND tỉnh."
    )

    panels = [FieldPanel("date"), FieldPanel("kind"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "Bước ban hành"
        verbose_name_plural = "Quá trình ban hành"

    def __str__(self):
        return f"{self.get_kind_display()} ({self.date:%d/%m/%Y})"
