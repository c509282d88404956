"""The page listing's bulk "Xuất bản" goes through the workflow, for every role: a page
the board has not approved is not live afterwards."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import GroupPagePermission, Page, PageLogEntry, Workflow, WorkflowState

from portal.editorial.bulk_publish import WorkflowPublishBulkAction
from portal.news.factories import ArticlePageFactory
from portal.news.models import ArticlePage

from .conftest import member

pytestmark = pytest.mark.django_db


def bulk_publish(client, *pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    query = urlencode({"id": [page.pk for page in pages], "next": "/admin/"}, doseq=True)
    return client.post(f"{url}?{query}", {})


def submit(page, user):
    page.save_revision(user=user)
    Workflow.objects.get(name="Quy trình duyệt tin bài").start(page, user)
    return WorkflowState.objects.get(object_id=str(page.pk), base_content_type__model="page")


def at_board(page, people):
    """``page`` submitted by its author and passed on by the secretariat."""
    state = submit(page, people["author"])
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, people["secretary"], "approve")
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Ban Biên tập duyệt"
    return state


def live(page):
    return ArticlePage.objects.get(pk=page.pk).live


def shown(response):
    return [str(message) for message in response.wsgi_request._messages]


def test_the_portal_s_action_replaces_wagtail_s():
    action = bulk_action_registry.get_bulk_action_class("wagtailcore", "page", "publish")
    assert action is WorkflowPublishBulkAction


@pytest.mark.parametrize("role", ["author", "secretary", "board"])
def test_a_draft_is_submitted_not_published_whoever_asks(client, category, people, role):
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    client.force_login(people[role])
    response = bulk_publish(client, page)
    assert response.status_code == 302
    assert not live(page)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Thư ký xem xét"
    assert any("đã gửi vào quy trình duyệt" in text for text in shown(response))


def test_at_the_secretariat_s_step_nobody_publishes_it_in_bulk(client, category, people):
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    state = submit(page, people["author"])
    for role in ("secretary", "board"):
        client.force_login(people[role])
        response = bulk_publish(client, page)
        assert not live(page)
        state.refresh_from_db()
        assert state.current_task_state.task.name == "Thư ký xem xét"
    assert any("đang ở bước “Thư ký xem xét”" in text for text in shown(response))


def test_at_the_board_s_step_only_the_board_publishes_through_the_workflow(
    client, category, people
):
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    people["author"].email = "ctv@example.vn"
    people["author"].save()
    state = at_board(page, people)
    administrator = member("Quản trị", "quan-tri")
    for user in (people["author"], people["secretary"], administrator):
        client.force_login(user)
        bulk_publish(client, page)
        assert not live(page), user
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
    mail.outbox.clear()
    client.force_login(people["board"])
    response = bulk_publish(client, page)
    assert live(page)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.current_task_state.finished_by == people["board"]
    assert any("đã duyệt bước “Ban Biên tập duyệt” và xuất bản" in t for t in shown(response))
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"wagtail.workflow.approve", "wagtail.publish"} <= actions
    assert [m.to for m in mail.outbox] == [["ctv@example.vn"]]
    assert "Tin bài đã được duyệt" in mail.outbox[0].subject


def test_a_returned_item_stays_with_its_author(client, category, people):
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"], event_date=None)
    state = submit(page, people["author"])
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    client.force_login(people["board"])
    response = bulk_publish(client, page)
    assert not live(page)
    assert any("đang chờ tác giả sửa" in text for text in shown(response))


def test_unpublished_subpages_are_submitted_too(client, category, people):
    parent = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    child = ArticlePageFactory(parent=parent, live=False, owner=people["author"])
    client.force_login(people["board"])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{url}?id={parent.pk}", {"include_descendants": "on"})
    assert not live(parent) and not live(child)
    assert WorkflowState.objects.filter(object_id=str(child.pk)).exists()


def test_a_superuser_gets_wagtail_s_rule_approving_any_step_only_at_the_last(
    client, category, people, django_user_model
):
    root = django_user_model.objects.create_superuser("goc", "goc@example.vn", "x")
    draft = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    waiting = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    at_board(waiting, people)
    client.force_login(root)
    bulk_publish(client, draft, waiting)
    assert not live(draft) and live(waiting)


def test_contributors_and_the_secretariat_hold_no_publish_permission(category, people):
    for name in ("Cộng tác viên", "Thư ký"):
        codenames = GroupPagePermission.objects.filter(
            group=Group.objects.get(name=name)
        ).values_list("permission__codename", flat=True)
        assert "publish_page" not in codenames, name
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    for role in ("author", "secretary"):
        permissions = page.permissions_for_user(people[role])
        assert not permissions.can_publish() and not permissions.can_publish_subpage()
    assert (
        not Page.objects.get(pk=category.pk).permissions_for_user(people["secretary"]).can_publish()
    )


def test_a_marked_draft_published_in_bulk_goes_back_to_its_author(
    client, category, people, django_user_model
):
    root = django_user_model.objects.create_superuser("goc2", "goc2@example.vn", "x")
    page = ArticlePageFactory(
        parent=category, live=False, owner=people["author"], lead="Độ mật: Tối mật"
    )
    client.force_login(root)
    response = bulk_publish(client, page)
    assert not live(page)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "Tối mật" in state.current_task_state.comment
    assert any("chưa qua kiểm tra tự động" in text for text in shown(response))


def test_the_confirmation_says_what_the_action_does(client, category, people):
    page = ArticlePageFactory(parent=category, live=False, owner=people["author"])
    client.force_login(people["secretary"])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = client.get(f"{url}?id={page.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "chỉ lên trang công khai khi Ban Biên tập đã duyệt" in html
    assert page.title in html
