"""The people subject registers what it brings: its section in the menu, its pages in the
search; the base names none of it."""

import pytest

from portal.core import registry
from portal.people.models import BodyPage, DelegatePage, Membership, PeopleIndexPage

from .conftest import HOST

pytestmark = pytest.mark.django_db


def test_the_subject_is_registered():
    assert registry.searchable_for(DelegatePage) is not None
    assert registry.searchable_for(BodyPage) is not None
    assert PeopleIndexPage in [section.page_type for section in registry.menu_sections()]
    assert registry.account_for(Membership) == "part of people.DelegatePage"


def test_the_section_and_its_bodies_are_in_the_main_menu(client, people_index, committee):
    html = client.get("/", **HOST).content.decode()
    assert people_index.url in html
    assert committee.url in html
