"""End to end, in a real browser: an editor publishes, a reader finds it.

Also runs axe-core over the main public page types (no serious or critical
violation allowed) and checks that no page breaks the Content-Security-Policy.
"""

import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image, ImageDraw

from .conftest import admin_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ARTICLE_TITLE = "Đại biểu HĐND tiếp xúc cử tri xã Đồng Xá"
ARTICLE_SLUG = "dai-bieu-hdnd-tiep-xuc-cu-tri-xa-dong-xa"
BLOCKING_IMPACTS = {"serious", "critical"}

# Records CSP violations the page reports (an init script runs outside the CSP).
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def make_photo(path, text="HĐND"):
    """A real JPEG, as a camera would give (not a one-pixel stub)."""
    image = Image.new("RGB", (1200, 800), (24, 84, 150))
    draw = ImageDraw.Draw(image)
    for step in range(0, 1200, 60):
        draw.line([(step, 0), (1200 - step, 800)], fill=(200, 160, 40), width=4)
    draw.rectangle([(420, 330), (780, 470)], fill=(250, 250, 250))
    draw.text((450, 380), text, fill=(180, 20, 20))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def news_tree(editor):
    from portal.home.models import HomePage
    from portal.news.factories import GenreFactory, NewsCategoryPageFactory, NewsIndexPageFactory

    home = HomePage.objects.get()
    news_index = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    category = NewsCategoryPageFactory(parent=news_index, title="Thường trực HĐND")
    GenreFactory(name="Tin", sort_order=1)
    GenreFactory(name="Bài", sort_order=2)
    return {"home": home, "news_index": news_index, "category": category}


