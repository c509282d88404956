"""A database outage: a Vietnamese 503 with Retry-After, never the 500 page.

The outage is real: the test's database connection is pointed at a port nobody
listens on (PostgreSQL) or at a file in a directory that does not exist (SQLite),
so every query in the request fails in the driver, exactly as when the server is
down. The connection of the test is put back afterwards, inside its transaction.
"""

import logging
import socket
from contextlib import contextmanager

import pytest
from django.core.signals import got_request_exception
from django.db import OperationalError, connection
from django.test import Client, RequestFactory

from portal.core import errors, outage

pytestmark = pytest.mark.django_db

# What BaseDatabaseWrapper.connect() resets before it tries to connect.
CONNECTION_STATE = (
    "connection",
    "in_atomic_block",
    "savepoint_ids",
    "atomic_blocks",
    "needs_rollback",
    "close_at",
    "closed_in_transaction",
    "errors_occurred",
    "health_check_enabled",
    "health_check_done",
    "autocommit",
    "commit_on_exit",
    "savepoint_state",
    "run_on_commit",
)


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def unreachable_database(tmp_path):
    """Every new connection attempt of ``default`` fails for real until the block ends."""
    connection.ensure_connection()
    state = {name: getattr(connection, name) for name in CONNECTION_STATE}
    saved_settings = dict(connection.settings_dict)
    if connection.vendor == "postgresql":
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    else:
        connection.settings_dict["NAME"] = str(tmp_path / "absent" / "db.sqlite3")
    connection.connection = None  # kept in ``state``; the next query connects anew
    try:
        yield
    finally:
        if connection.connection is not None and connection.connection is not state["connection"]:
            connection.connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved_settings)
        for name, value in state.items():
            setattr(connection, name, value)


@pytest.fixture(autouse=True)
def _fresh_outage_log():
    outage.outage_log.reset()
    yield
    outage.outage_log.reset()


def assert_outage_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(outage.RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Hệ thống tạm thời gián đoạn (lỗi 503)" in html
    assert "lỗi 500" not in html


def test_the_outage_of_these_tests_is_real(tmp_path):
    with unreachable_database(tmp_path):
        with pytest.raises(OperationalError):
            connection.ensure_connection()
    with connection.cursor() as cursor:  # and the test's own connection is back
        cursor.execute("SELECT 1")


def test_an_uncached_page_is_503_with_retry_after_and_recovers(client, home, tmp_path):
    with unreachable_database(tmp_path):
        response = client.get("/", {"trang": "1"})
    assert_outage_page(response)
    assert response["X-Cache"] == "MISS"
    # Once the database answers again, the same address is built as usual.
    assert client.get("/", {"trang": "1"}).status_code == 200


def test_search_is_503_during_an_outage(client, home, tmp_path):
    with unreachable_database(tmp_path):
        response = client.get("/search/", {"q": "đại biểu"})
    assert_outage_page(response)


def test_a_cached_page_keeps_serving_during_an_outage(client, home, tmp_path):
    assert client.get("/")["X-Cache"] == "MISS"
    with unreachable_database(tmp_path):
        response = client.get("/")
    assert response.status_code == 200
    assert response["X-Cache"] == "HIT"


def test_an_outage_raised_inside_a_middleware_is_503_not_500(home, tmp_path, caplog):
    # A session cookie on an admin address: TwoFactorMiddleware asks who the user is,
    # the session is read from the database, the error is raised in the middleware.
    # Django turns it into handler500's response at that layer; no process_exception
    # hook sees it.
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "x" * 32
    uncaught = []

    def record(sender, request, **kwargs):
        uncaught.append(request.path)

    got_request_exception.connect(record)
    try:
        with unreachable_database(tmp_path):
            response = client.get("/admin/")
    finally:
        got_request_exception.disconnect(record)
    assert uncaught == ["/admin/"]  # Django's uncaught path, i.e. handler500
    assert_outage_page(response)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_the_404_page_during_an_outage_is_the_503_page(home, tmp_path, caplog):
    request = RequestFactory().get("/khong-co-trang-nay/")
    with unreachable_database(tmp_path):
        response = errors.page_not_found(request)
    assert_outage_page(response)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_one_quiet_warning_line_and_no_traceback(client, home, tmp_path, caplog):
    with unreachable_database(tmp_path):
        for number in range(3):
            assert client.get("/search/", {"q": f"kỳ họp {number}"}).status_code == 503
    records = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(records) == 1
    (record,) = records
    assert record.name == "portal.core.outage"
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    assert record.error.startswith("OperationalError")


def test_the_next_line_counts_the_answers_it_left_out(rf, tmp_path, caplog):
    log = outage.OutageLog(interval=0)
    error = OperationalError("connection refused")
    log.note(rf.get("/"), error)
    log.interval = 3600
    log.note(rf.get("/"), error)
    log.note(rf.get("/"), error)
    log.interval = 0
    log.note(rf.get("/"), error)
    lines = [r for r in caplog.records if r.name == "portal.core.outage"]
    assert [r.answered_503_since_last_line for r in lines] == [0, 2]


def test_only_database_errors_count_as_an_outage():
    assert outage.is_database_outage(OperationalError("server closed the connection"))
    assert not outage.is_database_outage(RuntimeError("a bug"))
    assert not outage.is_database_outage(None)
    try:
        try:
            raise OperationalError("connection refused")
        except OperationalError as error:
            raise RuntimeError("re-raised as another type") from error
    except RuntimeError as error:
        assert outage.is_database_outage(error)


def test_any_other_error_is_still_the_500_page(rf):
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = errors.server_error(rf.get("/"))
    assert response.status_code == 500
    assert "lỗi 500" in response.content.decode()
