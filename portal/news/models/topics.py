from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from portal.core.text import slugify_vi


class Topic(TagBase):
    """A tag ("chủ đề") with an ASCII slug: "Kỳ họp thứ 13" → "ky-hop-thu-13"."""

    free_tagging = True

    class Meta:
        verbose_name = "Chủ đề"
        verbose_name_plural = "Chủ đề"

    def slugify(self, tag, i=None):
        slug = slugify_vi(tag, max_length=90) or "chu-de"
        return f"{slug}-{i}" if i is not None else slug


class ArticleTopic(ItemBase):
    tag = models.ForeignKey(Topic, related_name="tagged_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )
