"""The home page as a reader's front page, on a phone and on a wide screen, and every
public page type against axe-core's WCAG 2.1 AA rules (all impacts), in chromium.

The portal is the demo's (``portal.demo.services.demo_load``, fewer articles): what
the demo shows is what is measured. Screenshots of the home page at 390 and 1366 px
go to ``$BROWSER_ARTIFACTS`` (default ``var/browser/``); their paths and the phone
page's height are printed.

"JavaScript off" is a context with ``java_script_enabled=False`` for the menu itself;
axe-core needs JavaScript to run, so the axe pass "without JavaScript" blocks the
site's only script (js/site.js) instead, which leaves the page exactly as a browser
without JavaScript builds it (``html.no-js``, the menu a bare <details>).
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from .test_editor_and_public_site import csp_violations, watch_csp

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 768, "height": 1024}
DESKTOP = {"width": 1366, "height": 900}
# Before this design the demo home page was 14,597 px long at 390 px.
MAX_PHONE_HEIGHT = 6000
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Rules Lighthouse's accessibility score also counts that the WCAG tags leave out
# (axe's "best-practice" ones, and label-in-name, which axe marks experimental and
# only runs when named: the A-/A+ buttons failed it).
LIGHTHOUSE_RULES = [
    "label-content-name-mismatch",
    "heading-order",
    "empty-heading",
    "image-redundant-alt",
    "aria-allowed-role",
    "skip-link",
    "tabindex",
    "landmark-one-main",
    "page-has-heading-one",
    "target-size",
]
NO_PICTURE_TITLE = "Thường trực HĐND tỉnh giao ban tháng 12 (tin không ảnh)"


def artifacts_dir() -> Path:
    path = Path(os.environ.get("BROWSER_ARTIFACTS", settings.BASE_DIR / "var" / "browser"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def demo_portal(browser_urls):
    """The demo portal (smaller), plus the newest story of the first home section
    without a picture, so that a card with no picture stands in a grid row."""
    from django.utils import timezone

    from portal.demo import services
    from portal.news.factories import ArticlePageFactory
    from portal.news.models import ArticlePage, GalleryPage, NewsCategoryPage, Topic

    services.demo_load(articles=90, galleries=2, image_pool=8)
    categories = NewsCategoryPage.objects.live().filter(show_on_home=True).order_by("path")
    first = categories.first()
    ArticlePageFactory(
        parent=first,
        title=NO_PICTURE_TITLE,
        lead="Sáng nay, Thường trực HĐND tỉnh giao ban công tác tháng 12.",
        published_at=timezone.now(),
    )
    article = ArticlePage.objects.live().exclude(featured_image=None).order_by("-pk").first()
    topic = Topic.objects.filter(tagged_items__isnull=False).order_by("pk").first()
    news_index = first.get_parent()
    return {
        "trang chủ": "/",
        "trang tin tức": news_index.url,
        "chuyên mục": first.url,
        "tin bài": article.url,
        "thư viện ảnh": GalleryPage.objects.live().order_by("pk").first().url,
        "chủ đề": f"{news_index.url}chu-de/{topic.slug}/",
        "tìm kiếm": "/search/?q=ky hop",
        "trang 404": "/trang-nay-khong-co/",
        "sơ đồ trang": "/so-do-trang/",
    }


def new_page(browser, live_server, viewport, *, javascript=True, block_site_js=False):
    context = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        viewport=viewport,
        java_script_enabled=javascript,
    )
    context.set_default_timeout(20_000)
    if block_site_js:
        context.route("**/js/site.js", lambda route: route.abort())
    return context.new_page()


def load_every_picture(page):
    """Scroll down the page so lazy pictures load, then back to the top."""
    page.evaluate(
        """async () => {
          for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
            window.scrollTo(0, y);
            await new Promise((done) => setTimeout(done, 40));
          }
          window.scrollTo(0, 0);
        }"""
    )
    page.wait_for_function(
        "[...document.images].filter(i => i.offsetParent !== null)"
        ".every(i => i.complete && i.naturalWidth > 0)"
    )


# For each home section's grid: the cells no card covers (an orphan leaves some),
# and the cards of one row whose titles do not start at the same height.
GRID_REPORT = """
() => [...document.querySelectorAll(".front-grid")].map((grid) => {
  const style = getComputedStyle(grid);
  const tracks = (value) => value.split(" ").map(parseFloat);
  const columns = tracks(style.gridTemplateColumns), rows = tracks(style.gridTemplateRows);
  const columnGap = parseFloat(style.columnGap) || 0, rowGap = parseFloat(style.rowGap) || 0;
  const cards = [...grid.children].filter((card) => getComputedStyle(card).display !== "none");
  const boxes = cards.map((card) => card.getBoundingClientRect());
  const box = grid.getBoundingClientRect();
  const empty = [];
  let y = box.top;
  rows.forEach((height, row) => {
    let x = box.left;
    columns.forEach((width, column) => {
      const cx = x + width / 2, cy = y + height / 2;
      if (!boxes.some((b) => cx >= b.left && cx <= b.right && cy >= b.top && cy <= b.bottom)) {
        empty.push([row, column]);
      }
      x += width + columnGap;
    });
    y += height + rowGap;
  });
  const byRow = {};
  cards.filter((card) => !card.classList.contains("card--featured")).forEach((card) => {
    const top = Math.round(card.getBoundingClientRect().top);
    const title = card.querySelector(".card__title").getBoundingClientRect().top;
    (byRow[top] = byRow[top] || []).push(Math.round(title));
  });
  const misaligned = Object.values(byRow)
    .filter((tops) => Math.max(...tops) - Math.min(...tops) > 1);
  return {
    section: grid.closest("section").querySelector("h2").textContent.trim(),
    columns: columns.length, cards: cards.length, empty, misaligned,
  };
})
"""


def grid_problems(page, width):
    problems = []
    for grid in page.evaluate(GRID_REPORT):
        if grid["empty"] or grid["misaligned"]:
            problems.append(f"{width}px, {grid}")
    return problems


def test_home_on_a_phone_is_short_folds_its_menu_with_or_without_js_and_fills_every_row(
    browser, live_server, demo_portal, capsys
):
    out = artifacts_dir()
    phone = new_page(browser, live_server, PHONE)
    console_errors = watch_csp(phone)
    assert phone.goto("/").status == 200
    height = phone.evaluate("document.documentElement.scrollHeight")

    # The menu is folded behind "Danh mục"; it opens, and Escape folds it again.
    fold = phone.locator("details.main-nav__fold")
    toggle = phone.locator(".main-nav__toggle")
    first_link = phone.locator(".main-nav__list a").first
    assert toggle.is_visible() and not first_link.is_visible()
    toggle.click()
    assert first_link.is_visible() and fold.evaluate("d => d.open")
    phone.locator(".main-nav__sub a").first.focus()
    phone.keyboard.press("Escape")
    assert not fold.evaluate("d => d.open") and not first_link.is_visible()
    assert phone.evaluate("document.activeElement.classList.contains('main-nav__toggle')")

    # The lead story has its picture; the banners are a strip of small tiles.
    assert phone.locator(".lead-story img").first.bounding_box()["height"] > 150
    tiles = phone.locator(".banner")
    assert tiles.count() >= 3
    for index in range(tiles.count()):
        assert tiles.nth(index).bounding_box()["height"] < 100
    # A phone shows up to three stories a section: one with its picture, two headlines.
    for grid in phone.evaluate(GRID_REPORT):
        assert 1 <= grid["cards"] <= 3 and grid["columns"] == 1, grid
    problems = grid_problems(phone, 390)

    load_every_picture(phone)
    phone_shot = out / "home-390.png"
    phone.screenshot(path=str(phone_shot), full_page=True)
    assert csp_violations(phone, console_errors) == []
    phone.context.close()

    tablet = new_page(browser, live_server, TABLET)
    tablet.goto("/")
    problems += grid_problems(tablet, 768)
    tablet.context.close()

    desktop = new_page(browser, live_server, DESKTOP)
    desktop.goto("/")
    # Wide: the menu shows open, with no toggle; sections are 4 columns and five stories
    # (fewer where a section has fewer: the rows stay full all the same).
    assert desktop.locator("details.main-nav__fold").evaluate("d => d.open")
    assert not desktop.locator(".main-nav__toggle").is_visible()
    assert desktop.locator(".main-nav__sub a").first.is_visible()
    grids = desktop.evaluate(GRID_REPORT)
    assert all(grid["columns"] == 4 and 1 <= grid["cards"] <= 5 for grid in grids), grids
    assert [grid["cards"] for grid in grids].count(5) >= 3, grids
    problems += grid_problems(desktop, 1366)
    # The story without a picture holds a picture's place (a plain tile).
    card = desktop.locator(".front-grid .card", has_text=NO_PICTURE_TITLE)
    assert card.count() == 1 and card.locator("img").count() == 0
    placeholder = card.evaluate("c => getComputedStyle(c, '::before').aspectRatio")
    assert placeholder.replace(" ", "") == "16/10", placeholder
    load_every_picture(desktop)
    desktop_shot = out / "home-1366.png"
    desktop.screenshot(path=str(desktop_shot), full_page=True)
    desktop_height = desktop.evaluate("document.documentElement.scrollHeight")
    desktop.context.close()

    # Without JavaScript: the same fold, native; a link leads on, and the next page
    # starts folded again and marks where the reader is.
    category = demo_portal["chuyên mục"]
    phone = new_page(browser, live_server, PHONE, javascript=False)
    phone.goto("/")
    assert phone.evaluate("document.documentElement.className") == "no-js"
    toggle = phone.locator(".main-nav__toggle")
    link = phone.locator(f".main-nav__sub a[href='{category}']")
    assert toggle.is_visible() and not link.is_visible()
    toggle.click()
    assert link.is_visible()
    link.click()
    phone.wait_for_url(f"**{category}")
    # On the new page the menu is folded again and says where the reader is.
    assert not phone.locator(".main-nav__list a").first.is_visible()
    toggle.click()
    assert (
        phone.locator(f".main-nav__sub a[href='{category}']").get_attribute("aria-current")
        == "page"
    )
    phone.context.close()

    desktop = new_page(browser, live_server, DESKTOP, javascript=False)
    desktop.goto("/")
    assert not desktop.locator(".main-nav__toggle").is_visible()
    assert desktop.locator(f".main-nav__sub a[href='{category}']").is_visible()
    desktop.context.close()

    with capsys.disabled():
        print(f"\n  home page height at 390 px: {height} px (1366 px: {desktop_height} px)")
        print(f"  screenshots: {phone_shot}\n               {desktop_shot}")
    assert not problems, "\n".join(problems)
    assert height < MAX_PHONE_HEIGHT, f"the phone home page is {height} px long"


def axe_problems(page, label):
    violations = []
    for run_only in (
        {"type": "tag", "values": WCAG_21_AA},
        {"type": "rule", "values": LIGHTHOUSE_RULES},
    ):
        results = Axe().run(page, options={"runOnly": run_only, "resultTypes": ["violations"]})
        violations += results.response["violations"]
    problems = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        problems.append(
            f"{label}: axe {violation['impact']} {violation['id']} ({violation['help']}) "
            f"at {targets}"
        )
    return problems


def test_every_page_type_passes_axe_wcag_2_1_aa_on_a_phone_and_a_wide_screen(
    browser, live_server, demo_portal
):
    problems, checked = [], 0
    for viewport in (PHONE, DESKTOP):
        for javascript in (True, False):
            mode = f"{viewport['width']}px, JavaScript {'on' if javascript else 'off'}"
            page = new_page(browser, live_server, viewport, block_site_js=not javascript)
            console_errors = watch_csp(page)
            for name, url in demo_portal.items():
                response = page.goto(url)
                expected = 404 if name == "trang 404" else 200
                if response is None or response.status != expected:
                    problems.append(f"{name} {url} ({mode}): HTTP {response and response.status}")
                    continue
                page.wait_for_load_state("load")
                state = page.evaluate("document.documentElement.className")
                assert state == ("js" if javascript else "no-js"), state
                problems += axe_problems(page, f"{name} {url} ({mode})")
                if viewport is PHONE:
                    # The folded menu, opened: its links are checked too.
                    page.locator(".main-nav__toggle").click()
                    problems += axe_problems(page, f"{name} {url} ({mode}, menu open)")
                problems += [f"{name} {url} ({mode}): CSP {v}" for v in csp_violations(page, [])]
                problems += [f"{name} {url} ({mode}): {error}" for error in console_errors]
                console_errors.clear()
                checked += 1
            page.context.close()
    assert checked == 4 * len(demo_portal)
    assert not problems, "\n".join(problems)
