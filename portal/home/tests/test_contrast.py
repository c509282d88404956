"""The header's text meets WCAG 2.1 AA contrast (1.4.3) on its red, read from site.css.

The browser test (tests/browser/test_home_on_a_phone.py) checks the rendered pages
with axe-core too; this one names the colours and fails on the stylesheet itself.
"""

import re
from pathlib import Path

import pytest

SITE_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"
NORMAL_TEXT = 4.5  # the phone's site name is 18.4px bold: below "large text" (18.66px bold)


def relative_luminance(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    if len(hex_colour) == 3:
        hex_colour = "".join(digit * 2 for digit in hex_colour)
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground, background):
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def over(background, alpha, colour="#000000"):
    """``colour`` at ``alpha`` painted over ``background`` (hex)."""
    bg = [int(background.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    fg = [int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    mixed = [round(alpha * f + (1 - alpha) * b) for f, b in zip(fg, bg, strict=True)]
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


@pytest.fixture(scope="module")
def css():
    return re.sub(r"/\*.*?\*/", "", SITE_CSS.read_text(encoding="utf-8"), flags=re.S)


def declarations(css, selector):
    """The declarations of the first rule whose selector list holds ``selector``."""
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if selector in [part.strip() for part in selectors.split(",")]:
            return dict(
                (name.strip(), value.strip())
                for name, value in re.findall(r"([\w-]+)\s*:\s*([^;]+)", body)
            )
    raise AssertionError(f"no rule for {selector} in site.css")


def resolve(css, value):
    """A colour value, with var(--name) taken from :root."""
    root = declarations(css, ":root")
    while (match := re.fullmatch(r"var\((--[\w-]+)\)", value)) is not None:
        value = root[match.group(1)]
    assert re.fullmatch(r"#[0-9a-fA-F]{3,6}", value), value
    return value


def test_the_wcag_formula_gives_the_known_ratios():
    assert round(contrast("#000", "#fff"), 2) == 21
    assert round(contrast("#f2b705", "#9b1c1c"), 2) == 4.48  # the site name before the fix


def test_the_site_name_on_the_header_red_reaches_4_5(css):
    header = resolve(css, declarations(css, ".site-header")["background"])
    name = resolve(css, declarations(css, ".site-brand__name")["color"])
    assert contrast(name, header) >= NORMAL_TEXT, (name, header, contrast(name, header))


def test_the_rest_of_the_header_and_the_menu_reach_4_5(css):
    header = resolve(css, declarations(css, ".site-header")["background"])
    brand = resolve(css, declarations(css, ".site-brand")["color"])
    assert contrast(brand, header) >= NORMAL_TEXT
    nav = resolve(css, declarations(css, ".main-nav")["background"])
    link = resolve(css, declarations(css, ".main-nav a")["color"])
    assert contrast(link, nav) >= NORMAL_TEXT
    current = declarations(css, ".main-nav a[aria-current]")
    alpha = float(re.fullmatch(r"rgba\(0, 0, 0, ([\d.]+)\)", current["background"]).group(1))
    assert contrast(resolve(css, current["color"]), over(nav, alpha)) >= NORMAL_TEXT
