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
def test_same_query_in_another_order_shares_the_entry(client):
    client.get("/robots.txt?a=1&b=2")
    assert client.get("/robots.txt?b=2&a=1&utm_campaign=z")["X-Cache"] == "HIT"
    assert client.get("/robots.txt?a=1&b=3")["X-Cache"] == "MISS"


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
