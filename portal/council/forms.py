"""The admin form of a session document: the agenda items offered are its session's, and
a version once posted is never deleted (it is replaced by a new one)."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

KEEP_VERSIONS = (
    "Không xóa được tệp “%(name)s” (phiên bản %(version)s) của một tài liệu đã đăng: các "
    "phiên bản được giữ lại để đường dẫn cũ vẫn dùng được. Hãy thêm tệp mới cùng tên để "
    "thay thế, hoặc bỏ chọn “Công khai trên cổng”."
)


class SessionDocumentForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import AgendaItem

        field = self.fields.get("agenda_item")
        if field is not None:
            items = AgendaItem.objects.select_related("page").order_by("page_id", "sort_order")
            if self.instance.session_id:
                items = items.filter(page_id=self.instance.session_id)
            field.queryset = items

    def clean(self):
        cleaned_data = super().clean()
        files = self.formsets.get("files") if hasattr(self, "formsets") else None
        if files is not None and self.instance.pk and self.instance.posted_at:
            for form in getattr(files, "deleted_forms", []):
                item = form.instance
                if item.pk:
                    raise ValidationError(
                        KEEP_VERSIONS, params={"name": item.name, "version": item.version}
                    )
        return cleaned_data


class ResolutionForm(WagtailAdminModelForm):
    """The admin form of a resolution: the links it makes are checked together, as the
    form holds them (never itself, never a cycle through the links already stored), and
    only a resolution-type session document is offered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import DocumentType, SessionDocument

        field = self.fields.get("session_document")
        if field is not None:
            documents = SessionDocument.objects.filter(document_type=DocumentType.RESOLUTION)
            field.queryset = documents.select_related("session").order_by("-issue_date", "number")

    def clean(self):
        from .models.resolutions import relation_errors

        cleaned_data = super().clean()
        relations = self.formsets.get("relations") if hasattr(self, "formsets") else None
        if relations is None:
            return cleaned_data
        deleted = set(getattr(relations, "deleted_forms", []))
        targets = []
        for form in relations.forms:
            if form in deleted or not hasattr(form, "cleaned_data"):
                continue
            target = form.cleaned_data.get("target")
            if target is not None:
                targets.append((form, target.pk))
        for form, target_id in targets:
            problems = relation_errors(self.instance.pk, [target_id])
            if problems:
                form.add_error("target", problems)
        return cleaned_data
