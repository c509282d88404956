"""Who is signing in from where: the client address for the sign-in lockout."""

from django.conf import settings


def client_ip(request) -> str:
    """The visitor's address: REMOTE_ADDR, or behind ``TRUSTED_PROXY_COUNT`` reverse
    proxies the address the outermost trusted proxy appended to X-Forwarded-For
    (what a client writes there itself is never trusted)."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
