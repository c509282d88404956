"""Vietnamese text handling shared by slugs and search.

Vietnamese needs more than Unicode decomposition: ``đ``/``Đ`` is a letter of its
own (not ``d`` plus a mark), so a plain NFD strip keeps it and SQLite's
``remove_diacritics`` keeps it too. ``fold`` is the one place the portal turns
text into its comparable form: NFC, case-folded, diacritics removed, đ → d.
"""

import re
import unicodedata

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
