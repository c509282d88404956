"""The public news pages: what a reader sees on each page type."""

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from portal.core.factories import AuthorFactory
from portal.news.factories import ArticlePageFactory, GalleryPageFactory, NewsCategoryPageFactory
from portal.news.models import GalleryPhoto, RelatedItem

pytestmark = pytest.mark.django_db


def make_image(title="Ảnh"):
    return Image.objects.create(title=title, file=get_test_image_file())


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_news_index_lists_categories_with_latest_items(client, news_index, category):
    ArticlePageFactory(parent=category, title="Kỳ họp thứ mười hai")
    page = html(client.get("/tin-tuc/"))
    assert "Thường trực HĐND" in page
    assert "Kỳ họp thứ mười hai" in page
    assert 'href="/tin-tuc/thuong-truc-hdnd/"' in page


def test_category_lists_visible_articles_newest_first(client, category):
    older = ArticlePageFactory(parent=category, title="Tin cũ hơn")
    older.first_published_at = timezone.now() - timedelta(days=2)
    older.save(update_fields=["first_published_at"])
    ArticlePageFactory(parent=category, title="Tin mới nhất hôm nay")
    page = html(client.get(category.url))
    assert page.index("Tin mới nhất hôm nay") < page.index("Tin cũ hơn")
    assert '<link rel="alternate" type="application/rss+xml" title="Thường trực HĐND"' in page
    assert 'href="/rss/thuong-truc-hdnd/"' in page


def test_draft_and_private_articles_are_not_listed(client, category):
    ArticlePageFactory(parent=category, title="Tin công khai")
    ArticlePageFactory(parent=category, title="Bản nháp XYZ", live=False)
    private = ArticlePageFactory(parent=category, title="Tin có mật khẩu XYZ")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="mk"
    )
    for url in ["/", "/tin-tuc/", category.url]:
        page = html(client.get(url))
        assert "XYZ" not in page, url
    assert "Tin công khai" in html(client.get(category.url))


def test_category_pagination_bad_input_never_fails(client, category):
    for number in range(21):
        ArticlePageFactory(parent=category, title=f"Tin phân trang {number:02d}")
    first = html(client.get(category.url))
    assert first.count('<article class="card') == 20
    assert "Trang 1 / 2" in first
    assert html(client.get(category.url, {"page": "abc"})).count('<article class="card') == 20
    last = html(client.get(category.url, {"page": "99999"}))
    assert "Trang 2 / 2" in last
    assert last.count('<article class="card') == 1
    assert "Trang 2 / 2" in html(client.get(category.url, {"page": "-3"}))
    assert 'href="?page=2"' in first


def test_archive_category_shows_notice(client, news_index):
    archive = NewsCategoryPageFactory(parent=news_index, title="HĐND cấp huyện", is_archive=True)
    page = html(client.get(archive.url))
    assert "Chuyên mục lưu trữ" in page
    assert "01/07/2025" in page


def test_category_shows_its_galleries(client, category):
    gallery = GalleryPageFactory(parent=category, title="Ảnh kỳ họp thứ 9")
    GalleryPhoto.objects.create(page=gallery, image=make_image(), alt="Toàn cảnh hội trường")
    page = html(client.get(category.url))
    assert "Thư viện ảnh" in page
    assert "Ảnh kỳ họp thứ 9" in page


