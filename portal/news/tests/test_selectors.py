from datetime import timedelta

import pytest
from django.utils import timezone

from portal.news.factories import ArticlePageFactory
from portal.news.selectors import latest_per_category


@pytest.mark.django_db
def test_latest_per_category_gives_each_category_its_newest_visible_articles(
    category, other_category
):
    for number in range(4):
        ArticlePageFactory(parent=category, title=f"Thường trực {number}")
        ArticlePageFactory(parent=other_category, title=f"Các Ban {number}")
    ArticlePageFactory(parent=category, title="Bản nháp", live=False)
    expired = ArticlePageFactory(parent=category, title="Hết hạn")
    expired.expire_at = timezone.now() - timedelta(minutes=1)
    expired.save(update_fields=["expire_at"])

    latest = latest_per_category([category, other_category], per_category=3)

    assert [page.title for page in latest[category.pk]] == [
        "Thường trực 3",
        "Thường trực 2",
        "Thường trực 1",
    ]
    assert [page.title for page in latest[other_category.pk]] == [
        "Các Ban 3",
        "Các Ban 2",
        "Các Ban 1",
    ]


@pytest.mark.django_db
def test_latest_per_category_with_one_or_no_category(category, other_category):
    ArticlePageFactory(parent=category, title="Tin duy nhất")
    assert [page.title for page in latest_per_category([category])[category.pk]] == ["Tin duy nhất"]
    assert latest_per_category([other_category]) == {other_category.pk: []}
    assert latest_per_category([]) == {}
