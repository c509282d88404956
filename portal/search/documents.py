"""The search document: what the index stores of one searchable row.

Subjects declare their searchable models in ``portal.core.registry`` (a
``Searchable`` with the function building a ``SearchDocument`` from a row); this
module gives that function its vocabulary and helpers (``stream_text``,
``join_text``) and looks registrations up.

A document has parts that rank differently (``docs/search.md``): the ``title``
first, then the ``lead`` and the ``byline`` (the people credited), then the
``text`` (the body), then ``extra``: words a row is found by but that are never
shown and count least (topics, photo captions, photographers, units). Snippets are
cut from the lead and the text only, never from ``extra``.

``facets`` are the filters a row can be found by, beyond the ones the index
derives itself (a page's ``category``, the nearest ancestor of a type registered
as a search group; the year of ``date``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from portal.core import registry

MAX_TEXT_CHARS = 60_000


@dataclass
class SearchDocument:
    title: str
    text: str = ""  # the body: ranked below the lead, shown in snippets
    date: datetime | None = None
    extra: list[str] = field(default_factory=list)  # found by, never shown, counts least
    facets: dict = field(default_factory=dict)
    lead: str = ""  # the summary: ranked below the title, shown in snippets before the text
    byline: list[str] = field(default_factory=list)  # people credited, ranked with the lead


# Keys of raw StreamField values that hold ids, URLs or settings, not text.
_NOT_TEXT = {"id", "type", "image", "document", "page", "video", "url", "table_header_choice"}
# Keys of raw StreamField values that describe or credit a photo or a video:
# searchable, never a snippet.
CREDIT_KEYS = frozenset({"alt", "caption", "photographer"})


def _stream_strings(stream):
    """``(key, plain text)`` of every text value of a StreamField, in order, read from
    its raw JSON: faster than ``get_searchable_content``, which turns every chooser
    into a model instance (a query per image or document) just to ignore it."""
    from wagtail.rich_text import get_text_for_indexing

    def walk(value, key=None):
        if isinstance(value, str):
            if key not in _NOT_TEXT and value.strip():
                text = get_text_for_indexing(value) if "<" in value else value.strip()
                if text:
                    yield key, text
        elif isinstance(value, dict):
            for child_key, child in value.items():
                yield from walk(child, child_key)
        elif isinstance(value, list | tuple):
            for child in value:
                yield from walk(child, key)

    for block in getattr(stream, "raw_data", None) or []:
        yield from walk(block.get("value"), block.get("type"))


def stream_text(stream) -> list[str]:
    """Plain text of a StreamField, captions and credits included, in order."""
    return [text for _key, text in _stream_strings(stream)]


def stream_parts(stream) -> tuple[list[str], list[str]]:
    """``(texts, credits)`` of a StreamField: the text of its blocks, and the
    captions, alt texts and photographers' names of its media."""
    texts: list[str] = []
    credits: list[str] = []
    for key, text in _stream_strings(stream):
        (credits if key in CREDIT_KEYS else texts).append(text)
    return texts, credits


def join_text(parts) -> str:
    """Plain text of the parts, one per line."""
    lines = []
    for part in parts:
        text = str(part or "").strip()
        if text:
            lines.append(text)
    return "\n".join(lines)[:MAX_TEXT_CHARS]


def builder_for(model):
    """``(build(row) -> SearchDocument, prefetch lookups)`` or ``None`` if not searchable."""
    searchable = registry.searchable_for(model)
    if searchable is None:
        return None
    return searchable.document, searchable.prefetch


def searchable_models():
    return registry.searchable_models()
