"""Delegates and bodies are found by the site search, with or without diacritics, and
only while a visitor may see them."""

import pytest

from portal.people.models import MembershipRole

from .conftest import HOST

pytestmark = pytest.mark.django_db


def _search(client, query):
    return client.get("/search/", {"q": query}, **HOST).content.decode()


def test_a_delegate_is_found_by_name_and_post(client, chair, committee):
    assert chair.url in _search(client, "do thi huong")
    assert chair.url in _search(client, "Đỗ Thị Hường")
    assert committee.url in _search(client, "ban phap che")


def test_an_unpublished_delegate_leaves_the_search(client, make_delegate, committee):
    member = make_delegate("Ma Thị Bảy", (committee, MembershipRole.MEMBER))
    assert member.url in _search(client, "ma thi bay")
    member.unpublish()
    assert member.url not in _search(client, "ma thi bay")
