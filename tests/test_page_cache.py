"""The page cache across the public site: hits cost no query, and every kind of
change shows on the next GET of every surface that lists the content."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Revision

from portal.news.factories import ArticlePageFactory, GalleryPageFactory
from portal.news.models import Topic

pytestmark = pytest.mark.django_db

TAG = "Kỳ họp thứ 13"
HOST = {"HTTP_HOST": "localhost"}


@pytest.fixture
def site(home, news_index, category, other_category):
    """A public article in each category, both tagged, so every surface has content."""
    first = ArticlePageFactory(parent=category, title="Tin nền thứ nhất", topics=[TAG])
    second = ArticlePageFactory(parent=other_category, title="Tin nền thứ hai", topics=[TAG])
    return {
        "category": category,
        "other": other_category,
        "index": news_index,
        "old": [first, second],
    }


def surfaces(site):
    topic = Topic.objects.get(name=TAG)
    return {
        "home": "/",
        "category": site["category"].url,
        "tag": f"{site['index'].url}chu-de/{topic.slug}/",
        "rss": "/rss/",
        "atom": "/atom/",
        "category-rss": f"/rss/{site['category'].slug}/",
        "category-atom": f"/atom/{site['category'].slug}/",
        "sitemap": "/sitemap-pages.xml",
    }


def get(client, url):
    response = client.get(url, **HOST)
    assert response.status_code == 200, url
    return response


def warm(client, site):
    """Every surface is cached: the second GET is a hit."""
    urls = surfaces(site)
    for url in urls.values():
        get(client, url)
        assert get(client, url)["X-Cache"] == "HIT", url
    return urls


def contents(client, urls):
    return {name: get(client, url).content.decode() for name, url in urls.items()}


def test_second_anonymous_get_is_a_hit_without_queries(client, site, django_assert_num_queries):
    gallery = GalleryPageFactory(parent=site["category"], title="Ảnh kỳ họp")
    urls = {**surfaces(site), "article": site["old"][0].url, "gallery": gallery.url}
    urls["sitemap-index"] = "/sitemap.xml"
    urls["robots"] = "/robots.txt"
    for url in urls.values():
        first = get(client, url)
        assert first["X-Cache"] == "MISS", url
        with django_assert_num_queries(0):
            second = get(client, url)
        assert second["X-Cache"] == "HIT", url
        assert second.content == first.content, url


def test_publishing_shows_everywhere(client, site):
    urls = warm(client, site)
    ArticlePageFactory(parent=site["category"], title="Tin vừa đăng", topics=[TAG])
    for name, content in contents(client, urls).items():
        assert "Tin vừa đăng" in content or "tin-vua-dang" in content, name


def test_an_edit_shows_everywhere(client, site):
    article = site["old"][0]
    urls = {**warm(client, site), "article": article.url}
    get(client, article.url)
    article.title = "Tin đã sửa tiêu đề"
    article.lead = "Tóm tắt đã sửa."
    article.body = [("paragraph", "<p>Nội dung đã sửa.</p>")]
    article.save_revision().publish()
    for name, content in contents(client, urls).items():
        if name == "sitemap":
            continue  # lists URLs, which an edit of the title keeps
        assert "Tin đã sửa tiêu đề" in content, name
        assert "Tin nền thứ nhất" not in content, name


def test_unpublishing_shows_everywhere(client, site):
    urls = warm(client, site)
    site["old"][0].unpublish()
    for name, content in contents(client, urls).items():
        assert "Tin nền thứ nhất" not in content, name
        assert site["old"][0].slug not in content, name


def test_a_move_shows_everywhere(client, site):
    article = site["old"][0]
    old_url = article.url
    urls = {**warm(client, site), "other": site["other"].url}
    get(client, site["other"].url)
    article.move(site["other"], pos="last-child")
    article.refresh_from_db()
    new_url = article.url
    assert new_url != old_url
    pages = contents(client, urls)
    assert "Tin nền thứ nhất" not in pages["category"]
    assert "Tin nền thứ nhất" not in pages["category-rss"]
    assert "Tin nền thứ nhất" in pages["other"]
    for name in ("home", "tag", "rss", "atom", "sitemap"):
        assert new_url in pages[name], name
        assert old_url not in pages[name], name


def test_deleting_shows_everywhere(client, site):
    urls = warm(client, site)
    slug = site["old"][0].slug
    site["old"][0].delete()
    for name, content in contents(client, urls).items():
        assert "Tin nền thứ nhất" not in content, name
        assert slug not in content, name


def test_publish_scheduled_going_live_shows_everywhere(client, site):
    scheduled = ArticlePageFactory(parent=site["category"], title="Tin hẹn giờ", live=False)
    scheduled.tags.add(TAG)
    scheduled.go_live_at = timezone.now() + timedelta(hours=1)
    revision = scheduled.save_revision()
    revision.publish()
    urls = warm(client, site)
    for name, content in contents(client, urls).items():
        assert "Tin hẹn giờ" not in content, name

    # The hour has passed (moved back in the database, without any signal).
    past = timezone.now() - timedelta(seconds=1)
    revision.refresh_from_db()
    revision.content["go_live_at"] = past.isoformat()
    Revision.objects.filter(pk=revision.pk).update(
        content=revision.content, approved_go_live_at=past
    )
    assert get(client, urls["category"])["X-Cache"] == "HIT"

    call_command("publish_scheduled")
    for name, content in contents(client, urls).items():
        assert "Tin hẹn giờ" in content or "tin-hen-gio" in content, name


def test_publish_scheduled_expiry_shows_everywhere(client, site):
    expiring = ArticlePageFactory(
        parent=site["category"],
        title="Tin sắp hết hạn",
        topics=[TAG],
        expire_at=timezone.now() + timedelta(hours=1),
    )
    urls = warm(client, site)
    assert "Tin sắp hết hạn" in get(client, urls["category"]).content.decode()

    Page.objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    call_command("publish_scheduled")
    expiring.refresh_from_db()
    assert not expiring.live
    for name, content in contents(client, urls).items():
        assert "Tin sắp hết hạn" not in content, name
        assert expiring.slug not in content, name


def test_expiry_alone_caps_the_entry_lifetime(client, site):
    ArticlePageFactory(
        parent=site["category"],
        title="Tin hết hạn sau một giờ",
        expire_at=timezone.now() + timedelta(hours=1),
    )
    from portal.core.page_cache import entry_timeout

    assert entry_timeout() <= min(settings.PAGE_CACHE_SECONDS, 3600)


def test_a_logged_in_editor_sees_the_live_site_not_the_cache(client, site, django_user_model):
    urls = warm(client, site)
    client.force_login(django_user_model.objects.create_user("bientap", password="x"))
    for url in urls.values():
        assert get(client, url)["X-Cache"] == "BYPASS", url


def test_a_visitor_who_unlocked_a_page_bypasses_the_cache(client, site):
    article = site["old"][0]
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type="password", password="mat-khau"
    )
    urls = warm(client, site)
    locked = client.get(article.url, **HOST)
    assert "Tin nền thứ nhất" not in locked.content.decode()
    client.post(
        f"/_util/authenticate_with_password/{restriction.id}/{article.id}/",
        {"password": "mat-khau", "return_url": article.url},
        **HOST,
    )
    unlocked = client.get(article.url, **HOST)
    assert unlocked["X-Cache"] == "BYPASS"
    assert "Tin nền thứ nhất" in unlocked.content.decode()
    for url in urls.values():
        assert get(client, url)["X-Cache"] == "BYPASS", url


def test_no_surface_reads_a_parameter_it_was_not_made_for(client, site):
    """``?x=<random>`` on every public surface is served from that surface's one
    entry: nothing on the way (Wagtail's routing, the middlewares, the templates,
    the feeds and sitemaps) reads the query string as a whole."""
    from portal.core.tests.test_page_cache import stored_entries

    gallery = GalleryPageFactory(parent=site["category"], title="Ảnh kỳ họp")
    urls = {**surfaces(site), "article": site["old"][0].url, "gallery": gallery.url}
    urls.update(
        {"sitemap-index": "/sitemap.xml", "robots": "/robots.txt", "index": site["index"].url}
    )
    for url in urls.values():
        assert get(client, url)["X-Cache"] == "MISS", url
    assert len(stored_entries()) == len(urls)
    for i in range(5):
        for name, url in urls.items():
            response = get(client, f"{url}?x={i}-{timezone.now().timestamp()}&utm_source=z")
            assert response["X-Cache"] == "HIT", name
    assert len(stored_entries()) == len(urls)
