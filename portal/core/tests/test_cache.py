import os

import pytest
from django.core.cache.backends.redis import RedisCache

from portal.core.cache import PortalRedisCache

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_cache():
    cache = PortalRedisCache(REDIS_URL, {"KEY_PREFIX": "test-portal-cache"})
    yield cache
    cache.delete_many(["a", "b"])


def test_reuses_one_client_per_pool(redis_cache):
    first = redis_cache._cache.get_client("a")
    assert redis_cache._cache.get_client("b") is first
    assert redis_cache._cache.get_client("a", write=True) is redis_cache._cache.get_client(
        "b", write=True
    )


def test_behaves_like_django_redis_cache(redis_cache):
    stock = RedisCache(REDIS_URL, {"KEY_PREFIX": "test-portal-cache"})
    redis_cache.set("a", {"số": 490000}, 30)
    assert stock.get("a") == {"số": 490000}
    redis_cache.delete("b")
    assert redis_cache.add("b", 1, 30)
    assert redis_cache.incr("b") == 2
    assert stock.get("b") == 2


DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens there: connection refused


@pytest.fixture
def dead_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.core.cache.PortalRedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    from django.core.cache import caches

    yield caches["default"]


def test_a_dead_redis_answers_as_an_empty_cache_and_logs_once(dead_cache, caplog):
    caplog.set_level("WARNING", logger="portal.core.cache")
    assert dead_cache.get("a", "mặc định") == "mặc định"
    assert dead_cache.add("a", 1) is False
    dead_cache.set("a", 1)
    assert dead_cache.get_many(["a", "b"]) == {}
    assert dead_cache.available is False
    messages = [r.getMessage() for r in caplog.records if r.name == "portal.core.cache"]
    assert len(messages) == 1 and messages[0].startswith("cache unreachable")


def test_the_breaker_does_not_ask_a_dead_redis_again_until_it_cools_down(dead_cache):
    import time

    dead_cache.get("a")  # trips the breaker (one refused connection)
    started = time.perf_counter()
    for _ in range(1000):
        dead_cache.get("a")
    assert time.perf_counter() - started < 0.5  # no network at all while open


@pytest.mark.django_db
def test_every_public_page_is_served_while_redis_is_dead(dead_cache, client, category):
    from portal.news.factories import ArticlePageFactory

    article = ArticlePageFactory(parent=category, title="Kỳ họp thứ 13")
    for url in ("/", category.url, article.url, "/search/?q=ky+hop", "/rss/", "/sitemap.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Cache"] in ("MISS", "BYPASS"), url


def test_a_live_redis_closes_the_breaker_again(redis_cache, caplog):
    caplog.set_level("WARNING", logger="portal.core.cache")
    redis_cache.breaker.failed(ConnectionError("mô phỏng"))
    redis_cache.breaker.open_until = 0  # cooled down
    redis_cache.set("a", 1, 30)
    assert redis_cache.get("a") == 1 and redis_cache.available
    assert [r.getMessage() for r in caplog.records][-1] == "cache reachable again"


def test_every_thread_of_a_process_shares_the_breaker(dead_cache):
    import threading

    from django.core.cache import caches

    dead_cache.get("a")  # one refused connection opens the breaker
    seen = {}

    def other_thread():
        cache = caches["default"]  # Django builds a cache object per thread
        seen["own object"] = cache is not dead_cache
        seen["open"] = cache.breaker is dead_cache.breaker and not cache.available

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert seen == {"own object": True, "open": True}


def test_a_cooled_down_breaker_lets_one_caller_try():
    from portal.core.cache import CircuitBreaker

    breaker = CircuitBreaker(seconds=60)
    breaker.failed(ConnectionError("mô phỏng"))
    assert not breaker.allows()
    breaker.open_until = 0  # cooled down
    assert breaker.allows()  # this caller tries Redis again
    assert not breaker.allows()  # the others keep the fallback meanwhile
    breaker.succeeded()
    assert breaker.allows() and breaker.allows()
