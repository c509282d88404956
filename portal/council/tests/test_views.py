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


# --- the resolution register -----------------------------------------------------------


def _register(council_index):
    return f"{council_index.url}so-nghi-quyet/"


@pytest.fixture
def register_set(make_resolution, term):
    """Resolutions of 2019 and 2020, of both kinds and two fields, one amended, one
    replaced, one not yet in force, one unpublished."""
    from portal.council.factories import ResolutionFieldFactory
    from portal.council.models import RelationKind, ResolutionKind, ResolutionRelation

    budget = ResolutionFieldFactory(name="Ngân sách", slug="ngan-sach")
    land = ResolutionFieldFactory(name="Đất đai", slug="dat-dai")
    later = SessionPageFactory(
        parent=term,
        number=16,
        opening_date=datetime.date(2020, 7, 14),
        closing_date=datetime.date(2020, 7, 16),
    )
    fees = make_resolution(
        kind=ResolutionKind.NORMATIVE,
        code="12/2019/NQ-HĐND",
        title="Quy định mức thu học phí năm học 2019 - 2020",
        field=budget,
    )
    prices = make_resolution(
        kind=ResolutionKind.NORMATIVE,
        title="Quy định bảng giá đất giai đoạn 2020 - 2024",
        field=land,
        effective_date=datetime.date(2020, 1, 1),
    )
    plan = make_resolution(title="Về kế hoạch đầu tư công năm 2020", field=budget)
    amending = make_resolution(
        session=later,
        kind=ResolutionKind.NORMATIVE,
        title="Sửa đổi, bổ sung mức thu học phí",
        field=budget,
    )
    replacing = make_resolution(
        session=later, title="Về kế hoạch đầu tư công năm 2020 (điều chỉnh)", field=budget
    )
    future = make_resolution(
        session=later,
        title="Quy định chính sách hỗ trợ học sinh dân tộc thiểu số",
        effective_date=datetime.date(2099, 1, 1),
    )
    hidden = make_resolution(session=later, title="Về việc chưa công khai", published=False)
    ResolutionRelation.objects.create(source=amending, target=fees, kind=RelationKind.AMENDS)
    ResolutionRelation.objects.create(source=replacing, target=plan, kind=RelationKind.REPLACES)
    return {
        "fees": fees,
        "prices": prices,
        "plan": plan,
        "amending": amending,
        "replacing": replacing,
        "future": future,
        "hidden": hidden,
        "later": later,
    }


def _codes(page, resolutions):
    return {name for name, r in resolutions.items() if hasattr(r, "code") and r.code in page}


def _listed(client, council_index, register_set, **params):
    page = html(get(client, _register(council_index), data=params))
    listing = page[page.index("council-resolutions") :] if "council-resolutions" in page else ""
    return {
        name
        for name, r in register_set.items()
        if hasattr(r, "code") and f"so-nghi-quyet/{r.pk}/" in listing
    }


ALL_SHOWN = {"fees", "prices", "plan", "amending", "replacing", "future"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ALL_SHOWN),
        ({"nam": "2019"}, {"fees", "prices", "plan"}),
        ({"loai": "quy-pham"}, {"fees", "prices", "amending"}),
        ({"linh-vuc": "dat-dai"}, {"prices"}),
        ({"trang-thai": "da-duoc-sua-doi"}, {"fees"}),
        ({"trang-thai": "bi-thay-the"}, {"plan"}),
        ({"trang-thai": "chua-co-hieu-luc"}, {"future"}),
        ({"trang-thai": "con-hieu-luc"}, {"prices", "amending", "replacing"}),
        ({"co-quan": "HĐND tỉnh"}, ALL_SHOWN),
        ({"co-quan": "UBND tỉnh"}, set()),
        ({"q": "học phí"}, {"fees", "amending"}),
        ({"q": "hoc phi"}, {"fees", "amending"}),
        ({"q": "HOC PHI"}, {"fees", "amending"}),
        ({"q": "dau tu cong"}, {"plan", "replacing"}),
        ({"q": "12/2019/NQ-HĐND"}, {"fees"}),
        ({"q": "12/2019/nq-hdnd"}, {"fees"}),
        ({"q": "dan toc", "nam": "2020"}, {"future"}),
        ({"q": "chưa công khai"}, set()),
    ],
)
def test_the_register_filters_and_searches(client, council_index, register_set, params, expected):
    assert _listed(client, council_index, register_set, **params) == expected