def test_article_page_shows_everything_a_reader_needs(client, news_index, category):
    image = make_image()
    first = AuthorFactory(name="Nguyễn Văn An", unit="Báo Bắc Kạn")
    second = AuthorFactory(name="Trần Thị Bình", unit="Báo Bắc Kạn")
    third = AuthorFactory(name="Hoàng Văn Cường", unit="")
    article = ArticlePageFactory(
        parent=category,
        title="Khai mạc kỳ họp thứ 13",
        lead="Sáng nay, HĐND tỉnh khai mạc kỳ họp.",
        featured_image=image,
        featured_image_alt="Quang cảnh phiên khai mạc",
        featured_image_caption="Phiên khai mạc kỳ họp",
        authors=[first, second, third],
        topics=["Kỳ họp thứ 13"],
        body=[
            ("paragraph", "<p>Đoạn mở đầu.</p>"),
            (
                "quote",
                {"text": "Vì dân phục vụ", "attribution": "Chủ tịch HĐND tỉnh"},
            ),
            (
                "image",
                {
                    "image": image,
                    "alt": "Đại biểu biểu quyết",
                    "caption": "Biểu quyết thông qua nghị quyết",
                    "photographer": "Lê Minh",
                },
            ),
            (
                "table",
                {
                    "data": [["Chỉ tiêu", "Kết quả"], ["Tán thành", "45"]],
                    "first_row_is_table_header": True,
                },
            ),
        ],
    )
    article.refresh_from_db()
    published = timezone.localtime(article.first_published_at)
    page = html(client.get(article.url))
    # Breadcrumbs: Trang chủ › Tin tức › category › title
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', page, re.S).group(0)
    assert [m for m in re.findall(r">([^<>]+)</(?:a|span)>", crumbs)] == [
        "Trang chủ",
        "Tin tức",
        "Thường trực HĐND",
        "Khai mạc kỳ họp thứ 13",
    ]
    assert '<h1 class="article__title">Khai mạc kỳ họp thứ 13</h1>' in page
    assert "Sáng nay, HĐND tỉnh khai mạc kỳ họp." in page
    assert 'alt="Quang cảnh phiên khai mạc"' in page
    assert "Phiên khai mạc kỳ họp" in page
    assert "Tin" in re.search(r'<p class="article__genre">(.*?)</p>', page).group(1)
    # Byline in order, one unit per run of authors from the same unit
    assert "Tác giả: Nguyễn Văn An, Trần Thị Bình (Báo Bắc Kạn), Hoàng Văn Cường" in page
    assert f"Cập nhật lúc {published:%H:%M} ngày {published:%d/%m/%Y}" in page
    # Body blocks
    assert "Đoạn mở đầu." in page
    assert "<blockquote><p>Vì dân phục vụ</p></blockquote>" in page
    assert "Ảnh: Lê Minh" in page
    assert 'alt="Đại biểu biểu quyết"' in page
    assert "<td" in page and "Tán thành" in page
    # Tags link to tag pages; print and share
    assert 'href="/tin-tuc/chu-de/ky-hop-thu-13/"' in page
    assert "In bài viết" in page
    full_url = article.get_full_url()
    assert full_url.endswith("/tin-tuc/thuong-truc-hdnd/khai-mac-ky-hop-thu-13/")
    assert f"https://www.facebook.com/sharer/sharer.php?u={quote(full_url, safe='')}" in page
    assert "mailto:?subject=" in page
    assert '<meta name="description" content="Sáng nay, HĐND tỉnh khai mạc kỳ họp.">' in page
    assert f'<link rel="canonical" href="{full_url}">' in page
    assert "<script>" not in page and "style=" not in page


def test_article_document_links_go_through_serve_view(client, category):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Tờ trình số 12", file=ContentFile(b"%PDF-1.4 test", name="to-trinh.pdf")
    )
    article = ArticlePageFactory(
        parent=category, body=[("document", {"document": document, "title": ""})]
    )
    page = html(client.get(article.url))
    assert document.url.startswith(f"/documents/{document.pk}/")
    assert f'href="{document.url}"' in page
    assert "Tờ trình số 12" in page
    assert "/media/" not in page


def test_related_items_are_visible_and_never_the_article_itself(client, category, other_category):
    article = ArticlePageFactory(parent=category, title="Bài chính", topics=["Giám sát"])
    chosen = ArticlePageFactory(parent=other_category, title="Liên quan được chọn")
    hidden = ArticlePageFactory(parent=other_category, title="Liên quan đã gỡ ABC")
    ArticlePageFactory(parent=other_category, title="Cùng chủ đề", topics=["Giám sát"])
    ArticlePageFactory(parent=other_category, title="Không liên quan")
    RelatedItem.objects.create(page=article, related_page=chosen, sort_order=0)
    RelatedItem.objects.create(page=article, related_page=hidden, sort_order=1)
    RelatedItem.objects.create(page=article, related_page=article, sort_order=2)
    hidden.unpublish()
    page = html(client.get(article.url))
    related = re.search(r'<aside class="related.*?</aside>', page, re.S).group(0)
    assert "Liên quan được chọn" in related
    assert "Cùng chủ đề" in related
    assert "ABC" not in related
    assert "Bài chính" not in related
    assert "Không liên quan" not in related
    assert related.index("Liên quan được chọn") < related.index("Cùng chủ đề")


