"""The reception schedule's rules: working days from the holidays package and the
secretariat's days off, a rule's dates across month boundaries and Tết, edited entries
left alone, bad rules refused in Vietnamese."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from portal.oversight.factories import ReceptionRuleFactory
from portal.oversight.models import (
    Frequency,
    NonWorkingDay,
    OnHoliday,
    Reception,
    ReceptionRule,
    ReceptionStatus,
    Weekday,
)
from portal.oversight.receptions import DaysOff, expand_rule, planned_dates, rule_dates

pytestmark = pytest.mark.django_db
D = datetime.date


def test_tet_weekends_and_the_secretariats_days_are_days_off():
    days = DaysOff.between(D(2020, 1, 1), D(2020, 12, 31))
    assert days.reason(D(2020, 1, 25)) == "Tết Nguyên Đán"  # Tết Canh Tý
    assert days.reason(D(2020, 9, 2)) == "Quốc khánh"
    assert days.reason(D(2020, 1, 18)) == "Thứ Bảy"
    assert days.is_working_day(D(2020, 1, 22))
    NonWorkingDay.objects.create(date=D(2020, 1, 22), name="Nghỉ theo quyết định của UBND tỉnh")
    days = DaysOff.between(D(2020, 1, 1), D(2020, 12, 31))
    assert days.reason(D(2020, 1, 22)) == "Nghỉ theo quyết định của UBND tỉnh"


def test_every_thursday_across_a_month_boundary_and_over_tet():
    rule = ReceptionRule(
        frequency=Frequency.WEEKLY,
        weekday=Weekday.THURSDAY,
        valid_from=D(2020, 1, 14),
        valid_until=D(2020, 2, 13),
    )
    assert planned_dates(rule) == [
        D(2020, 1, 16), D(2020, 1, 23), D(2020, 1, 30), D(2020, 2, 6), D(2020, 2, 13)
    ]  # fmt: skip
    # 23/01/2020 is "29 Tết": the reception moves to the next working day after the
    # Tết holiday (Thursday 30/01 is a working day again).
    dates = rule_dates(rule)
    assert dates[1] == (D(2020, 1, 23), D(2020, 1, 30))
    rule.on_holiday = OnHoliday.SKIP
    assert [planned for planned, _actual in rule_dates(rule)] == [
        D(2020, 1, 16), D(2020, 1, 30), D(2020, 2, 6), D(2020, 2, 13)
    ]  # fmt: skip


def test_the_15th_of_each_month_moves_off_weekends_and_marked_days():
    rule = ReceptionRule(
        frequency=Frequency.MONTHLY,
        day_of_month=15,
        valid_from=D(2020, 1, 1),
        valid_until=D(2020, 12, 31),
    )
    actual = dict(rule_dates(rule))
    assert len(actual) == 12
    assert actual[D(2020, 2, 15)] == D(2020, 2, 17)  # a Saturday: Monday 17th
    assert actual[D(2020, 4, 15)] == D(2020, 4, 15)
    NonWorkingDay.objects.create(date=D(2020, 4, 15), name="Ngày nghỉ do tỉnh công bố")
    assert dict(rule_dates(rule))[D(2020, 4, 15)] == D(2020, 4, 16)


def test_a_quarterly_rota_gives_each_group_its_turn(people_groups):
    rule = ReceptionRuleFactory(
        frequency=Frequency.QUARTERLY,
        day_of_month=10,
        month_of_quarter=2,
        valid_from=D(2020, 1, 1),
        valid_until=D(2020, 12, 31),
        rota=people_groups,
    )
    report = expand_rule(rule)
    entries = list(Reception.objects.filter(rule=rule).order_by("date"))
    assert report.created == 4
    assert [e.planned_date for e in entries] == [
        D(2020, 2, 10),
        D(2020, 5, 10),
        D(2020, 8, 10),
        D(2020, 11, 10),
    ]
    assert entries[1].date == D(2020, 5, 11)  # Sunday 10/05 → Monday 11/05
    ordered = sorted(people_groups, key=lambda g: g.title)
    assert [e.host_body for e in entries] == [ordered[0], ordered[1], ordered[0], ordered[1]]


def test_edited_entries_survive_the_rule_and_the_rest_follow_it(delegate):
    rule = ReceptionRuleFactory(hosts=[delegate])
    assert expand_rule(rule).created == 12
    assert all(list(e.hosts.all()) == [delegate] for e in Reception.objects.filter(rule=rule))
    march = Reception.objects.get(rule=rule, planned_date=D(2020, 3, 15))
    march.status = ReceptionStatus.CANCELLED
    march.notice = "Tạm hoãn để phòng, chống dịch Covid-19."
    march.edited = True
    march.save()
    rule.place = "Hội trường Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"
    rule.valid_until = D(2020, 6, 30)
    rule.save()
    report = expand_rule(rule)
    assert (report.created, report.updated, report.removed, report.kept) == (0, 5, 6, 1)
    march.refresh_from_db()
    assert march.status == ReceptionStatus.CANCELLED
    assert march.place.startswith("Trụ sở tiếp công dân")
    assert Reception.objects.filter(rule=rule).count() == 6
    assert expand_rule(rule).updated == 0  # nothing left to change


@pytest.mark.parametrize(
    "values, field, message",
    [
        ({"valid_from": None}, "valid_from", "Nhập ngày bắt đầu áp dụng lịch."),
        (
            {"valid_until": None},
            "valid_until",
            "Nhập ngày kết thúc: lịch định kỳ phải có thời hạn.",
        ),
        (
            {"valid_until": D(2019, 12, 1)},
            "valid_until",
            "Ngày kết thúc không được trước ngày bắt đầu.",
        ),
        ({"valid_until": D(2024, 1, 1)}, "valid_until", "Một lịch định kỳ dài tối đa ba năm."),
        (
            {"frequency": Frequency.WEEKLY},
            "weekday",
            "Lịch hằng tuần cần chọn thứ trong tuần (Thứ Hai đến Thứ Sáu).",
        ),
        (
            {"day_of_month": 31},
            "day_of_month",
            "Ngày trong tháng phải từ 1 đến 28 để tháng nào cũng có ngày đó.",
        ),
        ({"end_time": datetime.time(7, 0)}, "end_time", "Giờ kết thúc phải sau giờ bắt đầu."),
    ],
)
def test_bad_rules_are_refused_in_vietnamese(values, field, message):
    rule = ReceptionRule(
        title="Lịch thử",
        frequency=Frequency.MONTHLY,
        day_of_month=15,
        valid_from=D(2020, 1, 1),
        valid_until=D(2020, 12, 31),
        place="Trụ sở tiếp công dân tỉnh",
    )
    for key, value in values.items():
        setattr(rule, key, value)
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert message in error.value.message_dict[field]


def test_a_new_reception_in_the_past_or_cancelled_without_notice_is_refused():
    past = Reception(date=D(2020, 1, 2), place="Trụ sở tiếp công dân tỉnh")
    with pytest.raises(ValidationError) as error:
        past.full_clean()
    assert "ngày đã qua" in error.value.message_dict["date"][0]
    cancelled = Reception(
        date=datetime.date.today() + datetime.timedelta(days=3),
        place="Trụ sở tiếp công dân tỉnh",
        status=ReceptionStatus.CANCELLED,
    )
    with pytest.raises(ValidationError) as error:
        cancelled.full_clean()
    assert error.value.message_dict["notice"] == [
        "Nhập thông báo cho công dân: lý do tạm hoãn hoặc đổi ngày."
    ]
