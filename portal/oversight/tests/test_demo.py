import pytest

from portal.oversight.demo import YEARS, demo_bodies, demo_letter_figures, load_letters_demo
from portal.oversight.models import LetterMonth, LetterStatisticsIndexPage, letter_month_problems

pytestmark = pytest.mark.django_db


def test_the_demo_figures_add_up_and_are_plausible():
    figures = demo_letter_figures(2019)
    assert len(figures) == len(YEARS) * 12 * len(demo_bodies())
    assert all(letter_month_problems(values) == [] for values in figures.values())
    standing = [v["received"] for (key, _y, _m), v in figures.items() if key == "thuong-truc"]
    assert 10 <= sum(standing) / len(standing) <= 60
    assert demo_letter_figures(2019) == figures  # a pure function of the seed
    assert demo_letter_figures(7) != figures


def test_a_second_run_changes_nothing(home):
    assert load_letters_demo(home, 2019) == len(YEARS) * 12 * len(demo_bodies())
    snapshot = sorted(LetterMonth.objects.values_list("body__name", "year", "month", "received"))
    assert load_letters_demo(home, 2019) == 0
    assert (
        sorted(LetterMonth.objects.values_list("body__name", "year", "month", "received"))
        == snapshot
    )
    assert LetterStatisticsIndexPage.objects.child_of(home).count() == 1
    page = LetterStatisticsIndexPage.objects.get()
    assert page.live and page.slug == "thong-ke-don-thu"


def test_the_demo_outcomes_agree_with_the_figures():
    for figures in demo_letter_figures(2019).values():
        if figures["outcome"]:
            assert f"Đã nhận {figures['answered']} văn bản trả lời" in figures["outcome"]
