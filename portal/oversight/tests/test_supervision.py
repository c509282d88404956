"""Supervision and surveys: statuses computed from dates, the report and the assessments;
the list's filters, the year's programme, the activity page's follow-up table with the
overdue recommendation marked; hidden activities nowhere; bad input in Vietnamese."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.oversight.factories import RecommendationFactory, SupervisionPageFactory
from portal.oversight.models import (
    Assessment,
    FollowUp,
    Recommendation,
    RecommendationStatus,
    SupervisionKind,
    SupervisionStatus,
)

from .conftest import HOST

pytestmark = pytest.mark.django_db
D = datetime.date


def _report(title="Báo cáo kết quả giám sát"):
    from portal.council import files, services

    return services.store_document(files.pdf_bytes("BÁO CÁO", [title]), "bao-cao.pdf", title)


@pytest.fixture
def activity(supervision_index, committee):
    return SupervisionPageFactory(
        parent=supervision_index,
        title="Giám sát việc thực hiện chính sách hỗ trợ phát triển sản xuất nông nghiệp",
        body=committee,
        start_date=D(2020, 3, 2),
        end_date=D(2020, 4, 30),
    )


def test_status_follows_dates_report_and_assessments(activity):
    assert activity.status(D(2020, 2, 1)) == SupervisionStatus.PLANNED
    assert activity.status(D(2020, 3, 10)) == SupervisionStatus.UNDER_WAY
    activity.report = _report()
    activity.report_date = D(2020, 5, 15)
    activity.save()
    assert activity.status(D(2020, 5, 20)) == SupervisionStatus.REPORTED
    item = RecommendationFactory(activity=activity, due_date=D(2020, 9, 30))
    assert item.status(D(2020, 6, 1)) == RecommendationStatus.AWAITING
    assert activity.status(D(2020, 6, 1)) == SupervisionStatus.FOLLOW_UP
    # Past its due date and not assessed done: overdue, without anyone touching it.
    assert item.status(D(2020, 10, 1)) == RecommendationStatus.OVERDUE
    FollowUp.objects.create(
        recommendation=item,
        date=D(2020, 8, 1),
        action="Đã ban hành kế hoạch",
        assessment=Assessment.IN_PROGRESS,
    )
    assert item.status(D(2020, 8, 2)) == RecommendationStatus.IN_PROGRESS
    FollowUp.objects.create(
        recommendation=item, date=D(2020, 11, 5), action="Đã hoàn thành", assessment=Assessment.DONE
    )
    item = Recommendation.objects.get(pk=item.pk)
    assert item.status(D(2020, 12, 1)) == RecommendationStatus.DONE
    assert activity.status(D(2020, 12, 1)) == SupervisionStatus.REPORTED
    activity.closed_on = D(2020, 12, 20)
    assert activity.status(D(2020, 12, 21)) == SupervisionStatus.CLOSED


@pytest.mark.parametrize(
    "values, field, message",
    [
        ({"end_date": D(2020, 2, 1)}, "end_date", "Ngày kết thúc không được trước ngày bắt đầu."),
        (
            {"decision_date": D(2020, 3, 5)},
            "decision_date",
            "Quyết định phải có trước ngày bắt đầu giám sát.",
        ),
        (
            {"report_date": D(2020, 5, 1)},
            "report",
            "Chọn tệp báo cáo kết quả cho ngày báo cáo đã nhập.",
        ),
        (
            {"closed_on": D(2020, 12, 1)},
            "closed_on",
            "Chỉ kết thúc theo dõi khi đã có báo cáo kết quả.",
        ),
        ({"agencies": "  \n "}, "agencies", "Nhập ít nhất một cơ quan, đơn vị chịu sự giám sát."),
    ],
)
def test_bad_activities_are_refused_in_vietnamese(activity, values, field, message):
    for key, value in values.items():
        setattr(activity, key, value)
    with pytest.raises(ValidationError) as error:
        activity.clean()
    assert message in error.value.message_dict[field]


def test_recommendation_numbers_and_due_dates_are_checked(activity):
    activity.report = _report()
    activity.report_date = D(2020, 5, 15)
    activity.save()
    RecommendationFactory(activity=activity, number=1)
    twin = Recommendation(
        activity=activity, number=1, text="Trùng", agency="Sở Tài chính", due_date=D(2020, 12, 1)
    )
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert error.value.message_dict["number"] == ["Hoạt động này đã có kiến nghị mang số này."]
    early = Recommendation(
        activity=activity, number=2, text="Sớm", agency="Sở Tài chính", due_date=D(2020, 5, 1)
    )
    with pytest.raises(ValidationError) as error:
        early.full_clean()
    assert "không được trước ngày báo cáo" in error.value.message_dict["due_date"][0]


def _html(client, url, **params):
    response = client.get(url, params, **HOST)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_activity_page_shows_plan_report_and_follow_up(client, activity):
    activity.report = _report("Báo cáo kết quả giám sát chính sách nông nghiệp")
    activity.report_date = D(2020, 5, 15)
    activity.save_revision().publish()
    RecommendationFactory(
        activity=activity,
        number=1,
        text="Bổ sung nguồn vốn hỗ trợ",
        due_date=D(2020, 9, 30),
        follow_ups=[(D(2020, 9, 1), "Đã trình UBND tỉnh bổ sung 5 tỷ đồng", Assessment.DONE)],
    )
    RecommendationFactory(
        activity=activity, number=2, text="Rà soát danh mục cây trồng", due_date=D(2020, 10, 31)
    )
    html = _html(client, activity.url)
    assert "Báo cáo kết quả giám sát chính sách nông nghiệp" in html
    assert "Đã trình UBND tỉnh bổ sung 5 tỷ đồng" in html and "(đã thực hiện)" in html
    assert "supervision-row--qua-han" in html  # the second one is past its due date
    assert "1 kiến nghị quá hạn" in html
    assert "Sở Nông nghiệp và Phát triển nông thôn" in html


def test_the_list_filters_and_says_what_it_ignores(client, supervision_index, committee, activity):
    SupervisionPageFactory(
        parent=supervision_index,
        title="Khảo sát tình hình thu ngân sách",
        body=committee,
        kind=SupervisionKind.SURVEY,
        start_date=D(2019, 6, 3),
        end_date=D(2019, 6, 28),
    )
    html = _html(client, supervision_index.url, nam="2019")
    assert "Khảo sát tình hình thu ngân sách" in html and activity.title not in html
    html = _html(client, supervision_index.url, **{"hinh-thuc": "giam-sat-chuyen-de"})
    assert activity.title in html and "Khảo sát tình hình thu ngân sách" not in html
    for params in (
        {"nam": "abc"},
        {"co-quan": "999999"},
        {"tinh-trang": "<script>"},
        {"hinh-thuc": "x"},
    ):
        html = _html(client, supervision_index.url, **params)
        assert activity.title in html and "Khảo sát tình hình thu ngân sách" in html
        assert 'class="notice"' in html
        assert "<script>" not in html.split('role="status"')[1][:200]


def test_the_years_programme(client, supervision_index, activity, committee):
    html = _html(client, f"{supervision_index.url}chuong-trinh/2020/")
    assert "Chương trình giám sát, khảo sát năm 2020" in html
    assert activity.title in html and committee.title in html
    assert activity.title not in _html(client, f"{supervision_index.url}chuong-trinh/2019/")
    assert client.get(f"{supervision_index.url}chuong-trinh/1500/", **HOST).status_code == 404


def test_hidden_activities_are_nowhere(client, supervision_index, committee, activity):
    draft = SupervisionPageFactory(
        parent=supervision_index, title="Giám sát chưa công bố", body=committee, live=False
    )
    for url in (supervision_index.url, f"{supervision_index.url}chuong-trinh/2020/"):
        assert "Giám sát chưa công bố" not in _html(client, url)
    assert client.get(f"{supervision_index.url}{draft.slug}/", **HOST).status_code == 404
    assert "Giám sát chưa công bố" not in _html(client, "/search/", q="giam sat chua cong bo")


def test_listing_queries_do_not_grow_with_activities(
    client, settings, supervision_index, committee
):
    settings.PAGE_CACHE_SECONDS = 0

    def queries():
        client.get(supervision_index.url, **HOST)
        with CaptureQueriesContext(connection) as captured:
            client.get(supervision_index.url, **HOST)
        return len(captured)

    def add(count):
        for _ in range(count):
            page = SupervisionPageFactory(parent=supervision_index, body=committee)
            RecommendationFactory(
                activity=page,
                follow_ups=[(D(2020, 8, 1), "Đang thực hiện", Assessment.IN_PROGRESS)],
            )

    add(2)
    few = queries()
    add(8)
    assert queries() == few


def test_a_body_and_a_member_list_their_activities_and_receptions(
    client, supervision_index, committee, delegate
):
    from portal.oversight.models import Reception, SupervisionMember

    shown = SupervisionPageFactory(
        parent=supervision_index,
        title="Giám sát công tác quản lý đất đai",
        body=committee,
        members=[SupervisionMember(delegate=delegate, role="Thành viên")],
    )
    SupervisionPageFactory(
        parent=supervision_index, title="Giám sát còn là bản nháp", body=committee, live=False
    )
    coming = Reception.objects.create(
        date=datetime.date.today() + datetime.timedelta(days=5),
        place="Trụ sở tiếp công dân huyện Ba Bể",
        host_body=committee,
    )
    coming.hosts = [delegate]
    coming.save()
    for page in (committee, delegate):
        html = _html(client, page.url)
        assert shown.title in html and "Giám sát còn là bản nháp" not in html
        assert "Lịch tiếp công dân sắp tới" in html
        assert "Trụ sở tiếp công dân huyện Ba Bể" in html
