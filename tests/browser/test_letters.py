"""End to end, in a real browser: the secretariat imports a month's letters table
from Excel in the admin; it appears on its public page and in the year chart. A
file with one wrong cell is refused with the sheet, row and column named, and
nothing is saved."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import admin_login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STANDING = "Thường trực HĐND tỉnh"
OFFICE = "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"

# Records CSP violations the page reports (an init script runs outside the CSP).
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_problems(page):
    """axe-core's WCAG 2.1 AA violations of the page (every impact)."""
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    return [
        f"{page.url}: axe {v['impact']} {v['id']} ({v['help']}) at "
        f"{[', '.join(node['target']) for node in v['nodes'][:3]]}"
        for v in results.response["violations"]
    ]


@pytest.fixture
def letters_site(editor):
    from portal.home.models import HomePage
    from portal.oversight.factories import LetterStatisticsIndexPageFactory, ReceivingBodyFactory
    from portal.oversight.models import ReceivingBody

    ReceivingBodyFactory(name=STANDING, kind=ReceivingBody.Kind.STANDING, sort_order=1)
    ReceivingBodyFactory(name=OFFICE, kind=ReceivingBody.Kind.OFFICE, sort_order=2)
    return LetterStatisticsIndexPageFactory(parent=HomePage.objects.get(), title="Thống kê đơn thư")


def open_import(page):
    page.goto("/admin/don-thu/so-lieu/")
    page.get_by_role("link", name="Nhập từ Excel").click()
    page.wait_for_url(re.compile(r"/admin/don-thu/so-lieu/nhap-excel/$"))


def test_secretariat_imports_a_month_and_it_is_public(page, live_server, letters_site, tmp_path):
    from portal.oversight.factories import letter_figures
    from portal.oversight.models import LetterMonth
    from portal.oversight.tests.helpers import filled_workbook

    admin_login(page)

    # The template the admin gives out is the one the secretariat fills in.
    open_import(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Tải mẫu Excel").click()
    assert download_info.value.suggested_filename.startswith("mau-thong-ke-don-thu-")

    good = tmp_path / "don-thu-thang-3-2019.xlsx"
    good.write_bytes(filled_workbook(2019, {3: {STANDING: 1234, OFFICE: 15}}))
    page.set_input_files("#id_file", str(good))
    page.get_by_role("button", name="Nhập số liệu").click()
    page.wait_for_url(re.compile(r"/admin/don-thu/so-lieu/$"))
    assert "Đã nhập số liệu đơn thư tháng 3/2019: 2 dòng mới" in page.content()
    assert LetterMonth.objects.count() == 2

    # One wrong cell in another month: refused, named, nothing saved.
    def edit(workbook):
        workbook["Tháng 4"]["D5"] = "mười hai"

    bad = tmp_path / "don-thu-thang-4-2019.xlsx"
    bad.write_bytes(filled_workbook(2019, {4: {STANDING: 40, OFFICE: 9}}, edit=edit))
    open_import(page)
    page.set_input_files("#id_file", str(bad))
    page.get_by_role("button", name="Nhập số liệu").click()
    alert = page.get_by_role("alert").filter(has_text="không có số liệu nào được lưu")
    alert.wait_for()
    assert (
        "Trang tính 'Tháng 4', dòng 5, cột D: không phải số nguyên không âm (“mười hai”, Tố cáo)."
        in alert.inner_text()
    )
    assert LetterMonth.objects.count() == 2
    assert not LetterMonth.objects.filter(month=4).exists()

    # The public pages, read by a visitor (no session): the month's table...
    visitor = page.context.browser.new_context(base_url=live_server.url, locale="vi-VN")
    reader = visitor.new_page()
    console_errors = []
    reader.add_init_script(CSP_LISTENER)
    reader.on(
        "console",
        lambda m: console_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    reader.goto("/")
    reader.get_by_role("navigation", name=re.compile("chính|Menu", re.I)).first.get_by_role(
        "link", name="Thống kê đơn thư"
    ).first.click()
    reader.get_by_role("link", name="Năm 2019").click()
    reader.wait_for_url(re.compile(r"/thong-ke-don-thu/2019/$"))

    # ...the year chart holds the month's numbers, in Vietnamese format.
    chart = reader.locator("svg[role=img]").filter(has_text="Số đơn nhận theo tháng năm 2019")
    march = chart.locator('g[data-label="Tháng 3"] rect[data-series="Năm 2019"]')
    assert march.get_attribute("data-value") == "1249"
    assert "1.249" in chart.locator('g[data-label="Tháng 3"]').text_content()
    problems = axe_problems(reader)
    complaints = sum(letter_figures(n)["complaints"] for n in (1234, 15))
    by_type = reader.locator("svg[role=img]").filter(has_text="theo nội dung")
    bar = by_type.locator('g[data-label="Khiếu nại"] rect[data-series="Năm 2019"]')
    assert bar.get_attribute("data-value") == str(complaints)

    reader.get_by_role("link", name="Tháng 3", exact=True).first.click()
    reader.wait_for_url(re.compile(r"/thong-ke-don-thu/2019/3/$"))
    table = reader.locator("#bang-thang")
    standing_row = table.locator("tbody tr", has_text=STANDING)
    assert standing_row.locator("td").first.inner_text() == "1.234"
    assert table.locator("tfoot td").first.inner_text() == "1.249"
    problems += axe_problems(reader)
    assert problems == []
    violations = console_errors + reader.evaluate("window.__cspViolations || []")
    assert violations == []
    visitor.close()
