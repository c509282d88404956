"""Reading a filled-in template: every cell checked, each problem named by sheet,
row and column, in Vietnamese."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from portal.oversight.excel import (
    FIRST_DATA_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    HEADINGS,
    LettersFileError,
    letters_template,
    read_letters,
)
from portal.oversight.factories import letter_figures
from portal.oversight.models import ReceivingBody

from .conftest import LEGAL, OFFICE, STANDING
from .helpers import filled_workbook

pytestmark = pytest.mark.django_db


def problems_of(data):
    with pytest.raises(LettersFileError) as error:
        read_letters(data, ReceivingBody.objects.all())
    return error.value.messages


def row_of(data, sheet, name):
    workbook = load_workbook(io.BytesIO(data))
    ws = workbook[sheet]
    return next(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, 1).value == name)


def test_the_template_has_a_sheet_per_month_the_headings_and_the_bodies(bodies):
    workbook = load_workbook(io.BytesIO(letters_template(2019, ReceivingBody.objects.all())))
    assert workbook.sheetnames == [f"Tháng {m}" for m in range(1, 13)] + [GUIDE_SHEET]
    sheet = workbook["Tháng 3"]
    assert [sheet.cell(HEADER_ROW, c).value for c in range(1, len(HEADINGS) + 1)] == list(HEADINGS)
    assert sheet["B2"].value == 2019
    assert [sheet.cell(r, 1).value for r in range(FIRST_DATA_ROW, FIRST_DATA_ROW + 3)] == [
        STANDING,
        OFFICE,
        LEGAL,
    ]
    assert sheet.cell(HEADER_ROW, 2).font.b
    assert sheet.cell(HEADER_ROW, 2).border.left.style == "thin"
    assert sheet.column_dimensions["A"].width >= 30
    # Only the title is merged.
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:N1"]


def test_an_empty_template_holds_no_figures(bodies):
    messages = problems_of(letters_template(2019, ReceivingBody.objects.all()))
    assert messages == [
        "Tệp không có số liệu nào: hãy điền số liệu của ít nhất một cơ quan trong một tháng."
    ]


def test_a_valid_file_is_read_row_by_row(bodies):
    data = filled_workbook(2019, {3: {STANDING: 14, LEGAL: 5}, 4: {OFFICE: 9}})
    rows = read_letters(data, ReceivingBody.objects.all())
    assert [(r.sheet, r.month, r.body.name, r.figures["received"]) for r in rows] == [
        ("Tháng 3", 3, STANDING, 14),
        ("Tháng 3", 3, LEGAL, 5),
        ("Tháng 4", 4, OFFICE, 9),
    ]
    assert rows[0].figures == letter_figures(14)
    assert all(r.year == 2019 for r in rows)


def test_text_in_a_number_cell_names_sheet_row_and_column(bodies):
    def edit(workbook):
        workbook["Tháng 3"]["D7"] = "mười"

    data = filled_workbook(2019, {3: {STANDING: 14, OFFICE: 8, LEGAL: 5}}, edit=edit)
    assert row_of(data, "Tháng 3", LEGAL) == 7
    messages = problems_of(data)
    assert messages == [
        "Trang tính 'Tháng 3', dòng 7, cột D: không phải số nguyên không âm (“mười”, Tố cáo)."
    ]


@pytest.mark.parametrize("value", [-1, 2.5, "12", True, 100_001])
def test_a_number_cell_holds_a_whole_non_negative_number(bodies, value):
    def edit(workbook):
        workbook["Tháng 3"]["E5"] = value

    messages = problems_of(filled_workbook(2019, {3: {STANDING: 14}}, edit=edit))
    assert messages[0].startswith(
        "Trang tính 'Tháng 3', dòng 5, cột E: không phải số nguyên không âm"
    )


def test_a_blank_cell_in_a_filled_row_is_named(bodies):
    def edit(workbook):
        workbook["Tháng 3"]["H5"] = None

    messages = problems_of(filled_workbook(2019, {3: {STANDING: 14}}, edit=edit))
    assert messages[0] == (
        "Trang tính 'Tháng 3', dòng 5, cột H: ô trống (Không đủ điều kiện xử lý); "
        "ghi 0 nếu không có đơn."
    )


def test_parts_not_adding_up_say_which_cell(bodies):
    figures = letter_figures(14)
    figures["complaints"] -= 2

    data = filled_workbook(2019, {3: {STANDING: figures}})
    assert problems_of(data) == [
        "Trang tính 'Tháng 3', dòng 5, cột B: Tổng theo nội dung (12) khác số đơn nhận (14) "
        "(ô B5 so với các ô C5:F5)."
    ]


def test_handling_not_adding_up_names_the_eligible_cell(bodies):
    figures = letter_figures(20)
    figures["urged"] += 1
    messages = problems_of(filled_workbook(2019, {3: {OFFICE: figures}}))
    assert len(messages) == 1
    assert messages[0].startswith("Trang tính 'Tháng 3', dòng 6, cột G: Tổng theo kết quả xử lý")
    assert "(ô G6 so với các ô I6:L6)" in messages[0]


def test_a_wrong_sheet_name_is_refused(bodies):
    def edit(workbook):
        workbook["Tháng 3"].title = "Sheet1"

    messages = problems_of(filled_workbook(2019, {3: {STANDING: 14}}, edit=edit))
    assert messages == [
        "Trang tính 'Sheet1': tên trang tính không đúng mẫu; phải là 'Tháng 1' đến 'Tháng 12' "
        "(hoặc 'Hướng dẫn')."
    ]


def test_month_thirteen_is_a_wrong_sheet_name(bodies):
    def edit(workbook):
        workbook["Tháng 3"].title = "Tháng 13"

    assert (
        "tên trang tính không đúng mẫu"
        in problems_of(filled_workbook(2019, {3: {STANDING: 14}}, edit=edit))[0]
    )


def test_a_merged_header_is_refused(bodies):
    def edit(workbook):
        workbook["Tháng 3"].merge_cells("D4:E4")

    messages = problems_of(filled_workbook(2019, {3: {STANDING: 14}}, edit=edit))
    assert messages == [
        "Trang tính 'Tháng 3', dòng 4, cột D: các ô D4:E4 bị gộp trong dòng tiêu đề cột; "
        "hãy bỏ gộp ô và dùng đúng mẫu."
    ]


def test_a_changed_heading_is_refused(bodies):
    def edit(workbook):
        workbook["Tháng 3"]["C4"] = "Khiếu kiện"

    messages = problems_of(filled_workbook(2019, {3: {STANDING: 14}}, edit=edit))
    assert messages == [
        "Trang tính 'Tháng 3', dòng 4, cột C: tiêu đề cột phải là “Khiếu nại” "
        "(đang là “Khiếu kiện”); hãy dùng đúng mẫu."
    ]


def test_headings_are_compared_without_case_or_diacritics(bodies):
    def edit(workbook):
        workbook["Tháng 3"]["C4"] = "KHIEU NAI"

    assert (
        len(
            read_letters(
                filled_workbook(2019, {3: {STANDING: 14}}, edit=edit), ReceivingBody.objects.all()
            )
        )
        == 1
    )


def test_an_unknown_body_is_named(bodies):
    def edit(workbook):
        workbook["Tháng 3"]["A5"] = "Ban Kinh tế"

    messages = problems_of(filled_workbook(2019, {3: {STANDING: 14}}, edit=edit))
    assert messages[0].startswith(
        "Trang tính 'Tháng 3', dòng 5, cột A: không có cơ quan tiếp nhận “Ban Kinh tế”"
    )


def test_a_body_twice_in_a_month_is_named(bodies):
    def edit(workbook):
        workbook["Tháng 3"]["A6"] = STANDING

    messages = problems_of(filled_workbook(2019, {3: {STANDING: 14, OFFICE: 3}}, edit=edit))
    assert messages == [
        f"Trang tính 'Tháng 3', dòng 6, cột A: cơ quan “{STANDING}” đã có ở dòng 5."
    ]


def test_a_wrong_year_is_named(bodies):
    def edit(workbook):
        workbook["Tháng 3"]["B2"] = "năm nay"

    messages = problems_of(filled_workbook(2019, {3: {STANDING: 14}}, edit=edit))
    assert messages == [
        "Trang tính 'Tháng 3', dòng 2, cột B: năm phải là số nguyên từ 2000 đến 2100 "
        "(đang là “năm nay”)."
    ]


def test_every_problem_of_the_file_is_reported_at_once(bodies):
    def edit(workbook):
        workbook["Tháng 3"]["D5"] = "x"
        workbook["Tháng 4"]["E6"] = -3

    messages = problems_of(filled_workbook(2019, {3: {STANDING: 14}, 4: {OFFICE: 5}}, edit=edit))
    assert [m.split(":")[0] for m in messages] == [
        "Trang tính 'Tháng 3', dòng 5, cột D",
        "Trang tính 'Tháng 4', dòng 6, cột E",
    ]


def test_an_empty_file_is_refused(bodies):
    assert problems_of(b"") == ["Tệp rỗng: không có nội dung nào."]


@pytest.mark.parametrize(
    "data",
    [
        "Cơ quan tiếp nhận,Số đơn nhận\nThường trực HĐND tỉnh,14\n".encode(),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,  # an old .xls
        b"PK\x03\x04 not really a zip",
    ],
    ids=["csv", "xls", "broken zip"],
)
def test_a_file_that_is_not_xlsx_is_refused(bodies, data):
    messages = problems_of(data)
    assert messages == [
        "Tệp không phải bảng tính Excel .xlsx (có thể là tệp .xls, .csv hoặc tệp hỏng). "
        "Hãy dùng mẫu “Tải mẫu Excel” và lưu dưới dạng .xlsx."
    ]


def test_a_zip_that_is_not_a_workbook_is_refused(bodies):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "không phải bảng tính")
    assert "không phải bảng tính Excel .xlsx" in problems_of(buffer.getvalue())[0]


def test_a_workbook_of_another_shape_is_refused(bodies):
    workbook = Workbook()
    workbook.active.title = "Tháng 3"
    workbook.active["A1"] = "Số liệu"
    buffer = io.BytesIO()
    workbook.save(buffer)
    messages = problems_of(buffer.getvalue())
    assert messages[0] == (
        "Trang tính 'Tháng 3', dòng 4, cột A: tiêu đề cột phải là “Cơ quan tiếp nhận” "
        "(ô trống); hãy dùng đúng mẫu."
    )
