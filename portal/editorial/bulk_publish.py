"""The page listing's bulk "Xuất bản" goes through the workflow.

Wagtail's own bulk action (``wagtail.admin.views.pages.bulk_actions.publish``) calls
``revision.publish()`` on every selected page: it skips the workflow, so an item the
board never approved would be live. On this portal nothing reaches the public site
without the board's approval, whatever the route. The action registered here takes
the same place (same ``action_type``, registered after Wagtail's, so the bulk action
registry keeps this one) and, for each selected page (and its unpublished subpages
when asked):

- at the workflow's last step (the board's "Ban Biên tập duyệt") and the user may
  approve it: approves that step, so Wagtail publishes the item through the workflow,
  with its audit entries and the newsroom's notices;
- not in a workflow: submits it to its workflow (starting at the automatic checks)
  instead of publishing it;
- at an earlier step, returned to its author, or without a workflow: left as it is.

Each page gets its own line, in Vietnamese, saying what happened. Every publish still
passes the classification invariant (``publishing.py``): a marked page is refused and
reported, and the other pages go on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.models import WorkflowState

logger = logging.getLogger(__name__)

APPROVED = "approved"
SUBMITTED = "submitted"
LEFT = "left"
BULK_COMMENT = "Duyệt bằng thao tác xuất bản hàng loạt."


@dataclass(frozen=True)
class Outcome:
    page_id: int
    kind: str  # APPROVED, SUBMITTED or LEFT
    message: str


def _final_step(workflow_state, task) -> bool:
    """Whether approving ``task`` ends the workflow (and so publishes the item)."""
    last = workflow_state.workflow.tasks.filter(active=True).last()
    return last is not None and last.pk == task.pk


def publish_through_workflow(page, user) -> Outcome:
    """What the bulk "Xuất bản" does to one page (see the module's docstring)."""
    page = page.specific
    title = f"“{page.get_admin_display_title()}”"
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        task_state = state.current_task_state
        task = task_state.task.specific
        actions = [name for name, *_rest in task.get_actions(page, user)]
        if _final_step(state, task) and "approve" in actions:
            try:
                with transaction.atomic():
                    task.on_action(task_state, user, "approve", comment=BULK_COMMENT)
            except (ValidationError, PermissionDenied) as error:
                reason = " ".join(getattr(error, "messages", [str(error)]))
                return Outcome(page.pk, LEFT, f"{title}: không xuất bản được. {reason}".strip())
            state.refresh_from_db()
            if state.status == WorkflowState.STATUS_APPROVED:
                return Outcome(
                    page.pk, APPROVED, f"{title}: đã duyệt bước “{task.name}” và xuất bản."
                )
            # The step's own checks returned it as it was approved (ReviewTask.start).
            return Outcome(page.pk, LEFT, f"{title}: không xuất bản, đã trả lại tác giả.")
        return Outcome(
            page.pk,
            LEFT,
            f"{title}: đang ở bước “{task.name}”, chưa xuất bản; bước này cần được duyệt trước.",
        )
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return Outcome(
            page.pk, LEFT, f"{title}: đã bị trả lại, đang chờ tác giả sửa; chưa xuất bản."
        )
    if page.live and not page.has_unpublished_changes:
        return Outcome(page.pk, LEFT, f"{title}: đã xuất bản, không có thay đổi nào chờ duyệt.")
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        return Outcome(
            page.pk,
            LEFT,
            f"{title}: chưa gắn quy trình duyệt nên không xuất bản được; "
            "hãy nhờ quản trị gắn quy trình cho chuyên mục.",
        )
    permissions = page.permissions_for_user(user)
    if not (permissions.can_edit() and permissions.can_submit_for_moderation()):
        return Outcome(page.pk, LEFT, f"{title}: bạn không có quyền gửi duyệt trang này.")
    with transaction.atomic():
        if page.get_latest_revision() is None:
            page.save_revision(user=user)
        workflow.start(page, user)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return Outcome(
            page.pk,
            SUBMITTED,
            f"{title}: đã gửi vào quy trình duyệt, chưa qua kiểm tra tự động nên đã trả lại "
            "tác giả; chưa xuất bản.",
        )
    step = state.current_task_state.task.name if state and state.current_task_state else ""
    return Outcome(
        page.pk,
        SUBMITTED,
        f"{title}: chưa được Ban Biên tập duyệt nên không xuất bản; đã gửi vào quy trình "
        f"duyệt (bước “{step}”).",
    )


class WorkflowPublishBulkAction(PublishBulkAction):
    """Wagtail's bulk "Publish", through the workflow (module docstring)."""

    display_name = "Xuất bản"
    aria_label = "Xuất bản các trang đã chọn qua quy trình duyệt"
    template_name = "editorial/bulk_publish_confirm.html"

    def check_perm(self, page):
        permissions = page.permissions_for_user(self.request.user)
        return permissions.can_publish() or permissions.can_edit()

    def get_execution_context(self):
        self.outcomes = []
        return {**super().get_execution_context(), "outcomes": self.outcomes}

    @classmethod
    def execute_action(cls, objects, include_descendants=False, user=None, outcomes=None, **kw):
        outcomes = outcomes if outcomes is not None else []
        parents = children = 0
        for page in objects:
            outcomes.append(publish_through_workflow(page, user))
            parents += 1
            if not include_descendants:
                continue
            for descendant in page.get_descendants().not_live().defer_streamfields().specific():
                if descendant.permissions_for_user(user).can_edit():
                    outcomes.append(publish_through_workflow(descendant, user))
                    children += 1
        return parents, children

    def get_success_message(self, num_parent_objects, num_child_objects):
        for outcome in self.outcomes:
            if outcome.kind == APPROVED:
                messages.success(self.request, outcome.message)
            elif outcome.kind == SUBMITTED:
                messages.info(self.request, outcome.message)
            else:
                messages.warning(self.request, outcome.message)
        return None
