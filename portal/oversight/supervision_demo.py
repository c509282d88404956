"""The demo's supervision and surveys, coherent with the news: every supervision
programme of the calendar (the committees' two a year 2017-2020, the Standing
Committee's one a year) becomes an activity page — the meeting with the agency in
charge, the district visits and the meeting that adopts the report as its timetable,
the posts' holders of the first day as its members, a result report (PDF) dated by
that meeting — with three recommendations whose follow-up is drawn from the seed:
some done, some in progress, some never reported and so overdue. Idempotent: an
activity is found by slug under the section.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict

from django.db import transaction

from portal.core.text import slugify_vi
from portal.demo import calendar, cast

from .factories import RecommendationFactory, SupervisionIndexPageFactory, SupervisionPageFactory
from .models import (
    Assessment,
    SupervisionIndexPage,
    SupervisionKind,
    SupervisionMember,
    SupervisionPage,
    SupervisionStep,
)

INDEX_SLUG = "giam-sat"
INTRO = (
    "<p>Chương trình, kế hoạch và kết quả giám sát, khảo sát của Thường trực và các Ban "
    "HĐND tỉnh; từng kiến nghị, cơ quan chịu trách nhiệm, thời hạn và kết quả thực hiện.</p>"
)
SYMBOLS = {"thuong-truc": "TTHĐND", "phap-che": "BPC", "kinh-te-ngan-sach": "BKTNS",
           "van-hoa-xa-hoi": "BVHXH", "dan-toc": "BDT"}  # fmt: skip
ROLE_LABELS = ("Trưởng đoàn", "Phó Trưởng đoàn", "Thành viên")


def _plus(day, days):
    return day + datetime.timedelta(days=days)


def _report_pdf(title, host, report_day, subject, lines):
    from portal.council import files, services

    text = [
        host.upper(),
        f"Bắc Kạn, ngày {report_day.day:02d} tháng {report_day.month:02d} năm {report_day.year}",
        f"Báo cáo kết quả giám sát {subject.phrase}.",
        *lines,
    ]
    content = files.pdf_bytes("BÁO CÁO KẾT QUẢ GIÁM SÁT", text)
    return services.store_document(content, f"{slugify_vi(title)[:80]}.pdf", title)


def _recommendations(subject, visited, report_day, rng):
    districts = [calendar.places()[c].label for c in visited]
    return [
        (f"Chỉ đạo rà soát, đánh giá toàn diện việc thực hiện {subject.short}; báo cáo "
         "Thường trực HĐND tỉnh kết quả thực hiện.", "UBND tỉnh", _plus(report_day, 120)),
        (f"Hướng dẫn, tháo gỡ những khó khăn, vướng mắc trong thực hiện {subject.short} mà "
         "cơ sở đã phản ánh qua giám sát.", subject.agency, _plus(report_day, 90)),
        (f"Tập trung chỉ đạo khắc phục tồn tại, hạn chế về {subject.short} tại "
         f"{', '.join(districts) or 'các địa phương'}.",
         f"UBND {districts[0]}" if districts else subject.agency, _plus(report_day, 60)),
    ]  # fmt: skip


def _follow_ups(item, due, rng, agency):
    """Done, in progress, or never reported (overdue), as the seed draws it."""
    draw = rng.random()
    if draw < 0.45:
        return [(_plus(due, -rng.randint(5, 30)), f"{agency} báo cáo đã thực hiện xong kiến nghị.",
                 Assessment.DONE)]  # fmt: skip
    if draw < 0.75:
        return [(_plus(due, -rng.randint(5, 30)), f"{agency} báo cáo đang triển khai thực hiện.",
                 Assessment.IN_PROGRESS)]  # fmt: skip
    return []


def load_supervision_demo(home, seed: int) -> int:
    """Write the section and the term's supervision programmes; return how many activities
    were created (0 on a second run)."""
    from portal.people.models import BodyKind, BodyPage, DelegatePage

    term_cast = cast.term_cast(seed)
    subjects = calendar.subjects()
    programmes = defaultdict(list)
    for event in calendar.term_calendar(seed):
        if event.programme:
            programmes[event.programme].append(event)
    created = 0
    with transaction.atomic():
        index = SupervisionIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
        if index is None:
            index = SupervisionIndexPageFactory(
                parent=home, title="Giám sát, khảo sát", slug=INDEX_SLUG, intro=INTRO
            )
        existing = set(SupervisionPage.objects.child_of(index).values_list("slug", flat=True))
        bodies = {b.title: b for b in BodyPage.objects.all()}
        standing = next((b for b in bodies.values() if b.kind == BodyKind.STANDING), None)
        delegates = {page.title: page for page in DelegatePage.objects.all()}
        numbers = defaultdict(int)
        titles = set()
        for key, events in sorted(programmes.items(), key=lambda item: item[1][0].start):
            events.sort(key=lambda e: e.start)
            first, last = events[0], events[-1]
            subject = subjects[first.subjects[0]]
            rng = random.Random(f"{seed}:{key}")
            committee = first.committee or "thuong-truc"
            numbers[(committee, first.start.year)] += 1
            title = f"Giám sát {subject.phrase} năm {first.start.year}"
            if title in titles:  # the Standing Committee and a committee, the same year
                title = f"{title} ({first.host})"
            titles.add(title)
            slug = slugify_vi(title)[:200]
            if slug in existing:
                continue
            body = bodies.get(first.host) or standing
            if body is None:
                continue
            visited = [e.unit for e in events if e.kind == calendar.Kind.SUPERVISION]
            districts = [calendar.places()[c].label for c in visited]
            decided = _plus(first.start, -14)
            number = f"{numbers[(committee, first.start.year)]:02d}/KH-{SYMBOLS[committee]}"
            members = []
            for position, role in enumerate(first.participants):
                for person in term_cast.holders(role, first.start)[:1]:
                    members.append(
                        SupervisionMember(
                            delegate=delegates.get(person.name),
                            name="" if person.name in delegates else person.name,
                            role=ROLE_LABELS[min(position, 2)],
                            sort_order=position,
                        )
                    )
            page = SupervisionPageFactory(
                parent=index,
                title=title,
                slug=slug,
                body=body,
                kind=SupervisionKind.THEMATIC,
                agencies="\n".join([subject.agency, *(f"UBND {d}" for d in districts)]),
                decision_number=number,
                decision_date=decided,
                start_date=first.start,
                end_date=last.start,
                summary=f"<p>Đánh giá kết quả thực hiện {subject.phrase}; chỉ ra tồn tại, "
                "hạn chế, nguyên nhân và kiến nghị giải pháp.</p>",
                members=members,
                steps=[
                    SupervisionStep(date=e.start, activity=e.title, place=e.venue, sort_order=n)
                    for n, e in enumerate(events)
                ],
                report=_report_pdf(
                    f"Báo cáo kết quả giám sát {subject.short} năm {first.start.year}",
                    first.host,
                    last.start,
                    subject,
                    [f"Đoàn giám sát đã làm việc với {subject.agency} và {', '.join(districts)}."],
                ),
                report_date=last.start,
            )
            for n, (text, agency, due) in enumerate(
                _recommendations(subject, visited, last.start, rng), 1
            ):
                RecommendationFactory(
                    activity=page,
                    number=n,
                    text=text,
                    agency=agency,
                    due_date=due,
                    follow_ups=_follow_ups(n, due, rng, agency),
                )
            created += 1
    return created