def watch_csp(page):
    """Collect CSP violations from the console and the DOM event."""
    console_errors = []
    page.add_init_script(CSP_LISTENER)
    page.on(
        "console",
        lambda message: (
            console_errors.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return console_errors


def csp_violations(page, console_errors):
    reported = page.evaluate("window.__cspViolations || []")
    return console_errors + reported


def choose_in_modal(page, section_selector, choice_text):
    page.click(f"{section_selector} button.chooser__choose-button")
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    modal.locator("a[data-chooser-modal-choice]", has_text=choice_text).first.click()
    modal.wait_for(state="detached")


def upload_featured_image(page, photo_path):
    """Upload through the image chooser's "upload" tab; Wagtail then selects it."""
    page.click("[id^=panel-child-][id$=-anh_u0111ai_dien-section] button.chooser__choose-button")
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    modal.locator("#tab-label-upload").click()
    modal.locator("#id_image-chooser-upload-file").set_input_files(str(photo_path))
    modal.locator("#id_image-chooser-upload-title").fill("Cử tri xã Đồng Xá")
    modal.locator("form button[type=submit]").click()
    modal.wait_for(state="detached")


def test_editor_publishes_article_with_image_and_reader_finds_it(
    page, live_server, news_tree, tmp_path, browser_urls
):
    from portal.news.models import ArticlePage

    category = news_tree["category"]
    admin_login(page)

    page.goto(f"/admin/pages/add/news/articlepage/{category.pk}/")
    page.fill("#id_title", ARTICLE_TITLE)
    page.fill(
        "#id_lead",
        "Sáng 10/01/2020, Tổ đại biểu HĐND tỉnh tiếp xúc cử tri xã Đồng Xá, huyện Na Rì.",
    )
    choose_in_modal(page, "[id^=panel-child-][id$=-genre-section]", "Bài")
    upload_featured_image(page, make_photo(tmp_path / "tiep-xuc-cu-tri.jpg"))
    page.fill("#id_featured_image_alt", "Đại biểu trao đổi với cử tri tại nhà văn hóa xã")
    page.fill("#id_featured_image_caption", "Quang cảnh buổi tiếp xúc cử tri.")

    # Publish: the "Xuất bản" action sits in the footer's dropdown.
    page.locator("footer .w-dropdown__toggle, .footer__container .dropdown-toggle").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{category.pk}/"))

    article = ArticlePage.objects.get(title=ARTICLE_TITLE)
    assert article.live, "the article was not published"
    assert article.slug == ARTICLE_SLUG
    assert article.featured_image is not None
    assert article.featured_image.file.name, "the uploaded image has no file"

    # A reader (no session) finds it under its transliterated slug...
    reader = page.context.browser.new_context(base_url=live_server.url)
    public = reader.new_page()
    console_errors = watch_csp(public)
    try:
        response = public.goto(f"/tin-tuc/{category.slug}/{ARTICLE_SLUG}/")
        assert response.status == 200
        assert public.locator("h1").first.inner_text().strip() == ARTICLE_TITLE
        image = public.locator("main img").first
        assert image.get_attribute("alt") == "Đại biểu trao đổi với cử tri tại nhà văn hóa xã"
        assert public.evaluate(
            "img => img.complete && img.naturalWidth > 0", image.element_handle()
        )

        # ...and in search, typed without diacritics.
        response = public.goto("/search/?q=dai bieu tiep xuc")
        assert response.status == 200
        link = public.locator(f"main a[href$='/{ARTICLE_SLUG}/']")
        assert link.count() >= 1, "search without diacritics did not find the new article"
        assert csp_violations(public, console_errors) == []
    finally:
        reader.close()


@pytest.fixture
def public_pages(news_tree):
    """One page of each main type, with images, authors and a tag."""
    import wagtail_factories

    from portal.news.factories import ArticlePageFactory, GalleryPageFactory
    from portal.news.models import GalleryPhoto

    category = news_tree["category"]
    photo = wagtail_factories.ImageFactory(title="Kỳ họp thứ 13")
    article = ArticlePageFactory(
        parent=category,
        title="Kỳ họp thứ 13 HĐND tỉnh Bắc Kạn khóa IX",
        featured_image=photo,
        featured_image_alt="Toàn cảnh phiên khai mạc kỳ họp",
        featured_image_caption="Phiên khai mạc.",
        topics=["Kỳ họp"],
    )
    ArticlePageFactory(parent=category, title="Giám sát chuyên đề về giáo dục", topics=["Kỳ họp"])
    gallery = GalleryPageFactory(parent=category, title="Ảnh kỳ họp thứ 13")
    for order in range(3):
        GalleryPhoto.objects.create(
            page=gallery,
            image=wagtail_factories.ImageFactory(title=f"Ảnh {order}"),
            alt=f"Đại biểu biểu quyết, ảnh {order + 1}",
            caption="Biểu quyết thông qua nghị quyết.",
            photographer="Minh Anh",
            sort_order=order,
        )
    return {
        "trang chủ": "/",
        "chuyên mục": category.url,
        "tin bài": article.url,
        "chủ đề": "/tin-tuc/chu-de/ky-hop/",
        "tìm kiếm": "/search/?q=ky hop",
        "thư viện ảnh": gallery.url,
    }


def test_main_page_types_pass_axe_and_csp(page, public_pages, browser_urls):
    console_errors = watch_csp(page)
    axe = Axe()
    problems = []
    for label, url in public_pages.items():
        response = page.goto(url)
        if response is None or response.status != 200:
            problems.append(f"{label} {url}: HTTP {response.status if response else 'none'}")
            continue
        policy = response.headers.get("content-security-policy", "")
        if "script-src 'self'" not in policy or "unsafe-inline" in policy:
            problems.append(f"{label} {url}: strict Content-Security-Policy missing ({policy!r})")
        page.wait_for_load_state("load")
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in BLOCKING_IMPACTS:
                targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
                problems.append(
                    f"{label} {url}: axe {violation['impact']} {violation['id']} "
                    f"({violation['help']}) at {targets}"
                )
        for violation in csp_violations(page, console_errors):
            problems.append(f"{label} {url}: CSP violation {violation}")
        console_errors.clear()
    assert not problems, "\n".join(problems)
