"""Vietnamese text handling shared by slugs and search.

Vietnamese needs more than Unicode decomposition: ``đ``/``Đ`` is a letter of its
own (not ``d`` plus a mark), so a plain NFD strip keeps it and SQLite's
``remove_diacritics`` keeps it too. ``fold`` is the one place the portal turns
text into its comparable form: NFC, case-folded, diacritics removed, đ → d.
"""

import re
import unicodedata
from typing import NamedTuple

_D_TABLE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize(text: str) -> str:
    """NFC-normalise, drop control characters and collapse whitespace."""
    text = unicodedata.normalize("NFC", str(text or ""))
    return _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()


def _fold_slow(text: str) -> str:
    text = text.translate(_D_TABLE).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).translate(_D_TABLE)


# Folding is per character once the text is NFC, so whole articles are folded
# with one ``str.translate`` over a table that learns each new character once.
_FOLD_TABLE: dict[int, str] = {
    code: _fold_slow(chr(code)) for code in [*range(0x41, 0x5B), *range(0xC0, 0x250)]
}


def fold(text: str) -> str:
    """Comparable form: lower case, no diacritics, đ folded to d."""
    text = normalize(text)
    if not text.isascii():
        for char in set(text):
            if ord(char) not in _FOLD_TABLE and not char.isascii():
                _FOLD_TABLE[ord(char)] = _fold_slow(char)
    return text.translate(_FOLD_TABLE)


def words(text: str) -> list[str]:
    """Folded word tokens (letters and digits only)."""
    return [w for w in _NON_WORD.split(fold(text)) if w]


def slugify_vi(text: str, max_length: int = 255) -> str:
    """ASCII slug: "Đại biểu HĐND" → "dai-bieu-hdnd"."""
    slug = "-".join(words(text))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def fold_with_map(text: str) -> tuple[str, str, list[int]]:
    """Fold ``text`` character by character, keeping where each folded character came from.

    Returns ``(original, folded, origin)``: ``original`` is the NFC form of the
    text, ``folded`` its folded form (same rules as ``fold`` but without
    collapsing whitespace, control characters become spaces) and ``origin[i]``
    the index in ``original`` of the character that produced ``folded[i]``.
    Search uses it to find "ky hop" in folded text and highlight "Kỳ họp" in
    the original.
    """
    original = unicodedata.normalize("NFC", str(text or ""))
    folded_chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(original):
        if _CONTROL.match(char):
            piece = " "
        else:
            piece = char.translate(_D_TABLE).casefold()
            piece = "".join(
                c for c in unicodedata.normalize("NFD", piece) if not unicodedata.combining(c)
            ).translate(_D_TABLE)
        for folded_char in piece:
            folded_chars.append(folded_char)
            origin.append(index)
    return original, "".join(folded_chars), origin


# --- Search tokens: a folded key to match every form, an exact form for the marks ---
#
# Search reads a word two ways. Its *key* is the folded word (``fold``) with the
# i/y spelling variants of an open syllable made one ("kỳ"/"kì", "lý"/"lí",
# "quý"/"quí" all have the key "ki", "li", "qui"): typed without marks, or with a
# variant or a wrong mark, a query still finds the word by its key. Its *exact*
# form keeps what the key lost, in a fixed width: ``key~`` then the tone (0 none,
# 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng) then one code per letter of the key
# ("-" plain, "^" circumflex, "(" breve, "+" horn, "/" đ, "*" another mark, "y" a
# written y the key reads as i): "họp" → "hop~5---", "hợp" → "hop~5-+-", "kỳ" →
# "ki~2-y", "thuỷ" and "thủy" → "thuy~3----" (where the tone sits does not
# matter). A query typed with marks ranks exact matches first.

_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_MODIFIERS = {"\u0302": "^", "\u0306": "(", "\u031b": "+"}
_KEY_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")
_IY = re.compile(r"(?:[bcdghklmnprstvx]+|qu)y")
_RUN = re.compile(r"[^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*")
# Per character: its folded letters, their codes, its tone ("" if none).
_CHAR_INFO: dict[str, tuple[str, str, str]] = {}


class Token(NamedTuple):
    """A word of a text: where it is in the (NFC) original, its key and exact form."""

    start: int
    end: int
    key: str
    exact: str
    marked: bool  # written with marks ("has diacritics")


def _char_info(char: str) -> tuple[str, str, str]:
    info = _CHAR_INFO.get(char)
    if info is None:
        if unicodedata.combining(char):
            info = ("", "", _TONES.get(char, ""))
        else:
            piece = _fold_slow(char)
            marks = [
                c for c in unicodedata.normalize("NFD", char.casefold()) if unicodedata.combining(c)
            ]
            tone = next((_TONES[c] for c in marks if c in _TONES), "")
            if char in "đĐðÐ":
                code = "/"
            else:
                codes = [_MODIFIERS.get(c, "*") for c in marks if c not in _TONES]
                code = codes[0] if codes else "-"
            info = (piece, (code + "-" * len(piece))[: len(piece)], tone)
        _CHAR_INFO[char] = info
    return info


def _token(start: int, end: int, key: str, codes: str, tone: str) -> Token:
    marked = bool(tone) or codes.count("-") != len(codes)
    if key[-1] == "y" and _IY.fullmatch(key):
        key, codes = key[:-1] + "i", codes[:-1] + "y"
    return Token(start, end, key, f"{key}~{tone or '0'}{codes}", marked)


