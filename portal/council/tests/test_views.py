"""The public pages of the council: sessions by term, a session's agenda and documents,
a document's page with its versions and preview, the ZIP; and that a hidden session or
document is reachable by no URL."""

import datetime
import io
import zipfile
from datetime import timedelta

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal.council import services
from portal.council.factories import SessionDocumentFactory, SessionPageFactory
from portal.council.files import pdf_bytes
from portal.council.models import DocumentType

from .conftest import HOST

pytestmark = pytest.mark.django_db


def get(client, url, **extra):
    return client.get(url, **HOST, **extra)


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def csp(response) -> dict:
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {words[0]: words[1:] for words in directives if words}


def urls(session, document):
    item = document.files.order_by("version").first()
    base = f"{session.url}tai-lieu/{document.pk}/"
    return {
        "document": base,
        "file": f"{base}tep/{item.pk}/",
        "archived": f"{base}tep/{item.pk}/ban-luu/",
        "preview": f"{base}tep/{item.pk}/xem/",
        "zip": f"{session.url}tai-tat-ca/",
        "wagtail": item.file.url,
    }


def test_sessions_by_term(client, council_index, term, session):
    later = SessionPageFactory(
        parent=term,
        number=15,
        session_type="bat-thuong",
        opening_date=datetime.date(2020, 4, 14),
        closing_date=datetime.date(2020, 4, 14),
    )
    page = html(get(client, term.url))
    assert page.index("Kỳ họp thứ 14") < page.index("Kỳ họp thứ 15")
    assert "09/12/2019</time> – <time" in page and "11/12/2019" in page
    assert "14/04/2020" in page and "Bất thường" in page and "Đã bế mạc" in page
    index = html(get(client, council_index.url))
    assert "HĐND tỉnh Khóa IX, nhiệm kỳ 2016 - 2021" in index
    assert f'href="{later.url}"' in index and f'href="{session.url}"' in index


def test_the_session_page_shows_agenda_documents_by_type_and_timeliness(
    client, session, make_document
):
    item = session.agenda_items.first()
    submission = make_document(
        number="123/TTr-UBND",
        abstract="Về dự toán ngân sách năm 2020",
        agenda_item=item,
        issue_date=datetime.date(2019, 11, 20),
    )
    make_document(
        document_type=DocumentType.REVIEW_REPORT,
        issuing_body="Ban Kinh tế - Ngân sách HĐND tỉnh",
        number="20/BC-KTNS",
        abstract="Thẩm tra dự toán ngân sách",
        posted_at=timezone.make_aware(datetime.datetime(2019, 12, 5, 14, 5)),
    )
    page = html(get(client, session.url))
    assert "Chương trình kỳ họp" in page and "Nghị quyết về dự toán ngân sách năm 2020" in page
    assert page.index("Tờ trình") < page.index("Báo cáo thẩm tra")
    assert f'href="{session.url}tai-lieu/{submission.pk}/"' in page
    assert 'ban hành ngày <time datetime="2019-11-20">20/11/2019</time>' in page
    assert "14:05 ngày 05/12/2019" in page
    assert "1/2 tài liệu đăng muộn so với thời hạn quy định." in page
    assert "Tải tất cả (ZIP, 2 tệp)" in page
    assert "Ngày khai mạc" not in page or "09/12/2019" in page


def test_the_document_page_shows_metadata_versions_and_a_preview(client, session, make_document):
    document = make_document(
        number="123/TTr-UBND",
        abstract="Về việc quy định mức thu học phí",
        issue_date=datetime.date(2019, 11, 20),
        effective_date=datetime.date(2020, 1, 1),
    )
    response = get(client, urls(session, document)["document"])
    page = html(response)
    assert "Tờ trình số 123/TTr-UBND về việc quy định mức thu học phí" in page
    assert "20/11/2019" in page and "01/01/2020" in page and "UBND tỉnh" in page
    preview = urls(session, document)["preview"]
    assert f'<iframe class="council-preview" src="{preview}"' in page
    assert "'self'" in csp(response)["frame-src"]
    framed = get(client, preview)
    assert framed.status_code == 200 and framed["Content-Type"] == "application/pdf"
    assert framed["X-Frame-Options"] == "SAMEORIGIN"
    assert csp(framed)["frame-ancestors"] == ["'self'"]
    assert framed["Content-Disposition"].startswith("inline")
    # Every other page keeps the rule: framed by nobody, framing no page of the portal.
    other = get(client, session.url)
    assert other["X-Frame-Options"] == "DENY"
    assert csp(other)["frame-ancestors"] == ["'none'"]
    assert "'self'" not in csp(other)["frame-src"]


def test_a_replaced_file_keeps_its_link_which_says_so(client, session, make_document):
    document = make_document()
    old = urls(session, document)
    stored = services.store_document(pdf_bytes("TỜ TRÌNH", ["Bản sửa đổi"]), "sua.pdf", "Sửa")
    current = services.session_document_add_file(
        document, stored, name="Toàn văn", note="Sửa số liệu"
    )
    page = html(get(client, old["file"]))
    assert '<h1 class="page-title">Văn bản này đã được thay thế</h1>' in page
    current_url = f"{session.url}tai-lieu/{document.pk}/tep/{current.pk}/"
    assert f'href="{current_url}"' in page and "Sửa số liệu" in page
    assert f'href="{old["archived"]}"' in page
    download = get(client, current_url)
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == stored.file.open("rb").read()
    archived = get(client, old["archived"])
    assert archived.status_code == 200 and archived["Content-Disposition"].startswith("attachment")
    document_page = html(get(client, old["document"]))
    assert "Các phiên bản trước (1)" in document_page and "phiên bản 2" in document_page


