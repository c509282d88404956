"""The search page's cache: per normalised query, for anonymous visitors, stale with
the index, bounded."""

import unicodedata

import pytest
from django.conf import settings
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from portal.core import page_cache
from portal.news.factories import ArticlePageFactory
from portal.search.cache import SearchParams

URL = "/search/"


def params(query: str) -> SearchParams:
    return SearchParams.from_query(QueryDict(query))


def test_only_the_parameters_search_reads_normalised():
    nfd = unicodedata.normalize("NFD", "kỳ họp")
    assert params(f"q=++{nfd}+++thứ+13&x=1&utm_source=z") == SearchParams(
        "kỳ họp thứ 13", "", "", 1
    )
    assert params("year=2024&q=ky+hop&category=+7+&page=02") == SearchParams(
        "ky hop", "7", "2024", 2
    )
    assert params("q=ky+hop&page=abc").page == 1
    assert params("q=ky+hop&page=-3").page == 1
    assert params("q=&page=5").page == 1  # nothing searched: no page of results
    assert params("q=ky+hop&category=7&year=").filter_query() == "q=ky+hop&category=7"


@pytest.fixture
def articles(category):
    ArticlePageFactory(parent=category, title="Giám sát chuyên đề")
    return category


def queries(client, path, data=None, **extra):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, data, **extra)
    return response, [query["sql"] for query in ctx.captured_queries]


@pytest.mark.django_db
def test_a_second_identical_search_asks_nothing_of_the_database(client, articles):
    first, sql = queries(client, URL, {"q": "giam sat"})
    assert first.status_code == 200 and first["X-Cache"] == "MISS" and sql
    second, sql = queries(client, URL, {"q": "giam sat"})
    assert sql == []
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "Tìm thấy 1 kết quả" in second.content.decode()
    assert "no-cache" in second["Cache-Control"]  # browsers and proxies keep nothing


@pytest.mark.django_db
def test_the_same_query_written_otherwise_is_the_same_entry(client, articles):
    client.get(URL, {"q": "kỳ họp giám sát"})
    nfd = unicodedata.normalize("NFD", "kỳ  họp   giám sát ")
    for query in (
        {"q": nfd},
        {"q": "kỳ họp giám sát", "x": "1", "utm_source": "zalo"},
        {"q": "kỳ họp giám sát", "page": "1"},
        {"q": "kỳ họp giám sát", "category": "", "year": ""},
    ):
        response, sql = queries(client, URL, query)
        assert response["X-Cache"] == "HIT", query
        assert sql == [], query


@pytest.mark.django_db
def test_another_case_or_spelling_reuses_the_results_not_the_page(client, articles):
    first = client.get(URL, {"q": "giám sát"})
    assert "Tìm thấy 1 kết quả" in first.content.decode()
    for q in ("GIÁM SÁT", "giam sat", "sát giám"):
        response, sql = queries(client, URL, {"q": q})
        html = response.content.decode()
        assert response["X-Cache"] == "MISS", q  # the page shows the query as typed...
        assert f"cho “{q}”" in html, q
        assert "Tìm thấy 1 kết quả" in html and "<mark>Giám sát</mark>" in html, q
        assert not any("title_folded" in statement for statement in sql), q  # ...not searched


@pytest.mark.django_db
def test_a_publish_makes_cached_results_stale(client, articles):
    assert "Tìm thấy 1 kết quả" in client.get(URL, {"q": "giam sat"}).content.decode()
    assert client.get(URL, {"q": "giam sat"})["X-Cache"] == "HIT"
    ArticlePageFactory(parent=articles, title="Giám sát ngân sách")
    response = client.get(URL, {"q": "giam sat"})
    assert response["X-Cache"] == "MISS"
    assert "Tìm thấy 2 kết quả" in response.content.decode()
    assert "Tìm thấy 2 kết quả" in client.get(URL, {"q": "GIÁM SÁT"}).content.decode()


@pytest.mark.django_db
def test_an_unpublish_makes_cached_results_stale(client, category):
    article = ArticlePageFactory(parent=category, title="Giám sát chuyên đề")
    assert "Tìm thấy 1 kết quả" in client.get(URL, {"q": "giam sat"}).content.decode()
    article.unpublish()
    assert "Tìm thấy 0 kết quả" in client.get(URL, {"q": "giam sat"}).content.decode()


@pytest.mark.django_db
def test_links_carry_only_the_search_parameters(client, category, monkeypatch):
    from portal.search import views

    monkeypatch.setattr(views, "PER_PAGE", 1)
    ArticlePageFactory(parent=category, title="Giám sát một")
    ArticlePageFactory(parent=category, title="Giám sát hai")
    html = client.get(URL, {"q": "giam sat", "x": "<b>", "utm_source": "z", "year": ""}).content
    html = html.decode()
    assert 'href="?q=giam+sat&amp;page=2" rel="next"' in html
    assert "utm_source" not in html and "x=%3Cb%3E" not in html and "&lt;b&gt;" not in html


@pytest.mark.django_db
def test_signed_in_visitors_and_sessions_are_never_cached(client, articles, django_user_model):
    client.get(URL, {"q": "giam sat"})
    client.cookies[settings.SESSION_COOKIE_NAME] = "any"
    assert client.get(URL, {"q": "giam sat"})["X-Cache"] == "BYPASS"
    client.force_login(django_user_model.objects.create_user("bientap", password="x"))
    response = client.get(URL, {"q": "giam sat"})
    assert response["X-Cache"] == "BYPASS"
    assert "Tìm thấy 1 kết quả" in response.content.decode()


@pytest.mark.django_db
def test_bad_filters_are_not_cached(client, articles):
    assert client.get(URL, {"q": "giam sat", "year": "x"}).status_code == 400
    response = client.get(URL, {"q": "giam sat", "year": "x"})
    assert response.status_code == 400 and response["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_the_form_alone_is_cached_too(client, category, django_assert_num_queries):
    client.get(URL)
    with django_assert_num_queries(0):
        assert client.get(URL)["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_the_number_of_cached_searches_is_bounded(client, articles, settings):
    settings.SEARCH_CACHE_MAX_ENTRIES = 3
    words = ["giam sat", "giam", "sat", "chuyen de", "chuyen", "de"]
    for q in words:
        assert client.get(URL, {"q": q}).status_code == 200
    again = [client.get(URL, {"q": q})["X-Cache"] for q in words]
    assert again == ["HIT"] * 3 + ["MISS"] * 3


@pytest.mark.django_db
def test_zero_seconds_switches_the_search_cache_off(client, articles, settings):
    settings.SEARCH_CACHE_SECONDS = 0
    client.get(URL, {"q": "giam sat"})
    response, sql = queries(client, URL, {"q": "giam sat"})
    assert response["X-Cache"] == "BYPASS" and sql


@pytest.mark.django_db
def test_cached_results_keep_to_the_generation(client, articles):
    client.get(URL, {"q": "giam sat"})
    page_cache.invalidate()
    assert client.get(URL, {"q": "giam sat"})["X-Cache"] == "MISS"
