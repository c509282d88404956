"""When the database fails: a Vietnamese 503 with ``Retry-After``, never the 500 page.

Cached pages keep being served from the page cache (``portal.core.page_cache``)
without the database; every other request that needs it during an outage ends
here: ``503.html`` (rendered without a request context, so neither context
processors nor the database are asked), ``Retry-After``, ``Cache-Control:
no-store``. The app recovers by itself: Django opens a new connection on the
next request once PostgreSQL answers again.

Two ways in, because Django turns an exception into a response at the layer
where it is raised:

- an error raised by a view (or while its template renders) goes through the
  middlewares' ``process_exception``: ``DatabaseOutageMiddleware`` answers it;
- an error raised inside a middleware (the session read by the admin's
  two-factor check, Wagtail's ``RedirectMiddleware`` looking up the ``Site`` and
  its redirects on a 404, a session being saved) never reaches any
  ``process_exception``; Django hands it to ``handler500``
  (``portal.core.errors.server_error``), which asks ``is_database_outage`` and
  answers through ``service_unavailable`` too.

Logging stays quiet: one WARNING line, no traceback, when an outage is first
seen by a process, then at most one line every ``LOG_INTERVAL_SECONDS`` with the
number of 503 answered since the previous line. Django's own "Service
Unavailable" ERROR line with its traceback is suppressed.
"""

import logging
import threading
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

try:  # psycopg's own errors, for code that uses a raw connection outside Django's wrapper
    from psycopg import InterfaceError as PsycopgInterfaceError
    from psycopg import OperationalError as PsycopgOperationalError
except ImportError:  # pragma: no cover - SQLite-only installs
    PsycopgInterfaceError = PsycopgOperationalError = None

logger = logging.getLogger(__name__)

DATABASE_ERRORS = tuple(
    error
    for error in (OperationalError, InterfaceError, PsycopgOperationalError, PsycopgInterfaceError)
    if error is not None
)
RETRY_AFTER_SECONDS = 30
LOG_INTERVAL_SECONDS = 10.0
CHAIN_DEPTH = 5

FALLBACK_HTML = (
    "<!doctype html><html lang='vi'><meta charset='utf-8'>"
    "<title>Hệ thống tạm thời gián đoạn (503)</title>"
    "<h1>Hệ thống tạm thời gián đoạn (lỗi 503)</h1>"
    "<p>Vui lòng thử lại sau ít phút hoặc <a href='/'>về trang chủ</a>.</p></html>"
)


def is_database_outage(error: BaseException | None) -> bool:
    """True when ``error``, or what caused it, says the database cannot be reached.

    Django wraps psycopg's connection errors (refused, reset, "terminating connection
    due to administrator command", timeouts) in ``django.db.OperationalError`` /
    ``InterfaceError``; the chain is followed a few steps for errors re-raised as
    another type.
    """
    for _ in range(CHAIN_DEPTH):
        if error is None:
            return False
        if isinstance(error, DATABASE_ERRORS):
            return True
        error = error.__cause__ or error.__context__
    return False


class OutageLog:
    """One warning line per process when an outage starts, then one per interval."""

    def __init__(self, interval: float = LOG_INTERVAL_SECONDS):
        self.interval = interval
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self._last = None
            self._suppressed = 0

    def note(self, request, error: BaseException) -> None:
        now = time.monotonic()
        with self._lock:
            if self._last is not None and now - self._last < self.interval:
                self._suppressed += 1
                return
            suppressed, self._suppressed, self._last = self._suppressed, 0, now
        summary = str(error).strip().splitlines()[0] if str(error).strip() else ""
        logger.warning(
            "database unreachable: answering 503",
            extra={
                "path": getattr(request, "path", ""),
                "error": f"{type(error).__name__}: {summary}"[:300],
                "answered_503_since_last_line": suppressed,
            },
        )


outage_log = OutageLog()


def service_unavailable(request, error: BaseException) -> HttpResponse:
    """The 503 page, built from the template alone (no context, no database)."""
    outage_log.note(request, error)
    try:
        html = loader.get_template("503.html").render()
    except Exception:  # noqa: BLE001 - the outage page itself must never fail
        html = FALLBACK_HTML
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Django's response_for_exception would log "Service Unavailable" at ERROR with
    # the traceback; the warning line above is the whole record.
    response._has_been_logged = True
    return response


class DatabaseOutageMiddleware:
    """Answer a view's database outage with the 503 page (see the module docstring
    for errors raised inside other middlewares)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return service_unavailable(request, exception)
        return None
