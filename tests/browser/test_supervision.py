"""End to end, in a real browser: the secretariat enters a supervision plan, later
attaches its result report, enters three recommendations and one agency's follow-up;
the public page shows the plan, the report and the follow-up table, with the overdue
recommendation marked."""

import datetime
import re

import pytest
from django.utils import timezone

from .conftest import admin_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Giám sát việc thực hiện chính sách hỗ trợ phát triển sản xuất nông nghiệp"
COMMITTEE = "Ban Kinh tế - Ngân sách HĐND tỉnh"


@pytest.fixture
def supervision_site(editor):
    from portal.home.models import HomePage
    from portal.oversight.factories import SupervisionIndexPageFactory
    from portal.people.factories import BodyPageFactory, PeopleIndexPageFactory
    from portal.people.models import BodyKind

    home = HomePage.objects.get()
    people = PeopleIndexPageFactory(parent=home, title="Đại biểu", slug="dai-bieu")
    BodyPageFactory(parent=people, title=COMMITTEE, kind=BodyKind.COMMITTEE)
    return SupervisionIndexPageFactory(parent=home, title="Giám sát, khảo sát", slug="giam-sat")


def _choose_page(page, field, text):
    page.locator(f"#id_{field}-chooser [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    modal.get_by_role("link", name=text).first.click()
    modal.wait_for(state="detached")


def _publish(page):
    page.locator("footer .w-dropdown__toggle, .footer__container .dropdown-toggle").first.click()
    page.locator("button[name=action-publish]").click()


def _ngay(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def _fill_date(page, selector, day: datetime.date):
    """Set a date as the admin shows it (dd/mm/yyyy) without focusing the field: a
    focused date field opens its picker, which can cover the buttons clicked next."""
    page.locator(selector).evaluate(
        "(field, value) => { field.value = value;"
        " field.dispatchEvent(new Event('change', {bubbles: true})); }",
        _ngay(day),
    )


def _pdf(path, text):
    from portal.council.files import pdf_bytes

    path.write_bytes(pdf_bytes("BÁO CÁO", [text]))
    return str(path)


def test_secretariat_follows_a_supervision_to_its_recommendations(
    page, live_server, supervision_site, tmp_path, browser_urls
):
    from portal.oversight.models import Recommendation, SupervisionPage

    today = timezone.localdate()
    admin_login(page)

    # The plan.
    page.goto(f"/admin/pages/add/oversight/supervisionpage/{supervision_site.pk}/")
    page.fill("#id_title", TITLE)
    _choose_page(page, "body", COMMITTEE)
    page.select_option("#id_kind", "giam-sat-chuyen-de")
    page.fill("#id_agencies", "Sở Nông nghiệp và Phát triển nông thôn\nUBND huyện Chợ Mới")
    _fill_date(page, "#id_start_date", datetime.date(2020, 3, 2))
    _fill_date(page, "#id_end_date", datetime.date(2020, 4, 30))
    page.fill("#id_decision_number", "15/QĐ-BKTNS")
    _fill_date(page, "#id_decision_date", datetime.date(2020, 2, 20))
    page.locator("#id_steps-ADD").click()
    _fill_date(page, "#id_steps-0-date", datetime.date(2020, 3, 12))
    page.fill("#id_steps-0-activity", "Làm việc với UBND huyện Chợ Mới")
    _publish(page)
    page.wait_for_url(re.compile(rf"/admin/pages/{supervision_site.pk}/"))
    activity = SupervisionPage.objects.get(title=TITLE)
    assert activity.live

    # Later: the result report, through the document chooser's upload tab.
    page.goto(f"/admin/pages/{activity.pk}/edit/")
    page.locator("#id_report-chooser [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    modal.locator("#tab-label-upload").click()
    modal.locator("#id_document-chooser-upload-file").set_input_files(
        _pdf(tmp_path / "bao-cao-ket-qua.pdf", "Báo cáo kết quả giám sát chính sách nông nghiệp")
    )
    modal.locator("#id_document-chooser-upload-title").fill(
        "Báo cáo kết quả giám sát số 20/BC-BKTNS"
    )
    modal.locator("form button[type=submit]").click()
    modal.wait_for(state="detached")
    _fill_date(page, "#id_report_date", datetime.date(2020, 5, 15))
    _publish(page)
    page.wait_for_url(re.compile(rf"/admin/pages/{supervision_site.pk}/"))

    # Three recommendations; the first with the agency's follow-up, the third overdue.
    recommendations = [
        ("Bổ sung nguồn vốn hỗ trợ sản xuất", "UBND tỉnh", datetime.date(2020, 9, 30)),
        ("Rà soát danh mục cây trồng được hỗ trợ", "Sở Nông nghiệp và Phát triển nông thôn",
         today + datetime.timedelta(days=90)),
        ("Công khai danh sách hộ được hỗ trợ", "UBND huyện Chợ Mới", datetime.date(2020, 10, 31)),
    ]  # fmt: skip
    for number, (text, agency, due) in enumerate(recommendations, 1):
        page.goto("/admin/giam-sat/kien-nghi/new/")
        _choose_page(page, "activity", TITLE)
        page.fill("#id_number", str(number))
        _fill_date(page, "#id_due_date", due)
        page.fill("#id_agency", agency)
        page.fill("#id_text", text)
        if number == 1:
            page.locator("#id_follow_ups-ADD").click()
            _fill_date(page, "#id_follow_ups-0-date", datetime.date(2020, 9, 10))
            page.select_option("#id_follow_ups-0-assessment", "da-thuc-hien")
            page.fill("#id_follow_ups-0-action", "UBND tỉnh đã bổ sung 5 tỷ đồng vốn hỗ trợ")
        page.locator("form button[type=submit]").last.click()
        page.wait_for_url(re.compile(r"/admin/giam-sat/kien-nghi/$"))
    assert Recommendation.objects.filter(activity=activity).count() == 3
    listing = page.content()
    assert "Quá hạn" in listing

    # The public page: the plan, the report and the follow-up table.
    visitor = page.context.browser.new_context(base_url=live_server.url, locale="vi-VN")
    public = visitor.new_page()
    public.goto(activity.url)
    assert public.locator("h1").inner_text() == TITLE
    body = public.locator("main").inner_text()
    assert "15/QĐ-BKTNS" in body and "20/02/2020" in body
    assert "Làm việc với UBND huyện Chợ Mới" in body
    assert "Báo cáo kết quả giám sát số 20/BC-BKTNS" in body
    rows = public.locator(".supervision-table tbody tr")
    assert rows.count() == 3
    assert "UBND tỉnh đã bổ sung 5 tỷ đồng vốn hỗ trợ" in rows.nth(0).inner_text()
    assert "Đã thực hiện" in rows.nth(0).inner_text()
    assert "Quá hạn" not in rows.nth(1).inner_text()
    assert "Quá hạn" in rows.nth(2).inner_text()
    assert "supervision-row--qua-han" in (rows.nth(2).get_attribute("class") or "")
    assert "1 kiến nghị quá hạn" in body
    link = public.get_by_role("link", name=re.compile("Báo cáo kết quả giám sát số 20"))
    served = public.request.get(link.get_attribute("href"))
    assert served.status == 200
    assert served.body().startswith(b"%PDF")
    visitor.close()
