"""The council's demo data: HĐND tỉnh Bắc Kạn khóa IX and its sessions, from the term's
calendar (``portal.demo.calendar.sessions(seed)``), each with the documents a session
has: the notice convening it, the People's Committee's and the Standing Committee's
reports (regular sessions), for every agenda item the submission (tờ trình) and the
draft resolution (PDF and Word), the committees' review reports (thẩm tra) and the
resolutions adopted, numbered as the calendar numbers them. Every file is a PDF (or
DOCX) whose text says its metadata — issuing body, number and symbol, date, abstract —
and goes in through the admin's upload path (``services.store_document``), with its
checks.

Posting times are drawn from the seed, a few after the secretariat's lead time, so the
timeliness the pages show has something to show. ``load_council`` is idempotent: pages
are found by slug under their parent and documents by (session, type, abstract); a
second run writes nothing.

``load_resolutions`` fills the resolution register from the same calendar: every
resolution a session adopted, with its number, field, vote, the history of its actions
taken from the session's documents (submission, draft posted, committee review,
adoption, publication), the resolution's PDF as posted with the session's documents (the
same stored file, no second copy), annual resolutions that lapsed with their year, and
the links later resolutions made: each year's tuition fees replace the last year's, two
policies amended, one repealed. Found again by number: a second run writes nothing.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict

from django.utils import timezone
from wagtail.models import Collection

from portal.core.factories import backdate
from portal.demo import calendar

from . import files, services
from .factories import CouncilIndexPageFactory, SessionPageFactory, TermPageFactory, document_text
from .models import (
    ActionKind,
    CouncilIndexPage,
    DocumentType,
    RelationKind,
    Resolution,
    ResolutionAction,
    ResolutionField,
    ResolutionFile,
    ResolutionKind,
    ResolutionRelation,
    SessionDocument,
    SessionPage,
    TermPage,
)

INDEX_SLUG = "ky-hop"
TERM_SLUG = "khoa-ix"
COLLECTION_NAME = "Tài liệu kỳ họp (dữ liệu mẫu)"
PROVINCE = "tỉnh Bắc Kạn"
PEOPLES_COMMITTEE = f"UBND {PROVINCE}"
COUNCIL = f"HĐND {PROVINCE}"
STANDING = f"Thường trực HĐND {PROVINCE}"
COMMITTEE_SYMBOLS = {"phap-che": "PC", "kinh-te-ngan-sach": "KTNS", "van-hoa-xa-hoi": "VHXH",
                     "dan-toc": "DT"}  # fmt: skip
SESSION_TYPES = {"thường lệ": "thuong-le", "chuyên đề": "chuyen-de", "bất thường": "bat-thuong"}


def _at(day: datetime.date, rng) -> datetime.datetime:
    moment = datetime.time(rng.randint(7, 16), rng.choice([0, 10, 15, 20, 30, 40, 45, 50]))
    return timezone.make_aware(datetime.datetime.combine(day, moment))


def _plus(day, days):
    return day + datetime.timedelta(days=days)


def _cap(text):
    return text[:1].upper() + text[1:]


class _Numbers:
    """Running numbers per (year, symbol), as an office's register hands them out."""

    def __init__(self, rng):
        self.rng = rng
        self.next: dict = {}

    def take(self, year, symbol, start=(5, 40)) -> int:
        key = (year, symbol)
        if key not in self.next:
            self.next[key] = self.rng.randint(*start)
        number = self.next[key]
        self.next[key] += self.rng.randint(1, 3)
        return number


