"""A marked file is refused on every admin route that uploads one, and nothing of
it reaches storage or the database; clean files go through."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from . import corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("thuky", "tk@example.vn", "x")
    client.force_login(user)
    return client


def stored(name_part):
    folder = settings.MEDIA_ROOT
    return [p for p in folder.rglob(f"*{name_part}*") if p.is_file()] if folder.exists() else []


def marked_scan():
    return corpus.image_bytes(corpus.scan(corpus.LETTER, stamp="TUYỆT MẬT", angle=5))


def clean_scan():
    return corpus.image_bytes(corpus.scan(corpus.LETTER))


def test_image_add_refuses_a_stamped_scan(admin_client, caplog):
    caplog.set_level("WARNING", logger="portal.editorial.gate")
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh tờ trình",
            "collection": 1,
            "file": SimpleUploadedFile("qx7-anh.png", marked_scan(), "image/png"),
        },
    )
    assert response.status_code == 200
    assert "Tệp mang dấu độ mật “Tuyệt mật”" in response.content.decode()
    assert not get_image_model().objects.exists()
    assert stored("qx7-anh") == []
    [record] = [r for r in caplog.records if r.name == "portal.editorial.gate"]
    assert (record.user, record.file_name, record.level) == ("thuky", "qx7-anh.png", "Tuyệt mật")
    assert "TỜ TRÌNH" not in record.getMessage()  # never the content


def test_image_multiple_upload_refuses_a_stamped_scan(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("qx8-anh.png", marked_scan(), "image/png")},
    )
    data = response.json()
    assert data["success"] is False and "Tuyệt mật" in data["error_message"]
    assert not get_image_model().objects.exists()
    assert stored("qx8-anh") == []


def test_image_chooser_upload_refuses_a_stamped_scan(admin_client):
    response = admin_client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Ảnh",
            "image-chooser-upload-collection": 1,
            "image-chooser-upload-file": SimpleUploadedFile(
                "qx9-anh.png", marked_scan(), "image/png"
            ),
        },
    )
    assert "Tuyệt mật" in response.json()["htmlFragment"]
    assert not get_image_model().objects.exists()
    assert stored("qx9-anh") == []


@pytest.mark.parametrize(
    "name,build",
    [
        ("qd1-to-trinh.pdf", lambda: corpus.pdf(["TỐI MẬT", *corpus.LETTER])),
        ("qd2-bao-cao.docx", lambda: corpus.docx(corpus.LETTER, header="MẬT")),
        ("qd3-so-lieu.xlsx", lambda: corpus.xlsx([["Quân số", "TUYỆT MẬT"]])),
        (
            "qd4-ban-quet.pdf",
            lambda: corpus.scanned_pdf([corpus.scan(corpus.LETTER, stamp="TỐI MẬT", angle=3)]),
        ),
    ],
)
def test_document_add_refuses_a_marked_file(admin_client, name, build):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Tài liệu kỳ họp", "collection": 1, "file": SimpleUploadedFile(name, build())},
    )
    assert response.status_code == 200
    assert "Tệp mang dấu độ mật" in response.content.decode()
    assert not get_document_model().objects.exists()
    assert stored(name.split(".")[0]) == []


def test_document_multiple_upload_refuses_a_marked_file(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("qd5-mat.docx", corpus.docx(["MẬT", *corpus.LETTER]))},
    )
    data = response.json()
    assert data["success"] is False and "“Mật”" in data["error_message"]
    assert not get_document_model().objects.exists()
    assert stored("qd5-mat") == []


def test_a_marked_title_is_refused_too(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "[TỐI MẬT] Phương án",
            "collection": 1,
            "file": SimpleUploadedFile("qd6.pdf", corpus.pdf(corpus.LETTER)),
        },
    )
    assert "tiêu đề" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_clean_files_go_through(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Tờ trình dự toán",
            "collection": 1,
            "file": SimpleUploadedFile("qd7-to-trinh.pdf", corpus.pdf(corpus.LETTER)),
        },
    )
    assert response.status_code == 302
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh tờ trình",
            "collection": 1,
            "file": SimpleUploadedFile("qx10.png", clean_scan(), "image/png"),
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.count() == 1 and get_image_model().objects.count() == 1


def test_an_unreadable_document_is_refused_with_a_reason(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Tệp hỏng",
            "collection": 1,
            "file": SimpleUploadedFile("qd8.pdf", b"%PDF-1.4 hong"),
        },
    )
    assert "không đọc được nội dung" in response.content.decode()
    assert not get_document_model().objects.exists()
