"""Files go in through the admin's upload path: its checks (the classification gate), its
limits and its Vietnamese messages."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.documents.models import Document

from portal.council import services
from portal.council.files import docx_bytes, pdf_bytes
from portal.council.models import DocumentType, SessionDocument

pytestmark = pytest.mark.django_db


def test_a_marked_file_is_refused_and_not_stored(session):
    before = Document.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.store_document(
            pdf_bytes("TỜ TRÌNH", ["TỐI MẬT", "Số: 12/TTr-UBND", "Về việc phương án"]),
            "to-trinh-mat.pdf",
            "Tờ trình",
        )
    assert "độ mật" in caught.value.messages[0]
    assert Document.objects.count() == before


def test_an_empty_upload_is_refused_in_vietnamese():
    with pytest.raises(ValidationError) as caught:
        services.store_document(b"", "rong.pdf", "Rỗng")
    assert caught.value.messages and all(
        message.isascii() is False for message in caught.value.messages
    )


def test_a_file_of_a_refused_type_is_refused():
    with pytest.raises(ValidationError) as caught:
        services.store_document(b"MZ\x90\x00", "cai-dat.exe", "Tệp lạ")
    assert "Không nhận loại tệp “.exe”" in caught.value.messages[0]


def test_a_document_with_its_files(session):
    pdf = services.store_document(
        pdf_bytes("TỜ TRÌNH", ["Số: 123/TTr-UBND"]), "to-trinh.pdf", "Tờ trình 123"
    )
    word = services.store_document(
        docx_bytes("TỜ TRÌNH", ["Số: 123/TTr-UBND"]), "to-trinh.docx", "Tờ trình 123 (Word)"
    )
    document = services.session_document_create(
        session,
        document_type=DocumentType.SUBMISSION,
        issuing_body="UBND tỉnh",
        number="123 / TTr-UBND",
        issue_date=datetime.date(2019, 11, 20),
        abstract="Về việc quy định mức thu học phí",
        files=[("Toàn văn", pdf), ("Bản Word", word)],
    )
    assert document.number == "123/TTr-UBND"  # stored as written by the rule
    assert sorted(document.files.values_list("name", "version")) == [
        ("Bản Word", 1),
        ("Toàn văn", 1),
    ]
    assert pdf.file_size > 0 and pdf.file_hash


def test_nothing_is_half_saved_when_a_document_is_wrong(session):
    with pytest.raises(ValidationError):
        services.session_document_create(
            session,
            document_type=DocumentType.SUBMISSION,
            issuing_body="UBND tỉnh",
            number="123/BC-UBND",
            abstract="Sai ký hiệu",
        )
    assert not SessionDocument.objects.exists()