def document_specs(seed: int, event) -> list[dict]:
    """What one session's documents are: their metadata and posting times, by the seed."""
    rng = random.Random(f"{seed}:council:{event.number}")
    numbers = _Numbers(random.Random(f"{seed}:council-numbers:{event.start.year}:{event.number}"))
    opening, closing, year = event.start, event.end, event.start.year
    label = calendar.session_label(event.number)
    specs = []

    def add(kind, body, number, issued, abstract, posted, item=None, word=False, effective=None):
        specs.append(
            {
                "document_type": kind,
                "issuing_body": body,
                "number": number,
                "issue_date": issued,
                "effective_date": effective,
                "abstract": abstract,
                "posted_at": posted,
                "item": item,
                "word": word,
            }
        )

    convened = _plus(opening, -rng.randint(18, 25))
    add(
        DocumentType.NOTICE,
        COUNCIL,
        f"{numbers.take(year, 'TB-HĐND'):02d}/TB-HĐND",
        convened,
        f"Về việc triệu tập {label}, HĐND tỉnh khóa IX, nhiệm kỳ 2016 - 2021",
        _at(_plus(convened, rng.randint(0, 2)), rng),
    )
    if event.session_type == "thường lệ" and event.number > 1:
        half = "cả năm" if event.items[0] == "cuoi-nam" else "6 tháng đầu năm"
        for kind, body, symbol, abstract in (
            (
                DocumentType.PEOPLES_COMMITTEE_REPORT,
                PEOPLES_COMMITTEE,
                "BC-UBND",
                f"Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội {half} {year}",
            ),
            (
                DocumentType.COUNCIL_REPORT,
                STANDING,
                "BC-HĐND",
                f"Kết quả hoạt động {half} {year} của Thường trực HĐND tỉnh",
            ),
        ):
            issued = _plus(opening, -rng.randint(9, 14))
            add(
                kind,
                body,
                f"{numbers.take(year, symbol, (60, 200)):02d}/{symbol}",
                issued,
                abstract,
                _at(_plus(issued, rng.randint(0, 4)), rng),
            )
    by_committee = defaultdict(list)
    for position, (item, resolution) in enumerate(
        zip(event.agenda, event.resolutions, strict=True)
    ):
        subject = f"{item.act} {item.name}"
        issued = _plus(opening, -rng.randint(14, 22))
        posted = _at(_plus(opening, -rng.choice([4, 6, 8, 9, 10, 11, 12, 13])), rng)
        add(
            DocumentType.SUBMISSION,
            PEOPLES_COMMITTEE,
            f"{numbers.take(year, 'TTr-UBND', (20, 120))}/TTr-UBND",
            issued,
            f"Đề nghị ban hành Nghị quyết {subject}",
            posted,
            item=position,
        )
        add(
            DocumentType.DRAFT_RESOLUTION,
            PEOPLES_COMMITTEE,
            "",
            None,
            _cap(f"Nghị quyết {subject}"),
            posted,
            item=position,
            word=True,
        )
        add(
            DocumentType.RESOLUTION,
            COUNCIL,
            resolution.number,
            closing,
            _cap(resolution.title[len("Nghị quyết ") :]),
            _at(_plus(closing, rng.randint(1, 5)), rng),
            item=position,
            effective=_plus(closing, 10) if item.normative else closing,
        )
        if item.committee:
            by_committee[item.committee].append(position)
    for key, positions in by_committee.items():
        name = calendar.committee_name(key)
        review = calendar.events_by_key(seed).get(f"tham-tra-{event.number}-{key}")
        reviewed = review.start if review else _plus(opening, -8)
        symbol = f"BC-{COMMITTEE_SYMBOLS[key]}"
        add(
            DocumentType.REVIEW_REPORT,
            f"{name} HĐND tỉnh",
            f"{numbers.take(year, symbol):02d}/{symbol}",
            reviewed,
            f"Thẩm tra các dự thảo nghị quyết thuộc lĩnh vực của {name} trình {label}",
            _at(_plus(reviewed, rng.randint(0, 3)), rng),
            item=positions[0],
        )
    return specs


def _collection():
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=COLLECTION_NAME).first()
    return found or root.add_child(name=COLLECTION_NAME)


def _pages(home):
    index = CouncilIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if index is None:
        index = CouncilIndexPageFactory(
            parent=home,
            title="Kỳ họp",
            slug=INDEX_SLUG,
            intro="<p>Các kỳ họp của HĐND tỉnh Bắc Kạn: chương trình, tài liệu và nghị quyết.</p>",
        )
    term = TermPage.objects.child_of(index).filter(slug=TERM_SLUG).first()
    if term is None:
        term = TermPageFactory(
            parent=index,
            title="Khóa IX (2016 - 2021)",
            slug=TERM_SLUG,
            number=9,
            start_year=2016,
            end_year=2021,
        )
    return index, term


