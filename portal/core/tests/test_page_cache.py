"""The full-page cache middleware: keys, bypass rules, lifetime."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal.core import page_cache
from portal.core.visibility import next_visibility_change
from portal.news.factories import ArticlePageFactory


@pytest.mark.django_db
def test_second_anonymous_get_is_a_hit_without_any_query(client, django_assert_num_queries):
    first = client.get("/robots.txt")
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/robots.txt")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.django_db
def test_a_cached_wagtail_page_is_served_without_any_query(
    client, category, django_assert_num_queries
):
    ArticlePageFactory(parent=category, title="Tin đã đăng")
    assert client.get(category.url)["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        response = client.get(category.url)
    assert response["X-Cache"] == "HIT"
    assert "Tin đã đăng" in response.content.decode()


@pytest.mark.django_db
def test_head_is_answered_from_the_entry_of_get(client):
    client.get("/robots.txt")
    response = client.head("/robots.txt")
    assert response["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_head_miss_is_not_stored(client):
    client.head("/robots.txt")
    assert client.get("/robots.txt")["X-Cache"] == "MISS"


def test_query_parameters_are_sorted_and_trackers_dropped():
    assert page_cache.normalised_query("b=2&a=1&utm_source=x&fbclid=y") == "a=1&b=2"
    assert page_cache.normalised_query("q=k%E1%BB%B3+h%E1%BB%8Dp") == "q=k%E1%BB%B3+h%E1%BB%8Dp"
    assert page_cache.normalised_query("") == ""


@pytest.mark.django_db
def test_same_query_in_another_order_shares_the_entry(client, category):
    year = timezone.localdate().year
    assert client.get(f"{category.url}?nam={year}&page=1")["X-Cache"] == "MISS"
    again = client.get(f"{category.url}?page=1&utm_campaign=z&nam={year}")
    assert again["X-Cache"] == "HIT"
    assert client.get(f"{category.url}?nam={year - 1}&page=1")["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_parameters_a_page_never_reads_share_its_entry(client):
    client.get("/robots.txt?a=1&b=2")
    assert client.get("/robots.txt?a=1&b=3")["X-Cache"] == "HIT"
    assert client.get("/robots.txt")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_host_is_part_of_the_key(client):
    client.get("/robots.txt", HTTP_HOST="localhost")
    assert client.get("/robots.txt", HTTP_HOST="127.0.0.1")["X-Cache"] == "MISS"
    assert client.get("/robots.txt", HTTP_HOST="127.0.0.1")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_a_session_cookie_bypasses_the_cache(client):
    client.get("/robots.txt")
    client.cookies[settings.SESSION_COOKIE_NAME] = "any"
    assert client.get("/robots.txt")["X-Cache"] == "BYPASS"


@pytest.mark.django_db
def test_logged_in_users_bypass_the_cache(client, django_user_model, category):
    ArticlePageFactory(parent=category)
    client.get(category.url)
    user = django_user_model.objects.create_user("bientap", password="x")
    client.force_login(user)
    response = client.get(category.url)
    assert response.status_code == 200
    assert response["X-Cache"] == "BYPASS"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/", "/healthz/", "/django-admin/login/"])
def test_excluded_paths_bypass(client, path):
    client.get(path)
    assert client.get(path)["X-Cache"] == "BYPASS"


@pytest.mark.django_db
def test_other_methods_bypass(client):
    assert client.post("/robots.txt")["X-Cache"] == "BYPASS"


@pytest.mark.django_db
def test_not_found_is_never_stored(client):
    assert client.get("/khong-co-trang-nay/").status_code == 404
    assert client.get("/khong-co-trang-nay/")["X-Cache"] == "MISS"


def test_only_plain_200_without_cookies_or_private_headers_is_cacheable():
    assert page_cache.response_is_cacheable(HttpResponse("ok"))
    assert not page_cache.response_is_cacheable(HttpResponse("x", status=302))
    with_cookie = HttpResponse("ok")
    with_cookie.set_cookie("csrftoken", "abc")
    assert not page_cache.response_is_cacheable(with_cookie)
    for value in ("private", "no-cache", "max-age=0, no-cache, no-store, must-revalidate"):
        response = HttpResponse("ok")
        response["Cache-Control"] = value
        assert not page_cache.response_is_cacheable(response)


@pytest.mark.django_db
@pytest.mark.parametrize("restriction_type", ["password", "login"])
def test_pages_with_a_view_restriction_are_never_stored(client, category, restriction_type):
    article = ArticlePageFactory(parent=category)
    PageViewRestriction.objects.create(
        page=article, restriction_type=restriction_type, password="mat-khau"
    )
    first = client.get(article.url)
    second = client.get(article.url)
    assert first["X-Cache"] == second["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_visitor_who_unlocked_a_password_page_bypasses_the_cache(client, category):
    article = ArticlePageFactory(parent=category, title="Tin có mật khẩu")
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type="password", password="mat-khau"
    )
    client.get(category.url)  # the anonymous listing is now cached
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.id}/{article.id}/",
        {"password": "mat-khau", "return_url": article.url},
    )
    assert response.status_code == 302
    assert settings.SESSION_COOKIE_NAME in client.cookies
    unlocked = client.get(article.url)
    assert unlocked.status_code == 200
    assert unlocked["X-Cache"] == "BYPASS"
    assert "Tin có mật khẩu" in unlocked.content.decode()
    assert client.get(category.url)["X-Cache"] == "BYPASS"


@pytest.mark.django_db
def test_invalidate_makes_every_entry_stale(client):
    client.get("/robots.txt")
    before = page_cache.current_generation()
    page_cache.invalidate()
    assert page_cache.current_generation() > before
    assert client.get("/robots.txt")["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_a_lost_generation_counter_never_revives_old_entries(client):
    client.get("/robots.txt")
    old = page_cache.current_generation()
    from django.core.cache import cache

    cache.delete(page_cache.GENERATION_KEY)
    assert page_cache.current_generation() > old
    assert client.get("/robots.txt")["X-Cache"] == "MISS"


@pytest.mark.django_db
@override_settings(PAGE_CACHE_SECONDS=0)
def test_zero_seconds_switches_the_cache_off(client):
    client.get("/robots.txt")
    assert client.get("/robots.txt")["X-Cache"] == "BYPASS"


# --- lifetime ---------------------------------------------------------------


@pytest.mark.django_db
def test_without_schedules_entries_live_page_cache_seconds(category):
    ArticlePageFactory(parent=category)
    assert next_visibility_change() is None
    assert page_cache.entry_timeout() == settings.PAGE_CACHE_SECONDS


@pytest.mark.django_db
def test_next_change_is_the_earliest_expiry_of_a_live_page(category):
    now = timezone.now()
    ArticlePageFactory(parent=category, expire_at=now + timedelta(minutes=3))
    ArticlePageFactory(parent=category, expire_at=now + timedelta(minutes=1))
    ArticlePageFactory(parent=category, expire_at=now + timedelta(seconds=20), live=False)
    change = next_visibility_change(now)
    assert abs((change - (now + timedelta(minutes=1))).total_seconds()) < 0.01
    assert 59 <= page_cache.entry_timeout(now) <= 60


@pytest.mark.django_db
def test_next_change_includes_a_scheduled_revision(category):
    now = timezone.now()
    ArticlePageFactory(parent=category, expire_at=now + timedelta(minutes=10))
    draft = ArticlePageFactory(parent=category, live=False)
    draft.go_live_at = now + timedelta(minutes=2)
    draft.save_revision().publish()
    draft.refresh_from_db()
    assert not draft.live
    change = next_visibility_change(now)
    assert abs((change - (now + timedelta(minutes=2))).total_seconds()) < 0.01


@pytest.mark.django_db
def test_next_change_costs_one_query(category, django_assert_num_queries):
    ArticlePageFactory(parent=category, expire_at=timezone.now() + timedelta(hours=1))
    with django_assert_num_queries(1):
        next_visibility_change()


@pytest.mark.django_db
def test_an_expired_page_never_lingers_in_a_cached_listing(client, category):
    ArticlePageFactory(
        parent=category, title="Tin sắp hết hạn", expire_at=timezone.now() + timedelta(seconds=2)
    )
    first = client.get(category.url)
    assert "Tin sắp hết hạn" in first.content.decode()
    assert client.get(category.url)["X-Cache"] == "HIT"
    time.sleep(2.5)
    later = client.get(category.url)
    assert later["X-Cache"] == "MISS"
    assert "Tin sắp hết hạn" not in later.content.decode()


UNREACHABLE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


@pytest.mark.django_db
def test_an_unreachable_cache_serves_pages_uncached(client):
    with override_settings(CACHES=UNREACHABLE_CACHE):
        response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["X-Cache"] == "BYPASS"


@pytest.mark.django_db
def test_an_unreachable_cache_does_not_stop_invalidation_callers():
    with override_settings(CACHES=UNREACHABLE_CACHE):
        page_cache.invalidate()  # logs, does not raise


# --- the parameters a page reads --------------------------------------------------


def stored_entries() -> list[str]:
    """The keys of the current generation's entries in the cache backend (local
    memory or Redis), whatever path they belong to."""
    from django.core.cache import cache

    prefix = f"{page_cache.ENTRY_KEY_PREFIX}:{page_cache.current_generation()}:"
    backend = cache._cache
    if isinstance(backend, dict):  # LocMemCache
        return [key for key in list(backend) if prefix in key]
    client = backend.get_client()  # Django's RedisCacheClient
    return [key.decode() for key in client.scan_iter(match=f"*{prefix}*", count=1000)]


def test_recording_query_dict_notes_each_name_read():
    query = page_cache.RecordingQueryDict("page=2&nam=2019&x=1&x=2")
    assert query.names_read() == frozenset()  # building it reads nothing
    assert query.get("page") == "2"
    assert query["nam"] == "2019"
    assert query.getlist("thang") == []
    assert "q" not in query
    assert query.names_read() == {"page", "nam", "thang", "q"}
    assert query.pairs(frozenset({"x", "page"})) == [("page", "2"), ("x", "1"), ("x", "2")]
    assert query.names_read() == {"page", "nam", "thang", "q"}  # pairs() does not record


@pytest.mark.parametrize(
    "read_all",
    [
        list,
        len,
        bool,
        repr,
        lambda q: q.copy(),
        lambda q: q.urlencode(),
        lambda q: list(q.items()),
        lambda q: list(q.lists()),
        lambda q: list(q.keys()),
        lambda q: list(q.values()),
        lambda q: q.dict(),
        lambda q: q == {},
    ],
)
def test_reading_the_whole_query_counts_as_reading_every_name(read_all):
    query = page_cache.RecordingQueryDict("page=2&x=1")
    read_all(query)
    assert query.names_read() == page_cache.ALL


def test_names_are_merged_and_never_shrink():
    assert page_cache.merged_names(None, frozenset({"page"})) == {"page"}
    assert page_cache.merged_names(frozenset({"page"}), frozenset({"nam"})) == {"page", "nam"}
    assert page_cache.merged_names(frozenset({"page"}), page_cache.ALL) == page_cache.ALL
    assert page_cache.merged_names(page_cache.ALL, frozenset()) == page_cache.ALL
    many = frozenset(f"p{i}" for i in range(page_cache.MAX_NAMES + 1))
    assert page_cache.merged_names(None, many) == page_cache.ALL


@pytest.mark.django_db
def test_random_parameters_leave_one_entry_per_page(client, category):
    ArticlePageFactory(parent=category, title="Tin chuyên mục")
    for url in ("/", category.url, "/robots.txt"):
        first = client.get(url)
        assert first["X-Cache"] == "MISS", url
    assert len(stored_entries()) == 3
    for i in range(200):
        url = ("/", category.url, "/robots.txt")[i % 3]
        response = client.get(url, {"x": f"ngẫu-nhiên-{i}-{time.time_ns()}"})
        assert response.status_code == 200, url
        assert response["X-Cache"] == "HIT", (url, i)
    assert len(stored_entries()) == 3


@pytest.mark.django_db
def test_a_path_without_a_record_is_built_and_recorded(client, category):
    ArticlePageFactory(parent=category)
    assert client.get(category.url, {"x": "1"})["X-Cache"] == "MISS"
    assert client.get(category.url, {"x": "2"})["X-Cache"] == "HIT"
    assert client.get(category.url)["X-Cache"] == "HIT"


@pytest.fixture
def two_pages(category):
    """21 articles: page 2 of the category holds the oldest one alone."""
    articles = [ArticlePageFactory(parent=category, title=f"Tin số {i:02d}") for i in range(21)]
    return category, articles


@pytest.mark.django_db
def test_a_parameter_the_page_reads_makes_its_own_entry(client, two_pages):
    category, articles = two_pages
    first = client.get(category.url).content.decode()
    second = client.get(category.url, {"page": "2"})
    assert second["X-Cache"] == "MISS"
    html = second.content.decode()
    assert "Tin số 00" in html and "Tin số 20" not in html
    assert "Tin số 20" in first and "Tin số 00" not in first
    again = client.get(f"{category.url}?x=1&page=2&fbclid=abc")
    assert again["X-Cache"] == "HIT"
    assert again.content == second.content
    assert client.get(category.url)["X-Cache"] == "HIT"
    assert len(stored_entries()) == 2


@pytest.mark.django_db
def test_pagination_links_carry_only_the_listings_parameters(client, two_pages):
    category, _ = two_pages
    year = timezone.localdate().year
    html = client.get(f"{category.url}?x=%3Cb%3E&page=2&utm_source=z").content.decode()
    assert "x=%3Cb%3E" not in html and "&lt;b&gt;" not in html and "utm_source" not in html
    assert f'href="{category.url}" rel="prev"' in html  # page 1 is the plain address
    html = client.get(f"{category.url}?nam={year}&x=1").content.decode()
    assert f'href="?nam={year}&amp;page=2"' in html
    assert "?x=1" not in html and "&amp;x=1" not in html


@pytest.mark.django_db
def test_a_filter_the_page_reads_is_never_served_from_the_plain_entry(client, category):
    ArticlePageFactory(parent=category, title="Tin năm nay")
    assert "Tin năm nay" in client.get(category.url).content.decode()
    last_year = timezone.localdate().year - 1
    response = client.get(category.url, {"nam": last_year})
    assert response["X-Cache"] == "MISS"
    html = response.content.decode()
    assert "Tin năm nay" not in html
    assert f"Không có tin bài nào năm {last_year}" in html


@pytest.mark.django_db
def test_the_entries_of_one_path_are_bounded(client, two_pages, settings):
    category, _ = two_pages
    settings.PAGE_CACHE_VARIANTS = 5
    responses = [client.get(category.url, {"page": str(n)}) for n in range(1, 31)]
    assert all(r.status_code == 200 for r in responses)  # every one is served...
    assert len(stored_entries()) == 5  # ...five are stored
    assert [r["X-Cache"] for r in responses] == ["MISS"] * 30
    again = [client.get(category.url, {"page": str(n)})["X-Cache"] for n in range(1, 31)]
    assert again == ["HIT"] * 5 + ["MISS"] * 25
    assert len(stored_entries()) == 5
    # Other paths have a bound of their own.
    assert client.get("/robots.txt")["X-Cache"] == "MISS"
    assert client.get("/robots.txt")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_an_entry_never_outlives_the_window_it_was_counted_in():
    generation = page_cache.current_generation()
    scope = "/tin-tuc/"
    start = 1_700_000_000
    remaining = page_cache.claim_slot(scope, generation, 2, 600, now=start)
    assert 1 <= remaining <= 600
    window_end = start + remaining
    assert page_cache.claim_slot(scope, generation, 2, 600, now=window_end - 1) == 1
    assert page_cache.claim_slot(scope, generation, 2, 600, now=window_end - 1) is None
    # The next window counts from zero: every entry of the last one has expired.
    assert page_cache.claim_slot(scope, generation, 2, 600, now=window_end) == 600
    # Another generation (a publish) counts on its own.
    assert page_cache.claim_slot(scope, generation + 1, 2, 600, now=window_end - 1) == 1


@pytest.mark.django_db
def test_windows_of_different_paths_do_not_end_together():
    generation = page_cache.current_generation()
    ends = {
        page_cache.claim_slot(f"/trang-{i}/", generation, 10, 600, now=1_700_000_000)
        for i in range(20)
    }
    assert len(ends) > 10
