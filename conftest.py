"""Fixtures shared by every test: the page tree a real portal has."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    from portal.home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def news_index(home):
    from portal.news.factories import NewsIndexPageFactory

    return NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def category(news_index):
    from portal.news.factories import NewsCategoryPageFactory

    return NewsCategoryPageFactory(parent=news_index, title="Thường trực HĐND")


@pytest.fixture
def other_category(news_index):
    from portal.news.factories import NewsCategoryPageFactory

    return NewsCategoryPageFactory(parent=news_index, title="Các Ban HĐND")
