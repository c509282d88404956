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


# --- the resolution register in the admin ----------------------------------------------

RESOLUTIONS_URL = "/admin/so-nghi-quyet/"


def _resolution_form(session, file_pk=None, relations=(), actions=(), **fields):
    data = {
        "kind": "quy-pham",
        "code": "",
        "title": "Quy định mức thu học phí năm học 2020 - 2021",
        "session": session.pk,
        "field": "",
        "issuing_body": "HĐND tỉnh",
        "adoption_date": "2019-12-11",
        "effective_date": "2020-01-01",
        "expiry_date": "",
        "session_document": "",
        "published": "on",
        "delegates_present": "48",
        "votes_for": "46",
        "votes_against": "1",
        "votes_abstain": "1",
        "files": inline_formset(
            [{"name": "Toàn văn", "file": file_pk}] if file_pk else [], initial=0
        ),
        "relations": inline_formset(list(relations), initial=0),
        "actions": inline_formset(list(actions), initial=0),
    }
    data.update(fields)
    return nested_form_data(data)


def test_a_resolution_is_created_from_the_admin_with_files_links_and_actions(
    admin_client, session, stored, make_resolution
):
    from portal.council.models import Resolution

    old = make_resolution(kind="quy-pham", title="Quy định mức thu học phí năm học 2019")
    data = _resolution_form(
        session,
        stored.pk,
        relations=[{"kind": "thay-the", "target": old.pk, "date": "", "note": "Thay thế toàn bộ"}],
        actions=[
            {"date": "2019-11-20", "kind": "trinh", "description": "UBND tỉnh trình"},
            {"date": "2019-12-11", "kind": "thong-qua", "description": ""},
        ],
    )
    response = admin_client.post(f"{RESOLUTIONS_URL}new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    created = Resolution.objects.exclude(pk=old.pk).get()
    assert created.code == "02/2019/NQ-HĐND" and created.votes_for == 46
    assert created.files.get().file == stored
    relation = created.relations.get()
    assert relation.target == old and relation.date == datetime.date(2020, 1, 1)
    assert [a.kind for a in created.actions.all()] == ["trinh", "thong-qua"]
    assert old.status_on(datetime.date(2020, 2, 1)) == "bi-thay-the"
    listing = admin_client.get(RESOLUTIONS_URL).content.decode()
    assert "02/2019/NQ-HĐND" in listing and "Bị thay thế" in listing


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"code": "12/NQ-HĐND"}, "Nghị quyết quy phạm pháp luật ghi năm trong số"),
        ({"votes_for": "50"}, "(52) vượt quá số đại biểu có mặt (48)"),
        ({"effective_date": "2019-12-01"}, "Ngày có hiệu lực không được trước ngày thông qua."),
        ({"adoption_date": "2019-12-30"}, "Ngày thông qua phải trong thời gian kỳ họp"),
    ],
)
def test_bad_resolution_input_is_a_vietnamese_form_error(admin_client, session, fields, message):
    from portal.council.models import Resolution

    response = admin_client.post(f"{RESOLUTIONS_URL}new/", _resolution_form(session, **fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Resolution.objects.exists()


def test_the_admin_refuses_a_self_link_and_a_cycle(admin_client, session, make_resolution):
    from portal.council.models import ResolutionRelation

    a = make_resolution(kind="quy-pham")
    b = make_resolution(kind="quy-pham")
    ResolutionRelation.objects.create(source=b, target=a, kind="sua-doi")
    for target, message in (
        (a, "không thể tự sửa đổi, thay thế hay bãi bỏ chính nó"),
        (b, "tạo thành vòng"),
    ):
        data = _resolution_form(
            session,
            relations=[{"kind": "bai-bo", "target": target.pk, "date": "", "note": ""}],
            code=a.code,
            effective_date="2019-12-11",
        )
        response = admin_client.post(f"{RESOLUTIONS_URL}edit/{a.pk}/", data)
        assert response.status_code == 200, message
        assert message in response.content.decode()
    assert not ResolutionRelation.objects.filter(source=a).exists()


def test_a_resolution_field_is_added_from_the_admin(admin_client):
    from portal.council.models import ResolutionField

    response = admin_client.post(
        "/admin/linh-vuc-nghi-quyet/new/",
        {"name": "Giáo dục", "slug": "giao-duc", "sort_order": "1"},
    )
    assert response.status_code == 302
    assert ResolutionField.objects.get().name == "Giáo dục"


def test_wagtail_serves_a_resolution_file_only_while_the_resolution_is_visible(
    client, make_resolution
):
    from portal.council.factories import ResolutionFactory

    resolution = ResolutionFactory(session=None, published=False)
    url = resolution.files.get().file.url
    assert client.get(url, HTTP_HOST="localhost").status_code == 404
    resolution.published = True
    resolution.save()
    assert client.get(url, HTTP_HOST="localhost").status_code == 200
