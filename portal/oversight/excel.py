"""The letters statistics in Excel: the template the portal gives out, the reading of a
filled-in file (every cell checked, each problem named by sheet, row and column), and
the downloads of a month's and a year's tables (Excel and CSV).

The layout of a month's sheet, in the template, in a downloaded month and in what the
import reads (a downloaded month can be imported again)::

    row 1   title (merged across the table)
    row 2   A "Năm"  B <year>
    row 3   a note on how to fill it in
    row 4   the column headings (never merged): A "Cơ quan tiếp nhận", B…M the figures,
            N "Kết quả giải quyết"
    row 5…  one row per receiving body; a last row "Tổng cộng" is ignored on import
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from portal.core.text import fold

from .models import FIGURE_FIELDS, FIGURES, MAX_COUNT, letter_month_problems

TITLE_ROW, YEAR_ROW, NOTE_ROW, HEADER_ROW, FIRST_DATA_ROW = 1, 2, 3, 4, 5
BODY_HEADING = "Cơ quan tiếp nhận"
OUTCOME_HEADING = "Kết quả giải quyết"
TOTAL_LABEL = "Tổng cộng"
GUIDE_SHEET = "Hướng dẫn"
HEADINGS = (BODY_HEADING, *(figure.label for figure in FIGURES), OUTCOME_HEADING)
FIGURE_COLUMNS = {figure.field: index + 2 for index, figure in enumerate(FIGURES)}
OUTCOME_COLUMN = len(HEADINGS)
LAST_COLUMN = get_column_letter(OUTCOME_COLUMN)
MAX_ROWS = 500
MAX_FILE_BYTES = 5 * 1024 * 1024
SHEET_NAME = re.compile(r"^\s*thang\s+0?(\d{1,2})\s*$")  # matched on the folded name
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOTE = (
    "Ghi đúng tên cơ quan tiếp nhận; mỗi ô số liệu là số nguyên không âm (ghi 0 nếu không có "
    "đơn); các phần phải cộng đúng tổng (TT 05/2021/TT-TTCP). "
    "Không gộp ô, không đổi tên trang tính."
)


def sheet_name(month: int) -> str:
    return f"Tháng {month}"


# --- reading a filled-in file --------------------------------------------------


@dataclass(frozen=True)
class CellProblem:
    sheet: str | None
    row: int | None
    column: str | None  # the column's letter
    message: str

    def __str__(self):
        where = []
        if self.sheet is not None:
            where.append(f"Trang tính '{self.sheet}'")
        if self.row is not None:
            where.append(f"dòng {self.row}")
        if self.column is not None:
            where.append(f"cột {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class LettersFileError(Exception):
    """The file is refused: every problem found, in Vietnamese."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))

    @property
    def messages(self) -> list[str]:
        return [str(problem) for problem in self.problems]


@dataclass
class LetterRow:
    sheet: str
    row: int
    year: int
    month: int
    body: object  # ReceivingBody
    figures: dict
    outcome: str


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value) -> str:
    text = str(value).strip()
    return text if len(text) <= 40 else text[:40] + "…"


