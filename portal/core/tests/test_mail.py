"""Mail leaves through the tasks worker and reaches a real SMTP server (aiosmtpd,
started here on a free loopback port): a password reset from the Wagtail admin, the
parts of a message, retries while the server is down, and a logged failure."""

import base64
import email
import email.policy
import io
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.core.mail import EmailDeliveryFailed, deliver_email, message_payload

ROOT = Path(__file__).resolve().parents[3]
RESET_URL = "/admin/password_reset/"
SENDER = "HĐND tỉnh Bắc Kạn <hdnd@backan.gov.vn>"
OLD_PASSWORD = "Mật-khẩu-cũ-2024"
NEW_PASSWORD = "Kỳ-họp-thứ-12-2025"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    """aiosmtpd handler: keeps every envelope it accepts, refuses the addresses in
    ``refused`` with a 550 as a real server does for a mailbox it does not have."""

    def __init__(self):
        self.envelopes = []
        self.refused = set()
        self.port = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK: queued"

    def received(self):
        return [
            email.message_from_bytes(envelope.content, policy=email.policy.default)
            for envelope in self.envelopes
        ]


@pytest.fixture
def smtp_server():
    mailbox = Mailbox()
    mailbox.port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=mailbox.port)
    controller.start()
    yield mailbox
    controller.stop()


@pytest.fixture
def mail_through_worker(settings, smtp_server):
    """Production's path: TaskEmailBackend queues in django_tasks_db, the worker
    delivers through Django's SMTP backend to the test's server."""
    settings.EMAIL_BACKEND = "portal.core.mail.TaskEmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = SENDER
    return smtp_server


def run_worker():
    """`manage.py db_worker --batch`: run every task that is due, then stop. The
    command installs its own signal handlers and logger levels; put them back."""
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = {number: signal.getsignal(number) for number in signals}
    loggers = {name: logging.getLogger(name).level for name in ("django_tasks", "django_tasks_db")}
    try:
        call_command(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--interval=0",
            verbosity=0,
            stdout=io.StringIO(),
        )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
        for name, level in loggers.items():
            logging.getLogger(name).setLevel(level)


def records(caplog, message):
    return [record for record in caplog.records if record.getMessage() == message]


def without_csrf(content: bytes) -> str:
    """A page without its CSRF tokens (new on every response)."""
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content.decode())
    return re.sub(r'"CSRF_TOKEN": "[^"]+"', "", text)


# --- A password reset from the admin ------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_password_reset_mail_reaches_the_mail_server_and_its_link_works(
    client, mail_through_worker
):
    mailbox = mail_through_worker
    user = get_user_model().objects.create_user(
        "thu.ky", email="thu.ky@backan.gov.vn", password=OLD_PASSWORD
    )

    response = client.post(RESET_URL, {"email": "thu.ky@backan.gov.vn"})

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_password_reset_done")
    # The request only queued the mail; the worker sends it.
    assert mailbox.envelopes == []
    assert DBTaskResult.objects.ready().count() == 1

    run_worker()

    [envelope] = mailbox.envelopes
    assert envelope.mail_from == "hdnd@backan.gov.vn"
    assert envelope.rcpt_tos == ["thu.ky@backan.gov.vn"]
    [received] = mailbox.received()
    assert received["To"] == "thu.ky@backan.gov.vn"
    assert received["From"].addresses[0].display_name == "HĐND tỉnh Bắc Kạn"
    assert received["Subject"] == "Đặt lại mật khẩu"
    body = received.get_body(("plain",)).get_content()
    assert "Vui lòng truy cập liên kết dưới đây để đặt lại mật khẩu:" in body
    assert "Tên đăng nhập của bạn (phòng khi bạn quên): thu.ky" in body
    assert not re.search(r"\b(Please|password|username)\b", body)

    [result] = DBTaskResult.objects.all()
    assert result.status == "SUCCESSFUL"
    assert result.return_value["status"] == "sent"
    assert result.return_value["recipients"] == ["thu.ky@backan.gov.vn"]
    # The delivered link is a credential: the task row no longer holds the text.
    assert result.args_kwargs["kwargs"]["mime"] == ""
    assert result.args_kwargs["kwargs"]["recipients"] == ["thu.ky@backan.gov.vn"]

    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", body).group(1)
    page = client.get(link, follow=True)
    assert page.status_code == 200
    assert 'name="new_password1"' in page.content.decode()
    set_password_url = page.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302
    assert done["Location"] == reverse("wagtailadmin_password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_password_reset_for_an_unknown_address_sends_nothing_and_looks_the_same(
    client, mail_through_worker
):
    mailbox = mail_through_worker
    get_user_model().objects.create_user(
        "thu.ky", email="thu.ky@backan.gov.vn", password=OLD_PASSWORD
    )

    unknown = client.post(RESET_URL, {"email": "ai.do@backan.gov.vn"}, follow=True)
    assert DBTaskResult.objects.count() == 0
    run_worker()
    assert mailbox.envelopes == []

    known = client.post(RESET_URL, {"email": "thu.ky@backan.gov.vn"}, follow=True)
    run_worker()
    assert [envelope.rcpt_tos for envelope in mailbox.envelopes] == [["thu.ky@backan.gov.vn"]]

    assert unknown.status_code == known.status_code == 200
    assert unknown.redirect_chain == known.redirect_chain
    assert without_csrf(unknown.content) == without_csrf(known.content)
    assert "Nếu có tài khoản gắn với địa chỉ này, một liên kết đặt lại mật khẩu" in (
        unknown.content.decode()
    )


