"""Signal wiring for the core app: invalidating the full-page cache.

Whatever changes what anonymous visitors see bumps the page cache's generation
(``portal.core.page_cache.invalidate``):

- pages: published (this includes ``publish_scheduled`` making a scheduled
  revision live, and copies), unpublished (including ``publish_scheduled``
  expiring a page), moved, deleted, and any other save of a live page that
  touches more than the draft bookkeeping (aliases, direct saves);
- view restrictions on pages, sites and site settings;
- the snippets and media that pages display (``CONTENT_MODELS``). Later apps
  add their own models with ``invalidate_page_cache_on``.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache

# Models whose rows public pages show (bylines, genres, units, tags, footer).
CONTENT_MODELS = [
    "core.Author",
    "core.AdministrativeUnit",
    "core.RelatedAgencyLink",
    "news.Genre",
    "news.Topic",
]

# Saves of a page that only record a draft, a lock or bookkeeping: they change
# nothing a visitor sees, and contributors make them all day long.
DRAFT_ONLY_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
    }
)


def _invalidate(**kwargs):
    page_cache.invalidate()


def _saved(sender, instance, created=False, update_fields=None, **kwargs):
    """Any save: a live page (beyond draft bookkeeping) or a setting of any app.

    Settings are created with their defaults the first time a page reads them
    (``for_site``), i.e. as the page is built: only later edits change anything.
    """
    if isinstance(instance, Page):
        if not instance.live:
            return
        if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
            return
        page_cache.invalidate()
    elif isinstance(instance, BaseSiteSetting | BaseGenericSetting) and not created:
        page_cache.invalidate()


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_cache.invalidate()


def _media_changed(sender, instance, created=False, **kwargs):
    # A new upload is not on any page yet; an edited or replaced one may be
    # (a replaced image file deletes its renditions).
    if not created:
        page_cache.invalidate()


def invalidate_page_cache_on(*models):
    """Invalidate the page cache whenever a row of one of these models changes."""
    for model in models:
        if isinstance(model, str):
            model = apps.get_model(model)
        uid = f"page-cache:{model._meta.label}"
        post_save.connect(_invalidate, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_invalidate, sender=model, dispatch_uid=f"{uid}:delete")


page_published.connect(_invalidate, dispatch_uid="page-cache:page-published")
page_unpublished.connect(_invalidate, dispatch_uid="page-cache:page-unpublished")
post_page_move.connect(_invalidate, dispatch_uid="page-cache:page-moved")
post_save.connect(_saved, dispatch_uid="page-cache:saved")
post_delete.connect(_page_deleted, sender=Page, dispatch_uid="page-cache:page-deleted")
invalidate_page_cache_on(PageViewRestriction, Site, *CONTENT_MODELS)
for _media_model in (get_image_model(), get_document_model()):
    post_save.connect(
        _media_changed,
        sender=_media_model,
        dispatch_uid=f"page-cache:{_media_model._meta.label}:save",
    )
    post_delete.connect(
        _invalidate,
        sender=_media_model,
        dispatch_uid=f"page-cache:{_media_model._meta.label}:delete",
    )
