"""Browsing the news by date: ``?nam=2019`` and ``?nam=2019&thang=5`` on the news
index and on every category, with the years and months that hold articles.

The parameters are checked before anything is read: a year outside the portal's
range, a month outside 1–12 or a month without a year is a bad request, answered
in Vietnamese (never a 500, never an empty page that looks like a bug).
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils import timezone

FIRST_YEAR = 1990  # no council portal published before this


class ArchiveFilterError(ValueError):
    """The date in the address cannot be read; the message is for the visitor."""


@dataclass(frozen=True)
class ArchiveFilter:
    year: int | None = None
    month: int | None = None
    page: int = 1

    @property
    def active(self) -> bool:
        return self.year is not None

    @property
    def label(self) -> str:
        if self.month:
            return f"tháng {self.month:02d}/{self.year}"
        return f"năm {self.year}" if self.year else ""

    def query(self, *, page: int | None = None) -> str:
        """The normalised query string (``?nam=2019&thang=5&page=2``), or ""."""
        pairs = []
        if self.year:
            pairs.append(("nam", self.year))
        if self.month:
            pairs.append(("thang", self.month))
        number = self.page if page is None else page
        if number > 1:
            pairs.append(("page", number))
        return "?" + urlencode(pairs) if pairs else ""


def _whole_number(raw: str, name: str) -> int:
    raw = raw.strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
        raise ArchiveFilterError(f"{name} “{raw[:20]}” không phải là một số.")
    return int(raw)


def archive_filter(params) -> ArchiveFilter:
    """Read ``nam``, ``thang`` and ``page`` from the query; raise ArchiveFilterError."""
    raw_year = params.get("nam", "")
    raw_month = params.get("thang", "")
    year = month = None
    if raw_year:
        year = _whole_number(raw_year, "Năm")
        last = timezone.localdate().year + 1
        if not FIRST_YEAR <= year <= last:
            raise ArchiveFilterError(f"Năm phải từ {FIRST_YEAR} đến {last}.")
    if raw_month:
        if year is None:
            raise ArchiveFilterError("Hãy chọn năm trước khi chọn tháng.")
        month = _whole_number(raw_month, "Tháng")
        if not 1 <= month <= 12:
            raise ArchiveFilterError("Tháng phải từ 1 đến 12.")
    return ArchiveFilter(year=year, month=month, page=page_number(params))


LAST_PAGE = 100_000  # stands for "the last page": the paginator clamps it


def page_number(params) -> int:
    """``?page=`` as the paginator reads it, normalised so that one number names one
    rendering: not a number → 1; below 1 or past ``LAST_PAGE`` → the last page."""
    raw = params.get("page", "").strip()
    sign, digits = (raw[0], raw[1:]) if raw[:1] in ("+", "-") else ("", raw)
    if not digits or not digits.isascii() or not digits.isdigit():
        return 1
    if sign == "-" or len(digits) > 6:
        return LAST_PAGE
    number = int(digits)
    return LAST_PAGE if number < 1 or number > LAST_PAGE else number


@dataclass
class ArchiveYear:
    year: int
    count: int = 0
    months: list[tuple[int, int]] = field(default_factory=list)  # (month, count), newest first
