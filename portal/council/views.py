"""The routes below a session page (``SessionPage``'s ``RoutablePageMixin`` paths): a
document's page, a file's download (or, for a replaced version, the page saying so),
the in-browser preview of a PDF and every public file of the session as one ZIP.

Wagtail has already routed to a live session here and run its view restrictions
(password, login, groups) for the session and its ancestors; each view then asks the
selectors, which ask ``portal.core.visibility``, for the document: a document that is
unpublished, not yet posted or of a session a visitor may not see is a 404.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header

from portal.core.text import slugify_vi

from . import selectors

NOT_FOUND = "Không tìm thấy tài liệu này, hoặc tài liệu chưa được công khai."
CHUNK = 64 * 1024


def _document(session, document_id):
    document = selectors.session_document(session, document_id)
    if document is None:
        raise Http404(NOT_FOUND)
    return document


def _file(document, file_id):
    for item in document.files.all():
        if item.pk == file_id:
            return item
    raise Http404(NOT_FOUND)


def _frame(session) -> dict:
    """The context a page below a session needs (base.html reads ``page``)."""
    return {"page": session, "self": session}


def document_page(request, session, document_id):
    document = _document(session, document_id)
    histories = selectors.file_histories(document)
    document.timeliness = selectors.document_timeliness(document, session, selectors.lead_times())
    previews = [h.current for h in histories if h.current.is_pdf]
    response = TemplateResponse(
        request,
        "council/session_document.html",
        {
            **_frame(session),
            "document": document,
            "histories": histories,
            "preview": previews[0] if previews else None,
        },
    )
    if previews:
        # The preview frames a PDF of the portal's own: only this page may frame one.
        response._csp_update = {"frame-src": ["'self'"]}
    return response


def _file_response(item, *, inline: bool = False):
    stored = item.file
    handle = stored.file.open("rb")
    filename = f"{slugify_vi(stored.title) or 'tai-lieu'}.{item.extension}"
    response = FileResponse(handle, content_type=stored.content_type or "application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    return response


def file_download(request, session, document_id, file_id, *, archived: bool = False):
    """The current version of a file is downloaded; a replaced one's link leads to a page
    that says so and links the current version (its own bytes stay at ``ban-luu/``)."""
    document = _document(session, document_id)
    item = _file(document, file_id)
    current = selectors.replacement_of(document, item)
    if current is not None and not archived:
        return TemplateResponse(
            request,
            "council/replaced_file.html",
            {**_frame(session), "document": document, "item": item, "current": current},
        )
    return _file_response(item)


def file_preview(request, session, document_id, file_id):
    """A PDF shown inside the document's page: framed by the portal's own pages only."""
    document = _document(session, document_id)
    item = _file(document, file_id)
    if not item.is_pdf:
        raise Http404("Chỉ xem trước được tệp PDF.")
    response = _file_response(item, inline=True)
    response["X-Frame-Options"] = "SAMEORIGIN"
    # The browser's PDF viewer is a plugin of this response: it needs object-src.
    response._csp_replace = {"frame-ancestors": ["'self'"], "object-src": ["'self'"]}
    return response


def _chunks(item):
    with item.file.file.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def session_zip(request, session):
    """Every visible file of the session (current versions) as one ZIP, written while it
    is sent: each file is read in chunks as the archive reaches it (zipstream-ng), never
    the whole archive in memory."""
    from zipstream import ZIP_STORED, ZipStream

    entries = selectors.zip_entries(session)
    if not entries:
        return TemplateResponse(
            request,
            "council/no_documents.html",
            {**_frame(session), "message": "Kỳ họp này chưa có tài liệu công khai để tải về."},
            status=404,
        )
    archive = ZipStream(compress_type=ZIP_STORED, sized=True)
    for name, item in entries:
        size = item.file.file_size
        if size is None:
            size = item.file.file.size
        archive.add(_chunks(item), name, size=size)
    response = StreamingHttpResponse(archive, content_type="application/zip")
    filename = f"{slugify_vi(session.title)}-{slugify_vi(session.get_parent().title)}.zip"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Content-Length"] = str(len(archive))
    return response


# --- the resolution register (routes of ``CouncilIndexPage``) ---------------------------

RESOLUTION_NOT_FOUND = "Không tìm thấy nghị quyết này, hoặc nghị quyết chưa được công khai."


def resolution_register(request, index):
    from .models import ResolutionKind, ResolutionStatus

    register = selectors.resolution_register(request.GET)
    return TemplateResponse(
        request,
        "council/resolution_register.html",
        {
            **_frame(index),
            "register": register,
            "archive": register,
            "resolutions": register.items,
            "kinds": ResolutionKind.choices,
            "statuses": ResolutionStatus.choices,
            "sorts": [(key, label) for key, (label, _order) in selectors.SORTS.items()],
        },
    )


def _resolution(resolution_id):
    resolution = selectors.resolution_detail(resolution_id)
    if resolution is None:
        raise Http404(RESOLUTION_NOT_FOUND)
    return resolution


def resolution_page(request, index, resolution_id):
    resolution = _resolution(resolution_id)
    return TemplateResponse(
        request,
        "council/resolution.html",
        {**_frame(index), "resolution": resolution},
    )


def resolution_file_download(request, index, resolution_id, file_id):
    resolution = _resolution(resolution_id)
    item = selectors.resolution_file(resolution, file_id)
    if item is None:
        raise Http404(RESOLUTION_NOT_FOUND)
    return _file_response(item)
