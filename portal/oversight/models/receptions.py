"""The citizen reception schedule (lịch tiếp công dân, Luật Tiếp công dân 2013).

A ``ReceptionRule`` says how the receptions recur (every Thursday; the 15th of each
month; once a quarter, the delegate groups taking turns) between two dates; the
portal expands it into dated ``Reception`` entries, skipping or moving the days that
are not working days (weekends, Vietnam's public holidays and Tết from the
``holidays`` package, and the ``NonWorkingDay`` rows the secretariat adds). The
secretariat edits an entry one by one — moved, cancelled with a notice, a
substitute — and an edited entry is never rewritten by the rule again.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

MAX_RULE_DAYS = 3 * 366  # a rule covers at most three years: the schedule is published yearly


class Frequency(models.TextChoices):
    WEEKLY = "hang-tuan", "Hằng tuần"
    MONTHLY = "hang-thang", "Hằng tháng"
    QUARTERLY = "hang-quy", "Hằng quý"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Thứ Hai"
    TUESDAY = 1, "Thứ Ba"
    WEDNESDAY = 2, "Thứ Tư"
    THURSDAY = 3, "Thứ Năm"
    FRIDAY = 4, "Thứ Sáu"


class OnHoliday(models.TextChoices):
    NEXT_WORKING_DAY = "ngay-ke-tiep", "Chuyển sang ngày làm việc kế tiếp"
    SKIP = "bo-qua", "Không tổ chức"


class ReceptionStatus(models.TextChoices):
    SCHEDULED = "theo-lich", "Theo lịch"
    MOVED = "doi-ngay", "Đổi ngày"
    CANCELLED = "tam-hoan", "Tạm hoãn"


class NonWorkingDay(models.Model):
    """A day without receptions that the holidays package does not know: a day off the
    province declares, a day moved by the government's decision."""

    date = models.DateField("Ngày", unique=True)
    name = models.CharField("Lý do", max_length=255, help_text="Ví dụ: nghỉ bù Tết Nguyên Đán.")

    panels = [FieldPanel("date"), FieldPanel("name")]

    class Meta:
        verbose_name = "Ngày nghỉ bổ sung"
        verbose_name_plural = "Ngày nghỉ bổ sung"
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.name}"


