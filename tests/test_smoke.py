"""Every public route type answers with the status it should."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.news.factories import ArticlePageFactory, GalleryPageFactory
from portal.news.models import Topic

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "localhost"}


@pytest.fixture
def routes(home, news_index, category):
    article = ArticlePageFactory(parent=category, title="Kỳ họp thứ 13", topics=["Kỳ họp"])
    gallery = GalleryPageFactory(parent=category, title="Ảnh kỳ họp")
    topic = Topic.objects.get(name="Kỳ họp")
    document = get_document_model().objects.create(
        title="Nghị quyết số 12", file=ContentFile(b"%PDF-1.4", name="nghi-quyet.pdf")
    )
    return {
        # name: (url, status, content type)
        "home": ("/", 200, "text/html"),
        "news index": (news_index.url, 200, "text/html"),
        "category": (category.url, 200, "text/html"),
        "category page 2": (f"{category.url}?page=2", 200, "text/html"),
        "article": (article.url, 200, "text/html"),
        "gallery": (gallery.url, 200, "text/html"),
        "tag": (f"{news_index.url}chu-de/{topic.slug}/", 200, "text/html"),
        "search form": ("/search/", 200, "text/html"),
        "search": ("/search/?q=ky+hop", 200, "text/html"),
        "rss": ("/rss/", 200, "application/rss+xml"),
        "atom": ("/atom/", 200, "application/atom+xml"),
        "category rss": (f"/rss/{category.slug}/", 200, "application/rss+xml"),
        "category atom": (f"/atom/{category.slug}/", 200, "application/atom+xml"),
        "sitemap index": ("/sitemap.xml", 200, "application/xml"),
        "sitemap section": ("/sitemap-pages.xml", 200, "application/xml"),
        "robots": ("/robots.txt", 200, "text/plain"),
        "health": ("/healthz/", 200, "application/json"),
        "document": (document.url, 200, "application/pdf"),
        "admin login": ("/admin/login/", 200, "text/html"),
        "unknown page": ("/khong-co-trang-nay/", 404, "text/html"),
        "unknown article": (f"{category.url}khong-co-bai-nay/", 404, "text/html"),
        "unknown tag": (f"{news_index.url}chu-de/khong-co-chu-de/", 404, "text/html"),
        "unknown category feed": ("/rss/khong-co-chuyen-muc/", 404, "text/html"),
        "unknown sitemap section": ("/sitemap-khac.xml", 404, "text/html"),
    }


ROUTE_NAMES = [
    "home", "news index", "category", "category page 2", "article", "gallery", "tag",
    "search form", "search", "rss", "atom", "category rss", "category atom",
    "sitemap index", "sitemap section", "robots", "health", "document", "admin login",
    "unknown page", "unknown article", "unknown tag", "unknown category feed",
    "unknown sitemap section",
]  # fmt: skip


@pytest.mark.parametrize("name", ROUTE_NAMES)
def test_route_answers(client, routes, name):
    url, status, content_type = routes[name]
    response = client.get(url, **HOST)
    assert response.status_code == status, url
    assert response["Content-Type"].startswith(content_type), url
    if content_type == "text/html" and not url.startswith("/admin/"):
        html = response.content.decode()
        assert '<html lang="vi"' in html, url
    if status == 404:
        assert "Không tìm thấy" in response.content.decode(), url


def test_every_route_is_listed(routes):
    assert sorted(routes) == sorted(ROUTE_NAMES)
