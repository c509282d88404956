"""The newsroom's workflow: automatic checks → secretariat → board, with reasons."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Workflow, WorkflowState

from portal.editorial.models import ReviewReason, ReviewTaskState
from portal.editorial.selectors import return_reasons
from portal.news.factories import ArticlePageFactory
from portal.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def submit(page, user):
    workflow = Workflow.objects.get(name="Quy trình duyệt tin bài")
    page.save_revision(user=user)
    workflow.start(page, user)
    return WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))


def test_a_complete_item_passes_the_automatic_checks_to_the_secretariat(category, people):
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    state = submit(page, people["author"])
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Thư ký xem xét"
    checks = state.all_tasks_with_status()[0]
    assert checks.name == "Kiểm tra tự động" and checks.status == "approved"


def test_an_incomplete_item_goes_back_with_every_problem_and_where(category, people):
    from wagtail.images.models import Image

    photo = Image.objects.create(title="Phiên chợ Chợ Mới", file=get_test_image_file())
    page = ArticlePageFactory(
        parent=category,
        live=False,
        owner=people["author"],
        event_date=None,
        authors=[],
        featured_image=photo,
        featured_image_alt="Người dân đi chợ",
        body=[
            ("paragraph", "<p>Nội dung.</p>"),
            ("image", {"image": photo, "alt": "", "caption": "Chợ phiên"}),
        ],
    )
    state = submit(page, people["author"])
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    comment = state.current_task_state.comment
    for problem in (
        "Chưa ghi tác giả",
        "Chưa nhập ngày diễn ra sự kiện",
        "Ảnh đại diện “Phiên chợ Chợ Mới”: thiếu chú thích",
        "Ảnh thứ 1 trong phần Nội dung (“Phiên chợ Chợ Mới”): thiếu mô tả ảnh (alt)",
    ):
        assert problem in comment, comment
    assert "thiếu mô tả ảnh (alt)" not in comment.split("Ảnh đại diện")[1].split("\n")[0]


def test_a_marked_item_is_stopped_by_the_automatic_checks(category, people):
    page = ArticlePageFactory(parent=category, live=False, lead="Độ mật: Tối mật")
    state = submit(page, people["author"])
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "mật" in state.current_task_state.comment.lower()


def test_returning_needs_a_reason_and_a_comment_and_keeps_the_reason(category, people):
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    state = submit(page, people["author"])
    task_state = state.current_task_state
    task = task_state.task.specific
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, people["secretary"], "reject", comment="Ảnh mờ")
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, people["secretary"], "reject", reason=999999, comment="x")
    reason = ReviewReason.objects.get(name="Ảnh chất lượng thấp")
    task.on_action(
        task_state, people["secretary"], "reject", reason=reason.pk, comment="Ảnh bị mờ, thay ảnh."
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    returned = ReviewTaskState.objects.get(pk=task_state.pk)
    assert returned.reason == reason and returned.comment == "Ảnh bị mờ, thay ảnh."
    assert return_reasons() == [("Ảnh chất lượng thấp", 1)]


def test_the_whole_path_ends_published_only_after_the_board(category, people):
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    state = submit(page, people["author"])
    secretariat = state.current_task_state
    assert not secretariat.task.specific.get_actions(page, people["author"])
    assert not secretariat.task.specific.get_actions(page, people["board"])
    secretariat.task.specific.on_action(secretariat, people["secretary"], "approve")
    state.refresh_from_db()
    board = state.current_task_state
    assert board.task.name == "Ban Biên tập duyệt"
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert not board.task.specific.get_actions(page, people["secretary"])
    labels = [
        label for _name, label, _modal in board.task.specific.get_actions(page, people["board"])
    ]
    assert labels == ["Từ chối", "Duyệt và xuất bản", "Duyệt và xuất bản kèm nhận xét"]
    board.task.specific.on_action(board, people["board"], "approve", comment="Đăng.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert ArticlePage.objects.get(pk=page.pk).live


def test_a_resubmitted_item_is_checked_again_before_the_secretariat_sees_it(category, people):
    """After a return Wagtail resumes at the step that returned the item, not at the
    automatic checks: the review steps run the checks again as they start."""
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    state = submit(page, people["author"])
    secretariat = state.current_task_state
    secretariat.task.specific.on_action(
        secretariat,
        people["secretary"],
        "reject",
        reason=ReviewReason.objects.get(name="Thông tin chưa chính xác").pk,
        comment="Sửa ngày diễn ra sự kiện.",
    )
    page = ArticlePage.objects.get(pk=page.pk)
    page.event_date = None  # the author "fixes" it by removing the date
    page.save_revision(user=people["author"])
    state.refresh_from_db()
    state.resume(user=people["author"])
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    again = state.current_task_state
    assert again.task.name == "Thư ký xem xét" and again.pk != secretariat.pk
    assert "Kiểm tra tự động khi vào bước “Thư ký xem xét”" in again.comment
    assert "Chưa nhập ngày diễn ra sự kiện" in again.comment
    assert ReviewTaskState.objects.get(pk=again.pk).reason is None  # not a person's return
    # Fixed for real: resubmitted, it reaches the secretariat.
    page.event_date = datetime.date(2019, 5, 15)
    page.save_revision(user=people["author"])
    state.resume(user=people["author"])
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Thư ký xem xét"


def test_the_board_step_checks_the_item_again_before_publication(category, people):
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    state = submit(page, people["author"])
    page = ArticlePage.objects.get(pk=page.pk)
    page.authors.all().delete()  # the byline lost while the item waited
    page.save_revision(user=people["secretary"])
    secretariat = state.current_task_state
    secretariat.task.specific.on_action(secretariat, people["secretary"], "approve")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.task.name == "Ban Biên tập duyệt"
    assert "Chưa ghi tác giả" in state.current_task_state.comment
    assert not ArticlePage.objects.get(pk=page.pk).live


def test_the_return_modal_lists_the_reasons_and_refuses_an_empty_form(category, people, client):
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    state = submit(page, people["author"])
    task_state = state.current_task_state
    client.force_login(people["secretary"])
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    form = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert form.status_code == 200
    assert (
        "Ảnh chất lượng thấp" in form.content.decode()
        or "Ảnh chất lượng thấp" in form.json()["html"]
    )
    empty = client.post(url, {}, headers={"x-requested-with": "XMLHttpRequest"})
    assert empty.status_code == 200
    assert "Hãy chọn lý do trả lại." in empty.json()["html"]
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    reason = ReviewReason.objects.get(name="Trùng lặp")
    done = client.post(
        url,
        {"reason": reason.pk, "comment": "Trùng tin ngày 12/11."},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert done.json()["step"] == "success"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert ReviewTaskState.objects.get(pk=task_state.pk).reason == reason


def test_submitting_from_the_editor_says_at_once_what_the_checks_found(category, people, client):
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"], event_date=None)
    client.force_login(people["author"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form = client.get(edit_url)
    assert form.status_code == 200
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "genre": page.genre_id,
            "lead": page.lead,
            "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
            "authors": inline_formset([{"author": page.authors.first().author_id}]),
            "related_items": inline_formset([]),
            "comments": inline_formset([]),
            "event_date": "",
            "tags": "",
            "action-submit": "Gửi duyệt",
        }
    )
    response = client.post(edit_url, data, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Chưa nhập ngày diễn ra sự kiện" in text, text[:3000]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
