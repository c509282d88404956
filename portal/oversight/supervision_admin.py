"""Supervision in the admin: the activities are pages (the page tree, under "Giám sát,
khảo sát"); their recommendations, each with its follow-up timeline, have their own
menu entry, filterable by activity, with the computed status in the listing."""

from django.utils.html import format_html
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models.supervision import Recommendation, RecommendationStatus


class StatusColumn(Column):
    def get_value(self, instance):
        status = instance.status()
        label = RecommendationStatus(status).label
        if status == RecommendationStatus.OVERDUE:
            return format_html('<strong class="w-text-critical-200">⚠ {}</strong>', label)
        return label


class RecommendationViewSet(ModelViewSet):
    model = Recommendation
    name = "oversight_recommendations"
    url_prefix = "giam-sat/kien-nghi"
    icon = "tasks"
    menu_label = "Kiến nghị giám sát"
    menu_order = 255
    add_to_admin_menu = True
    list_filter = ["activity"]
    search_fields = ["text", "agency"]
    search_backend_name = None
    ordering = ["-activity__start_date", "number"]

    @property
    def list_display(self):
        return [
            Column("number", label="Số"),
            Column("text", label="Kiến nghị"),
            Column("agency", label="Cơ quan thực hiện"),
            Column("due_date", label="Thời hạn"),
            Column("activity", label="Hoạt động giám sát"),
            StatusColumn("status", label="Tình trạng"),
        ]

    def get_queryset(self, request):
        return Recommendation.objects.select_related("activity").prefetch_related("follow_ups")
