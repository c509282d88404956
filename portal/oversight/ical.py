"""The reception schedule as an iCal feed (RFC 5545, written with ``icalendar``): every
reception from a year back, each event linking back to the schedule's page; a
cancelled reception stays in the feed with STATUS:CANCELLED so calendars drop it."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models.receptions import ReceptionStatus
from .reception_selectors import receptions_between

HISTORY_DAYS = 366
FUTURE_DAYS = 3 * 366


def _who(entry) -> str:
    names = [host.title for host in entry.hosts.all()]
    if entry.substitute is not None:
        names.append(f"{entry.substitute.title} (tiếp thay)")
    parts = []
    if entry.host_body is not None:
        parts.append(entry.host_body.title)
    if names:
        parts.append("Đại biểu: " + ", ".join(names))
    if entry.office_leader:
        parts.append(f"Lãnh đạo Văn phòng: {entry.office_leader}")
    return ". ".join(parts)


def reception_feed(page_url: str, name: str, today: datetime.date | None = None) -> bytes:
    today = today or timezone.localdate()
    zone = ZoneInfo(settings.TIME_ZONE)
    feed = Calendar()
    feed.add("prodid", "-//HĐND tỉnh//Lịch tiếp công dân//VI")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", settings.TIME_ZONE)
    host = page_url.split("/")[2] if "//" in page_url else "localhost"
    entries = receptions_between(
        today - datetime.timedelta(days=HISTORY_DAYS), today + datetime.timedelta(days=FUTURE_DAYS)
    )
    for entry in entries:
        event = Event()
        event.add("uid", f"tiep-cong-dan-{entry.pk}@{host}")
        event.add(
            "summary", "Tiếp công dân" + (f" – {entry.host_body.title}" if entry.host_body else "")
        )
        event.add("dtstart", datetime.datetime.combine(entry.date, entry.start_time, zone))
        event.add("dtend", datetime.datetime.combine(entry.date, entry.end_time, zone))
        event.add("dtstamp", timezone.now())
        event.add("location", entry.place)
        description = [_who(entry)]
        if entry.notice:
            description.append(entry.notice)
        event.add("description", "\n".join(part for part in description if part))
        event.add("url", f"{page_url}{entry.date.year}/{entry.date.month}/")
        event.add(
            "status", "CANCELLED" if entry.status == ReceptionStatus.CANCELLED else "CONFIRMED"
        )
        feed.add_component(event)
    return feed.to_ical()