# --- The message as built -----------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_alternatives_attachments_and_bcc_arrive_as_built(mail_through_worker):
    mailbox = mail_through_worker
    scan = bytes(range(256)) * 64
    message = EmailMultiAlternatives(
        subject="Giấy mời kỳ họp thứ 12",
        body="Kính gửi đại biểu,\nThường trực HĐND tỉnh trân trọng kính mời.",
        to=["Đại biểu Nguyễn Văn An <an.nv@backan.gov.vn>"],
        cc=["van.phong@backan.gov.vn"],
        bcc=["luu.tru@backan.gov.vn"],
    )
    message.attach_alternative("<p>Kính gửi <strong>đại biểu</strong></p>", "text/html")
    message.attach("Giấy mời.pdf", scan, "application/pdf")

    assert message.send() == 1
    run_worker()

    [envelope] = mailbox.envelopes
    assert sorted(envelope.rcpt_tos) == [
        "an.nv@backan.gov.vn",
        "luu.tru@backan.gov.vn",
        "van.phong@backan.gov.vn",
    ]
    [received] = mailbox.received()
    assert "Bcc" not in received
    assert received["Subject"] == "Giấy mời kỳ họp thứ 12"
    assert received["To"].addresses[0].display_name == "Đại biểu Nguyễn Văn An"
    assert "trân trọng kính mời" in received.get_body(("plain",)).get_content()
    assert "<strong>đại biểu</strong>" in received.get_body(("html",)).get_content()
    [attachment] = received.iter_attachments()
    assert attachment.get_filename() == "Giấy mời.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == scan


def test_the_task_hands_on_the_queued_bytes_unchanged(settings):
    """Immediate tasks (the base and test settings), delivered to locmem."""
    settings.PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message = EmailMultiAlternatives(
        subject="Thông báo",
        body="Nội dung có dấu: Đắk Lắk, Bắc Kạn.",
        from_email=SENDER,
        to=["an.nv@backan.gov.vn"],
        bcc=["luu.tru@backan.gov.vn"],
    )
    message.attach_alternative("<p>Nội dung</p>", "text/html")
    message.attach("bao-cao.bin", bytes(range(256)), "application/octet-stream")
    payload = message_payload(message)
    json.dumps(payload)  # the task's arguments are plain JSON

    result = deliver_email.enqueue(**payload)

    assert result.status == "SUCCESSFUL"
    [delivered] = mail.outbox
    assert delivered.message().as_bytes(linesep="\r\n") == base64.b64decode(payload["mime"])
    assert delivered.recipients() == ["an.nv@backan.gov.vn", "luu.tru@backan.gov.vn"]
    assert delivered.subject == "Thông báo"


# --- Failures: retried, then logged --------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_mail_server_that_is_down_gets_the_mail_on_a_later_attempt(
    mail_through_worker, settings, caplog
):
    mailbox = mail_through_worker
    settings.EMAIL_PORT = free_port()  # nothing listens there

    assert send_mail("Thông báo", "Nội dung", None, ["an.nv@backan.gov.vn"]) == 1
    run_worker()

    first = DBTaskResult.objects.get(status="FAILED")
    assert first.exception_class_path == "portal.core.mail.EmailDeliveryFailed"
    [warning] = records(caplog, "email: delivery failed, will try again")
    assert warning.levelname == "WARNING"
    assert warning.recipients == ["an.nv@backan.gov.vn"]
    retry = DBTaskResult.objects.get(status="READY")
    assert warning.retry_task_id == str(retry.id)
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert timedelta(seconds=50) < retry.run_after - timezone.now() <= timedelta(seconds=60)
    # The text moved on to the retry; the failed attempt keeps the envelope.
    assert first.args_kwargs["kwargs"]["mime"] == ""
    assert first.args_kwargs["kwargs"]["recipients"] == ["an.nv@backan.gov.vn"]

    run_worker()  # not due yet
    retry.refresh_from_db()
    assert retry.status == "READY"

    settings.EMAIL_PORT = mailbox.port  # the server is back
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()

    retry.refresh_from_db()
    assert retry.status == "SUCCESSFUL"
    [envelope] = mailbox.envelopes
    assert envelope.rcpt_tos == ["an.nv@backan.gov.vn"]
    assert mailbox.received()[0]["Subject"] == "Thông báo"


