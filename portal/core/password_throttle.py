"""Wrong passwords on protected pages and documents count as failed sign-ins.

Wagtail's password forms, for a page under a password restriction
(``/_util/authenticate_with_password/<restriction>/<page>/``) and for a document in a
collection under one (``/documents/authenticate_with_password/<restriction>/``), take
any number of guesses on their own. ``throttled`` wraps those two views (config/urls.py
routes them before Wagtail's own patterns) and hands each answer to django-axes through
its public API, the same counting as the admin's sign-in:

- a wrong password sends Django's ``user_login_failed`` signal with credentials naming
  the restriction, ``page-restriction:<id>`` or ``document-restriction:<id>`` (a
  Django user name cannot hold ":", so no account is ever counted with them);
- after ``AXES_FAILURE_LIMIT`` failures that restriction is locked, and so is the
  address (``AXES_LOCKOUT_PARAMETERS``: the address's failures on the admin's sign-in
  count too), for ``AXES_COOLOFF_TIME``; every further answer, the right one too, gets
  the Vietnamese lockout page (``AXES_LOCKOUT_TEMPLATE``, status 429);
- the right password clears this address's failures on this restriction, as a
  successful sign-in does (``AXES_RESET_ON_SUCCESS``), and nothing else: knowing one
  page's password never wipes failures counted against an account.

Unlock early with ``manage.py axes_reset_username page-restriction:<id>``.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.signals import user_login_failed

PAGE_RESTRICTION = "page-restriction"
DOCUMENT_RESTRICTION = "document-restriction"


def restriction_username(kind: str, restriction_id: int) -> str:
    """The name axes counts a restriction's failures under: 'page-restriction:7'."""
    return f"{kind}:{restriction_id}"


def throttled(kind: str, restriction_kwarg: str):
    """Decorates Wagtail's ``authenticate_with_password`` view of ``kind``; the URL
    argument ``restriction_kwarg`` holds the restriction's id."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method != "POST" or not getattr(settings, "AXES_ENABLED", True):
                return view(request, *args, **kwargs)
            # Imported here: axes' handler modules read its settings and models.
            from axes.handlers.proxy import AxesProxyHandler
            from axes.helpers import get_credentials, get_lockout_response

            username = restriction_username(kind, kwargs[restriction_kwarg])
            credentials = get_credentials(username)
            if not AxesProxyHandler.is_allowed(request, credentials):
                return get_lockout_response(request, credentials=credentials)
            response = view(request, *args, **kwargs)
            if 300 <= response.status_code < 400:
                # Wagtail redirects once it has marked the restriction as passed.
                AxesProxyHandler.reset_attempts(
                    username=username, ip_address=request.axes_ip_address
                )
            elif response.status_code == 200:
                # The form again: the password was wrong (or missing). At the limit
                # axes marks the request locked out and AxesMiddleware answers with
                # the lockout page instead of this one.
                user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            return response

        return wrapper

    return decorator
