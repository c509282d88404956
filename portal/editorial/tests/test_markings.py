"""The marking rules on lines: stamps and labels fire, prose about secrets does not."""

import unicodedata

import pytest

from portal.editorial.classification.markings import (
    DECLASSIFIED,
    MOST_SECRET,
    SECRET,
    TOP_SECRET,
    find_markings,
    name_markings,
)

# The council's own review of the old portal (its paragraph on the secretariat).
SEED_REVIEW = (
    "Bộ phận thư ký cơ bản quản trị tốt về mặt kỹ thuật, cập nhật kịp thời thông tin được "
    "duyệt. Công tác đảm bảo an toàn mạng và an ninh thông tin thường xuyên được bộ phận thư "
    "ký thực hiện tốt. Cơ sở dữ liệu đăng tải được kiểm duyệt chặt chẽ, không đăng tải các văn "
    "bản mật, không để xảy ra trường hợp làm lộ, lọt bí mật Nhà nước hoặc có sai phạm phải xử "
    "lý về công tác bảo vệ bí mật Nhà nước.\nNo classified documents (mật, tối mật, tuyệt\n"
    "mật) were ever posted, no state secret was leaked."
)

MARKED_LINES = {
    "MẬT": SECRET,
    "TỐI MẬT": TOP_SECRET,
    "TUYỆT MẬT": MOST_SECRET,
    "Tuyệt mật": MOST_SECRET,
    "tối mật": TOP_SECRET,
    "TUYET MAT": MOST_SECRET,
    "toi mat": TOP_SECRET,
    "MAT": SECRET,
    "T U Y Ệ T   M Ậ T": MOST_SECRET,
    "M Ậ T": SECRET,
    "T Ố I  M Ậ T": TOP_SECRET,
    "[ MẬT ]": SECRET,
    "*** TỐI MẬT ***": TOP_SECRET,
    "| TUYỆT MẬT |": MOST_SECRET,
    "“MẬT”": SECRET,
    "UBND TỈNH BẮC KẠN            MẬT": SECRET,
    "Số: 45/BC-HĐND    TỐI MẬT": TOP_SECRET,
    "[TỐI MẬT] Kế hoạch bảo đảm an ninh kỳ họp": TOP_SECRET,
    "Báo cáo tình hình an ninh (MẬT)": SECRET,
    "TUYỆT MẬT - Phương án bảo vệ kỳ họp thứ 13": MOST_SECRET,
    "TUYỆT MẬT: Phương án bảo vệ": MOST_SECRET,
    "Độ mật: Tối mật": TOP_SECRET,
    "ĐỘ MẬT: TUYỆT MẬT": MOST_SECRET,
    "Độ mật: Mật": SECRET,
    "Do mat: toi mat": TOP_SECRET,
    "Độ mật: A": MOST_SECRET,
    "Độ mật: B": TOP_SECRET,
    "Độ mật: C": SECRET,
    "Số: 12/UBND      Độ mật: Mật": SECRET,
    "ĐÃ GIẢI MẬT": DECLASSIFIED,
    "GIẢI MẬT": DECLASSIFIED,
    "[ĐÃ GIẢI MẬT]": DECLASSIFIED,
}

PROSE = [
    "không đăng tải các văn bản mật, không để xảy ra trường hợp làm lộ, lọt bí mật Nhà nước",
    "Hội nghị tập huấn công tác bảo vệ bí mật nhà nước năm 2020",
    "HỘI NGHỊ TẬP HUẤN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC",
    "Học viên được hướng dẫn phân loại tài liệu mật, tối mật, tuyệt mật.",
    "Xác định độ mật: tuyệt mật, tối mật hoặc mật đối với từng loại tài liệu.",
    "Các cấp độ: Mật – Tối mật – Tuyệt mật",
    "Nghị quyết về dự toán kinh phí bảo đảm công tác bảo vệ bí mật nhà nước",
    "Độ mật của tài liệu do người đứng đầu cơ quan quyết định.",
    "Đổi mật khẩu hộp thư công vụ định kỳ ba tháng một lần.",
    "Mật độ dân số của huyện Ba Bể là 72 người/km².",
    "Buổi tiếp xúc cử tri diễn ra trong không khí thân mật, cởi mở.",
    "Quan hệ mật thiết giữa đại biểu và cử tri.",
    "Mật ong bạc hà Bắc Kạn được cấp chứng nhận OCOP.",
    "MẬT ONG BẮC KẠN",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "MẶT TRẬN TỔ QUỐC VIỆT NAM",
    "MẶT",
    "Mát",
    "Bảo mật thông tin cá nhân của cử tri",
    "BẢO MẬT",
    "Tuyệt vời",
    "Toi",
]

LEVEL_LIST_IN_PROSE = "Ba cấp độ mật:\n- Tuyệt mật\n- Tối mật\n- Mật\nĐược đóng dấu tương ứng."


@pytest.mark.parametrize("line,level", MARKED_LINES.items())
def test_a_stamp_or_label_is_a_marking(line, level):
    assert [marking.level for marking in find_markings(line)] == [level]


@pytest.mark.parametrize("line", list(MARKED_LINES))
def test_markings_are_found_in_nfd_too(line):
    decomposed = unicodedata.normalize("NFD", line)
    assert [m.level for m in find_markings(decomposed)] == [MARKED_LINES[line]]


@pytest.mark.parametrize("line", PROSE)
def test_prose_about_secrets_is_not_a_marking(line):
    assert find_markings(line) == []


def test_a_list_of_the_levels_in_prose_is_not_a_marking():
    assert find_markings(LEVEL_LIST_IN_PROSE) == []
    assert find_markings("Tối mật\nTuyệt mật") == []


def test_a_stamp_line_among_prose_is_found_with_its_place():
    text = "ỦY BAN NHÂN DÂN TỈNH\nTỐI MẬT\nBáo cáo tình hình thu ngân sách."
    [marking] = find_markings(text, "trang 2")
    assert (marking.level, marking.where, marking.line) == (
        TOP_SECRET,
        "trang 2, dòng 2",
        "TỐI MẬT",
    )


def test_the_seed_review_passes():
    assert find_markings(SEED_REVIEW) == []


@pytest.mark.parametrize(
    "name,level",
    [
        ("bao-cao-TOI-MAT.pdf", TOP_SECRET),
        ("TUYET_MAT_phuong-an.docx", MOST_SECRET),
        ("ke-hoach-tuyet-mat.pdf", MOST_SECRET),
        ("Báo cáo MẬT.docx", SECRET),
        ("bao_cao_an_ninh_MAT.pdf", SECRET),
        ("TUYỆT MẬT: Phương án bảo vệ kỳ họp", MOST_SECRET),
        ("da-giai-mat-2015.pdf", DECLASSIFIED),
    ],
)
def test_marked_names(name, level):
    assert [m.level for m in name_markings(name, "tên tệp")] == [level]


@pytest.mark.parametrize(
    "name",
    [
        "mat-tran-to-quoc.pdf",
        "MAT_TRAN_TQ_bao-cao.pdf",
        "mat-do-dan-so-2019.xlsx",
        "mat-khau.txt",
        "Tập huấn bảo vệ bí mật nhà nước.docx",
        "Mật ong Bắc Kạn.jpg",
        "IMG_2019_MAT.jpg".lower(),
    ],
)
def test_clean_names(name):
    assert name_markings(name, "tên tệp") == []
