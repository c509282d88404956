"""Reads: timeliness against the secretariat's rules, visibility of documents, the ZIP's
entries."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal.council import selectors, services
from portal.council.files import pdf_bytes
from portal.council.models import CouncilSettings, DocumentType, LeadTimeRule

pytestmark = pytest.mark.django_db


def at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


OPENING = datetime.date(2019, 12, 9)


def test_default_rule_is_seven_days_and_resolutions_have_none():
    rules = selectors.lead_times()
    assert rules[DocumentType.SUBMISSION] == 7
    assert rules[DocumentType.REVIEW_REPORT] == 7
    assert rules[DocumentType.RESOLUTION] is None


@pytest.mark.parametrize(
    ("posted", "late", "label"),
    [
        (OPENING - datetime.timedelta(days=10), False, "Đăng trước khai mạc 10 ngày – đúng hạn"),
        (OPENING - datetime.timedelta(days=7), False, "Đăng trước khai mạc 7 ngày – đúng hạn"),
        (
            OPENING - datetime.timedelta(days=5),
            True,
            "Đăng trước khai mạc 5 ngày – muộn 2 ngày (quy định: trước khai mạc 7 ngày)",
        ),
        (OPENING, True, "Đăng trong ngày khai mạc – muộn 7 ngày (quy định: trước khai mạc 7 ngày)"),
        (
            OPENING + datetime.timedelta(days=1),
            True,
            "Đăng sau khai mạc 1 ngày – muộn 8 ngày (quy định: trước khai mạc 7 ngày)",
        ),
    ],
)
def test_timeliness_of_a_posting(session, make_document, posted, late, label):
    document = make_document(posted_at=at(posted, hour=23), files=[])
    timeliness = selectors.document_timeliness(document, session, selectors.lead_times())
    assert timeliness.applies and timeliness.late is late
    assert timeliness.deadline == datetime.date(2019, 12, 2)
    assert timeliness.label == label


def test_the_secretariat_sets_a_rule_per_type(session, make_document):
    settings = CouncilSettings.load()
    settings.default_lead_days = 10
    settings.save()
    LeadTimeRule.objects.create(settings=settings, document_type=DocumentType.NOTICE, lead_days=3)
    LeadTimeRule.objects.create(settings=settings, document_type=DocumentType.OTHER, lead_days=None)
    rules = selectors.lead_times()
    assert rules[DocumentType.SUBMISSION] == 10 and rules[DocumentType.NOTICE] == 3
    assert rules[DocumentType.OTHER] is None
    notice = make_document(
        document_type=DocumentType.NOTICE,
        number="15/TB-HĐND",
        posted_at=at(OPENING - datetime.timedelta(days=4)),
        files=[],
    )
    submission = make_document(posted_at=at(OPENING - datetime.timedelta(days=8)), files=[])
    other = make_document(
        document_type=DocumentType.OTHER, number="", posted_at=at(OPENING), files=[]
    )
    assert not selectors.document_timeliness(notice, session, rules).late
    assert selectors.document_timeliness(submission, session, rules).late
    assert not selectors.document_timeliness(other, session, rules).applies


def test_a_resolution_posted_after_the_session_is_not_late(session, make_document):
    resolution = make_document(
        document_type=DocumentType.RESOLUTION,
        number="12/2019/NQ-HĐND",
        issue_date=datetime.date(2019, 12, 11),
        posted_at=at(datetime.date(2019, 12, 13)),
        files=[],
    )
    timeliness = selectors.document_timeliness(resolution, session, selectors.lead_times())
    assert not timeliness.applies and not timeliness.late
    assert timeliness.label == "Đăng sau khai mạc 4 ngày"


def test_a_document_not_posted_past_its_deadline_is_late(session, make_document):
    draft = make_document(published=False, files=[])
    rules = selectors.lead_times()
    before = selectors.document_timeliness(draft, session, rules, today=datetime.date(2019, 12, 1))
    after = selectors.document_timeliness(draft, session, rules, today=datetime.date(2019, 12, 3))
    assert not before.late and before.label == "Chưa đăng, hạn đăng 02/12/2019"
    assert after.late and after.label == "Chưa đăng, đã quá hạn 02/12/2019"


def test_the_session_overview_counts_late_postings(session, make_document):
    make_document(posted_at=at(OPENING - datetime.timedelta(days=9)), files=[])
    make_document(posted_at=at(OPENING - datetime.timedelta(days=2)), files=[])
    make_document(
        document_type=DocumentType.RESOLUTION,
        number="03/NQ-HĐND",
        issue_date=OPENING,
        posted_at=at(OPENING + datetime.timedelta(days=3)),
        files=[],
    )
    overview = selectors.session_overview(session)
    assert (overview["late_count"], overview["timed_count"]) == (1, 2)
    assert [group.label for group in overview["document_groups"]] == ["Tờ trình", "Nghị quyết"]


def test_visible_documents_follow_their_session(session, make_document):
    shown = make_document(files=[])
    hidden = make_document(published=False, files=[])
    assert list(selectors.visible_documents()) == [shown]
    PageViewRestriction.objects.create(page=session, restriction_type="login")
    assert not selectors.visible_documents().exists()
    assert not selectors.is_document_visible(hidden)


def test_zip_entries_are_the_current_versions_of_visible_documents(session, make_document):
    first = make_document(number="123/TTr-UBND", abstract="Về việc học phí")
    replaced = first.files.get()
    new = services.store_document(pdf_bytes("TỜ TRÌNH", ["Bản sửa"]), "sua.pdf", "Bản sửa")
    current = services.session_document_add_file(first, new, name="Toàn văn")
    make_document(published=False)
    entries = selectors.zip_entries(session)
    assert [(name, item.pk) for name, item in entries] == [
        ("to-trinh/123-ttr-ubnd-ve-viec-hoc-phi.pdf", current.pk)
    ]
    assert replaced.pk not in [item.pk for _name, item in entries]
