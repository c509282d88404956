"""The admin searches Wagtail's own index (docs/search.md); on PostgreSQL it reads
Vietnamese as the public search does."""

import pytest
from django.conf import settings
from django.db import connection

from portal.news.factories import ArticlePageFactory
from portal.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_the_admin_index_finds_vietnamese_words(category):
    article = ArticlePageFactory(parent=category, title="Đại biểu chất vấn tại kỳ họp thứ 13")
    other = ArticlePageFactory(parent=category, title="Thu ngân sách năm 2019")
    assert list(ArticlePage.objects.search("đại biểu")) == [article]
    assert list(ArticlePage.objects.search("kỳ họp")) == [article]
    if connection.vendor == "postgresql":
        assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "portal_vi"
        assert list(ArticlePage.objects.search("dai bieu")) == [article]
        assert list(ArticlePage.objects.search("ky hop")) == [article]
        assert list(ArticlePage.objects.search("ngan sach")) == [other]


ADMIN_QUERIES = [
    ("cho moi", "Phiên chợ mới ở Chợ Mới"),
    ("tiep xuc cu tri", "Tiếp xúc cử tri huyện Ba Bể"),
    ("ba be", "Tiếp xúc cử tri huyện Ba Bể"),
    ("dai bieu", "Đại biểu chất vấn tại kỳ họp"),
    ("DAI BIEU", "Đại biểu chất vấn tại kỳ họp"),
    ("đại biểu", "Đại biểu chất vấn tại kỳ họp"),
    ("đai bieu", "Đại biểu chất vấn tại kỳ họp"),
    ("ky hop", "Đại biểu chất vấn tại kỳ họp"),
]


@pytest.mark.parametrize(("query", "title"), ADMIN_QUERIES)
def test_the_admin_finds_pages_images_and_documents_with_or_without_marks(category, query, title):
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Page

    titles = sorted({title for _query, title in ADMIN_QUERIES} | {"Thu ngân sách năm 2019"})
    for text in titles:
        ArticlePageFactory(parent=category, title=text)
        Image.objects.create(title=text, file=get_test_image_file())
        Document.objects.create(title=text)
    for model in (Page, Image, Document):
        found = [item.title for item in model.objects.search(query)]
        assert found == [title], (model.__name__, query, found)


def test_the_page_explorer_and_image_library_answer_unaccented_queries(admin_client, category):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    ArticlePageFactory(parent=category, title="Tiếp xúc cử tri huyện Ba Bể")
    Image.objects.create(title="Đại biểu tại Chợ Mới", file=get_test_image_file())
    pages = admin_client.get("/admin/pages/search/", {"q": "tiep xuc cu tri"})
    assert pages.status_code == 200
    assert "Tiếp xúc cử tri huyện Ba Bể" in pages.content.decode()
    images = admin_client.get("/admin/images/", {"q": "dai bieu cho moi"})
    assert images.status_code == 200
    assert "Đại biểu tại Chợ Mới" in images.content.decode()
