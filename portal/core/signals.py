"""Signal wiring for the core app: invalidating the full-page cache.

Whatever changes what anonymous visitors see bumps the page cache's generation
(``portal.core.page_cache.invalidate``):

- pages of every type: published (this includes ``publish_scheduled`` making a
  scheduled revision live, and copies), unpublished (including
  ``publish_scheduled`` expiring a page), moved, deleted, and any other save
  of a live page that touches more than the draft bookkeeping (aliases,
  direct saves);
- view restrictions on pages, sites, site settings, images and documents;
- the models subjects register as ``cache_models`` (``portal.core.registry``):
  the snippets and records that pages display.

Each handler is connected to its own senders only: saving any other model
(a log row, a counter kept in a model of its own) never reaches this module.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache, registry
from .models.pages import DRAFT_ONLY_FIELDS


def _invalidate(**kwargs):
    page_cache.invalidate()


def _page_saved(sender, instance, update_fields=None, **kwargs):
    if not instance.live:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    page_cache.invalidate()


def _setting_saved(sender, instance, created=False, **kwargs):
    # Settings are created with their defaults the first time a page reads them
    # (``for_site``), i.e. as the page is built: only later edits change anything.
    if not created:
        page_cache.invalidate()


def _media_saved(sender, instance, created=False, **kwargs):
    # A new upload is not on any page yet; an edited or replaced one may be
    # (a replaced image file deletes its renditions).
    if not created:
        page_cache.invalidate()


def _connect(model, on_save, on_delete=_invalidate):
    uid = f"page-cache:{model._meta.label}"
    post_save.connect(on_save, sender=model, dispatch_uid=f"{uid}:save")
    post_delete.connect(on_delete, sender=model, dispatch_uid=f"{uid}:delete")


def invalidate_page_cache_on(*models):
    """Invalidate the page cache whenever a row of one of these models changes."""
    for model in models:
        if isinstance(model, str):
            model = apps.get_model(model)
        _connect(model, _invalidate)


def _subject_registered(subject):
    invalidate_page_cache_on(*subject.cache_models)


def connect_all():
    """Called once from ``CoreConfig.ready()``, when every model is loaded."""
    page_published.connect(_invalidate, dispatch_uid="page-cache:page-published")
    page_unpublished.connect(_invalidate, dispatch_uid="page-cache:page-unpublished")
    post_page_move.connect(_invalidate, dispatch_uid="page-cache:page-moved")
    for model in apps.get_models():
        if issubclass(model, Page):
            _connect(model, _page_saved)
        elif issubclass(model, BaseSiteSetting | BaseGenericSetting):
            _connect(model, _setting_saved)
    for model in (get_image_model(), get_document_model()):
        _connect(model, _media_saved)
    invalidate_page_cache_on(PageViewRestriction, Site)
    registry.on_subject_registered(_subject_registered)
