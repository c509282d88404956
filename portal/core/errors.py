"""Error views: Vietnamese 404 within the site's frame, and a plain 500.

The 500 page is rendered without a request context, so it needs neither
context processors nor the database (which may be what failed). A database outage
is not a 500: both views hand it to ``portal.core.outage`` (503, ``Retry-After``).
"""

import logging
import sys

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from .outage import is_database_outage, service_unavailable

logger = logging.getLogger(__name__)


@requires_csrf_token
def page_not_found(request, exception=None):
    try:
        html = loader.render_to_string("404.html", {"request_path": request.path}, request)
    except Exception as error:  # noqa: BLE001 - the frame needs the database: plain text
        if is_database_outage(error):
            return service_unavailable(request, error)
        logger.exception("404 page could not be rendered in the site frame")
        html = "<!doctype html><html lang='vi'><title>Không tìm thấy trang</title>"
        html += "<h1>Không tìm thấy trang (lỗi 404)</h1><p><a href='/'>Về trang chủ</a></p>"
    return HttpResponseNotFound(html)


@requires_csrf_token
def server_error(request):
    # Django calls this while handling the exception: an outage raised inside a
    # middleware (which no process_exception hook ever sees) ends as the 503 page.
    error = sys.exc_info()[1]
    if is_database_outage(error):
        return service_unavailable(request, error)
    return HttpResponseServerError(loader.get_template("500.html").render())
