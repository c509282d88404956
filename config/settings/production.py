"""Production settings. Every secret and address comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Mail leaves through the tasks worker (portal.core.mail): a request never waits on the
# mail server, and a delivery that fails is retried, then logged at ERROR. The server
# itself is EMAIL_HOST & co. in base.py, from the environment (docs/deploy.md §2).
EMAIL_BACKEND = "portal.core.mail.TaskEmailBackend"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
one_year = 60 * 60 * 24 * 365
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(one_year)))
# HSTS directives (docs/deploy.md §2). includeSubDomains is on by default: it covers the
# names *under* the portal's own host (….hdnd.backan.gov.vn), not the province's other
# subdomains beside it; turn it off when the portal answers on a domain with subdomains
# that are not all on https yet (the province's own domain, say). preload is off by
# default, as hstspreload.org asks of software that sends HSTS for others: only the
# owner of the registrable domain may submit it to the browsers' list, a commitment that
# takes months to undo and reaches every subdomain; it needs includeSubDomains and a
# max-age of a year. A directive the environment turned off is not reported as missing
# by `check --deploy` (it is counted among the silenced checks instead).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
if SECURE_HSTS_PRELOAD and not (SECURE_HSTS_INCLUDE_SUBDOMAINS and SECURE_HSTS_SECONDS >= one_year):
    raise ImproperlyConfigured(
        "DJANGO_HSTS_PRELOAD needs DJANGO_HSTS_INCLUDE_SUBDOMAINS on and DJANGO_HSTS_SECONDS "
        f"of at least {one_year} (a year): the preload list refuses less."
    )
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# X-Frame-Options and the CSP's frame-ancestors: base.py, one rule (DENY / 'none').

# Two-factor sign-in is never skipped in production, whatever the environment says
# (and `check --deploy` fails if a settings module turns it back on).
PORTAL_DEMO_SKIP_2FA = False

if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible media storage (django-storages), see docs/deploy.md. The bucket
    # stays private: images get signed URLs that outlive a cached page, documents
    # are streamed by Wagtail's serve view so collection privacy still applies.
    # Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (read by boto3).
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "querystring_expire": PAGE_CACHE_SECONDS + 3600,  # noqa: F405
        },
    }
