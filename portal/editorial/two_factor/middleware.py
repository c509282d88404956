"""Every admin URL waits for the second factor.

Runs after ``django_otp.middleware.OTPMiddleware`` (which gives
``request.user.is_verified()``) on every path under Wagtail's admin (Django's admin
has no URL: config/urls.py). A signed-in user whose session is not verified is sent
to the verify page when they have an authenticator app, to the enrolment page when
they must have one and do not; the URL they asked for goes along as ``next``.
Sign-in, sign-out, password reset, the admin's icon sprite and JavaScript catalogue
and the two pages themselves stay reachable; static files are outside the admin.
"""

from functools import partial
from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.functional import SimpleLazyObject

from .services import concrete_user, two_factor_step

OPEN_URL_NAMES = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "portal_two_factor_verify",
        "portal_two_factor_enrol",
    }
)
STEP_URL_NAMES = {"verify": "portal_two_factor_verify", "enrol": "portal_two_factor_enrol"}


def admin_prefixes() -> tuple[str, ...]:
    return (reverse("wagtailadmin_home"),)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._prefixes = None

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None:
            # OTPMiddleware wraps AuthenticationMiddleware's lazy user in a second one;
            # Wagtail's audit log unwraps one level only and would silently skip an
            # entry about ``request.user`` (the account page's own "wagtail.edit").
            request.user = SimpleLazyObject(partial(concrete_user, user))
        redirect = self.redirect_for(request)
        if redirect is not None:
            return redirect
        return self.get_response(request)

    def redirect_for(self, request):
        if self._prefixes is None:
            self._prefixes = admin_prefixes()
        if not request.path.startswith(self._prefixes):  # both carry SCRIPT_NAME
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None  # Wagtail's admin sends them to sign in
        is_verified = getattr(user, "is_verified", None)  # OTPMiddleware's (checks.py)
        if is_verified is not None and is_verified():
            return None
        try:
            view_name = resolve(request.path_info).view_name
        except Resolver404:
            view_name = ""
        if view_name in OPEN_URL_NAMES:
            return None
        step = two_factor_step(user)
        if step is None:
            return None
        target = reverse(STEP_URL_NAMES[step])
        if request.method in ("GET", "HEAD"):
            target += "?" + urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(target)
