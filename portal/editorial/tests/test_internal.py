"""Internal circulation ("lưu hành nội bộ"): the collection the migration makes hands
its documents only to signed-in staff and delegates, by no other URL."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from .conftest import member

pytestmark = pytest.mark.django_db
CONTENT = b"%PDF-1.4 Ke hoach tiep xuc cu tri noi bo"


@pytest.fixture
def internal_document():
    collection = Collection.objects.get(name="Lưu hành nội bộ")
    return get_document_model().objects.create(
        title="Kế hoạch nội bộ",
        collection=collection,
        file=ContentFile(CONTENT, name="ke-hoach-noi-bo.pdf"),
    )


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_collection_is_restricted_to_signed_in_users():
    collection = Collection.objects.get(name="Lưu hành nội bộ")
    assert collection.get_parent().depth == 1
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.LOGIN
    Collection.get_first_root_node().add_child(name="Ảnh hoạt động")  # the tree stays sound
    assert Collection.find_problems() == ([], [], [], [], [])


def test_anonymous_visitors_get_it_by_no_url(client, internal_document):
    document = internal_document
    guesses = [
        document.url,
        f"/documents/{document.pk}/khac.pdf",
        f"/documents/{document.pk}/",
        f"/media/{document.file.name}",
        f"/media/documents/{document.filename}",
        reverse("wagtaildocs_serve", args=[document.pk, document.filename]),
    ]
    for url in guesses:
        response = client.get(url)
        assert response.status_code in (302, 404), url
        assert CONTENT not in body(response), url
    for url in ("/sitemap-pages.xml", "/rss/", "/search/?q=ke+hoach+noi+bo"):
        assert b"ke-hoach-noi-bo" not in client.get(url).content, url


def test_staff_and_delegates_signed_in_get_it(client, internal_document):
    client.force_login(member("Cộng tác viên", "daibieu.nari"))
    response = client.get(internal_document.url)
    assert response.status_code == 200 and body(response) == CONTENT


def test_the_privacy_choice_reads_internal_circulation(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("quantri", "", "x"))
    collection = Collection.objects.get(name="Lưu hành nội bộ")
    response = client.get(reverse("wagtailadmin_collections:set_privacy", args=[collection.pk]))
    assert "Lưu hành nội bộ: chỉ người dùng đã đăng nhập" in response.json()["html"]
