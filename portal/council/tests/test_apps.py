"""What the council registers: every model accounted for, searchable sessions and
documents, its menu section and search group, and cached pages that follow its records."""

import pytest

from portal.core import registry
from portal.council.models import (
    AgendaItem,
    CouncilIndexPage,
    CouncilSettings,
    LeadTimeRule,
    SessionDocument,
    SessionDocumentFile,
    SessionPage,
    TermPage,
)

from .conftest import HOST


def test_every_council_model_is_accounted_for():
    assert registry.account_for(SessionPage) == "page"
    assert registry.account_for(AgendaItem) == "part of council.SessionPage"
    assert registry.account_for(SessionDocument) == "searchable"
    assert registry.account_for(SessionDocumentFile) == "cache model"
    assert registry.account_for(CouncilSettings) == "setting"
    assert registry.account_for(LeadTimeRule) == "part of council.CouncilSettings"
    assert registry.searchable_for(SessionPage).model is SessionPage
    assert registry.searchable_for(SessionDocument).url is not None
    assert CouncilIndexPage in registry.search_group_types()
    sections = {section.page_type: section for section in registry.menu_sections()}
    assert sections[CouncilIndexPage].item_type is TermPage


@pytest.mark.django_db
def test_a_new_document_makes_the_cached_session_page_stale(client, session, make_document):
    client.get(session.url, **HOST)
    assert client.get(session.url, **HOST)["X-Cache"] == "HIT"
    make_document(abstract="Về việc tài liệu mới đăng")
    response = client.get(session.url, **HOST)
    assert response["X-Cache"] == "MISS"
    assert "Về việc tài liệu mới đăng" in response.content.decode()
