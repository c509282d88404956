"""Reads of the council subject: what a visitor may see of terms, sessions and their
documents (always through ``portal.core.visibility``), and how timely each document
was posted."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone

from portal.core.visibility import visible_pages, visible_q

from .models import (
    CouncilSettings,
    DocumentType,
    SessionDocument,
    SessionDocumentFile,
    SessionPage,
    TermPage,
)

# --- visibility ---------------------------------------------------------------------


def visible_documents_q(now=None) -> Q:
    """A document a visitor may see: published, posted, of a session a visitor may see."""
    now = now or timezone.now()
    return Q(published=True, posted_at__lte=now) & visible_q(
        now, live="session__live", path="session__path", expire_at="session__expire_at"
    )


def visible_documents(queryset=None, now=None):
    queryset = SessionDocument.objects.all() if queryset is None else queryset
    return queryset.filter(visible_documents_q(now))


def is_document_visible(document, now=None) -> bool:
    return visible_documents(SessionDocument.objects.filter(pk=document.pk), now).exists()


def _files_prefetch():
    return Prefetch(
        "files",
        queryset=SessionDocumentFile.objects.select_related("file").order_by("name", "version"),
    )


def session_documents(session, now=None) -> list[SessionDocument]:
    """The visible documents of a session, in the order of their types, with their files:
    two queries whatever their number."""
    documents = list(
        visible_documents(SessionDocument.objects.filter(session=session), now)
        .prefetch_related(_files_prefetch())
        .order_by("sort_order", "issue_date", "pk")
    )
    order = {kind: position for position, kind in enumerate(DocumentType.values)}
    documents.sort(key=lambda d: order.get(d.document_type, len(order)))
    return documents


def session_document(session, document_id: int, now=None) -> SessionDocument | None:
    return (
        visible_documents(SessionDocument.objects.filter(session=session, pk=document_id), now)
        .select_related("agenda_item")
        .prefetch_related(_files_prefetch())
        .first()
    )


# --- files and versions ---------------------------------------------------------------


@dataclass(frozen=True)
class FileHistory:
    """The versions of one of a document's files, oldest first; ``current`` is the last."""

    name: str
    versions: tuple[SessionDocumentFile, ...]

    @property
    def current(self) -> SessionDocumentFile:
        return self.versions[-1]

    @property
    def replaced(self) -> tuple[SessionDocumentFile, ...]:
        return self.versions[:-1]


def file_histories(document) -> list[FileHistory]:
    """From the prefetched files: one history per file name, in the order first uploaded."""
    by_name: dict[str, list] = defaultdict(list)
    for item in sorted(document.files.all(), key=lambda f: (f.version, f.pk)):
        by_name[item.name].append(item)
    histories = [FileHistory(name, tuple(items)) for name, items in by_name.items()]
    histories.sort(key=lambda h: (h.versions[0].uploaded_at, h.versions[0].pk))
    return histories


def current_files(document) -> list[SessionDocumentFile]:
    return [history.current for history in file_histories(document)]


def replacement_of(document, item) -> SessionDocumentFile | None:
    """The current version of ``item``'s file when ``item`` was replaced, else None."""
    for history in file_histories(document):
        if history.name == item.name and history.current.pk != item.pk:
            return history.current
    return None


# --- timeliness ------------------------------------------------------------------------


def lead_times() -> dict:
    """Days before the opening each document type must be posted (None: no rule)."""
    settings = CouncilSettings.load()
    return settings.lead_days(list(settings.lead_time_rules.all()))


@dataclass(frozen=True)
class Timeliness:
    applies: bool
    deadline: datetime.date | None = None
    posted_on: datetime.date | None = None
    lead_days: int | None = None
    days_before_opening: int | None = None  # negative: posted after the opening day
    late: bool = False

    @property
    def late_by(self) -> int:
        if not (self.late and self.deadline):
            return 0
        end = self.posted_on or timezone.localdate()
        return (end - self.deadline).days

    @property
    def label(self) -> str:
        """ "Đăng trước khai mạc 9 ngày", "Đăng muộn 2 ngày (quy định: trước khai mạc 7 ngày)"."""
        if self.posted_on is None:
            if not self.applies:
                return "Chưa đăng"
            due = _ngay(self.deadline)
            return f"Chưa đăng, đã quá hạn {due}" if self.late else f"Chưa đăng, hạn đăng {due}"
        days = self.days_before_opening
        if days > 0:
            when = f"Đăng trước khai mạc {days} ngày"
        elif days == 0:
            when = "Đăng trong ngày khai mạc"
        else:
            when = f"Đăng sau khai mạc {-days} ngày"
        if not self.applies:
            return when
        if self.late:
            rule = f"quy định: trước khai mạc {self.lead_days} ngày"
            return f"{when} – muộn {self.late_by} ngày ({rule})"
        return f"{when} – đúng hạn"


