"""The judged query set (``judged.py``): the right documents come first, on both databases."""

import pytest
from django.db import transaction

from .judged import QUERIES, build_corpus, rank_measures, ranked_keys


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The corpus, published once for the module and rolled back after it."""
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from portal.home.models import HomePage
    from portal.news.factories import NewsCategoryPageFactory, NewsIndexPageFactory

    with django_db_blocker.unblock(), transaction.atomic():
        news = NewsIndexPageFactory(parent=HomePage.objects.get(), title="Tin tức")
        category = NewsCategoryPageFactory(parent=news, title="Thường trực HĐND")
        image = Image.objects.create(title="Ảnh", file=get_test_image_file())
        yield build_corpus(category, image)
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("judged", QUERIES, ids=[judged.q for judged in QUERIES])
def test_judged_query_puts_the_expected_documents_first(corpus, judged):
    keys = ranked_keys(corpus, judged.q)
    assert set(keys[: len(judged.expect)]) == set(judged.expect), f"{judged.q!r} → {keys}"
    for key in judged.exclude:
        assert key not in keys, f"{judged.q!r} must not find {key}"


@pytest.mark.django_db
def test_rank_measures_over_the_judged_set(corpus):
    mrr, ndcg = rank_measures({judged.q: ranked_keys(corpus, judged.q) for judged in QUERIES})
    assert mrr == 1.0
    assert ndcg >= 0.95
