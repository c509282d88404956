"""The admin's Vietnamese catalogs (docs/vietnamese-admin.md).

Wagtail's and Django's own Vietnamese catalogs translate a small part of what
the admin shows. The portal keeps, for every upstream app and domain the admin
uses, a source catalog holding every string of that app's English template
(``portal/locale/sources/<app>.<domain>.po``), and joins the sources into the
catalogs Django loads first (``LOCALE_PATHS``: ``portal/locale/vi/LC_MESSAGES``).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings

DOMAINS = ("django", "djangojs")
SOURCES_DIR = Path(settings.BASE_DIR) / "portal" / "locale" / "sources"
CATALOG_DIR = Path(settings.BASE_DIR) / "portal" / "locale" / "vi" / "LC_MESSAGES"
HEADER = {
    "Project-Id-Version": "hdnd-portal",
    "Language": "vi",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}

# Every app whose strings the admin shows: Wagtail's, the contrib apps in use,
# and Django's own (form validation, auth, dates, relative times).
UPSTREAM_APPS = (
    "wagtail",
    "wagtail.admin",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.snippets",
    "wagtail.users",
    "wagtail.search",
    "wagtail.sites",
    "wagtail.embeds",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "django.conf",
    "django.contrib.auth",
    "django.contrib.admin",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.humanize",
    "django.contrib.sites",
)


@dataclass(frozen=True)
class Upstream:
    app: str
    domain: str

    @property
    def name(self) -> str:
        return f"{self.app}.{self.domain}"

    def _locale(self, language: str) -> Path:
        package = Path(importlib.util.find_spec(self.app).origin).parent
        return package / "locale" / language / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def template(self) -> Path:
        """The app's English catalog: every string it has, untranslated."""
        return self._locale("en")

    @property
    def upstream_translation(self) -> Path:
        return self._locale("vi")

    @property
    def source(self) -> Path:
        return SOURCES_DIR / f"{self.name}.po"


def upstreams() -> list[Upstream]:
    found = []
    for app in UPSTREAM_APPS:
        for domain in DOMAINS:
            upstream = Upstream(app, domain)
            if upstream.template.exists():
                found.append(upstream)
    return found


def key(entry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def is_translated(entry) -> bool:
    if entry.obsolete or entry.fuzzy:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def template_keys(upstream: Upstream) -> set:
    return {key(entry) for entry in polib.pofile(str(upstream.template)) if not entry.obsolete}


@dataclass
class MergeReport:
    name: str
    total: int
    translated: int
    new: int
    changed: int

    @property
    def line(self) -> str:
        share = 100 * self.translated / self.total if self.total else 100
        return (
            f"{self.name}: {self.translated}/{self.total} đã dịch ({share:.1f} %), "
            f"{self.new} chuỗi mới, {self.changed} chuỗi đã đổi"
        )


def _start_source(upstream: Upstream) -> None:
    """A first source catalog: the template's strings, with Wagtail's or Django's
    own Vietnamese where it has any."""
    own = (
        polib.pofile(str(upstream.upstream_translation))
        if upstream.upstream_translation.exists()
        else None
    )
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {**HEADER, "Project-Id-Version": upstream.name}
    for entry in polib.pofile(str(upstream.template)):
        if entry.obsolete:
            continue
        fresh = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgid_plural=entry.msgid_plural,
            occurrences=entry.occurrences,
            flags=[flag for flag in entry.flags if flag != "fuzzy"],
        )
        known = own.find(entry.msgid, msgctxt=entry.msgctxt) if own else None
        if entry.msgid_plural:
            fresh.msgstr_plural = {0: known.msgstr_plural.get(0, "") if known else ""}
        elif known and not known.fuzzy:
            fresh.msgstr = known.msgstr
        catalog.append(fresh)
    upstream.source.parent.mkdir(parents=True, exist_ok=True)
    catalog.save(str(upstream.source))


def merge_upstream(upstream: Upstream) -> MergeReport:
    """Bring the source catalog in step with the installed app's template.

    GNU ``msgmerge`` keeps every translation whose string is unchanged, marks a
    string whose English changed as fuzzy with its previous text (``--previous``),
    adds new strings untranslated and drops the ones the app no longer has.
    """
    if not upstream.source.exists():
        _start_source(upstream)
        before = set()
    else:
        before = {key(entry) for entry in polib.pofile(str(upstream.source))}
    msgmerge = shutil.which("msgmerge")
    if msgmerge is None:
        raise RuntimeError("Cần GNU gettext (msgmerge): apt-get install gettext")
    options = ["--quiet", "--update", "--backup=none", "--previous", "--no-wrap"]
    if not before:  # just started from the app's own translation: nothing to guess from
        options.append("--no-fuzzy-matching")
    subprocess.run([msgmerge, *options, str(upstream.source), str(upstream.template)], check=True)
    catalog = polib.pofile(str(upstream.source), wrapwidth=0)
    for entry in catalog.obsolete_entries():
        catalog.remove(entry)
    catalog.metadata.update({"Plural-Forms": HEADER["Plural-Forms"], "Language": "vi"})
    catalog.save(str(upstream.source))
    live = [entry for entry in catalog if not entry.obsolete]
    return MergeReport(
        name=upstream.name,
        total=len(live),
        translated=sum(is_translated(entry) for entry in live),
        new=sum(1 for entry in live if before and key(entry) not in before and not entry.fuzzy),
        changed=sum(1 for entry in live if entry.fuzzy),
    )


def build_catalogs() -> dict[str, int]:
    """Join the source catalogs into one per domain (the first translation of a
    string wins) and compile each to ``.mo``. Returns the entries per domain."""
    CATALOG_DIR.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for domain in DOMAINS:
        joined = polib.POFile(wrapwidth=0)
        joined.metadata = dict(HEADER)
        seen = set()
        for upstream in upstreams():
            if upstream.domain != domain or not upstream.source.exists():
                continue
            for entry in polib.pofile(str(upstream.source)):
                if not is_translated(entry) or key(entry) in seen:
                    continue
                seen.add(key(entry))
                joined.append(
                    polib.POEntry(
                        msgid=entry.msgid,
                        msgctxt=entry.msgctxt,
                        msgid_plural=entry.msgid_plural,
                        msgstr=entry.msgstr,
                        msgstr_plural=entry.msgstr_plural,
                        flags=[flag for flag in entry.flags if flag != "fuzzy"],
                        comment=f"from {upstream.app}",
                    )
                )
        joined.save(str(CATALOG_DIR / f"{domain}.po"))
        joined.save_as_mofile(str(CATALOG_DIR / f"{domain}.mo"))
        sizes[domain] = len(joined)
    return sizes
