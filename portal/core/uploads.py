"""Upload limits for images and documents, with Vietnamese messages.

Wagtail enforces ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and ``WAGTAILDOCS_MAX_UPLOAD_SIZE``
in its file fields, but its Vietnamese catalogue has no translation for those
messages, so editors would read English. These form bases (set as
``WAGTAILIMAGES_IMAGE_FORM_BASE`` and ``WAGTAILDOCS_DOCUMENT_FORM_BASE``) are
used by every admin upload route: the add and edit views, the multiple upload
view and the choosers.

Images are measured before anything decodes them (a decompression bomb is refused
with its real size, in Vietnamese, without Pillow holding its pixels), then stored
re-encoded: the original an editor uploads is decoded and saved again in its own
format with its pixels and what displaying them needs (ICC profile, transparency,
frames and their timing, resolution), and nothing else. Comments, text chunks,
EXIF (GPS position included; the orientation is applied to the pixels), XMP and
bytes after the image's end are gone, and with them whatever a file that is at once
a picture and a script (a GIF/JavaScript polyglot) carried.
"""

import io
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from PIL import Image as PILImage
from PIL import ImageSequence, JpegImagePlugin
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from . import registry
from .templatetags.vi_format import so


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

    upload_media: str = ""  # "document" or "image"

    def __init__(self, *args, **kwargs):
        self.uploader = kwargs.get("user")  # Wagtail's collection forms take it, keep none
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        file = cleaned_data.get("file")
        if isinstance(file, UploadedFile) and "file" not in self.errors:
            # A new file (not one replacing an existing document's or image's) may be
            # held by a check rather than refused: the check is told what it would be.
            is_new = self.instance is None or self.instance.pk is None
            for check in registry.upload_checks():
                try:
                    check(
                        file,
                        cleaned_data.get("title", ""),
                        self.uploader,
                        collection=cleaned_data.get("collection"),
                        media=self.upload_media if is_new else None,
                    )
                except ValidationError as error:
                    self.add_error("file", error)
                    break
        return cleaned_data


class DocumentForm(UploadChecksMixin, BaseDocumentForm):
    upload_media = "document"

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


# --- measuring an image ----------------------------------------------------------

INVALID_IMAGE = "Tệp không phải ảnh hợp lệ hoặc đã bị hỏng. Hãy chọn một tệp ảnh khác."


def too_many_pixels(pixels: int | None, limit: int) -> ValidationError:
    """'Ảnh có quá nhiều điểm ảnh (52.000.000). Tối đa 40.000.000 điểm ảnh.'"""
    counted = f" ({so(pixels)})" if pixels is not None else ""
    return ValidationError(
        f"Ảnh có quá nhiều điểm ảnh{counted}. Tối đa {so(limit)} điểm ảnh "
        "(với ảnh động: tổng của mọi khung hình). Hãy thu nhỏ ảnh rồi tải lên lại.",
        code="file_too_many_pixels",
    )


def header_pixel_count(file, format_name: str) -> int | None:
    """Width × height × frames as the file's headers say, without decoding a pixel
    and without Pillow's decompression-bomb limit (``Image.open`` refuses a bomb
    before saying how big it is; its format's own reader only parses the headers).
    None when the headers cannot be read."""
    PILImage.init()
    reader = PILImage.OPEN.get(format_name.upper())
    if reader is None:
        return None
    file.seek(0)
    try:
        image = reader[0](file, "")
        width, height = image.size
        return width * height * getattr(image, "n_frames", 1)
    except Exception:  # noqa: BLE001 - whatever a broken header raises: not measurable
        return None
    finally:
        file.seek(0)


def _check_image_pixel_size(field, file) -> None:
    """Replaces ``WagtailImageField.check_image_pixel_size`` on the form's field:
    too many pixels are refused from the headers, before Wagtail (Willow) decodes the
    picture to read its size; a picture that cannot be decoded is refused as invalid
    instead of failing the request."""
    limit = field.max_image_pixels or 2 * (PILImage.MAX_IMAGE_PIXELS or 0) or None
    pixels = header_pixel_count(file, file.image.format_name)
    if limit is not None and pixels is not None and pixels > limit:
        raise too_many_pixels(pixels, limit)
    try:
        WagtailImageField.check_image_pixel_size(field, file)
    except ValidationError as error:
        if error.code == "file_too_many_pixels":  # Pillow refused: headers unreadable
            raise too_many_pixels(pixels, limit) from None
        raise
    except (OSError, SyntaxError, ValueError) as error:  # truncated or corrupt data
        raise ValidationError(INVALID_IMAGE, code="invalid_image") from error
    finally:
        file.seek(0)


# --- re-encoding an image -------------------------------------------------------

# The formats re-encoded (Willow's names; WAGTAILIMAGES_EXTENSIONS allows no other), as
# Pillow writes them; a JPEG that Pillow reads as MPO (a phone's photo with its depth
# map or previews) is stored as its main picture.
REENCODED_FORMATS = {"jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}
# What each format keeps of a frame's information besides its pixels.
KEPT_FRAME_INFO = {
    "GIF": {"transparency", "duration"},
    "PNG": {"transparency", "duration"},
    "WEBP": {"duration"},
    "JPEG": set(),
}
# EXIF orientation → the transposition that shows the picture upright.
ORIENTATION = {
    2: PILImage.Transpose.FLIP_LEFT_RIGHT,
    3: PILImage.Transpose.ROTATE_180,
    4: PILImage.Transpose.FLIP_TOP_BOTTOM,
    5: PILImage.Transpose.TRANSPOSE,
    6: PILImage.Transpose.ROTATE_270,
    7: PILImage.Transpose.TRANSVERSE,
    8: PILImage.Transpose.ROTATE_90,
}


def _webp_is_lossless(data: bytes) -> bool:
    """Whether the WebP's (first) picture is VP8L, lossless, rather than VP8, lossy:
    the RIFF chunks are walked, those of an animation's first frame too."""
    offset = 12
    while offset + 8 <= len(data):
        kind = data[offset : offset + 4]
        size = int.from_bytes(data[offset + 4 : offset + 8], "little")
        if kind in (b"VP8L", b"VP8 "):
            return kind == b"VP8L"
        if kind == b"ANMF":
            offset += 8 + 16  # into the frame: its own header, then its chunks
            continue
        offset += 8 + size + (size & 1)
    return False


def _save_options(source, target: str, data: bytes) -> dict:
    """How ``source``'s format is written again: as close to the original as Pillow
    allows (a JPEG keeps its quantisation tables and chroma subsampling, so a second
    encoding loses next to nothing; a WebP stays lossless or lossy)."""
    options = {}
    if source.info.get("icc_profile") and target != "GIF":
        options["icc_profile"] = source.info["icc_profile"]
    if source.info.get("dpi") and target in ("JPEG", "PNG"):
        options["dpi"] = source.info["dpi"]
    if target == "JPEG":
        if getattr(source, "quantization", None):
            options["qtables"] = source.quantization
        sampling = JpegImagePlugin.get_sampling(source)
        if sampling != -1:
            options["subsampling"] = sampling
        options["progressive"] = bool(
            source.info.get("progressive") or source.info.get("progression")
        )
    elif target == "WEBP":
        if _webp_is_lossless(data):
            options["lossless"] = True
        else:
            options["quality"] = 90
    if "loop" in source.info and target != "JPEG":
        options["loop"] = source.info["loop"]
    return options


def reencode_image(data: bytes) -> bytes:
    """``data`` (a JPEG, PNG, GIF or WebP) decoded and saved again in its format, with
    its pixels upright, every frame of an animation with its duration, and only what
    showing them needs (see the module's docstring)."""
    with PILImage.open(io.BytesIO(data)) as source:
        target = "JPEG" if source.format == "MPO" else source.format
        kept = KEPT_FRAME_INFO[target]
        turn = ORIENTATION.get(source.getexif().get(0x0112))
        frames = []
        for frame in ImageSequence.Iterator(source):
            frame.load()
            picture = frame.transpose(turn) if turn is not None else frame.copy()
            picture.info = {key: value for key, value in frame.info.items() if key in kept}
            frames.append(picture)
            if target == "JPEG":
                break
        options = _save_options(source, target, data)
        if len(frames) > 1:
            options.update(
                save_all=True,
                append_images=frames[1:],
                duration=[picture.info.get("duration", 0) for picture in frames],
            )
            if target == "GIF" and any(
                "transparency" in picture.info or picture.mode in ("RGBA", "PA")
                for picture in frames
            ):
                # Each frame is the whole picture as it shows: clear it before the next.
                options["disposal"] = 2
        output = io.BytesIO()
        frames[0].save(output, format=target, **options)
    return output.getvalue()


class ImageForm(UploadChecksMixin, BaseImageForm):
    upload_media = "image"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is None:
            return
        _vietnamese_size_messages(field)
        field.check_image_pixel_size = lambda file: _check_image_pixel_size(field, file)
        field.error_messages["invalid_image"] = INVALID_IMAGE
        formats = field.supported_formats_text
        field.error_messages["invalid_image_extension"] = (
            f"Định dạng ảnh không được hỗ trợ. Các định dạng được hỗ trợ: {formats}."
        )
        field.error_messages["invalid_image_known_format"] = (
            "Tệp không phải ảnh .%(extension)s hợp lệ: phần mở rộng không khớp "
            "với định dạng thật của tệp (%(image_format)s)."
        )
        field.error_messages["file_too_many_pixels"] = too_many_pixels(
            None, field.max_image_pixels or 0
        ).message
        if field.max_upload_size is not None:
            field.help_text = (
                f"Định dạng hỗ trợ: {formats}. "
                f"Dung lượng tối đa: {format_file_size(field.max_upload_size)}."
            )
        else:
            field.help_text = f"Định dạng hỗ trợ: {formats}."

    def clean(self):
        """Once the file passed every check, the upload itself holds its re-encoding:
        whichever way Wagtail then stores it (as the image, or, when another field of
        the multiple upload was refused, as an upload the editor completes later) only
        the re-encoded bytes are kept."""
        cleaned_data = super().clean()
        file = cleaned_data.get("file")
        if (
            isinstance(file, UploadedFile)
            and "file" not in self.errors
            and getattr(getattr(file, "image", None), "format_name", None) in REENCODED_FORMATS
        ):
            file.seek(0)
            try:
                data = reencode_image(file.read())
            except (OSError, SyntaxError, ValueError):  # Pillow could not decode it all
                self.add_error("file", ValidationError(INVALID_IMAGE, code="invalid_image"))
            else:
                replace_upload_content(file, data)
        return cleaned_data


def replace_upload_content(upload: UploadedFile, data: bytes) -> None:
    """``upload`` (in memory or in a temporary file) now holds ``data`` instead."""
    upload.file.seek(0)
    upload.file.truncate()
    upload.file.write(data)
    upload.file.flush()
    upload.file.seek(0)
    upload.size = len(data)
