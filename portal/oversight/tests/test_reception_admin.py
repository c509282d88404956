"""The reception schedule in the admin: saving a rule writes its receptions and says how
many; editing one reception keeps it out of the rule's reach; a day off added moves
the receptions of the rules it touches; bad input is a form with messages, not a 500."""

import datetime

import pytest
from django.urls import reverse

from portal.oversight.factories import ReceptionRuleFactory
from portal.oversight.models import NonWorkingDay, Reception, ReceptionRule
from portal.oversight.receptions import expand_rule

pytestmark = pytest.mark.django_db
D = datetime.date


def _rule_form(**values):
    data = {
        "title": "Thường trực HĐND tỉnh tiếp công dân năm 2020",
        "frequency": "hang-thang",
        "weekday": "",
        "day_of_month": "15",
        "month_of_quarter": "1",
        "valid_from": "2020-01-01",
        "valid_until": "2020-06-30",
        "start_time": "07:30",
        "end_time": "11:30",
        "place": "Trụ sở Tiếp công dân tỉnh",
        "on_holiday": "ngay-ke-tiep",
        "office_leader": "",
    }
    data.update(values)
    return data


def test_saving_a_rule_writes_its_receptions(admin_client):
    response = admin_client.post(
        reverse("oversight_reception_rules:add"), _rule_form(), follow=True
    )
    assert response.status_code == 200
    rule = ReceptionRule.objects.get()
    assert Reception.objects.filter(rule=rule).count() == 6
    assert "tạo 6 buổi tiếp" in response.content.decode()


def test_a_rule_without_dates_is_refused_in_vietnamese(admin_client):
    response = admin_client.post(
        reverse("oversight_reception_rules:add"), _rule_form(valid_from="", valid_until="")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nhập ngày bắt đầu áp dụng lịch." in html
    assert "lịch định kỳ phải có thời hạn" in html
    assert not ReceptionRule.objects.exists()


def test_an_edited_reception_is_kept_when_the_rule_changes(admin_client):
    rule = ReceptionRuleFactory(valid_until=D(2020, 6, 30))
    expand_rule(rule)
    entry = Reception.objects.get(rule=rule, planned_date=D(2020, 4, 15))
    response = admin_client.post(
        reverse("oversight_receptions:edit", args=[entry.pk]),
        {
            "date": "2020-04-15",
            "status": "tam-hoan",
            "start_time": "07:30",
            "end_time": "11:30",
            "place": entry.place,
            "notice": "Tạm hoãn theo Chỉ thị 16/CT-TTg về giãn cách xã hội.",
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.edited and entry.status == "tam-hoan"
    rule.place = "Nơi mới"
    rule.save()
    expand_rule(rule)
    entry.refresh_from_db()
    assert entry.place != "Nơi mới" and entry.status == "tam-hoan"
    assert Reception.objects.filter(rule=rule, place="Nơi mới").count() == 5


def test_a_day_off_moves_the_receptions_it_touches(admin_client):
    rule = ReceptionRuleFactory(valid_until=D(2020, 6, 30))
    expand_rule(rule)
    response = admin_client.post(
        reverse("oversight_days_off:add"),
        {"date": "2020-04-15", "name": "Nghỉ theo quyết định của UBND tỉnh"},
    )
    assert response.status_code == 302
    assert NonWorkingDay.objects.count() == 1
    entry = Reception.objects.get(rule=rule, planned_date=D(2020, 4, 15))
    assert entry.date == D(2020, 4, 16)
