"""The reception schedule in the admin: "Tiếp công dân" in the menu, with the recurring
rules (saving one writes its receptions and says how many), the receptions one by one
(an edit keeps the entry out of the rule's reach) and the extra days off (adding one
moves the receptions of the rules it touches)."""

from django.contrib import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import receptions
from .models.receptions import NonWorkingDay, Reception, ReceptionRule


def _report(request, rule, report):
    messages.success(
        request,
        f"Lịch “{rule.title}”: tạo {report.created} buổi tiếp, cập nhật {report.updated}, "
        f"bỏ {report.removed}; giữ nguyên {report.kept} buổi đã sửa riêng.",
    )


class RuleCreateView(CreateView):
    def save_instance(self):
        rule = super().save_instance()
        _report(self.request, rule, receptions.expand_rule(rule))
        return rule


class RuleEditView(EditView):
    def save_instance(self):
        rule = super().save_instance()
        _report(self.request, rule, receptions.expand_rule(rule))
        return rule


class ReceptionRuleViewSet(ModelViewSet):
    model = ReceptionRule
    name = "oversight_reception_rules"
    url_prefix = "tiep-cong-dan/lich-dinh-ky"
    icon = "rotate"
    menu_label = "Lịch định kỳ"
    add_view_class = RuleCreateView
    edit_view_class = RuleEditView
    list_display = [
        "title",
        Column("frequency", label="Định kỳ", accessor="get_frequency_display"),
        Column("valid_from", label="Từ ngày"),
        Column("valid_until", label="Đến ngày"),
        "place",
    ]
    search_fields = ["title", "place"]
    search_backend_name = None
    add_to_admin_menu = False


class ReceptionEditView(EditView):
    def save_instance(self):
        self.form.instance.edited = bool(self.form.instance.rule_id)
        return super().save_instance()


class ReceptionViewSet(ModelViewSet):
    model = Reception
    name = "oversight_receptions"
    url_prefix = "tiep-cong-dan/buoi-tiep"
    icon = "date"
    menu_label = "Các buổi tiếp"
    edit_view_class = ReceptionEditView
    list_display = [
        Column("date", label="Ngày tiếp", sort_key="date"),
        Column("status", label="Tình trạng", accessor="get_status_display"),
        "place",
        Column("host_body", label="Cơ quan / tổ đại biểu"),
        Column("rule", label="Theo lịch định kỳ"),
    ]
    list_filter = ["status", "rule"]
    search_fields = ["place", "notice", "office_leader"]
    search_backend_name = None
    ordering = ["-date"]
    add_to_admin_menu = False


class DayOffMixin:
    def save_instance(self):
        day = super().save_instance()
        touched = ReceptionRule.objects.filter(valid_from__lte=day.date, valid_until__gte=day.date)
        for rule in touched:
            _report(self.request, rule, receptions.expand_rule(rule))
        return day


class DayOffCreateView(DayOffMixin, CreateView):
    pass


class DayOffEditView(DayOffMixin, EditView):
    pass


class NonWorkingDayViewSet(ModelViewSet):
    model = NonWorkingDay
    name = "oversight_days_off"
    url_prefix = "tiep-cong-dan/ngay-nghi"
    icon = "calendar-alt"
    menu_label = "Ngày nghỉ bổ sung"
    add_view_class = DayOffCreateView
    edit_view_class = DayOffEditView
    list_display = ["date", "name"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["-date"]
    add_to_admin_menu = False


class ReceptionViewSetGroup(ModelViewSetGroup):
    menu_label = "Tiếp công dân"
    menu_icon = "calendar-check"
    menu_order = 260
    items = (ReceptionViewSet, ReceptionRuleViewSet, NonWorkingDayViewSet)
