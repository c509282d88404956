from django.db import models


class SessionType(models.TextChoices):
    REGULAR = "thuong-le", "Thường lệ"
    THEMATIC = "chuyen-de", "Chuyên đề"
    EXTRAORDINARY = "bat-thuong", "Bất thường"


class SessionStatus(models.TextChoices):
    UPCOMING = "sap-dien-ra", "Sắp diễn ra"
    IN_SESSION = "dang-dien-ra", "Đang diễn ra"
    CLOSED = "da-be-mac", "Đã bế mạc"


class DocumentType(models.TextChoices):
    """The kinds of session documents, in the order a session page lists them."""

    SUBMISSION = "to-trinh", "Tờ trình"
    DRAFT_RESOLUTION = "du-thao-nghi-quyet", "Dự thảo nghị quyết"
    PEOPLES_COMMITTEE_REPORT = "bao-cao-ubnd", "Báo cáo của UBND"
    COUNCIL_REPORT = "bao-cao-hdnd", "Báo cáo của HĐND"
    COMMITTEE_REPORT = "bao-cao-ban", "Báo cáo của Ban HĐND"
    REVIEW_REPORT = "bao-cao-tham-tra", "Báo cáo thẩm tra"
    RESOLUTION = "nghi-quyet", "Nghị quyết"
    NOTICE = "thong-bao", "Thông báo"
    OTHER = "khac", "Tài liệu khác"


# The kind abbreviation (numbers.KIND_ABBREVIATIONS) each type's number carries;
# a type not listed takes any kind.
TYPE_KINDS = {
    DocumentType.SUBMISSION: ("TTr",),
    DocumentType.DRAFT_RESOLUTION: ("NQ",),
    DocumentType.PEOPLES_COMMITTEE_REPORT: ("BC",),
    DocumentType.COUNCIL_REPORT: ("BC",),
    DocumentType.COMMITTEE_REPORT: ("BC",),
    DocumentType.REVIEW_REPORT: ("BC",),
    DocumentType.RESOLUTION: ("NQ",),
    DocumentType.NOTICE: ("TB",),
}

ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(number: int) -> str:
    """9 → "IX", 14 → "XIV"."""
    out = []
    for value, letters in ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)
