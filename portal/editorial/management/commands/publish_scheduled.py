"""Wagtail's ``publish_scheduled``, with marked revisions taken off the schedule first.

A revision whose content carries a classification marking would be refused when
it is published (``portal.editorial.publishing``); Wagtail's loop would stop at it
and leave every later page unpublished. So such revisions lose their go-live time
(logged, with the page and the marking) before Wagtail's command runs.
"""

import logging

from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Revision

from portal.editorial.publishing import page_markings

logger = logging.getLogger("portal.editorial.publishing")


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if not options.get("dryrun"):
            due = Revision.objects.filter(approved_go_live_at__lt=timezone.now())
            for revision in due:
                page = revision.as_object()
                marked = [m for m in page_markings(page) if not m.is_declassified]
                if marked:
                    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
                    logger.warning(
                        "scheduled publication of a marked page cancelled",
                        extra={"page_id": page.pk, "level": marked[0].level},
                    )
                    self.stderr.write(
                        f"Không xuất bản trang {page.pk} “{page.title}”: mang dấu độ mật "
                        f"“{marked[0].level}” ({marked[0].where})."
                    )
        return super().handle(*args, **options)
