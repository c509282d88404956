"""The public reception schedule: coming receptions, a month as a calendar and a list, the
iCal feed holding the same entries as the page, this week on the home page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from portal.oversight.factories import ReceptionRuleFactory
from portal.oversight.models import Frequency, Reception, ReceptionStatus
from portal.oversight.receptions import expand_rule

from .conftest import HOST

pytestmark = pytest.mark.django_db
D = datetime.date


def _html(client, url):
    response = client.get(url, **HOST)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def monthly(delegate, schedule):
    rule = ReceptionRuleFactory(
        valid_from=D(2020, 1, 1), valid_until=D(2020, 12, 31), hosts=[delegate]
    )
    expand_rule(rule)
    return rule


def test_a_month_shows_its_calendar_holidays_and_list(client, schedule, monthly):
    html = _html(client, f"{schedule.url}2020/2/")
    assert "Lịch tiếp công dân: tháng 02/2020" in html
    # 15/02/2020 is a Saturday: the reception is on Monday 17th, and says so.
    assert "Thứ Hai, 17/02/2020" in html
    assert "theo lịch: 15/02/2020, trùng Thứ Bảy" in html
    assert "Hoàng Thị Thu" in html
    html = _html(client, f"{schedule.url}2020/1/")
    assert "Tết Nguyên Đán" in html  # the calendar marks the holidays
    assert 'rel="prev"' in html and "Tháng 12/2019" in html


def test_a_cancelled_reception_shows_as_cancelled_with_its_notice(client, schedule, monthly):
    entry = Reception.objects.get(rule=monthly, planned_date=D(2020, 3, 15))
    entry.status = ReceptionStatus.CANCELLED
    entry.notice = "Tạm hoãn để phòng, chống dịch Covid-19."
    entry.edited = True
    entry.save()
    html = _html(client, f"{schedule.url}2020/3/")
    assert "Tạm hoãn" in html and "phòng, chống dịch Covid-19" in html
    assert "reception--cancelled" in html


@pytest.mark.parametrize("url", ["2020/13/", "1800/1/", "2020/0/", "abc/1/"])
def test_bad_months_are_not_found(client, schedule, url):
    assert client.get(f"{schedule.url}{url}", **HOST).status_code == 404


def test_the_ical_feed_holds_the_pages_entries(client, schedule, delegate):
    today = timezone.localdate()
    rule = ReceptionRuleFactory(
        frequency=Frequency.WEEKLY,
        weekday=3,
        valid_from=today,
        valid_until=today + datetime.timedelta(days=40),
        hosts=[delegate],
    )
    expand_rule(rule)
    cancelled = Reception.objects.filter(rule=rule).order_by("date").first()
    cancelled.status = ReceptionStatus.CANCELLED
    cancelled.notice = "Tạm hoãn do trùng hội nghị."
    cancelled.edited = True
    cancelled.save()
    response = client.get(f"{schedule.url}ical/", **HOST)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    feed = Calendar.from_ical(response.content)
    events = feed.walk("VEVENT")
    entries = list(Reception.objects.filter(rule=rule).order_by("date"))
    assert sorted(e.decoded("dtstart").date() for e in events) == [e.date for e in entries]
    statuses = {e.decoded("dtstart").date(): str(e["status"]) for e in events}
    assert statuses[cancelled.date] == "CANCELLED"
    assert list(statuses.values()).count("CONFIRMED") == len(entries) - 1
    first = next(e for e in events if e.decoded("dtstart").date() == cancelled.date)
    assert "Hoàng Thị Thu" in str(first["description"])
    assert str(first["url"]).startswith("http")
    html = _html(client, schedule.url)
    for entry in entries:
        assert entry.date.strftime("%d/%m/%Y") in html


def test_this_week_is_on_the_home_page(client, schedule, delegate):
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    Reception.objects.create(
        date=monday + datetime.timedelta(days=2), place="Trụ sở tiếp công dân tỉnh"
    )
    Reception.objects.create(date=monday + datetime.timedelta(days=9), place="Nơi tuần sau")
    html = _html(client, "/")
    assert "Lịch tiếp công dân tuần này" in html
    assert "Trụ sở tiếp công dân tỉnh" in html
    assert "Nơi tuần sau" not in html


def test_hidden_delegates_are_not_named(client, schedule, monthly, delegate):
    delegate.unpublish()
    html = _html(client, f"{schedule.url}2020/4/")
    assert "Hoàng Thị Thu" not in html
    assert "Trụ sở tiếp công dân" in html


def test_month_queries_do_not_grow_with_receptions(client, settings, schedule, delegate):
    settings.PAGE_CACHE_SECONDS = 0
    url = f"{schedule.url}2020/5/"

    def queries():
        client.get(url, **HOST)
        with CaptureQueriesContext(connection) as captured:
            client.get(url, **HOST)
        return len(captured)

    def add(count):
        for _ in range(count):
            entry = Reception.objects.create(date=D(2020, 5, 12), place="Trụ sở tiếp công dân tỉnh")
            entry.hosts = [delegate]
            entry.save()

    add(2)
    few = queries()
    add(8)
    assert queries() == few
