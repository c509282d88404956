from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import AdministrativeUnit, Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Tác giả"
    list_display = ["name", "unit", "is_contributor", "user"]
    list_filter = ["is_contributor"]
    search_fields = ["name", "unit"]
    add_to_admin_menu = True
    menu_order = 300


class AdministrativeUnitViewSet(SnippetViewSet):
    model = AdministrativeUnit
    icon = "site"
    menu_label = "Đơn vị hành chính"
    list_display = ["name", "kind", "code", "parent", "valid_from", "valid_to", "successor"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "code"]
    add_to_admin_menu = True
    menu_order = 310


register_snippet(AuthorViewSet)
register_snippet(AdministrativeUnitViewSet)


# The help menu: the portal's own editor guide, in Vietnamese, instead of
# Wagtail's links to guide.wagtail.org that a closed network cannot open.
EXTERNAL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def drop_external_help_links(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(EXTERNAL_HELP_ITEMS)]


@hooks.register("register_help_menu_item")
def register_editor_guide_menu_item():
    return MenuItem(
        "Hướng dẫn biên tập",
        reverse("portal_editor_guide"),
        name="portal-editor-guide",
        icon_name="help",
        order=1000,
    )


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("huong-dan/", admin_views.editor_guide, name="portal_editor_guide")]
