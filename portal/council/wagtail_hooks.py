"""The council in the admin: session documents in their own menu entry (a listing with
each document's timeliness), and Wagtail's own document URL closed to the files of
documents a visitor may not see."""

from django.http import Http404
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import ResolutionForm, SessionDocumentForm
from .models import (
    Resolution,
    ResolutionField,
    ResolutionFile,
    SessionDocument,
    SessionDocumentFile,
)


class TimelinessColumn(Column):
    """ "Đăng muộn 2 ngày …" in red, computed with the rules read once per listing."""

    cell_template_name = "wagtailadmin/tables/cell.html"

    def get_value(self, instance):
        from .selectors import document_timeliness

        rules = getattr(self, "_rules", None)
        if rules is None:
            from .selectors import lead_times

            rules = self._rules = lead_times()
        timeliness = document_timeliness(instance, instance.session, rules)
        if not timeliness.applies:
            return "Không áp dụng"
        if timeliness.late:
            return format_html(
                '<strong class="w-text-critical-200">⚠ {}</strong>', timeliness.label
            )
        return timeliness.label


class SessionDocumentViewSet(ModelViewSet):
    model = SessionDocument
    edit_handler = ObjectList(SessionDocument.panels, base_form_class=SessionDocumentForm)
    icon = "doc-full"
    menu_label = "Tài liệu kỳ họp"
    menu_name = "session-documents"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "tai-lieu-ky-hop"
    list_filter = ["session", "document_type", "published"]
    search_fields = ["number", "abstract", "issuing_body"]
    search_backend_name = None
    ordering = ["-session__opening_date", "document_type", "sort_order"]

    @property
    def list_display(self):
        return [
            Column("number", label="Số, ký hiệu"),
            Column("abstract", label="Trích yếu"),
            Column("document_type", label="Loại", accessor="get_document_type_display"),
            Column("session", label="Kỳ họp"),
            Column("posted_at", label="Đăng lúc"),
            TimelinessColumn("timeliness", label="Thời hạn đăng"),
        ]

    def get_queryset(self, request):
        return SessionDocument.objects.select_related("session")


session_document_viewset = SessionDocumentViewSet("session_documents")


@hooks.register("register_admin_viewset")
def register_session_documents():
    return session_document_viewset


class StatusColumn(Column):
    """The status today, computed from the dates and the links (never typed)."""

    def get_value(self, instance):
        from .models import ResolutionStatus

        status = getattr(instance, "status", None) or instance.status_on()
        return ResolutionStatus(status).label


class ResolutionViewSet(ModelViewSet):
    model = Resolution
    edit_handler = ObjectList(Resolution.panels, base_form_class=ResolutionForm)
    icon = "clipboard-list"
    menu_label = "Sổ nghị quyết"
    menu_name = "resolutions"
    menu_order = 251
    add_to_admin_menu = True
    url_prefix = "so-nghi-quyet"
    list_filter = ["kind", "year", "field", "issuing_body", "published"]
    search_fields = ["code", "title", "issuing_body"]
    search_backend_name = None
    ordering = ["-adoption_date", "-number"]

    @property
    def list_display(self):
        return [
            Column("code", label="Số, ký hiệu"),
            Column("title", label="Trích yếu"),
            Column("kind", label="Loại", accessor="get_kind_display"),
            Column("adoption_date", label="Ngày thông qua"),
            Column("session", label="Kỳ họp"),
            StatusColumn("status", label="Trạng thái"),
        ]

    def get_queryset(self, request):
        from .selectors import with_status

        # The status in SQL, one query for the listing (the rule of Resolution.status_on).
        return with_status(Resolution.objects.select_related("session", "field"))


class ResolutionFieldViewSet(ModelViewSet):
    model = ResolutionField
    form_fields = ["name", "slug", "sort_order"]
    icon = "tag"
    menu_label = "Lĩnh vực nghị quyết"
    menu_name = "resolution-fields"
    menu_order = 252
    add_to_admin_menu = True
    url_prefix = "linh-vuc-nghi-quyet"
    search_fields = ["name"]
    search_backend_name = None
    list_display = ["name", "slug", "sort_order"]


resolution_viewset = ResolutionViewSet("resolutions")
resolution_field_viewset = ResolutionFieldViewSet("resolution_fields")


@hooks.register("register_admin_viewset")
def register_resolutions():
    return [resolution_viewset, resolution_field_viewset]


@hooks.register("before_serve_document")
def refuse_hidden_session_files(document, request):
    """``/documents/<id>/<name>`` serves any Wagtail document; one attached to a session
    document or a resolution is served only while a visitor may see that document or
    that resolution."""
    from .selectors import visible_documents, visible_resolutions

    hidden = Http404("Không tìm thấy tài liệu này, hoặc tài liệu chưa được công khai.")
    owners = SessionDocumentFile.objects.filter(file=document).values_list("document_id", flat=True)
    owners = list(owners)
    if owners and not visible_documents(SessionDocument.objects.filter(pk__in=owners)).exists():
        raise hidden
    resolutions = list(
        ResolutionFile.objects.filter(file=document).values_list("resolution_id", flat=True)
    )
    if resolutions and not (
        visible_resolutions(Resolution.objects.filter(pk__in=resolutions)).exists()
    ):
        raise hidden
