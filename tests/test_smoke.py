"""Every public route type answers with the status it should."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.news.factories import ArticlePageFactory, GalleryPageFactory
from portal.news.models import Topic

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "localhost"}
HTML, RSS, ATOM, XML = "text/html", "application/rss+xml", "application/atom+xml", "application/xml"

# name: (URL from the fixture's pages, status, content type)
ROUTES = {
    "home": (lambda w: "/", 200, HTML),
    "news index": (lambda w: w["index"].url, 200, HTML),
    "category": (lambda w: w["category"].url, 200, HTML),
    "category page 2": (lambda w: f"{w['category'].url}?page=2", 200, HTML),
    "article": (lambda w: w["article"].url, 200, HTML),
    "gallery": (lambda w: w["gallery"].url, 200, HTML),
    "tag": (lambda w: f"{w['index'].url}chu-de/{w['topic'].slug}/", 200, HTML),
    "search form": (lambda w: "/search/", 200, HTML),
    "search": (lambda w: "/search/?q=ky+hop", 200, HTML),
    "rss": (lambda w: "/rss/", 200, RSS),
    "atom": (lambda w: "/atom/", 200, ATOM),
    "category rss": (lambda w: f"/rss/{w['category'].slug}/", 200, RSS),
    "category atom": (lambda w: f"/atom/{w['category'].slug}/", 200, ATOM),
    "sitemap index": (lambda w: "/sitemap.xml", 200, XML),
    "sitemap section": (lambda w: "/sitemap-pages.xml", 200, XML),
    "robots": (lambda w: "/robots.txt", 200, "text/plain"),
    "health": (lambda w: "/healthz/", 200, "application/json"),
    "document": (lambda w: w["document"].url, 200, "application/pdf"),
    "admin login": (lambda w: "/admin/login/", 200, HTML),
    "unknown page": (lambda w: "/khong-co-trang-nay/", 404, HTML),
    "unknown article": (lambda w: f"{w['category'].url}khong-co-bai-nay/", 404, HTML),
    "unknown tag": (lambda w: f"{w['index'].url}chu-de/khong-co-chu-de/", 404, HTML),
    "unknown category feed": (lambda w: "/rss/khong-co-chuyen-muc/", 404, HTML),
    "unknown sitemap section": (lambda w: "/sitemap-khac.xml", 404, HTML),
}


@pytest.fixture
def pages(home, news_index, category):
    article = ArticlePageFactory(parent=category, title="Kỳ họp thứ 13", topics=["Kỳ họp"])
    return {
        "index": news_index,
        "category": category,
        "article": article,
        "gallery": GalleryPageFactory(parent=category, title="Ảnh kỳ họp"),
        "topic": Topic.objects.get(name="Kỳ họp"),
        "document": get_document_model().objects.create(
            title="Nghị quyết số 12", file=ContentFile(b"%PDF-1.4", name="nghi-quyet.pdf")
        ),
    }


@pytest.mark.parametrize("name", ROUTES)
def test_route_answers(client, pages, name):
    make_url, status, content_type = ROUTES[name]
    url = make_url(pages)
    response = client.get(url, **HOST)
    assert response.status_code == status, url
    assert response["Content-Type"].startswith(content_type), url
    if content_type == HTML and not url.startswith("/admin/"):
        assert '<html lang="vi"' in response.content.decode(), url
    if status == 404:
        assert "Không tìm thấy" in response.content.decode(), url
