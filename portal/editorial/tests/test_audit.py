"""Sign-ins, failed sign-ins, lockouts and refused uploads are on Wagtail's audit log,
and the site-history report exports them to Excel with Vietnamese headings."""

import io

import openpyxl
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.editorial.audit import (
    ACTION_LOCKOUT,
    ACTION_LOGIN,
    ACTION_LOGIN_FAILED,
    ACTION_UPLOAD_REFUSED,
)

from . import corpus
from .conftest import member

pytestmark = pytest.mark.django_db
PASSWORD = "Mat-khau-dai-2026!"


def entries(action):
    return list(ModelLogEntry.objects.filter(action=action).order_by("timestamp"))


def sign_in(client, username, password=PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def test_a_sign_in_and_a_failed_one_are_logged_with_the_address(client):
    writer = member("Cộng tác viên", "ctv.babe")
    sign_in(client, "ctv.babe", "sai-mat-khau")
    sign_in(client, "khong-co-ai", "sai")  # no account: axes keeps it, the log cannot
    sign_in(client, "ctv.babe")
    [failed] = entries(ACTION_LOGIN_FAILED)
    [login] = entries(ACTION_LOGIN)
    assert failed.object_id == str(writer.pk) and failed.user_id is None
    assert login.user_id == writer.pk and login.data["ip"] == "127.0.0.1"
    assert "sai-mat-khau" not in str(failed.data)


def test_a_lockout_is_logged(client, settings):
    writer = member("Cộng tác viên", "ctv.chomoi")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "ctv.chomoi", "sai")
    assert sign_in(client, "ctv.chomoi").status_code == 429
    lockouts = entries(ACTION_LOCKOUT)  # the lockout and each attempt refused during it
    assert lockouts and {entry.object_id for entry in lockouts} == {str(writer.pk)}


def test_a_refused_upload_is_logged_and_the_secretariat_alerted(client):
    secretary = member("Thư ký", "thuky")
    secretary.email = "thuky@hdnd.example.vn"
    secretary.save()
    writer = member("Cộng tác viên", "ctv.nari")
    client.force_login(writer)
    scan = corpus.image_bytes(corpus.scan(corpus.LETTER, stamp="TỐI MẬT", angle=4))
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh công văn", "collection": 1, "file": SimpleUploadedFile("cv.png", scan)},
    )
    assert response.status_code == 200
    [refused] = entries(ACTION_UPLOAD_REFUSED)
    assert refused.user_id == writer.pk
    assert refused.data["file_name"] == "cv.png" and refused.data["level"] == "Tối mật"
    [alert] = mail.outbox
    assert alert.to == ["thuky@hdnd.example.vn"]
    assert "cv.png" in alert.body and "Tối mật" in alert.body
    assert "TỜ TRÌNH" not in alert.body and "TỜ TRÌNH" not in str(refused.data)


def test_the_site_history_exports_to_excel_in_vietnamese(client):
    administrator = member("Quản trị", "quantri")
    member("Cộng tác viên", "ctv.pacnam")
    sign_in(client, "ctv.pacnam", "sai")
    client.force_login(administrator)
    report = client.get(reverse("wagtailadmin_reports:site_history"))
    assert "Đăng nhập không thành công" in report.content.decode()
    filtered = client.get(
        reverse("wagtailadmin_reports:site_history"), {"action": ACTION_LOGIN_FAILED}
    )
    assert "Đăng nhập không thành công" in filtered.content.decode()
    export = client.get(reverse("wagtailadmin_reports:site_history"), {"export": "xlsx"})
    assert export.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    headings = rows[0]
    assert not {"Name", "Type", "Action type", "User", "Date/Time"} & set(headings), headings
    assert any("Đăng nhập không thành công" in str(cell) for row in rows[1:] for cell in row)
