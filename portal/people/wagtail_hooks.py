"""The people subject in the admin: constituencies as a snippet of their own."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Constituency


class ConstituencyViewSet(SnippetViewSet):
    model = Constituency
    icon = "site"
    menu_label = "Đơn vị bầu cử"
    menu_name = "constituencies"
    add_to_settings_menu = True
    list_display = ["__str__", "term", "seats", "units_label"]
    list_filter = ["term"]
    search_fields = ["description"]
    search_backend_name = None
    ordering = ["term", "number"]


register_snippet(ConstituencyViewSet)
