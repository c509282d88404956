"""Classification markings (Luật Bảo vệ bí mật nhà nước 2018; TT 24/2020/TT-BCA) in text.

A marking is how a secret document says what it is: the stamp "MẬT", "TỐI MẬT"
or "TUYỆT MẬT" on a line or in a frame of its own, or a label "Độ mật: …". Prose
about secrets ("không đăng tải các văn bản mật", "bí mật nhà nước", "mật khẩu",
"mật độ", "thân mật", "mật thiết", "mật ong", "tập huấn phân loại tài liệu mật,
tối mật, tuyệt mật") is not a marking, and must not be taken for one. So a word
counts only where a stamp puts it:

1. a line that is nothing but the marking (any case; diacritics exact or none;
   letters may be spaced out, "T U Y Ệ T  M Ậ T"; frames and punctuation around
   it ignored);
2. a segment of a line, set apart by a frame, brackets, a wide gap, a bar, a dash
   or a colon, that is the marking in capitals ("UBND TỈNH        MẬT",
   "[TỐI MẬT] Kế hoạch…", "Báo cáo (MẬT)", "TUYỆT MẬT - Đề án…");
3. the label "Độ mật:" followed by a level (or the letters A, B, C that
   TT 24/2020/TT-BCA uses for Tuyệt mật, Tối mật, Mật).

"GIẢI MẬT" / "ĐÃ GIẢI MẬT" in the same places says the document was
declassified: it is reported as such, not as a marking.

Text is compared in NFC; a word matches when its diacritics are the right ones
or none at all ("MẬT", "MAT"), never other ones ("MẶT", "MÁT").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SECRET = "Mật"
TOP_SECRET = "Tối mật"
MOST_SECRET = "Tuyệt mật"
DECLASSIFIED = "Giải mật"
LEVELS = (MOST_SECRET, TOP_SECRET, SECRET)  # strongest first
LETTER_LEVELS = {"A": MOST_SECRET, "B": TOP_SECRET, "C": SECRET}

# Each syllable: the exact NFC spelling or its plain form, nothing in between.
_SYLLABLES = {
    "mật": ("mật", "mat"),
    "tối": ("tối", "toi"),
    "tuyệt": ("tuyệt", "tuyet"),
    "giải": ("giải", "giai"),
    "đã": ("đã", "da"),
    "độ": ("độ", "do"),
}


def _syllable(word: str) -> str:
    """A regex for one syllable: exact or plain, any case."""
    exact, plain = _SYLLABLES[word]
    return f"(?:{re.escape(exact)}|{plain})"


def _spaced(word: str) -> str:
    """The syllable with optional spaces between its letters ("M Ậ T")."""
    exact, plain = _SYLLABLES[word]
    return "(?:" + "|".join(r"\s*".join(map(re.escape, form)) for form in (exact, plain)) + ")"


_GAP = r"\s*"
_PHRASES = {
    MOST_SECRET: _spaced("tuyệt") + _GAP + _spaced("mật"),
    TOP_SECRET: _spaced("tối") + _GAP + _spaced("mật"),
    DECLASSIFIED: f"(?:{_spaced('đã')}{_GAP})?{_spaced('giải')}{_GAP}{_spaced('mật')}",
    SECRET: _spaced("mật"),
}
_FRAME = r"[\s\[\]\(\)\{\}<>*_=|:;.,\-–—\"'“”‘’«»#~+/\\]*"
_WHOLE_LINE = {
    level: re.compile(rf"^{_FRAME}{pattern}{_FRAME}$", re.IGNORECASE)
    for level, pattern in _PHRASES.items()
}
# Segments of a line: split at frames, wide gaps, bars, dashes between spaces, colons.
_SEGMENT_SPLIT = re.compile(r"\s{2,}|\t|[|\[\]\(\)\{\}]|\s[-–—]\s|:")
_CAPITAL_SEGMENT = {
    level: re.compile(rf"^\s*{pattern}\s*[.,;!]?\s*$", re.IGNORECASE)
    for level, pattern in _PHRASES.items()
}
_BULLET = re.compile(r"^\s*(?:[-–—•+*·]|\d{1,3}[.)]|[a-zđ][.)])\s", re.IGNORECASE)
# "Độ mật: Tối mật" as a label: at the start of the line (or of a segment set
# apart by a wide gap), the level being all that follows. "… xác định độ mật:
# tuyệt mật, tối mật hoặc mật …" in prose is not a label.
_LABEL = re.compile(
    rf"^{_FRAME}{_syllable('độ')}\s+{_syllable('mật')}\s*:\s*"
    rf"(?P<value>{_PHRASES[MOST_SECRET]}|{_PHRASES[TOP_SECRET]}|{_PHRASES[SECRET]}|[ABC])"
    rf"\s*[.;]?\s*$",
    re.IGNORECASE,
)
_WIDE_GAP = re.compile(r"\s{2,}|\t|\|")


@dataclass(frozen=True)
class Marking:
    level: str  # one of LEVELS, or DECLASSIFIED
    where: str  # "dòng 3", "tiêu đề", "trang 2, chân trang"…
    line: str  # the marked line, cut to 120 characters (never the rest of the content)

    @property
    def is_declassified(self) -> bool:
        return self.level == DECLASSIFIED


def _level_of(text: str, patterns) -> str | None:
    for level in (DECLASSIFIED, MOST_SECRET, TOP_SECRET, SECRET):
        if patterns[level].match(text):
            return level
    return None


def _is_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def _line_level(line: str) -> tuple[str | None, bool]:
    """(level, stamped): ``stamped`` is false for a line that only looks like a
    stamp in lower case, which a list of the levels in prose also does."""
    line = unicodedata.normalize("NFC", line).strip()
    if not line or len(line) > 400:
        return None, False
    level = _level_of(line, _WHOLE_LINE)
    if level:
        capitals = _is_capitals(line)
        if not capitals and _BULLET.match(line):
            return None, False  # "- Tối mật" in a list of the levels
        return level, capitals
    for part in _WIDE_GAP.split(line):
        label = _LABEL.match(part.strip())
        if label:
            value = label.group("value")
            if value.upper() in LETTER_LEVELS:
                return LETTER_LEVELS[value.upper()], True
            return _level_of(value, _WHOLE_LINE), True
    segments = _SEGMENT_SPLIT.split(line)
    if len(segments) > 1:
        for segment in segments:
            if _is_capitals(segment):
                level = _level_of(segment, _CAPITAL_SEGMENT)
                if level:
                    return level, True
    return None, False


def line_marking(line: str) -> str | None:
    """The level a single line carries, or None."""
    return _line_level(line)[0]


def find_markings(text: str, where: str = "") -> list[Marking]:
    """Every marked line of ``text``; ``where`` names the part of the file it came from.

    Lines that are a level in lower case alone count unless the text lists
    several levels that way (prose naming the levels, not a stamp).
    """
    candidates = []
    text = unicodedata.normalize("NFC", text or "")
    for number, line in enumerate(text.splitlines(), start=1):
        level, stamped = _line_level(line)
        if level:
            place = f"{where}, dòng {number}" if where else f"dòng {number}"
            candidates.append((Marking(level, place, line.strip()[:120]), stamped))
    plain_levels = {marking.level for marking, stamped in candidates if not stamped}
    listing = len(plain_levels - {DECLASSIFIED}) >= 2
    return [marking for marking, stamped in candidates if stamped or not listing]


_NAME_TOKENS = re.compile(r"[\s\-_.,;+()\[\]{}]+")
_TWO_WORDS = {
    ("tuyệt", "mật"): MOST_SECRET,
    ("tuyet", "mat"): MOST_SECRET,
    ("tối", "mật"): TOP_SECRET,
    ("toi", "mat"): TOP_SECRET,
    ("giải", "mật"): DECLASSIFIED,
    ("giai", "mat"): DECLASSIFIED,
}


def name_markings(name: str, where: str) -> list[Marking]:
    """Markings in a title or a file name.

    A title is read as a line (a stamp in a frame or before a colon, "Độ mật: …").
    In a file name, whose separators stand for spaces, "TUYET_MAT", "toi-mat" and
    "GIAI MAT" count anywhere; a lone "MẬT" counts in capitals, and written
    without its diacritics ("MAT") only as the last word, since "MAT_TRAN" is
    "Mặt trận".
    """
    text = unicodedata.normalize("NFC", name or "")
    level = line_marking(text)
    if level is None:
        stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", text)
        tokens = [token for token in _NAME_TOKENS.split(stem) if token]
        lowered = [token.lower() for token in tokens]
        for index, token in enumerate(lowered):
            pair = tuple(lowered[index : index + 2])
            if pair in _TWO_WORDS:
                level = _TWO_WORDS[pair]
                break
            if token == "mật" and _is_capitals(tokens[index]):
                level = SECRET
            elif token == "mat" and tokens[index].isupper() and index == len(tokens) - 1:
                level = SECRET
    return [Marking(level, where, text[:120])] if level else []


def strongest(markings: list[Marking]) -> str | None:
    """The highest level among ``markings`` (declassification aside)."""
    levels = {marking.level for marking in markings}
    for level in LEVELS:
        if level in levels:
            return level
    return None
