import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.core.factories import AuthorFactory
from portal.news.factories import ArticlePageFactory, GalleryPageFactory
from portal.search.models import SearchEntry

URL = "/search/"


def test_url_name():
    assert reverse("search") == URL


@pytest.mark.django_db
def test_empty_search_shows_the_form(client, category):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="vi"' in html
    assert '<label for="id_q">Từ khóa</label>' in html
    assert "Thường trực HĐND" in html  # category filter choice
    assert "Tìm thấy" not in html
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_results_are_highlighted_with_category_date_and_count(client, category):
    article = ArticlePageFactory(
        parent=category,
        title="Khai mạc kỳ họp thứ 13",
        lead="Đại biểu HĐND tỉnh Bắc Kạn dự kỳ họp.",
    )
    GalleryPageFactory(parent=category, title="Ảnh kỳ họp thứ 13", intro="Phiên khai mạc.")
    response = client.get(URL, {"q": "ky hop"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tìm thấy 2 kết quả" in html
    assert "Khai mạc <mark>kỳ họp</mark> thứ 13" in html
    assert "Bắc Kạn dự <mark>kỳ họp</mark>." in html
    assert f'href="{article.url}"' in html
    assert article.url == "/tin-tuc/thuong-truc-hdnd/khai-mac-ky-hop-thu-13/"
    assert '<span class="category">Thường trực HĐND</span>' in html
    assert article.first_published_at.astimezone().strftime("%Y") in html
    from django.utils import timezone

    assert timezone.localtime(article.first_published_at).strftime("%d/%m/%Y") in html


@pytest.mark.django_db
def test_result_count_uses_vietnamese_grouping(client, category):
    from django.utils import timezone

    article = ArticlePageFactory(parent=category, title="Giám sát")
    template = SearchEntry.objects.get(page_id=article.pk)
    from wagtail.models import Page

    # Index rows for 1.233 more pages (bare pages under the category: no factory needed).
    pages = [Page(title=f"Giám sát {i}", slug=f"giam-sat-{i}", live=True) for i in range(1233)]
    parent = Page.objects.get(pk=category.pk)
    created = [parent.add_child(instance=page) for page in pages[:3]]
    SearchEntry.objects.bulk_create(
        [
            SearchEntry(
                content_type_id=template.content_type_id,
                object_id=page.pk,
                page=page,
                facets=template.facets,
                published_at=timezone.now(),
                title=page.title,
                title_folded=template.title_folded,
                text_folded=template.text_folded,
                search_vector=template.search_vector,
            )
            for page in created
        ]
    )
    response = client.get(URL, {"q": "giam sat"})
    assert "Tìm thấy 4 kết quả" in response.content.decode()


@pytest.mark.django_db
def test_capped_count_says_more_than(client, category, monkeypatch):
    from portal.search import selectors, views

    monkeypatch.setattr(views, "PER_PAGE", 2)
    monkeypatch.setattr(selectors, "RESULT_CAP", 3)
    for i in range(5):
        ArticlePageFactory(parent=category, title=f"Giám sát số {i}")
    html = client.get(URL, {"q": "giam sat", "page": "7"}).content.decode()
    assert "Tìm thấy hơn 3 kết quả cho “giam sat” (trang 2/2)" in html
    assert 'rel="next"' not in html


@pytest.mark.django_db
def test_pagination_and_out_of_range_pages(client, category, monkeypatch):
    from portal.search import views

    monkeypatch.setattr(views, "PER_PAGE", 2)
    for i in range(5):
        ArticlePageFactory(parent=category, title=f"Giám sát số {i}")
    first = client.get(URL, {"q": "giam sat"}).content.decode()
    assert "Tìm thấy 5 kết quả cho “giam sat” (trang 1/3)" in first
    assert 'href="?q=giam+sat&amp;page=2" rel="next"' in first
    for value, number in (("abc", 1), ("99999", 3), ("-1", 1), ("0", 1), ("2", 2), ("3", 3)):
        response = client.get(URL, {"q": "giam sat", "page": value})
        assert response.status_code == 200, value
        assert f"(trang {number}/3)" in response.content.decode(), value
    # filters survive in the pagination links
    html = client.get(URL, {"q": "giam sat", "category": category.pk}).content.decode()
    assert f'href="?q=giam+sat&amp;category={category.pk}&amp;page=2"' in html


@pytest.mark.django_db
def test_filters_in_the_view(client, category, other_category):
    ArticlePageFactory(parent=category, title="Giám sát ở đây")
    ArticlePageFactory(parent=other_category, title="Giám sát ở kia")
    html = client.get(URL, {"q": "giam sat", "category": other_category.pk}).content.decode()
    assert "Tìm thấy 1 kết quả" in html and "ở kia" in html and "ở đây" not in html
    year = timezone.localtime(SearchEntry.objects.first().published_at).year
    html = client.get(URL, {"q": "giam sat", "year": year}).content.decode()
    assert "Tìm thấy 2 kết quả" in html
    html = client.get(URL, {"q": "giam sat", "year": year - 1}).content.decode()
    assert "Tìm thấy 0 kết quả" in html and "Không có kết quả phù hợp" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "giam sat", "year": "x"}, "Năm không hợp lệ."),
        ({"q": "giam sat", "year": "99999999999999999999"}, "Năm không hợp lệ."),
        ({"q": "giam sat", "category": "abc"}, "Chuyên mục không hợp lệ"),
        ({"q": "giam sat", "category": "999999"}, "Chuyên mục không hợp lệ"),
    ],
)
def test_bad_filters_give_a_vietnamese_400(client, category, params, message):
    ArticlePageFactory(parent=category, title="Giám sát")
    response = client.get(URL, params)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.django_db
