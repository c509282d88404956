"""Turns hostile or malformed request input into a clear Vietnamese 400."""

import logging
from urllib.parse import unquote_to_bytes

from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string

MAX_QUERY_STRING = 16_384
logger = logging.getLogger("portal.core.bad_request")


def _is_malformed(raw: str) -> bool:
    if len(raw) > MAX_QUERY_STRING:
        return True
    try:
        decoded = unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return "\x00" in decoded


def bad_request(reason: str) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(render_to_string("400.html", {"reason": reason}))


class BadRequestGuardMiddleware:
    """Reject a Host header the portal does not serve, NUL bytes, invalid UTF-8
    percent-encoding and oversized query strings, with a Vietnamese 400.

    Django would otherwise pass U+FFFD or NUL on to the database, where
    PostgreSQL refuses NUL in text and a search would fail with a 500. A junk
    ``Host`` is a bad request, not a failure: one quiet log line, no traceback.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost:
            logger.info(
                "bad Host header refused", extra={"host": request.META.get("HTTP_HOST", "")[:200]}
            )
            return bad_request("Tên miền trong yêu cầu không thuộc cổng thông tin này.")
        raw_query = request.META.get("QUERY_STRING", "")
        raw_path = request.META.get("PATH_INFO", "")
        if _is_malformed(raw_query) or "\x00" in raw_path:
            return bad_request("Địa chỉ yêu cầu không hợp lệ.")
        return self.get_response(request)
