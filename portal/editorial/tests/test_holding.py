"""A file stamped as declassified is held for the head of the board: stored where no
URL reaches it, listed only for the head, who confirms (it becomes a document or an
image) or refuses (it is deleted); both decisions are logged and told to the uploader."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, ModelLogEntry

from portal.editorial import holding
from portal.editorial.models import HeldUpload

from . import corpus
from .conftest import member

pytestmark = pytest.mark.django_db

DECLASSIFIED_PDF = ["ĐÃ GIẢI MẬT", *corpus.LETTER]


@pytest.fixture
def newsroom(people):
    head = member("Ban Biên tập", "truong-ban")
    holding.make_board_head(head)
    head.email = "truongban@example.vn"
    head.save()
    people["author"].email = "ctv@example.vn"
    people["author"].save()
    return {**people, "head": head}


@pytest.fixture
def meeting_folder():
    return Collection.get_first_root_node().add_child(name="Tài liệu kỳ họp")


def upload_document(client, name, content, collection=None, url="wagtaildocs:add"):
    collection = collection or Collection.get_first_root_node()
    return client.post(
        reverse(url),
        {
            "title": "Tờ trình cũ",
            "collection": collection.pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def held_path(held) -> Path:
    return Path(held.file.path)


def path_bytes(held) -> bytes:
    return held_path(held).read_bytes()


def admin_urls(held):
    return [
        reverse("portal_held_uploads"),
        reverse("portal_held_upload_file", args=[held.pk]),
    ], [
        reverse("portal_held_upload_confirm", args=[held.pk]),
        reverse("portal_held_upload_refuse", args=[held.pk]),
    ]


def test_a_declassified_document_is_held_not_stored(client, newsroom, meeting_folder):
    content = corpus.pdf(DECLASSIFIED_PDF)
    client.force_login(newsroom["author"])
    response = upload_document(client, "qh1-to-trinh.pdf", content, meeting_folder)
    assert response.status_code == 200
    page = response.content.decode()
    assert "đang chờ Trưởng ban Biên tập xác nhận" in page
    assert not get_document_model().objects.exists()
    held = HeldUpload.objects.get()
    assert (held.kind, held.file_name, held.status) == ("document", "qh1-to-trinh.pdf", "pending")
    assert held.uploaded_by == newsroom["author"] and held.collection == meeting_folder
    assert held.size == len(content) and "dòng 1" in held.where
    assert path_bytes(held) == content
    # Stored outside the media, under a name that says nothing, with no URL.
    path = held_path(held)
    assert path.is_file() and not path.is_relative_to(settings.MEDIA_ROOT)
    assert "qh1" not in path.name
    with pytest.raises(ValueError):
        held.file.url  # noqa: B018
    [entry] = ModelLogEntry.objects.filter(action=holding.ACTION_HELD)
    assert entry.user == newsroom["author"] and entry.data["file_name"] == "qh1-to-trinh.pdf"
    [notice] = mail.outbox
    assert notice.to == ["truongban@example.vn"] and "qh1-to-trinh.pdf" in notice.body
    # The same file sent again while it waits is held once.
    upload_document(client, "qh1-to-trinh.pdf", content, meeting_folder)
    assert HeldUpload.objects.count() == 1 and len(mail.outbox) == 1


def test_a_held_file_is_reachable_by_no_url_but_the_head_s(client, newsroom, django_user_model):
    client.force_login(newsroom["author"])
    upload_document(client, "qh2-bao-cao.pdf", corpus.pdf(DECLASSIFIED_PDF))
    held = HeldUpload.objects.get()
    data = held_path(held).read_bytes()
    pages, actions = admin_urls(held)
    anonymous = Client()
    for url in pages + actions:
        response = anonymous.get(url) if url in pages else anonymous.post(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    # No document exists: the public serve view, the media folder and guesses find nothing.
    for url in (
        reverse("wagtaildocs_serve", args=[1, "qh2-bao-cao.pdf"]),
        f"{settings.MEDIA_URL}documents/qh2-bao-cao.pdf",
        f"{settings.MEDIA_URL}{held.file.name}",
    ):
        assert anonymous.get(url).status_code == 404, url
    superuser = django_user_model.objects.create_superuser("goc", "goc@example.vn", "x")
    for role in ("author", "secretary", "board"):
        others = Client()
        others.force_login(newsroom[role])
        for url in pages:
            assert others.get(url).status_code == 403, (role, url)
        for url in actions:
            assert others.post(url).status_code == 403, (role, url)
    root = Client()
    root.force_login(superuser)
    assert root.get(pages[1]).status_code == 403
    assert HeldUpload.objects.get().status == HeldUpload.PENDING
    # The head lists it and reads it.
    client.force_login(newsroom["head"])
    listing = client.get(pages[0]).content.decode()
    for shown in ("qh2-bao-cao.pdf", "ctv-cho-moi", "dòng 1", "Tài liệu"):
        assert shown in listing
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"name": "tai-lieu-giai-mat"' in dashboard.replace("&quot;", '"')  # the menu
    assert "Tài liệu giải mật chờ xác nhận" in dashboard and "qh2-bao-cao.pdf" in dashboard
    others = Client()
    others.force_login(newsroom["board"])
    dashboard = others.get(reverse("wagtailadmin_home")).content.decode()
    assert '"name": "tai-lieu-giai-mat"' not in dashboard.replace("&quot;", '"')
    assert "qh2-bao-cao.pdf" not in dashboard
    response = client.get(pages[1])
    assert response.status_code == 200 and b"".join(response.streaming_content) == data
    assert "attachment" in response["Content-Disposition"]


def test_the_head_confirms_and_the_document_is_in_the_intended_folder(
    client, newsroom, meeting_folder, django_capture_on_commit_callbacks
):
    content = corpus.pdf(DECLASSIFIED_PDF)
    client.force_login(newsroom["author"])
    upload_document(client, "qh3-nghi-quyet.pdf", content, meeting_folder)
    held = HeldUpload.objects.get()
    path = held_path(held)
    mail.outbox.clear()
    client.force_login(newsroom["head"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("portal_held_upload_confirm", args=[held.pk]),
            {"comment": "Đã có quyết định giải mật."},
        )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert document.collection == meeting_folder and document.uploaded_by_user == newsroom["author"]
    assert document.title == "Tờ trình cũ" and document.file_size == held.size
    with document.file.open("rb") as stored:
        assert stored.read() == content
    held.refresh_from_db()
    assert held.status == HeldUpload.CONFIRMED and held.decided_by == newsroom["head"]
    assert held.object_id == document.pk and not held.file and not path.exists()
    [entry] = ModelLogEntry.objects.filter(action=holding.ACTION_CONFIRMED)
    assert entry.user == newsroom["head"] and entry.timestamp is not None
    assert (
        entry.data["file_name"] == "qh3-nghi-quyet.pdf" and entry.data["object_id"] == document.pk
    )
    [notice] = mail.outbox
    assert notice.to == ["ctv@example.vn"] and "đã được Trưởng ban Biên tập" in notice.body
    assert "Đã có quyết định giải mật." in notice.body
    # Decided once: a second click finds nothing.
    assert client.post(reverse("portal_held_upload_refuse", args=[held.pk])).status_code == 404


def test_the_head_refuses_and_the_file_is_deleted(
    client, newsroom, django_capture_on_commit_callbacks
):
    client.force_login(newsroom["author"])
    upload_document(client, "qh4-cu.pdf", corpus.pdf(DECLASSIFIED_PDF))
    held = HeldUpload.objects.get()
    path = held_path(held)
    mail.outbox.clear()
    client.force_login(newsroom["head"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("portal_held_upload_refuse", args=[held.pk]),
            {"comment": "Chưa có văn bản giải mật."},
        )
    assert not path.exists()
    held.refresh_from_db()
    assert held.status == HeldUpload.REFUSED and not held.file
    assert not get_document_model().objects.exists()
    [entry] = ModelLogEntry.objects.filter(action=holding.ACTION_REFUSED)
    assert entry.user == newsroom["head"] and entry.data["where"] == held.where
    [notice] = mail.outbox
    assert notice.to == ["ctv@example.vn"] and "từ chối" in notice.body
    assert (
        "Không có tệp nào chờ xác nhận"
        in client.get(reverse("portal_held_uploads")).content.decode()
    )


def test_a_declassified_image_is_held_on_multiple_upload_and_confirmed_as_an_image(
    client, newsroom, django_capture_on_commit_callbacks
):
    scan = corpus.image_bytes(corpus.scan(corpus.LETTER, stamp="ĐÃ GIẢI MẬT", angle=2))
    client.force_login(newsroom["author"])
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("qh5-giai-mat.png", scan, "image/png")},
    )
    data = response.json()
    assert data["success"] is False and "chờ Trưởng ban Biên tập xác nhận" in data["error_message"]
    assert not get_image_model().objects.exists()
    held = HeldUpload.objects.get()
    assert held.kind == HeldUpload.IMAGE
    client.force_login(newsroom["head"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("portal_held_upload_confirm", args=[held.pk]))
    image = get_image_model().objects.get()
    assert image.width > 0 and image.height > 0 and image.file_hash
    assert image.uploaded_by_user == newsroom["author"]


def test_a_live_marking_besides_the_declassified_stamp_is_refused_as_before(client, newsroom):
    client.force_login(newsroom["author"])
    response = upload_document(
        client, "qh6.pdf", corpus.pdf(["ĐÃ GIẢI MẬT", "TỐI MẬT", *corpus.LETTER])
    )
    assert "Tệp mang dấu độ mật “Tối mật”" in response.content.decode()
    assert not HeldUpload.objects.exists() and not get_document_model().objects.exists()
    assert ModelLogEntry.objects.filter(action="portal.upload.refused").count() == 1


def test_a_replacement_file_is_not_held_but_refused(client, newsroom):
    client.force_login(newsroom["head"])
    upload_document(client, "qh7-sach.pdf", corpus.pdf(corpus.LETTER))
    document = get_document_model().objects.get()
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Tờ trình",
            "collection": document.collection_id,
            "file": SimpleUploadedFile("qh7-moi.pdf", corpus.pdf(DECLASSIFIED_PDF)),
        },
    )
    assert "tải tệp lên như một tài liệu hoặc ảnh mới" in response.content.decode()
    assert not HeldUpload.objects.exists()


def test_the_image_chooser_holds_a_declassified_picture(client, newsroom):
    scan = corpus.image_bytes(corpus.scan(corpus.LETTER, stamp="ĐÃ GIẢI MẬT", angle=2))
    client.force_login(newsroom["author"])
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Ảnh văn bản cũ",
            "image-chooser-upload-collection": Collection.get_first_root_node().pk,
            "image-chooser-upload-file": SimpleUploadedFile("qh8-giai-mat.png", scan, "image/png"),
        },
    )
    assert "chờ Trưởng ban Biên tập xác nhận" in response.json()["htmlFragment"]
    assert not get_image_model().objects.exists()
    held = HeldUpload.objects.get()
    assert (held.kind, held.title) == (HeldUpload.IMAGE, "Ảnh văn bản cũ")
