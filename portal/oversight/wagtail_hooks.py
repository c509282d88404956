"""The admin of the letters statistics: "Đơn thư" in the menu, with the months'
figures (form, history, Excel import and template) and the receiving bodies."""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import LogFormatter

from . import admin_views
from .models import LetterMonth, ReceivingBody
from .services import IMPORT_ACTION, IMPORT_DELETE_ACTION


class LetterMonthIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        buttons += [
            HeaderButton(
                "Nhập từ Excel",
                url=reverse("oversight_letter_months:import"),
                icon_name="upload",
            ),
            HeaderButton(
                "Tải mẫu Excel",
                url=reverse("oversight_letter_months:template"),
                icon_name="download",
            ),
        ]
        return buttons


class LetterMonthViewSet(ModelViewSet):
    model = LetterMonth
    name = "oversight_letter_months"
    url_prefix = "don-thu/so-lieu"
    icon = "table"
    menu_label = "Số liệu theo tháng"
    index_view_class = LetterMonthIndexView
    list_display = [
        "body",
        Column("month", label="Tháng", sort_key="month"),
        Column("year", label="Năm", sort_key="year"),
        Column("received", label="Số đơn nhận"),
        Column("updated_at", label="Cập nhật"),
    ]
    list_filter = ["year", "month", "body"]
    search_fields = ["body__name", "outcome"]
    ordering = ["-year", "-month", "body__sort_order"]
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "nhap-excel/",
                lambda request: admin_views.import_letters_view(request, self.permission_policy),
                name="import",
            ),
            path(
                "mau-excel/",
                lambda request: admin_views.letters_template_view(request, self.permission_policy),
                name="template",
            ),
        ]


class ReceivingBodyDeleteView(DeleteView):
    """A body that holds figures is kept (the figures' body is protected): a message
    says so instead of a server error."""

    def form_valid(self, form):
        count = LetterMonth.objects.filter(body=self.object).count()
        if count:
            messages.error(
                self.request,
                f"Không thể xóa “{self.object.name}”: cơ quan này đã có {count} tháng số liệu "
                "đơn thư. Hãy xóa hoặc chuyển các số liệu đó trước.",
            )
            return redirect(self.index_url_name)
        return super().form_valid(form)


class ReceivingBodyViewSet(ModelViewSet):
    model = ReceivingBody
    name = "oversight_receiving_bodies"
    url_prefix = "don-thu/co-quan"
    icon = "group"
    menu_label = "Cơ quan tiếp nhận"
    delete_view_class = ReceivingBodyDeleteView
    list_display = ["name", "kind", "sort_order"]
    search_fields = ["name"]
    add_to_admin_menu = False


class LettersViewSetGroup(ModelViewSetGroup):
    menu_label = "Đơn thư"
    menu_icon = "mail"
    menu_order = 250
    items = (LetterMonthViewSet, ReceivingBodyViewSet)


@hooks.register("register_admin_viewset")
def register_letters_viewsets():
    return LettersViewSetGroup()


@hooks.register("register_log_actions")
def register_letters_log_actions(actions):
    @actions.register_action(IMPORT_ACTION)
    class LettersImported(LogFormatter):
        label = "Nhập từ Excel"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            changes = data.get("changes") or {}
            source = f"tệp “{data.get('file', '')}”, trang tính '{data.get('sheet', '')}'"
            if changes.get("created"):
                return f"Nhập mới từ {source}"
            listed = "; ".join(
                f"{label}: {change['old']} → {change['new']}"
                for label, change in changes.items()
                if isinstance(change, dict)
            )
            return f"Nhập lại từ {source}: {listed}"

    @actions.register_action(IMPORT_DELETE_ACTION)
    class LettersReplaced(LogFormatter):
        label = "Bị thay khi nhập lại từ Excel"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return (
                f"Xóa khi nhập lại tháng từ tệp “{data.get('file', '')}” (tệp không còn dòng này)"
            )


@hooks.register("register_admin_viewset")
def register_reception_viewsets():
    from .reception_admin import ReceptionViewSetGroup

    return ReceptionViewSetGroup()


@hooks.register("register_admin_viewset")
def register_recommendation_viewset():
    from .supervision_admin import RecommendationViewSet

    return RecommendationViewSet()
