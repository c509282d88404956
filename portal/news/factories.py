"""Factories for news pages, shared by tests and the demo data command.

``ArticlePageFactory(parent=category)`` creates a *published* article with a
revision, like an editor pressing "Xuất bản"; pass ``live=False`` for a draft
and ``published_at=<aware datetime>`` to date its publication in the past.
"""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from portal.core.factories import AuthorFactory, PortalPageFactory, PublishedPageFactory

from .models import ArticleAuthor, ArticlePage, GalleryPage, Genre, NewsCategoryPage, NewsIndexPage


class GenreFactory(DjangoModelFactory):
    class Meta:
        model = Genre
        django_get_or_create = ("name",)

    name = "Tin"
    sort_order = 1


class NewsIndexPageFactory(PortalPageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Tin tức"


class NewsCategoryPageFactory(PortalPageFactory):
    class Meta:
        model = NewsCategoryPage

    title = factory.Sequence(lambda n: f"Chuyên mục {n}")


class ArticlePageFactory(PublishedPageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Tin bài số {n}")
    lead = factory.LazyAttribute(lambda o: f"Tóm tắt của {o.title}.")
    genre = factory.SubFactory(GenreFactory)
    body = factory.LazyAttribute(lambda o: [("paragraph", f"<p>Nội dung của {o.title}.</p>")])
    event_date = factory.LazyFunction(timezone.localdate)
    # ``authors=[author, ...]``: the byline, in order, saved with the first revision
    # so the published page (and its search entry) carries it.
    authors = factory.LazyFunction(lambda: [AuthorFactory()])

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        kwargs["authors"] = [
            ArticleAuthor(author=author, sort_order=order)
            for order, author in enumerate(kwargs.get("authors") or [])
        ]
        return super()._create_instance(model_class, parent, kwargs)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        """``topics=["Kỳ họp", ...]`` tags the article (and republishes it)."""
        if create and extracted:
            self.tags.add(*extracted)
            revision = self.save_revision()
            if self.live:
                revision.publish()


class GalleryPageFactory(PublishedPageFactory):
    class Meta:
        model = GalleryPage

    title = factory.Sequence(lambda n: f"Thư viện ảnh {n}")
    intro = "Ảnh hoạt động."