def test_the_register_sorts(client, council_index, register_set):
    def order(sort):
        page = html(get(client, _register(council_index), data={"sap-xep": sort}))
        listing = page[page.index("council-resolutions") :]
        shown = [r for r in register_set.values() if f"so-nghi-quyet/{r.pk}/" in listing]
        return sorted(shown, key=lambda r: listing.index(f"so-nghi-quyet/{r.pk}/"))

    newest = order("moi-nhat")
    assert newest[0].adoption_date.year == 2020 and newest[-1].adoption_date.year == 2019
    assert order("cu-nhat")[0].adoption_date.year == 2019
    by_number = order("so")
    assert by_number[0].year == 2020


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"nam": "abc"}, "Năm “abc” không hợp lệ: đã bỏ qua bộ lọc năm."),
        ({"trang-thai": "xyz"}, "Trạng thái “xyz” không có: đã bỏ qua bộ lọc trạng thái."),
        ({"loai": "khac"}, "Loại nghị quyết “khac” không có"),
        ({"linh-vuc": "khong-co"}, "Lĩnh vực “khong-co” không có"),
        ({"sap-xep": "ngau-nhien"}, "Cách sắp xếp “ngau-nhien” không có"),
        ({"page": "999"}, "Không có trang 999: danh sách chỉ có 1 trang"),
        ({"page": "-1"}, "Trang “-1” không hợp lệ"),
        ({"page": "abc"}, "Trang “abc” không hợp lệ"),
        ({"nam": "99999999999999999999"}, "không hợp lệ: đã bỏ qua bộ lọc năm"),
    ],
)
def test_bad_parameters_give_the_register_with_a_message(
    client, council_index, register_set, params, message
):
    page = html(get(client, _register(council_index), data=params))
    assert message in page
    assert f"so-nghi-quyet/{register_set['fees'].pk}/" in page  # the bad value is ignored


def test_the_register_paginates_with_its_filters(client, council_index, make_resolution):
    for _ in range(25):
        make_resolution()
    page = html(get(client, _register(council_index), data={"loai": "ca-biet"}))
    assert "25 nghị quyết (trang 1/2)" in page
    assert 'href="?loai=ca-biet&amp;page=2"' in page
    second = html(get(client, _register(council_index), data={"loai": "ca-biet", "page": "2"}))
    assert second.count("council-document__title") == 5


def test_the_resolution_page_shows_metadata_status_links_both_ways_and_actions(
    client, council_index, register_set
):
    from portal.council.models import ActionKind, ResolutionAction, ResolutionFile

    fees, amending = register_set["fees"], register_set["amending"]
    fees.delegates_present, fees.votes_for, fees.votes_against, fees.votes_abstain = 48, 46, 1, 1
    fees.save()
    ResolutionAction.objects.create(
        resolution=fees,
        date=datetime.date(2019, 11, 20),
        kind=ActionKind.SUBMITTED,
        description="UBND tỉnh trình HĐND tỉnh",
        sort_order=0,
    )
    ResolutionAction.objects.create(
        resolution=fees, date=datetime.date(2019, 12, 11), kind=ActionKind.ADOPTED, sort_order=1
    )
    stored = services.store_document(
        pdf_bytes("NGHỊ QUYẾT", ["Số: 12/2019/NQ-HĐND"]), "nq.pdf", "NQ"
    )
    item = ResolutionFile.objects.create(resolution=fees, name="Toàn văn", file=stored)
    url = f"{_register(council_index)}{fees.pk}/"
    page = html(get(client, url))
    assert "Nghị quyết số 12/2019/NQ-HĐND quy định mức thu học phí năm học 2019 - 2020" in page
    assert "Còn hiệu lực, đã được sửa đổi" in page
    assert "46/48 đại biểu có mặt tán thành, 1 không tán thành, 1 không biểu quyết" in page
    assert "11/12/2019" in page and "Kỳ họp thứ 14".lower() in page
    assert "Được sửa đổi, bổ sung bởi" in page
    assert f'href="{_register(council_index)}{amending.pk}/"' in page
    assert "Lịch sử hiệu lực" in page and "16/07/2020</time>: Được sửa đổi, bổ sung bởi" in page
    assert "20/11/2019</time>: Trình – UBND tỉnh trình HĐND tỉnh" in page
    download = get(client, f"{url}tep/{item.pk}/")
    assert download["Content-Type"] == "application/pdf", download.content.decode()[-3000:]
    assert b"".join(download.streaming_content) == stored.file.open("rb").read()
    other_side = html(get(client, f"{_register(council_index)}{amending.pk}/"))
    assert "Sửa đổi, bổ sung" in other_side and f"so-nghi-quyet/{fees.pk}/" in other_side
    replaced = html(get(client, f"{_register(council_index)}{register_set['plan'].pk}/"))
    assert "Bị thay thế" in replaced and "Bị thay thế bởi" in replaced


