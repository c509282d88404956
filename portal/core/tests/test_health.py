"""/healthz/ for load balancers: checks the database and the cache, never cached."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthy_when_database_and_cache_answer(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_health_is_never_served_from_the_page_cache(client):
    client.get("/healthz/")
    response = client.get("/healthz/")
    assert response["X-Cache"] == "BYPASS"
    assert "no-cache" in response["Cache-Control"]


def test_degraded_but_serving_when_the_cache_is_unreachable(client):
    unreachable = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/healthz/")
    # Pages are still served (uncached): the balancer keeps the app, monitoring sees it.
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}
