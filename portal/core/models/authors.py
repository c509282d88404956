from django.conf import settings
from django.db import models


class Author(models.Model):
    """A person credited in a byline: staff, delegate or contributor (CTV)."""

    name = models.CharField("Họ và tên", max_length=150)
    unit = models.CharField("Đơn vị công tác", max_length=255, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="Tài khoản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
    )
    is_contributor = models.BooleanField("Cộng tác viên", default=False)

    class Meta:
        verbose_name = "Tác giả"
        verbose_name_plural = "Tác giả"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "unit"], name="author_name_unit_unique")
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})" if self.unit else self.name