@pytest.mark.parametrize("cause", ["refused recipient", "last attempt"])
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_delivery_that_cannot_succeed_is_logged_at_error_and_the_task_fails(
    mail_through_worker, settings, caplog, cause
):
    mailbox = mail_through_worker
    if cause == "refused recipient":
        mailbox.refused.add("khong.co@backan.gov.vn")
    else:
        settings.EMAIL_PORT = free_port()
        settings.PORTAL_EMAIL_RETRY_SECONDS = []

    assert send_mail("Thông báo", "Nội dung", None, ["khong.co@backan.gov.vn"]) == 1
    run_worker()

    [result] = DBTaskResult.objects.all()  # no retry queued
    assert result.status == "FAILED"
    assert result.exception_class_path == "portal.core.mail.EmailDeliveryFailed"
    assert "khong.co@backan.gov.vn" in result.traceback
    [error] = records(caplog, "email: not delivered, giving up")
    assert error.levelname == "ERROR"
    assert error.recipients == ["khong.co@backan.gov.vn"]
    # Kept for an operator to look at or send again.
    assert result.args_kwargs["kwargs"]["mime"] != ""
    assert mailbox.envelopes == []


def test_with_immediate_tasks_the_caller_learns_of_a_failed_delivery(settings, caplog):
    settings.EMAIL_BACKEND = "portal.core.mail.TaskEmailBackend"
    settings.PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 5

    with pytest.raises(EmailDeliveryFailed, match="an.nv@backan.gov.vn"):
        send_mail("Thông báo", "Nội dung", None, ["an.nv@backan.gov.vn"])
    assert (
        send_mail("Thông báo", "Nội dung", None, ["an.nv@backan.gov.vn"], fail_silently=True) == 0
    )

    errors = records(caplog, "email: not delivered, giving up")
    assert len(errors) == 2
    assert all(record.recipients == ["an.nv@backan.gov.vn"] for record in errors)


def test_a_delivery_backend_that_queues_again_is_refused(settings, caplog):
    settings.EMAIL_BACKEND = "portal.core.mail.TaskEmailBackend"
    settings.PORTAL_EMAIL_DELIVERY_BACKEND = "portal.core.mail.TaskEmailBackend"

    with pytest.raises(EmailDeliveryFailed, match="ImproperlyConfigured"):
        send_mail("Thông báo", "Nội dung", None, ["an.nv@backan.gov.vn"])
    assert records(caplog, "email: not delivered, giving up")


# --- Settings ---------------------------------------------------------------

SETTINGS_PROBE = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({name: getattr(settings, name) for name in [
    "EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS", "EMAIL_USE_SSL", "EMAIL_TIMEOUT", "DEFAULT_FROM_EMAIL", "SERVER_EMAIL",
    "PORTAL_EMAIL_DELIVERY_BACKEND",
]}))
"""


def probe_settings(module, **env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "DJANGO_", "EMAIL_", "PORTAL_", "DEFAULT_FROM", "SERVER_"))
    }
    clean.update(
        DJANGO_SETTINGS_MODULE=module,
        DJANGO_SECRET_KEY="x" * 64,
        DATABASE_URL="sqlite:///:memory:",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-c", SETTINGS_PROBE],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_reads_the_mail_server_from_the_environment():
    result = probe_settings(
        "config.settings.production",
        EMAIL_HOST="mail.backan.gov.vn",
        EMAIL_USE_SSL="true",
        EMAIL_HOST_USER="hdnd@backan.gov.vn",
        EMAIL_HOST_PASSWORD="mật-khẩu-hộp-thư",
        EMAIL_TIMEOUT="20",
        DEFAULT_FROM_EMAIL=SENDER,
        SERVER_EMAIL="canh-bao@backan.gov.vn",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "EMAIL_BACKEND": "portal.core.mail.TaskEmailBackend",
        "EMAIL_HOST": "mail.backan.gov.vn",
        "EMAIL_PORT": 465,
        "EMAIL_HOST_USER": "hdnd@backan.gov.vn",
        "EMAIL_HOST_PASSWORD": "mật-khẩu-hộp-thư",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": True,
        "EMAIL_TIMEOUT": 20.0,
        "DEFAULT_FROM_EMAIL": SENDER,
        "SERVER_EMAIL": "canh-bao@backan.gov.vn",
        "PORTAL_EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    }


def test_starttls_defaults_to_the_submission_port_and_server_email_to_the_sender():
    result = probe_settings(
        "config.settings.production", EMAIL_USE_TLS="true", DEFAULT_FROM_EMAIL=SENDER
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert (values["EMAIL_PORT"], values["EMAIL_USE_TLS"], values["EMAIL_TIMEOUT"]) == (
        587,
        True,
        30.0,
    )
    assert values["SERVER_EMAIL"] == SENDER


def test_tls_and_ssl_together_refuse_to_start():
    result = probe_settings(
        "config.settings.production", EMAIL_USE_TLS="true", EMAIL_USE_SSL="true"
    )
    assert result.returncode != 0
    assert "EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other" in result.stderr


def test_dev_prints_mail_and_the_tests_keep_it_in_memory(settings):
    result = probe_settings("config.settings.dev")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["EMAIL_BACKEND"] == (
        "django.core.mail.backends.console.EmailBackend"
    )
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
