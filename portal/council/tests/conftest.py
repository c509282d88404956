"""The council's page tree for its tests: home › Kỳ họp › Khóa IX › a session."""

import datetime

import pytest

from portal.council.factories import (
    CouncilIndexPageFactory,
    SessionDocumentFactory,
    SessionPageFactory,
    TermPageFactory,
)

HOST = {"HTTP_HOST": "localhost"}


@pytest.fixture
def council_index(home):
    return CouncilIndexPageFactory(parent=home, title="Kỳ họp", slug="ky-hop")


@pytest.fixture
def term(council_index):
    return TermPageFactory(parent=council_index)


@pytest.fixture
def session(term):
    return SessionPageFactory(
        parent=term,
        number=14,
        title="Kỳ họp thứ 14",
        opening_date=datetime.date(2019, 12, 9),
        closing_date=datetime.date(2019, 12, 11),
        agenda=["Nghị quyết về dự toán ngân sách năm 2020", "Nghị quyết về giá đất"],
    )


@pytest.fixture
def make_document(session):
    def make(**kwargs):
        kwargs.setdefault("session", session)
        return SessionDocumentFactory(**kwargs)

    return make


@pytest.fixture
def make_resolution(session):
    """A published resolution adopted at ``session`` (pass ``session=None`` for none),
    numbered by the register; ``files=[]`` for no file."""
    from portal.council.factories import ResolutionFactory

    def make(**kwargs):
        kwargs.setdefault("session", session)
        kwargs.setdefault("files", [])
        return ResolutionFactory(**kwargs)

    return make
