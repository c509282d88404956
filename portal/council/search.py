"""What the public search keeps of the council: sessions (pages) and their documents
(records, found by their metadata; the text inside their files comes later)."""

import datetime

from django.utils import timezone

from portal.core.registry import Searchable
from portal.core.visibility import is_visible
from portal.search.documents import SearchDocument

from .models import CouncilIndexPage, Resolution, SessionDocument, SessionPage


def _day(value):
    if value is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time(7, 30)))


def _dates(start, end) -> str:
    def ngay(day):
        return f"{day.day:02d}/{day.month:02d}/{day.year}"

    return ngay(start) if start == end else f"{ngay(start)} - {ngay(end)}"


def session_document(page) -> SearchDocument:
    return SearchDocument(
        title=page.title,
        lead=(
            f"Kỳ họp {page.get_session_type_display().lower()}, "
            f"{_dates(page.opening_date, page.closing_date)}"
            + (f", {page.place}" if page.place else "")
        ),
        text="\n".join(item.title for item in page.agenda_items.all()),
        date=_day(page.opening_date),
        extra=[page.place],
    )


def document_document(document) -> SearchDocument:
    session = document.session
    return SearchDocument(
        title=document.title,
        lead=document.abstract,
        text=f"{document.issuing_body}. {session.title}",
        date=document.posted_at or _day(document.issue_date),
        extra=[
            document.number,
            document.number.replace("/", " ").replace("-", " "),
            document.get_document_type_display(),
        ],
    )


def document_url(document) -> str:
    return f"{document.session.url}tai-lieu/{document.pk}/"


def document_visible(document) -> bool:
    return (
        document.published
        and document.posted_at is not None
        and document.posted_at <= timezone.now()
        and is_visible(document.session)
    )


def resolution_document(resolution) -> SearchDocument:
    return SearchDocument(
        title=resolution.full_title,
        lead=resolution.title,
        text=f"{resolution.issuing_body}. {resolution.get_kind_display()}",
        date=_day(resolution.adoption_date),
        extra=[
            resolution.code,
            resolution.code.replace("/", " ").replace("-", " "),
            resolution.field.name if resolution.field else "",
        ],
    )


def resolution_url(resolution) -> str:
    """The resolution's page below the council index (the register's route)."""
    index = None
    if resolution.session is not None:
        index = CouncilIndexPage.objects.ancestor_of(resolution.session).first()
    index = index or CouncilIndexPage.objects.order_by("path").first()
    return f"{index.url}so-nghi-quyet/{resolution.pk}/" if index else ""


def resolution_visible(resolution) -> bool:
    from .selectors import is_resolution_visible

    return is_resolution_visible(resolution)


SEARCHABLE = (
    Searchable(SessionPage, session_document, ("agenda_items",)),
    Searchable(
        SessionDocument,
        document_document,
        ("session",),
        url=document_url,
        visible=document_visible,
    ),
    Searchable(
        Resolution,
        resolution_document,
        ("session", "field"),
        url=resolution_url,
        visible=resolution_visible,
    ),
)
