"""Django's Redis cache, made for a portal that must keep serving when Redis fails.

- One Redis client per connection pool: Django's ``RedisCacheClient.get_client``
  builds a new ``redis.Redis`` object on every cache call; with redis-py 8 that
  costs more than the network round trip (it registers its response callbacks
  each time). A ``redis.Redis`` client is safe to share between threads (it takes
  a connection from its pool per command), so one per pool is kept and reused.
- A circuit breaker: when a call fails with a connection or timeout error, the
  cache answers as if empty (``get`` → default, ``set``/``add`` → nothing stored)
  for ``BREAKER_SECONDS`` without asking Redis again, then tries once more. Every
  caller (the page cache, the fragments, Wagtail's site lookup, the health check)
  gets that behaviour without a guard of its own; pages are then built uncached.
  One warning is logged when an outage starts and one line when it ends, not one
  per call.
- One breaker per process and server: Django builds a cache object per thread, so
  a breaker per object would let every thread of a worker find the outage on its
  own (a hung Redis: one timeout per thread every ``BREAKER_SECONDS``, one warning
  per thread). When the breaker cools down, one caller tries Redis again (half
  open); the others keep the fallback until that try answers.
- Bounded waits: the connection pool gets connect and read timeouts
  (``CACHES["default"]["OPTIONS"]`` in settings, from ``REDIS_TIMEOUT_SECONDS``), so
  a hung Redis costs a request at most one timeout before the breaker opens.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.core.signals import setting_changed
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

BREAKER_SECONDS = 5.0
FAILURES = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError, OSError)


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class CircuitBreaker:
    """Closed while the cache answers; open for ``seconds`` after a failure."""

    def __init__(self, seconds: float = BREAKER_SECONDS):
        self.seconds = seconds
        self.open_until = 0.0
        self.down = False
        self._lock = threading.Lock()

    def allows(self) -> bool:
        now = time.monotonic()
        if now < self.open_until:
            return False
        if not self.down:
            return True
        with self._lock:  # half open: this caller tries, the others wait for its answer
            if not self.down:
                return True
            if now < self.open_until:
                return False
            self.open_until = now + self.seconds
            return True

    def failed(self, error: Exception) -> None:
        with self._lock:
            self.open_until = time.monotonic() + self.seconds
            if not self.down:
                self.down = True
                logger.warning(
                    "cache unreachable: serving pages uncached, next try in %.0f s",
                    self.seconds,
                    extra={"error": f"{type(error).__name__}: {error}"},
                )

    def succeeded(self) -> None:
        if self.down:
            with self._lock:
                if self.down:
                    self.down = False
                    self.open_until = 0.0
                    logger.warning("cache reachable again")


_breakers: dict[tuple[str, float], CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def shared_breaker(server, seconds: float) -> CircuitBreaker:
    """The breaker of ``server`` in this process, shared by every thread's cache object."""
    key = (str(server), seconds)
    with _breakers_lock:
        breaker = _breakers.get(key)
        if breaker is None:
            breaker = _breakers[key] = CircuitBreaker(seconds)
        return breaker


def _forget_breakers(*, setting, **kwargs):
    """A test that changes CACHES starts with closed breakers."""
    if setting == "CACHES":
        with _breakers_lock:
            _breakers.clear()


setting_changed.connect(_forget_breakers)


def _guarded(name, fallback):
    def method(self, *args, **kwargs):
        if not self.breaker.allows():
            return fallback(*args, **kwargs)
        try:
            result = getattr(super(PortalRedisCache, self), name)(*args, **kwargs)
        except FAILURES as error:
            self.breaker.failed(error)
            return fallback(*args, **kwargs)
        self.breaker.succeeded()
        return result

    method.__name__ = name
    return method


def _default(key, default=None, *args, **kwargs):
    return default


class PortalRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self.breaker = shared_breaker(server, float(params.get("BREAKER_SECONDS", BREAKER_SECONDS)))

    @property
    def available(self) -> bool:
        """False while the breaker is open (the health check reports it)."""
        return not self.breaker.down

    get = _guarded("get", _default)
    get_many = _guarded("get_many", lambda keys, *a, **k: {})
    set = _guarded("set", lambda *a, **k: None)
    set_many = _guarded("set_many", lambda data, *a, **k: list(data))
    add = _guarded("add", lambda *a, **k: False)
    touch = _guarded("touch", lambda *a, **k: False)
    delete = _guarded("delete", lambda *a, **k: False)
    delete_many = _guarded("delete_many", lambda *a, **k: None)
    has_key = _guarded("has_key", lambda *a, **k: False)
    incr = _guarded("incr", lambda *a, **k: None)
    clear = _guarded("clear", lambda *a, **k: False)
