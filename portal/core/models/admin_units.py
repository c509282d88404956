"""Administrative units as data: a tree with validity dates and successors.

Levels are data (``kind``), never code paths: when the 2025 reform abolished
districts, the districts simply got a ``valid_to`` date and a successor.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class AdministrativeUnitQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gt=day),
        )

    def current(self):
        return self.valid_on(timezone.localdate())


class AdministrativeUnit(models.Model):
    class Kind(models.TextChoices):
        PROVINCE = "tinh", "Tỉnh"
        CITY_OF_PROVINCE = "thanh-pho", "Thành phố thuộc tỉnh"
        TOWN = "thi-xa", "Thị xã"
        DISTRICT = "huyen", "Huyện"
        WARD = "phuong", "Phường"
        COMMUNE = "xa", "Xã"
        TOWNSHIP = "thi-tran", "Thị trấn"

    code = models.CharField("Mã đơn vị", max_length=20, unique=True)
    name = models.CharField("Tên", max_length=150)
    kind = models.CharField("Loại", max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="Thuộc",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField("Hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField(
        "Hết hiệu lực từ", null=True, blank=True, help_text="Để trống nếu còn hiệu lực."
    )
    successor = models.ForeignKey(
        "self",
        verbose_name="Đơn vị kế thừa",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text="Đơn vị được sáp nhập vào (nếu có).",
    )
    is_demo = models.BooleanField(
        "Dữ liệu minh họa", default=False, help_text="Đơn vị chưa được đối chiếu với văn bản gốc."
    )
    source = models.CharField("Nguồn", max_length=255, blank=True)

    objects = AdministrativeUnitQuerySet.as_manager()

    class Meta:
        verbose_name = "Đơn vị hành chính"
        verbose_name_plural = "Đơn vị hành chính"
        ordering = ["code"]

    def __str__(self):
        label = f"{self.get_kind_display()} {self.name}"
        if self.valid_to:
            label += f" (đến {self.valid_to:%d/%m/%Y})"
        return label

    def is_valid_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )

    def final_successor(self):
        """Follow successor links to the unit that exists today."""
        unit, seen = self, set()
        while unit.successor_id and unit.pk not in seen:
            seen.add(unit.pk)
            unit = unit.successor
        return unit
