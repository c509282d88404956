"""Keep the search index in step with publishing, moves, privacy and deletion,
and with the registered records that are not pages."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.core import page_cache, registry

from . import services
from .documents import builder_for


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    if builder_for(type(instance)) is not None:
        services.index_page(instance)


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    services.remove_page(instance.pk)


@receiver(post_delete, sender=Page)
def remove_deleted_page(sender, instance, **kwargs):
    # The rows also go with the page (ON DELETE CASCADE); this covers the
    # rows Django deletes without cascading through the ORM.
    services.remove_page(instance.pk)


@receiver(post_page_move)
def reindex_moved_page(sender, instance, **kwargs):
    """A move changes the category (and may move the page into a private section)."""
    services.reindex_subtree(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_restricted_subtree(sender, instance, **kwargs):
    """A view restriction hides (or, removed, shows again) a page and all below it."""
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:  # the page itself is being deleted
        return
    services.reindex_subtree(page)


def _record_saved(sender, instance, **kwargs):
    services.index_records(sender, [instance])
    page_cache.invalidate()  # cached search results (portal.search.cache) are stale


def _record_deleted(sender, instance, **kwargs):
    services.remove_record(sender, instance.pk)
    page_cache.invalidate()


def _subject_registered(subject):
    for searchable in subject.searchable:
        if issubclass(searchable.model, Page):
            continue
        uid = f"search:{searchable.model._meta.label}"
        post_save.connect(_record_saved, sender=searchable.model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_record_deleted, sender=searchable.model, dispatch_uid=f"{uid}:del")


registry.on_subject_registered(_subject_registered)
