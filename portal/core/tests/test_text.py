import pytest

from portal.core.text import fold, slugify_vi


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đại biểu HĐND", "dai-bieu-hdnd"),
        ("Kỳ họp thứ 13 (bất thường)", "ky-hop-thu-13-bat-thuong"),
        ("  Tiếng nói người đại biểu nhân dân ", "tieng-noi-nguoi-dai-bieu-nhan-dan"),
        ("Văn phòng Đoàn ĐBQH - HĐND - UBND", "van-phong-doan-dbqh-hdnd-ubnd"),
        ("Bắc Kạn", "bac-kan"),
        ("Pác Nặm", "pac-nam"),
    ],
)
def test_slugify_vi_transliterates_and_keeps_d(text, expected):
    assert slugify_vi(text) == expected


def test_fold_is_the_same_for_nfc_and_nfd_input():
    import unicodedata

    text = "Kỳ họp HĐND tỉnh Bắc Kạn"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == "ky hop hdnd tinh bac kan"


def test_fold_treats_upper_and_lower_d_alike():
    assert fold("ĐẠI BIỂU") == fold("đại biểu") == fold("dai bieu")


def test_fold_with_map_points_back_to_the_original_characters():
    from portal.core.text import fold_with_map

    original, folded, origin = fold_with_map("Kỳ họp HĐND")
    assert folded == "ky hop hdnd"
    assert len(origin) == len(folded)
    start = folded.index("hop")
    assert original[origin[start] : origin[start + 2] + 1] == "họp"
    assert original[origin[folded.index("hdnd")]] == "H"


def test_fold_with_map_accepts_decomposed_input_and_control_characters():
    import unicodedata

    from portal.core.text import fold, fold_with_map

    text = unicodedata.normalize("NFD", "Bắc Kạn\x01đẹp")
    original, folded, origin = fold_with_map(text)
    assert original == unicodedata.normalize("NFC", text)
    assert folded == "bac kan dep"
    assert fold(folded) == fold(text)
