"""Each step of the workflow tells the right people, in Vietnamese, with the step's
name, the reason and the comment; nobody hears of their own action."""

import pytest
from django.core import mail
from wagtail.models import Workflow, WorkflowState
from wagtail.users.models import UserProfile

from portal.editorial.models import ReviewReason
from portal.news.factories import ArticlePageFactory

from .conftest import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(people):
    for role, user in people.items():
        user.email = f"{user.username}@hdnd.example.gov.vn"
        user.first_name, user.last_name = {
            "author": ("Lan", "Hoàng Thị"),
            "secretary": ("Minh", "Nông Văn"),
            "board": ("Hà", "Triệu Thu"),
        }[role]
        user.save()
    return people


def submit(page, user):
    workflow = Workflow.objects.get(name="Quy trình duyệt tin bài")
    page.save_revision(user=user)
    workflow.start(page, user)
    return WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def act(state, user, action, **kwargs):
    state.refresh_from_db()
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, action, **kwargs)
    state.refresh_from_db()


@pytest.fixture
def article(category, staff):
    return ArticlePageFactory(
        parent=category, live=False, owner=staff["author"], title="Tiếp xúc cử tri xã Cao Sơn"
    )


def test_the_secretariat_is_told_an_item_waits_and_the_author_is_not(article, staff):
    submit(article, staff["author"])
    [notice] = to(staff["secretary"].email)
    assert notice.subject == "[Cổng TTĐT HĐND] Tin bài chờ xem xét: Tiếp xúc cử tri xã Cao Sơn"
    assert "bước “Thư ký xem xét”" in notice.body
    assert "Tác giả: Lan Hoàng Thị" in notice.body
    assert "Kiểm tra tự động (Hệ thống, đã chuyển tiếp)" in notice.body  # the step before
    assert f"/admin/pages/{article.pk}/edit/" in notice.body
    assert not to(staff["author"].email)
    assert not to(staff["board"].email)


def test_a_return_tells_the_author_the_step_the_reason_and_the_comment(article, staff):
    state = submit(article, staff["author"])
    mail.outbox.clear()
    reason = ReviewReason.objects.get(name="Ảnh chất lượng thấp")
    act(state, staff["secretary"], "reject", reason=reason.pk, comment="Ảnh bị mờ, thay ảnh.")
    [notice] = to(staff["author"].email)
    assert notice.subject == "[Cổng TTĐT HĐND] Tin bài bị trả lại: Tiếp xúc cử tri xã Cao Sơn"
    assert "trả lại ở bước “Thư ký xem xét” (Minh Nông Văn)" in notice.body
    assert "Lý do: Ảnh chất lượng thấp" in notice.body
    assert "Ảnh bị mờ, thay ảnh." in notice.body
    assert not to(staff["secretary"].email)  # not told of their own return


def test_a_rejection_at_the_board_reaches_the_author_and_the_board_was_told_first(article, staff):
    state = submit(article, staff["author"])
    act(state, staff["secretary"], "approve", comment="Tin tốt, chuyển Ban.")
    [passed] = to(staff["author"].email)
    assert "đã qua bước “Thư ký xem xét” (Minh Nông Văn)" in passed.body
    assert "Tin tốt, chuyển Ban." in passed.body
    [waiting] = to(staff["board"].email)
    assert "bước “Ban Biên tập duyệt”" in waiting.body
    assert "Tin tốt, chuyển Ban." in waiting.body  # the secretariat's comment, for the board
    mail.outbox.clear()
    reason = ReviewReason.objects.get(name="Thiếu tính thời sự")
    act(state, staff["board"], "reject", reason=reason.pk, comment="Sự kiện đã qua hai tuần.")
    [notice] = to(staff["author"].email)
    assert "trả lại ở bước “Ban Biên tập duyệt” (Hà Triệu Thu)" in notice.body
    assert "Lý do: Thiếu tính thời sự" in notice.body
    assert "Sự kiện đã qua hai tuần." in notice.body


def test_the_author_hears_of_the_publication_with_its_address(article, staff):
    state = submit(article, staff["author"])
    act(state, staff["secretary"], "approve")
    mail.outbox.clear()
    act(state, staff["board"], "approve", comment="Đăng ngay.")
    assert state.status == WorkflowState.STATUS_APPROVED
    [notice] = to(staff["author"].email)
    assert notice.subject == "[Cổng TTĐT HĐND] Tin bài đã được duyệt: Tiếp xúc cử tri xã Cao Sơn"
    assert "đã được Ban Biên tập duyệt (Hà Triệu Thu) và xuất bản" in notice.body
    assert "Đăng ngay." in notice.body
    assert article.specific_class.objects.get(pk=article.pk).url in notice.body
    assert len(mail.outbox) == 1  # no "step passed" beside it, nothing to superusers


def test_an_item_the_automatic_checks_return_tells_its_author_what_to_fix(category, staff):
    page = ArticlePageFactory(parent=category, live=False, owner=staff["author"], authors=[])
    submit(page, staff["author"])
    [notice] = to(staff["author"].email)
    assert "trả lại ở bước “Kiểm tra tự động” (Kiểm tra tự động)" in notice.body
    assert "Chưa ghi tác giả" in notice.body
    assert not to(staff["secretary"].email)  # nothing reached the secretariat


def test_a_reviewer_who_turned_notices_off_or_has_no_address_is_not_mailed(article, staff):
    profile = UserProfile.get_for_user(staff["secretary"])
    profile.submitted_notifications = False
    profile.save()
    other = member("Thư ký", "thu-ky-2")  # no address
    submit(article, staff["author"])
    assert not to(staff["secretary"].email)
    assert all(message.to != [""] for message in mail.outbox)
    assert other.email == ""


def test_superusers_are_not_mailed_on_every_submission(article, staff, django_user_model):
    django_user_model.objects.create_superuser("quan-tri", "quan-tri@hdnd.example.gov.vn", "x")
    submit(article, staff["author"])
    assert not to("quan-tri@hdnd.example.gov.vn")
