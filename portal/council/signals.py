"""Keep the search entries of session documents and resolutions in step with their
session: a document or a resolution is shown while its session is, so publishing,
unpublishing, moving or restricting a session (or a page above it) re-indexes the
documents and resolutions below it."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.search.services import index_records

from .models import CouncilIndexPage, Resolution, SessionDocument, SessionPage, TermPage


def reindex_documents_below(page) -> int:
    sessions = SessionPage.objects.descendant_of(page, inclusive=True)
    documents = SessionDocument.objects.filter(session__in=sessions)
    resolutions = Resolution.objects.filter(session__in=sessions)
    return index_records(SessionDocument, documents) + index_records(Resolution, resolutions)


def _page_changed(sender, instance, **kwargs):
    if isinstance(instance, SessionPage | TermPage | CouncilIndexPage):
        reindex_documents_below(instance)


def _restriction_changed(sender, instance, **kwargs):
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return
    reindex_documents_below(page)


def connect():
    page_published.connect(_page_changed, dispatch_uid="council:published")
    page_unpublished.connect(_page_changed, dispatch_uid="council:unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="council:moved")
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="council:r+")
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="council:r-")
