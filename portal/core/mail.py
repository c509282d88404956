"""Mail through the tasks worker.

``TaskEmailBackend`` (production's ``EMAIL_BACKEND``) does not talk to the mail
server: it queues one ``deliver_email`` task per message, so a request never waits on
SMTP and a mail server that is down loses nothing. The task carries the message as it
was built, byte for byte (the MIME text in base64, with alternatives and attachments,
plus the envelope: sender and every recipient, Bcc included), and the worker
(``manage.py db_worker``) hands it to ``PORTAL_EMAIL_DELIVERY_BACKEND`` (Django's SMTP
backend, configured by ``EMAIL_HOST`` & co.).

A delivery that fails for a passing reason (no connection, a timeout, a 4xx answer)
is queued again after each of ``PORTAL_EMAIL_RETRY_SECONDS`` in turn, where the tasks
backend can defer (the database backend can); a refusal (5xx), a fault that no retry
cures, or the last attempt is logged at ERROR with the recipients. Every attempt that
did not deliver ends as a failed task result, so nothing is lost without a trace.

Once a message is delivered, or handed to its retry, the stored task row forgets its
text (a password-reset link is a credential) and keeps the envelope.
"""

import base64
import email.policy
import logging
import re
import smtplib
from datetime import timedelta
from email.parser import BytesHeaderParser

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus, task

logger = logging.getLogger(__name__)

_LINE_END = re.compile(rb"\r\n|\n")


class EmailDeliveryFailed(Exception):
    """The mail server did not take a message (the task result says failed)."""


def message_payload(message: EmailMessage) -> dict:
    """The task arguments for one message: all JSON, nothing lost."""
    raw = message.message().as_bytes(linesep="\r\n")
    return {
        "mime": base64.b64encode(raw).decode("ascii"),
        "from_email": str(message.from_email),
        "recipients": [str(address) for address in message.recipients()],
        "encoding": str(message.encoding) if message.encoding else None,
    }


class StoredMIME:
    """A queued message's MIME text, given back exactly as it was queued (in the line
    endings asked for); anything else a backend reads is a parsed copy's."""

    def __init__(self, raw: bytes):
        self._raw = raw
        self._parsed = None

    def as_bytes(self, unixfrom=False, linesep="\n", policy=None):
        return _LINE_END.sub(linesep.encode("ascii"), self._raw)

    def as_string(self, unixfrom=False, linesep="\n", policy=None, **kwargs):
        return self.as_bytes(linesep=linesep).decode("utf-8", "surrogateescape")

    def __getattr__(self, name):
        if self._parsed is None:
            self._parsed = email.message_from_bytes(self._raw)
        return getattr(self._parsed, name)


class StoredEmailMessage(EmailMessage):
    """A message rebuilt from a task's arguments: its own envelope, its own bytes."""

    def __init__(self, raw: bytes, from_email: str, recipients: list[str], encoding=None):
        headers = BytesHeaderParser(policy=email.policy.default).parsebytes(raw)
        super().__init__(
            subject=str(headers.get("Subject", "")),
            from_email=from_email,
            to=[str(headers["To"])] if headers.get("To") else None,
        )
        self.encoding = encoding
        self.message_id = str(headers.get("Message-ID", ""))
        self._raw = raw
        self._envelope_recipients = list(recipients)

    def recipients(self):
        return list(self._envelope_recipients)

    def message(self, *args, **kwargs):
        return StoredMIME(self._raw)


class TaskEmailBackend(BaseEmailBackend):
    """Queues each message as a ``deliver_email`` task; returns how many were queued
    (with an immediate tasks backend: how many were delivered)."""

    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        results = []
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                results.append(deliver_email.enqueue(**message_payload(message)))
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception(
                    "email: could not queue a message",
                    extra={"recipients": [str(r) for r in message.recipients()]},
                )
        failed = [result for result in results if result.status == TaskResultStatus.FAILED]
        if failed and not self.fail_silently:
            raise EmailDeliveryFailed(
                "; ".join(result.errors[-1].traceback.strip().splitlines()[-1] for result in failed)
            )
        return len(results) - len(failed)


