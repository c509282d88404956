"""The admin: the form with Vietnamese messages, the Excel import and template."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from portal.oversight.factories import letter_figures
from portal.oversight.models import LetterMonth

from .conftest import STANDING
from .helpers import filled_workbook

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "x")
    client.force_login(user)
    return client


def upload(client, data, name="thang-3.xlsx"):
    return client.post(
        reverse("oversight_letter_months:import"),
        {"file": SimpleUploadedFile(name, data, content_type=XLSX)},
    )


def form_data(body, **figures):
    data = {"body": body.pk, "year": 2019, "month": 3, "outcome": ""}
    data.update(letter_figures(14))
    data.update(figures)
    data.update(
        {
            "reports-TOTAL_FORMS": 0,
            "reports-INITIAL_FORMS": 0,
            "reports-MIN_NUM_FORMS": 0,
            "reports-MAX_NUM_FORMS": 1000,
        }
    )
    return data


def test_the_form_refuses_parts_that_do_not_add_up(admin_client, bodies):
    data = form_data(bodies["standing"])
    data["complaints"] -= 2
    response = admin_client.post(reverse("oversight_letter_months:add"), data)
    assert response.status_code == 200
    assert "Tổng theo nội dung (12) khác số đơn nhận (14)." in response.content.decode()
    assert not LetterMonth.objects.exists()


def test_the_form_saves_figures_that_add_up_and_logs_it(admin_client, bodies):
    response = admin_client.post(
        reverse("oversight_letter_months:add"), form_data(bodies["standing"])
    )
    assert response.status_code == 302
    row = LetterMonth.objects.get()
    assert row.figures() == letter_figures(14)
    assert ModelLogEntry.objects.for_instance(row).get().action == "wagtail.create"


def test_the_listing_offers_import_and_template(admin_client, bodies):
    html = admin_client.get(reverse("oversight_letter_months:index")).content.decode()
    assert "Nhập từ Excel" in html and "Tải mẫu Excel" in html
    assert reverse("oversight_letter_months:import") in html


def test_the_template_download(admin_client, bodies):
    response = admin_client.get(reverse("oversight_letter_months:template"), {"nam": 2020})
    assert response["Content-Type"] == XLSX
    assert 'filename="mau-thong-ke-don-thu-2020.xlsx"' in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook["Tháng 1"]["B2"].value == 2020
    # a year that is not offered falls back to this year, never a 500
    assert (
        admin_client.get(reverse("oversight_letter_months:template"), {"nam": "abc"}).status_code
        == 200
    )


def test_importing_a_valid_file(admin_client, bodies):
    response = upload(admin_client, filled_workbook(2019, {3: {STANDING: 14}}))
    assert response.status_code == 302
    assert LetterMonth.objects.get().received == 14
    follow = admin_client.get(response["Location"]).content.decode()
    assert "Đã nhập số liệu đơn thư tháng 3/2019: 1 dòng mới" in follow


def test_a_wrong_cell_is_reported_and_nothing_saved(admin_client, bodies):
    def edit(workbook):
        workbook["Tháng 3"]["D5"] = "mười"

    response = upload(admin_client, filled_workbook(2019, {3: {STANDING: 14}}, edit=edit))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trang tính &#x27;Tháng 3&#x27;, dòng 5, cột D: không phải số nguyên không âm" in html
    assert "không có số liệu nào được lưu" in html
    assert LetterMonth.objects.count() == 0


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "Tệp rỗng: không có nội dung nào."),
        (b"a,b\n1,2\n", "Tệp không phải bảng tính Excel .xlsx"),
    ],
)
def test_bad_files_get_a_vietnamese_message(admin_client, bodies, data, message):
    response = upload(admin_client, data, name="thong-ke.csv")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert LetterMonth.objects.count() == 0


def test_the_history_shows_what_an_import_changed(admin_client, bodies):
    upload(admin_client, filled_workbook(2019, {3: {STANDING: 14}}))
    upload(admin_client, filled_workbook(2019, {3: {STANDING: 16}}), name="lan-2.xlsx")
    row = LetterMonth.objects.get()
    html = admin_client.get(
        reverse("oversight_letter_months:history", args=[row.pk])
    ).content.decode()
    assert "Số đơn nhận: 14 → 16" in html
    assert "lan-2.xlsx" in html


def test_import_needs_the_permission_to_add_and_change(client, bodies):
    user = get_user_model().objects.create_user("ctv", password="x")
    group = Group.objects.create(name="Chỉ xem")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    response = client.get(reverse("oversight_letter_months:import"))
    assert response.status_code in (302, 403)
    assert upload(client, filled_workbook(2019, {3: {STANDING: 14}})).status_code in (302, 403)
    assert LetterMonth.objects.count() == 0


def test_the_admin_screens_answer_in_vietnamese(admin_client, bodies):
    from portal.oversight.factories import LetterMonthFactory

    row = LetterMonthFactory(body=bodies["standing"], year=2019, month=3)
    for name, args in (
        ("oversight_letter_months:index", ()),
        ("oversight_letter_months:add", ()),
        ("oversight_letter_months:edit", (row.pk,)),
        ("oversight_letter_months:history", (row.pk,)),
        ("oversight_letter_months:import", ()),
        ("oversight_receiving_bodies:index", ()),
        ("oversight_receiving_bodies:add", ()),
    ):
        response = admin_client.get(reverse(name, args=args))
        assert response.status_code == 200, name
    html = admin_client.get(reverse("oversight_letter_months:add")).content.decode()
    for label in (
        "Cơ quan tiếp nhận",
        "Số đơn nhận",
        "Phân loại theo nội dung",
        "Khiếu nại",
        "Kết quả xử lý đơn đủ điều kiện",
        "Kết quả cơ quan có thẩm quyền báo cáo lại",
    ):
        assert label in html
    menu = admin_client.get("/admin/").content.decode()  # the sidebar's props are JSON
    for label in ("Đơn thư", "Số liệu theo tháng", "Cơ quan tiếp nhận"):
        assert label in menu or json.dumps(label)[1:-1] in menu, label


def test_a_body_with_figures_is_not_deleted(admin_client, bodies):
    from portal.oversight.models import ReceivingBody

    LetterMonth.objects.bulk_create(  # as the demo writes them: no reference index
        [LetterMonth(body=bodies["legal"], year=2019, month=1, **letter_figures(3))]
    )
    url = reverse("oversight_receiving_bodies:delete", args=[bodies["legal"].pk])
    response = admin_client.post(url, follow=True)
    assert response.status_code == 200
    assert "Không thể xóa “Ban Pháp chế HĐND tỉnh”: cơ quan này đã có 1 tháng số liệu" in (
        response.content.decode()
    )
    assert ReceivingBody.objects.filter(pk=bodies["legal"].pk).exists()
    # a body without figures goes
    admin_client.post(reverse("oversight_receiving_bodies:delete", args=[bodies["office"].pk]))
    assert not ReceivingBody.objects.filter(pk=bodies["office"].pk).exists()


def test_sending_no_file_asks_for_one(admin_client, bodies):
    response = admin_client.post(reverse("oversight_letter_months:import"), {})
    assert response.status_code == 200
    assert "Hãy chọn tệp Excel cần nhập." in response.content.decode()
