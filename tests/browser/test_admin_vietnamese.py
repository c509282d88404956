"""In a real browser the admin speaks Vietnamese on every screen an editor uses,
and the browser asks no other host for anything (docs/vietnamese-admin.md)."""

import re
from urllib.parse import urlsplit

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The commonest English words of Wagtail's admin, as whole words.
ENGLISH = re.compile(
    r"\b(Save|Publish|Draft|Pages|Images|Documents|Settings|Search|Delete|Edit|Add|"
    r"Cancel|Submit|Sort|Next|Root|Help|Reports)\b"
)


ROLES = ("Quản trị", "Thư ký", "Ban Biên tập", "Cộng tác viên")
PASSWORD = "Mat-khau-thu-nghiem-2026"


@pytest.fixture
def newsroom(role):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from portal.home.models import HomePage
    from portal.news.factories import (
        ArticlePageFactory,
        GenreFactory,
        NewsCategoryPageFactory,
        NewsIndexPageFactory,
    )

    user = get_user_model().objects.create_user("nguoi-dung", password=PASSWORD, first_name="An")
    user.groups.add(Group.objects.get(name=role))
    home = HomePage.objects.get()
    news = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    category = NewsCategoryPageFactory(parent=news, title="Hoạt động HĐND")
    if role == "Cộng tác viên":
        from portal.editorial.sections import grant_section

        grant_section(user, category)  # a contributor writes in the sections given
    GenreFactory(name="Tin", sort_order=1)
    article = ArticlePageFactory(
        parent=category, title="Kỳ họp thứ 13 HĐND tỉnh khai mạc", owner=user, live=False
    )
    for number in range(1, 4):
        Image.objects.create(title=f"Ảnh kỳ họp {number}", file=get_test_image_file())
    Document.objects.create(
        title="Nghị quyết số 12/NQ-HĐND",
        file=ContentFile(b"%PDF-1.4\n", name="nghi-quyet-12.pdf"),
    )
    return {"news": news, "category": category, "article": article}


def english_words(page) -> list[str]:
    """Each English word on screen, with the words around it (to find its string)."""
    text = " ".join(page.locator("body").inner_text().split())
    return sorted(
        {
            f"{match[0]} («{text[max(0, match.start() - 30) : match.end() + 30]}»)"
            for match in ENGLISH.finditer(text)
        }
    )


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_screen_is_vietnamese_and_nothing_leaves_the_portal(page, newsroom, role):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    found = {}

    def visit(name, path=None):
        if path is not None:
            page.goto(path)
            page.wait_for_load_state("networkidle")
        found[name] = english_words(page)

    visit("sign-in", "/admin/login/")
    page.fill("input[name=username]", "nguoi-dung")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    visit("dashboard", "/admin/")
    visit("explorer", f"/admin/pages/{newsroom['category'].pk}/")
    visit("explorer-root", "/admin/pages/")
    visit("page-search", "/admin/pages/search/?q=xyzzy")
    editor_url = f"/admin/pages/{newsroom['article'].pk}/edit/"
    visit("editor: content", editor_url)
    for tab in page.locator("[role=tab]").all():
        tab.click()
        visit(f"editor: {tab.inner_text().strip()}")
    page.locator("[data-w-dropdown-target=toggle], .dropdown-toggle").first.click()
    visit("publish menu")
    visit("images", "/admin/images/")
    visit("image chooser", "/admin/images/chooser/")
    visit("documents", "/admin/documents/")
    visit("document chooser", "/admin/documents/chooser/")
    visit("page chooser", "/admin/choose-page/")
    visit("workflows", "/admin/workflows/list/")
    visit("workflow tasks", "/admin/workflows/tasks/index/")
    visit("site history", "/admin/reports/site-history/")
    visit("aging pages", "/admin/reports/aging-pages/")
    visit("locked pages", "/admin/reports/locked/")
    visit("account", "/admin/account/")
    visit("editor guide", "/admin/huong-dan/")
    english = {name: words for name, words in found.items() if words}
    assert english == {}
    own_host = urlsplit(page.url).netloc
    outside = sorted(
        {
            url
            for url in requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).netloc != own_host
        }
    )
    assert outside == []
    assert len(requests) > 50
