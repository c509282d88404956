"""The council's models: labels, statuses from dates, validation of dates and numbers,
file versions."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from portal.council import services
from portal.council.factories import SessionPageFactory
from portal.council.files import pdf_bytes
from portal.council.models import (
    DocumentType,
    SessionDocument,
    SessionDocumentFile,
    SessionPage,
    SessionStatus,
    TermPage,
    roman,
)

pytestmark = pytest.mark.django_db


def test_roman_labels(term):
    assert [roman(n) for n in (1, 4, 9, 10, 14, 40)] == ["I", "IV", "IX", "X", "XIV", "XL"]
    assert term.label == "Khóa IX" and term.years == "2016 - 2021"


def test_status_is_computed_from_the_dates(session):
    assert session.status(datetime.date(2019, 12, 8)) == SessionStatus.UPCOMING
    assert session.status(datetime.date(2019, 12, 9)) == SessionStatus.IN_SESSION
    assert session.status(datetime.date(2019, 12, 11)) == SessionStatus.IN_SESSION
    assert session.status(datetime.date(2019, 12, 12)) == SessionStatus.CLOSED


def test_closing_before_opening_is_refused(session):
    session.closing_date = datetime.date(2019, 12, 8)
    with pytest.raises(ValidationError) as caught:
        session.full_clean()
    assert caught.value.message_dict["closing_date"] == [
        "Ngày bế mạc không được trước ngày khai mạc."
    ]


def test_a_session_number_is_unique_in_its_term(term, session):
    twin = SessionPage(
        number=14,
        title="Kỳ họp thứ 14 (trùng)",
        opening_date=datetime.date(2020, 7, 13),
        closing_date=datetime.date(2020, 7, 15),
    )
    twin._cached_parent_obj = term
    with pytest.raises(ValidationError) as caught:
        twin.clean()
    assert "Khóa này đã có kỳ họp mang số này." in caught.value.message_dict["number"]


def test_term_years_in_order(council_index):
    term = TermPage(title="Khóa X", number=10, start_year=2021, end_year=2016)
    with pytest.raises(ValidationError) as caught:
        term.clean()
    assert "không được trước năm bắt đầu" in caught.value.message_dict["end_year"][0]


def _document(session, **fields):
    values = {
        "session": session,
        "document_type": DocumentType.SUBMISSION,
        "issuing_body": "UBND tỉnh",
        "number": "123/TTr-UBND",
        "abstract": "Về việc quy định mức thu học phí",
        "issue_date": datetime.date(2019, 11, 20),
    }
    values.update(fields)
    return SessionDocument(**values)


def test_effective_before_issue_is_refused(session):
    document = _document(session, effective_date=datetime.date(2019, 11, 19))
    with pytest.raises(ValidationError) as caught:
        document.full_clean()
    assert caught.value.message_dict["effective_date"] == [
        "Ngày có hiệu lực không được trước ngày ban hành."
    ]
    _document(session, effective_date=datetime.date(2019, 11, 20)).full_clean()


@pytest.mark.parametrize(
    ("document_type", "number", "error"),
    [
        (DocumentType.SUBMISSION, "45/BC-UBND", "phải mang ký hiệu “TTr”"),
        (DocumentType.RESOLUTION, "12/2018/NQ-HĐND", "khác năm ban hành (2019)"),
        (DocumentType.REVIEW_REPORT, "20-BC-KTNS", "thiếu dấu “/”"),
        (DocumentType.NOTICE, "15/TB-HDND", "chữ “Đ”"),
    ],
)
def test_wrong_numbers_are_field_errors(session, document_type, number, error):
    document = _document(session, document_type=document_type, number=number)
    with pytest.raises(ValidationError) as caught:
        document.full_clean()
    assert error in caught.value.message_dict["number"][0]


@pytest.mark.parametrize(
    ("document_type", "number"),
    [
        (DocumentType.SUBMISSION, "123/TTr-UBND"),
        (DocumentType.COUNCIL_REPORT, "45/BC-HĐND"),
        (DocumentType.RESOLUTION, "12/2019/NQ-HĐND"),
        (DocumentType.RESOLUTION, "03/NQ-HĐND"),
        (DocumentType.NOTICE, "15/TB-HĐND"),
        (DocumentType.COMMITTEE_REPORT, "20/BC-KTNS"),
        (DocumentType.DRAFT_RESOLUTION, ""),  # a draft has no number yet
        (DocumentType.OTHER, "05/KH-UBND"),
    ],
)
def test_right_numbers_pass(session, document_type, number):
    _document(session, document_type=document_type, number=number).full_clean()


def test_a_document_answers_an_item_of_its_own_session(session, term):
    other = SessionPageFactory(parent=term, number=15, agenda=["Nghị quyết khác"])
    document = _document(session, agenda_item=other.agenda_items.get())
    with pytest.raises(ValidationError) as caught:
        document.full_clean()
    assert caught.value.message_dict["agenda_item"] == [
        "Nội dung chương trình này thuộc một kỳ họp khác."
    ]


def test_posted_at_is_recorded_once_when_first_published(session):
    document = _document(session, published=False)
    document.save()
    assert document.posted_at is None
    document.published = True
    document.save()
    first = document.posted_at
    assert first is not None
    document.published = False
    document.save()
    document.published = True
    document.save()
    assert document.posted_at == first


def _stored(text):
    return services.store_document(pdf_bytes("TỜ TRÌNH", [text]), "to-trinh.pdf", text)


def test_a_file_of_the_same_name_is_the_next_version(make_document):
    document = make_document()
    first = document.files.get()
    second = services.session_document_add_file(document, _stored("Bản sửa"), name="Toàn văn")
    annex = services.session_document_add_file(document, _stored("Phụ lục"), name="Phụ lục")
    assert (first.version, second.version, annex.version) == (1, 2, 1)
    assert SessionDocumentFile.objects.filter(document=document).count() == 3


def test_a_stored_version_cannot_change_its_file(make_document):
    item = make_document().files.get()
    item.file = _stored("Tệp khác")
    with pytest.raises(ValidationError) as caught:
        item.full_clean()
    assert "hãy thêm một tệp mới cùng tên" in caught.value.message_dict["file"][0]


def test_an_empty_file_is_refused(make_document):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    empty = Document(title="Rỗng")
    empty.file.save("rong.pdf", ContentFile(b""), save=False)
    empty.file_size = 0
    empty.save()
    item = SessionDocumentFile(document=make_document(files=[]), name="Toàn văn", file=empty)
    with pytest.raises(ValidationError) as caught:
        item.full_clean()
    assert caught.value.message_dict["file"] == [
        "Tệp “Rỗng” rỗng (0 byte). Hãy chọn tệp có nội dung."
    ]


def test_document_title_reads_as_a_sentence(make_document):
    document = make_document(number="123/TTr-UBND", abstract="Về việc quy định mức thu học phí")
    assert document.title == "Tờ trình số 123/TTr-UBND về việc quy định mức thu học phí"