def test_private_category_is_not_offered_as_a_filter(client, category, other_category):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=other_category, restriction_type="login")
    html = client.get(URL).content.decode()
    assert "Thường trực HĐND" in html and "Các Ban HĐND" not in html


@pytest.mark.django_db
def test_hostile_queries_never_fail(client, category):
    ArticlePageFactory(parent=category, title="Giám sát kỳ họp")
    long_q = "ky hop " * 1430  # 10.010 characters
    response = client.get(URL, {"q": long_q})
    assert response.status_code == 200
    assert "Tìm thấy 1 kết quả" in response.content.decode()
    assert long_q not in response.content.decode()

    response = client.get(URL, {"q": '<script>alert("x")</script> ky hop'})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html

    assert client.get(URL + "?q=ky%00hop").status_code == 400  # NUL byte
    assert client.get(URL + "?q=%E1%BB").status_code == 400  # truncated UTF-8
    response = client.get(URL + "?q=100%25+%zz+ky+hop")  # stray percent signs
    assert response.status_code == 200
    for q in ["*", "'", "&", "|", "!", ":*", "(", "\\", "%", "_", "a & b | !c", "ky:*A"]:
        assert client.get(URL, {"q": q}).status_code == 200, q


@pytest.mark.django_db
def test_view_escapes_nul_even_without_the_middleware(rf, category):
    from portal.search.views import search

    ArticlePageFactory(parent=category, title="Kỳ họp")
    request = rf.get(URL, {"q": "ky\x00hop"})
    response = search(request)
    assert response.status_code == 200


@pytest.mark.django_db
def test_drafts_private_and_expired_pages_never_appear(client, category, other_category):
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import PageViewRestriction

    ArticlePageFactory(parent=category, title="Giám sát MARKER-DRAFT", live=False)
    expired = ArticlePageFactory(parent=category, title="Giám sát MARKER-EXPIRED")
    expired.expire_at = timezone.now() - timedelta(seconds=1)
    expired.save(update_fields=["expire_at"])
    PageViewRestriction.objects.create(page=other_category, restriction_type="login")
    ArticlePageFactory(parent=other_category, title="Giám sát MARKER-PRIVATE")
    ArticlePageFactory(parent=category, title="Giám sát công khai")
    html = client.get(URL, {"q": "giam sat"}).content.decode()
    assert "Tìm thấy 1 kết quả" in html
    assert "MARKER" not in html