def load_council(seed: int, home, owner=None) -> int:
    """Write term IX, its sessions and their documents; return how many documents were
    created (0 on a second run)."""
    _index, term = _pages(home)
    existing = {page.number: page for page in SessionPage.objects.child_of(term)}
    collection = None
    created = 0
    for event in calendar.sessions(seed):
        when = calendar.date_range(event.start, event.end)
        session = existing.get(event.number)
        if session is None:
            session = SessionPageFactory(
                parent=term,
                number=event.number,
                title=_cap(calendar.session_label(event.number)),
                session_type=SESSION_TYPES[event.session_type],
                opening_date=event.start,
                closing_date=event.end,
                place=f"{event.venue}, thành phố Bắc Kạn",
                intro=f"<p>{_cap(event.phrase)}, {when}.</p>",
                agenda=[_cap(item.resolution_title) for item in event.agenda],
                owner=owner,
            )
            published = timezone.make_aware(
                datetime.datetime.combine(_plus(event.start, -21), datetime.time(8, 0))
            )
            backdate(session, session.live_revision, published)
        specs = document_specs(seed, event)
        have = set(
            SessionDocument.objects.filter(session=session).values_list("document_type", "abstract")
        )
        missing = [s for s in specs if (s["document_type"], s["abstract"]) not in have]
        if not missing:
            continue
        collection = collection or _collection()
        items = list(session.agenda_items.order_by("sort_order"))
        for order, spec in enumerate(missing):
            created += 1
            _create_document(session, spec, items, order, collection, owner)
    load_resolutions(seed, term)
    return created


def _create_document(session, spec, items, order, collection, owner):
    item = spec.pop("item")
    word = spec.pop("word")
    document = SessionDocument(
        session=session,
        agenda_item=items[item] if item is not None and item < len(items) else None,
        sort_order=order,
        published=True,
        **spec,
    )
    document.full_clean()
    document.save()
    heading, lines = document_text(document)
    stem = (document.number or f"du-thao-{document.pk}").replace("/", "-")
    outputs = [("Toàn văn", files.pdf_bytes(heading, lines), f"{stem}.pdf")]
    if word:
        outputs.append(("Bản Word", files.docx_bytes(heading, lines), f"{stem}.docx"))
    for name, content, filename in outputs:
        stored = services.store_document(
            content, filename, f"{document.title} – {name}"[:255], user=owner,
            collection=collection,
        )  # fmt: skip
        services.session_document_add_file(document, stored, name=name)
    return document


# --- the resolution register -------------------------------------------------------------

# A resolution's field: its agenda item's topic, else its reviewing committee's.
COMMITTEE_FIELDS = {
    "kinh-te-ngan-sach": "Kinh tế - Ngân sách",
    "phap-che": "Tổ chức bộ máy",
    "van-hoa-xa-hoi": "Văn hóa - Xã hội",
    "dan-toc": "Dân tộc",
    None: "Tổ chức bộ máy",
}
# Links between the term's resolutions, by fragments of their titles: (kind, the later
# resolution, the earlier one, note). Tuition fees are set anew each school year.
LINKS = (
    (RelationKind.AMENDS, "sản phẩm OCOP", "phát triển sản xuất nông, lâm nghiệp",
     "Bổ sung nội dung hỗ trợ phát triển sản phẩm OCOP"),
    (RelationKind.AMENDS, "phổ biến, giáo dục pháp luật", "rà soát văn bản quy phạm",
     "Sửa đổi mức chi tại Điều 2"),
    (RelationKind.REPEALS, "người có uy tín", "học sinh, sinh viên người dân tộc thiểu số",
     "Chính sách được quy định lại thống nhất"),
)  # fmt: skip
TUITION = "mức thu học phí năm học"


def _field(name: str, cache: dict) -> ResolutionField:
    from portal.core.text import slugify_vi

    if name not in cache:
        cache[name], _ = ResolutionField.objects.get_or_create(
            slug=slugify_vi(name)[:100], defaults={"name": name, "sort_order": len(cache)}
        )
    return cache[name]


def _annual_expiry(title: str, normative: bool, adopted):
    """An individual resolution "… năm 2020" (a plan, a budget) lapses with its year (one
    about a past year, a final account, does not)."""
    import re

    found = re.search(r"năm (20\d\d)$", title)
    if normative or not found:
        return None
    expiry = datetime.date(int(found[1]) + 1, 1, 1)
    return expiry if expiry > adopted else None


def _actions(resolution, documents, closing):
    """The steps that led to the resolution, from the session's documents of its item."""
    steps = []
    for document in documents:
        kind, number = document.document_type, document.number
        posted = timezone.localdate(document.posted_at) if document.posted_at else None
        if kind == DocumentType.SUBMISSION and document.issue_date:
            text = f"{document.issuing_body} trình (Tờ trình số {number})"
            steps.append((document.issue_date, ActionKind.SUBMITTED, text))
        elif kind == DocumentType.DRAFT_RESOLUTION and posted:
            text = "Đăng dự thảo nghị quyết trên cổng thông tin"
            steps.append((posted, ActionKind.DRAFT_POSTED, text))
        elif kind == DocumentType.REVIEW_REPORT and document.issue_date:
            text = f"{document.issuing_body} thẩm tra (Báo cáo số {number})"
            steps.append((document.issue_date, ActionKind.REVIEWED, text))
        elif kind == DocumentType.RESOLUTION and posted:
            text = "Đăng toàn văn nghị quyết trên cổng thông tin"
            steps.append((posted, ActionKind.PUBLISHED, text))
    steps.append((closing, ActionKind.ADOPTED, "HĐND tỉnh biểu quyết thông qua tại kỳ họp"))
    order = list(ActionKind.values)
    steps.sort(key=lambda step: (step[0], order.index(step[1])))
    ResolutionAction.objects.bulk_create(
        ResolutionAction(
            resolution=resolution, date=day, kind=kind, description=text, sort_order=n
        )  # fmt: skip
        for n, (day, kind, text) in enumerate(steps)
    )


