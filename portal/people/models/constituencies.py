"""Constituencies (đơn vị bầu cử): numbered per term, over administrative units as they
were when the term was elected (the units keep their dates; a later merger does not
rewrite an old term's constituencies)."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Constituency(ClusterableModel):
    term = models.ForeignKey(
        "council.TermPage",
        verbose_name="Khóa",
        on_delete=models.PROTECT,
        related_name="constituencies",
    )
    number = models.PositiveSmallIntegerField("Đơn vị bầu cử số")
    seats = models.PositiveSmallIntegerField("Số đại biểu được bầu", default=1)
    units = ParentalManyToManyField(
        "core.AdministrativeUnit",
        verbose_name="Gồm các đơn vị hành chính",
        related_name="constituencies",
        blank=True,
    )
    description = models.CharField(
        "Mô tả",
        max_length=255,
        blank=True,
        help_text="Ví dụ: gồm thành phố Bắc Kạn (nếu muốn ghi rõ hơn danh sách đơn vị).",
    )

    panels = [
        FieldPanel("term"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("seats")]),
        FieldPanel("units"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = "Đơn vị bầu cử"
        verbose_name_plural = "Đơn vị bầu cử"
        ordering = ["term", "number"]
        constraints = [
            models.UniqueConstraint(fields=["term", "number"], name="people_constituency_number")
        ]

    def __str__(self):
        return f"Đơn vị bầu cử số {self.number}"

    @property
    def units_label(self) -> str:
        return ", ".join(f"{u.get_kind_display().lower()} {u.name}" for u in self.units.all())

    def clean(self):
        super().clean()
        if self.number is not None and self.number < 1:
            raise ValidationError({"number": "Số đơn vị bầu cử phải lớn hơn 0."})
        if self.seats is not None and not 1 <= self.seats <= 5:
            raise ValidationError({"seats": "Mỗi đơn vị bầu cử HĐND tỉnh bầu từ 1 đến 5 đại biểu."})
        if self.term_id and self.number:
            twins = Constituency.objects.filter(term_id=self.term_id, number=self.number)
            if self.pk:
                twins = twins.exclude(pk=self.pk)
            if twins.exists():
                raise ValidationError({"number": "Khóa này đã có đơn vị bầu cử mang số này."})