def _count_queries(client, q):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, {"q": q})
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_number_of_articles(
    client, category, other_category, settings
):
    settings.SEARCH_CACHE_SECONDS = 0  # the search itself, not its cache

    def add(n):
        for i in range(n):
            ArticlePageFactory(
                parent=category if i % 2 else other_category,
                title=f"Kỳ họp chuyên đề {i}",
                topics=["Kỳ họp", "Ngân sách"],
                authors=[AuthorFactory(), AuthorFactory()],
            )

    add(3)
    _count_queries(client, "ky hop")  # warm per-process caches (site root paths...)
    small = _count_queries(client, "ky hop")
    add(12)
    large = _count_queries(client, "ky hop")
    assert small == large
    assert "Tìm thấy 15 kết quả" in client.get(URL, {"q": "ky hop"}).content.decode()


# --- rate limit (portal.core.rate_limit) -------------------------------------------


def search_from(client, address, q, **extra):
    return client.get(URL, {"q": q}, REMOTE_ADDR=address, **extra)


@pytest.mark.django_db
def test_an_address_past_its_limit_gets_a_vietnamese_429(client, category, settings):
    settings.SEARCH_RATE_LIMIT = 3
    ArticlePageFactory(parent=category, title="Giám sát chuyên đề")
    for q in ("giam sat", "giam", "sat"):
        assert search_from(client, "203.0.113.7", q).status_code == 200, q
    refused = search_from(client, "203.0.113.7", "chuyen de")
    html = refused.content.decode()
    assert refused.status_code == 429
    # Until one more search fits: at most two windows (this one must slide out too).
    assert 1 <= int(refused["Retry-After"]) <= 2 * settings.SEARCH_RATE_LIMIT_SECONDS
    assert "no-store" in refused["Cache-Control"]
    assert refused["X-Cache"] == "BYPASS"
    assert 'lang="vi"' in html and "Quá nhiều yêu cầu (lỗi 429)" in html
    assert "quá nhiều lượt tìm kiếm" in html and "vui lòng thử lại sau" in html
    # Another address is still served; a page already cached is free for everyone.
    other = search_from(client, "203.0.113.8", "chuyen de")
    assert other.status_code == 200 and "Tìm thấy 1 kết quả" in other.content.decode()
    cached = search_from(client, "203.0.113.7", "giam sat")
    assert cached.status_code == 200 and cached["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_the_429_page_is_never_cached(client, category, settings):
    settings.SEARCH_RATE_LIMIT = 1
    ArticlePageFactory(parent=category, title="Giám sát chuyên đề")
    search_from(client, "203.0.113.7", "giam sat")
    assert search_from(client, "203.0.113.7", "chuyen de").status_code == 429
    assert search_from(client, "203.0.113.7", "chuyen de").status_code == 429
    settings.SEARCH_RATE_LIMIT = 100
    response = search_from(client, "203.0.113.7", "chuyen de")
    assert response.status_code == 200 and response["X-Cache"] == "MISS"
    assert "Tìm thấy 1 kết quả" in response.content.decode()


@pytest.mark.django_db
def test_behind_a_proxy_each_visitor_has_a_limit_of_its_own(client, category, settings):
    settings.SEARCH_RATE_LIMIT = 2
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for q in ("giam sat", "giam"):
        response = search_from(client, proxy, q, HTTP_X_FORWARDED_FOR="203.0.113.7")
        assert response.status_code == 200
    # What a client writes into the header itself does not make it someone else.
    spoofed = search_from(client, proxy, "sat", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    assert spoofed.status_code == 429
    assert search_from(client, proxy, "sat", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 200


@pytest.mark.django_db
def test_signed_in_editors_are_not_limited(client, category, settings, django_user_model):
    settings.SEARCH_RATE_LIMIT = 1
    client.force_login(django_user_model.objects.create_user("bientap", password="x"))
    for q in ("giam sat", "giam", "sat", "ky hop"):
        assert search_from(client, "203.0.113.7", q).status_code == 200, q


@pytest.mark.django_db
def test_without_the_cache_search_works_and_the_limit_fails_open(client, category, settings):
    settings.SEARCH_RATE_LIMIT = 2
    ArticlePageFactory(parent=category, title="Giám sát chuyên đề")
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.core.cache.PortalRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    for _ in range(6):
        response = search_from(client, "203.0.113.7", "giam sat")
        assert response.status_code == 200
        assert response["X-Cache"] == "MISS"
        assert "Tìm thấy 1 kết quả" in response.content.decode()