def _count(value):
    """The non-negative integer in a cell, or None if it holds something else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and 0 <= value <= MAX_COUNT:
        return value
    return None


def open_workbook(data: bytes):
    """The workbook in ``data``, or a ``LettersFileError`` saying why not."""
    if not data:
        raise LettersFileError([CellProblem(None, None, None, "Tệp rỗng: không có nội dung nào.")])
    if len(data) > MAX_FILE_BYTES:
        raise LettersFileError(
            [
                CellProblem(
                    None, None, None, "Tệp quá lớn (tối đa 5 MB) cho một bảng thống kê đơn thư."
                )
            ]
        )
    not_xlsx = CellProblem(
        None,
        None,
        None,
        "Tệp không phải bảng tính Excel .xlsx (có thể là tệp .xls, .csv hoặc tệp hỏng). "
        "Hãy dùng mẫu “Tải mẫu Excel” và lưu dưới dạng .xlsx.",
    )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise LettersFileError([not_xlsx])
    try:
        return load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise LettersFileError([not_xlsx]) from None


def read_letters(data: bytes, bodies) -> list[LetterRow]:
    """Every filled row of every month's sheet, each cell checked; raises
    ``LettersFileError`` with all the problems found if there is any."""
    workbook = open_workbook(data)
    by_name = {fold(body.name): body for body in bodies}
    problems, rows, months_seen = [], [], {}
    for sheet in workbook.worksheets:
        title = sheet.title
        if fold(title) == fold(GUIDE_SHEET):
            continue
        match = SHEET_NAME.match(fold(title))
        month = int(match.group(1)) if match else 0
        if not 1 <= month <= 12:
            problems.append(
                CellProblem(
                    title,
                    None,
                    None,
                    "tên trang tính không đúng mẫu; phải là 'Tháng 1' đến 'Tháng 12' "
                    f"(hoặc '{GUIDE_SHEET}').",
                )
            )
            continue
        if month in months_seen:
            problems.append(
                CellProblem(
                    title, None, None, f"trùng tháng với trang tính '{months_seen[month]}'."
                )
            )
            continue
        months_seen[month] = title
        rows += _read_sheet(sheet, month, by_name, problems)
    if not problems and not rows:
        problems.append(
            CellProblem(
                None,
                None,
                None,
                "Tệp không có số liệu nào: hãy điền số liệu của ít nhất một cơ quan "
                "trong một tháng.",
            )
        )
    if problems:
        raise LettersFileError(problems)
    return rows


def _read_sheet(sheet, month, by_name, problems) -> list[LetterRow]:
    title = sheet.title
    if sheet.max_row > MAX_ROWS:
        problems.append(CellProblem(title, None, None, f"quá {MAX_ROWS} dòng; hãy dùng đúng mẫu."))
        return []
    merged = False
    for cells in sheet.merged_cells.ranges:
        if cells.max_row < HEADER_ROW:
            continue  # the title may be merged
        where = "dòng tiêu đề cột" if cells.min_row <= HEADER_ROW else "vùng số liệu"
        problems.append(
            CellProblem(
                title,
                cells.min_row,
                get_column_letter(cells.min_col),
                f"các ô {cells.coord} bị gộp trong {where}; hãy bỏ gộp ô và dùng đúng mẫu.",
            )
        )
        merged = True
    if merged:
        return []
    heading_ok = True
    for column, expected in enumerate(HEADINGS, 1):
        found = sheet.cell(HEADER_ROW, column).value
        if _is_blank(found) or fold(str(found)) != fold(expected):
            shown = "ô trống" if _is_blank(found) else f"đang là “{_shown(found)}”"
            problems.append(
                CellProblem(
                    title,
                    HEADER_ROW,
                    get_column_letter(column),
                    f"tiêu đề cột phải là “{expected}” ({shown}); hãy dùng đúng mẫu.",
                )
            )
            heading_ok = False
    if not heading_ok:
        return []
    year_value = sheet.cell(YEAR_ROW, 2).value
    year = _count(year_value)
    if year is None or not 2000 <= year <= 2100:
        shown = "ô trống" if _is_blank(year_value) else f"đang là “{_shown(year_value)}”"
        problems.append(
            CellProblem(title, YEAR_ROW, "B", f"năm phải là số nguyên từ 2000 đến 2100 ({shown}).")
        )
        return []
    rows, seen = [], {}
    for number in range(FIRST_DATA_ROW, sheet.max_row + 1):
        values = [sheet.cell(number, column).value for column in range(1, OUTCOME_COLUMN + 1)]
        name, numbers, outcome = values[0], values[1:-1], values[-1]
        if all(_is_blank(value) for value in values):
            continue
        if not _is_blank(name) and fold(str(name)) == fold(TOTAL_LABEL):
            continue  # the total row of a downloaded table
        if all(_is_blank(value) for value in numbers) and _is_blank(outcome):
            continue  # a body the template lists that had nothing to report
        row_problems = []
        body = None
        if _is_blank(name):
            row_problems.append(CellProblem(title, number, "A", "thiếu tên cơ quan tiếp nhận."))
        else:
            body = by_name.get(fold(str(name)))
            if body is None:
                row_problems.append(
                    CellProblem(
                        title,
                        number,
                        "A",
                        f"không có cơ quan tiếp nhận “{_shown(name)}” trong danh mục "
                        "(Đơn thư → Cơ quan tiếp nhận).",
                    )
                )
            elif body.pk in seen:
                row_problems.append(
                    CellProblem(
                        title, number, "A", f"cơ quan “{body.name}” đã có ở dòng {seen[body.pk]}."
                    )
                )
            else:
                seen[body.pk] = number
        figures = {}
        for figure, value in zip(FIGURES, numbers, strict=True):
            letter = get_column_letter(FIGURE_COLUMNS[figure.field])
            count = _count(value)
            if _is_blank(value):
                row_problems.append(
                    CellProblem(
                        title,
                        number,
                        letter,
                        f"ô trống ({figure.label}); ghi 0 nếu không có đơn.",
                    )
                )
            elif count is None:
                row_problems.append(
                    CellProblem(
                        title,
                        number,
                        letter,
                        f"không phải số nguyên không âm (“{_shown(value)}”, {figure.label}).",
                    )
                )
            else:
                figures[figure.field] = count
        if outcome is not None and not isinstance(outcome, str | int | float):
            row_problems.append(
                CellProblem(title, number, LAST_COLUMN, "kết quả giải quyết phải là chữ.")
            )
        outcome_text = "" if _is_blank(outcome) else str(outcome).strip()
        if len(outcome_text) > 2000:
            row_problems.append(
                CellProblem(title, number, LAST_COLUMN, "kết quả giải quyết dài quá 2.000 ký tự.")
            )
        if len(figures) == len(FIGURE_FIELDS):
            for problem in letter_month_problems(figures):
                total = get_column_letter(FIGURE_COLUMNS[problem.field])
                first = get_column_letter(FIGURE_COLUMNS[problem.parts[0]])
                last = get_column_letter(FIGURE_COLUMNS[problem.parts[-1]])
                parts = (
                    f"{first}{number}:{last}{number}"
                    if len(problem.parts)
                    == FIGURE_COLUMNS[problem.parts[-1]] - FIGURE_COLUMNS[problem.parts[0]] + 1
                    else ", ".join(
                        f"{get_column_letter(FIGURE_COLUMNS[p])}{number}" for p in problem.parts
                    )
                )
                row_problems.append(
                    CellProblem(
                        title,
                        number,
                        total,
                        f"{problem.message} (ô {total}{number} so với các ô {parts}).",
                    )
                )
        if row_problems:
            problems += row_problems
        else:
            rows.append(LetterRow(title, number, year, month, body, figures, outcome_text))
    return rows


# --- writing ----------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(name="Times New Roman", bold=True, size=12)
PLAIN = Font(name="Times New Roman", size=12)
TITLE_FONT = Font(name="Times New Roman", bold=True, size=14)
NOTE_FONT = Font(name="Times New Roman", italic=True, size=11)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="center", wrap_text=True)
NUMBER_FORMAT = "#,##0"


def _widths(sheet, first: int, rest: int, last: int | None = None, columns: int = OUTCOME_COLUMN):
    for column in range(1, columns + 1):
        width = first if column == 1 else rest
        if last is not None and column == columns:
            width = last
        sheet.column_dimensions[get_column_letter(column)].width = width


def _title(sheet, text: str, columns: int):
    sheet.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=columns)
    cell = sheet.cell(TITLE_ROW, 1, text)
    cell.font = TITLE_FONT
    cell.alignment = CENTER
    sheet.row_dimensions[TITLE_ROW].height = 30


def _header(sheet, headings, row=HEADER_ROW):
    for column, heading in enumerate(headings, 1):
        cell = sheet.cell(row, column, heading)
        cell.font = BOLD
        cell.alignment = CENTER
        cell.border = BORDER
    sheet.row_dimensions[row].height = 48
    sheet.freeze_panes = sheet.cell(row + 1, 2)


def _row(sheet, row, values, *, bold=False):
    for column, value in enumerate(values, 1):
        cell = sheet.cell(row, column, value)
        cell.font = BOLD if bold else PLAIN
        cell.border = BORDER
        if isinstance(value, int):
            cell.number_format = NUMBER_FORMAT
            cell.alignment = Alignment(horizontal="right", vertical="center")
        else:
            cell.alignment = WRAP


def _month_sheet(workbook, year, month, title):
    sheet = workbook.create_sheet(sheet_name(month))
    _title(sheet, title, OUTCOME_COLUMN)
    sheet.cell(YEAR_ROW, 1, "Năm").font = BOLD
    sheet.cell(YEAR_ROW, 2, year).font = BOLD
    sheet.cell(NOTE_ROW, 1, NOTE).font = NOTE_FONT
    _header(sheet, HEADINGS)
    _widths(sheet, 34, 13, 40)
    sheet.print_options.horizontalCentered = True
    sheet.page_setup.orientation = "landscape"
    return sheet


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def letters_template(year: int, bodies, months=range(1, 13)) -> bytes:
    """The template to fill in: a sheet per month with the bodies' names, blank
    figures (whole numbers from 0 enforced by Excel's data validation) and a guide."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    bodies = list(bodies)
    for month in months:
        sheet = _month_sheet(
            workbook,
            year,
            month,
            f"BẢNG THỐNG KÊ TIẾP NHẬN, XỬ LÝ ĐƠN THƯ THÁNG {month}/{year}",
        )
        last = FIRST_DATA_ROW + max(len(bodies), 1) - 1
        for offset, body in enumerate(bodies):
            _row(sheet, FIRST_DATA_ROW + offset, [body.name] + [None] * (OUTCOME_COLUMN - 1))
        validation = DataValidation(
            type="whole",
            operator="between",
            formula1="0",
            formula2=str(MAX_COUNT),
            showErrorMessage=True,
            errorTitle="Số liệu không hợp lệ",
            error="Ô này chỉ nhận số nguyên không âm.",
        )
        validation.add(f"B{FIRST_DATA_ROW}:M{last}")
        sheet.add_data_validation(validation)
    guide = workbook.create_sheet(GUIDE_SHEET)
    lines = [
        "HƯỚNG DẪN ĐIỀN MẪU THỐNG KÊ ĐƠN THƯ",
        "Mỗi trang tính là một tháng ('Tháng 1' … 'Tháng 12'); có thể xóa các tháng không nhập.",
        "Cột A: tên cơ quan tiếp nhận đúng như trong danh mục; mỗi cơ quan một dòng.",
        "Số đơn nhận = Khiếu nại + Tố cáo + Kiến nghị, phản ánh + Hỗn hợp.",
        "Số đơn nhận = Đủ điều kiện xử lý + Không đủ điều kiện xử lý.",
        "Đủ điều kiện xử lý = Hướng dẫn + Chuyển đơn + Đôn đốc + Thuộc thẩm quyền.",
        "Đã trả lời, giải quyết không lớn hơn Chuyển đơn + Đôn đốc + Thuộc thẩm quyền.",
        "Nhập lại một tháng sẽ thay số liệu cũ của tháng đó; lịch sử thay đổi được lưu lại.",
    ]
    for number, line in enumerate(lines, 1):
        guide.cell(number, 1, line).font = BOLD if number == 1 else PLAIN
    guide.column_dimensions["A"].width = 100
    return _save(workbook)


def month_workbook(table) -> bytes:
    """A month's table (``selectors.MonthTable``), laid out as the template."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheet = _month_sheet(
        workbook,
        table.year,
        table.month,
        f"THỐNG KÊ TIẾP NHẬN, XỬ LÝ ĐƠN THƯ THÁNG {table.month}/{table.year}",
    )
    number = FIRST_DATA_ROW
    for row in table.rows:
        _row(sheet, number, [row.body.name, *row.figures().values(), row.outcome])
        number += 1
    _row(sheet, number, [TOTAL_LABEL, *table.totals.values(), ""], bold=True)
    return _save(workbook)


YEAR_HEADINGS = ("Tháng", *(figure.label for figure in FIGURES))


def year_workbook(summary) -> bytes:
    """A year's totals by month and by body (``selectors.YearSummary``)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Năm {summary.year}"
    columns = len(YEAR_HEADINGS)
    _title(sheet, f"THỐNG KÊ TIẾP NHẬN, XỬ LÝ ĐƠN THƯ NĂM {summary.year}", columns)
    _header(sheet, YEAR_HEADINGS)
    number = FIRST_DATA_ROW
    for month, totals in year_rows(summary):
        _row(sheet, number, [month, *totals.values()], bold=month == TOTAL_LABEL)
        number += 1
    _widths(sheet, 16, 13, columns=columns)
    bodies = workbook.create_sheet("Theo cơ quan")
    _title(bodies, f"ĐƠN THƯ NĂM {summary.year} THEO CƠ QUAN TIẾP NHẬN", columns)
    _header(bodies, (BODY_HEADING, *YEAR_HEADINGS[1:]))
    for offset, (name, totals) in enumerate(summary.bodies):
        _row(bodies, FIRST_DATA_ROW + offset, [name, *totals.values()])
    _widths(bodies, 34, 13, columns=columns)
    return _save(workbook)


def year_rows(summary):
    """("Tháng 1", totals) … for the months with figures, then ("Tổng cộng", totals)."""
    rows = [(sheet_name(month), totals) for month, totals in sorted(summary.months.items())]
    return rows + [(TOTAL_LABEL, summary.totals)]


def _csv(headings, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headings)
    writer.writerows(rows)
    # With the byte order mark Excel reads the file as UTF-8 (Vietnamese intact).
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def month_csv(table) -> bytes:
    rows = [[row.body.name, *row.figures().values(), row.outcome] for row in table.rows]
    rows.append([TOTAL_LABEL, *table.totals.values(), ""])
    return _csv(HEADINGS, rows)


def year_csv(summary) -> bytes:
    return _csv(YEAR_HEADINGS, [[label, *totals.values()] for label, totals in year_rows(summary)])
