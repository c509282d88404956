"""Writes of the citizens' letters statistics, with their rules.

An import is all or nothing: the whole file is read and checked first
(:func:`portal.oversight.excel.read_letters`), then every month it holds is
replaced in one transaction. The history of what changed is kept in Wagtail's
audit log (``ModelLogEntry``: the "Lịch sử" of each row in the admin), one entry
per row created, changed or removed, with the old and new value of each figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from .excel import CellProblem, LettersFileError, read_letters
from .models import FIGURE_FIELDS, FIGURE_LABELS, LetterMonth, ReceivingBody

IMPORT_ACTION = "oversight.letters.import"
IMPORT_DELETE_ACTION = "oversight.letters.import_delete"


@dataclass
class ImportReport:
    months: list = field(default_factory=list)  # (year, month) replaced
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    deleted: int = 0

    @property
    def summary(self) -> str:
        months = ", ".join(f"{month}/{year}" for year, month in self.months)
        return (
            f"Đã nhập số liệu đơn thư tháng {months}: {self.created} dòng mới, "
            f"{self.changed} dòng thay đổi, {self.unchanged} dòng giữ nguyên, "
            f"{self.deleted} dòng bị thay thế."
        )


def _changes(row: LetterMonth, figures: dict, outcome: str) -> dict:
    changes = {}
    for name in FIGURE_FIELDS:
        old, new = getattr(row, name), figures[name]
        if old != new:
            changes[FIGURE_LABELS[name]] = {"old": old, "new": new}
    if row.outcome != outcome:
        changes["Kết quả giải quyết"] = {"old": row.outcome, "new": outcome}
    return changes


def import_letter_months(data: bytes, *, filename: str = "", user=None) -> ImportReport:
    """Replace every month the Excel file holds with its figures.

    Raises ``excel.LettersFileError`` (nothing saved) when any cell is wrong.
    A body that the month had before but the file leaves out is removed from that
    month: the file is the month's whole table.
    """
    rows = read_letters(data, ReceivingBody.objects.all())
    try:
        return _replace_months(rows, filename, user)
    except IntegrityError:
        # Another import wrote the same month meanwhile: this one is rolled back whole.
        raise LettersFileError(
            [
                CellProblem(
                    None,
                    None,
                    None,
                    "Số liệu của tháng này vừa được một lần nhập khác ghi; "
                    "không có số liệu nào của tệp được lưu, hãy nhập lại.",
                )
            ]
        ) from None


def _replace_months(rows, filename, user) -> ImportReport:
    report = ImportReport()
    months = sorted({(row.year, row.month) for row in rows})
    report.months = months
    with transaction.atomic():
        existing = {}
        for year, month in months:
            for row in LetterMonth.objects.select_for_update().filter(year=year, month=month):
                existing[(row.body_id, year, month)] = row
        kept = set()
        for parsed in rows:
            key = (parsed.body.pk, parsed.year, parsed.month)
            kept.add(key)
            row = existing.get(key)
            if row is None:
                row = LetterMonth(body=parsed.body, year=parsed.year, month=parsed.month)
                changes = {"created": True}
                for name, value in parsed.figures.items():
                    setattr(row, name, value)
                row.outcome = parsed.outcome
                row.save()
                report.created += 1
            else:
                changes = _changes(row, parsed.figures, parsed.outcome)
                if not changes:
                    report.unchanged += 1
                    continue
                for name, value in parsed.figures.items():
                    setattr(row, name, value)
                row.outcome = parsed.outcome
                row.save()
                report.changed += 1
            log(
                instance=row,
                action=IMPORT_ACTION,
                user=user,
                data={
                    "file": filename,
                    "sheet": parsed.sheet,
                    "row": parsed.row,
                    "changes": changes,
                },
            )
        for key, row in existing.items():
            if key not in kept:
                log(
                    instance=row,
                    action=IMPORT_DELETE_ACTION,
                    user=user,
                    data={"file": filename, "figures": row.figures()},
                )
                row.delete()
                report.deleted += 1
    return report
