"""/so-do-trang/: the site map a reader reads ("Sơ đồ trang")."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from portal.news.factories import ArticlePageFactory, NewsCategoryPageFactory

pytestmark = pytest.mark.django_db

URL = "/so-do-trang/"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def site_map_links(html):
    """The (href, text) of every link in the page tree section."""
    tree = re.search(r'<ul class="site-map__tree">.*?</section>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', tree)


def hidden_categories(news_index):
    """One category of each kind a visitor may not see, and a live one under a
    private one. Their titles all contain "ẨN"."""
    draft = NewsCategoryPageFactory(parent=news_index, title="Chuyên mục nháp ẨN", live=False)
    unpublished = NewsCategoryPageFactory(parent=news_index, title="Chuyên mục gỡ ẨN")
    unpublished.unpublish()
    password = NewsCategoryPageFactory(parent=news_index, title="Chuyên mục mật khẩu ẨN")
    PageViewRestriction.objects.create(page=password, restriction_type="password", password="x")
    group = NewsCategoryPageFactory(parent=news_index, title="Chuyên mục nội bộ ẨN")
    restriction = PageViewRestriction.objects.create(page=group, restriction_type="groups")
    restriction.groups.add(Group.objects.get_or_create(name="Thường trực HĐND")[0])
    expired = NewsCategoryPageFactory(parent=news_index, title="Chuyên mục hết hạn ẨN")
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    scheduled = NewsCategoryPageFactory(
        parent=news_index,
        title="Chuyên mục hẹn giờ ẨN",
        live=False,
        go_live_at=timezone.now() + timedelta(days=2),
    )
    # Live, but under a private page: hidden with it.
    NewsCategoryPageFactory(parent=group, title="Chuyên mục con nội bộ ẨN")
    return [draft, unpublished, password, group, expired, scheduled]


def test_site_map_lists_sections_categories_feeds_and_the_xml_sitemap(
    client, home, news_index, category, other_category
):
    ArticlePageFactory(parent=category, title="Một tin bài thường")
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Sơ đồ trang | " in html
    assert '<h1 class="page-title">Sơ đồ trang</h1>' in html
    assert '<meta name="description" content="Sơ đồ trang của ' in html
    assert '<link rel="canonical" href="http' in html and f'{URL}">' in html
    links = site_map_links(html)
    assert links[0] == ("/", "Trang chủ")
    assert (news_index.url, news_index.title) in links
    assert (category.url, category.title) in links
    assert (other_category.url, other_category.title) in links
    assert "Một tin bài thường" not in html  # articles are found through their sections
    # Categories nest under their section.
    tree = html[html.index('<ul class="site-map__tree">') :]
    assert tree.index(news_index.title) < tree.index(category.title)
    for feed in (
        'href="/rss/"',
        'href="/atom/"',
        f'href="/rss/{category.slug}/"',
        f'href="/atom/{other_category.slug}/"',
        'href="/sitemap.xml"',
    ):
        assert feed in html, feed
    # Every feed listed answers.
    for href in re.findall(r'href="(/(?:rss|atom)/[^"]*)"', html):
        assert client.get(href).status_code == 200, href


def test_site_map_never_lists_a_page_a_visitor_may_not_see(client, home, news_index, category):
    hidden = hidden_categories(news_index)
    html = client.get(URL).content.decode()
    assert "ẨN" not in html
    for page in hidden:
        assert page.slug not in html, page.title
    assert category.title in html  # the positive control
    # Nor a feed for one.
    assert f"/rss/{hidden[0].slug}/" not in html


def test_site_map_costs_the_same_queries_whatever_the_number_of_sections(client, home, news_index):
    def queries():
        client.get(URL)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL)
        assert response.status_code == 200
        return len(captured)

    for number in range(3):
        NewsCategoryPageFactory(parent=news_index, title=f"Chuyên mục {number}")
    few = queries()
    for number in range(3, 12):
        NewsCategoryPageFactory(parent=news_index, title=f"Chuyên mục {number}")
    many = queries()
    assert many == few, (few, many)
    assert few <= 12, few


def test_every_page_links_the_site_map_from_its_footer(client, home, news_index, category):
    for url in ["/", news_index.url, category.url, "/trang-khong-co/"]:
        html = client.get(url).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert f'<a href="{URL}">Sơ đồ trang</a>' in footer, url
