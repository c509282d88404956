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
