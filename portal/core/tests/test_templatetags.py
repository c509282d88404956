from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from portal.core.factories import AuthorFactory
from portal.core.templatetags.portal_tags import byline
from portal.core.templatetags.vi_format import cap_nhat, gio_ngay, iso, ngay, so

UTC = ZoneInfo("UTC")


def render(source, **context):
    return Template("{% load vi_format %}" + source).render(Context(context))


@pytest.mark.parametrize(
    "value, expected",
    [
        (490000, "490.000"),
        (1234567, "1.234.567"),
        (999, "999"),
        (0, "0"),
        (-25000, "-25.000"),
        ("490000", "490.000"),
        (Decimal("1234.5"), "1.234,5"),
        (None, ""),
    ],
)
def test_so_groups_thousands_with_a_dot(value, expected):
    assert so(value) == expected


def test_so_with_decimal_places_uses_a_comma():
    assert so(1234.5, 2) == "1.234,50"
    assert render("{{ value|so:2 }}", value=Decimal("4900.126")) == "4.900,13"


def test_so_leaves_text_alone():
    assert so("không rõ") == "không rõ"


def test_years_and_ids_are_never_grouped_by_default():
    assert render("{{ year }} {{ pk }}", year=2020, pk=123456) == "2020 123456"
    assert render("{{ value|so }}", value=490000) == "490.000"


def test_update_line_is_in_ho_chi_minh_time():
    # 07:05 UTC is 14:05 in Asia/Ho_Chi_Minh (UTC+7).
    moment = datetime(2020, 1, 10, 7, 5, tzinfo=UTC)
    assert cap_nhat(moment) == "Cập nhật lúc 14:05 ngày 10/01/2020"
    assert render("{{ moment|cap_nhat }}", moment=moment) == "Cập nhật lúc 14:05 ngày 10/01/2020"


def test_date_crosses_midnight_in_local_time():
    moment = datetime(2019, 12, 31, 18, 30, tzinfo=UTC)  # 01:30 on 01/01/2020 locally
    assert ngay(moment) == "01/01/2020"
    assert gio_ngay(moment) == "01:30 ngày 01/01/2020"
    assert iso(moment) == "2020-01-01T01:30+07:00"


def test_plain_dates_are_dd_mm_yyyy():
    assert ngay(date(2025, 7, 1)) == "01/07/2025"
    assert iso(date(2025, 7, 1)) == "2025-07-01"
    assert render("{{ d|date }}", d=date(2025, 7, 1)) == "01/07/2025"


def test_helpers_tolerate_missing_values():
    assert ngay(None) == ""
    assert cap_nhat(None) == ""
    assert cap_nhat(date(2020, 1, 1)) == ""
    assert iso("") == ""


@pytest.mark.django_db
def test_byline_keeps_order_and_groups_a_shared_unit():
    a = AuthorFactory(name="Nguyễn Văn An", unit="Báo Bắc Kạn")
    b = AuthorFactory(name="Trần Thị Bình", unit="Báo Bắc Kạn")
    c = AuthorFactory(name="Lò Văn Cường", unit="HĐND xã Nam Cường")
    d = AuthorFactory(name="Hà Thị Dung", unit="")
    assert byline([a, b]) == "Nguyễn Văn An, Trần Thị Bình (Báo Bắc Kạn)"
    assert byline([c, a, b, d]) == (
        "Lò Văn Cường (HĐND xã Nam Cường), Nguyễn Văn An, Trần Thị Bình (Báo Bắc Kạn), Hà Thị Dung"
    )
    assert byline([b, c, a]) == (
        "Trần Thị Bình (Báo Bắc Kạn), Lò Văn Cường (HĐND xã Nam Cường), Nguyễn Văn An (Báo Bắc Kạn)"
    )
    assert byline([]) == ""


@pytest.mark.django_db
def test_main_navigation_lists_visible_categories(client, category, other_category):
    from portal.news.factories import NewsCategoryPageFactory

    hidden = NewsCategoryPageFactory(parent=category.get_parent(), title="Chuyên mục ẩn")
    hidden.unpublish()
    response = client.get(category.url)
    page = response.content.decode()
    nav = page[
        page.index('<nav class="main-nav"') : page.index("</nav>", page.index('class="main-nav"'))
    ]
    assert 'href="/tin-tuc/"' in nav
    assert 'href="/tin-tuc/thuong-truc-hdnd/" aria-current="page"' in nav
    assert 'href="/tin-tuc/cac-ban-hdnd/"' in nav
    assert "Chuyên mục ẩn" not in nav


