"""Upload limits for images and documents, with Vietnamese messages.

Wagtail enforces ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and ``WAGTAILDOCS_MAX_UPLOAD_SIZE``
in its file fields, but its Vietnamese catalogue has no translation for those
messages, so editors would read English. These form bases (set as
``WAGTAILIMAGES_IMAGE_FORM_BASE`` and ``WAGTAILDOCS_DOCUMENT_FORM_BASE``) are
used by every admin upload route: the add and edit views, the multiple upload
view and the choosers.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from . import registry


def format_file_size(size: int) -> str:
    """'35,2 MB', '30 MB', '512 KB', '900 byte': Vietnamese decimal comma, no ',0'."""
    value, unit = float(size), "byte"
    for next_unit in ("KB", "MB", "GB", "TB"):
        if value < 1024:
            break
        value, unit = value / 1024, next_unit
    if unit == "byte":
        return f"{int(value)} byte"
    text = f"{value:.1f}".replace(".", ",")
    if text.endswith(",0"):
        text = text[:-2]
    return f"{text} {unit}"


def _vietnamese_size_messages(field) -> None:
    limit = getattr(field, "max_upload_size", None)
    if limit is None:
        return
    limit_text = format_file_size(limit)
    # Wagtail fills in %(file_size)s and %(max_filesize)s itself.
    field.error_messages["file_too_large"] = (
        "Tệp quá lớn (%(file_size)s). Dung lượng tối đa là " + limit_text + "."
    )
    field.error_messages["file_too_large_unknown_size"] = (
        f"Tệp quá lớn. Dung lượng tối đa là {limit_text}."
    )


class UploadChecksMixin:
    """Runs the checks subjects register (``portal.core.registry.upload_checks``, e.g.
    the classification gate) on a newly uploaded file, before anything is stored:
    a refusal is a form error on the file, in the uploader's language."""

    def __init__(self, *args, **kwargs):
        self.uploader = kwargs.get("user")  # Wagtail's collection forms take it, keep none
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        file = cleaned_data.get("file")
        if isinstance(file, UploadedFile) and "file" not in self.errors:
            for check in registry.upload_checks():
                try:
                    check(file, cleaned_data.get("title", ""), self.uploader)
                except ValidationError as error:
                    self.add_error("file", error)
                    break
        return cleaned_data


class DocumentForm(UploadChecksMixin, BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            _vietnamese_size_messages(field)
            if field.max_upload_size is not None:
                field.help_text = f"Dung lượng tối đa: {format_file_size(field.max_upload_size)}."

    def clean_file(self):
        """The extension check of ``Document.clean``, with a Vietnamese message."""
        file = self.cleaned_data.get("file")
        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        if file and allowed:
            extension = PurePath(file.name).suffix.lower().lstrip(".")
            if extension not in allowed:
                shown = f"“.{extension}”" if extension else "không có phần mở rộng"
                raise ValidationError(
                    f"Không nhận loại tệp {shown}. Các loại tệp được nhận: {', '.join(allowed)}.",
                    code="invalid_extension",
                )
        return file

    def _post_clean(self):
        # Document.clean() checks the extension of whatever file the instance
        # holds, in English; once the form refused the file that would only add
        # a second, misleading message ("File extension “” is not allowed").
        refused = self._errors.get("file")
        kept = refused.copy() if refused else None
        super()._post_clean()
        if kept is not None:
            self._errors["file"] = kept


class ImageForm(UploadChecksMixin, BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is None:
            return
        _vietnamese_size_messages(field)
        formats = field.supported_formats_text
        field.error_messages["invalid_image_extension"] = (
            f"Định dạng ảnh không được hỗ trợ. Các định dạng được hỗ trợ: {formats}."
        )
        field.error_messages["invalid_image_known_format"] = (
            "Tệp không phải ảnh .%(extension)s hợp lệ: phần mở rộng không khớp "
            "với định dạng thật của tệp (%(image_format)s)."
        )
        field.error_messages["file_too_many_pixels"] = (
            "Ảnh có quá nhiều điểm ảnh (%(num_pixels)s). Tối đa %(max_pixels_count)s điểm ảnh."
        )
        if field.max_upload_size is not None:
            field.help_text = (
                f"Định dạng hỗ trợ: {formats}. "
                f"Dung lượng tối đa: {format_file_size(field.max_upload_size)}."
            )
        else:
            field.help_text = f"Định dạng hỗ trợ: {formats}."
