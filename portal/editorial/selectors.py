"""Reads over the newsroom's workflow."""

from __future__ import annotations

from django.db.models import Count

from .models import ReviewTaskState


def return_reasons(year: int | None = None) -> list[tuple[str, int]]:
    """(reason, how many items were returned or rejected for it), most frequent first."""
    states = ReviewTaskState.objects.filter(status=ReviewTaskState.STATUS_REJECTED)
    if year is not None:
        states = states.filter(finished_at__year=year)
    counted = (
        states.exclude(reason=None)
        .values("reason__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "reason__name")
    )
    return [(row["reason__name"], row["count"]) for row in counted]


def pending_held_uploads():
    """The files stamped as declassified that wait for the head, oldest first."""
    from .models import HeldUpload

    return HeldUpload.objects.filter(status=HeldUpload.PENDING).select_related(
        "uploaded_by", "collection"
    )