def _delivery_backend_path() -> str:
    path = settings.PORTAL_EMAIL_DELIVERY_BACKEND
    if issubclass(import_string(path), TaskEmailBackend):
        raise ImproperlyConfigured(
            "PORTAL_EMAIL_DELIVERY_BACKEND must send mail, not queue it again: "
            "use e.g. django.core.mail.backends.smtp.EmailBackend."
        )
    return path


def _may_pass(exc: BaseException) -> bool:
    """Whether a later attempt may succeed: a connection or timeout problem, a 4xx
    answer, refused credentials (fixed on the server while we wait)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return any(code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return not 500 <= exc.smtp_code < 600
    return isinstance(exc, OSError)  # smtplib.SMTPException is one too


def _queue_retry(context, kwargs: dict):
    """The next attempt, queued after its delay; None when there is none to queue."""
    attempt = kwargs["attempt"]
    delays = settings.PORTAL_EMAIL_RETRY_SECONDS
    this_task = context.task_result.task
    if attempt > len(delays) or not this_task.get_backend().supports_defer:
        return None
    retry_at = timezone.now() + timedelta(seconds=delays[attempt - 1])
    try:
        retry = this_task.using(run_after=retry_at).enqueue(**{**kwargs, "attempt": attempt + 1})
    except Exception:
        logger.exception(
            "email: could not queue the next attempt",
            extra={"recipients": kwargs["recipients"], "attempt": attempt},
        )
        return None
    _forget_text(context, kwargs)
    return retry


def _forget_text(context, kwargs: dict) -> None:
    """Drop the message text from the stored task row, keep the envelope."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(context.task_result.task.get_backend(), DatabaseBackend):
        return
    try:
        DBTaskResult.objects.filter(id=context.task_result.id).update(
            args_kwargs={"args": [], "kwargs": {**kwargs, "mime": ""}}
        )
    except Exception:  # the mail went out (or on to its retry): that is what counts
        logger.exception(
            "email: could not blank the message text in its task row",
            extra={"recipients": kwargs["recipients"], "task_id": context.task_result.id},
        )


@task(takes_context=True)
def deliver_email(
    context,
    mime: str,
    from_email: str,
    recipients: list[str],
    encoding: str | None = None,
    attempt: int = 1,
) -> dict:
    """Deliver one queued message through ``PORTAL_EMAIL_DELIVERY_BACKEND``."""
    kwargs = {
        "mime": mime,
        "from_email": from_email,
        "recipients": recipients,
        "encoding": encoding,
        "attempt": attempt,
    }
    log_extra = {"recipients": recipients, "attempt": attempt, "task_id": context.task_result.id}
    try:
        raw = base64.b64decode(mime, validate=True)
        if not raw:
            raise EmailDeliveryFailed("no message text (blanked once it was handed on)")
        message = StoredEmailMessage(raw, from_email, recipients, encoding)
        log_extra["message_id"] = message.message_id
        sent = get_connection(_delivery_backend_path()).send_messages([message])
        if not sent:
            raise EmailDeliveryFailed("the delivery backend sent nothing")
    except Exception as exc:
        # A bad payload, a wrong setting or a refusal is final; a passing fault is not.
        retry = _queue_retry(context, kwargs) if _may_pass(exc) else None
        if retry is not None:
            logger.warning(
                "email: delivery failed, will try again",
                extra={
                    **log_extra,
                    "error": repr(exc),
                    "retry_at": retry.task.run_after.isoformat(),
                    "retry_task_id": retry.id,
                },
            )
        else:
            logger.error("email: not delivered, giving up", extra={**log_extra, "error": repr(exc)})
        raise EmailDeliveryFailed(f"not delivered to {', '.join(recipients)}: {exc!r}") from exc
    _forget_text(context, kwargs)
    logger.info("email: delivered", extra=log_extra)
    return {"status": "sent", "recipients": recipients, "message_id": message.message_id}
