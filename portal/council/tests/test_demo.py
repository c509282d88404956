"""The council's demo data: term IX and its sessions from the calendar, realistic document
sets whose files say their metadata, written once."""

import io
import time

import pypdf
import pytest
from docx import Document as Docx

from portal.council.demo import load_council
from portal.council.models import DocumentType, SessionDocument, SessionDocumentFile, SessionPage
from portal.demo import calendar

pytestmark = pytest.mark.django_db
SEED = 2019


def _pdf_text(item):
    with item.file.file.open("rb") as handle:
        return "\n".join(
            page.extract_text() for page in pypdf.PdfReader(io.BytesIO(handle.read())).pages
        )


def test_term_ix_sessions_and_documents(home):
    started = time.monotonic()
    created = load_council(SEED, home)
    print(f"load_council: {created} documents in {time.monotonic() - started:.1f}s")
    sessions = list(SessionPage.objects.order_by("opening_date"))
    assert [s.number for s in sessions] == [e.number for e in calendar.sessions(SEED)]
    in_2019 = [(s.number, s.session_type) for s in sessions if s.opening_date.year == 2019]
    assert [n for n, _t in in_2019] == [11, 12, 13, 14]
    assert dict(in_2019)[13] == "bat-thuong"
    assert all(s.live for s in sessions)
    assert SessionDocument.objects.count() == created > 19 * 4
    for kind in DocumentType.values:
        if kind not in (DocumentType.COMMITTEE_REPORT, DocumentType.OTHER):
            assert SessionDocument.objects.filter(document_type=kind).exists(), kind
    # Every document validates, and its file says what its metadata says.
    session = next(s for s in sessions if s.number == 14)
    for document in session.documents.all():
        document.full_clean()
        text = _pdf_text(document.files.get(name="Toàn văn"))
        assert document.abstract[:40] in " ".join(text.split()), document
        assert document.issuing_body.upper() in text
        if document.number:
            assert f"Số: {document.number}" in text
        if document.issue_date:
            day = document.issue_date
            assert f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}" in text
    resolutions = {d.number for d in session.documents.filter(document_type="nghi-quyet")}
    event = calendar.event(SEED, "ky-hop-14")
    assert resolutions == {r.number for r in event.resolutions}
    draft = session.documents.filter(document_type="du-thao-nghi-quyet").first()
    word = Docx(draft.files.get(name="Bản Word").file.file.open("rb"))
    assert draft.abstract in "\n".join(p.text for p in word.paragraphs)
    # Some postings came after the lead time: the timeliness has something to show.
    from portal.council.selectors import session_overview

    assert any(session_overview(s)["late_count"] for s in sessions)
    assert any(
        session_overview(s)["timed_count"] > session_overview(s)["late_count"] for s in sessions
    )


def test_a_second_run_writes_nothing(home):
    load_council(SEED, home)
    counts = (SessionPage.objects.count(), SessionDocument.objects.count(),
              SessionDocumentFile.objects.count())  # fmt: skip
    assert load_council(SEED, home) == 0
    assert counts == (SessionPage.objects.count(), SessionDocument.objects.count(),
                      SessionDocumentFile.objects.count())  # fmt: skip


def test_the_register_of_term_ix(home):
    from portal.council.demo import load_resolutions
    from portal.council.models import Resolution, ResolutionRelation, TermPage

    load_council(SEED, home)
    Resolution.objects.all().delete()  # timed on its own
    started = time.monotonic()
    created = load_resolutions(SEED, TermPage.objects.get())
    print(f"load_resolutions: {created} resolutions in {time.monotonic() - started:.1f}s")
    adopted = [r for e in calendar.sessions(SEED) for r in e.resolutions]
    assert created == len(adopted)
    assert Resolution.objects.count() == len(adopted)
    assert set(Resolution.objects.values_list("code", "year")) == {
        (r.number, r.adopted.year) for r in adopted
    }
    for resolution in Resolution.objects.select_related("session"):
        resolution.full_clean()
        assert resolution.session.opening_date <= resolution.adoption_date
        assert resolution.votes_for + resolution.votes_against + resolution.votes_abstain == (
            resolution.delegates_present
        )
    fees = Resolution.objects.filter(title__contains="mức thu học phí").order_by("adoption_date")
    assert fees.count() >= 2
    assert fees.first().status_on() == "bi-thay-the"
    kinds = set(ResolutionRelation.objects.values_list("kind", flat=True))
    assert kinds == {"sua-doi", "thay-the", "bai-bo"}
    with_file = Resolution.objects.filter(files__isnull=False).distinct()
    assert with_file.count() == Resolution.objects.count()
    text = _pdf_text(with_file.first().files.first())
    assert f"Số: {with_file.first().code}" in text
    first = Resolution.objects.order_by("adoption_date", "pk").first()
    kinds = [a.kind for a in first.actions.all()]
    assert kinds[0] == "trinh" and "thong-qua" in kinds and kinds[-1] == "cong-bo"
    counts = (Resolution.objects.count(), ResolutionRelation.objects.count())
    assert load_resolutions(SEED, TermPage.objects.get()) == 0
    assert counts == (Resolution.objects.count(), ResolutionRelation.objects.count())
