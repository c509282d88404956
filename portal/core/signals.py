"""Signal wiring for the core app: invalidating the full-page cache.

Whatever changes what anonymous visitors see bumps the page cache's generation
(``portal.core.page_cache.invalidate``):

- pages of every type: published (this includes ``publish_scheduled`` making a
  scheduled revision live, and copies), unpublished (including
  ``publish_scheduled`` expiring a page), moved, deleted, and any other save
  of a live page that touches more than the draft bookkeeping (aliases,
  direct saves);
- view restrictions on pages, sites, site settings, images and documents;
- every snippet (Wagtail's snippet registry: nothing to list), unless the
  subject that owns it exempts it with a reason;
- the other models subjects register as ``cache_models``
  (``portal.core.registry``): the records that pages display.

Each handler is connected to its own senders only, except the snippet one:
snippets are registered from ``wagtail_hooks`` modules, after every
``AppConfig.ready()``, so it listens to every save and acts on snippets only.
Saving any other model (a log row, a counter kept in a model of its own)
never invalidates anything.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

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


_snippets_seen: tuple[tuple[int, int], frozenset] = ((-1, -1), frozenset())


def snippets_invalidating():
    """The snippet models whose changes invalidate cached pages.

    Every registered snippet that is not exempt, and not already connected as a
    cache model. Recomputed when Wagtail's snippet list or the registry changes.
    """
    global _snippets_seen
    snippet_models = get_snippet_models()
    key = (len(snippet_models), registry.version())
    if _snippets_seen[0] != key:
        connected = set(registry.cache_models())
        models = frozenset(
            model
            for model in snippet_models
            if model not in connected and registry.exemption(model) is None
        )
        _snippets_seen = (key, models)
    return _snippets_seen[1]


def _any_saved(sender, **kwargs):
    if sender in snippets_invalidating():
        page_cache.invalidate()


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
    post_save.connect(_any_saved, dispatch_uid="page-cache:snippets:save")
    post_delete.connect(_any_saved, dispatch_uid="page-cache:snippets:delete")
    registry.on_subject_registered(_subject_registered)
