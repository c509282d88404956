"""Which pages a visitor may see. Every public listing goes through here.

A page is visible when it is live, not expired, and neither it nor an ancestor
carries a view restriction (password, login or group). Wagtail's ``public()``
covers restrictions; ``live`` covers drafts and not-yet-live scheduled pages;
the expiry filter covers pages whose ``expire_at`` has passed but that
``publish_scheduled`` has not unpublished yet.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page


def not_expired_q(now=None) -> Q:
    now = now or timezone.now()
    return Q(expire_at__isnull=True) | Q(expire_at__gt=now)


def visible_pages(queryset=None):
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.live().public().filter(not_expired_q())


def page_is_visible(page) -> bool:
    """For a single page already fetched (e.g. a related item)."""
    if not page.live:
        return False
    if page.expire_at and page.expire_at <= timezone.now():
        return False
    return not page.get_view_restrictions().exists()
