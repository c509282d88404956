"""Browsing by date: ``?nam=`` and ``?thang=`` on the news index and on categories."""

from datetime import datetime

import pytest
from django.utils import timezone

from portal.news.archive import ArchiveFilter, ArchiveFilterError, archive_filter
from portal.news.factories import ArticlePageFactory
from portal.news.selectors import archive_years

pytestmark = pytest.mark.django_db


def published(parent, title, year, month, day=15, hour=10, **kwargs):
    article = ArticlePageFactory(parent=parent, title=title, **kwargs)
    moment = timezone.make_aware(datetime(year, month, day, hour))
    type(article).objects.filter(pk=article.pk).update(
        first_published_at=moment, last_published_at=moment
    )
    return article


@pytest.fixture
def dated(category, other_category):
    return {
        "may": published(category, "Kỳ họp thứ 8 khai mạc", 2019, 5),
        "may_late": published(category, "Bế mạc kỳ họp thứ 8", 2019, 5, 31, 23),
        "july": published(category, "Giám sát chuyên đề giáo dục", 2019, 7),
        "2020": published(category, "Kỳ họp thứ 14", 2020, 12),
        "other": published(other_category, "Ban Pháp chế khảo sát", 2019, 5, 2),
        "hidden": published(category, "Tin nháp tháng 5", 2019, 5, live=False),
    }


def test_a_year_lists_only_its_articles(client, category, dated):
    html = client.get(category.url + "?nam=2019").content.decode()
    for name in ("may", "may_late", "july"):
        assert dated[name].title in html
    assert dated["2020"].title not in html
    assert dated["other"].title not in html  # another category
    assert dated["hidden"].title not in html
    assert "tin bài năm 2019" in html


def test_a_month_lists_only_its_articles_in_local_time(client, category, dated):
    html = client.get(category.url + "?nam=2019&thang=5").content.decode()
    assert dated["may"].title in html
    # 23:00 on 31/05 in Hà Nội is still May, though it is 16:00 UTC.
    assert dated["may_late"].title in html
    assert dated["july"].title not in html
    assert "tháng 05/2019" in html


def test_the_news_index_lists_a_period_across_categories(client, news_index, dated):
    html = client.get(news_index.url + "?nam=2019&thang=5").content.decode()
    for name in ("may", "may_late", "other"):
        assert dated[name].title in html
    assert dated["july"].title not in html
    assert "3 tin bài" in html


def test_the_archive_names_each_year_and_month_with_counts(client, category, dated):
    years = archive_years(type(dated["may"]).objects.child_of(category))
    assert [(entry.year, entry.count) for entry in years] == [(2020, 1), (2019, 3)]
    assert years[1].months == [(7, 1), (5, 2)]
    html = client.get(category.url + "?nam=2019").content.decode()
    assert f'href="{category.url}?nam=2020"' in html
    assert f'href="{category.url}?nam=2019&amp;thang=5"' in html
    assert "Tháng 05/2019" in html


def test_an_empty_period_says_so(client, category, dated):
    response = client.get(category.url + "?nam=2018")
    assert response.status_code == 200
    assert "Không có tin bài nào năm 2018" in response.content.decode()


def test_the_canonical_link_keeps_the_period(client, category, dated):
    html = client.get(category.url + "?thang=5&nam=2019&utm_source=x").content.decode()
    assert (
        f'<link rel="canonical" href="http://testserver{category.url}?nam=2019&amp;thang=5"' in html
    )


@pytest.mark.parametrize(
    "query, message",
    [
        ("nam=abc", "không phải là một số"),
        ("nam=1800", "Năm phải từ"),
        ("nam=99999999", "không phải là một số"),
        ("nam=2019&thang=13", "Tháng phải từ 1 đến 12"),
        ("nam=2019&thang=0", "Tháng phải từ 1 đến 12"),
        ("thang=5", "Hãy chọn năm"),
        ("nam=٢٠١٩", "không phải là một số"),
    ],
)
def test_a_bad_date_is_a_vietnamese_bad_request(client, category, news_index, query, message):
    for url in (category.url, news_index.url):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400
        assert message in response.content.decode()


def test_the_filter_reads_and_normalises_the_query():
    assert archive_filter({"nam": " 2019 ", "thang": "05"}) == ArchiveFilter(2019, 5, 1)
    assert archive_filter({}) == ArchiveFilter()
    assert archive_filter({"page": "abc"}).page == 1
    assert ArchiveFilter(2019, 5, 2).query() == "?nam=2019&thang=5&page=2"
    with pytest.raises(ArchiveFilterError):
        archive_filter({"thang": "1"})
