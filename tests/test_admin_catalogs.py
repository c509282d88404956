"""The admin speaks Vietnamese: the catalogs of every upstream app it shows are
translated (≥ 98 % per domain), every string of the portal's own code is, and
the compiled catalogs are the ones Django serves (docs/vietnamese-admin.md)."""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from portal.core import translations

MINIMUM_SHARE = 0.98
PORTAL = Path(settings.BASE_DIR) / "portal"


def joined(domain):
    path = translations.CATALOG_DIR / f"{domain}.po"
    return {
        translations.key(entry)
        for entry in polib.pofile(str(path))
        if translations.is_translated(entry)
    }


@pytest.mark.parametrize("domain", translations.DOMAINS)
def test_the_upstream_catalogs_are_translated(domain):
    done = joined(domain)
    total = translated = 0
    lines = []
    for upstream in translations.upstreams():
        if upstream.domain != domain:
            continue
        keys = translations.template_keys(upstream)
        hits = len(keys & done)
        total += len(keys)
        translated += hits
        lines.append(f"{upstream.name}: {hits}/{len(keys)}")
    share = translated / total
    report = f"{domain}: {translated}/{total} = {share:.1%}\n" + "\n".join(lines)
    print(report)
    assert total > (1500 if domain == "django" else 100), report
    assert share >= MINIMUM_SHARE, report


@pytest.mark.parametrize("domain", translations.DOMAINS)
def test_the_compiled_catalog_is_the_joined_one(domain):
    po = polib.pofile(str(translations.CATALOG_DIR / f"{domain}.po"))
    mo = polib.mofile(str(translations.CATALOG_DIR / f"{domain}.mo"))
    assert {(e.msgctxt, e.msgid, e.msgstr) for e in po} == {
        (e.msgctxt, e.msgid, e.msgstr) for e in mo
    }, "chạy make translations (hoặc manage.py translations_update --build-only)"


def test_every_catalog_passes_msgfmt_check():
    assert shutil.which("msgfmt"), "GNU gettext missing: apt-get install gettext"
    paths = sorted(translations.SOURCES_DIR.glob("*.po"))
    paths += [translations.CATALOG_DIR / f"{domain}.po" for domain in translations.DOMAINS]
    assert len(paths) >= 20
    for path in paths:
        result = subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, (path.name, result.stderr)


def test_django_serves_the_portal_catalog():
    with translation.override("vi"):
        served = {
            text: translation.gettext(text)
            for text in ("Save draft", "Sort by", "Images", "Documents", "Reports", "Help")
        }
        assert all(served[text] != text for text in served), served
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.ngettext("%(num)d year", "%(num)d years", 5) % {"num": 5} == "5 năm"


# The portal's own strings are Vietnamese literals; any string it marks for
# translation (a template overriding Wagtail's, a gettext call) must be translated.
_MARKED = re.compile(
    r"""(?:\{%\s*(?:trans|translate)\s+|\b(?:gettext(?:_lazy)?|pgettext(?:_lazy)?|_)\()"""
    r"""(?P<quote>["'])(?P<text>.+?)(?P=quote)"""
)


def portal_marked_strings():
    found = set()
    for path in PORTAL.rglob("*"):
        if path.suffix not in (".py", ".html", ".txt") or "locale" in path.parts:
            continue
        if "tests" in path.parts:
            continue
        for match in _MARKED.finditer(path.read_text(encoding="utf-8")):
            found.add((path.relative_to(PORTAL).as_posix(), match["text"]))
    return found


def test_every_string_the_portal_marks_is_translated():
    marked = portal_marked_strings()
    assert ("templates/wagtailadmin/home/account_summary.html", "Account") in marked
    done = {msgid for _context, msgid in joined("django")}
    missing = sorted(f"{path}: {text}" for path, text in marked if text not in done)
    assert missing == []


def test_a_new_upstream_string_and_a_changed_one_are_reported(tmp_path, monkeypatch):
    template = tmp_path / "en.po"
    source = tmp_path / "sources" / "demo.django.po"
    source.parent.mkdir()
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    source.write_text(
        head + 'msgid "Save"\nmsgstr "Lưu"\n\nmsgid "Delete page"\nmsgstr "Xóa trang"\n',
        encoding="utf-8",
    )
    template.write_text(
        head + 'msgid "Save"\nmsgstr ""\n\nmsgid "Delete this page"\nmsgstr ""\n\n'
        'msgid "Brand new"\nmsgstr ""\n',
        encoding="utf-8",
    )

    class Demo(translations.Upstream):
        template = property(lambda self: template)
        source = property(lambda self: source)

    assert shutil.which("msgmerge"), "GNU gettext missing: apt-get install gettext"
    report = translations.merge_upstream(Demo("demo", "django"))
    assert (report.total, report.translated, report.new, report.changed) == (3, 1, 1, 1)
    merged = polib.pofile(str(source))
    assert merged.find("Save").msgstr == "Lưu"
    changed = merged.find("Delete this page")
    assert changed.fuzzy and changed.previous_msgid == "Delete page"


def test_the_overridden_header_is_wagtails_with_its_search_button_translated(client):
    """Wagtail's shared/header.html writes its screen-reader search button in
    English; the portal's copy differs in that line only, and says when
    Wagtail's own copy has changed (after an upgrade: copy it again)."""
    import wagtail.admin

    name = Path("wagtailadmin") / "shared" / "header.html"
    upstream = (Path(wagtail.admin.__file__).parent / "templates" / name).read_text()
    ours = (PORTAL / "templates" / name).read_text().split("\n", 1)[1]
    english = '<input type="submit" value="Search" class="button" />'
    assert english in upstream, "Wagtail's header changed: copy it again"
    translated = '<input type="submit" value="{% trans \'Search\' %}" class="button" />'
    assert ours == upstream.replace(english, translated)
    with translation.override("vi"):
        assert translation.gettext("Search") == "Tìm kiếm"