def _ngay(day) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else ""


def document_timeliness(document, session, lead_days: dict, today=None) -> Timeliness:
    """When ``document`` was posted relative to ``session``'s opening day, against the rule
    for its type (``lead_days``: from ``lead_times()``)."""
    days = lead_days.get(DocumentType(document.document_type))
    posted_on = timezone.localdate(document.posted_at) if document.posted_at else None
    before = (session.opening_date - posted_on).days if posted_on else None
    if days is None:
        return Timeliness(applies=False, posted_on=posted_on, days_before_opening=before)
    deadline = session.opening_date - datetime.timedelta(days=days)
    if posted_on is None:
        late = (today or timezone.localdate()) > deadline
    else:
        late = posted_on > deadline
    return Timeliness(
        applies=True,
        deadline=deadline,
        posted_on=posted_on,
        lead_days=days,
        days_before_opening=before,
        late=late,
    )


# --- pages -----------------------------------------------------------------------------


def term_sessions(term) -> list[SessionPage]:
    """A term's visible sessions, in the order of their dates."""
    return list(
        visible_pages(SessionPage.objects.child_of(term)).order_by("opening_date", "number")
    )


def terms_with_sessions(index) -> list[tuple[TermPage, list[SessionPage]]]:
    """The visible terms (newest first), each with its visible sessions: two queries."""
    terms = list(visible_pages(TermPage.objects.child_of(index)).order_by("-start_year"))
    if not terms:
        return []
    sessions = visible_pages(SessionPage.objects.descendant_of(index))
    by_term = defaultdict(list)
    for session in sessions.order_by("opening_date", "number"):
        for term in terms:
            if session.path.startswith(term.path):
                by_term[term.pk].append(session)
                break
    return [(term, by_term[term.pk]) for term in terms]


@dataclass(frozen=True)
class DocumentGroup:
    label: str
    kind: str
    documents: list


def session_overview(session, now=None) -> dict:
    """What a session's page shows: its agenda with each item's documents, every visible
    document grouped by type with its files and timeliness, and the count of late
    postings. A fixed number of queries, whatever the number of documents."""
    documents = session_documents(session, now)
    rules = lead_times()
    today = timezone.localdate(now) if now else None
    by_item = defaultdict(list)
    groups: dict[str, list] = {}
    for document in documents:
        document.timeliness = document_timeliness(document, session, rules, today)
        document.current_files = current_files(document)
        groups.setdefault(document.document_type, []).append(document)
        if document.agenda_item_id:
            by_item[document.agenda_item_id].append(document)
    agenda = [(item, by_item.get(item.pk, [])) for item in session.agenda_items.all()]
    applicable = [d for d in documents if d.timeliness.applies]
    return {
        "agenda": agenda,
        "document_groups": [
            DocumentGroup(DocumentType(kind).label, kind, items) for kind, items in groups.items()
        ],
        "documents": documents,
        "late_count": sum(1 for d in applicable if d.timeliness.late),
        "timed_count": len(applicable),
        "file_count": sum(len(d.current_files) for d in documents),
    }


def zip_entries(session, now=None) -> list[tuple[str, SessionDocumentFile]]:
    """(name inside the ZIP, file) of the current version of every visible file of the
    session: a folder per document type, names unique."""
    from portal.core.text import slugify_vi

    entries, used = [], set()
    for document in session_documents(session, now):
        folder = slugify_vi(document.get_document_type_display())
        stem = slugify_vi(document.number.replace("/", "-")) if document.number else ""
        stem = stem or f"tai-lieu-{document.pk}"
        abstract = slugify_vi(document.abstract)[:60].strip("-")
        for item in current_files(document):
            base = f"{folder}/{stem}-{abstract}" if abstract else f"{folder}/{stem}"
            if len(current_files(document)) > 1:
                base = f"{base}-{slugify_vi(item.name)}"
            name, n = f"{base}.{item.extension}", 2
            while name in used:
                name, n = f"{base}-{n}.{item.extension}", n + 1
            used.add(name)
            entries.append((name, item))
    return entries
