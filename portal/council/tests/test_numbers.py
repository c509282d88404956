"""Numbers and symbols (số, ký hiệu) in the formats in use, and the messages for the rest."""

import pytest
from django.core.exceptions import ValidationError

from portal.council.numbers import normalize_number, parse_number

VALID = [
    ("123/TTr-UBND", (123, None, "TTr", "UBND")),
    ("45/BC-HĐND", (45, None, "BC", "HĐND")),
    ("12/2019/NQ-HĐND", (12, 2019, "NQ", "HĐND")),
    ("03/NQ-HĐND", (3, None, "NQ", "HĐND")),
    ("15/TB-HĐND", (15, None, "TB", "HĐND")),
    ("20/BC-KTNS", (20, None, "BC", "KTNS")),
    ("07/BC-HĐND-VHXH", (7, None, "BC", "HĐND-VHXH")),
    ("12 / 2019 / NQ - HĐND", (12, 2019, "NQ", "HĐND")),  # spaces around separators
    ("1234/KH-UBND", (1234, None, "KH", "UBND")),
]

INVALID = [
    ("123-TTr-UBND", "thiếu dấu “/”"),
    ("123/TTr UBND", "thiếu dấu “-”"),
    ("TTr/123-UBND", "phải bắt đầu bằng số"),
    ("12/19/NQ-HĐND", "không theo mẫu"),
    ("12345/TTr-UBND", "không theo mẫu"),
    ("0/TB-HĐND", "lớn hơn 0"),
    ("12/1900/NQ-HĐND", "năm 1900 không hợp lệ"),
    ("45/XY-UBND", "“XY” không phải tên viết tắt"),
    ("12/2019/TTr-UBND", "chỉ văn bản quy phạm pháp luật"),
    ("45/BC-hdnd", "phải viết hoa"),
    ("45/BC-HDND", "viết “HĐND” với chữ “Đ”"),
    ("abc", "thiếu dấu “/”"),
]


@pytest.mark.parametrize(("value", "parts"), VALID)
def test_valid_numbers(value, parts):
    parsed = parse_number(value)
    assert (parsed.number, parsed.year, parsed.kind, parsed.body) == parts


@pytest.mark.parametrize(("value", "problem"), INVALID)
def test_invalid_numbers_say_what_is_wrong_in_vietnamese(value, problem):
    with pytest.raises(ValidationError) as caught:
        parse_number(value)
    message = caught.value.messages[0]
    assert problem in message
    assert f"“{value}”" in message and "Viết như: 123/TTr-UBND" in message


def test_normalize_joins_separators_and_composes():
    decomposed = "12/2019/NQ-HD\u0304ND".replace("D\u0304", "Đ")
    assert normalize_number(" 12 /2019/ NQ -HĐND ") == "12/2019/NQ-HĐND"
    assert normalize_number(decomposed) == "12/2019/NQ-HĐND"
