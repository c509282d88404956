"""The demo's newsroom: every role has an account, the contributors their sections,
and the workflow holds an item in each state with its reasons and comments."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import TaskState, WorkflowState

from portal.demo import services
from portal.demo.newsroom import ROUNDS
from portal.editorial.models import ReviewTaskState
from portal.editorial.sections import sections_of
from portal.news.models import ArticlePage

OPTIONS = {"articles": 240, "galleries": 1, "image_pool": 2, "batch_size": 100}


def _states():
    found = {}
    for state in WorkflowState.objects.select_related("current_task_state__task"):
        task_state = state.current_task_state
        found.setdefault((state.status, task_state.task.name, task_state.status), []).append(state)
    return found


@pytest.mark.django_db
def test_every_role_and_every_workflow_state_is_in_the_demo_once():
    first = services.demo_load(seed=2019, **OPTIONS)
    assert first.workflow_items == len(ROUNDS)
    assert ArticlePage.objects.count() == OPTIONS["articles"]  # taken from the articles, not added

    users = {user.username: user for user in get_user_model().objects.all()}
    roles = {name: set(users[name].groups.values_list("name", flat=True)) for name in users}
    assert "Quản trị" in roles["quantri"] and "Ban Biên tập" in roles["truongban"]
    assert [name for name in users if "Trưởng ban Biên tập" in roles[name]] == ["truongban"]
    assert [page.title for page in sections_of(users["ctv.babe"])] == ["HĐND cấp xã"]
    assert [page.title for page in sections_of(users["daibieu.nganson"])] == [
        "Tiếng nói người đại biểu nhân dân"
    ]

    states = _states()
    approved, needs, going = (
        WorkflowState.STATUS_APPROVED,
        WorkflowState.STATUS_NEEDS_CHANGES,
        WorkflowState.STATUS_IN_PROGRESS,
    )
    assert set(states) == {
        (needs, "Kiểm tra tự động", TaskState.STATUS_REJECTED),
        (going, "Thư ký xem xét", TaskState.STATUS_IN_PROGRESS),
        (needs, "Thư ký xem xét", TaskState.STATUS_REJECTED),
        (going, "Ban Biên tập duyệt", TaskState.STATUS_IN_PROGRESS),
        (needs, "Ban Biên tập duyệt", TaskState.STATUS_REJECTED),
        (approved, "Ban Biên tập duyệt", TaskState.STATUS_APPROVED),
    }
    checks = states[(needs, "Kiểm tra tự động", TaskState.STATUS_REJECTED)][0]
    assert "1.200" in checks.current_task_state.comment  # the lead picture is too narrow
    returns = {
        state.reason.name: state.comment
        for state in ReviewTaskState.objects.exclude(reason=None).select_related("reason")
    }
    assert set(returns) == {"Ảnh chất lượng thấp", "Thiếu tính thời sự"}
    assert all(returns.values())
    published = states[(approved, "Ban Biên tập duyệt", TaskState.STATUS_APPROVED)][0]
    assert published.content_object.specific.live
    submitted = WorkflowState.objects.values_list("object_id", flat=True)
    drafts = ArticlePage.objects.filter(owner=users["ctv.babe"], live=False)
    assert len([page for page in drafts if str(page.pk) not in submitted]) == 1  # never sent

    pages = ArticlePage.objects.count()
    again = services.demo_load(seed=2019, **OPTIONS)
    assert again.workflow_items == 0
    assert ArticlePage.objects.count() == pages
    assert WorkflowState.objects.count() == len(ROUNDS) - 1
