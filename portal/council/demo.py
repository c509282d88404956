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
from .models import CouncilIndexPage, DocumentType, SessionDocument, SessionPage, TermPage

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
