"""Upload size limits for documents and images, with Vietnamese messages, on
every admin upload route; a refused file leaves nothing behind."""

import io
import random

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from portal.core.uploads import format_file_size

pytestmark = pytest.mark.django_db

BIG = 36_909_875  # 35,2 MB


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "x")
    client.force_login(user)
    return client


def text(response):
    return response.content.decode().replace("\xa0", " ")


def stored_files(subdir):
    folder = settings.MEDIA_ROOT / subdir
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def small_pdf() -> bytes:
    """A real one-page PDF of a few hundred bytes (uploads are read by the
    classification gate: a file that cannot be read is not stored)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def noisy_png(width=64, height=64):
    rng = random.Random(7)
    image = PILImage.new("RGB", (width, height))
    image.putdata(
        [
            (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            for _ in range(width * height)
        ]
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "size, text",
    [
        (900, "900 byte"),
        (512 * 1024, "512 KB"),
        (30 * 1024 * 1024, "30 MB"),
        (BIG, "35,2 MB"),
        (int(1.5 * 1024**3), "1,5 GB"),
    ],
)
def test_file_sizes_read_in_vietnamese(size, text):
    assert format_file_size(size) == text


def test_too_big_document_is_refused_in_vietnamese(admin_client):
    before = stored_files("documents")
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Báo cáo thẩm tra",
            "collection": 1,
            "file": SimpleUploadedFile("bao-cao.pdf", b"0" * BIG, "application/pdf"),
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Tệp quá lớn (35,2 MB). Dung lượng tối đa là 30 MB." in text(response)
    assert not get_document_model().objects.exists()
    assert stored_files("documents") == before


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_too_big_document_is_refused_by_multiple_upload(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("to-trinh.pdf", b"0" * 2048, "application/pdf")},
    )
    data = response.json()
    assert data["success"] is False
    assert data["error_message"].replace("\xa0", " ") == (
        "Tệp quá lớn (2,0 KB). Dung lượng tối đa là 1 KB."
    )
    assert not get_document_model().objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_document_within_the_limit_is_stored(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Nghị quyết",
            "collection": 1,
            "file": SimpleUploadedFile("nghi-quyet.pdf", small_pdf()),
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Nghị quyết").exists()


@pytest.mark.parametrize("name, shown", [("virus.exe", "“.exe”"), ("khong-duoi", "không có")])
def test_document_of_a_refused_type_gets_one_vietnamese_message(admin_client, name, shown):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Tệp lạ", "collection": 1, "file": SimpleUploadedFile(name, b"MZ")},
    )
    content = text(response)
    assert f"Không nhận loại tệp {shown}" in content
    assert "is not allowed" not in content
    assert not get_document_model().objects.exists()


def test_document_form_tells_the_limit(admin_client):
    content = admin_client.get(reverse("wagtaildocs:add")).content.decode()
    assert "Dung lượng tối đa: 30 MB." in content


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_too_big_image_is_refused_in_vietnamese(admin_client):
    data = noisy_png()
    assert len(data) > 1000
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh hội nghị",
            "collection": 1,
            "file": SimpleUploadedFile("hoi-nghi.png", data, "image/png"),
        },
    )
    assert response.status_code == 200
    size = filesizeformat(len(data)).replace("\xa0", " ")
    assert f"Tệp quá lớn ({size}). Dung lượng tối đa là 1000 byte." in text(response)
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_too_big_image_is_refused_by_multiple_upload(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("hoi-nghi.png", noisy_png(), "image/png")},
    )
    data = response.json()
    assert data["success"] is False
    assert "Tệp quá lớn" in data["error_message"]
    assert "Dung lượng tối đa là 1000 byte." in data["error_message"]
    assert not get_image_model().objects.exists()


def test_image_of_the_wrong_format_is_refused_in_vietnamese(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh",
            "collection": 1,
            "file": SimpleUploadedFile("anh.bmp", noisy_png(), "image/bmp"),
        },
    )
    assert "Định dạng ảnh không được hỗ trợ" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_image_form_tells_the_limit(admin_client):
    content = admin_client.get(reverse("wagtailimages:add")).content.decode()
    assert "Dung lượng tối đa: 10 MB." in content
