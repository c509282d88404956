"""Text answers go out gzip-compressed to clients that accept it; files already
compressed (pictures, PDFs, archives) pass untouched."""

import gzip

import pytest
from django.core.files.base import ContentFile
from django.http import HttpResponse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from portal.core.compression import is_compressible
from portal.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def article(category):
    return ArticlePageFactory(
        parent=category,
        title="Khai mạc kỳ họp thứ 12 HĐND tỉnh khóa IX",
        lead="Sáng nay, HĐND tỉnh khai mạc kỳ họp thứ 12.",
    )


@pytest.mark.parametrize("path", ["/", "article", "/rss/", "/atom/"])
def test_text_is_sent_compressed_and_decompresses_to_the_same_answer(client, article, path):
    path = article.url if path == "article" else path
    plain = client.get(path)
    packed = client.get(path, **GZIP)
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(body(packed)) == body(plain)


def test_an_html_page_shrinks_to_less_than_a_third(client, article):
    plain = body(client.get(article.url))
    packed = body(client.get(article.url, **GZIP))
    assert len(packed) * 3 < len(plain), (len(plain), len(packed))


def test_a_cached_page_is_compressed_too(client, home):
    client.get("/", **GZIP)
    hit = client.get("/", **GZIP)
    assert hit["X-Cache"] == "HIT"
    assert hit["Content-Encoding"] == "gzip"
    assert gzip.decompress(hit.content).startswith(b"<!doctype html>")


def test_a_document_passes_untouched(client, home):
    data = b"%PDF-1.4 " + b"nghi quyet " * 200
    document = get_document_model().objects.create(
        title="Nghị quyết",
        collection=Collection.get_first_root_node(),
        file=ContentFile(data, name="nghi-quyet.pdf"),
    )
    response = client.get(document.url, **GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response  # not even Wagtail's "None"
    assert body(response) == data


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("text/html; charset=utf-8", True),
        ("application/rss+xml; charset=utf-8", True),
        ("application/json", True),
        ("text/csv", True),
        ("image/svg+xml", True),
        ("image/jpeg", False),
        ("image/png", False),
        ("application/pdf", False),
        ("application/zip", False),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", False),
    ],
)
def test_what_is_compressed(content_type, expected):
    assert is_compressible(HttpResponse(content_type=content_type)) is expected
