"""The publish invariant: a page that carries a classification marking is never live.

The check runs where every publishing route passes: the save of a live page with
its content (``BasePage.save``, through ``portal.core.registry.publish_checks``),
which the editor's publish button, workflow approval, ``publish_scheduled``, bulk
actions, reverting to a revision, copies and management commands all reach. The
page editor's form runs it too, so the editor reads why; ``publish_scheduled``
(overridden here) takes marked revisions off the schedule before Wagtail's loop,
so one marked page never stops the others.
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import get_text_for_indexing

from portal.search.documents import stream_text

from .classification import find_markings, name_markings

logger = logging.getLogger("portal.editorial.publishing")

SKIPPED_FIELDS = {"slug", "url_path", "path", "draft_title", "translation_key"}


def page_texts(page):
    """(where, text) of every text the page shows: title, text fields, rich text
    and StreamField blocks."""
    for model_field in page._meta.concrete_fields:
        if model_field.name in SKIPPED_FIELDS or model_field.name == "title":
            continue
        value = getattr(page, model_field.attname, None)
        if not value:
            continue
        label = str(model_field.verbose_name)
        if isinstance(model_field, StreamField):
            yield label, "\n".join(stream_text(value))
        elif isinstance(model_field, RichTextField):
            yield label, get_text_for_indexing(str(value)).replace(". ", ".\n")
        elif isinstance(model_field, models.CharField | models.TextField):
            yield label, str(value)


def page_markings(page):
    found = name_markings(page.title or "", "tiêu đề")
    for where, text in page_texts(page):
        found += find_markings(text, where)
    return found


def refuse_marked_page(page) -> None:
    found = [marking for marking in page_markings(page) if not marking.is_declassified]
    if found:
        marking = found[0]
        logger.warning(
            "marked page refused",
            extra={"page_id": page.pk, "level": marking.level, "where": marking.where},
        )
        raise ValidationError(
            "Trang mang dấu độ mật “%(level)s” (%(where)s): nội dung mật không được "
            "lưu hay xuất bản trên cổng thông tin.",
            code="classified",
            params={"level": marking.level, "where": marking.where},
        )
