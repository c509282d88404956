"""Bar charts drawn on the server as accessible SVG (no JavaScript).

:func:`grouped_bars` lays out groups of bars (a group per category, a bar per
series: this year and last year); the template ``oversight/includes/bar_chart.html``
draws them with a ``<title>``, a ``<desc>`` that says every number in words, and a
text label on every bar in Vietnamese number format. The page shows the same
numbers in a table beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from portal.core.templatetags.vi_format import so

WIDTH = 840
HEIGHT = 320
LEFT = 64
RIGHT = 16
TOP = 28
BOTTOM = 56


@dataclass(frozen=True)
class Bar:
    series: int
    series_label: str
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def text(self) -> str:
        return so(self.value)

    @property
    def label_x(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def label_y(self) -> float:
        return round(self.y - 4, 1)


@dataclass(frozen=True)
class Group:
    label: str  # in the description
    short: str  # under the bars
    bars: tuple[Bar, ...]
    label_x: float


@dataclass(frozen=True)
class Tick:
    value: int
    y: float

    @property
    def text(self) -> str:
        return so(self.value)


@dataclass(frozen=True)
class Chart:
    key: str  # a prefix for the ids of its title and description
    title: str
    desc: str
    series: tuple[str, ...]
    groups: tuple[Group, ...]
    ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def baseline(self) -> int:
        return self.height - BOTTOM

    @property
    def left(self) -> int:
        return LEFT

    @property
    def right(self) -> int:
        return self.width - RIGHT

    @property
    def legend(self):
        """(series index, label, x of its swatch)."""
        return [(index, label, LEFT + index * 160) for index, label in enumerate(self.series)]


def nice_ceiling(value: int) -> int:
    """The top of the axis: 1, 2 or 5 times a power of ten, at least ``value``."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def grouped_bars(
    key, title, series, categories, values, *, short=None, width=WIDTH, height=HEIGHT
) -> Chart:
    """``categories``: the groups' labels; ``values[s][c]``: series ``s`` in group ``c``."""
    top_value = nice_ceiling(max((v for row in values for v in row), default=0))
    plot_height = height - TOP - BOTTOM
    plot_width = width - LEFT - RIGHT
    slot = plot_width / max(1, len(categories))
    bar_width = min(32.0, slot * 0.8 / max(1, len(series)))
    groups = []
    for c, label in enumerate(categories):
        start = LEFT + c * slot + (slot - bar_width * len(series)) / 2
        bars = []
        for s, series_label in enumerate(series):
            value = values[s][c]
            bar_height = plot_height * value / top_value
            bars.append(
                Bar(
                    series=s,
                    series_label=series_label,
                    value=value,
                    x=round(start + s * bar_width, 1),
                    y=round(height - BOTTOM - bar_height, 1),
                    width=round(bar_width - 2, 1),
                    height=round(bar_height, 1),
                )
            )
        groups.append(
            Group(
                label=label,
                short=short[c] if short else label,
                bars=tuple(bars),
                label_x=round(LEFT + (c + 0.5) * slot, 1),
            )
        )
    steps = 4 if top_value % 4 == 0 else 5 if top_value % 5 == 0 else top_value
    ticks = tuple(
        Tick(value=top_value * i // steps, y=round(height - BOTTOM - plot_height * i / steps, 1))
        for i in range(steps + 1)
    )
    desc = "; ".join(
        f"{label}: "
        + ", ".join(f"{series_label} {so(values[s][c])}" for s, series_label in enumerate(series))
        for c, label in enumerate(categories)
    )
    return Chart(
        key=key,
        title=title,
        desc=desc + ".",
        series=tuple(series),
        groups=tuple(groups),
        ticks=ticks,
        width=width,
        height=height,
    )


def year_charts(summary) -> list[Chart]:
    """The year page's two charts: by content and by month, this year against last."""
    from .models import CONTENT_FIELDS, FIGURE_LABELS

    year, previous = summary.year, summary.year - 1
    series = (f"Năm {year}", f"Năm {previous}")
    by_type = grouped_bars(
        "bieu-do-noi-dung",
        f"Đơn thư năm {year} theo nội dung, so với năm {previous}",
        series,
        [FIGURE_LABELS[name] for name in CONTENT_FIELDS],
        [
            [summary.totals[name] for name in CONTENT_FIELDS],
            [summary.previous_totals[name] for name in CONTENT_FIELDS],
        ],
    )
    months = range(1, 13)
    by_month = grouped_bars(
        "bieu-do-thang",
        f"Số đơn nhận theo tháng năm {year}, so với năm {previous}",
        series,
        [f"Tháng {month}" for month in months],
        [
            [summary.months.get(month, {}).get("received", 0) for month in months],
            [summary.previous_months.get(month, {}).get("received", 0) for month in months],
        ],
        short=[f"T{month}" for month in months],
    )
    return [by_type, by_month]
