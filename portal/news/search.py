"""What the public search keeps of the news: articles and photo galleries.

Captions, alt texts and photographers' names are words a row is found by
(``extra``: they count least and are never cut into a snippet); the byline's
names rank with the lead, their units with the extra words.
"""

from portal.core.registry import Searchable
from portal.search.documents import SearchDocument, join_text, stream_parts

from .models import ArticlePage, GalleryPage


def article_document(page) -> SearchDocument:
    texts, credits = stream_parts(page.body)
    authors = [byline.author for byline in page.authors.all()]
    return SearchDocument(
        title=page.title,
        lead=page.lead,
        text=join_text(texts),
        byline=[author.name for author in authors],
        date=page.first_published_at or page.last_published_at,
        extra=[item.tag.name for item in page.tagged_items.all()]
        + [author.unit for author in authors if author.unit]
        + [page.featured_image_caption, *credits],
    )


ARTICLE_PREFETCH = ("tagged_items__tag", "authors__author")


def gallery_document(page) -> SearchDocument:
    photos = [text for photo in page.photos.all() for text in (photo.caption, photo.photographer)]
    return SearchDocument(
        title=page.title,
        lead=page.intro,
        date=page.first_published_at or page.last_published_at,
        extra=photos,
    )


GALLERY_PREFETCH = ("photos",)


SEARCHABLE = (
    Searchable(ArticlePage, article_document, ARTICLE_PREFETCH),
    Searchable(GalleryPage, gallery_document, GALLERY_PREFETCH),
)
