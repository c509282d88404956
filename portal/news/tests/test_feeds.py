"""RSS and Atom feeds: valid, absolute links, +07:00 dates, constant query count."""

import calendar
import re
from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.core.factories import AuthorFactory
from portal.news import feeds
from portal.news.factories import ArticlePageFactory, NewsCategoryPageFactory

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "localhost"}  # the default Wagtail Site's hostname


def fetch(client, url):
    response = client.get(url, **HOST)
    assert response.status_code == 200, response.content[:500]
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


def same_second(struct, moment):
    """feedparser keeps whole seconds (and may round the fraction either way)."""
    return abs(calendar.timegm(struct) - moment.timestamp()) < 1


@pytest.fixture
def articles(category, other_category):
    older = ArticlePageFactory(
        parent=category,
        title="Kỳ họp thứ 13 HĐND tỉnh",
        topics=["Kỳ họp thứ 13"],
        authors=[AuthorFactory(name="Nguyễn Văn An"), AuthorFactory(name="Lê Thị Bình")],
    )
    newer = ArticlePageFactory(parent=other_category, title="Ban Pháp chế giám sát")
    return older, newer


@pytest.mark.parametrize("name", ["feed_rss", "feed_atom"])
def test_all_news_feed_parses_with_absolute_links(client, articles, name):
    older, newer = articles
    response, parsed = fetch(client, reverse(name))
    assert [entry.title for entry in parsed.entries] == [newer.title, older.title]
    for entry in parsed.entries:
        assert entry.link.startswith("http://localhost/tin-tuc/")
    assert (
        parsed.entries[1].link
        == "http://localhost/tin-tuc/thuong-truc-hdnd/ky-hop-thu-13-hdnd-tinh/"
    )
    assert parsed.feed.link == "http://localhost/tin-tuc/"


@pytest.mark.parametrize("name", ["feed_rss", "feed_atom"])
def test_feed_items_carry_authors_categories_and_lead(client, articles, name):
    older, _ = articles
    _, parsed = fetch(client, reverse(name))
    entry = parsed.entries[1]
    assert entry.author == "Nguyễn Văn An, Lê Thị Bình"
    assert {tag.term for tag in entry.tags} == {"Thường trực HĐND", "Kỳ họp thứ 13"}
    assert entry.summary == older.lead


@pytest.mark.parametrize(
    "name, elements, offset",
    [
        ("feed_rss", "pubDate|lastBuildDate", "+0700"),
        ("feed_atom", "published|updated", "+07:00"),
    ],
)
def test_dates_are_local_time(client, articles, name, elements, offset):
    older, _ = articles
    response, parsed = fetch(client, reverse(name))
    dates = re.findall(rf"<(?:{elements})>([^<]+)<", response.content.decode())
    assert dates and all(date.endswith(offset) for date in dates)
    entry = parsed.entries[1]
    assert same_second(entry.published_parsed, older.first_published_at)
    if name == "feed_atom":
        assert same_second(entry.updated_parsed, older.last_published_at)


def test_an_empty_feed_is_still_valid_and_local(client, category):
    response, parsed = fetch(client, reverse("feed_atom"))
    assert parsed.entries == []
    assert re.search(r"<updated>[^<]+\+07:00</updated>", response.content.decode())


@pytest.mark.parametrize("name", ["category_feed_rss", "category_feed_atom"])
def test_category_feed_holds_only_its_category(client, articles, category, name):
    older, _ = articles
    _, parsed = fetch(client, reverse(name, args=[category.slug]))
    assert [entry.title for entry in parsed.entries] == [older.title]
    assert parsed.feed.title.startswith("Thường trực HĐND")
    assert parsed.feed.link == "http://localhost/tin-tuc/thuong-truc-hdnd/"


@pytest.mark.parametrize("name", ["category_feed_rss", "category_feed_atom"])
def test_unknown_category_is_a_vietnamese_404(client, news_index, name):
    response = client.get(reverse(name, args=["khong-co-chuyen-muc"]))
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


def test_a_draft_category_has_no_feed(client, news_index):
    draft = NewsCategoryPageFactory(parent=news_index, title="Chuyên mục nháp", live=False)
    assert client.get(reverse("category_feed_rss", args=[draft.slug])).status_code == 404


def test_feed_leaves_out_drafts_and_expired_articles(client, category):
    ArticlePageFactory(parent=category, title="Tin công khai")
    ArticlePageFactory(parent=category, title="Tin nháp", live=False)
    expiring = ArticlePageFactory(parent=category, title="Tin hết hạn")
    type(expiring).objects.filter(pk=expiring.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    _, parsed = fetch(client, reverse("feed_rss"))
    assert [entry.title for entry in parsed.entries] == ["Tin công khai"]


def test_feed_holds_the_latest_thirty(client, category, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_LENGTH", 3)
    created = [ArticlePageFactory(parent=category) for _ in range(4)]
    _, parsed = fetch(client, reverse("feed_rss"))
    assert [entry.title for entry in parsed.entries] == [a.title for a in created[::-1][:3]]


def test_feed_length_is_thirty():
    assert feeds.FEED_LENGTH == 30


@override_settings(PAGE_CACHE_SECONDS=0)
@pytest.mark.parametrize("name", ["feed_rss", "feed_atom", "category_feed_rss"])
def test_query_count_does_not_grow_with_the_items(client, category, name):
    def count_queries():
        url = reverse(name, args=[category.slug]) if "category" in name else reverse(name)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url, **HOST).status_code == 200
        return len(context)

    def add_articles(n):
        for i in range(n):
            ArticlePageFactory(
                parent=category,
                topics=[f"Chủ đề {i}", "Kỳ họp"],
                authors=[AuthorFactory(), AuthorFactory()],
            )

    add_articles(2)
    count_queries()  # warm Wagtail's site root paths and the settings row
    small = count_queries()
    add_articles(8)
    assert count_queries() == small
