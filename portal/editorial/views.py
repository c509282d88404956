"""The head of the board's queue "Tài liệu giải mật chờ xác nhận" (``holding.py``).

Mounted under the admin (``register_admin_urls``: an anonymous visitor is sent to sign
in); every view refuses, with 403, anyone who is not a head of the board, superusers
included: the decision is the head's alone.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.core.uploads import format_file_size

from . import holding
from .models import HeldUpload
from .selectors import pending_held_uploads

REFUSED = "Chỉ Trưởng ban Biên tập xem và xác nhận tài liệu giải mật."


def head_only(view):
    """403 for anyone but a head of the board (Wagtail would turn a PermissionDenied
    into a redirect to the dashboard; a plain refusal says more)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not holding.is_board_head(request.user):
            return HttpResponseForbidden(REFUSED, content_type="text/plain; charset=utf-8")
        return view(request, *args, **kwargs)

    return wrapped


def _pending_or_404(held_id: int) -> HeldUpload:
    return get_object_or_404(HeldUpload, pk=held_id, status=HeldUpload.PENDING)


@never_cache
@head_only
def held_uploads(request):
    rows = [{"held": held, "size": format_file_size(held.size)} for held in pending_held_uploads()]
    return TemplateResponse(request, "editorial/held_uploads.html", {"rows": rows})


@never_cache
@head_only
def held_upload_file(request, held_id: int):
    """The held file, for the head to read before deciding: always a download."""
    held = _pending_or_404(held_id)
    response = FileResponse(
        held.file.open("rb"),
        as_attachment=True,
        filename=held.file_name,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@head_only
def held_upload_confirm(request, held_id: int):
    held = _pending_or_404(held_id)
    try:
        holding.confirm_held_upload(held, request.user, request.POST.get("comment", "")[:2000])
    except HeldUpload.DoesNotExist:  # decided meanwhile (another tab, another head)
        raise Http404 from None
    messages.success(
        request,
        f"Đã xác nhận “{held.file_name}”: tệp đã được lưu vào thư viện; người tải lên được "
        "báo qua thư.",
    )
    return redirect("portal_held_uploads")


@require_POST
@head_only
def held_upload_refuse(request, held_id: int):
    held = _pending_or_404(held_id)
    try:
        holding.refuse_held_upload(held, request.user, request.POST.get("comment", "")[:2000])
    except HeldUpload.DoesNotExist:  # decided meanwhile (another tab, another head)
        raise Http404 from None
    messages.success(
        request,
        f"Đã từ chối “{held.file_name}”: tệp đã bị xóa; người tải lên được báo qua thư.",
    )
    return redirect("portal_held_uploads")
