"""What the search index stores for each page type.

A page type takes part in search in one of two ways:

* its model defines ``search_document(self) -> SearchDocument`` (the way for new
  page types such as session documents or resolutions), optionally with a
  ``search_prefetch`` tuple of ``prefetch_related`` lookups used when many
  pages are indexed at once; or
* a builder is registered here with ``@register(Model, prefetch=...)`` (the
  news pages, whose models live in another app).

``category`` is the id of the page results are grouped and filtered under, or
``PARENT`` for "the page's parent" (resolved in bulk, without a query per page).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

PARENT = "parent"
MAX_TEXT_CHARS = 60_000


@dataclass
class SearchDocument:
    title: str
    text: str = ""
    category: int | str | None = PARENT
    date: datetime | None = None
    extra: list[str] = field(default_factory=list)


_BUILDERS: dict[type, tuple] = {}


def register(model, prefetch=()):
    def decorator(builder):
        _BUILDERS[model] = (builder, tuple(prefetch))
        return builder

    return decorator


def _ensure_builtin_builders():
    # Imported lazily: the news app imports nothing from search, and this
    # module is loaded while apps are still being set up.
    if _BUILDERS:
        return
    from portal.news.models import ArticlePage, GalleryPage

    @register(ArticlePage, prefetch=("tagged_items__tag", "authors__author"))
    def article_document(page):
        body = stream_text(page.body)
        return SearchDocument(
            title=page.title,
            text=join_text([page.lead, *body]),
            date=page.first_published_at or page.last_published_at,
            extra=[item.tag.name for item in page.tagged_items.all()]
            + [
                f"{byline.author.name} {byline.author.unit}".strip()
                for byline in page.authors.all()
            ],
        )

    @register(GalleryPage, prefetch=("photos",))
    def gallery_document(page):
        photos = [f"{photo.caption} {photo.photographer}".strip() for photo in page.photos.all()]
        return SearchDocument(
            title=page.title,
            text=join_text([page.intro, *photos]),
            date=page.first_published_at or page.last_published_at,
        )


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
    """``(build(page) -> SearchDocument, prefetch lookups)`` or ``None`` if not searchable."""
    if hasattr(model, "search_document"):
        return model.search_document, tuple(getattr(model, "search_prefetch", ()))
    _ensure_builtin_builders()
    for registered, entry in _BUILDERS.items():
        if issubclass(model, registered):
            return entry
    return None


def searchable_models():
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if builder_for(model) is not None]
