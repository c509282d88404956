"""The classification gate's detector: one function for every route that asks.

``scan_file(data, name)`` reads a file in memory (``extract``), OCRs its pictures
(``ocr``) and looks for markings (``markings``) in its name, its text, its
headers and footers and its stamps. The upload gate, the publish invariant and
``manage.py classification_scan`` all call it, so they can never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from portal.core.text import fold

from . import extract, markings
from .markings import DECLASSIFIED, LEVELS, Marking, find_markings, name_markings, strongest

__all__ = [
    "DECLASSIFIED",
    "LEVELS",
    "Marking",
    "ScanResult",
    "find_markings",
    "name_markings",
    "scan_file",
    "scan_text",
]

_STAMP_WORDS = {
    "tuyetmat": markings.MOST_SECRET,
    "toimat": markings.TOP_SECRET,
    "dagiaimat": DECLASSIFIED,
    "giaimat": DECLASSIFIED,
    "mat": markings.SECRET,
}


@dataclass
class ScanResult:
    markings: list[Marking] = field(default_factory=list)
    unreadable: str = ""  # why the content could not be inspected (Vietnamese), if so

    @property
    def level(self) -> str | None:
        """The strongest classification found (declassification aside)."""
        return strongest(self.markings)

    @property
    def declassified(self) -> bool:
        return any(marking.is_declassified for marking in self.markings)

    @property
    def is_marked(self) -> bool:
        return self.level is not None

    @property
    def is_clean(self) -> bool:
        return not self.markings and not self.unreadable


def stamp_markings(text: str, where: str) -> list[Marking]:
    """Markings in the OCR of a red stamp: the stamp is all there is, so a line reads
    as a level when its letters, folded and joined, spell one ("TUYET MAT", "MẬT");
    a seal reading "MẶT TRẬN…" does not."""
    found = find_markings(text, where)
    if found:
        return found
    for line in text.splitlines():
        compact = re.sub(r"[^a-z]", "", fold(line))
        for word, level in _STAMP_WORDS.items():
            # A frame's edge read as a letter ("IMậT") is allowed for, not more.
            limit = len(word) + (2 if len(word) <= 3 else 10)
            if word in compact and len(compact) <= limit:
                return [Marking(level, where, line.strip()[:120])]
        if compact.endswith("mat") and len(compact) <= 10:  # "…MẬT" with a misread first word
            return [Marking(markings.SECRET, where, line.strip()[:120])]
    return []


def scan_text(text: str, where: str = "") -> list[Marking]:
    return find_markings(text, where)


def scan_file(data: bytes, name: str = "", title: str = "") -> ScanResult:
    """Everything the gate needs to know about one file, read in memory."""
    result = ScanResult()
    if title:
        result.markings += name_markings(title, "tiêu đề")
    if name:
        result.markings += name_markings(name.rsplit("/", 1)[-1], "tên tệp")
    try:
        for where, text in extract.parts(data, name):
            if where.startswith(extract.NAME_PREFIX):
                result.markings += name_markings(text.rsplit("/", 1)[-1], where)
            elif "dấu mực đỏ" in where:
                result.markings += stamp_markings(text, where)
            else:
                result.markings += find_markings(text, where)
    except extract.UnreadableFile as error:
        result.unreadable = str(error)
    return result
