import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def health(request):
    """For load balancers: 503 when the database does not answer, else 200.

    Without the cache the portal still serves every page (built uncached,
    ``portal.core.cache``), so a cache outage is reported as ``"degraded"`` with
    200: taking every app server out of the balancer because Redis is down would
    turn a slower site into no site. Monitoring alerts on ``"degraded"``.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - report any failure as unhealthy
        logger.error("health check: database failed", extra={"error": str(exc)})
        checks["database"] = "error"
    try:
        cache.set("healthz", "1", 10)
        answered = cache.get("healthz") == "1" and getattr(cache, "available", True)
        checks["cache"] = "ok" if answered else "error"
    except Exception as exc:  # noqa: BLE001
        logger.error("health check: cache failed", extra={"error": str(exc)})
        checks["cache"] = "error"
    if checks["database"] != "ok":
        status, code = "error", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, **checks}, status=code)
