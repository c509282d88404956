"""The public pages: a month's table, a year's totals and charts, their downloads,
bad parameters, the page cache and the query count."""

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from portal.core.templatetags.vi_format import so
from portal.oversight.excel import FIRST_DATA_ROW, HEADINGS, TOTAL_LABEL
from portal.oversight.factories import LetterMonthFactory, ReceivingBodyFactory, letter_figures
from portal.oversight.models import CONTENT_FIELDS, FIGURE_FIELDS, LetterReport

from .conftest import HOST, LEGAL, OFFICE, STANDING

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def figures(bodies):
    """2019: three months of three bodies (the Standing Committee's March 1.234
    letters); 2018: two months of one body."""
    received = {
        (2019, 1): (30, 12, 4),
        (2019, 2): (22, 9, 0),
        (2019, 3): (1234, 15, 6),
        (2018, 1): (25, None, None),
        (2018, 3): (40, None, None),
    }
    rows = {}
    for (year, month), counts in received.items():
        for key, count in zip(("standing", "office", "legal"), counts, strict=True):
            if count is not None:
                rows[(key, year, month)] = LetterMonthFactory(
                    body=bodies[key], year=year, month=month, received=count
                )
    return rows


def get(client, url, status=200):
    response = client.get(url, **HOST)
    assert response.status_code == status, url
    return response


def test_the_index_lists_the_years(client, letters_index, figures):
    html = get(client, letters_index.url).content.decode()
    assert f'href="{letters_index.url}2019/"' in html
    assert f'href="{letters_index.url}2018/"' in html


def test_the_section_is_in_the_main_navigation(client, letters_index):
    html = get(client, "/").content.decode()
    nav = html[html.index('<nav class="main-nav"') : html.index("</nav>")]
    assert f'href="{letters_index.url}"' in nav
    assert "Thống kê đơn thư" in nav


def table_rows(html, table_id):
    """{row heading: [data-value of each cell]} of one table of the page."""
    start = html.index(f'id="{table_id}"')
    table = html[start : html.index("</table>", start)]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        heading = re.search(r'<th scope="row">(?:<a [^>]*>)?(.*?)(?:</a>)?</th>', row)
        if heading:
            rows[heading.group(1)] = [int(v) for v in re.findall(r'data-value="(\d+)"', row)]
    return rows


def test_a_month_page_shows_each_body_and_the_total(client, letters_index, figures):
    html = get(client, f"{letters_index.url}2019/3/").content.decode()
    assert "Thống kê đơn thư tháng 3/2019" in html
    rows = table_rows(html, "bang-thang")
    expected = {
        name: list(letter_figures(n).values())
        for name, n in ((STANDING, 1234), (OFFICE, 15), (LEGAL, 6))
    }
    total = [sum(values) for values in zip(*expected.values(), strict=True)]
    assert rows == {**expected, "Tổng cộng": total}
    assert ">1.234<" in html and ">1.255<" in html  # Vietnamese grouping
    assert "Cập nhật lúc" in html


def test_a_month_page_links_the_reports_documents(client, letters_index, figures):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Báo cáo kết quả giải quyết đơn của Sở Tài nguyên và Môi trường",
        file=ContentFile(b"%PDF-1.4", name="bao-cao.pdf"),
    )
    row = figures[("standing", 2019, 3)]
    row.reports = [LetterReport(agency="Sở Tài nguyên và Môi trường", document=document)]
    row.save()
    html = get(client, f"{letters_index.url}2019/3/").content.decode()
    assert "Sở Tài nguyên và Môi trường" in html
    assert f'href="{document.url}"' in html


def chart_values(html, key):
    """{group label: {series: (value, its text label)}} read from the chart's SVG."""
    start = html.index("<svg", html.index(f'id="{key}-heading"'))
    svg = ET.fromstring(html[start : html.index("</svg>", start) + len("</svg>")])
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text
    found = {}
    for group in svg.iter(f"{SVG}g"):
        if group.get("class") != "letters-chart__group":
            continue
        bars = group.findall(f"{SVG}rect")
        texts = [t.text for t in group.findall(f"{SVG}text")]
        found[group.get("data-label")] = {
            bar.get("data-series"): (int(bar.get("data-value")), text, float(bar.get("height")))
            for bar, text in zip(bars, texts, strict=False)
        }
    return svg, found


def test_the_year_chart_holds_the_right_numbers(client, letters_index, figures):
    html = get(client, f"{letters_index.url}2019/").content.decode()
    svg, by_type = chart_values(html, "bieu-do-noi-dung")
    this_year = [letter_figures(n) for n in (30, 12, 4, 22, 9, 0, 1234, 15, 6)]
    last_year = [letter_figures(n) for n in (25, 40)]
    labels = {
        "complaints": "Khiếu nại",
        "denunciations": "Tố cáo",
        "petitions": "Kiến nghị, phản ánh",
        "mixed": "Hỗn hợp",
    }
    for field in CONTENT_FIELDS:
        now = sum(f[field] for f in this_year)
        before = sum(f[field] for f in last_year)
        assert by_type[labels[field]]["Năm 2019"][:2] == (now, so(now))
        assert by_type[labels[field]]["Năm 2018"][:2] == (before, so(before))
    assert "Khiếu nại: Năm 2019" in svg.find(f"{SVG}desc").text

    _svg, by_month = chart_values(html, "bieu-do-thang")
    assert by_month["Tháng 3"]["Năm 2019"][:2] == (1255, "1.255")
    assert by_month["Tháng 3"]["Năm 2018"][:2] == (40, "40")
    assert by_month["Tháng 2"]["Năm 2018"][:2] == (0, "0")
    assert by_month["Tháng 12"]["Năm 2019"][0] == 0
    # bar heights are in proportion to the numbers
    tall, short = by_month["Tháng 3"]["Năm 2019"][2], by_month["Tháng 1"]["Năm 2019"][2]
    assert tall / short == pytest.approx(1255 / 46, rel=0.02)
    # the same numbers in the table beside the chart
    assert table_rows(html, "bieu-do-thang-so-lieu")["Tháng 3"] == [1255, 40]


def test_the_year_page_totals_by_month_and_body(client, letters_index, figures):
    html = get(client, f"{letters_index.url}2019/").content.decode()
    months = table_rows(html, "bang-theo-thang")
    assert months["Tháng 1"][0] == 46 and months["Tháng 3"][0] == 1255
    assert months["Tổng cộng"][0] == 46 + 31 + 1255
    bodies = table_rows(html, "bang-theo-co-quan")
    assert bodies[STANDING][0] == 30 + 22 + 1234


def test_the_month_excel_parses_back_to_the_page(client, letters_index, figures):
    response = get(client, f"{letters_index.url}2019/3/excel/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="thong-ke-don-thu-2019-03.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content))["Tháng 3"]
    assert sheet["A1"].value == "THỐNG KÊ TIẾP NHẬN, XỬ LÝ ĐƠN THƯ THÁNG 3/2019"
    assert [sheet.cell(4, c).value for c in range(1, 15)] == list(HEADINGS)
    assert sheet.cell(4, 1).font.b and sheet.cell(5, 2).border.top.style == "thin"
    read = {
        sheet.cell(r, 1).value: [sheet.cell(r, c).value for c in range(2, 14)]
        for r in range(FIRST_DATA_ROW, sheet.max_row + 1)
    }
    html = get(client, f"{letters_index.url}2019/3/").content.decode()
    page = table_rows(html, "bang-thang")
    assert read == {
        **{k: v for k, v in page.items() if k != "Tổng cộng"},
        TOTAL_LABEL: page["Tổng cộng"],
    }


def test_the_month_csv_parses_back_to_the_page(client, letters_index, figures):
    response = get(client, f"{letters_index.url}2019/3/csv/")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == list(HEADINGS)
    read = {row[0]: [int(v) for v in row[1:13]] for row in rows[1:]}
    page = table_rows(get(client, f"{letters_index.url}2019/3/").content.decode(), "bang-thang")
    assert read == page


