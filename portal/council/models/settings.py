"""The secretariat's rules for posting session documents on time."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from .choices import DocumentType

DEFAULT_LEAD_DAYS = 7
# Adopted at the session itself: no lead time unless the secretariat sets one.
NO_LEAD_TIME_BY_DEFAULT = frozenset({DocumentType.RESOLUTION})


@register_setting(icon="date")
class CouncilSettings(ClusterableModel, BaseGenericSetting):
    default_lead_days = models.PositiveSmallIntegerField(
        "Số ngày đăng trước khai mạc (mặc định)",
        default=DEFAULT_LEAD_DAYS,
        help_text="Tài liệu kỳ họp phải được đăng chậm nhất bấy nhiêu ngày trước ngày khai "
        "mạc; đăng sau hạn đó bị đánh dấu “đăng muộn”. Nghị quyết không tính thời hạn, trừ "
        "khi đặt riêng bên dưới.",
    )

    panels = [
        FieldPanel("default_lead_days"),
        InlinePanel(
            "lead_time_rules", heading="Thời hạn riêng theo loại văn bản", label="Quy định"
        ),
    ]

    class Meta:
        verbose_name = "Thời hạn đăng tài liệu kỳ họp"
        verbose_name_plural = "Thời hạn đăng tài liệu kỳ họp"

    def __str__(self):
        return str(self._meta.verbose_name)

    def lead_days(self, rules=None) -> dict:
        """Days before the opening, per document type (None: no lead time)."""
        rules = list(self.lead_time_rules.all()) if rules is None else rules
        days = {
            kind: (None if kind in NO_LEAD_TIME_BY_DEFAULT else self.default_lead_days)
            for kind in DocumentType
        }
        for rule in rules:
            days[DocumentType(rule.document_type)] = rule.lead_days
        return days


class LeadTimeRule(models.Model):
    settings = ParentalKey(
        CouncilSettings, on_delete=models.CASCADE, related_name="lead_time_rules"
    )
    document_type = models.CharField("Loại văn bản", max_length=32, choices=DocumentType.choices)
    lead_days = models.PositiveSmallIntegerField(
        "Số ngày trước khai mạc",
        null=True,
        blank=True,
        help_text="Để trống: loại văn bản này không tính thời hạn đăng.",
    )

    panels = [FieldPanel("document_type"), FieldPanel("lead_days")]

    class Meta:
        verbose_name = "Thời hạn theo loại văn bản"
        verbose_name_plural = "Thời hạn theo loại văn bản"
        constraints = [
            models.UniqueConstraint(
                fields=["settings", "document_type"], name="council_one_rule_per_type"
            )
        ]

    def __str__(self):
        return f"{self.get_document_type_display()}: {self.lead_days}"

    def validate_unique(self, exclude=None):
        try:
            super().validate_unique(exclude)
        except ValidationError as error:
            raise ValidationError(
                {"document_type": "Loại văn bản này đã có thời hạn riêng."}
            ) from error
