"""Numbers and symbols of documents (số, ký hiệu), as NĐ 30/2020/NĐ-CP writes them.

``123/TTr-UBND`` (a submission of the People's Committee), ``45/BC-HĐND``,
``12/2019/NQ-HĐND`` (a normative resolution: the year between number and symbol),
``03/NQ-HĐND`` (an individual resolution), ``15/TB-HĐND``, ``20/BC-KTNS`` (a
committee's report). The number is one to four digits, the year (normative acts
only) four, then the abbreviation of the document's kind and, after a hyphen, the
issuing body's abbreviation (one or more parts joined by hyphens: ``HĐND-KTNS``).

``parse_number`` returns the parts or raises ``ValidationError`` with a Vietnamese
message saying what is wrong and how it is written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError

# Abbreviations of the kinds of administrative documents (NĐ 30/2020, Phụ lục III).
KIND_ABBREVIATIONS = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "CĐ": "Công điện",
    "GM": "Giấy mời",
}

EXAMPLES = "123/TTr-UBND, 45/BC-HĐND, 12/2019/NQ-HĐND, 03/NQ-HĐND, 20/BC-KTNS"

_PATTERN = re.compile(
    r"(?P<number>\d{1,4})(?:/(?P<year>\d{4}))?/(?P<kind>[A-Za-zĐđ]{1,4})-(?P<body>[^\s/]+)"
)
_BODY_PART = re.compile(r"[A-ZĐ][A-ZĐ0-9]*")


@dataclass(frozen=True)
class DocumentNumber:
    number: int
    year: int | None
    kind: str
    body: str

    def __str__(self):
        year = f"/{self.year}" if self.year else ""
        return f"{self.number:02d}{year}/{self.kind}-{self.body}"


def normalize_number(value: str) -> str:
    """NFC, no spaces around the slashes and hyphens (``12 / 2019 / NQ - HĐND``)."""
    value = unicodedata.normalize("NFC", value or "").strip()
    return re.sub(r"\s*([/-])\s*", r"\1", value)


def _invalid(message: str) -> ValidationError:
    return ValidationError(
        f"Số, ký hiệu “%(value)s” không đúng: {message} Viết như: {EXAMPLES}.",
        code="invalid_number",
    )


def parse_number(value: str) -> DocumentNumber:
    text = normalize_number(value)
    error_params = {"value": value}
    match = _PATTERN.fullmatch(text)
    if not match:
        if "/" not in text:
            error = _invalid("thiếu dấu “/” giữa số và ký hiệu.")
        elif "-" not in text.rsplit("/", 1)[-1]:
            error = _invalid("thiếu dấu “-” giữa tên loại văn bản và cơ quan ban hành.")
        elif not re.match(r"\d", text):
            error = _invalid("phải bắt đầu bằng số văn bản (1 đến 4 chữ số).")
        else:
            error = _invalid("không theo mẫu số/năm/ký hiệu.")
        error.params = error_params
        raise error
    number = int(match["number"])
    year = int(match["year"]) if match["year"] else None
    kind, body = match["kind"], match["body"]
    problem = None
    if number == 0:
        problem = "số văn bản phải lớn hơn 0."
    elif year is not None and not 1945 <= year <= 2100:
        problem = f"năm {year} không hợp lệ."
    elif kind not in KIND_ABBREVIATIONS:
        problem = f"“{kind}” không phải tên viết tắt của một loại văn bản (TTr, BC, NQ, TB…)."
    elif year is not None and kind not in ("NQ", "QĐ", "CT"):
        problem = "chỉ văn bản quy phạm pháp luật (NQ, QĐ, CT) mới ghi năm ban hành trong số."
    elif not all(_BODY_PART.fullmatch(part) for part in body.split("-")):
        problem = f"tên viết tắt cơ quan “{body}” phải viết hoa (UBND, HĐND, KTNS…)."
    elif re.search(r"(^|-)HDND($|-)", body):
        problem = "viết “HĐND” với chữ “Đ”."
    if problem:
        error = _invalid(problem)
        error.params = error_params
        raise error
    return DocumentNumber(number, year, kind, body)


def validate_number(value: str) -> None:
    """Model-field validator: an empty value is left to ``blank``."""
    if value:
        parse_number(value)
