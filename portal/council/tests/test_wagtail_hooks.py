"""The council in the admin: the documents' listing with each one's timeliness, their form
with Vietnamese errors (never a 500), the session editor's date check, and versions that
are replaced, never deleted."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from portal.council import services
from portal.council.files import pdf_bytes
from portal.council.models import SessionDocument, SessionPage

pytestmark = pytest.mark.django_db
LIST_URL = "/admin/tai-lieu-ky-hop/"


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("thuky", "thuky@example.vn", "mat-khau-dai")
    )
    return client


def test_the_listing_flags_late_postings(admin_client, make_document):
    make_document(number="11/TTr-UBND", abstract="Đúng hạn")
    make_document(
        number="12/TTr-UBND",
        abstract="Đăng muộn",
        posted_at=timezone.make_aware(datetime.datetime(2019, 12, 6, 8, 0)),
    )
    page = admin_client.get(LIST_URL).content.decode()
    assert "Thời hạn đăng" in page
    assert "Đăng trước khai mạc 10 ngày – đúng hạn" in page
    assert "⚠ Đăng trước khai mạc 3 ngày – muộn 4 ngày (quy định: trước khai mạc 7 ngày)" in page


def _form(session, file_pk, **fields):
    data = {
        "session": session.pk,
        "agenda_item": "",
        "document_type": "to-trinh",
        "number": "123/TTr-UBND",
        "issuing_body": "UBND tỉnh",
        "issue_date": "2019-11-20",
        "effective_date": "",
        "abstract": "Về việc quy định mức thu học phí",
        "published": "on",
        "sort_order": "0",
        "files": inline_formset([{"name": "Toàn văn", "file": file_pk, "note": ""}], min=1),
    }
    data.update(fields)
    return nested_form_data(data)


@pytest.fixture
def stored():
    return services.store_document(pdf_bytes("TỜ TRÌNH", ["Số: 123/TTr-UBND"]), "tt.pdf", "TT")


def test_a_document_is_added_from_the_admin(admin_client, session, stored):
    response = admin_client.post(f"{LIST_URL}new/", _form(session, stored.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    document = SessionDocument.objects.get()
    assert document.files.get().file == stored and document.posted_at is not None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"number": "123-TTr-UBND"}, "thiếu dấu “/” giữa số và ký hiệu"),
        ({"number": "45/BC-UBND"}, "phải mang ký hiệu “TTr”"),
        ({"effective_date": "2019-11-01"}, "Ngày có hiệu lực không được trước ngày ban hành."),
    ],
)
def test_bad_input_is_a_vietnamese_form_error(admin_client, session, stored, fields, message):
    response = admin_client.post(f"{LIST_URL}new/", _form(session, stored.pk, **fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SessionDocument.objects.exists()


def test_an_empty_file_is_a_form_error(admin_client, session):
    from wagtail.documents.models import Document

    empty = Document.objects.create(title="Tệp rỗng", file=SimpleUploadedFile("rong.pdf", b""))
    Document.objects.filter(pk=empty.pk).update(file_size=0)
    response = admin_client.post(f"{LIST_URL}new/", _form(session, empty.pk))
    assert response.status_code == 200
    assert "Tệp “Tệp rỗng” rỗng (0 byte). Hãy chọn tệp có nội dung." in response.content.decode()


def test_a_posted_version_is_not_deleted(admin_client, make_document, stored):
    document = make_document()
    old = document.files.get()
    new = services.session_document_add_file(document, stored, name="Toàn văn")
    rows = [
        {"id": old.pk, "name": old.name, "file": old.file_id, "note": "", "DELETE": "on"},
        {"id": new.pk, "name": new.name, "file": new.file_id, "note": ""},
    ]
    data = _form(document.session, old.file_id, number=document.number)
    data.update(nested_form_data({"files": inline_formset(rows, initial=2, min=1)}))
    data["issue_date"] = document.issue_date.isoformat()
    response = admin_client.post(f"{LIST_URL}edit/{document.pk}/", data)
    assert response.status_code == 200
    assert "Không xóa được tệp “Toàn văn” (phiên bản 1)" in response.content.decode()
    assert document.files.count() == 2


def test_the_session_editor_refuses_closing_before_opening(admin_client, term):
    response = admin_client.post(
        f"/admin/pages/add/council/sessionpage/{term.pk}/",
        nested_form_data(
            {
                "title": "Kỳ họp thứ 30",
                "slug": "ky-hop-thu-30",
                "number": "30",
                "session_type": "thuong-le",
                "opening_date": "2020-07-15",
                "closing_date": "2020-07-13",
                "place": "Hội trường",
                "intro": rich_text(""),
                "video_url": "",
                "agenda_items": inline_formset([]),
            }
        ),
    )
    assert response.status_code == 200
    assert "Ngày bế mạc không được trước ngày khai mạc." in response.content.decode()
    assert not SessionPage.objects.filter(number=30).exists()


def test_wagtail_serves_a_session_file_only_while_its_document_is_visible(client, make_document):
    document = make_document(published=False)
    url = document.files.get().file.url
    assert client.get(url, HTTP_HOST="localhost").status_code == 404
    document.published = True
    document.save()
    assert client.get(url, HTTP_HOST="localhost").status_code == 200
