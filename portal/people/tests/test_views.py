"""The public pages of the people section: the directory, a body's page and a delegate's
page show only what a visitor may see, take bad parameters calmly and make as many
queries for 5N delegates as for N."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from portal.people.factories import DelegatePageFactory
from portal.people.models import MembershipRole

from .conftest import HOST

pytestmark = pytest.mark.django_db


def _get(client, url, **params):
    return client.get(url, params, **HOST)


def test_the_directory_groups_delegates_by_delegate_group(
    client, people_index, chair, make_delegate, group
):
    make_delegate("Hoàng Văn Bốn")
    response = _get(client, people_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tổ đại biểu HĐND tỉnh huyện Ba Bể" in html
    assert "Đỗ Thị Hường" in html and "Hoàng Văn Bốn" in html
    # A delegate is listed under the title of their highest post.
    assert "Chủ tịch HĐND tỉnh" in html
    assert "2 đại biểu" in html


def test_names_match_with_or_without_diacritics(client, people_index, chair, make_delegate):
    make_delegate("Hoàng Văn Bốn")
    for query in ("do thi huong", "Đỗ Thị", "HUONG"):
        html = _get(client, people_index.url, q=query).content.decode()
        assert "Đỗ Thị Hường" in html, query
        assert "Hoàng Văn Bốn" not in html, query
    html = _get(client, people_index.url, q="không ai tên này").content.decode()
    assert "Không tìm thấy đại biểu nào" in html


def test_a_bad_group_is_said_and_ignored(client, people_index, chair):
    for value in ("abc", "99999", "1 OR 1=1"):
        response = _get(client, people_index.url, to=value)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Không có tổ đại biểu đã chọn" in html
        assert "Đỗ Thị Hường" in html


def test_the_group_filter_keeps_one_group(client, people_index, chair, make_delegate, group):
    from portal.people.factories import BodyPageFactory
    from portal.people.models import BodyKind

    other = BodyPageFactory(
        parent=people_index, title="Tổ đại biểu HĐND tỉnh huyện Na Rì", kind=BodyKind.DELEGATE_GROUP
    )
    make_delegate("Nông Văn Năm", (other, MembershipRole.GROUP_MEMBER))
    html = _get(client, people_index.url, to=str(other.pk)).content.decode()
    assert "Nông Văn Năm" in html
    assert "Đỗ Thị Hường" not in html


def test_hidden_delegates_are_nowhere(client, people_index, chair, make_delegate, group):
    draft = DelegatePageFactory(
        parent=people_index,
        title="Bế Văn Nháp",
        live=False,
        posts=[(group, MembershipRole.GROUP_MEMBER)],
    )
    private = make_delegate("Triệu Thị Kín")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for url in (people_index.url, group.url):
        html = _get(client, url).content.decode()
        assert "Bế Văn Nháp" not in html
        assert "Triệu Thị Kín" not in html
    assert _get(client, f"{people_index.url}be-van-nhap/").status_code == 404
    assert _get(client, private.url).status_code in (302, 403)
    assert draft.live is False


def test_a_body_lists_current_members_by_role_and_former_ones(client, people_index, standing):
    head = DelegatePageFactory(
        parent=people_index, title="Hà Văn Một", posts=[(standing, MembershipRole.VICE_CHAIR)]
    )
    chair = DelegatePageFactory(
        parent=people_index,
        title="Lục Văn Hai",
        posts=[(standing, MembershipRole.CHAIR, datetime.date(2019, 7, 11))],
    )
    DelegatePageFactory(
        parent=people_index,
        title="Phùng Văn Ba",
        posts=[
            (standing, MembershipRole.CHAIR, datetime.date(2016, 6, 25), datetime.date(2019, 7, 10))
        ],
    )
    html = _get(client, standing.url).content.decode()
    current, former = html.split("Thành viên trước đây")
    assert current.index("Lục Văn Hai") < current.index("Hà Văn Một")  # chair before vice
    assert "Phùng Văn Ba" not in current
    assert "Phùng Văn Ba" in former and "đến 10/07/2019" in former
    assert head.live and chair.live


def test_a_delegate_page_shows_posts_terms_and_contact(client, chair, committee):
    chair.contact_email = "do.thi.huong@hdnd.backan.example"
    chair.position = "Chủ tịch HĐND tỉnh (chuyên trách)"
    chair.save_revision().publish()
    html = _get(client, chair.url).content.decode()
    assert '<h1 class="page-title">Đại biểu Đỗ Thị Hường</h1>' in html
    assert "Chủ tịch HĐND tỉnh" in html and "từ 25/06/2016" in html
    assert "Tổ trưởng Tổ đại biểu HĐND tỉnh huyện Ba Bể" in html
    assert "mailto:do.thi.huong@hdnd.backan.example" in html


def test_posts_in_hidden_bodies_are_not_shown(client, chair, committee, make_delegate):
    member = make_delegate("Mã Văn Sáu", (committee, MembershipRole.MEMBER))
    committee.unpublish()
    html = _get(client, member.url).content.decode()
    assert "Ban Pháp chế" not in html


def _directory_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["index", "body"])
def test_query_counts_do_not_grow_with_delegates(client, settings, people_index, group, page):
    settings.PAGE_CACHE_SECONDS = 0
    url = people_index.url if page == "index" else group.url

    def add(count, start):
        for n in range(start, start + count):
            DelegatePageFactory(
                parent=people_index,
                title=f"Đại biểu số {n}",
                posts=[(group, MembershipRole.GROUP_MEMBER)],
            )

    add(3, 0)
    _get(client, url)  # warm the caches a first visit fills
    few = _directory_queries(client, url)
    add(12, 3)
    _get(client, url)
    many = _directory_queries(client, url)
    assert many == few


def test_a_delegates_own_items_link_both_ways(client, chair, news_index):
    from portal.news.factories import ArticlePageFactory, NewsCategoryPageFactory

    voice = NewsCategoryPageFactory(parent=news_index, title="Tiếng nói người đại biểu nhân dân")
    item = ArticlePageFactory(
        parent=voice, title="Đại biểu Đỗ Thị Hường: Bàn thêm về học phí", delegate=chair
    )
    draft = ArticlePageFactory(
        parent=voice, title="Bài nháp của đại biểu", delegate=chair, live=False
    )
    html = _get(client, chair.url).content.decode()
    assert "Tiếng nói người đại biểu" in html
    assert item.url in html
    assert draft.title not in html
    article = _get(client, item.url).content.decode()
    assert f'href="{chair.url}"' in article
    chair.unpublish()
    article = _get(client, item.url).content.decode()
    assert f'href="{chair.url}"' not in article