# --- fragment cache --------------------------------------------------------------


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders; only fragments are kept


def fragment(source, **context):
    return Template("{% load portal_tags %}" + source).render(Context(context))


@pytest.mark.django_db
def test_cached_fragment_keeps_the_html_until_the_generation_changes(rf, home):
    from portal.core.page_cache import invalidate

    source = '{% cached_fragment "t" %}{{ value }}{% endcached_fragment %}'
    assert fragment(source, request=rf.get("/"), page=home, value="một") == "một"
    assert fragment(source, request=rf.get("/"), page=home, value="hai") == "một"
    invalidate()
    assert fragment(source, request=rf.get("/"), page=home, value="hai") == "hai"


@pytest.mark.django_db
def test_cached_fragment_varies_on_its_values_and_the_host(rf, settings, home):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    source = '{% cached_fragment "t" key %}{{ value }}{% endcached_fragment %}'
    request = rf.get("/")
    assert fragment(source, request=request, page=home, key=1, value="một") == "một"
    assert fragment(source, request=request, page=home, key=2, value="hai") == "hai"
    other_host = rf.get("/", HTTP_HOST="other.example")
    assert fragment(source, request=other_host, page=home, key=1, value="ba") == "ba"


@pytest.mark.django_db
def test_cached_fragment_is_never_kept_for_a_preview_or_outside_a_page(rf, home):
    source = '{% cached_fragment "t" %}{{ value }}{% endcached_fragment %}'
    preview = rf.get("/")
    preview.is_preview = True
    assert fragment(source, request=preview, page=home, value="nháp") == "nháp"
    request = rf.get("/")
    assert fragment(source, request=request, value="không trang") == "không trang"
    assert fragment(source, request=request, page=home, value="trang") == "trang"


@pytest.mark.django_db
def test_fragment_never_outlives_the_next_expiry(rf, category):
    from datetime import timedelta

    from django.utils import timezone

    from portal.core.templatetags.portal_tags import FRAGMENT_SECONDS, _fragment_timeout
    from portal.news.factories import ArticlePageFactory

    assert _fragment_timeout(rf.get("/")) == FRAGMENT_SECONDS
    article = ArticlePageFactory(parent=category)
    article.expire_at = timezone.now() + timedelta(seconds=30)
    article.save(update_fields=["expire_at"])
    assert 1 <= _fragment_timeout(rf.get("/")) <= 30


@pytest.mark.django_db
def test_publishing_shows_at_once_on_pages_whose_fragments_are_kept(
    client, no_page_cache, home, news_index, category
):
    from portal.news.factories import ArticlePageFactory

    first = ArticlePageFactory(parent=category, title="Tin thứ nhất", topics=["Kỳ họp"])
    topic_url = f"{news_index.url}chu-de/{first.tags.get().slug}/"
    urls = ["/", news_index.url, category.url, topic_url, first.url]
    for url in urls:
        assert client.get(url).status_code == 200, url
    second = ArticlePageFactory(parent=category, title="Tin thứ hai", topics=["Kỳ họp"])
    for url in urls:
        assert "Tin thứ hai" in client.get(url).content.decode(), url
    second.title = "Tin thứ hai (đã sửa)"
    revision = second.save_revision()
    revision.publish()
    assert "Tin thứ hai (đã sửa)" in client.get(second.url).content.decode()
    assert "Tin thứ hai (đã sửa)" in client.get("/").content.decode()


@pytest.mark.django_db
def test_kept_navigation_marks_the_current_page(client, no_page_cache, home, category):
    marked = f'href="{category.url}" aria-current="page"'
    assert marked not in client.get("/").content.decode()
    assert marked in client.get(category.url).content.decode()
    assert 'href="/" aria-current="page"' in client.get("/").content.decode()
    assert 'href="/" aria-current="page"' not in client.get(category.url).content.decode()


@pytest.mark.django_db
def test_kept_category_listing_follows_the_page_number(client, no_page_cache, category):
    from portal.news.factories import ArticlePageFactory
    from portal.news.models.index import LISTING_PAGE_SIZE

    for number in range(LISTING_PAGE_SIZE + 1):
        ArticlePageFactory(parent=category, title=f"Tin số {number:02d}")
    first = client.get(category.url).content.decode()
    second = client.get(category.url, {"page": 2}).content.decode()
    assert 'aria-current="page"><span class="sr-only">Trang </span>1<' in first
    assert 'aria-current="page"><span class="sr-only">Trang </span>2<' in second
    assert '?page=2">' in second  # the canonical link names the page
