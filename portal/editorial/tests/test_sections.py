"""Contributors write only in their sections and never see other people's drafts
(portal.editorial.sections), in the permissions and in every admin listing."""

import pytest
from django.urls import reverse

from portal.editorial.sections import grant_section, sections_of, sees_only_own_items
from portal.news.factories import ArticlePageFactory, NewsCategoryPageFactory

from .conftest import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(news_index, category, other_category):
    commune = NewsCategoryPageFactory(parent=news_index, title="HĐND cấp xã")
    voices = NewsCategoryPageFactory(parent=news_index, title="Tiếng nói người đại biểu nhân dân")
    writer = member("Cộng tác viên", "ctv.babe")
    delegate = member("Cộng tác viên", "daibieu.nari")
    grant_section(writer, commune)
    grant_section(delegate, commune)
    grant_section(delegate, voices)
    own = ArticlePageFactory(parent=commune, title="Tin của xã Ba Bể", owner=writer, live=False)
    theirs = ArticlePageFactory(
        parent=commune, title="Bản nháp của đại biểu", owner=delegate, live=False
    )
    published = ArticlePageFactory(parent=commune, title="Tin đã đăng của người khác")
    elsewhere = ArticlePageFactory(parent=category, title="Tin Thường trực")
    return {
        "commune": commune,
        "voices": voices,
        "writer": writer,
        "delegate": delegate,
        "own": own,
        "theirs": theirs,
        "published": published,
        "elsewhere": elsewhere,
        "category": category,
        "news_index": news_index,
    }


def test_the_role_alone_gives_no_section(category):
    newcomer = member("Cộng tác viên", "ctv.moi")
    assert not category.permissions_for_user(newcomer).can_add_subpage()
    assert sections_of(newcomer) == []


def test_a_contributor_writes_only_in_the_sections_given(newsroom):
    writer, delegate = newsroom["writer"], newsroom["delegate"]
    assert newsroom["commune"].permissions_for_user(writer).can_add_subpage()
    assert not newsroom["voices"].permissions_for_user(writer).can_add_subpage()
    assert not newsroom["category"].permissions_for_user(writer).can_add_subpage()
    assert newsroom["voices"].permissions_for_user(delegate).can_add_subpage()
    assert [page.title for page in sections_of(delegate)] == [
        "HĐND cấp xã",
        "Tiếng nói người đại biểu nhân dân",
    ]
    assert newsroom["own"].permissions_for_user(writer).can_edit()
    for name in ("theirs", "published", "elsewhere"):
        assert not newsroom[name].permissions_for_user(writer).can_edit(), name
    assert sees_only_own_items(writer)


def test_the_explorer_lists_only_the_contributors_own_items(client, newsroom):
    client.force_login(newsroom["writer"])
    html = client.get(reverse("wagtailadmin_explore", args=[newsroom["commune"].pk])).content
    html = html.decode()
    assert "Tin của xã Ba Bể" in html
    assert "Bản nháp của đại biểu" not in html
    assert "Tin đã đăng của người khác" not in html
    client.force_login(newsroom["delegate"])  # two sections: the news index lists both
    index = client.get(reverse("wagtailadmin_explore", args=[newsroom["news_index"].pk]))
    html = index.content.decode()
    assert "HĐND cấp xã" in html and "Tiếng nói người đại biểu nhân dân" in html
    assert "Thường trực HĐND" not in html


def test_the_admin_search_and_the_chooser_hide_other_peoples_items(client, newsroom):
    client.force_login(newsroom["writer"])
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "tin"}).content.decode()
    assert "Tin của xã Ba Bể" in search
    assert "Tin đã đăng của người khác" not in search
    assert "Tin Thường trực" not in search
    chooser = client.get(
        reverse("wagtailadmin_choose_page_child", args=[newsroom["commune"].pk])
    ).json()["html"]
    assert "Tin của xã Ba Bể" in chooser
    assert "Bản nháp của đại biểu" not in chooser


@pytest.mark.parametrize(
    "view",
    ["wagtailadmin_pages:edit", "wagtailadmin_pages:view_draft", "wagtailadmin_pages:history"],
)
def test_another_contributors_draft_is_refused_by_url(client, newsroom, view):
    client.force_login(newsroom["writer"])
    response = client.get(reverse(view, args=[newsroom["theirs"].pk]))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "Bản nháp của đại biểu" not in client.get(response.url).content.decode()


def test_a_contributor_cannot_create_outside_their_sections(client, newsroom):
    client.force_login(newsroom["writer"])
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", newsroom["category"].pk])
    response = client.get(url)
    assert response.status_code in (302, 403)


def test_the_secretariat_still_sees_every_item(client, newsroom):
    secretary = member("Thư ký", "thuky")
    assert not sees_only_own_items(secretary)
    client.force_login(secretary)
    html = client.get(reverse("wagtailadmin_explore", args=[newsroom["commune"].pk])).content
    assert "Bản nháp của đại biểu" in html.decode()
