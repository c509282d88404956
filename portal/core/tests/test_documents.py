"""Documents are served only through Wagtail's serve view, so collection
privacy applies; the media folder never hands them out directly."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 Nghi quyet so 12/2019/NQ-HDND"


def make_document(collection=None, title="Nghị quyết số 12"):
    collection = collection or Collection.get_first_root_node()
    return get_document_model().objects.create(
        title=title, collection=collection, file=ContentFile(PDF, name="nghi-quyet-12.pdf")
    )


@pytest.fixture
def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Tài liệu nội bộ")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def download(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_document_urls_go_through_the_serve_view():
    document = make_document()
    assert document.url == f"/documents/{document.id}/{document.filename}"
    assert not document.url.startswith(settings.MEDIA_URL)


def test_public_document_is_downloadable(client):
    document = make_document()
    response = client.get(document.url)
    assert response.status_code == 200
    assert download(response) == PDF
    assert response["X-Cache"] == "BYPASS"


def test_private_collection_document_is_not_downloadable_anonymously(client, private_collection):
    document = make_document(private_collection)
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/?next=/documents/" in response["Location"]
    assert PDF not in download(response)


def test_private_collection_document_opens_for_a_logged_in_user(
    client, private_collection, django_user_model
):
    document = make_document(private_collection)
    client.force_login(django_user_model.objects.create_user("daibieu", password="x"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert download(response) == PDF


def test_group_restricted_document_is_refused_to_other_users(client, django_user_model):
    collection = Collection.get_first_root_node().add_child(name="Ban Biên tập")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="groups"
    )
    restriction.groups.add(Group.objects.get(name="Ban Biên tập"))
    document = make_document(collection)
    client.force_login(django_user_model.objects.create_user("ctv", password="x"))
    response = client.get(document.url)
    assert response.status_code == 302
    assert PDF not in download(response)


def test_password_protected_document_asks_for_the_password(client):
    collection = Collection.get_first_root_node().add_child(name="Dự thảo")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password="mat-khau"
    )
    document = make_document(collection)
    response = client.get(document.url)
    assert response.status_code == 200
    content = download(response)
    assert PDF not in content
    assert "Tài liệu được bảo vệ bằng mật khẩu" in content.decode()


def test_media_folder_does_not_serve_documents(client, private_collection):
    document = make_document(private_collection)
    direct = settings.MEDIA_URL + document.file.name
    assert client.get(direct).status_code == 404


def test_the_serve_method_is_the_serve_view():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
