"""Importing a file: all or nothing, a month replaced as a whole, its history kept in
Wagtail's audit log."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from portal.oversight.excel import LettersFileError
from portal.oversight.factories import LetterMonthFactory, letter_figures
from portal.oversight.models import LetterMonth
from portal.oversight.services import IMPORT_ACTION, IMPORT_DELETE_ACTION, import_letter_months

from .conftest import LEGAL, OFFICE, STANDING
from .helpers import filled_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(db):
    return get_user_model().objects.create_user("thuky", password="x", first_name="Thư ký")


def test_a_valid_file_is_saved(bodies, secretary):
    data = filled_workbook(
        2019, {3: {STANDING: 14, OFFICE: {**letter_figures(8), "outcome": "Đã trả lời 6 đơn."}}}
    )
    report = import_letter_months(data, filename="thang-3.xlsx", user=secretary)
    assert (report.created, report.changed, report.deleted) == (2, 0, 0)
    assert report.months == [(2019, 3)]
    standing = LetterMonth.objects.get(body=bodies["standing"], year=2019, month=3)
    assert standing.figures() == letter_figures(14)
    office = LetterMonth.objects.get(body=bodies["office"], year=2019, month=3)
    assert office.outcome == "Đã trả lời 6 đơn."
    entry = ModelLogEntry.objects.for_instance(standing).get()
    assert entry.action == IMPORT_ACTION and entry.user == secretary
    assert entry.data["changes"] == {"created": True}
    assert entry.data["sheet"] == "Tháng 3" and entry.data["row"] == 5
    assert "Đã nhập số liệu đơn thư tháng 3/2019: 2 dòng mới" in report.summary


def test_one_wrong_cell_saves_nothing(bodies, secretary):
    LetterMonthFactory(body=bodies["legal"], year=2019, month=3, received=4)
    before = (LetterMonth.objects.count(), ModelLogEntry.objects.count())
    keep = LetterMonth.objects.get().figures()

    def edit(workbook):
        workbook["Tháng 4"]["D6"] = "bảy"

    # Month 3 is valid and would replace the committee's row; month 4 has one wrong cell.
    data = filled_workbook(
        2019, {3: {STANDING: 14, OFFICE: 8}, 4: {STANDING: 20, OFFICE: 7}}, edit=edit
    )
    with pytest.raises(LettersFileError) as error:
        import_letter_months(data, filename="sai.xlsx", user=secretary)
    assert error.value.messages == [
        "Trang tính 'Tháng 4', dòng 6, cột D: không phải số nguyên không âm (“bảy”, Tố cáo)."
    ]
    assert (LetterMonth.objects.count(), ModelLogEntry.objects.count()) == before
    assert LetterMonth.objects.get().figures() == keep


def test_reimporting_a_month_replaces_it_and_keeps_the_history(bodies, secretary):
    first = filled_workbook(2019, {3: {STANDING: 14, OFFICE: 8, LEGAL: 3}, 4: {STANDING: 9}})
    import_letter_months(first, filename="lan-1.xlsx", user=secretary)
    april = LetterMonth.objects.get(year=2019, month=4)
    standing = LetterMonth.objects.get(body=bodies["standing"], year=2019, month=3)

    # Again for March only: the Standing Committee's figures change, the Office's do
    # not, the committee is no longer in the table; April is not in the file.
    second = filled_workbook(2019, {3: {STANDING: 16, OFFICE: 8}})
    report = import_letter_months(second, filename="lan-2.xlsx", user=secretary)
    assert (report.created, report.changed, report.unchanged, report.deleted) == (0, 1, 1, 1)

    standing.refresh_from_db()
    assert standing.figures() == letter_figures(16)
    assert not LetterMonth.objects.filter(body=bodies["legal"], year=2019, month=3).exists()
    assert LetterMonth.objects.get(pk=april.pk).figures() == letter_figures(9)

    entries = list(ModelLogEntry.objects.for_instance(standing).order_by("timestamp", "pk"))
    assert [e.action for e in entries] == [IMPORT_ACTION, IMPORT_ACTION]
    changes = entries[1].data["changes"]
    old, new = letter_figures(14), letter_figures(16)
    assert changes["Số đơn nhận"] == {"old": 14, "new": 16}
    for label, field in (("Khiếu nại", "complaints"), ("Đủ điều kiện xử lý", "eligible")):
        if old[field] != new[field]:
            assert changes[label] == {"old": old[field], "new": new[field]}
    assert entries[1].data["file"] == "lan-2.xlsx"
    assert "Số đơn nhận: 14 → 16" in entries[1].message

    removed = ModelLogEntry.objects.get(action=IMPORT_DELETE_ACTION)
    assert removed.label == f"{LEGAL} – tháng 3/2019"
    assert removed.data["figures"] == letter_figures(3)


def test_reimporting_the_same_file_changes_nothing(bodies, secretary):
    data = filled_workbook(2019, {3: {STANDING: 14}})
    import_letter_months(data, user=secretary)
    logs = ModelLogEntry.objects.count()
    report = import_letter_months(data, user=secretary)
    assert (report.created, report.changed, report.unchanged) == (0, 0, 1)
    assert ModelLogEntry.objects.count() == logs
