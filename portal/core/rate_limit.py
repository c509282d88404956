"""How often one address may ask for something costly: a sliding-window counter
in the cache, and the Vietnamese 429 page.

``consume(scope, address, limit, seconds)`` counts one request of ``address`` in
windows of ``seconds``; the rate is the current window's count plus the
previous window's, weighted by how much of it still lies within the last
``seconds`` (the "sliding window counter": two integers per address, no list of
timestamps, no burst of twice the limit at a window's edge). A request over
``limit`` is refused and not counted, so a visitor who waits ``Retry-After``
seconds is served again. IPv6 addresses are counted per /64, the block one
subscriber gets.

The counters live in the default cache (Redis ``INCR`` in production, local
memory in development). When the cache does not answer (``portal.core.cache``'s
circuit breaker makes it answer as empty) every request is let through: the
limit fails open, the service stays up.
"""

import ipaddress
import logging
import math
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

KEY_PREFIX = "rate"
FALLBACK_HTML = (
    "<!doctype html><html lang='vi'><meta charset='utf-8'>"
    "<title>Quá nhiều yêu cầu (429)</title>"
    "<h1>Quá nhiều yêu cầu (lỗi 429)</h1>"
    "<p>Vui lòng thử lại sau ít phút hoặc <a href='/'>về trang chủ</a>.</p></html>"
)


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # seconds, when refused


ALLOWED = Verdict(True)


def client_key(address: str) -> str:
    """The address a limit counts: IPv4 as is, IPv6 by its /64 network."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped is not None:  # ::ffff:203.0.113.7 is 203.0.113.7
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _key(scope: str, client: str, window: int) -> str:
    return f"{KEY_PREFIX}:{scope}:{client}:{window}"


def consume(scope: str, address: str, limit: int, seconds: int, now: float | None = None):
    """Count a request of ``address`` against ``limit`` per ``seconds``: a ``Verdict``.
    ``limit`` 0 (or less) means no limit."""
    if limit <= 0 or seconds <= 0:
        return ALLOWED
    now = time.time() if now is None else now
    window, into = divmod(now, seconds)
    window = int(window)
    client = client_key(address)
    current_key = _key(scope, client, window)
    try:
        if cache.add(current_key, 1, timeout=2 * seconds + 1):
            current = 1
        else:
            current = cache.incr(current_key)
        previous = cache.get(_key(scope, client, window - 1), 0)
    except ValueError:  # the counter expired between add and incr
        return ALLOWED
    except Exception:  # noqa: BLE001 - a cache failure never refuses a visitor
        logger.exception("rate limit: cache unreachable, request let through")
        return ALLOWED
    if current is None:  # the breaker is open: the cache answers as empty
        return ALLOWED
    weight = 1 - into / seconds
    if previous * weight + current <= limit + 1e-9:  # (floating point)
        return ALLOWED
    try:
        cache.decr(current_key)  # a refused request is not counted
    except Exception:  # noqa: BLE001
        pass
    return Verdict(False, retry_after(limit, seconds, into, previous, current - 1))


def retry_after(limit: int, seconds: int, into: float, previous: int, current: int) -> int:
    """Seconds until one more request fits, if none is made meanwhile. ``current`` and
    ``previous`` are the counts of this window and the one before, ``into`` how far
    this window has run."""
    room = limit - 1 - current  # what the previous window's share must fall to
    if room >= 0:
        # Within this window, as the previous window slides out.
        wait = seconds * (1 - room / previous) - into if previous else 0.0
        if wait < seconds - into:
            return max(1, math.ceil(wait))
    # In the next window, as this one slides out.
    wait = (seconds - into) + max(0.0, seconds * (1 - (limit - 1) / current)) if current else 0
    return max(1, math.ceil(wait))


def wait_text(seconds: int) -> str:
    """``95`` → "1 phút 35 giây"."""
    minutes, rest = divmod(max(1, int(seconds)), 60)
    parts = [f"{minutes} phút"] if minutes else []
    if rest or not minutes:
        parts.append(f"{rest} giây")
    return " ".join(parts)


def too_many_requests(verdict: Verdict, template: str = "429.html", **context) -> HttpResponse:
    """The Vietnamese 429 page with ``Retry-After``, never stored by any cache. Rendered
    without a request context: it asks nothing of the database."""
    context = {"retry_after": verdict.retry_after, "wait": wait_text(verdict.retry_after)} | context
    try:
        html = loader.get_template(template).render(context)
    except Exception:  # noqa: BLE001 - the refusal itself must never fail
        logger.exception("rate limit: the 429 page could not be rendered")
        html = FALLBACK_HTML
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(verdict.retry_after)
    response["Cache-Control"] = "no-store"
    return response
