"""Turns hostile or malformed request input into a clear Vietnamese 400."""

from urllib.parse import unquote_to_bytes

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string

MAX_QUERY_STRING = 16_384


def _is_malformed(raw: str) -> bool:
    if len(raw) > MAX_QUERY_STRING:
        return True
    try:
        decoded = unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return "\x00" in decoded


class BadRequestGuardMiddleware:
    """Reject NUL bytes, invalid UTF-8 percent-encoding and oversized query strings.

    Django would otherwise pass U+FFFD or NUL on to the database, where
    PostgreSQL refuses NUL in text and a search would fail with a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw_query = request.META.get("QUERY_STRING", "")
        raw_path = request.META.get("PATH_INFO", "")
        if _is_malformed(raw_query) or "\x00" in raw_path:
            html = render_to_string("400.html", {"reason": "Địa chỉ yêu cầu không hợp lệ."})
            return HttpResponseBadRequest(html)
        return self.get_response(request)
