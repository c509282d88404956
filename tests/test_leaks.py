"""Nothing a visitor may not see leaks onto any public surface.

Drafts, unpublished pages, private pages (password, group, or under a private
category), expired pages (``expire_at`` passed while still ``live``) and
scheduled pages not yet live each carry a marker title, share a tag with a
public article and are that article's related items. Every surface is checked
for their titles and their URLs, next to a positive control (the public article
must be there, so each check can fail).
"""

import math
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Revision

from portal.core.testing import built_once
from portal.home.models import HomeBanner, HomePage, HomeQuickLink
from portal.news.factories import (
    ArticlePageFactory,
    NewsCategoryPageFactory,
    NewsIndexPageFactory,
)
from portal.news.models import RelatedItem, Topic
from portal.news.models.index import LISTING_PAGE_SIZE

MARK = "7f3a"
TAG = "Kỳ họp thứ 13"
PUBLIC = f"MARKER-PUBLIC-{MARK}"
HIDDEN_KINDS = [
    "draft",
    "unpublished",
    "password",
    "group",
    "private-category",
    "expired",
    "scheduled",
]


def marker(kind):
    return f"MARKER-{kind.upper()}-{MARK}"


def make_hidden(kind, category, private_category):
    parent = private_category if kind == "private-category" else category
    live = kind not in ("draft", "scheduled")
    page = ArticlePageFactory(parent=parent, title=marker(kind), topics=[TAG], live=live)
    if not live:
        # As the admin's create view does: the draft row holds its tags too.
        page.tags.add(TAG)
        page.save()
    if kind == "unpublished":
        page.unpublish()
    elif kind == "password":
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    elif kind == "group":
        restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
        restriction.groups.add(Group.objects.get_or_create(name="Thường trực HĐND")[0])
    elif kind == "expired":
        # Past its expiry, but publish_scheduled has not run yet: still live.
        Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    elif kind == "scheduled":
        page.go_live_at = timezone.now() + timedelta(days=2)
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.live == (kind not in ("draft", "unpublished", "scheduled")), kind
    return page


def build_world():
    """A category with two pages of public articles, then the public article and
    the hidden ones (newest of all, so nothing pushes them off a first page)."""
    home = HomePage.objects.get()
    news_index = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    category = NewsCategoryPageFactory(parent=news_index, title="Thường trực HĐND")
    private_category = NewsCategoryPageFactory(parent=news_index, title="Chuyên mục nội bộ")
    PageViewRestriction.objects.create(
        page=private_category, restriction_type="password", password="x"
    )
    for number in range(LISTING_PAGE_SIZE):
        ArticlePageFactory(parent=category, title=f"Tin thường {number}", topics=[TAG])
    public = ArticlePageFactory(parent=category, title=PUBLIC, topics=[TAG])
    hidden = {kind: make_hidden(kind, category, private_category) for kind in HIDDEN_KINDS}

    for order, page in enumerate(hidden.values()):
        public.related_items.add(RelatedItem(related_page=page, sort_order=order))
    public.save_revision().publish()
    public.refresh_from_db()
    assert public.related_items.count() == len(HIDDEN_KINDS)

    # An editor once pointed the home page at pages that are hidden now.
    home.lead_story = hidden["expired"]
    for page in hidden.values():
        home.banners.add(HomeBanner(title="Sự kiện", link_page=page))
        home.quick_links.add(HomeQuickLink(title="Liên kết", link_page=page))
    home.save_revision().publish()

    return {
        "public": public,
        "hidden": hidden,
        "category": category,
        "news_index": news_index,
        "private_category": private_category,
        "topic": Topic.objects.get(name=TAG),
    }


world = built_once(build_world)


@pytest.fixture(autouse=True)
def _db(db):
    """Every test runs in its own savepoint inside the module's transaction."""


def category_pages(world):
    visible = LISTING_PAGE_SIZE + 1
    pages = math.ceil(visible / LISTING_PAGE_SIZE)
    assert pages >= 2
    return [f"{world['category'].url}?page={n}" for n in range(1, pages + 1)]


def tag_pages(world):
    base = f"{world['news_index'].url}chu-de/{world['topic'].slug}/"
    return [f"{base}?page={n}" for n in (1, 2)]


