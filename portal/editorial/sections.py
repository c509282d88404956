"""Which sections a contributor writes in, through Wagtail's group page permissions.

The role group "Cộng tác viên" gives admin access and the media permissions, and no
page permission at all. A contributor writes in a section because they also belong
to that section's group, "Chuyên mục: <title>", which holds Wagtail's ``add``
permission on the section's page: they may create items there and edit their own
drafts (Wagtail's rule for ``add``), and nothing elsewhere. A commune's contributor
gets the commune council's category; a delegate gets "Tiếng nói người đại biểu" as
well. Administrators change the sections in the admin's group editor (Nhóm →
Quyền trên trang); ``grant_section`` is the same thing in code (load_demo, tests).

A user whose only page permission is ``add`` sees, in the explorer, the page
chooser and the admin's page search, the sections and the pages above them, and
below a section only their own items: never another contributor's drafts
(``wagtail_hooks``).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

SECTION_GROUP_PREFIX = "Chuyên mục: "
# Page permissions that let a user see or act on other people's items.
BEYOND_OWN_ITEMS = {"change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"}


def section_group(page) -> Group:
    """The group whose members write in ``page`` (created on first use)."""
    group, _ = Group.objects.get_or_create(name=f"{SECTION_GROUP_PREFIX}{page.title}"[:150])
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=page,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="add_page"
        ),
    )
    return group


def grant_section(user, page) -> Group:
    """Let ``user`` write in the section ``page``."""
    group = section_group(page)
    user.groups.add(group)
    return group


def sections_of(user) -> list:
    """The pages where ``user`` holds the ``add`` permission, in tree order."""
    ids = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="add_page"
    ).values_list("page_id", flat=True)
    return list(Page.objects.filter(pk__in=ids).order_by("path"))


def sees_only_own_items(user) -> bool:
    """A contributor: a signed-in user whose page permissions are ``add`` only."""
    if not user.is_authenticated or user.is_superuser:
        return False
    codenames = {
        perm.permission.codename
        for perm in PagePermissionPolicy().get_cached_permissions_for_user(user)
    }
    return not codenames & BEYOND_OWN_ITEMS


def own_items_q(user) -> Q:
    """Pages a contributor may see in the admin: their sections, the pages above
    them, and their own items below them."""
    roots = sections_of(user)
    if not roots:
        return Q(pk__in=[])
    steplen = Page.steplen
    above_or_self = {
        root.path[:length]
        for root in roots
        for length in range(steplen, len(root.path) + 1, steplen)
    }
    below = Q()
    for root in roots:
        below |= Q(path__startswith=root.path, depth__gt=root.depth)
    return Q(path__in=above_or_self) | (below & Q(owner=user))


def limit_to_own_items(pages, user):
    """``pages`` as a contributor may see them (unchanged for everyone else)."""
    if not sees_only_own_items(user):
        return pages
    return pages.filter(own_items_q(user))


class NewsroomPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with what a contributor may explore narrowed to their
    sections, the pages above them and their own items. The explorer, the admin's
    page search and every other view that asks the policy get the same answer."""

    def explorable_instances(self, user):
        return limit_to_own_items(super().explorable_instances(user), user)


def register_page_permission_policy():
    from wagtail.models import AbstractPage
    from wagtail.permissions import register_permission_policy

    register_permission_policy(AbstractPage, NewsroomPagePermissionPolicy(Page))
