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


# --- the resolution register -------------------------------------------------------------


def visible_resolutions_q(now=None, prefix: str = "") -> Q:
    """A resolution a visitor may see: published, and adopted at a session a visitor may
    see (or at none recorded). ``prefix`` reads it through a relation (``"source__"``)."""
    session = f"{prefix}session__"
    return Q(**{f"{prefix}published": True}) & (
        Q(**{f"{session}isnull": True})
        | visible_q(
            now, live=f"{session}live", path=f"{session}path", expire_at=f"{session}expire_at"
        )
    )


def visible_resolutions(queryset=None, now=None):
    from .models import Resolution

    queryset = Resolution.objects.all() if queryset is None else queryset
    return queryset.filter(visible_resolutions_q(now))


def is_resolution_visible(resolution, now=None) -> bool:
    from .models import Resolution

    return visible_resolutions(Resolution.objects.filter(pk=resolution.pk), now).exists()


def incoming_relations(resolution, now=None) -> list:
    """The links pointing at ``resolution`` from resolutions a visitor may see."""
    from .models import ResolutionRelation

    return list(
        ResolutionRelation.objects.filter(target=resolution)
        .filter(visible_resolutions_q(now, prefix="source__"))
        .select_related("source")
        .order_by("date", "pk")
    )


def with_status(queryset, day: datetime.date | None = None, now=None):
    """``queryset`` annotated with ``status`` on ``day``, in SQL: the rule of
    ``Resolution.status_on`` (only links from visible resolutions count)."""
    from django.db.models import Case, CharField, Exists, F, OuterRef, Subquery, Value, When

    from .models import RelationKind, ResolutionRelation, ResolutionStatus

    day = day or timezone.localdate(now)
    links = ResolutionRelation.objects.filter(target=OuterRef("pk"), date__lte=day).filter(
        visible_resolutions_q(now, prefix="source__")
    )
    ending = links.exclude(kind=RelationKind.AMENDS).order_by("date", "pk")
    S = ResolutionStatus
    return queryset.annotate(
        end_kind=Subquery(ending.values("kind")[:1]),
        end_date=Subquery(ending.values("date")[:1]),
        amended=Exists(links.filter(kind=RelationKind.AMENDS)),
    ).annotate(
        status=Case(
            When(effective_date__gt=day, then=Value(S.NOT_YET)),
            When(
                Q(expiry_date__lte=day)
                & (Q(end_date__isnull=True) | Q(expiry_date__lt=F("end_date"))),
                then=Value(S.EXPIRED),
            ),
            When(end_kind=RelationKind.REPLACES, then=Value(S.REPLACED)),
            When(end_kind=RelationKind.REPEALS, then=Value(S.REPEALED)),
            When(amended=True, then=Value(S.AMENDED)),
            default=Value(S.IN_FORCE),
            output_field=CharField(),
        )
    )


SORTS = {
    "moi-nhat": ("Mới nhất", ("-adoption_date", "-number", "-pk")),
    "cu-nhat": ("Cũ nhất", ("adoption_date", "number", "pk")),
    "so": ("Theo số", ("-year", "kind", "number", "pk")),
}
PER_PAGE = 20


@dataclass
class Register:
    """One page of the register as a visitor asked for it: the page of resolutions, the
    filters as understood, the choices offered and what was ignored (``messages``)."""

    items: object
    filters: dict
    messages: list
    years: list
    fields: list
    bodies: list
    total: int

    @property
    def selected(self) -> dict:
        """The filters with template-friendly names (``trang_thai``, ``linh_vuc``…)."""
        return {key.replace("-", "_"): value for key, value in self.filters.items()}

    def query(self, page: int = 1, **changes) -> str:
        """The register's own filters and ``page`` as a query string (pagination links)."""
        from urllib.parse import urlencode

        values = {**self.filters, **changes}
        if values.get("sap-xep") == "moi-nhat":
            values.pop("sap-xep")
        if page > 1:
            values["page"] = page
        return f"?{urlencode(values)}" if values else ""


def _int(value):
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number


