"""Every absolute URL the public site gives out starts from one base
(``portal.core.site_url``): the configured PORTAL_BASE_URL, or else the address the
request was served on. Canonical links, og:url and og:image, share links, the copy
button, the print footer, RSS and Atom links, the sitemap index and its sections, and
robots.txt all agree; none says ``localhost`` when the portal is served elsewhere."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import wagtail_factories
from django.test import override_settings

from portal.news.factories import ArticlePageFactory, GalleryPageFactory
from portal.news.models import GalleryPhoto

SERVED_HOST = "127.0.0.1:8100"
CANONICAL_BASE = "https://hdnd.example.gov.vn"

URL_ATTRIBUTES = re.compile(
    r'<(?:link rel="canonical" href|meta property="og:(?:url|image)" content)="([^"]+)"'
)


@pytest.fixture
def pages(category):
    article = ArticlePageFactory(
        parent=category,
        title="Khai mạc kỳ họp thứ 13",
        featured_image=wagtail_factories.ImageFactory(title="Toàn cảnh kỳ họp"),
        featured_image_alt="Toàn cảnh phiên khai mạc",
        topics=["Kỳ họp"],
    )
    gallery = GalleryPageFactory(parent=category, title="Ảnh kỳ họp thứ 13")
    GalleryPhoto.objects.create(
        page=gallery,
        image=wagtail_factories.ImageFactory(title="Biểu quyết"),
        alt="Đại biểu biểu quyết",
        sort_order=0,
    )
    return {"article": article, "gallery": gallery, "category": category}


def absolute_urls_of_page(html):
    urls = URL_ATTRIBUTES.findall(html)
    urls += re.findall(r'data-url="([^"]+)"', html)
    urls += re.findall(r'class="print-only">Nguồn: [^—]+— ([^<\s]+)', html)
    for share in re.findall(r'href="(https://www\.facebook\.com/sharer[^"]+)"', html):
        urls += parse_qs(urlsplit(share.replace("&amp;", "&")).query)["u"]
    return urls


def every_absolute_url(client, pages, **headers):
    found = {}
    for name in ("article", "gallery", "category"):
        html = client.get(pages[name].url, **headers).content.decode()
        found[name] = absolute_urls_of_page(html)
    html = client.get("/", **headers).content.decode()
    found["home"] = absolute_urls_of_page(html)
    for feed in ("/rss/", "/atom/"):
        xml = client.get(feed, **headers).content.decode()
        found[feed] = re.findall(r"<link>([^<]+)</link>", xml)
        found[feed] += re.findall(r'<link [^>]*href="([^"]+)"', xml)
        found[feed] += re.findall(r'<atom:link [^>]*href="([^"]+)"', xml)
    index = client.get("/sitemap.xml", **headers).content.decode()
    found["sitemap index"] = re.findall(r"<loc>([^<]+)</loc>", index)
    section = client.get("/sitemap-pages.xml", **headers).content.decode()
    found["sitemap section"] = re.findall(r"<loc>([^<]+)</loc>", section)
    robots = client.get("/robots.txt", **headers).content.decode()
    found["robots.txt"] = re.findall(r"Sitemap: (\S+)", robots)
    return found


def assert_all_start_with(found, base, pages):
    for source, urls in found.items():
        assert urls, f"{source}: no absolute URL found"
        for url in urls:
            assert url.startswith(base + "/"), f"{source}: {url} does not start with {base}"
            assert "localhost" not in url
    # The same page is named the same way everywhere.
    article_url = base + pages["article"].url
    assert article_url in found["article"]
    assert article_url in found["/rss/"]
    assert article_url in found["/atom/"]
    assert article_url in found["sitemap section"]
    assert base + "/sitemap-pages.xml" in found["sitemap index"]


@pytest.mark.django_db
def test_without_a_base_url_every_link_names_the_address_served(client, pages):
    found = every_absolute_url(client, pages, HTTP_HOST=SERVED_HOST)
    assert_all_start_with(found, f"http://{SERVED_HOST}", pages)
    # The article's five sources of its own address agree.
    article_url = f"http://{SERVED_HOST}{pages['article'].url}"
    assert found["article"].count(article_url) >= 5, found["article"]


@pytest.mark.django_db
def test_the_configured_base_url_wins_over_the_request(client, pages):
    with override_settings(PORTAL_BASE_URL=CANONICAL_BASE):
        found = every_absolute_url(client, pages, HTTP_HOST=SERVED_HOST)
    assert_all_start_with(found, CANONICAL_BASE, pages)


@pytest.mark.django_db
def test_every_public_page_carries_open_graph_tags(client, pages):
    for name in ("article", "gallery", "category"):
        html = client.get(pages[name].url).content.decode()
        for prop in ("og:title", "og:url", "og:type"):
            assert f'property="{prop}"' in html, f"{name} lacks {prop}"
    for url in ("/", "/search/?q=ky+hop", "/tin-tuc/chu-de/ky-hop/"):
        html = client.get(url).content.decode()
        assert 'property="og:url"' in html, url
    html = client.get("/tin-tuc/chu-de/khong-co/").content.decode()
    assert 'property="og:url"' not in html  # a 404 describes nothing


@pytest.mark.django_db
def test_pages_with_a_picture_share_a_rendition_of_it(client, pages):
    for name in ("article", "gallery"):
        html = client.get(pages[name].url).content.decode()
        image = re.search(r'property="og:image" content="([^"]+)"', html)
        assert image, f"{name} has no og:image"
        assert "/media/images/" in image.group(1)
        assert ".fill-1200x630" in image.group(1)
        assert 'property="og:type" content="article"' in html
    html = client.get(pages["category"].url).content.decode()
    assert 'property="og:image"' not in html
    assert 'property="og:type" content="website"' in html


@pytest.mark.django_db
def test_the_home_page_has_a_meta_description(client, pages):
    html = client.get("/").content.decode()
    assert re.search(r'<meta name="description" content="[^"]{20,}">', html)
