from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Genre


class GenreViewSet(SnippetViewSet):
    model = Genre
    icon = "tag"
    menu_label = "Thể loại tin bài"
    list_display = ["name", "slug", "sort_order"]
    add_to_admin_menu = True
    menu_order = 320


register_snippet(GenreViewSet)
