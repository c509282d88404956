"""Odd URL parameters never give a 500: a sensible page, or a 400/404 in Vietnamese."""

import pytest

from portal.core.testing import built_once
from portal.home.models import HomePage
from portal.news.factories import (
    ArticlePageFactory,
    NewsCategoryPageFactory,
    NewsIndexPageFactory,
)
from portal.news.models import Topic

LONG_Q = "kỳ họp " * 1500  # over 10,000 characters
BAD_QUERIES = {
    "page=abc": "page=abc",
    "page=99999": "page=99999",
    "page=-1": "page=-1",
    "page=0": "page=0",
    "page=1e9": "page=1e9",
    "year=x": "year=x",
    "year=99999": "year=99999",
    "category=abc": "category=abc",
    "category=999999": "category=999999",
    "long q": f"q={LONG_Q.replace(' ', '+')}",
    "NUL in q": "q=k%00y",
    "truncated UTF-8": "q=%E0%A4%A",
    "invalid escape": "q=%ZZ",
    "lone percent": "q=100%",
    "overlong UTF-8": "q=%C0%AF",
    "repeated page": "page=1&page=abc",
    "p=abc": "p=abc",
}
VIETNAMESE_ERRORS = ("không hợp lệ", "Không tìm thấy")


def build_surfaces():
    home = HomePage.objects.get()
    news_index = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    category = NewsCategoryPageFactory(parent=news_index, title="Thường trực HĐND")
    article = ArticlePageFactory(parent=category, title="Kỳ họp thứ 13", topics=["Kỳ họp"])
    topic = Topic.objects.get(name="Kỳ họp")
    return {
        "home": "/",
        "news index": news_index.url,
        "category": category.url,
        "article": article.url,
        "tag": f"{news_index.url}chu-de/{topic.slug}/",
        "search": "/search/",
        "rss": "/rss/",
        "atom": f"/atom/{category.slug}/",
        "sitemap": "/sitemap-pages.xml",
    }


surfaces = built_once(build_surfaces)


@pytest.fixture(autouse=True)
def _db(db):
    """Every test runs in its own savepoint inside the module's transaction."""


SURFACE_NAMES = [
    "home",
    "news index",
    "category",
    "article",
    "tag",
    "search",
    "rss",
    "atom",
    "sitemap",
]


@pytest.mark.parametrize("surface", SURFACE_NAMES)
@pytest.mark.parametrize("bad", BAD_QUERIES)
def test_bad_query_never_gives_a_500(client, surfaces, surface, bad):
    url = f"{surfaces[surface]}?{BAD_QUERIES[bad]}"
    response = client.get(url)
    assert response.status_code in (200, 400, 404), (url, response.status_code)
    if response.status_code != 200:
        content = response.content.decode()
        assert '<html lang="vi"' in content
        assert any(text in content for text in VIETNAMESE_ERRORS), content[:300]


@pytest.mark.parametrize("surface", ["home", "category", "tag", "search", "rss"])
@pytest.mark.parametrize("bad", ["NUL in q", "truncated UTF-8", "overlong UTF-8"])
def test_undecodable_or_nul_input_is_a_vietnamese_400(client, surfaces, surface, bad):
    response = client.get(f"{surfaces[surface]}?{BAD_QUERIES[bad]}")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_out_of_range_pages_show_the_last_page(client, surfaces):
    response = client.get(f"{surfaces['category']}?page=99999")
    assert response.status_code == 200
    assert "Kỳ họp thứ 13" in response.content.decode()


def test_a_long_query_is_searched_not_refused(client, surfaces):
    long_q = "ky hop " * 1430  # 10,010 characters
    response = client.get("/search/", {"q": long_q})
    assert response.status_code == 200
    assert "/ky-hop-thu-13/" in response.content.decode()  # the title comes highlighted


def test_a_long_vietnamese_query_is_searched_or_refused_in_vietnamese(client, surfaces):
    # 10,000 Vietnamese characters are some 30 KB once percent-encoded.
    response = client.get("/search/", {"q": LONG_Q})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "Yêu cầu không hợp lệ" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/tin-tuc/%E0%A4%A/",
        "/tin-tuc/%ZZ/",
        "/tin-tuc/%00/",
        "/rss/%E0%A4%A/",
        "/tin-tuc/chu-de/%C0%AF/",
        "/" + "a" * 3000 + "/",
    ],
)
def test_bad_paths_are_404_or_400_in_vietnamese(client, surfaces, path):
    response = client.get(path)
    assert response.status_code in (400, 404), path
    assert any(text in response.content.decode() for text in VIETNAMESE_ERRORS)


@pytest.mark.parametrize("host", ["bad host!", "evil.example.com", "localhost:99999x", "[::1"])
def test_a_host_the_portal_does_not_serve_is_a_quiet_vietnamese_400(client, host, caplog):
    caplog.set_level("INFO")
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 400
    assert "Tên miền trong yêu cầu không thuộc cổng thông tin này." in response.content.decode()
    # One line of ours saying why, Django's one-line "Bad Request", no error, no traceback.
    assert [r.getMessage() for r in caplog.records] == ["bad Host header refused", "Bad Request: /"]
    assert all(r.levelname in ("INFO", "WARNING") and r.exc_info is None for r in caplog.records)
