"""The people section for its tests: home › Đại biểu › bodies and delegates."""

import datetime

import pytest

from portal.people.factories import BodyPageFactory, DelegatePageFactory, PeopleIndexPageFactory
from portal.people.models import BodyKind, MembershipRole

HOST = {"HTTP_HOST": "localhost"}


@pytest.fixture
def people_index(home):
    return PeopleIndexPageFactory(parent=home, title="Đại biểu", slug="dai-bieu")


@pytest.fixture
def standing(people_index):
    return BodyPageFactory(
        parent=people_index, title="Thường trực HĐND tỉnh", kind=BodyKind.STANDING
    )


@pytest.fixture
def committee(people_index):
    return BodyPageFactory(
        parent=people_index, title="Ban Pháp chế HĐND tỉnh", kind=BodyKind.COMMITTEE
    )


@pytest.fixture
def group(people_index):
    return BodyPageFactory(
        parent=people_index,
        title="Tổ đại biểu HĐND tỉnh huyện Ba Bể",
        kind=BodyKind.DELEGATE_GROUP,
    )


@pytest.fixture
def make_delegate(people_index, group):
    def make(title, *posts, **kwargs):
        posts = posts or ((group, MembershipRole.GROUP_MEMBER),)
        return DelegatePageFactory(parent=people_index, title=title, posts=list(posts), **kwargs)

    return make


@pytest.fixture
def chair(make_delegate, standing, committee, group):
    return make_delegate(
        "Đỗ Thị Hường",
        (standing, MembershipRole.CHAIR, datetime.date(2016, 6, 25)),
        (group, MembershipRole.GROUP_LEADER, datetime.date(2016, 6, 25)),
    )