def test_expired_article_is_gone_even_if_still_live(client, category):
    article = ArticlePageFactory(parent=category, title="Tin hết hạn")
    article.expire_at = timezone.now() - timedelta(minutes=1)
    article.save(update_fields=["expire_at"])
    assert article.live
    response = client.get(article.url)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    assert "Tin hết hạn" not in html(client.get(category.url))


def test_tag_page_lists_tagged_visible_articles(client, news_index, category):
    ArticlePageFactory(parent=category, title="Tiếp xúc cử tri Ba Bể", topics=["Tiếp xúc cử tri"])
    ArticlePageFactory(
        parent=category, title="Nháp tiếp xúc", topics=["Tiếp xúc cử tri"], live=False
    )
    ArticlePageFactory(parent=category, title="Tin khác")
    response = client.get("/tin-tuc/chu-de/tiep-xuc-cu-tri/")
    page = html(response)
    assert "Chủ đề: Tiếp xúc cử tri" in page
    assert "Tiếp xúc cử tri Ba Bể" in page
    assert (
        '<p class="card__kicker"><a href="/tin-tuc/thuong-truc-hdnd/">Thường trực HĐND</a>' in page
    )
    assert "Nháp tiếp xúc" not in page
    assert "Tin khác" not in page
    assert html(client.get("/tin-tuc/chu-de/tiep-xuc-cu-tri/", {"page": "x"}))


def test_unknown_tag_is_a_vietnamese_404(client, news_index):
    response = client.get("/tin-tuc/chu-de/khong-co-chu-de-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_gallery_page_shows_captioned_photos(client, category):
    gallery = GalleryPageFactory(parent=category, title="Hoạt động giám sát")
    GalleryPhoto.objects.create(
        page=gallery,
        image=make_image(),
        alt="Đoàn giám sát tại xã",
        caption="Đoàn giám sát làm việc",
        photographer="Phạm Hà",
        sort_order=0,
    )
    page = html(client.get(gallery.url))
    assert 'alt="Đoàn giám sát tại xã"' in page
    assert "Đoàn giám sát làm việc" in page
    assert "Ảnh: Phạm Hà" in page


def test_missing_page_is_a_vietnamese_404_in_the_site_frame(client, home):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="vi"' in page
    assert "Không tìm thấy trang (lỗi 404)" in page
    assert 'class="skip-link"' in page


def test_server_error_page_is_plain_vietnamese():
    from django.test import RequestFactory

    from portal.core.errors import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "lỗi 500" in response.content.decode()


def test_password_protected_article_asks_for_the_password_in_vietnamese(client, category):
    article = ArticlePageFactory(parent=category, title="Tin nội bộ", lead="Nội dung kín ABC.")
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    response = client.get(article.url)
    page = response.content.decode()
    assert "Trang được bảo vệ bằng mật khẩu" in page
    assert "Nội dung kín ABC." not in page
    assert 'name="password"' in page


def test_video_block_embeds_the_player_with_a_plain_link(client, category):
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    url = "https://www.youtube.com/watch?v=hdnd13"
    Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/hdnd13" width="480" height="270"'
        ' title="Phiên khai mạc"></iframe>',
        width=480,
        height=270,
    )
    article = ArticlePageFactory(
        parent=category,
        body=[("video", {"video": url, "caption": "Phiên khai mạc kỳ họp"})],
    )
    page = html(client.get(article.url))
    assert 'src="https://www.youtube-nocookie.com/embed/hdnd13"' in page
    assert "Phiên khai mạc kỳ họp" in page
    assert f'<a href="{url}" rel="noopener">Xem video tại trang gốc</a>' in page
    assert '<div class="responsive-object">' in page
    assert "style=" not in page  # the strict CSP would block it
