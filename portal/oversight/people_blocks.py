"""What oversight shows on the people subject's pages (registered ``page_blocks``): a body's
supervision activities and a delegate's (as a member of the team), and the receptions
each hosts — the coming ones, or the latest when none is coming."""

from __future__ import annotations

import datetime

from portal.core.registry import HomeBlock
from portal.core.visibility import visible_pages

LIMIT = 6


def _people_page(page):
    from portal.people.models import BodyPage, DelegatePage

    if isinstance(page, BodyPage):
        return "body"
    if isinstance(page, DelegatePage):
        return "delegate"
    return None


def supervision_block(page, day: datetime.date):
    from .models import SupervisionPage

    kind = _people_page(page)
    if kind is None:
        return None
    activities = SupervisionPage.objects.all()
    if kind == "body":
        activities = activities.filter(body=page)
    else:
        activities = activities.filter(members__delegate=page).distinct()
    activities = list(visible_pages(activities).order_by("-start_date")[:LIMIT])
    if not activities:
        return None
    return HomeBlock("oversight/includes/page_supervisions.html", {"activities": activities})


def reception_block(page, day: datetime.date):
    from .models import Reception
    from .reception_selectors import schedule_page

    kind = _people_page(page)
    if kind is None:
        return None
    entries = Reception.objects.filter(host_body=page) if kind == "body" else page.receptions.all()
    coming = list(entries.filter(date__gte=day).order_by("date", "start_time")[:LIMIT])
    latest = [] if coming else list(entries.order_by("-date", "-start_time")[:3])
    if not coming and not latest:
        return None
    return HomeBlock(
        "oversight/includes/page_receptions.html",
        {"coming": coming, "latest": latest, "schedule": schedule_page()},
    )
