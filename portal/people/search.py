"""What the public search keeps of the people subject: delegates (by name, post and
biography) and bodies (by name and duties)."""

from wagtail.rich_text import get_text_for_indexing

from portal.core.registry import Searchable
from portal.search.documents import SearchDocument

from .models import BodyPage, DelegatePage


def delegate_document(page) -> SearchDocument:
    posts = [m.title for m in page.memberships.all() if m.body_id]
    return SearchDocument(
        title=page.title,
        lead=page.position,
        text="\n".join([*posts, get_text_for_indexing(page.biography or "")]),
        date=page.last_published_at,
        extra=[str(page.constituency)] if page.constituency_id else [],
    )


def body_document(page) -> SearchDocument:
    return SearchDocument(
        title=page.title,
        lead=page.get_kind_display(),
        text=get_text_for_indexing(page.duties or ""),
        date=page.last_published_at,
    )


SEARCHABLE = (
    Searchable(DelegatePage, delegate_document, ("memberships__body", "constituency")),
    Searchable(BodyPage, body_document),
)
