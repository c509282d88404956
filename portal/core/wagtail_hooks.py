from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