def _resolution_urls(council_index, resolution):
    item = resolution.files.first()
    base = f"{_register(council_index)}{resolution.pk}/"
    return {"page": base, "file": f"{base}tep/{item.pk}/", "wagtail": item.file.url}


@pytest.mark.parametrize("kind", ["unpublished", "session-draft", "session-login"])
def test_a_hidden_resolution_is_reachable_by_no_url(client, council_index, term, kind):
    from portal.council.factories import ResolutionFactory

    session = SessionPageFactory(parent=term, number=20, title="Kỳ họp thứ 20")
    resolution = ResolutionFactory(
        session=session, title="Về việc ẩn", published=kind != "unpublished"
    )
    public = ResolutionFactory(session=None, title="Về việc công khai")
    if kind == "session-draft":
        session.unpublish()
    elif kind == "session-login":
        PageViewRestriction.objects.create(page=session, restriction_type="login")
    for name, url in _resolution_urls(council_index, resolution).items():
        response = get(client, url)
        assert response.status_code == 404, (name, response.status_code)
        assert not hasattr(response, "streaming_content"), name
    page = html(get(client, _register(council_index), data={"q": "ve viec"}))
    assert f"so-nghi-quyet/{resolution.pk}/" not in page
    assert f"so-nghi-quyet/{public.pk}/" in page
    found = html(get(client, "/search/", data={"q": "ve viec an"}))
    assert f"so-nghi-quyet/{resolution.pk}/" not in found
    for name, url in _resolution_urls(council_index, public).items():
        assert get(client, url).status_code == 200, name


def test_search_finds_a_resolution_without_diacritics(client, council_index, make_resolution):
    resolution = make_resolution(title="Quy định giá dịch vụ khám bệnh, chữa bệnh")
    found = html(get(client, "/search/", data={"q": "gia dich vu kham benh"}))
    assert f"{_register(council_index)}{resolution.pk}/" in found


def test_register_and_resolution_queries_do_not_grow(client, council_index, term, settings):
    from portal.council.factories import ResolutionFactory, ResolutionFieldFactory
    from portal.council.models import ActionKind, RelationKind, ResolutionAction, ResolutionRelation

    settings.PAGE_CACHE_SECONDS = 0
    field = ResolutionFieldFactory(name="Ngân sách", slug="ngan-sach")
    target = ResolutionFactory(session=None, title="Nghị quyết gốc", files=[])
    pdf = pdf_bytes("NGHỊ QUYẾT", ["Nghị quyết"])
    day = datetime.date(2020, 3, 1)

    def add(count):
        for n in range(count):
            source = ResolutionFactory(
                session=None, field=field, adoption_date=day, files=[("Toàn văn", pdf, "nq.pdf")]
            )
            ResolutionRelation.objects.create(
                source=source, target=target, kind=RelationKind.AMENDS
            )
            ResolutionAction.objects.create(
                resolution=target, date=day, kind=ActionKind.PUBLISHED, sort_order=n
            )

    register, page = _register(council_index), f"{_register(council_index)}{target.pk}/"
    add(4)
    at_n = (_queries(client, register), _queries(client, page))
    add(16)
    assert (_queries(client, register), _queries(client, page)) == at_n
