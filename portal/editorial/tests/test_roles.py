"""The newsroom's roles as the data migration creates them (portal/editorial/migrations)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Collection, Page, Workflow

from portal.editorial.sections import grant_section
from portal.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ROLES = ("Cộng tác viên", "Thư ký", "Ban Biên tập", "Quản trị")


def member(role, username=None):
    user = get_user_model().objects.create_user(
        username or role.lower().replace(" ", "-"), password="Mat-khau-dai-2026!"
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def test_the_four_roles_and_the_workflow_have_vietnamese_names():
    assert set(ROLES) <= set(Group.objects.values_list("name", flat=True))
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    workflow = Workflow.objects.get(name="Quy trình duyệt tin bài")
    assert [task.name for task in workflow.tasks] == [
        "Kiểm tra tự động",
        "Thư ký xem xét",
        "Ban Biên tập duyệt",
    ]
    reviewers = [
        list(task.specific.groups.values_list("name", flat=True)) for task in workflow.tasks[1:]
    ]
    assert reviewers == [["Thư ký"], ["Ban Biên tập"]]
    assert Collection.get_first_root_node().name == "Gốc"
    assert Page.objects.get(depth=1).title == "Gốc"


def test_a_contributor_writes_and_edits_own_drafts_only_and_never_publishes(category):
    author = member("Cộng tác viên", "ctv-a")
    other = member("Cộng tác viên", "ctv-b")
    grant_section(author, category)
    grant_section(other, category)
    own = ArticlePageFactory(parent=category, title="Tin của tôi", owner=author, live=False)
    theirs = ArticlePageFactory(parent=category, title="Tin người khác", owner=other, live=False)
    mine = own.permissions_for_user(author)
    assert category.permissions_for_user(author).can_add_subpage()
    assert mine.can_edit() and not mine.can_publish() and not mine.can_unpublish()
    assert not theirs.permissions_for_user(author).can_edit()
    assert author.has_perm("wagtailimages.add_image") or author.has_perm(
        "wagtailadmin.access_admin"
    )
    assert not author.has_perm("auth.add_user")


def test_the_secretariat_edits_every_item_and_the_board_publishes(category):
    writer = member("Cộng tác viên", "ctv-c")
    article = ArticlePageFactory(parent=category, title="Tin gửi duyệt", owner=writer, live=False)
    secretary = member("Thư ký")
    board = member("Ban Biên tập")
    assert article.permissions_for_user(secretary).can_edit()
    assert not article.permissions_for_user(secretary).can_publish()
    assert article.permissions_for_user(board).can_publish()


def test_the_administrator_manages_users_groups_and_settings(category):
    administrator = member("Quản trị")
    assert administrator.has_perm("auth.add_user")
    assert administrator.has_perm("auth.change_group")
    assert administrator.has_perm("core.change_sitesettings")
    assert category.permissions_for_user(administrator).can_publish()