class ReceptionRule(ClusterableModel):
    title = models.CharField(
        "Tên lịch",
        max_length=255,
        help_text="Ví dụ: Thường trực HĐND tỉnh tiếp công dân định kỳ năm 2020.",
    )
    frequency = models.CharField(
        "Định kỳ", max_length=16, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    weekday = models.PositiveSmallIntegerField(
        "Thứ trong tuần",
        choices=Weekday.choices,
        null=True,
        blank=True,
        help_text="Với lịch hằng tuần.",
    )
    day_of_month = models.PositiveSmallIntegerField(
        "Ngày trong tháng",
        null=True,
        blank=True,
        help_text="Với lịch hằng tháng và hằng quý: từ 1 đến 28.",
    )
    month_of_quarter = models.PositiveSmallIntegerField(
        "Tháng thứ mấy của quý",
        null=True,
        blank=True,
        default=1,
        help_text="Với lịch hằng quý: 1, 2 hoặc 3.",
    )
    valid_from = models.DateField("Áp dụng từ ngày", null=True, blank=True)
    valid_until = models.DateField("Đến ngày", null=True, blank=True)
    start_time = models.TimeField("Giờ bắt đầu", default=datetime.time(7, 30))
    end_time = models.TimeField("Giờ kết thúc", default=datetime.time(11, 30))
    place = models.CharField("Địa điểm", max_length=255)
    host_body = models.ForeignKey(
        "people.BodyPage",
        verbose_name="Cơ quan chủ trì",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reception_rules",
    )
    hosts = ParentalManyToManyField(
        "people.DelegatePage",
        verbose_name="Đại biểu tiếp",
        blank=True,
        related_name="reception_rules",
    )
    rota = ParentalManyToManyField(
        "people.BodyPage",
        verbose_name="Các tổ đại biểu luân phiên",
        blank=True,
        related_name="reception_rotas",
        help_text="Mỗi lần tiếp do tổ kế tiếp trong danh sách đảm nhận (theo thứ tự tên).",
    )
    office_leader = models.CharField(
        "Lãnh đạo Văn phòng tiếp",
        max_length=255,
        blank=True,
        help_text="Khi lãnh đạo Văn phòng tiếp thay đại biểu.",
    )
    on_holiday = models.CharField(
        "Khi trùng ngày nghỉ",
        max_length=16,
        choices=OnHoliday.choices,
        default=OnHoliday.NEXT_WORKING_DAY,
    )

    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("frequency"),
                FieldRowPanel(
                    [
                        FieldPanel("weekday"),
                        FieldPanel("day_of_month"),
                        FieldPanel("month_of_quarter"),
                    ]
                ),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("on_holiday"),
            ],
            heading="Định kỳ",
        ),
        FieldPanel("place"),
        MultiFieldPanel(
            [
                FieldPanel("host_body"),
                FieldPanel("hosts"),
                FieldPanel("rota"),
                FieldPanel("office_leader"),
            ],
            heading="Người tiếp",
        ),
    ]

    class Meta:
        verbose_name = "Lịch tiếp công dân định kỳ"
        verbose_name_plural = "Lịch tiếp công dân định kỳ"
        ordering = ["-valid_from", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if not self.valid_from:
            errors["valid_from"] = "Nhập ngày bắt đầu áp dụng lịch."
        if not self.valid_until:
            errors["valid_until"] = "Nhập ngày kết thúc: lịch định kỳ phải có thời hạn."
        if self.valid_from and self.valid_until:
            if self.valid_until < self.valid_from:
                errors["valid_until"] = "Ngày kết thúc không được trước ngày bắt đầu."
            elif (self.valid_until - self.valid_from).days > MAX_RULE_DAYS:
                errors["valid_until"] = "Một lịch định kỳ dài tối đa ba năm."
        if self.frequency == Frequency.WEEKLY and self.weekday is None:
            errors["weekday"] = "Lịch hằng tuần cần chọn thứ trong tuần (Thứ Hai đến Thứ Sáu)."
        if self.frequency in (Frequency.MONTHLY, Frequency.QUARTERLY):
            if self.day_of_month is None:
                errors["day_of_month"] = "Nhập ngày trong tháng (từ 1 đến 28)."
            elif not 1 <= self.day_of_month <= 28:
                errors["day_of_month"] = (
                    "Ngày trong tháng phải từ 1 đến 28 để tháng nào cũng có ngày đó."
                )
        if self.frequency == Frequency.QUARTERLY and self.month_of_quarter not in (1, 2, 3):
            errors["month_of_quarter"] = "Tháng của quý phải là 1, 2 hoặc 3."
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = "Giờ kết thúc phải sau giờ bắt đầu."
        if errors:
            raise ValidationError(errors)


class Reception(ClusterableModel):
    """One dated reception: from a rule or entered by hand."""

    rule = models.ForeignKey(
        ReceptionRule,
        verbose_name="Theo lịch định kỳ",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="receptions",
    )
    date = models.DateField("Ngày tiếp")
    planned_date = models.DateField(
        "Ngày theo lịch", null=True, blank=True, editable=False, help_text="Ngày lịch định kỳ đặt."
    )
    start_time = models.TimeField("Giờ bắt đầu", default=datetime.time(7, 30))
    end_time = models.TimeField("Giờ kết thúc", default=datetime.time(11, 30))
    place = models.CharField("Địa điểm", max_length=255)
    host_body = models.ForeignKey(
        "people.BodyPage",
        verbose_name="Cơ quan / tổ đại biểu tiếp",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="receptions",
    )
    hosts = ParentalManyToManyField(
        "people.DelegatePage", verbose_name="Đại biểu tiếp", blank=True, related_name="receptions"
    )
    substitute = models.ForeignKey(
        "people.DelegatePage",
        verbose_name="Đại biểu tiếp thay",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="substitute_receptions",
    )
    office_leader = models.CharField("Lãnh đạo Văn phòng tiếp", max_length=255, blank=True)
    status = models.CharField(
        "Tình trạng",
        max_length=16,
        choices=ReceptionStatus.choices,
        default=ReceptionStatus.SCHEDULED,
    )
    notice = models.TextField(
        "Thông báo",
        blank=True,
        help_text="Bắt buộc khi tạm hoãn hoặc đổi ngày: lý do và lịch thay thế (nếu có).",
    )
    conclusion = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="Thông báo kết luận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    edited = models.BooleanField(
        "Đã sửa riêng",
        default=False,
        editable=False,
        help_text="Buổi tiếp đã được sửa riêng: lịch định kỳ không ghi đè.",
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("place"),
        FieldPanel("host_body"),
        FieldPanel("hosts"),
        FieldPanel("substitute"),
        FieldPanel("office_leader"),
        FieldPanel("notice"),
        FieldPanel("conclusion"),
    ]

    class Meta:
        verbose_name = "Buổi tiếp công dân"
        verbose_name_plural = "Lịch tiếp công dân"
        ordering = ["date", "start_time", "pk"]
        indexes = [models.Index(fields=["date"], name="oversight_reception_date")]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "planned_date"], name="oversight_reception_rule_day"
            )
        ]

    def __str__(self):
        return f"Tiếp công dân ngày {self.date:%d/%m/%Y}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == ReceptionStatus.CANCELLED

    @property
    def was_moved(self) -> bool:
        return self.status == ReceptionStatus.MOVED or (
            self.planned_date is not None and self.planned_date != self.date
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = "Giờ kết thúc phải sau giờ bắt đầu."
        if (
            self.status in (ReceptionStatus.CANCELLED, ReceptionStatus.MOVED)
            and not (self.notice or "").strip()
        ):
            errors["notice"] = "Nhập thông báo cho công dân: lý do tạm hoãn hoặc đổi ngày."
        if self._state.adding and self.rule_id is None and self.date:
            from django.utils import timezone

            if self.date < timezone.localdate():
                errors["date"] = (
                    "Không thêm được buổi tiếp vào ngày đã qua; hãy chọn hôm nay hoặc một ngày tới."
                )
        if errors:
            raise ValidationError(errors)
