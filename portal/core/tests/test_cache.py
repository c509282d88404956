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
