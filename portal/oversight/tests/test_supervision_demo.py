"""The demo's supervision programmes are the calendar's, each with its timetable, a
result report and three recommendations, some overdue; written once."""

import time

import pytest

from portal.core.admin_units_loader import load_administrative_units
from portal.council.demo import load_council
from portal.demo import calendar
from portal.oversight.models import Recommendation, RecommendationStatus, SupervisionPage
from portal.oversight.supervision_demo import load_supervision_demo
from portal.people.demo import load_people

pytestmark = pytest.mark.django_db
SEED = 2019


def test_the_terms_supervision_programmes(home, client):
    load_administrative_units()
    load_council(SEED, home)
    load_people(SEED, home)
    started = time.monotonic()
    created = load_supervision_demo(home, SEED)
    print(f"load_supervision_demo: {created} activities in {time.monotonic() - started:.1f}s")
    programmes = {e.programme for e in calendar.term_calendar(SEED) if e.programme}
    assert created == len(programmes) == SupervisionPage.objects.count()
    titles = list(SupervisionPage.objects.values_list("title", flat=True))
    assert len(set(titles)) == len(titles)
    for page in SupervisionPage.objects.all():
        page.full_clean()
        assert page.report_id and page.steps.count() >= 3 and page.members.count() == 3
        assert page.recommendations.count() == 3
        for item in page.recommendations.all():
            item.full_clean()
    statuses = [r.status() for r in Recommendation.objects.prefetch_related("follow_ups")]
    assert RecommendationStatus.DONE in statuses and RecommendationStatus.OVERDUE in statuses
    page = SupervisionPage.objects.order_by("start_date").first()
    html = client.get(page.url, HTTP_HOST="localhost").content.decode()
    assert page.title in html and "Kiến nghị và kết quả thực hiện" in html
    assert load_supervision_demo(home, SEED) == 0