# Characters that fold to one letter or digit of a key, and translate tables giving
# each one's key letter, code and tone ("0" when none); other characters of words
# (letters folding to several letters or to none, other scripts, loose marks).
_SIMPLE: set[str] = set()
_OTHER_WORD: set[str] = set()
_OTHER: set[str] = set()
_KEY_TABLE: dict[int, str] = {}
_CODE_TABLE: dict[int, str] = {}
_TONE_TABLE: dict[int, str] = {}
_KEY_RUN = re.compile(r"[0-9a-z]+")
# The same codes and tones written as letters, so that one regular expression cuts
# the three translations of a text into the same words (``search_terms``).
_CODE_LETTERS = str.maketrans("-^(+/*y", "abcdefy")
_CODE_BACK = str.maketrans("abcdefy", "-^(+/*y")
_CODE_WORD_TABLE: dict[int, str] = {}
_TONE_WORD_TABLE: dict[int, str] = {}


def _learn(chars) -> None:
    for char in chars:
        piece, code, tone = _char_info(char)
        if len(piece) == 1 and piece in _KEY_CHARS:
            _KEY_TABLE[ord(char)], _CODE_TABLE[ord(char)] = piece, code
            _TONE_TABLE[ord(char)] = tone or "0"
            _CODE_WORD_TABLE[ord(char)] = code.translate(_CODE_LETTERS)
            _TONE_WORD_TABLE[ord(char)] = tone or "z"
            _SIMPLE.add(char)
        elif _RUN.match(char) or unicodedata.combining(char):
            _OTHER_WORD.add(char)
        else:
            _OTHER.add(char)


def search_tokens(text: str) -> tuple[str, list[Token]]:
    """``(original, tokens)``: the NFC text and its words, as ``words`` splits them
    (letters and digits of the folded text), each with its key and exact form.

    Text made of simple characters (all Vietnamese is) is read with three
    ``str.translate`` calls over the whole text; other text word by word.
    """
    original = unicodedata.normalize("NFC", str(text or ""))
    chars = set(original)
    unknown = chars - _SIMPLE - _OTHER - _OTHER_WORD
    if unknown:
        _learn(unknown)
    found: list[Token] = []
    if chars.isdisjoint(_OTHER_WORD):
        keys = original.translate(_KEY_TABLE)
        codes = original.translate(_CODE_TABLE)
        tones = original.translate(_TONE_TABLE)
        for run in _KEY_RUN.finditer(keys):
            start, end = run.span()
            tone = tones[start:end].replace("0", "")[:1]
            found.append(_token(start, end, run.group(), codes[start:end], tone))
        return original, found
    for run in _RUN.finditer(original):
        word = run.group()
        if _SIMPLE.issuperset(word):
            tone = word.translate(_TONE_TABLE).replace("0", "")[:1]
            found.append(
                _token(
                    run.start(),
                    run.end(),
                    word.translate(_KEY_TABLE),
                    word.translate(_CODE_TABLE),
                    tone,
                )
            )
            continue
        infos = [_char_info(char) for char in word]
        # Rare: letters that fold to several or to none, other scripts, loose marks.
        start = None
        key, codes, tone = [], [], ""
        for offset, (piece, code, char_tone) in enumerate(infos):
            index = run.start() + offset
            if not piece and char_tone and start is not None:
                tone = tone or char_tone
                continue
            if piece and all(c in _KEY_CHARS for c in piece):
                if start is None:
                    start = index
                key.append(piece)
                codes.append(code)
                tone = tone or char_tone
                end = index + 1
                continue
            if start is not None:
                found.append(_token(start, end, "".join(key), "".join(codes), tone))
            start, key, codes, tone = None, [], [], ""
        if start is not None:
            found.append(_token(start, end, "".join(key), "".join(codes), tone))
    return original, found


def search_keys(text: str) -> list[str]:
    """The keys of the words of ``text`` ("Kỳ họp" → ["ki", "hop"])."""
    return [token.key for token in search_tokens(text)[1]]


def search_terms(text: str) -> list[tuple[str, str, bool]]:
    """``(key, exact, marked)`` of each word of ``text``: ``search_tokens`` without
    the positions, for the index (the same rules, read faster)."""
    original = unicodedata.normalize("NFC", str(text or ""))
    chars = set(original)
    unknown = chars - _SIMPLE - _OTHER - _OTHER_WORD
    if unknown:
        _learn(unknown)
    if not chars.isdisjoint(_OTHER_WORD):
        return [(t.key, t.exact, t.marked) for t in search_tokens(original)[1]]
    keys = _KEY_RUN.findall(original.translate(_KEY_TABLE))
    # The codes and tones of the same characters, word for word.
    codes = _KEY_RUN.findall(original.translate(_CODE_WORD_TABLE))
    tones = _KEY_RUN.findall(original.translate(_TONE_WORD_TABLE))
    terms = []
    for key, code, tone in zip(keys, codes, tones, strict=True):
        code = code.translate(_CODE_BACK)
        tone = tone.replace("z", "")[:1]
        marked = bool(tone) or code.count("-") != len(code)
        if key[-1] == "y" and _IY.fullmatch(key):
            key, code = key[:-1] + "i", code[:-1] + "y"
        terms.append((key, f"{key}~{tone or '0'}{code}", marked))
    return terms
