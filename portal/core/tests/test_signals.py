"""Every change that public pages show invalidates the page cache; drafts don't."""

import time
from datetime import timedelta

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction, Site

from portal.core import page_cache
from portal.core.factories import AdministrativeUnitFactory, AuthorFactory
from portal.core.models import RelatedAgencyLink, SiteSettings
from portal.news.factories import ArticlePageFactory, GenreFactory
from portal.news.models import Topic


class Generation:
    def __init__(self):
        self.value = page_cache.current_generation()

    def changed(self):
        new = page_cache.current_generation()
        changed, self.value = new != self.value, new
        return changed


@pytest.fixture
def generation(db):
    return Generation()


@pytest.fixture
def article(category):
    return ArticlePageFactory(parent=category)


def test_publishing_invalidates(category, generation):
    ArticlePageFactory(parent=category)
    assert generation.changed()


def test_publishing_a_new_revision_invalidates(article, generation):
    article.title = "Tiêu đề mới"
    article.save_revision().publish()
    assert generation.changed()


def test_saving_a_draft_does_not_invalidate(article, generation):
    article.title = "Bản nháp chưa đăng"
    article.save_revision()
    assert not generation.changed()


def test_creating_a_draft_page_does_not_invalidate(category):
    author, genre = AuthorFactory(), GenreFactory()
    generation = Generation()
    ArticlePageFactory(parent=category, live=False, authors=[author], genre=genre)
    assert not generation.changed()


def test_unpublishing_invalidates(article, generation):
    article.unpublish()
    assert generation.changed()


def test_moving_invalidates(article, other_category, generation):
    article.move(other_category, pos="last-child")
    assert generation.changed()


def test_deleting_invalidates(article, generation):
    article.delete()
    assert generation.changed()


def test_copying_a_live_page_invalidates(article, other_category, generation):
    article.copy(to=other_category, keep_live=True, update_attrs={"slug": "ban-sao"})
    assert generation.changed()


def test_view_restrictions_invalidate(article, generation):
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type="password", password="x"
    )
    assert generation.changed()
    restriction.delete()
    assert generation.changed()


def test_publish_scheduled_going_live_invalidates(category, generation):
    draft = ArticlePageFactory(parent=category, live=False)
    draft.go_live_at = timezone.now() + timedelta(seconds=1)
    draft.save_revision().publish()
    draft.refresh_from_db()
    assert not draft.live
    generation.changed()
    time.sleep(1.1)  # the scheduled moment passes
    assert not generation.changed()
    call_command("publish_scheduled")
    draft.refresh_from_db()
    assert draft.live
    assert generation.changed()


def test_publish_scheduled_expiring_invalidates(category, generation):
    page = ArticlePageFactory(parent=category, expire_at=timezone.now() + timedelta(hours=1))
    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    generation.changed()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired
    assert generation.changed()


@pytest.mark.parametrize(
    "make",
    [
        lambda: AuthorFactory(name="Nguyễn Văn An"),
        lambda: AdministrativeUnitFactory(name="Xã Thử"),
        lambda: GenreFactory(name="Phóng sự ảnh"),
        lambda: Topic.objects.create(name="Kỳ họp thứ 13"),
    ],
    ids=["author", "admin-unit", "genre", "topic"],
)
def test_snippets_invalidate_on_save_and_delete(generation, make):
    obj = make()
    assert generation.changed()
    obj.name = obj.name + " (sửa)"
    obj.save()
    assert generation.changed()
    obj.delete()
    assert generation.changed()


def test_site_settings_edits_invalidate(home, generation):
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    generation.changed()  # created with defaults while a page is built: no change
    settings.responsible_person = "Trần Văn Bình"
    settings.save()
    assert generation.changed()
    RelatedAgencyLink.objects.create(settings=settings, name="Cổng TTĐT tỉnh", url="https://x.vn")
    assert generation.changed()


def test_site_changes_invalidate(home, generation):
    site = Site.objects.get(is_default_site=True)
    site.site_name = "HĐND tỉnh"
    site.save()
    assert generation.changed()


def test_media_edits_invalidate_but_new_uploads_do_not(generation):
    image = wagtail_factories.ImageFactory(title="Ảnh")
    document = get_document_model().objects.create(
        title="Tờ trình", file=ContentFile(b"%PDF-1.4", name="to-trinh.pdf")
    )
    assert not generation.changed()
    image.title = "Ảnh hội nghị"
    image.save()
    assert generation.changed()
    document.title = "Tờ trình số 12"
    document.save()
    assert generation.changed()
    document.delete()
    assert generation.changed()
    image.delete()
    assert generation.changed()
