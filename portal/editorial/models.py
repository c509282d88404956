"""The newsroom's workflow steps (Wagtail tasks) and the reasons for returning an item.

The workflow "Quy trình duyệt tin bài" (data migration 0003) runs:

1. ``AutomaticChecksTask`` "Kiểm tra tự động": passes the item on by itself, or
   returns it to the author with every problem found (``checks.py``);
2. ``ReviewTask`` "Thư ký xem xét": the secretariat passes it on or returns it;
3. ``ReviewTask`` "Ban Biên tập duyệt": the board approves (Wagtail publishes the
   item when the last step approves) or rejects.

Returning or rejecting takes a reason from ``ReviewReason`` (an editable list)
and a comment; the reason is kept on the step's state (``ReviewTaskState``) so
the year's returns can be counted by reason (``selectors.return_reasons``).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from wagtail.models import GroupApprovalTask, Task, TaskState
from wagtail.snippets.models import register_snippet

from .checks import problems_comment, submission_problems
from .image_quality import quality_warnings

PASSED_COMMENT = "Đạt kiểm tra tự động: không có dấu mật, đủ thông tin bắt buộc và mô tả ảnh."


@register_snippet
class ReviewReason(models.Model):
    """Why an item was returned or rejected (ảnh chất lượng thấp, trùng lặp…)."""

    name = models.CharField("Lý do", max_length=120, unique=True)
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)
    active = models.BooleanField("Đang dùng", default=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "Lý do trả lại"
        verbose_name_plural = "Lý do trả lại"

    def __str__(self):
        return self.name


class ReviewTaskState(TaskState):
    reason = models.ForeignKey(
        ReviewReason,
        verbose_name="Lý do",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="task_states",
    )

    class Meta:
        verbose_name = "Lượt xem xét"
        verbose_name_plural = "Lượt xem xét"


def _problems_of(task_state) -> list:
    """The automatic checks' problems with the revision a step starts on."""
    page = task_state.revision.as_object() if task_state.revision else None
    return submission_problems(page) if page is not None else []


