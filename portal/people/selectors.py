"""Reads of the people subject: the directory of delegates and bodies, a body's members
and a delegate's posts and writings, always through ``portal.core.visibility``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from portal.core.text import fold
from portal.core.visibility import visible_pages

from .models import BodyKind, BodyPage, DelegatePage, Membership
from .models.choices import ROLE_RANK

PHOTO_LIST = "fill-120x150"
PHOTO_PAGE = "fill-240x300"
NEWS_LIMIT = 6
KIND_ORDER = {kind: position for position, kind in enumerate(BodyKind.values)}


def _photos(spec: str) -> Prefetch:
    return Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(spec))


def _memberships(day: datetime.date) -> Prefetch:
    """The posts held on ``day``, with their bodies (one query for every delegate)."""
    from django.db.models import Q

    current = Q(start_date__isnull=True) | Q(start_date__lte=day)
    current &= Q(end_date__isnull=True) | Q(end_date__gte=day)
    return Prefetch(
        "memberships",
        queryset=Membership.objects.filter(current).select_related("body"),
        to_attr="current_memberships",
    )


def visible_bodies(index=None):
    bodies = visible_pages(BodyPage.objects.all())
    if index is not None:
        bodies = bodies.child_of(index)
    return sorted(bodies, key=lambda body: (KIND_ORDER.get(body.kind, 99), body.path))


def _rank(membership) -> tuple:
    return (KIND_ORDER.get(membership.body.kind, 99), ROLE_RANK.get(membership.role, 99))


def _main_title(delegate) -> str:
    """The title a delegate is known by: the highest post, else their position."""
    posts = sorted(delegate.current_memberships, key=_rank)
    for post in posts:
        if post.body.kind != BodyKind.DELEGATE_GROUP:
            return post.title
    return delegate.position


@dataclass
class DelegateGroup:
    body: BodyPage | None
    delegates: list = field(default_factory=list)


def delegate_directory(index, params, day: datetime.date | None = None) -> dict:
    """Every visible delegate of the section grouped by delegate group (Tổ đại biểu), with
    the filters of the directory: ``q`` (a name, with or without diacritics) and ``to``
    (a delegate group's id). A bad value is ignored and said so. Four queries whatever
    the number of delegates."""
    day = day or timezone.localdate()
    bodies = visible_bodies(index)
    groups_by_id = {b.pk: b for b in bodies if b.kind == BodyKind.DELEGATE_GROUP}
    messages = []

    query = (params.get("q") or "").strip()[:100]
    chosen = None
    raw_group = (params.get("to") or "").strip()
    if raw_group:
        try:
            chosen = groups_by_id[int(raw_group)]
        except (ValueError, KeyError):
            messages.append("Không có tổ đại biểu đã chọn; danh sách hiển thị tất cả các tổ.")

    delegates = list(
        visible_pages(DelegatePage.objects.child_of(index))
        .select_related("constituency")
        .prefetch_related(_photos(PHOTO_LIST), _memberships(day))
        .order_by("title")
    )
    if query:
        wanted = fold(query)
        delegates = [d for d in delegates if wanted in fold(d.title)]
    groups: dict[int | None, DelegateGroup] = {}
    for delegate in delegates:
        delegate.main_title = _main_title(delegate)
        group = next(
            (m.body for m in delegate.current_memberships if m.body_id in groups_by_id), None
        )
        if chosen is not None and group != chosen:
            continue
        key = group.pk if group else None
        groups.setdefault(key, DelegateGroup(group)).delegates.append(delegate)
    ordered = [groups[b.pk] for b in groups_by_id.values() if b.pk in groups]
    if None in groups:
        ordered.append(groups[None])
    return {
        "bodies": [b for b in bodies if b.kind != BodyKind.DELEGATE_GROUP],
        "delegate_groups": list(groups_by_id.values()),
        "groups": ordered,
        "delegate_count": sum(len(g.delegates) for g in ordered),
        "query": query,
        "chosen_group": chosen,
        "messages": messages,
    }


def body_members(body, day: datetime.date | None = None) -> tuple[list, list]:
    """(current, former) memberships of ``body`` whose delegates a visitor may see, in the
    order of their roles; two queries."""
    day = day or timezone.localdate()
    visible_ids = visible_pages(DelegatePage.objects.all()).values("pk")
    memberships = list(
        Membership.objects.filter(body=body, page_id__in=visible_ids)
        .select_related("page")
        .prefetch_related(
            Prefetch(
                "page__photo", queryset=get_image_model().objects.prefetch_renditions(PHOTO_LIST)
            )
        )
    )
    memberships.sort(key=lambda m: (ROLE_RANK.get(m.role, 99), m.start_date or day, m.page.title))
    current = [m for m in memberships if m.is_current(day)]
    former = [m for m in memberships if not m.is_current(day) and (m.end_date or day) < day]
    return current, former


def category_news(category_id, phrase: str = "", limit: int = NEWS_LIMIT) -> list:
    """The newest visible items below a news category (optionally only those whose title
    names ``phrase``), as their specific pages."""
    if not category_id:
        return []
    try:
        category = Page.objects.get(pk=category_id)
    except Page.DoesNotExist:
        return []
    items = visible_pages(Page.objects.descendant_of(category)).filter(depth=category.depth + 1)
    if phrase:
        items = items.filter(title__icontains=phrase)
    return list(items.order_by("-first_published_at").specific()[:limit])


def body_overview(body) -> dict:
    current, former = body_members(body)
    return {
        "members": current,
        "former_members": former,
        "news": category_news(body.news_category_id, body.news_phrase),
    }


def delegate_overview(delegate, day: datetime.date | None = None) -> dict:
    day = day or timezone.localdate()
    memberships = list(
        delegate.memberships.select_related("body").order_by("-start_date", "sort_order")
    )
    visible_body_ids = {b.pk for b in visible_pages(BodyPage.objects.all()).only("pk")}
    memberships = [m for m in memberships if m.body_id in visible_body_ids]
    for membership in memberships:
        membership.current = membership.is_current(day)
    memberships.sort(key=lambda m: (not m.current, *_rank(m)))
    voice = getattr(delegate, "voice_items", None)
    writings = []
    if voice is not None:
        writings = list(visible_pages(voice.all()).order_by("-first_published_at")[:NEWS_LIMIT])
    return {
        "memberships": memberships,
        "terms": list(visible_pages(delegate.terms.all()).order_by("start_year")),
        "writings": writings,
    }
