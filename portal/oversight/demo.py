"""Demo letters statistics of HĐND tỉnh Bắc Kạn, 2018-2020 (docs/demo.md).

The receiving bodies are the term's: the Standing Committee, the Office and the
committees (``portal.demo.content``). Each month's figures are a pure function of
the seed and add up (``factories.letter_figures``); more letters reach the council
in the months of its regular sessions and voter contact (July, December) and fewer
around Tết. :func:`load_letters_demo` writes what is missing and nothing else: a
second run changes nothing.
"""

from __future__ import annotations

import random

from django.db import transaction

from .factories import LetterStatisticsIndexPageFactory, letter_figures
from .models import LetterMonth, LetterStatisticsIndexPage, ReceivingBody

YEARS = (2018, 2019, 2020)
INDEX_SLUG = "thong-ke-don-thu"
INDEX_INTRO = (
    "<p>Hằng tháng, Thường trực HĐND tỉnh công bố số đơn thư của công dân đã tiếp nhận, "
    "phân loại và xử lý, cùng kết quả các cơ quan có thẩm quyền báo cáo lại.</p>"
)
# Letters a month in an ordinary month, by body; the months' own weights below.
VOLUMES = {"thuong-truc": 30, "van-phong": 16, "ban:phap-che": 9}
OTHER_COMMITTEE_VOLUME = 3
MONTH_WEIGHTS = {
    1: 0.8,
    2: 0.55,
    3: 1.0,
    4: 1.0,
    5: 1.05,
    6: 1.1,
    7: 1.35,
    8: 1.0,
    9: 0.95,
    10: 1.05,
    11: 1.15,
    12: 1.3,
}


def demo_bodies() -> list[tuple[str, str, str]]:
    """(key, name, kind) of the bodies that receive letters, in the table's order."""
    from portal.demo import content

    bodies = [
        ("thuong-truc", "Thường trực HĐND tỉnh", ReceivingBody.Kind.STANDING),
        ("van-phong", content.STAFF_UNIT, ReceivingBody.Kind.OFFICE),
    ]
    bodies += [
        (f"ban:{key}", f"{name} HĐND tỉnh", ReceivingBody.Kind.COMMITTEE)
        for key, name in content.COMMITTEES
    ]
    return bodies


def demo_letter_figures(seed: int) -> dict:
    """{(body key, year, month): figures} for the demo years (no database)."""
    rng = random.Random(f"letters-{seed}")
    found = {}
    for year in YEARS:
        trend = 1 + 0.08 * (year - YEARS[0])  # a few more letters each year
        for month in range(1, 13):
            for key, _name, _kind in demo_bodies():
                base = VOLUMES.get(key, OTHER_COMMITTEE_VOLUME)
                mean = base * MONTH_WEIGHTS[month] * trend
                received = max(0, round(rng.gauss(mean, mean * 0.2)))
                figures = letter_figures(received, rng)
                figures["outcome"] = _outcome(figures)
                found[(key, year, month)] = figures
    return found


def _outcome(figures) -> str:
    followed = figures["forwarded"] + figures["urged"] + figures["own_competence"]
    if not followed:
        return ""
    pending = followed - figures["answered"]
    text = (
        f"Đã nhận {figures['answered']} văn bản trả lời, kết quả giải quyết của cơ quan có "
        "thẩm quyền"
    )
    if pending:
        text += f"; {pending} đơn đang được các cơ quan xem xét, giải quyết theo quy định"
    return text + "."


def load_letters_demo(home, seed: int) -> int:
    """The bodies, the "Thống kê đơn thư" page under ``home`` and the missing months'
    figures; returns how many month rows it created."""
    with transaction.atomic():
        bodies = {}
        for order, (key, name, kind) in enumerate(demo_bodies(), 1):
            body, _created = ReceivingBody.objects.get_or_create(
                name=name, defaults={"kind": kind, "sort_order": order}
            )
            bodies[key] = body
        if not LetterStatisticsIndexPage.objects.child_of(home).exists():
            LetterStatisticsIndexPageFactory(
                parent=home, title="Thống kê đơn thư", slug=INDEX_SLUG, intro=INDEX_INTRO
            )
        existing = set(
            LetterMonth.objects.filter(year__in=YEARS).values_list("body_id", "year", "month")
        )
        rows = [
            LetterMonth(body=bodies[key], year=year, month=month, **figures)
            for (key, year, month), figures in demo_letter_figures(seed).items()
            if (bodies[key].pk, year, month) not in existing
        ]
        LetterMonth.objects.bulk_create(rows)
    if rows:
        from portal.core.page_cache import invalidate

        invalidate()  # bulk_create sends no signal
    return len(rows)