def test_the_zip_streams_exactly_the_visible_files(client, session, make_document, term):
    first = make_document(number="123/TTr-UBND", abstract="Về việc học phí")
    stored = services.store_document(pdf_bytes("TỜ TRÌNH", ["Bản sửa"]), "sua.pdf", "Bản sửa")
    services.session_document_add_file(first, stored, name="Toàn văn")
    second = make_document(
        document_type=DocumentType.REVIEW_REPORT, number="20/BC-KTNS", abstract="Thẩm tra"
    )
    make_document(published=False, abstract="Chưa công khai")
    other_session = SessionPageFactory(parent=term, number=15)
    SessionDocumentFactory(session=other_session)
    response = get(client, f"{session.url}tai-tat-ca/")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/zip"
    assert 'filename="ky-hop-thu-14-khoa-ix-2016-2021.zip"' in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(body)
    archive = zipfile.ZipFile(io.BytesIO(body))
    expected = {
        "to-trinh/123-ttr-ubnd-ve-viec-hoc-phi.pdf": stored.file.open("rb").read(),
        "bao-cao-tham-tra/20-bc-ktns-tham-tra.pdf": second.files.get().file.file.open("rb").read(),
    }
    assert {name: archive.read(name) for name in archive.namelist()} == expected


def test_a_zip_of_no_documents_says_so(client, session):
    response = get(client, f"{session.url}tai-tat-ca/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Kỳ họp này chưa có tài liệu công khai để tải về." in page
    assert f'href="{session.url}"' in page


HIDDEN = ["draft", "login", "password", "expired", "term-restricted", "unpublished-document"]


@pytest.mark.parametrize("kind", HIDDEN)
def test_a_hidden_session_or_document_is_reachable_by_no_url(client, term, kind):
    session = SessionPageFactory(parent=term, number=20, title="Kỳ họp thứ 20")
    document = SessionDocumentFactory(session=session, published=kind != "unpublished-document")
    addresses = urls(session, document)
    public = SessionPageFactory(parent=term, number=21, title="Kỳ họp thứ 21")
    shown = SessionDocumentFactory(session=public)
    if kind == "draft":
        session.unpublish()
    elif kind in ("login", "password"):
        PageViewRestriction.objects.create(
            page=session, restriction_type=kind, password="mat-khau" if kind == "password" else ""
        )
    elif kind == "expired":
        type(session).objects.filter(pk=session.pk).update(
            expire_at=timezone.now() - timedelta(seconds=1)
        )
    elif kind == "term-restricted":
        PageViewRestriction.objects.create(page=term, restriction_type="login")
    for name, url in addresses.items():
        response = get(client, url)
        if kind == "unpublished-document" and name == "zip":
            continue  # the session is public; its ZIP leaves the document out (below)
        assert response.status_code in (302, 401, 404) or (
            kind == "password" and b"password" in response.content.lower()
        ), (name, response.status_code)
        if hasattr(response, "streaming_content"):
            pytest.fail(f"{name} streamed a file")
        assert b"%PDF" not in response.content, name
    if kind == "unpublished-document":
        assert get(client, addresses["zip"]).status_code == 404  # nothing else to zip
    # the positive control: the public session's document is reachable by every URL
    if kind != "term-restricted":
        for name, url in urls(public, shown).items():
            assert get(client, url).status_code == 200, name


def test_search_finds_sessions_and_documents_while_visible(client, session, make_document):
    document = make_document(number="45/TTr-UBND", abstract="Về việc hỗ trợ giống cây trồng")
    found = html(get(client, "/search/", data={"q": "ho tro giong cay trong"}))
    assert f"{session.url}tai-lieu/{document.pk}/" in found
    assert session.url in html(get(client, "/search/", data={"q": "du toan ngan sach"}))
    PageViewRestriction.objects.create(page=session, restriction_type="login")
    hidden = html(get(client, "/search/", data={"q": "ho tro giong cay trong"}))
    assert f"tai-lieu/{document.pk}/" not in hidden
    assert session.url not in html(get(client, "/search/", data={"q": "du toan ngan sach"}))


def _queries(client, url):
    get(client, url)  # warm what a first request fills after a change (menu, fragments)
    with CaptureQueriesContext(connection) as queries:
        assert get(client, url).status_code == 200
    return len(queries)


def test_session_page_queries_do_not_grow_with_its_documents(client, session, settings):
    settings.PAGE_CACHE_SECONDS = 0
    item = session.agenda_items.first()
    pdf = pdf_bytes("TỜ TRÌNH", ["Tài liệu"])

    def add(count):
        for _ in range(count):
            SessionDocumentFactory(
                session=session, agenda_item=item, files=[("Toàn văn", pdf, "tai-lieu.pdf")]
            )

    add(3)
    at_n = _queries(client, session.url)
    add(12)
    at_5n = _queries(client, session.url)
    assert at_n == at_5n
    document = session.documents.last()
    page_n = _queries(client, f"{session.url}tai-lieu/{document.pk}/")
    for _ in range(4):
        stored = services.store_document(pdf, "sua.pdf", "Bản sửa")
        services.session_document_add_file(document, stored, name="Toàn văn")
    assert _queries(client, f"{session.url}tai-lieu/{document.pk}/") == page_n


def test_the_session_is_in_the_main_menu(client, council_index, term, session):
    page = html(get(client, "/"))
    nav = page[page.index('<nav class="main-nav"') : page.index("</nav>")]
    assert f'href="{council_index.url}"' in nav and 'aria-label="Các khóa HĐND"' in nav
