"""The demo's citizen reception schedule, coherent with the news: the Standing
Committee's monthly receptions are the calendar's (``Kind.RECEPTION`` events: the day,
the presiding chair or vice-chair of that day, the Office's chief), entered one by one
as the secretariat entered them, those from 2020 with their conclusion notice (a PDF
naming the day, the presider and the subjects citizens raised); and one recurring
rule, the delegate groups' quarterly reception in their districts in 2020, expanded
by the portal around weekends and holidays. Idempotent: receptions are found by day
and place, the rule by its title.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from portal.demo import calendar, cast

from .factories import ReceptionSchedulePageFactory
from .models import Frequency, Reception, ReceptionRule, ReceptionSchedulePage
from .receptions import expand_rule

INDEX_SLUG = "lich-tiep-cong-dan"
INTRO = (
    "<p>Thường trực HĐND tỉnh tiếp công dân định kỳ mỗi tháng một lần tại Trụ sở Tiếp công "
    "dân tỉnh; các Tổ đại biểu HĐND tỉnh tiếp công dân tại địa phương mỗi quý một lần. "
    "Lịch trùng ngày nghỉ lễ, Tết được chuyển sang ngày làm việc kế tiếp.</p>"
)
PLACE = "Trụ sở Tiếp công dân tỉnh, tổ 1, phường Đức Xuân, thành phố Bắc Kạn"
CONCLUSIONS_FROM = datetime.date(2020, 1, 1)
ROTA_TITLE = "Các Tổ đại biểu HĐND tỉnh tiếp công dân tại địa phương năm 2020"


def _conclusion(event, presider, subjects):
    from portal.council import files, services

    day = event.start
    lines = [
        "THƯỜNG TRỰC HĐND TỈNH BẮC KẠN",
        f"Bắc Kạn, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
        f"Kết luận của đồng chí {presider}, buổi tiếp công dân định kỳ tháng "
        f"{day.month}/{day.year} của Thường trực HĐND tỉnh.",
        "Công dân đã phản ánh, kiến nghị về: " + "; ".join(subjects) + ".",
        "Thường trực HĐND tỉnh đề nghị các cơ quan có thẩm quyền xem xét, giải quyết và "
        "báo cáo kết quả theo quy định.",
    ]
    content = files.pdf_bytes("THÔNG BÁO KẾT LUẬN", lines)
    title = f"Thông báo kết luận buổi tiếp công dân tháng {day.month}/{day.year}"
    return services.store_document(content, f"ket-luan-tiep-cong-dan-{day:%Y-%m}.pdf", title)


def _page(home):
    page = ReceptionSchedulePage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if page is None:
        page = ReceptionSchedulePageFactory(
            parent=home, title="Lịch tiếp công dân", slug=INDEX_SLUG, intro=INTRO
        )
    return page


def load_receptions_demo(home, seed: int) -> int:
    """Write the schedule's page, the term's receptions and the 2020 rule; return how many
    receptions were created (0 on a second run)."""
    from portal.demo.calendar import Kind
    from portal.people.models import BodyKind, BodyPage, DelegatePage

    term_cast = cast.term_cast(seed)
    subjects = calendar.subjects()
    with transaction.atomic():
        _page(home)
        delegates = {page.title: page for page in DelegatePage.objects.all()}
        standing = BodyPage.objects.filter(kind=BodyKind.STANDING).first()
        existing = set(Reception.objects.filter(rule=None).values_list("date", "place"))
        created = 0
        for event in calendar.term_calendar(seed):
            if event.kind != Kind.RECEPTION or (event.start, PLACE) in existing:
                continue
            presider = term_cast.holders(event.participants[0], event.start)
            chief = term_cast.holder("chanh-van-phong", event.start)
            entry = Reception(
                date=event.start,
                start_time=datetime.time(7, 30),
                end_time=datetime.time(11, 30),
                place=PLACE,
                host_body=standing,
                office_leader=chief.name if chief else "",
            )
            if presider and event.start >= CONCLUSIONS_FROM:
                raised = [subjects[key].phrase for key in event.subjects if key in subjects]
                entry.conclusion = _conclusion(event, presider[0].name, raised)
            entry.save()
            if presider and presider[0].name in delegates:
                entry.hosts = [delegates[presider[0].name]]
                entry.save()
            created += 1
        groups = list(BodyPage.objects.filter(kind=BodyKind.DELEGATE_GROUP))
        rule = ReceptionRule.objects.filter(title=ROTA_TITLE).first()
        if rule is None and groups:
            rule = ReceptionRule(
                title=ROTA_TITLE,
                frequency=Frequency.QUARTERLY,
                day_of_month=20,
                month_of_quarter=1,
                valid_from=datetime.date(2020, 1, 1),
                valid_until=datetime.date(2020, 12, 31),
                place="Trụ sở tiếp công dân của huyện, thành phố nơi Tổ đại biểu ứng cử",
            )
            rule.full_clean()
            rule.rota = groups
            rule.save()
            created += expand_rule(rule).created
    return created
