"""A page carrying a classification marking is never live, whatever the route:
the editor's form, revision.publish() (the publish button, workflow approval,
bulk actions, reverting), publish_scheduled, a direct save."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction

from portal.news.factories import ArticlePageFactory
from portal.news.models import ArticlePage, NewsCategoryPage

pytestmark = pytest.mark.django_db

MARKED_BODY = [("paragraph", "<p>TUYỆT MẬT</p>"), ("paragraph", "<p>Phương án bảo vệ.</p>")]


def draft(category, **kwargs):
    return ArticlePageFactory(parent=category, live=False, **kwargs)


def test_the_editor_form_refuses_a_marked_title(news_index):
    user = get_user_model().objects.create_superuser("bt", "bt@example.vn", "x")
    form_class = NewsCategoryPage.get_edit_handler().get_form_class()
    form = form_class(
        {
            "title": "[TỐI MẬT] Kế hoạch",
            "slug": "ke-hoach",
            "intro": '{"blocks": [], "entityMap": {}}',
        },
        instance=NewsCategoryPage(),
        parent_page=news_index,
        for_user=user,
    )
    assert not form.is_valid()
    assert "Trang mang dấu độ mật “Tối mật” (tiêu đề)" in form.non_field_errors()[0]


def test_publishing_a_marked_revision_is_refused(client, category):
    page = draft(category, title="Phương án bảo vệ kỳ họp", body=MARKED_BODY)
    revision = page.save_revision()
    with pytest.raises(ValidationError, match="Tuyệt mật"):
        revision.publish()
    page.refresh_from_db()
    assert not page.live
    assert client.get(f"{category.url}{page.slug}/").status_code == 404


def test_the_publish_action_used_by_bulk_actions_and_workflows_is_refused(category):
    page = draft(category, lead="Độ mật: Mật")
    with pytest.raises(ValidationError):
        PublishPageRevisionAction(page.save_revision()).execute()
    assert not ArticlePage.objects.get(pk=page.pk).live


def test_reverting_a_live_page_to_a_marked_revision_is_refused(category):
    page = ArticlePageFactory(parent=category, title="Tin công khai")
    page.title = "TUYỆT MẬT: Tin cũ"
    marked = page.save_revision()  # a draft: not published
    page.refresh_from_db()
    assert page.title == "Tin công khai" and page.live
    with pytest.raises(ValidationError):
        marked.publish()
    assert ArticlePage.objects.get(pk=page.pk).title == "Tin công khai"


def test_a_direct_save_of_a_live_marked_page_is_refused(category):
    page = ArticlePageFactory(parent=category)
    page.lead = "MẬT"
    with pytest.raises(ValidationError):
        page.save()
    assert ArticlePage.objects.get(pk=page.pk).lead != "MẬT"


def test_publish_scheduled_skips_a_marked_page_and_publishes_the_others(category, capsys):
    marked = draft(category, title="Kế hoạch", body=MARKED_BODY)
    clean = draft(category, title="Lịch tiếp công dân tháng 12")
    from wagtail.models import Revision

    for page in (marked, clean):
        page.go_live_at = timezone.now() + timedelta(minutes=5)
        page.save_revision().publish()  # scheduled, not live yet
    past = timezone.now() - timedelta(minutes=1)
    for revision in Revision.objects.filter(approved_go_live_at__isnull=False):
        revision.content["go_live_at"] = past.isoformat()  # the time has come
        revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    assert ArticlePage.objects.get(pk=clean.pk).live
    assert not ArticlePage.objects.get(pk=marked.pk).live
    assert "mang dấu độ mật “Tuyệt mật”" in capsys.readouterr().err
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


def test_prose_about_secrets_publishes(category):
    page = ArticlePageFactory(
        parent=category,
        title="Tập huấn công tác bảo vệ bí mật nhà nước",
        lead="Học viên phân loại tài liệu mật, tối mật, tuyệt mật; đổi mật khẩu định kỳ.",
    )
    assert page.live


def test_a_draft_may_be_saved_with_a_marking_only_outside_the_editor(category):
    """Drafts saved by code are not publications (the editor's form refuses them)."""
    page = draft(category, lead="TỐI MẬT")
    assert not page.live
