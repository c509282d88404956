"""The detector on whole files of every kind an office sends: marked ones are found
with their place, clean ones (prose about secrets included) pass."""

import unicodedata

import pytest

from portal.editorial.classification import DECLASSIFIED, scan_file
from portal.editorial.classification.markings import MOST_SECRET, SECRET, TOP_SECRET

from . import corpus

TRAINING = [
    "Hội nghị tập huấn công tác bảo vệ bí mật nhà nước năm 2020",
    "Học viên được hướng dẫn phân loại tài liệu mật, tối mật, tuyệt mật.",
    "Không đăng tải các văn bản mật, không để lộ, lọt bí mật Nhà nước.",
    "Đổi mật khẩu định kỳ; mật độ dân số; không khí thân mật; mật ong Bắc Kạn.",
]

MARKED = {
    "text PDF, stamp line": (
        lambda: corpus.pdf(["TUYỆT MẬT", *corpus.LETTER]),
        "a.pdf",
        MOST_SECRET,
        "trang 1",
    ),
    "text PDF, header": (
        lambda: corpus.pdf(corpus.LETTER, pages=3, header="MẬT"),
        "b.pdf",
        SECRET,
        "trang 1",
    ),
    "text PDF, footer label": (
        lambda: corpus.pdf(corpus.LETTER, footer="Độ mật: Tối mật"),
        "c.pdf",
        TOP_SECRET,
        "trang",
    ),
    "scanned PDF, red stamp": (
        lambda: corpus.scanned_pdf(
            [corpus.scan(corpus.LETTER), corpus.scan(corpus.LETTER, stamp="TỐI MẬT", angle=3)]
        ),
        "scan.pdf",
        TOP_SECRET,
        "trang 2",
    ),
    "PNG scan, red stamp": (
        lambda: corpus.image_bytes(corpus.scan(corpus.LETTER, stamp="TUYỆT MẬT", angle=5)),
        "scan.png",
        MOST_SECRET,
        "dấu mực đỏ",
    ),
    "JPEG scan, red stamp turned the other way": (
        lambda: corpus.image_bytes(corpus.scan(corpus.LETTER, stamp="MẬT", angle=-4), "JPEG"),
        "scan.jpg",
        SECRET,
        "dấu mực đỏ",
    ),
    "TIFF scan, black stamp": (
        lambda: corpus.image_bytes(corpus.scan(corpus.LETTER, black_stamp="TỐI MẬT"), "TIFF"),
        "scan.tif",
        TOP_SECRET,
        "ảnh",
    ),
    "PNG scan, printed label": (
        lambda: corpus.image_bytes(corpus.scan(["Độ mật: Tối mật", *corpus.LETTER], sealed=False)),
        "scan-nhan.png",
        TOP_SECRET,
        "ảnh",
    ),
    "DOCX, body": (lambda: corpus.docx(["MẬT", *corpus.LETTER]), "a.docx", SECRET, "nội dung"),
    "DOCX, header": (
        lambda: corpus.docx(corpus.LETTER, header="TUYỆT MẬT"),
        "b.docx",
        MOST_SECRET,
        "đầu trang",
    ),
    "DOCX, footer": (
        lambda: corpus.docx(corpus.LETTER, footer="Độ mật: B"),
        "c.docx",
        TOP_SECRET,
        "chân trang",
    ),
    "DOCX, table cell": (
        lambda: corpus.docx(corpus.LETTER, table=[["Số", "Độ mật"], ["12/BC", "TỐI MẬT"]]),
        "d.docx",
        TOP_SECRET,
        "nội dung",
    ),
    "XLSX, cell": (
        lambda: corpus.xlsx([["Chỉ tiêu", "Ghi chú"], ["Quân số", "MẬT"]]),
        "a.xlsx",
        SECRET,
        "ô B2",
    ),
    "XLSX, header": (
        lambda: corpus.xlsx([["Thu", 490000]], header="TUYỆT MẬT"),
        "b.xlsx",
        MOST_SECRET,
        "đầu trang",
    ),
    "ODT, header": (
        lambda: corpus.odt(corpus.LETTER, header="TỐI MẬT"),
        "a.odt",
        TOP_SECRET,
        "đầu trang",
    ),
    "ODT, spaced letters": (
        lambda: corpus.odt(["T U Y Ệ T  M Ậ T", *corpus.LETTER]),
        "b.odt",
        MOST_SECRET,
        "nội dung",
    ),
    "plain text, NFD": (
        lambda: unicodedata.normalize("NFD", "\n".join(["TỐI MẬT", *corpus.LETTER])).encode(),
        "a.txt",
        TOP_SECRET,
        "nội dung",
    ),
    "Word 97-2003": (
        lambda: corpus.legacy_doc(["TUYỆT MẬT", *corpus.LETTER]),
        "a.doc",
        MOST_SECRET,
        "Office 97-2003",
    ),
    "PPTX, slide": (
        lambda: corpus.pptx([corpus.LETTER[:3], ["TỐI MẬT", "Phương án bảo vệ"]]),
        "a.pptx",
        TOP_SECRET,
        "trang chiếu 2",
    ),
    "ZIP, marked member": (
        lambda: corpus.zip_of(
            {"to-trinh.pdf": corpus.pdf(corpus.LETTER), "bc.docx": corpus.docx(["MẬT"])}
        ),
        "ho-so.zip",
        SECRET,
        "bc.docx: nội dung",
    ),
    "ZIP, marked member name": (
        lambda: corpus.zip_of({"phu-luc/TUYET_MAT_phuong-an.txt": "Nội dung.".encode()}),
        "ho-so.zip",
        MOST_SECRET,
        "tên tệp trong gói",
    ),
    "file name only": (
        lambda: corpus.pdf(corpus.LETTER),
        "bao-cao-TOI-MAT.pdf",
        TOP_SECRET,
        "tên tệp",
    ),
}

