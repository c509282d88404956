"""The reception schedule's rules: working days, a rule's dates, and writing its entries.

``working_day(day)`` knows weekends, Vietnam's public holidays and Tết (the ``holidays``
package, Vietnamese names) and the secretariat's extra days off. ``rule_dates(rule)``
gives the days a rule falls on, moved or skipped around the days off;
``expand_rule(rule)`` writes them as entries, keeping every entry the secretariat has
edited and removing the rule's untouched entries it no longer produces.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.db import transaction

from .models.receptions import Frequency, NonWorkingDay, OnHoliday, Reception, ReceptionRule

MAX_SHIFT = 14  # days a reception may move forward past a run of days off (Tết)


@lru_cache(maxsize=32)
def _public_holidays(year: int) -> dict[datetime.date, str]:
    return dict(holidays.country_holidays("VN", years=[year], language="vi"))


@dataclass(frozen=True)
class DaysOff:
    """The days off of a period, read once: public holidays and the secretariat's days."""

    extra: dict[datetime.date, str]

    @classmethod
    def between(cls, first: datetime.date, last: datetime.date) -> DaysOff:
        rows = NonWorkingDay.objects.filter(
            date__gte=first, date__lte=last + datetime.timedelta(days=MAX_SHIFT)
        )
        return cls(dict(rows.values_list("date", "name")))

    def reason(self, day: datetime.date) -> str | None:
        """Why ``day`` is not a working day, or None when it is one."""
        if day in self.extra:
            return self.extra[day]
        holiday = _public_holidays(day.year).get(day)
        if holiday:
            return holiday
        if day.weekday() >= 5:
            return "Thứ Bảy" if day.weekday() == 5 else "Chủ nhật"
        return None

    def is_working_day(self, day: datetime.date) -> bool:
        return self.reason(day) is None


def _months(first: datetime.date, last: datetime.date):
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def planned_dates(rule: ReceptionRule) -> list[datetime.date]:
    """The days the rule names, before days off are considered."""
    first, last = rule.valid_from, rule.valid_until
    found = []
    if rule.frequency == Frequency.WEEKLY:
        day = first + datetime.timedelta(days=(rule.weekday - first.weekday()) % 7)
        while day <= last:
            found.append(day)
            day += datetime.timedelta(days=7)
    else:
        for year, month in _months(first, last):
            if (
                rule.frequency == Frequency.QUARTERLY
                and (month - 1) % 3 + 1 != rule.month_of_quarter
            ):
                continue
            day = datetime.date(year, month, rule.day_of_month)
            if first <= day <= last:
                found.append(day)
    return found


def rule_dates(
    rule: ReceptionRule, days_off: DaysOff | None = None
) -> list[tuple[datetime.date, datetime.date]]:
    """(planned day, actual day) of each reception the rule holds: a planned day that is
    not a working day moves to the next working day, or is skipped, as the rule says."""
    planned = planned_dates(rule)
    if not planned:
        return []
    days_off = days_off or DaysOff.between(planned[0], planned[-1])
    found = []
    for day in planned:
        actual = day
        if not days_off.is_working_day(day):
            if rule.on_holiday == OnHoliday.SKIP:
                continue
            for _ in range(MAX_SHIFT):
                actual += datetime.timedelta(days=1)
                if days_off.is_working_day(actual):
                    break
            else:
                continue
        found.append((day, actual))
    return found


def _rota(rule) -> list:
    return sorted(rule.rota.all(), key=lambda body: body.title)


@dataclass
class ExpandReport:
    created: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0  # edited by the secretariat, left as they are


@transaction.atomic
def expand_rule(rule: ReceptionRule) -> ExpandReport:
    """Write the rule's receptions. Untouched entries follow the rule (created, updated
    or removed); an entry the secretariat edited is kept as it is."""
    report = ExpandReport()
    wanted = rule_dates(rule)
    existing = {r.planned_date: r for r in Reception.objects.filter(rule=rule)}
    rota = _rota(rule)
    hosts = list(rule.hosts.all())
    for turn, (planned, actual) in enumerate(wanted):
        host_body = rota[turn % len(rota)] if rota else rule.host_body
        values = {
            "date": actual,
            "start_time": rule.start_time,
            "end_time": rule.end_time,
            "place": rule.place,
            "host_body": host_body,
            "office_leader": rule.office_leader,
        }
        entry = existing.pop(planned, None)
        if entry is not None and entry.edited:
            report.kept += 1
            continue
        if entry is None:
            entry = Reception(rule=rule, planned_date=planned, **values)
            entry.save()
            report.created += 1
        else:
            changed = [k for k, v in values.items() if getattr(entry, k) != v]
            for key in changed:
                setattr(entry, key, values[key])
            if changed:
                entry.save()
                report.updated += 1
        if not rota:
            entry.hosts.set(hosts)
            entry.save()
    for entry in existing.values():
        if entry.edited:
            report.kept += 1
        else:
            entry.delete()
            report.removed += 1
    return report
