"""The dashboard's "Tin bài của tôi" panel and the reviewers' queues."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from portal.editorial.dashboard import my_items, review_queue, waited_words
from portal.editorial.models import ReviewReason
from portal.news.factories import ArticlePageFactory

from .test_workflow import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(category, people):
    author, secretary = people["author"], people["secretary"]
    draft = ArticlePageFactory(parent=category, title="Bản nháp", live=False, owner=author)
    waiting = ArticlePageFactory(parent=category, title="Tin đang chờ", live=False, owner=author)
    submit(waiting, author)
    returned = ArticlePageFactory(parent=category, title="Tin bị trả lại", live=False, owner=author)
    state = submit(returned, author)
    task_state = state.current_task_state
    task_state.task.specific.on_action(
        task_state,
        secretary,
        "reject",
        reason=ReviewReason.objects.get(name="Ảnh chất lượng thấp").pk,
        comment="Ảnh bị mờ, thay ảnh khác.",
    )
    published = ArticlePageFactory(parent=category, title="Tin đã đăng", owner=author)
    other = ArticlePageFactory(parent=category, title="Tin của người khác", live=False)
    return {
        "draft": draft,
        "waiting": waiting,
        "returned": returned,
        "published": published,
        "other": other,
    }


def test_each_item_says_its_state_who_has_it_and_the_reviewers_comments(items, people):
    found = {item.page.title: item for item in my_items(people["author"])}
    assert set(found) == {"Bản nháp", "Tin đang chờ", "Tin bị trả lại", "Tin đã đăng"}
    assert found["Bản nháp"].state.startswith("Bản nháp")
    assert found["Tin đang chờ"].state == "Đang chờ bước “Thư ký xem xét”"
    assert found["Tin đang chờ"].holder == "Thư ký"
    assert [note.step for note in found["Tin đang chờ"].notes] == ["Kiểm tra tự động"]
    returned = found["Tin bị trả lại"]
    assert returned.state.startswith("Bị trả lại") and returned.holder == "Tác giả"
    last = returned.notes[-1]
    assert (last.step, last.reason, last.comment) == (
        "Thư ký xem xét",
        "Ảnh chất lượng thấp",
        "Ảnh bị mờ, thay ảnh khác.",
    )
    assert last.by == "thu-ky"
    assert found["Tin đã đăng"].state == "Đã xuất bản"


def test_the_panel_costs_the_same_queries_whatever_the_number_of_items(
    items, people, category, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        my_items(people["author"])
    for number in range(6):
        page = ArticlePageFactory(
            parent=category, title=f"Thêm {number}", live=False, owner=people["author"]
        )
        submit(page, people["author"])
    with django_assert_max_num_queries(6):
        assert len(my_items(people["author"])) == 10


def test_reviewers_see_their_queue_oldest_first_with_the_wait(items, people):
    TaskState.objects.filter(
        workflow_state__object_id=str(items["waiting"].pk), status=TaskState.STATUS_IN_PROGRESS
    ).update(started_at=timezone.now() - timedelta(days=3, hours=4))
    queue = review_queue(people["secretary"])
    assert [item.page.title for item in queue] == ["Tin đang chờ"]
    assert queue[0].step == "Thư ký xem xét" and queue[0].submitted_by == "ctv-cho-moi"
    assert waited_words(queue[0].waited) == "3 ngày 4 giờ"
    assert review_queue(people["board"]) == []
    assert review_queue(people["author"]) == []


def test_the_dashboard_shows_both_panels_in_vietnamese(client, items, people):
    client.force_login(people["author"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tin bài của tôi" in html and "Tin bị trả lại" in html
    assert "Ảnh bị mờ, thay ảnh khác." in html and "Ảnh chất lượng thấp" in html
    assert "Tin của người khác" not in html
    assert "Tin bài chờ tôi xem xét" not in html
    client.force_login(people["secretary"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tin bài chờ tôi xem xét" in html and "Tin đang chờ" in html


def test_waited_words():
    assert waited_words(timedelta(minutes=8, seconds=30)) == "8 phút"
    assert waited_words(timedelta(hours=5, minutes=12)) == "5 giờ 12 phút"
    assert WorkflowState.STATUS_NEEDS_CHANGES == "needs_changes"
