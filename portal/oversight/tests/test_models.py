import pytest
from django.core.exceptions import ValidationError

from portal.oversight.factories import LetterMonthFactory, letter_figures
from portal.oversight.models import LetterMonth, letter_month_problems

pytestmark = pytest.mark.django_db


def test_figures_that_add_up_have_no_problem():
    for received in (0, 1, 7, 14, 250, 1234):
        assert letter_month_problems(letter_figures(received)) == []


def test_the_content_total_is_named_with_both_numbers():
    figures = letter_figures(14)
    figures["complaints"] -= 2  # the parts now make 12
    problems = letter_month_problems(figures)
    assert [p.message for p in problems] == ["Tổng theo nội dung (12) khác số đơn nhận (14)"]
    assert problems[0].field == "received"
    assert problems[0].parts == ("complaints", "denunciations", "petitions", "mixed")


def test_each_rule_says_which_sum():
    figures = letter_figures(20)
    figures["not_eligible"] += 1
    figures["guided"] += 2
    figures["answered"] = 99
    messages = [p.message for p in letter_month_problems(figures)]
    assert messages[0] == "Tổng đủ và không đủ điều kiện xử lý (21) khác số đơn nhận (20)"
    assert messages[1].startswith("Tổng theo kết quả xử lý (")
    assert "khác số đơn đủ điều kiện xử lý" in messages[1]
    assert messages[2].startswith("Số đơn đã trả lời, giải quyết (99) lớn hơn")


def test_clean_puts_the_message_on_the_field(bodies):
    row = LetterMonthFactory.build(body=bodies["standing"], year=2019, month=3, received=14)
    row.complaints -= 2
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert error.value.message_dict["received"] == [
        "Tổng theo nội dung (12) khác số đơn nhận (14)."
    ]


def test_a_second_row_for_the_same_month_and_body_is_refused(bodies):
    LetterMonthFactory(body=bodies["standing"], year=2019, month=3)
    again = LetterMonthFactory.build(body=bodies["standing"], year=2019, month=3)
    with pytest.raises(ValidationError) as error:
        again.full_clean()
    assert "Đã có số liệu tháng 3/2019 của cơ quan này" in error.value.message_dict["month"][0]
    assert LetterMonth.objects.count() == 1


def test_str_names_body_and_month(bodies):
    row = LetterMonthFactory(body=bodies["office"], year=2020, month=11)
    assert str(row) == "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh – tháng 11/2020"
