"""The newsroom's admin hooks: two-factor sign-in (portal.editorial.two_factor) and
the workflow's automatic checks told to the author at once (models.py)."""

from django.contrib import messages
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from . import audit, holding, sections, views
from .bulk_publish import WorkflowPublishBulkAction
from .models import AutomaticChecksTask
from .two_factor import services as two_factor
from .two_factor import urls as two_factor_urls


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("", include(two_factor_urls))]


@hooks.register("register_admin_urls")
def register_held_upload_urls():
    return [
        path("tai-lieu-giai-mat/", views.held_uploads, name="portal_held_uploads"),
        path(
            "tai-lieu-giai-mat/<int:held_id>/tep/",
            views.held_upload_file,
            name="portal_held_upload_file",
        ),
        path(
            "tai-lieu-giai-mat/<int:held_id>/xac-nhan/",
            views.held_upload_confirm,
            name="portal_held_upload_confirm",
        ),
        path(
            "tai-lieu-giai-mat/<int:held_id>/tu-choi/",
            views.held_upload_refuse,
            name="portal_held_upload_refuse",
        ),
    ]


class HeldUploadsMenuItem(MenuItem):
    """Shown to the head of the board only (``holding.is_board_head``)."""

    def is_shown(self, request):
        return holding.is_board_head(request.user)


@hooks.register("register_admin_menu_item")
def register_held_uploads_menu_item():
    return HeldUploadsMenuItem(
        "Tài liệu giải mật chờ xác nhận",
        reverse("portal_held_uploads"),
        name="tai-lieu-giai-mat",
        icon_name="lock-open",
        order=250,
    )


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    if two_factor.two_factor_enrolled(request.user):
        return {
            "url": reverse("portal_two_factor_manage"),
            "label": "Xác thực hai bước",
            "help_text": "Đang bật. Tạo mã khôi phục mới"
            + ("" if two_factor.two_factor_required(request.user) else " hoặc tắt xác thực")
            + ".",
        }
    return {
        "url": reverse("portal_two_factor_enrol"),
        "label": "Bật xác thực hai bước",
        "help_text": "Đăng nhập bằng mật khẩu và mã 6 chữ số trên điện thoại: "
        "kẻ lấy được mật khẩu cũng không vào được tài khoản.",
    }


@hooks.register("register_user_listing_buttons")
def register_two_factor_reset_button(user, request_user):
    if not request_user.has_perm("auth.change_user"):
        return []
    if user.is_superuser and not request_user.is_superuser:
        return []
    return [
        Button(
            "Đặt lại xác thực hai bước",
            reverse("portal_two_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=90,
        )
    ]


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    for action, label, message in (
        *two_factor.LOG_ACTIONS,
        *audit.LOG_ACTIONS,
        *holding.LOG_ACTIONS,
    ):
        actions.register_action(action, label, message)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def tell_the_author_what_the_automatic_checks_found(request, page):
    """An item the automatic checks just returned: the editor says why, at once."""
    if "action-submit" not in request.POST:
        return
    state = page.current_workflow_state
    task_state = state.current_task_state if state is not None else None
    if task_state is None or task_state.status != task_state.STATUS_REJECTED:
        return
    if not isinstance(task_state.task.specific, AutomaticChecksTask):
        return
    messages.error(request, task_state.comment.replace("\n- ", " • "))


@hooks.register("construct_page_chooser_queryset")
def contributors_choose_only_their_own_items(pages, request):
    return sections.limit_to_own_items(pages, request.user)


@hooks.register("construct_homepage_panels")
def add_the_newsroom_panels(request, panels):
    """ "Tin bài của tôi" for everyone who writes; the queue for reviewers; the
    declassified files waiting for the head of the board."""
    from .dashboard import HeldUploadsPanel, MyItemsPanel, ReviewQueuePanel

    panels.append(HeldUploadsPanel())
    panels.append(MyItemsPanel())
    panels.append(ReviewQueuePanel())


# After Wagtail's own (order 0): the bulk action registry keeps the last one registered
# for an action type, so the page listing's "Xuất bản" goes through the workflow.
hooks.register("register_bulk_action", WorkflowPublishBulkAction, order=100)