CLEAN = {
    "PNG scan, training news": (
        lambda: corpus.image_bytes(corpus.scan(TRAINING + corpus.LETTER)),
        "tap-huan.png",
    ),
    "text PDF, training news": (
        lambda: corpus.pdf(TRAINING + corpus.LETTER, pages=2),
        "tap-huan.pdf",
    ),
    "scanned PDF, seal only": (
        lambda: corpus.scanned_pdf([corpus.scan(corpus.LETTER)]),
        "to-trinh.pdf",
    ),
    "PNG scan, seal only": (lambda: corpus.image_bytes(corpus.scan(corpus.LETTER)), "to-trinh.png"),
    "DOCX, training": (
        lambda: corpus.docx(TRAINING, header="HĐND TỈNH BẮC KẠN", footer="Trang 1"),
        "a.docx",
    ),
    "XLSX, budget": (
        lambda: corpus.xlsx([["Nội dung", "Dự toán"], ["Bảo vệ bí mật nhà nước", 490000]]),
        "du-toan.xlsx",
    ),
    "ODT, training": (lambda: corpus.odt(TRAINING, header="Tài liệu tập huấn"), "a.odt"),
    "PPTX, training": (lambda: corpus.pptx([TRAINING]), "tap-huan.pptx"),
    "ZIP of clean files": (
        lambda: corpus.zip_of({"a.pdf": corpus.pdf(corpus.LETTER), "b.txt": "\n".join(TRAINING)}),
        "ho-so.zip",
    ),
    "plain text": (lambda: "\n".join(TRAINING).encode("utf-8"), "tin.txt"),
    "Word 97-2003": (lambda: corpus.legacy_doc(TRAINING), "tin.doc"),
}


@pytest.mark.parametrize("case", MARKED)
def test_a_marked_file_is_found(case):
    build, name, level, where = MARKED[case]
    result = scan_file(build(), name)
    assert result.level == level, [m.where for m in result.markings]
    assert any(where in marking.where for marking in result.markings)
    assert not result.is_clean


@pytest.mark.parametrize("case", CLEAN)
def test_a_clean_file_passes(case):
    build, name = CLEAN[case]
    result = scan_file(build(), name)
    assert result.is_clean, result.markings or result.unreadable


def test_a_declassified_stamp_is_reported_as_such():
    scan = corpus.scan(corpus.LETTER, stamp="ĐÃ GIẢI MẬT", angle=2)
    result = scan_file(corpus.image_bytes(scan), "giai-mat.png")
    assert result.declassified and any(m.level == DECLASSIFIED for m in result.markings)


def test_a_title_is_checked_too():
    result = scan_file(corpus.pdf(corpus.LETTER), "to-trinh.pdf", title="[TỐI MẬT] Tờ trình")
    assert result.level == TOP_SECRET and result.markings[0].where == "tiêu đề"


@pytest.mark.parametrize(
    "data,name",
    [
        (b"\x00\x01\x02binary", "x.bin"),
        (b"%PDF-1.4 broken", "hong.pdf"),
        (b"PK\x03\x04junk", "a.docx"),
    ],
)
def test_what_cannot_be_read_is_not_clean(data, name):
    result = scan_file(data, name)
    assert result.unreadable and not result.is_clean
