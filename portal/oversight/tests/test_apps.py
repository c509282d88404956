"""What the subject registers (portal.core.registry)."""

from portal.core import registry
from portal.oversight.models import (
    LetterMonth,
    LetterReport,
    LetterStatisticsIndexPage,
    ReceivingBody,
)


def test_what_the_letters_register():
    assert registry.account_for(LetterStatisticsIndexPage) == "page"
    assert registry.searchable_for(LetterStatisticsIndexPage).model is LetterStatisticsIndexPage
    assert {LetterMonth, ReceivingBody} <= set(registry.cache_models())
    assert registry.account_for(LetterReport) == "part of oversight.LetterMonth"
    sections = {section.page_type for section in registry.menu_sections()}
    assert LetterStatisticsIndexPage in sections


def test_the_base_does_not_name_the_subject():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for package in ("core", "search", "home"):
        for path in (root / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "portal.oversight" not in text and "LetterMonth" not in text, path