def load_resolutions(seed: int, term) -> int:
    """Every resolution of the term's sessions in the register, with its actions, file,
    vote and links; return how many were created (0 on a second run)."""
    sessions = {page.number: page for page in SessionPage.objects.child_of(term)}
    have = set(Resolution.objects.values_list("code", "year"))
    fields: dict = {}
    created = 0
    for event in calendar.sessions(seed):
        session = sessions.get(event.number)
        year = event.end.year
        pending = [r for r in event.resolutions if (r.number, year) not in have]
        if session is None or not pending:
            continue
        documents = list(
            SessionDocument.objects.filter(session=session)
            .select_related("agenda_item")
            .prefetch_related("files")
        )
        by_item = defaultdict(list)
        for document in documents:
            if document.agenda_item is not None:
                by_item[document.agenda_item.sort_order].append(document)
        reviews = [d for d in documents if d.document_type == DocumentType.REVIEW_REPORT]
        pending_keys = {(r.number, year) for r in pending}
        for position, resolution in enumerate(event.resolutions):
            if (resolution.number, year) not in pending_keys:
                continue
            item = resolution.item
            rng = random.Random(f"{seed}:resolution:{resolution.number}")
            own = by_item.get(position, [])
            if item.committee:
                name = calendar.committee_name(item.committee)
                own += [d for d in reviews if d.issuing_body.startswith(name) and d not in own]
            posted = next(
                (d for d in own if d.document_type == DocumentType.RESOLUTION
                 and d.number == resolution.number), None,
            )  # fmt: skip
            present = rng.randint(44, 50)
            against, abstain = rng.choice([0, 0, 0, 1]), rng.choice([0, 0, 1])
            title = _cap(resolution.title[len("Nghị quyết ") :])
            record = Resolution(
                kind=ResolutionKind.NORMATIVE if item.normative else ResolutionKind.INDIVIDUAL,
                code=resolution.number,
                title=title,
                session=session,
                field=_field(item.topic or COMMITTEE_FIELDS.get(item.committee, "Khác"), fields),
                issuing_body=COUNCIL,
                adoption_date=event.end,
                effective_date=_plus(event.end, 10) if item.normative else event.end,
                expiry_date=_annual_expiry(title, item.normative, event.end),
                delegates_present=present,
                votes_for=present - against - abstain,
                votes_against=against,
                votes_abstain=abstain,
                session_document=posted,
            )
            record.full_clean()
            record.save()
            created += 1
            if posted is not None:
                for order, stored in enumerate(posted.files.all()):
                    if stored.file_id and stored.name == "Toàn văn":
                        ResolutionFile.objects.create(
                            resolution=record, name="Toàn văn", file_id=stored.file_id,
                            sort_order=order,
                        )  # fmt: skip
            _actions(record, own, event.end)
    _link_resolutions()
    return created


def _link_resolutions():
    """The demo's links between resolutions (``LINKS``, the tuition chain), each once."""
    normative = list(
        Resolution.objects.filter(kind=ResolutionKind.NORMATIVE).order_by("adoption_date", "pk")
    )

    def find(fragment):
        return [r for r in normative if fragment in r.title]

    pairs = []
    for kind, later, earlier, note in LINKS:
        sources, targets = find(later), find(earlier)
        if sources and targets and sources[0].adoption_date > targets[0].adoption_date:
            pairs.append((kind, sources[0], targets[0], note))
    tuition = find(TUITION)
    for earlier, later in zip(tuition, tuition[1:], strict=False):
        pairs.append((RelationKind.REPLACES, later, earlier, ""))
    for kind, source, target, note in pairs:
        if ResolutionRelation.objects.filter(source=source, target=target, kind=kind).exists():
            continue
        relation = ResolutionRelation(source=source, target=target, kind=kind, note=note)
        relation.full_clean()
        relation.save()
