"""Reads of the citizens' letters statistics: a month's table, a year's totals.

Each selector runs a fixed number of queries whatever the number of bodies and
months (the year page's query count is tested)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Max, Prefetch, Sum

from .models import FIGURE_FIELDS, LetterMonth, LetterReport


def letter_years() -> list[int]:
    """The years that hold figures, newest first."""
    return list(LetterMonth.objects.order_by("-year").values_list("year", flat=True).distinct())


def letter_periods() -> list[tuple[int, int, object]]:
    """(year, month, last change) of every month with figures, newest first."""
    return [
        (row["year"], row["month"], row["updated"])
        for row in LetterMonth.objects.values("year", "month")
        .annotate(updated=Max("updated_at"))
        .order_by("-year", "-month")
    ]


def letter_months_of(year: int) -> list[int]:
    return list(
        LetterMonth.objects.filter(year=year)
        .order_by("month")
        .values_list("month", flat=True)
        .distinct()
    )


def _zero() -> dict:
    return dict.fromkeys(FIGURE_FIELDS, 0)


def _add(total: dict, values: dict) -> None:
    for name in FIGURE_FIELDS:
        total[name] += values.get(name) or 0


@dataclass
class MonthTable:
    year: int
    month: int
    rows: list  # LetterMonth, with body and reports
    totals: dict = field(default_factory=_zero)

    @property
    def reports(self):
        return [(row, report) for row in self.rows for report in row.reports.all()]

    @property
    def updated_at(self):
        return max((row.updated_at for row in self.rows), default=None)


def month_table(year: int, month: int) -> MonthTable:
    """Every body's figures of one month with their reports (two queries)."""
    rows = list(
        LetterMonth.objects.filter(year=year, month=month)
        .select_related("body")
        .prefetch_related(
            Prefetch("reports", queryset=LetterReport.objects.select_related("document"))
        )
        .order_by("body__sort_order", "body__name")
    )
    table = MonthTable(year=year, month=month, rows=rows)
    for row in rows:
        _add(table.totals, row.figures())
    return table


@dataclass
class YearSummary:
    year: int
    months: dict  # month -> totals of every body (only the months with figures)
    previous_months: dict  # the same for the year before
    totals: dict
    previous_totals: dict
    bodies: list  # (body name, totals), in the bodies' order

    @property
    def has_previous(self) -> bool:
        return bool(self.previous_months)

    def month_rows(self):
        """(month, totals or None) for the twelve months."""
        return [(month, self.months.get(month)) for month in range(1, 13)]


def year_summary(year: int) -> YearSummary | None:
    """The year's totals by month and by body, and last year's by month (two
    queries); ``None`` when the year holds no figures."""
    sums = {name: Sum(name) for name in FIGURE_FIELDS}
    by_month = (
        LetterMonth.objects.filter(year__in=(year, year - 1))
        .values("year", "month")
        .annotate(**sums)
        .order_by("year", "month")
    )
    months, previous = {}, {}
    for row in by_month:
        target = months if row["year"] == year else previous
        target[row["month"]] = {name: row[name] or 0 for name in FIGURE_FIELDS}
    if not months:
        return None
    by_body = (
        LetterMonth.objects.filter(year=year)
        .values("body__name", "body__sort_order")
        .annotate(**sums)
        .order_by("body__sort_order", "body__name")
    )
    bodies = [
        (row["body__name"], {name: row[name] or 0 for name in FIGURE_FIELDS}) for row in by_body
    ]
    totals, previous_totals = _zero(), _zero()
    for values in months.values():
        _add(totals, values)
    for values in previous.values():
        _add(previous_totals, values)
    return YearSummary(
        year=year,
        months=months,
        previous_months=previous,
        totals=totals,
        previous_totals=previous_totals,
        bodies=bodies,
    )
