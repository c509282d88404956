"""Excel files as the secretariat fills them in: the portal's own template, with
figures typed into its cells (openpyxl), for the tests of this app and the browser."""

import io

from openpyxl import load_workbook

from portal.oversight.excel import FIGURE_COLUMNS, FIRST_DATA_ROW, OUTCOME_COLUMN, letters_template
from portal.oversight.factories import letter_figures
from portal.oversight.models import ReceivingBody


def filled_workbook(year, months, *, keep_only=True, edit=None) -> bytes:
    """The template of ``year`` with ``months`` = {month: {body name: figures or a
    number of letters received}} typed in; the other months' sheets removed when
    ``keep_only``. ``edit(workbook)`` may change anything before it is saved."""
    template = letters_template(year, ReceivingBody.objects.all())
    workbook = load_workbook(io.BytesIO(template))
    for sheet in list(workbook.worksheets):
        if sheet.title.startswith("Tháng"):
            month = int(sheet.title.split()[1])
            if keep_only and month not in months:
                workbook.remove(sheet)
    for month, by_body in months.items():
        sheet = workbook[f"Tháng {month}"]
        rows = {sheet.cell(row, 1).value: row for row in range(FIRST_DATA_ROW, sheet.max_row + 1)}
        for name, figures in by_body.items():
            if isinstance(figures, int):
                figures = letter_figures(figures)
            row = rows[name]
            for field, value in figures.items():
                if field == "outcome":
                    sheet.cell(row, OUTCOME_COLUMN, value)
                else:
                    sheet.cell(row, FIGURE_COLUMNS[field], value)
    if edit is not None:
        edit(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