def resolution_register(params, day=None, now=None) -> Register:
    """The register filtered by ``params`` (a QueryDict: nam, loai, trang-thai, linh-vuc,
    co-quan, q, sap-xep, page). A value that makes no sense is left out with a message
    saying so, never an error."""
    from django.core.paginator import Paginator
    from django.db.models import Exists, OuterRef

    from portal.core.text import fold

    from .models import Resolution, ResolutionField, ResolutionKind, ResolutionStatus

    visible = visible_resolutions(Resolution.objects.all(), now)
    messages, filters = [], {}
    queryset = visible
    # The choices offered: distinct values computed by the database, a few rows each.
    years = list(visible.order_by("-year").values_list("year", flat=True).distinct())
    fields = list(
        ResolutionField.objects.filter(Exists(visible.filter(field=OuterRef("pk")).order_by()))
    )
    bodies = list(
        visible.order_by("issuing_body").values_list("issuing_body", flat=True).distinct()
    )

    raw = (params.get("nam") or "").strip()
    if raw:
        year = _int(raw)
        if year is None or not 1945 <= year <= 2100:
            messages.append(f"Năm “{raw}” không hợp lệ: đã bỏ qua bộ lọc năm.")
        else:
            filters["nam"] = year
            queryset = queryset.filter(year=year)
    raw = (params.get("loai") or "").strip()
    if raw:
        if raw in ResolutionKind.values:
            filters["loai"] = raw
            queryset = queryset.filter(kind=raw)
        else:
            messages.append(f"Loại nghị quyết “{raw}” không có: đã bỏ qua bộ lọc loại.")
    raw = (params.get("linh-vuc") or "").strip()
    if raw:
        field = next((f for f in fields if f.slug == raw), None)
        if field is None:
            field = ResolutionField.objects.filter(slug=raw).first()
        if field is None:
            messages.append(f"Lĩnh vực “{raw}” không có: đã bỏ qua bộ lọc lĩnh vực.")
        else:
            filters["linh-vuc"] = raw
            queryset = queryset.filter(field=field)
    raw = (params.get("co-quan") or "").strip()
    if raw:
        filters["co-quan"] = raw
        queryset = queryset.filter(issuing_body=raw)
    text = (params.get("q") or "").strip()[:200]
    if text:
        filters["q"] = text
        for word in fold(text).split():
            queryset = queryset.filter(search_text__contains=word)
    queryset = with_status(queryset, day, now)
    raw = (params.get("trang-thai") or "").strip()
    if raw:
        if raw in ResolutionStatus.values:
            filters["trang-thai"] = raw
            queryset = queryset.filter(status=raw)
        else:
            messages.append(f"Trạng thái “{raw}” không có: đã bỏ qua bộ lọc trạng thái.")
    raw = (params.get("sap-xep") or "").strip()
    sort = raw if raw in SORTS else "moi-nhat"
    if raw and raw not in SORTS:
        messages.append(f"Cách sắp xếp “{raw}” không có: sắp xếp mới nhất trước.")
    filters["sap-xep"] = sort
    queryset = queryset.select_related("field", "session").order_by(*SORTS[sort][1])
    paginator = Paginator(queryset, PER_PAGE)
    raw = (params.get("page") or "").strip()
    number = _int(raw) if raw else 1
    if raw and (number is None or number < 1):
        messages.append(f"Trang “{raw}” không hợp lệ: hiển thị trang đầu.")
        number = 1
    elif number > paginator.num_pages:
        if paginator.count:
            messages.append(
                f"Không có trang {number}: danh sách chỉ có {paginator.num_pages} trang, "
                "hiển thị trang cuối."
            )
        number = paginator.num_pages
    items = paginator.get_page(number)
    items.object_list = list(items.object_list)
    for resolution in items.object_list:
        resolution.status_label = ResolutionStatus(resolution.status).label
    return Register(
        items=items,
        filters=filters,
        messages=messages,
        years=years,
        fields=fields,
        bodies=bodies,
        total=paginator.count,
    )


@dataclass(frozen=True)
class StatusEvent:
    """A dated event that changed a resolution's status: its coming into force, a link
    from another resolution, its expiry."""

    date: datetime.date
    label: str
    status: str
    resolution: object = None
    note: str = ""


def resolution_detail(resolution_id: int, day=None, now=None):
    """A resolution a visitor may see, with its files, actions, links both ways (only to
    and from visible resolutions), its status today and the history of its status; a
    fixed number of queries whatever their number. None when it is not to be seen."""
    from .models import Resolution, ResolutionFile, ResolutionRelation, ResolutionStatus
    from .models.resolutions import RELATION_PASSIVE, RELATION_STATUS

    day = day or timezone.localdate(now)
    resolution = (
        visible_resolutions(Resolution.objects.filter(pk=resolution_id), now)
        .select_related("field", "session", "session_document__session")
        .prefetch_related(
            Prefetch(
                "files",
                queryset=ResolutionFile.objects.select_related("file").order_by("sort_order"),
            ),
            "actions",
        )
        .first()
    )
    if resolution is None:
        return None
    outgoing = list(
        ResolutionRelation.objects.filter(source=resolution)
        .filter(visible_resolutions_q(now, prefix="target__"))
        .select_related("target")
        .order_by("date", "pk")
    )
    incoming = incoming_relations(resolution, now)
    resolution.outgoing = outgoing
    resolution.incoming = incoming
    resolution.status = resolution.status_on(day, incoming)
    resolution.status_label = ResolutionStatus(resolution.status).label
    events = [StatusEvent(resolution.effective_date, "Có hiệu lực", ResolutionStatus.IN_FORCE)]
    for relation in incoming:
        events.append(
            StatusEvent(
                relation.date,
                RELATION_PASSIVE[relation.kind],
                RELATION_STATUS[relation.kind],
                relation.source,
                relation.note,
            )
        )
    if resolution.expiry_date:
        events.append(StatusEvent(resolution.expiry_date, "Hết hiệu lực", ResolutionStatus.EXPIRED))
    events.sort(key=lambda e: e.date)
    resolution.status_history = [e for e in events if e.date <= day]
    resolution.upcoming_events = [e for e in events if e.date > day]
    document = resolution.session_document
    if document is not None and not is_document_visible(document, now):
        resolution.session_document = None
    return resolution


def resolution_file(resolution, file_id):
    for item in resolution.files.all():
        if item.pk == file_id:
            return item
    return None