SURFACES = {
    "home": lambda w: ["/"],
    "news-index": lambda w: [w["news_index"].url],
    "category": category_pages,
    "tag": tag_pages,
    "article-related-items": lambda w: [w["public"].url],
    "feeds": lambda w: ["/rss/", "/atom/"],
    "category-feeds": lambda w: [
        f"/rss/{w['category'].slug}/",
        f"/atom/{w['category'].slug}/",
    ],
    "sitemap": lambda w: ["/sitemap.xml", "/sitemap-pages.xml"],
    "search": lambda w: [f"/search/?q={MARK}", f"/search/?q={MARK}&page=2"],
}


def fetch_all(client, urls):
    contents = []
    for url in urls:
        response = client.get(url, HTTP_HOST="localhost")
        assert response.status_code == 200, url
        contents.append(response.content.decode())
    return "\n".join(contents)


def assert_nothing_hidden(content, world, surface):
    for kind, page in world["hidden"].items():
        assert marker(kind) not in content, f"{kind} title on {surface}"
        assert page.slug not in content, f"{kind} URL on {surface}"


@pytest.mark.parametrize("surface", SURFACES)
def test_hidden_pages_never_appear(client, world, surface):
    content = fetch_all(client, SURFACES[surface](world))
    assert PUBLIC in content or world["public"].slug in content, f"control missing on {surface}"
    assert_nothing_hidden(content, world, surface)


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_searching_for_the_marker_finds_nothing(client, world, kind):
    response = client.get("/search/", {"q": marker(kind)})
    assert response.status_code == 200
    assert response.context["results"] == []
    assert world["hidden"][kind].slug not in response.content.decode()


def test_searching_for_the_public_marker_finds_it(client, world):
    response = client.get("/search/", {"q": PUBLIC})
    assert [result["url"] for result in response.context["results"]] == [world["public"].url]


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_the_hidden_page_itself_shows_nothing(client, world, kind):
    page = world["hidden"][kind]
    response = client.get(page.url)
    assert response.status_code in (200, 302, 404)
    if response.status_code == 200:  # the password form
        assert "mật khẩu" in response.content.decode()
    assert marker(kind) not in response.content.decode()


def test_the_private_category_has_no_feed(client, world):
    slug = world["private_category"].slug
    assert client.get(f"/rss/{slug}/").status_code == 404
    assert client.get(f"/atom/{slug}/").status_code == 404


def test_the_private_category_is_not_listed(client, world):
    content = fetch_all(client, ["/", world["news_index"].url, "/sitemap-pages.xml"])
    assert "Chuyên mục nội bộ" not in content
    assert world["private_category"].slug not in content


def test_every_reader_of_the_rule_agrees(client, world):
    """The visibility module, and each listing that calls it, give the same answer
    for each hidden page and the public one; the page cache's lifetime ends when
    the scheduled one goes live."""
    import feedparser

    from portal.core.sitemaps import PageSitemap
    from portal.core.visibility import (
        is_visible,
        next_visibility_change,
        visible_links,
        visible_pages,
    )
    from portal.news.selectors import article_listing, related_articles
    from portal.search.selectors import query_words, search

    pages = {"public": world["public"], **world["hidden"]}
    pages = {kind: Page.objects.get(pk=page.pk) for kind, page in pages.items()}
    home = HomePage.objects.get()
    sitemap = PageSitemap()
    sitemap.get_wagtail_site = lambda: home.get_site()
    readers = {
        "visible_pages": set(visible_pages().values_list("pk", flat=True)),
        "sitemap": {page.pk for page in sitemap.items()},
        "article listing": set(article_listing().values_list("pk", flat=True)),
        "search": {entry.page_id for entry in search(query_words(MARK), per_page=100).entries},
        "related items": {page.pk for page in related_articles(world["public"], limit=50)}
        | {world["public"].pk},
        "home links": {item.link_page_id for item in visible_links(home.banners.all())[0]},
        "rss": {
            page.pk
            for entry in feedparser.parse(
                client.get("/rss/", HTTP_HOST="localhost").content
            ).entries
            for page in pages.values()
            if entry.link.endswith(page.url)
        },
    }
    for kind, page in pages.items():
        expected = kind == "public"
        assert is_visible(page) is expected, kind
        for reader, shown in readers.items():
            if reader == "home links" and kind == "public":
                continue  # the home page links to hidden pages only
            assert (page.pk in shown) is expected, f"{reader} disagrees on {kind}"
    scheduled = world["hidden"]["scheduled"]
    go_live = Revision.objects.filter(object_id=str(scheduled.pk)).latest("pk").approved_go_live_at
    assert next_visibility_change() == go_live
