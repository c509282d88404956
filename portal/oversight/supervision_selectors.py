"""Reads of supervision and surveys: the filtered list, the year's programme, an
activity's plan, report and follow-up table, always through ``portal.core.visibility``.
A bad filter value is ignored and said so, never a 500."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, Q
from django.utils import timezone

from portal.core.visibility import visible_pages

from .models.supervision import (
    FollowUp,
    Recommendation,
    RecommendationStatus,
    SupervisionKind,
    SupervisionPage,
    SupervisionStatus,
)

FILTERS = {"nam": "Năm", "co-quan": "Cơ quan", "hinh-thuc": "Hình thức", "tinh-trang": "Tình trạng"}


def _with_follow_ups(recommendations):
    """Recommendations with their follow-up timelines, in order: two queries in all."""
    follow_ups = FollowUp.objects.select_related("document").order_by("date", "sort_order")
    return recommendations.order_by("number").prefetch_related(
        Prefetch("follow_ups", queryset=follow_ups)
    )


def _recommendations() -> Prefetch:
    return Prefetch("recommendations", queryset=_with_follow_ups(Recommendation.objects.all()))


def _with_statuses(items, today):
    for item in items:
        item.current_status = item.status(today)
        item.current_label = RecommendationStatus(item.current_status).label
    return items


def _activities(index):
    return (
        visible_pages(SupervisionPage.objects.child_of(index))
        .select_related("body", "report", "decision")
        .prefetch_related(_recommendations())
        .order_by("-start_date", "path")
    )


def _annotate(activity, today):
    items = _with_statuses(list(activity.recommendations.all()), today)
    activity.status_key = activity.status(today, items)
    activity.status_label = SupervisionStatus(activity.status_key).label
    activity.overdue_count = sum(i.current_status == RecommendationStatus.OVERDUE for i in items)
    activity.recommendation_list = items
    return activity


def activity_listing(index, params, today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    activities = [_annotate(a, today) for a in _activities(index)]
    years = sorted({a.start_date.year for a in activities}, reverse=True)
    bodies = sorted({a.body for a in activities if a.body_id}, key=lambda b: b.title)
    messages, chosen = [], {}

    raw = (params.get("nam") or "").strip()
    if raw:
        if raw.isdigit() and int(raw) in years:
            chosen["nam"] = int(raw)
            activities = [a for a in activities if a.start_date.year == int(raw)]
        else:
            messages.append(
                f"Không có hoạt động giám sát năm “{raw[:20]}”; đang hiển thị tất cả các năm."
            )
    raw = (params.get("co-quan") or "").strip()
    if raw:
        body = next((b for b in bodies if str(b.pk) == raw), None)
        if body is None:
            messages.append("Không có cơ quan đã chọn; đang hiển thị tất cả các cơ quan.")
        else:
            chosen["co-quan"] = body.pk
            activities = [a for a in activities if a.body_id == body.pk]
    for name, choices, attribute in (
        ("hinh-thuc", SupervisionKind, "kind"),
        ("tinh-trang", SupervisionStatus, "status_key"),
    ):
        raw = (params.get(name) or "").strip()
        if not raw:
            continue
        if raw in choices.values:
            chosen[name] = raw
            activities = [a for a in activities if getattr(a, attribute) == raw]
        else:
            messages.append(f"{FILTERS[name]} “{raw[:30]}” không có; bộ lọc này được bỏ qua.")
    return {
        "activities": activities,
        "years": years,
        "bodies": bodies,
        "kinds": SupervisionKind.choices,
        "statuses": SupervisionStatus.choices,
        "chosen_year": chosen.get("nam"),
        "chosen_body": chosen.get("co-quan"),
        "chosen_kind": chosen.get("hinh-thuc"),
        "chosen_status": chosen.get("tinh-trang"),
        "messages": messages,
        "today": today,
    }


def year_programme(index, year: int, today: datetime.date | None = None) -> dict:
    """The year's programme: every activity that runs in ``year``, by body, in date order."""
    today = today or timezone.localdate()
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    activities = [
        _annotate(a, today)
        for a in _activities(index).filter(Q(start_date__lte=last) & Q(end_date__gte=first))
    ]
    activities.sort(key=lambda a: (a.body.title if a.body_id else "", a.start_date))
    groups: dict = {}
    for activity in activities:
        groups.setdefault(activity.body, []).append(activity)
    return {"year": year, "groups": list(groups.items()), "activities": activities, "today": today}


def activity_overview(activity, today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    items = _with_statuses(
        list(_with_follow_ups(Recommendation.objects.filter(activity=activity))), today
    )
    visible_delegates = None
    members = []
    for member in activity.members.select_related("delegate"):
        if member.delegate_id:
            if visible_delegates is None:
                from portal.people.models import DelegatePage

                visible_delegates = set(
                    visible_pages(DelegatePage.objects.all()).values_list("pk", flat=True)
                )
            member.shown_delegate = (
                member.delegate if member.delegate_id in visible_delegates else None
            )
            if member.shown_delegate is None and not member.name:
                continue
        members.append(member)
    status = activity.status(today, items)
    return {
        "recommendations": items,
        "members": members,
        "steps": list(activity.steps.order_by("date", "sort_order")),
        "status_key": status,
        "status_label": SupervisionStatus(status).label,
        "overdue_count": sum(i.current_status == RecommendationStatus.OVERDUE for i in items),
        "today": today,
    }
