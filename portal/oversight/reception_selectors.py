"""Reads of the reception schedule: the coming receptions, a month as a calendar, this
week's for the home page. Receptions are public data; the delegates named are those a
visitor may see (``portal.core.visibility``)."""

from __future__ import annotations

import calendar as calendar_module
import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch

from portal.core.visibility import visible_pages

from .models.reception_pages import month_label, shift_month
from .models.receptions import Reception
from .receptions import DaysOff

UPCOMING_DAYS = 62
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def receptions_between(first: datetime.date, last: datetime.date) -> list[Reception]:
    """Receptions between two days with their hosts: three queries whatever their number."""
    from portal.people.models import BodyPage, DelegatePage

    visible = visible_pages(DelegatePage.objects.all())
    entries = list(
        Reception.objects.filter(date__gte=first, date__lte=last)
        .select_related("host_body", "substitute", "conclusion")
        .prefetch_related(Prefetch("hosts", queryset=visible.order_by("title")))
        .order_by("date", "start_time", "pk")
    )
    if any(entry.substitute_id or entry.host_body_id for entry in entries):
        shown = set(visible.values_list("pk", flat=True))
        shown |= set(visible_pages(BodyPage.objects.all()).values_list("pk", flat=True))
        for entry in entries:
            if entry.substitute_id and entry.substitute_id not in shown:
                entry.substitute = None
            if entry.host_body_id and entry.host_body_id not in shown:
                entry.host_body = None
    return entries


def _annotate(entries, days_off: DaysOff):
    for entry in entries:
        entry.weekday = WEEKDAYS[entry.date.weekday()]
        entry.moved_from = entry.planned_date if entry.was_moved else None
        entry.moved_because = (
            days_off.reason(entry.planned_date) if entry.moved_from and not entry.notice else None
        )
    return entries


def upcoming_receptions(today: datetime.date, days: int = UPCOMING_DAYS) -> list[Reception]:
    last = today + datetime.timedelta(days=days)
    entries = receptions_between(today, last)
    first = min([today, *(e.planned_date for e in entries if e.planned_date)])
    return _annotate(entries, DaysOff.between(first, last))


def week_receptions(today: datetime.date) -> tuple[datetime.date, datetime.date, list]:
    monday = today - datetime.timedelta(days=today.weekday())
    sunday = monday + datetime.timedelta(days=6)
    entries = receptions_between(monday, sunday)
    return (
        monday,
        sunday,
        _annotate(entries, DaysOff.between(monday - datetime.timedelta(days=14), sunday)),
    )


@dataclass
class CalendarDay:
    date: datetime.date | None
    receptions: list = field(default_factory=list)
    day_off: str | None = None
    is_today: bool = False


@dataclass
class MonthCalendar:
    year: int
    month: int
    label: str
    weeks: list
    receptions: list
    previous: tuple
    next: tuple
    weekdays: list = field(default_factory=lambda: WEEKDAYS)


def month_calendar(year: int, month: int, today: datetime.date) -> MonthCalendar:
    days_in_month = calendar_module.monthrange(year, month)[1]
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, days_in_month)
    days_off = DaysOff.between(first - datetime.timedelta(days=14), last)
    entries = _annotate(receptions_between(first, last), days_off)
    by_day: dict[datetime.date, list] = {}
    for entry in entries:
        by_day.setdefault(entry.date, []).append(entry)
    weeks = []
    for week in calendar_module.Calendar(firstweekday=0).monthdatescalendar(year, month):
        row = []
        for day in week:
            if day.month != month:
                row.append(CalendarDay(None))
                continue
            reason = days_off.reason(day)
            row.append(
                CalendarDay(
                    day,
                    by_day.get(day, []),
                    reason if reason not in ("Thứ Bảy", "Chủ nhật") else None,
                    day == today,
                )
            )
        weeks.append(row)
    return MonthCalendar(
        year=year,
        month=month,
        label=month_label(year, month),
        weeks=weeks,
        receptions=entries,
        previous=shift_month(year, month, -1),
        next=shift_month(year, month, 1),
    )


def schedule_page():
    from portal.core.visibility import visible_pages as visible

    from .models.reception_pages import ReceptionSchedulePage

    return visible(ReceptionSchedulePage.objects.all()).first()
