"""The search document: what the index stores of one searchable row.

Subjects declare their searchable models in ``portal.core.registry`` (a
``Searchable`` with the function building a ``SearchDocument`` from a row); this
module gives that function its vocabulary and helpers (``stream_text``,
``join_text``) and looks registrations up.

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
    text: str = ""
    date: datetime | None = None
    extra: list[str] = field(default_factory=list)
    facets: dict = field(default_factory=dict)


# Keys of raw StreamField values that hold ids, URLs or settings, not text.
_NOT_TEXT = {"id", "type", "image", "document", "page", "video", "url", "table_header_choice"}


def stream_text(stream) -> list[str]:
    """Plain text of a StreamField, read from its raw JSON.

    Faster than ``get_searchable_content``, which turns every chooser into a
    model instance (a query per image or document) just to ignore it.
    """
    from wagtail.rich_text import get_text_for_indexing

    texts: list[str] = []

    def walk(value, key=None):
        if isinstance(value, str):
            if key not in _NOT_TEXT and value.strip():
                texts.append(get_text_for_indexing(value) if "<" in value else value.strip())
        elif isinstance(value, dict):
            for child_key, child in value.items():
                walk(child, child_key)
        elif isinstance(value, list | tuple):
            for child in value:
                walk(child, key)

    for block in getattr(stream, "raw_data", None) or []:
        walk(block.get("value"), block.get("type"))
    return [text for text in texts if text]


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
