"""Two-factor sign-in to the Wagtail admin: a TOTP app and single-use recovery codes.

Wagtail's own sign-in (with django-axes' lockout) checks the password; then
``middleware.TwoFactorMiddleware`` keeps every admin URL out of reach until the
session is verified by django-otp: a user with a confirmed TOTP device enters a
code (or a recovery code) on the verify page, a user who must use two-factor
sign-in (``services.two_factor_required``) and has no device enrols first. The
rules live in ``services``; ``docs/deploy.md`` says who must use it and what to do
when a phone is lost.
"""
