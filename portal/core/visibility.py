"""What a visitor may see: the one rule, written once.

A page is visible when it is live, its ``expire_at`` (if any) is still ahead,
and neither it nor an ancestor carries a view restriction (password, login or
group). ``live`` covers drafts and not-yet-live scheduled pages; the expiry
test covers pages whose ``expire_at`` has passed but that ``publish_scheduled``
has not unpublished yet.

Every listing, feed, sitemap, menu, related-items block, the search index and
its queries, the home page's links and the page cache's lifetime call this
module; the newsroom's classification and internal-circulation rules belong
here too, once, when they come.

- ``visible_q()``: the rule as a ``Q`` over a page's columns (or over copies of
  them, e.g. a search row's ``path`` and ``expire_at``);
- ``visible_pages(queryset)``: a page queryset filtered by it;
- ``is_visible(page)``: the same rule for one page already fetched;
- ``next_visibility_change()``: the next moment the answer changes by itself
  (a page going live or expiring), which bounds every cached copy.
"""

from __future__ import annotations

import datetime

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Page, PageViewRestriction, Revision


def restricted_paths() -> list[str]:
    """Tree paths of the pages carrying a view restriction (one query)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())


def not_expired_q(now=None, *, expire_at: str = "expire_at") -> Q:
    now = now or timezone.now()
    return Q(**{f"{expire_at}__isnull": True}) | Q(**{f"{expire_at}__gt": now})


def visible_q(
    now=None,
    *,
    restricted: list[str] | None = None,
    live: str | None = "live",
    path: str = "path",
    expire_at: str = "expire_at",
) -> Q:
    """The rule as a ``Q``; the keyword arguments name the columns that hold a page's
    ``live``, ``path`` and ``expire_at`` (``live=None`` for rows that only exist
    while their page is live)."""
    if restricted is None:
        restricted = restricted_paths()
    q = not_expired_q(now, expire_at=expire_at)
    if live is not None:
        q &= Q(**{live: True})
    for restricted_path in restricted:
        q &= ~Q(**{f"{path}__startswith": restricted_path})
    return q


def visible_pages(queryset=None, now=None):
    """``queryset`` (every page by default) without what a visitor may not see."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.filter(visible_q(now))


def visible_links(*groups):
    """Each list of links (objects with ``link_page_id``) without the links to pages
    a visitor may not see; links to an address stay. One query for all of them."""
    targets = {item.link_page_id for items in groups for item in items} - {None}
    visible = set()
    if targets:
        visible = set(
            visible_pages(Page.objects.filter(pk__in=targets)).values_list("pk", flat=True)
        )
    return [
        [item for item in items if item.link_page_id is None or item.link_page_id in visible]
        for items in groups
    ]


def is_expired(page, now=None) -> bool:
    return bool(page.expire_at and page.expire_at <= (now or timezone.now()))


def is_visible(page, now=None, *, restricted: list[str] | None = None) -> bool:
    """The rule for one page already fetched (pass ``restricted`` when checking many)."""
    if not page.live or is_expired(page, now):
        return False
    if restricted is None:
        restricted = restricted_paths()
    return not any(page.path.startswith(restricted_path) for restricted_path in restricted)


def next_visibility_change(now=None):
    """The earliest future moment a page goes live or expires, or None.

    One query over two indexed columns: ``wagtailcore_revision.approved_go_live_at``
    (indexed by Wagtail) and ``wagtailcore_page.expire_at`` (indexed by
    ``core`` migration 0003).
    """
    now = now or timezone.now()
    value = connection.ops.adapt_datetimefield_value(now)
    quote = connection.ops.quote_name
    sql = (
        "SELECT MIN(t) FROM ("
        f"SELECT MIN({quote('expire_at')}) AS t FROM {quote(Page._meta.db_table)} "
        f"WHERE {quote('live')} = %s AND {quote('expire_at')} > %s "
        "UNION ALL "
        f"SELECT MIN({quote('approved_go_live_at')}) AS t FROM {quote(Revision._meta.db_table)} "
        f"WHERE {quote('approved_go_live_at')} > %s"
        ") next_change"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [True, value, value])
        (moment,) = cursor.fetchone()
    if moment is None:
        return None
    if isinstance(moment, str):  # SQLite returns the stored text
        moment = parse_datetime(moment)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment
