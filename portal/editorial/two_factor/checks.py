"""System checks: the demo switch never reaches production, and the middleware
that enforces two-factor sign-in sits where it must."""

from django.conf import settings
from django.core.checks import Error, Tags, register

OTP_MIDDLEWARE = "django_otp.middleware.OTPMiddleware"
AUTH_MIDDLEWARE = "django.contrib.auth.middleware.AuthenticationMiddleware"
TWO_FACTOR_MIDDLEWARE = "portal.editorial.two_factor.middleware.TwoFactorMiddleware"


@register(Tags.security, deploy=True)
def check_two_factor_not_skipped(app_configs, **kwargs):
    if getattr(settings, "PORTAL_DEMO_SKIP_2FA", False):
        return [
            Error(
                "PORTAL_DEMO_SKIP_2FA is on: the admin lets staff in with a password alone.",
                hint="It is for a local demo only; production settings keep it False.",
                id="editorial.E001",
            )
        ]
    return []


@register(Tags.security)
def check_two_factor_middleware(app_configs, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    needed = (AUTH_MIDDLEWARE, OTP_MIDDLEWARE, TWO_FACTOR_MIDDLEWARE)
    positions = [middleware.index(name) if name in middleware else -1 for name in needed]
    if -1 in positions or positions != sorted(positions):
        return [
            Error(
                "Two-factor sign-in needs, in MIDDLEWARE and in this order: "
                + ", ".join(needed)
                + ".",
                id="editorial.E002",
            )
        ]
    return []