def test_the_year_downloads_parse_back_to_the_page(client, letters_index, figures):
    page = table_rows(get(client, f"{letters_index.url}2019/").content.decode(), "bang-theo-thang")
    response = get(client, f"{letters_index.url}2019/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row[0]: [int(v) for v in row[1:]] for row in rows[1:]} == page
    sheet = load_workbook(io.BytesIO(get(client, f"{letters_index.url}2019/excel/").content))[
        "Năm 2019"
    ]
    read = {
        sheet.cell(r, 1).value: [sheet.cell(r, c).value for c in range(2, 14)]
        for r in range(FIRST_DATA_ROW, sheet.max_row + 1)
    }
    assert read == page


@pytest.mark.parametrize(
    "tail",
    [
        "2019/13/",
        "2019/0/",
        "abc/",
        "2019/abc/",
        "2017/",
        "2019/7/",
        "99999/",
        "2019/13/excel/",
        "2017/csv/",
        "2019/7/csv/",
    ],
)
def test_bad_parameters_are_a_vietnamese_404(client, letters_index, figures, tail):
    response = get(client, f"{letters_index.url}{tail}", status=404)
    assert "Không tìm thấy" in response.content.decode()


def test_a_change_to_a_month_makes_cached_pages_stale(client, letters_index, figures):
    url = f"{letters_index.url}2019/3/"
    get(client, url)
    assert get(client, url)["X-Cache"] == "HIT"
    row = figures[("office", 2019, 3)]
    for name, value in letter_figures(16).items():
        setattr(row, name, value)
    row.save()
    response = get(client, url)
    assert response["X-Cache"] == "MISS"
    assert ">1.256<" in response.content.decode()


def year_page_queries(client, url):
    """Queries to build the page (after a first request has created what any first
    request creates: the site's settings, its root paths)."""
    cache.clear()
    get(client, url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return len(queries)


def test_the_year_page_query_count_does_not_grow_with_months_or_bodies(
    client, letters_index, bodies
):
    LetterMonthFactory(body=bodies["standing"], year=2020, month=1, received=5)
    LetterMonthFactory(body=bodies["standing"], year=2019, month=1, received=5)
    url = f"{letters_index.url}2020/"
    few = year_page_queries(client, url)
    more = [ReceivingBodyFactory(name=f"Ban thử {n}") for n in range(5)]
    for body in [*bodies.values(), *more]:
        for month in range(1, 13):
            for year in (2019, 2020):
                if not (body == bodies["standing"] and month == 1):
                    LetterMonthFactory(body=body, year=year, month=month, received=month)
    many = year_page_queries(client, url)
    assert few == many


def test_the_month_page_query_count_does_not_grow_with_bodies(client, letters_index, bodies):
    LetterMonthFactory(body=bodies["standing"], year=2020, month=1, received=5)
    url = f"{letters_index.url}2020/1/"
    few = year_page_queries(client, url)
    for n in range(6):
        LetterMonthFactory(body=ReceivingBodyFactory(name=f"Ban thử {n}"), year=2020, month=1)
    assert year_page_queries(client, url) == few


def test_every_figure_field_is_a_column_of_the_month_table(client, letters_index, figures):
    html = get(client, f"{letters_index.url}2019/3/").content.decode()
    row = table_rows(html, "bang-thang")[STANDING]
    assert len(row) == len(FIGURE_FIELDS)


def test_the_sitemap_lists_every_year_and_month(client, letters_index, figures):
    xml = get(client, "/sitemap-pages.xml").content.decode()
    for tail in ("2019/", "2019/1/", "2019/3/", "2018/", "2018/3/"):
        assert f"{letters_index.url}{tail}</loc>" in xml, tail
    assert f"{letters_index.url}2018/2/</loc>" not in xml
