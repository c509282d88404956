"""The admin dashboard's "Tin bài của tôi" panel and the reviewers' queues.

An author sees each of their items with its state, who has it now and every
reviewer's comment (with the reason of a return); the secretariat and the board see
the items waiting for their step, oldest first, with how long each has waited. The
reads are in ``selectors``-style functions here (``my_items``, ``review_queue``);
each costs a fixed number of queries, whatever the number of items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState

MY_ITEMS_SHOWN = 15
QUEUE_SHOWN = 25

STATUS_WORDS = {
    TaskState.STATUS_APPROVED: "đã chuyển tiếp / duyệt",
    TaskState.STATUS_REJECTED: "trả lại / từ chối",
    TaskState.STATUS_CANCELLED: "đã hủy",
    TaskState.STATUS_SKIPPED: "bỏ qua",
    TaskState.STATUS_IN_PROGRESS: "đang xem xét",
}


@dataclass
class ReviewNote:
    step: str
    status: str
    by: str
    at: datetime | None
    reason: str = ""
    comment: str = ""


@dataclass
class ItemStatus:
    page: Page
    state: str
    holder: str
    since: datetime | None = None
    notes: list[ReviewNote] = field(default_factory=list)


@dataclass
class QueuedItem:
    page: Page
    step: str
    submitted_by: str
    waiting_since: datetime
    waited: timedelta


def _name(user) -> str:
    if user is None:
        return "hệ thống"
    return user.get_full_name() or user.get_username()


def _page_states(page_ids):
    """The latest workflow state of each page, {page id: state} (one query)."""
    content_type = ContentType.objects.get_for_model(Page)
    states = (
        WorkflowState.objects.filter(
            base_content_type=content_type, object_id__in=[str(pk) for pk in page_ids]
        )
        .select_related("current_task_state__task", "requested_by")
        .order_by("created_at")
    )
    return {int(state.object_id): state for state in states}


def _groups_of_tasks(task_ids):
    """{task id: "Thư ký, …"} for group approval tasks (one query)."""
    tasks = GroupApprovalTask.objects.filter(pk__in=task_ids).prefetch_related("groups")
    return {task.pk: ", ".join(group.name for group in task.groups.all()) for task in tasks}


def my_items(user, limit: int = MY_ITEMS_SHOWN) -> list[ItemStatus]:
    """The user's items, most recently changed first, with state, holder and notes."""
    pages = list(
        Page.objects.filter(owner=user).order_by("-latest_revision_created_at", "-pk")[:limit]
    )
    if not pages:
        return []
    states = _page_states(page.pk for page in pages)
    notes_by_state: dict[int, list[ReviewNote]] = {}
    task_states = (
        TaskState.objects.filter(workflow_state__in=[state.pk for state in states.values()])
        .exclude(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("task", "finished_by", "reviewtaskstate__reason")
        .order_by("started_at", "pk")
    )
    for task_state in task_states:
        review = getattr(task_state, "reviewtaskstate", None)
        reason = review.reason.name if review is not None and review.reason else ""
        notes_by_state.setdefault(task_state.workflow_state_id, []).append(
            ReviewNote(
                step=task_state.task.name,
                status=STATUS_WORDS.get(task_state.status, task_state.status),
                by=_name(task_state.finished_by),
                at=task_state.finished_at,
                reason=reason,
                comment=task_state.comment,
            )
        )
    holders = _groups_of_tasks(
        state.current_task_state.task_id
        for state in states.values()
        if state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state
    )
    items = []
    for page in pages:
        state = states.get(page.pk)
        notes = notes_by_state.get(state.pk, []) if state else []
        items.append(_item_status(page, state, holders, notes))
    return items


def _item_status(page, state, holders, notes) -> ItemStatus:
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        task_state = state.current_task_state
        return ItemStatus(
            page,
            f"Đang chờ bước “{task_state.task.name}”",
            holders.get(task_state.task_id, task_state.task.name),
            task_state.started_at,
            notes,
        )
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        label = "Bị trả lại, cần sửa và gửi lại"
        return ItemStatus(page, label, "Tác giả", state.created_at, notes)
    if page.live and not page.has_unpublished_changes:
        return ItemStatus(page, "Đã xuất bản", "—", page.last_published_at, notes)
    if page.live:
        return ItemStatus(page, "Đã xuất bản, có bản sửa chưa gửi duyệt", "Tác giả", None, notes)
    if state is not None and state.status == WorkflowState.STATUS_CANCELLED:
        return ItemStatus(page, "Đã rút lại, chưa gửi duyệt", "Tác giả", None, notes)
    return ItemStatus(page, "Bản nháp, chưa gửi duyệt", "Tác giả", None, notes)


def review_queue(user, limit: int = QUEUE_SHOWN, now=None) -> list[QueuedItem]:
    """Items waiting at a step the user reviews, oldest first, with how long."""
    now = now or timezone.now()
    task_states = list(
        TaskState.objects.reviewable_by(user)
        .select_related("task", "workflow_state__requested_by")
        .order_by("started_at", "pk")[:limit]
    )
    pages = Page.objects.in_bulk(
        [int(task_state.workflow_state.object_id) for task_state in task_states]
    )
    queue = []
    for task_state in task_states:
        page = pages.get(int(task_state.workflow_state.object_id))
        if page is None:
            continue
        queue.append(
            QueuedItem(
                page=page,
                step=task_state.task.name,
                submitted_by=_name(task_state.workflow_state.requested_by),
                waiting_since=task_state.started_at,
                waited=now - task_state.started_at,
            )
        )
    return queue


def waited_words(waited: timedelta) -> str:
    """ "3 ngày 4 giờ", "5 giờ 12 phút", "8 phút"."""
    minutes = int(waited.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} ngày {hours} giờ"
    if hours:
        return f"{hours} giờ {minutes} phút"
    return f"{minutes} phút"


class MyItemsPanel(Component):
    name = "portal_my_items"
    template_name = "editorial/dashboard/my_items.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"items": my_items(request.user), "request": request}


class ReviewQueuePanel(Component):
    name = "portal_review_queue"
    template_name = "editorial/dashboard/review_queue.html"
    order = 60

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        queue = review_queue(request.user)
        for item in queue:
            item.waited_text = waited_words(item.waited)
        return {"queue": queue, "request": request}


class HeldUploadsPanel(Component):
    """For the head of the board: the declassified files waiting for them."""

    name = "portal_held_uploads"
    template_name = "editorial/dashboard/held_uploads.html"
    order = 40

    def get_context_data(self, parent_context):
        from .holding import is_board_head
        from .selectors import pending_held_uploads

        request = parent_context["request"]
        held = list(pending_held_uploads()[:QUEUE_SHOWN]) if is_board_head(request.user) else []
        return {"held": held, "request": request}
