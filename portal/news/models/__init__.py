from .article import ArticleAuthor, ArticlePage, RelatedItem
from .gallery import GalleryPage, GalleryPhoto
from .genre import Genre
from .index import NewsCategoryPage, NewsIndexPage
from .topics import ArticleTopic, Topic

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "ArticleTopic",
    "GalleryPage",
    "GalleryPhoto",
    "Genre",
    "NewsCategoryPage",
    "NewsIndexPage",
    "RelatedItem",
    "Topic",
]