class ReturnForm(forms.Form):
    reason = forms.TypedChoiceField(
        label="Lý do",
        coerce=int,
        error_messages={
            "required": "Hãy chọn lý do trả lại.",
            "invalid_choice": "Lý do này không có trong danh sách, hãy chọn lại.",
        },
    )
    comment = forms.CharField(
        label="Nhận xét cho tác giả",
        widget=forms.Textarea({"rows": 3}),
        max_length=2000,
        error_messages={"required": "Hãy ghi nhận xét: cần sửa gì, ở đâu."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = [("", "Chọn lý do")] + [
            (reason.pk, reason.name) for reason in ReviewReason.objects.filter(active=True)
        ]


class PassForm(forms.Form):
    comment = forms.CharField(
        label="Nhận xét", widget=forms.Textarea({"rows": 3}), max_length=2000, required=False
    )


class ReviewTask(GroupApprovalTask):
    """A group's review step whose returns carry a reason and a comment."""

    pass_label = models.CharField("Nút chuyển tiếp", max_length=60, default="Chuyển tiếp")
    return_label = models.CharField("Nút trả lại", max_length=60, default="Trả lại tác giả")

    task_state_class = ReviewTaskState
    admin_form_fields = GroupApprovalTask.admin_form_fields + ["pass_label", "return_label"]

    class Meta:
        verbose_name = "Bước xem xét có lý do"
        verbose_name_plural = "Bước xem xét có lý do"

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", self.return_label, True),
                ("approve", self.pass_label, False),
                ("approve", f"{self.pass_label} kèm nhận xét", True),
            ]
        return []

    def get_form_for_action(self, action):
        return ReturnForm if action == "reject" else PassForm

    def start(self, workflow_state, user=None):
        """The automatic checks again, as the step starts: after a return Wagtail
        resumes at this step, not at the first, and the board's step comes just
        before publication. An item that no longer passes goes back to its author
        with every problem, before a person spends time on it."""
        task_state = super().start(workflow_state, user=user)
        problems = _problems_of(task_state)
        if problems:
            comment = f"Kiểm tra tự động khi vào bước “{self.name}”:\n" + problems_comment(problems)
            task_state.reject(update=False, comment=comment)
        return task_state

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "reject":
            return super().on_action(task_state, user, action_name, **kwargs)
        # The modal's form asked for both; a request that skipped it is refused.
        form = ReturnForm({"reason": kwargs.get("reason"), "comment": kwargs.get("comment")})
        if not form.is_valid():
            raise PermissionDenied("Trả lại cần một lý do trong danh sách và một nhận xét.")
        state = task_state.specific
        state.reason = ReviewReason.objects.get(pk=form.cleaned_data["reason"])
        state.reject(user=user, comment=form.cleaned_data["comment"])
        return None

    @classmethod
    def get_description(cls):
        return (
            "Thành viên các nhóm được chọn chuyển tiếp hoặc trả lại; "
            "trả lại phải có lý do và nhận xét."
        )


class AutomaticChecksTask(Task):
    """Passes the item on by itself, or returns it with every problem found."""

    class Meta:
        verbose_name = "Bước kiểm tra tự động"
        verbose_name_plural = "Bước kiểm tra tự động"

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        problems = _problems_of(task_state)
        # Finished here: Wagtail moves the workflow on (or to "needs changes").
        if problems:
            task_state.reject(update=False, comment=problems_comment(problems))
        else:
            page = task_state.revision.as_object() if task_state.revision else None
            warnings = quality_warnings(page) if page is not None else []
            comment = PASSED_COMMENT
            if warnings:
                comment += "\nLưu ý cho người duyệt:\n" + "\n".join(f"- {w}" for w in warnings)
            task_state.approve(update=False, comment=comment)
        return task_state

    def get_actions(self, obj, user):
        return []

    @classmethod
    def get_description(cls):
        return (
            "Kiểm tra dấu mật, thông tin bắt buộc, mô tả và chú thích ảnh; "
            "đạt thì chuyển bước sau, không đạt thì trả lại tác giả kèm danh sách cần sửa."
        )


def held_storage():
    """The holding area's storage (``STORAGES["held_uploads"]``): not the media storage,
    so nothing held has a public URL (``holding.py``)."""
    from django.core.files.storage import storages

    return storages["held_uploads"]


def held_file_name(instance, filename):
    """A random name without the uploader's: the stored file says nothing of itself."""
    import uuid

    return f"{uuid.uuid4().hex}.bin"


class HeldUpload(models.Model):
    """A file stamped as declassified ("GIẢI MẬT", "ĐÃ GIẢI MẬT"), held until the head
    of the Editorial Board confirms it (it becomes a document or an image) or refuses
    it (its file is deleted). The row stays as the record of the decision."""

    DOCUMENT = "document"
    IMAGE = "image"
    KINDS = [(DOCUMENT, "Tài liệu"), (IMAGE, "Ảnh")]
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REFUSED = "refused"
    STATUSES = [(PENDING, "Chờ xác nhận"), (CONFIRMED, "Đã xác nhận"), (REFUSED, "Đã từ chối")]

    kind = models.CharField("Loại", max_length=10, choices=KINDS)
    file = models.FileField(
        "Tệp", storage=held_storage, upload_to=held_file_name, max_length=255, blank=True
    )
    file_name = models.CharField("Tên tệp", max_length=255)
    size = models.PositiveBigIntegerField("Dung lượng (byte)")
    title = models.CharField("Tiêu đề", max_length=255)
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name="Thư mục dự định",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    where = models.CharField("Vị trí dấu giải mật", max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người tải lên",
        null=True,
        on_delete=models.SET_NULL,
        related_name="held_uploads",
    )
    uploaded_at = models.DateTimeField("Thời điểm tải lên", auto_now_add=True)
    status = models.CharField("Trạng thái", max_length=10, choices=STATUSES, default=PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người quyết định",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("Thời điểm quyết định", null=True, blank=True)
    comment = models.TextField("Nhận xét", blank=True)
    object_id = models.PositiveIntegerField("Mã tài liệu/ảnh đã tạo", null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = "Tài liệu giải mật chờ xác nhận"
        verbose_name_plural = "Tài liệu giải mật chờ xác nhận"

    def __str__(self):
        return self.file_name
