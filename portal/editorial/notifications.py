"""Who hears about an item as it moves through the workflow, and what they read.

Wagtail's own workflow mails leave out what this newsroom needs: its notice of a
step starts only for ``GroupApprovalTask`` itself (the newsroom's ``ReviewTask`` is a
subclass, so the secretariat and the board would never be told an item waits for
them), its return notice goes to whoever submitted the item, not to its author, and
carries neither the reason nor the step's name, and a step passed tells nobody.

Here, in Vietnamese (``editorial/mail/*.txt``), one mail per person:

- an item reaches a review step: every member of the step's groups (the next
  reviewers), with the comments of the steps before;
- a step passes it on (not the last): its author, with the reviewer's comment;
- a step returns or rejects it (the automatic checks, the secretariat, the board,
  whichever): its author and whoever submitted it, with the step, the reason and the
  comment;
- the board approves: its author, with the address of the published item.

The person who acted is never told of their own action; a user whose profile turns a
kind of notice off (Wagtail's notification preferences: "submitted", "approved",
"rejected") does not get it; inactive users and users without an address neither.

Wagtail's receivers are replaced, not doubled: ours are connected first under
Wagtail's own ``dispatch_uid`` for the same signal and sender, so Wagtail's later
``connect`` is a no-op (``register_signal_handlers`` in ``wagtail.admin``). The mails
go through the configured email backend: the tasks backend in production
(``portal.core.mail``), so a slow mail server never holds an editor's click.
The dashboard ("Tin bài của tôi") is where the same news shows in the admin.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import GroupApprovalTask, TaskState, WorkflowState
from wagtail.signals import (
    task_approved,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)
from wagtail.users.models import UserProfile

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "[Cổng TTĐT HĐND] "
STEP_OUTCOMES = {
    TaskState.STATUS_APPROVED: "đã chuyển tiếp",
    TaskState.STATUS_REJECTED: "đã trả lại",
    TaskState.STATUS_CANCELLED: "đã hủy",
}


# --- recipients ------------------------------------------------------------------


def _wants(user, kind: str) -> bool:
    if user is None or not user.is_active or not user.email:
        return False
    return bool(getattr(UserProfile.get_for_user(user), f"{kind}_notifications", True))


def _recipients(users, kind: str, acting_user=None) -> list:
    seen, chosen = set(), []
    for user in users:
        if user is None or user.pk in seen or (acting_user and user.pk == acting_user.pk):
            continue
        seen.add(user.pk)
        if _wants(user, kind):
            chosen.append(user)
    return chosen


def _author_and_requester(workflow_state):
    page = workflow_state.content_object
    return [getattr(page, "owner", None), workflow_state.requested_by]


def _reviewers(task):
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(groups__in=task.groups.all(), is_active=True)
        .distinct()
        .order_by("pk")
    )


# --- what the mails say -----------------------------------------------------------


def _admin_url(path: str) -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path


def _earlier_steps(workflow_state, before=None):
    """(step name, who, comment) of the finished steps of this round, oldest first."""
    states = (
        TaskState.objects.filter(workflow_state=workflow_state)
        .exclude(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("task", "finished_by")
        .order_by("started_at", "pk")
    )
    if before is not None:
        states = states.exclude(pk=before.pk)
    return [
        {
            "step": state.task.name,
            "who": _name(state.finished_by) if state.finished_by else "Hệ thống",
            "status": STEP_OUTCOMES.get(state.status, state.get_status_display()),
            "comment": state.comment,
        }
        for state in states
    ]


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def _context(workflow_state, **extra) -> dict:
    page = workflow_state.content_object.specific
    return {
        "page": page,
        "title": page.get_admin_display_title(),
        "author": _name(getattr(page, "owner", None)),
        "edit_url": _admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        "dashboard_url": _admin_url(reverse("wagtailadmin_home")),
        **extra,
    }


def _send(template: str, subject: str, context: dict, recipients) -> int:
    if not recipients:
        return 0
    messages = [
        EmailMessage(
            subject=(SUBJECT_PREFIX + subject)[:200],
            body=render_to_string(
                f"editorial/mail/{template}.txt", {**context, "recipient": _name(user)}
            ).strip()
            + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
        for user in recipients
    ]
    try:
        with get_connection() as connection:
            return connection.send_messages(messages) or 0
    except Exception:  # noqa: BLE001 - the workflow's step stands whether or not mail leaves
        logger.exception("workflow notification not sent", extra={"template": template})
        return 0


# --- receivers ----------------------------------------------------------------------


def item_reached_a_review_step(sender, instance, user=None, **kwargs):
    task = instance.task.specific
    if not isinstance(task, GroupApprovalTask):
        return
    workflow_state = instance.workflow_state
    context = _context(
        workflow_state,
        step=task.name,
        submitted_by=_name(workflow_state.requested_by),
        earlier=_earlier_steps(workflow_state, before=instance),
    )
    recipients = _recipients(_reviewers(task), "submitted", acting_user=user)
    _send("to_review", f"Tin bài chờ xem xét: {context['title']}", context, recipients)


def step_passed(sender, instance, user=None, **kwargs):
    workflow_state = instance.workflow_state
    workflow_state.refresh_from_db(fields=["status"])
    if workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return  # the last step: ``item_published`` tells the author
    if user is None:
        return  # the automatic checks passing an item on: the author hears of the outcome
    context = _context(workflow_state, step=instance.task.name, who=_name(user), state=instance)
    recipients = _recipients(_author_and_requester(workflow_state), "approved", acting_user=user)
    _send("step_passed", f"Tin bài đã qua bước “{instance.task.name}”", context, recipients)


def item_returned(sender, instance, user=None, **kwargs):
    task_state = instance.current_task_state.specific
    reason = getattr(task_state, "reason", None)
    # Who returned it: the step's own record, not ``user`` (the automatic checks that
    # open the board's step return an item while the secretary's click is handled).
    returned_by = task_state.finished_by
    context = _context(
        instance,
        step=task_state.task.name,
        who=_name(returned_by) if returned_by is not None else "Kiểm tra tự động",
        reason=str(reason) if reason is not None else "",
        comment=task_state.comment,
    )
    recipients = _recipients(_author_and_requester(instance), "rejected", acting_user=returned_by)
    _send("returned", f"Tin bài bị trả lại: {context['title']}", context, recipients)


def item_published(sender, instance, user=None, **kwargs):
    page = instance.content_object.specific
    last = (
        TaskState.objects.filter(workflow_state=instance, status=TaskState.STATUS_APPROVED)
        .order_by("-finished_at", "-pk")
        .first()
    )
    live_url = page.full_url if page.live else ""
    context = _context(
        instance, who=_name(user), comment=last.comment if last else "", live_url=live_url
    )
    recipients = _recipients(_author_and_requester(instance), "approved", acting_user=user)
    _send("published", f"Tin bài đã được duyệt: {context['title']}", context, recipients)


def submitted(sender, instance, user=None, **kwargs):
    """Replaces Wagtail's mail to every superuser on each submission: the reviewers
    of the step the item reaches are told instead (``item_reached_a_review_step``)."""


def connect() -> None:
    """Before ``wagtail.admin`` connects its own (INSTALLED_APPS order): same uids."""
    workflow_submitted.connect(
        submitted, sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
    workflow_rejected.connect(
        item_returned,
        sender=WorkflowState,
        dispatch_uid="workflow_state_rejected_email_notification",
    )
    workflow_approved.connect(
        item_published,
        sender=WorkflowState,
        dispatch_uid="workflow_state_approved_email_notification",
    )
    # Every task state class (ReviewTaskState too), in place of Wagtail's, which
    # listens to TaskState alone.
    task_submitted.connect(
        item_reached_a_review_step, dispatch_uid="portal_task_submitted_notification"
    )
    task_submitted.connect(
        submitted, sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
    )
    task_approved.connect(step_passed, dispatch_uid="portal_task_approved_notification")
