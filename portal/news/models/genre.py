from django.db import models

from portal.core.text import slugify_vi


class Genre(models.Model):
    """Genre of a published work (tin, bài, ảnh...). Royalties are set per genre."""

    name = models.CharField("Tên thể loại", max_length=100, unique=True)
    slug = models.SlugField("Mã", max_length=100, unique=True, blank=True)
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    class Meta:
        verbose_name = "Thể loại"
        verbose_name_plural = "Thể loại"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name)
        super().save(*args, **kwargs)
