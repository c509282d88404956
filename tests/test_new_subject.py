"""A new subject joins the house from its own app (``tests/subject_app``): its pages
are found by search, listed in the menu, invalidate cached pages and obey the
visibility rule, while core, search and home know nothing of it."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal.core import registry
from portal.core.signals import snippets_invalidating
from tests.subject_app.factories import NoticeIndexPageFactory, NoticePageFactory
from tests.subject_app.models import NoticeKind, NoticeVisit

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "localhost"}


@pytest.fixture
def notices(home):
    index = NoticeIndexPageFactory(parent=home, title="Thông báo", show_in_menus=False)
    kind = NoticeKind.objects.create(name="Lịch tiếp công dân")
    public = NoticePageFactory(
        parent=index, title="Thông báo tiếp công dân tháng 12", kind=kind, body="Đại biểu tiếp dân."
    )
    return {"index": index, "kind": kind, "public": public}


def search(client, q):
    response = client.get("/search/", {"q": q}, **HOST)
    assert response.status_code == 200
    return response.content.decode()


def test_its_pages_are_searchable_without_diacritics(client, notices):
    html = search(client, "thong bao tiep cong dan")
    assert notices["public"].url in html
    # its own text and its kind's name are indexed too
    assert notices["public"].url in search(client, "dai bieu tiep dan")
    assert notices["public"].url in search(client, "lich tiep cong dan")


def test_its_section_is_a_search_filter(client, notices):
    html = search(client, "thong bao")
    assert f'<option value="{notices["index"].pk}">Thông báo</option>' in html
    filtered = client.get(
        "/search/", {"q": "thong bao", "category": notices["index"].pk}, **HOST
    ).content.decode()
    assert notices["public"].url in filtered


def test_its_section_and_items_are_in_the_menu(client, notices):
    html = client.get("/", **HOST).content.decode()
    nav = html[html.index('<nav class="main-nav"') : html.index("</nav>")]
    assert f'href="{notices["index"].url}"' in nav
    assert 'aria-label="Danh sách thông báo"' in nav
    assert f'href="{notices["public"].url}"' in nav


def test_its_models_invalidate_cached_pages_and_its_counter_does_not(client, notices):
    url = notices["public"].url
    client.get(url, **HOST)
    assert client.get(url, **HOST)["X-Cache"] == "HIT"
    NoticeVisit.objects.create(page=notices["public"], count=1)
    assert client.get(url, **HOST)["X-Cache"] == "HIT"
    notices["kind"].name = "Lịch tiếp công dân định kỳ"
    notices["kind"].save()
    assert client.get(url, **HOST)["X-Cache"] == "MISS"


@pytest.mark.parametrize("kind", ["draft", "expired", "restricted", "scheduled"])
def test_its_hidden_pages_are_nowhere(client, notices, kind):
    title = f"Thông báo ẩn {kind}"
    page = NoticePageFactory(parent=notices["index"], title=title, live=kind != "draft")
    if kind == "expired":
        type(page).objects.filter(pk=page.pk).update(
            expire_at=timezone.now() - timedelta(seconds=1)
        )
    elif kind == "restricted":
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    elif kind == "scheduled":
        page.unpublish()
        page.go_live_at = timezone.now() + timedelta(days=1)
        page.save_revision().publish()
    surfaces = {
        "search": search(client, "thong bao an"),
        "menu": client.get("/", **HOST).content.decode(),
        "sitemap": client.get("/sitemap-pages.xml", **HOST).content.decode(),
    }
    for name, html in surfaces.items():
        assert title not in html and f"/{page.slug}/" not in html, name
    # the positive control: the public notice is on each of them
    for name in ("menu", "sitemap"):
        assert notices["public"].slug in surfaces[name], name
    assert notices["public"].url in search(client, "thong bao tiep cong dan")
    assert client.get(f"{notices['index'].url}{page.slug}/", **HOST).status_code in (302, 404)


def test_the_base_does_not_name_the_subject():
    root = Path(__file__).resolve().parent.parent / "portal"
    for package in ("core", "search", "home"):
        for path in (root / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "subject_app" not in text and "Notice" not in text, path


def test_its_records_are_searchable_while_public(client, notices):
    from tests.subject_app.models import NoticeOffice

    office = NoticeOffice.objects.create(
        name="Trụ sở tiếp công dân tỉnh", address="Đường Trường Chinh"
    )
    url = f"/thong-bao/noi-nhan-don/#{office.pk}"
    assert url in search(client, "tru so tiep cong dan")
    assert url in search(client, "duong truong chinh")
    office.is_public = False
    office.save()
    assert url not in search(client, "tru so tiep cong dan")
    office.is_public = True
    office.save()
    assert url in search(client, "tru so tiep cong dan")
    office.delete()
    assert url not in search(client, "tru so tiep cong dan")
    assert notices["public"].url in search(client, "tiep cong dan")


def test_its_snippet_is_accounted_for_without_being_listed():
    from wagtail.snippets.models import get_snippet_models

    assert NoticeKind in get_snippet_models()
    assert NoticeKind not in registry.cache_models()
    assert registry.account_for(NoticeKind) == "snippet"


def test_an_exempt_snippet_does_not_change_cached_pages():
    assert NoticeKind in snippets_invalidating()
    subject = registry.Subject(label="test-exempt", exempt={NoticeKind: "shown nowhere"})
    try:
        registry.register_subject(subject)
        assert NoticeKind not in snippets_invalidating()
        assert registry.account_for(NoticeKind) == "exempt snippet: shown nowhere"
    finally:
        registry.unregister_subject("test-exempt")
    assert NoticeKind in snippets_invalidating()
