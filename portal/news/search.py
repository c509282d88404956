"""What the public search keeps of the news: articles and photo galleries."""

from portal.core.registry import Searchable
from portal.search.documents import SearchDocument, join_text, stream_text

from .models import ArticlePage, GalleryPage


def article_document(page) -> SearchDocument:
    body = stream_text(page.body)
    return SearchDocument(
        title=page.title,
        text=join_text([page.lead, *body]),
        date=page.first_published_at or page.last_published_at,
        extra=[item.tag.name for item in page.tagged_items.all()]
        + [f"{byline.author.name} {byline.author.unit}".strip() for byline in page.authors.all()],
    )


ARTICLE_PREFETCH = ("tagged_items__tag", "authors__author")


def gallery_document(page) -> SearchDocument:
    photos = [f"{photo.caption} {photo.photographer}".strip() for photo in page.photos.all()]
    return SearchDocument(
        title=page.title,
        text=join_text([page.intro, *photos]),
        date=page.first_published_at or page.last_published_at,
    )


GALLERY_PREFETCH = ("photos",)


SEARCHABLE = (
    Searchable(ArticlePage, article_document, ARTICLE_PREFETCH),
    Searchable(GalleryPage, gallery_document, GALLERY_PREFETCH),
)
