"""The home page: lead story, latest news, categories, banners, quick links, footer."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from portal.core.models import RelatedAgencyLink, SiteSettings
from portal.home.models import HomeBanner, HomeQuickLink
from portal.news.factories import ArticlePageFactory, NewsCategoryPageFactory

pytestmark = pytest.mark.django_db


def image():
    return Image.objects.create(title="Ảnh", file=get_test_image_file())


def published(article, days_ago):
    article.first_published_at = timezone.now() - timedelta(days=days_ago)
    article.save(update_fields=["first_published_at"])
    return article


def lead_block(page):
    return re.search(r'<section class="lead-story".*?</section>', page, re.S).group(0)


def test_lead_story_defaults_to_newest_article_with_an_image(client, home, category):
    published(
        ArticlePageFactory(
            parent=category, title="Có ảnh cũ", featured_image=image(), featured_image_alt="a"
        ),
        3,
    )
    published(
        ArticlePageFactory(
            parent=category, title="Có ảnh mới", featured_image=image(), featured_image_alt="b"
        ),
        2,
    )
    ArticlePageFactory(parent=category, title="Không ảnh mới nhất")
    page = client.get("/").content.decode()
    assert "Có ảnh mới" in lead_block(page)
    latest = re.search(r'<section class="latest".*?</section>', page, re.S).group(0)
    assert "Không ảnh mới nhất" in latest
    assert "Có ảnh cũ" in latest
    assert "Có ảnh mới" not in latest  # the lead is not repeated


def test_chosen_lead_story_is_used_only_while_visible(client, home, category):
    chosen = published(ArticlePageFactory(parent=category, title="Tin được chọn"), 10)
    ArticlePageFactory(
        parent=category, title="Tin có ảnh", featured_image=image(), featured_image_alt="x"
    )
    home.lead_story = chosen
    home.save_revision().publish()
    assert "Tin được chọn" in lead_block(client.get("/").content.decode())
    chosen.unpublish()
    page = client.get("/").content.decode()
    assert "Tin có ảnh" in lead_block(page)
    assert "Tin được chọn" not in page


def test_latest_per_category_respects_show_on_home(client, home, news_index, category):
    hidden = NewsCategoryPageFactory(
        parent=news_index, title="Không lên trang chủ", show_on_home=False
    )
    for number in range(7):
        published(ArticlePageFactory(parent=category, title=f"Thường trực tin {number}"), number)
    ArticlePageFactory(parent=hidden, title="Tin chuyên mục ẩn")
    page = client.get("/").content.decode()
    start = f'<section class="category-block" aria-labelledby="chuyen-muc-{category.pk}">'
    block = re.search(re.escape(start) + ".*?</section>", page, re.S).group(0)
    assert block.count('<article class="card') == 5
    assert "Thường trực tin 0" in block and "Thường trực tin 5" not in block
    assert f'aria-labelledby="chuyen-muc-{hidden.pk}"' not in page


def test_banners_quick_links_and_footer(client, home, category):
    HomeBanner.objects.create(
        page=home, title="Kỳ họp thứ 13 HĐND tỉnh khóa IX", link_page=category
    )
    HomeQuickLink.objects.create(page=home, title="Văn bản kỳ họp", link_url="/van-ban/")
    HomeQuickLink.objects.create(
        page=home, title="Lịch tiếp công dân", link_url="/lich-tiep-cong-dan/"
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.responsible_person = "Nguyễn Văn Trách"
    site_settings.address = "Số 1, đường Trường Chinh, thành phố Bắc Kạn"
    site_settings.phone = "0209 3870 000"
    site_settings.email = "hdnd@backan.gov.vn"
    site_settings.licence = "Giấy phép số 01/GP-TTĐT"
    site_settings.save()
    RelatedAgencyLink.objects.create(
        settings=site_settings, name="Cổng thông tin điện tử tỉnh", url="https://backan.gov.vn"
    )
    page = client.get("/").content.decode()
    assert 'href="/tin-tuc/thuong-truc-hdnd/"' in page and "Kỳ họp thứ 13 HĐND tỉnh khóa IX" in page
    assert '<a href="/van-ban/">Văn bản kỳ họp</a>' in page
    assert "Lịch tiếp công dân" in page
    footer = page[page.index('<footer class="site-footer">') :]
    for text in [
        "Hội đồng nhân dân tỉnh Bắc Kạn",
        "Nguyễn Văn Trách",
        "Số 1, đường Trường Chinh",
        "hdnd@backan.gov.vn",
        "Giấy phép số 01/GP-TTĐT",
        'href="https://backan.gov.vn"',
    ]:
        assert text in footer, text


def test_home_frame_is_accessible_and_csp_safe(client, home):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="vi"' in page
    assert '<a class="skip-link" href="#noi-dung">' in page
    assert '<main id="noi-dung"' in page
    assert '<nav class="main-nav" aria-label="Điều hướng chính">' in page
    assert 'data-text-size="larger"' in page and "data-contrast-toggle" in page
    assert '<link rel="alternate" type="application/rss+xml"' in page and 'href="/rss/"' in page
    assert "<style" not in page and "style=" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "inline script"
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", page), "inline event handler"


def test_banners_and_quick_links_to_hidden_pages_are_left_out(client, home, category):
    draft = ArticlePageFactory(parent=category, title="Bản nháp", live=False)
    visible = ArticlePageFactory(parent=category, title="Đã đăng")
    HomeBanner.objects.create(page=home, title="Banner ẩn QWE", link_page=draft)
    HomeBanner.objects.create(page=home, title="Banner ngoài", link_url="https://example.org/")
    HomeQuickLink.objects.create(page=home, title="Liên kết ẩn QWE", link_page=draft)
    HomeQuickLink.objects.create(page=home, title="Liên kết hiện", link_page=visible)
    page = client.get("/").content.decode()
    assert "QWE" not in page
    assert draft.slug not in page
    assert '<a class="banner__link" href="https://example.org/">' in page
    assert f'<a href="{visible.url}">Liên kết hiện</a>' in page


def test_each_section_opens_on_its_newest_story_with_a_picture(client, home, category):
    published(ArticlePageFactory(parent=category, title="Tin không ảnh mới nhất"), 1)
    published(
        ArticlePageFactory(
            parent=category, title="Tin có ảnh", featured_image=image(), featured_image_alt="a"
        ),
        2,
    )
    published(ArticlePageFactory(parent=category, title="Tin không ảnh cũ"), 3)
    page = client.get("/").content.decode()
    start = f'<section class="category-block" aria-labelledby="chuyen-muc-{category.pk}">'
    block = re.search(re.escape(start) + ".*?</section>", page, re.S).group(0)
    cards = re.findall(
        r'<article class="card([^"]*)">.*?<h3 class="card__title"><a[^>]*>([^<]+)', block, re.S
    )
    assert cards == [
        (" card--featured", "Tin có ảnh"),
        ("", "Tin không ảnh mới nhất"),
        ("", "Tin không ảnh cũ"),
    ]
    assert '<div class="front-grid front-grid--3">' in block  # the layout for three


def test_banner_pictures_repeat_no_title_and_the_strip_is_compact(client, home, category):
    HomeBanner.objects.create(
        page=home, title="Kỳ họp thứ 14", alt="Kỳ họp thứ 14", image=image(), link_page=category
    )
    HomeBanner.objects.create(
        page=home, title="Tiếp xúc cử tri", alt="Cử tri xã Đồng Xá phát biểu", image=image()
    )
    page = client.get("/").content.decode()
    strip = re.search(r'<div class="home-strip">.*?</section>', page, re.S).group(0)
    assert '<h2 id="su-kien-noi-bat" class="strip-title">Sự kiện nổi bật</h2>' in strip
    # The title is the link's text: a picture whose alt says the same is decorative.
    first, second = re.findall(r"<img [^>]*>", strip)
    assert 'alt=""' in first and 'width="160"' in first
    assert 'alt="Cử tri xã Đồng Xá phát biểu"' in second
    assert '<span class="banner__link">' in strip  # no link: a tile all the same


def test_menu_folds_without_javascript_and_text_size_buttons_name_what_they_show(
    client, home, news_index, category
):
    page = client.get("/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', page, re.S).group(0)
    assert '<details class="main-nav__fold" data-nav-fold>' in nav
    assert re.search(r'<summary class="main-nav__toggle">.*?Danh mục</summary>', nav)
    assert f'<a href="{category.url}">{category.title}</a>' in nav
    # WCAG 2.5.3 (label in name): the accessible name starts with the visible text.
    for action, visible, purpose in [
        ("smaller", "A-", "Giảm cỡ chữ"),
        ("reset", "A", "Cỡ chữ mặc định"),
        ("larger", "A+", "Tăng cỡ chữ"),
    ]:
        button = re.search(rf'<button [^>]*data-text-size="{action}"[^>]*>(.*?)</button>', page)
        assert "aria-label" not in button.group(0)
        assert button.group(1) == f'{visible}<span class="sr-only"> {purpose}</span>'
