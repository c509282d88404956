"""sitemap.xml is an index whose sections hold every visible page and nothing else;
robots.txt points to it."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from portal.core.sitemaps import PageSitemap
from portal.news.factories import ArticlePageFactory, GalleryPageFactory, NewsCategoryPageFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HOST = {"HTTP_HOST": "localhost"}


def get_xml(client, url):
    response = client.get(url, **HOST)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def section_urls(client):
    """Follow the index through every section page; return {loc: lastmod}."""
    index = get_xml(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    found = {}
    for loc in index.findall("sm:sitemap/sm:loc", NS):
        assert loc.text.startswith("http://localhost/sitemap-pages.xml")
        section = get_xml(client, loc.text.removeprefix("http://localhost"))
        for url in section.findall("sm:url", NS):
            location = url.find("sm:loc", NS).text
            assert location not in found, f"{location} listed twice"
            lastmod = url.find("sm:lastmod", NS)
            found[location] = lastmod.text if lastmod is not None else None
    return found


@pytest.fixture
def tree(home, news_index, category, other_category):
    """Visible pages and, next to them, every kind of page that must stay out."""
    public = ArticlePageFactory(parent=category, title="Tin công khai")
    gallery = GalleryPageFactory(parent=other_category, title="Ảnh kỳ họp")
    ArticlePageFactory(parent=category, title="Tin nháp", live=False)

    password = ArticlePageFactory(parent=category, title="Tin có mật khẩu")
    PageViewRestriction.objects.create(page=password, restriction_type="password", password="x")

    private_category = NewsCategoryPageFactory(parent=news_index, title="Chuyên mục nội bộ")
    ArticlePageFactory(parent=private_category, title="Tin trong chuyên mục nội bộ")
    restriction = PageViewRestriction.objects.create(
        page=private_category, restriction_type="groups"
    )
    restriction.groups.add(Group.objects.get(name="Ban Biên tập"))

    expired = ArticlePageFactory(parent=category, title="Tin hết hạn")
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=5))

    scheduled = ArticlePageFactory(parent=category, title="Tin hẹn giờ", live=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()

    visible = [home, news_index, category, other_category, public, gallery]
    return {f"http://localhost{page.url}" for page in visible}, public


def test_sitemap_holds_every_visible_page_and_nothing_else(client, tree):
    expected, _ = tree
    assert set(section_urls(client)) == expected


def test_every_live_page_is_listed(client, tree):
    """The other way round: whatever is live, public and current is in the sitemap."""
    listed = set(section_urls(client))
    now = timezone.now()
    for page in Page.objects.live().public().filter(depth__gt=1):
        if page.expire_at and page.expire_at <= now:
            continue
        assert page.full_url in listed


def test_articles_carry_their_last_modification(client, tree):
    _, public = tree
    urls = section_urls(client)
    stamp = urls[f"http://localhost{public.url}"]
    assert stamp == timezone.localtime(public.last_published_at).date().isoformat()


def test_index_carries_the_latest_modification(client, tree):
    _, public = tree
    index = get_xml(client, "/sitemap.xml")
    assert index.find("sm:sitemap/sm:lastmod", NS) is not None


def test_sections_are_paginated_past_the_limit(client, tree, monkeypatch):
    expected, _ = tree
    monkeypatch.setattr(PageSitemap, "limit", 2)
    index = get_xml(client, "/sitemap.xml")
    locations = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert locations == [
        "http://localhost/sitemap-pages.xml",
        "http://localhost/sitemap-pages.xml?p=2",
        "http://localhost/sitemap-pages.xml?p=3",
    ]
    for location in locations:
        page = get_xml(client, location.removeprefix("http://localhost"))
        assert len(page.findall("sm:url", NS)) <= 2
    assert set(section_urls(client)) == expected


@pytest.mark.parametrize("query", ["?p=99", "?p=abc", "?p=0"])
def test_out_of_range_section_pages_are_404(client, tree, query):
    assert client.get(f"/sitemap-pages.xml{query}", **HOST).status_code == 404


def test_unknown_section_is_404(client, tree):
    assert client.get("/sitemap-khac.xml", **HOST).status_code == 404


def test_protocol_limit_is_the_default():
    assert PageSitemap.limit == 50_000


@override_settings(PAGE_CACHE_SECONDS=0)
def test_sitemap_query_count_does_not_grow_with_pages(client, category):
    def count(url):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url, **HOST).status_code == 200
        return len(context)

    ArticlePageFactory(parent=category)
    count("/sitemap-pages.xml")
    small = (count("/sitemap.xml"), count("/sitemap-pages.xml"))
    for _ in range(5):
        ArticlePageFactory(parent=category)
    assert (count("/sitemap.xml"), count("/sitemap-pages.xml")) == small


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt", **HOST)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
