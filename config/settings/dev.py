from .base import *  # noqa: F403
from .base import env_bool

# `make run` shows the portal as visitors see it (DJANGO_DEBUG=false: the Vietnamese
# 404 and 500 pages, not Django's debug pages); `make serve` keeps debugging on.
DEBUG = env_bool("DJANGO_DEBUG", True)
# Uploaded media are served by the app itself in development only (in production
# the proxy serves them, docs/deploy.md).
PORTAL_SERVE_MEDIA = True
WHITENOISE_MAX_AGE = 0
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run` prints demo logins that sign in with a password alone; set
# PORTAL_DEMO_SKIP_2FA=false to try the two-factor sign-in locally.
PORTAL_DEMO_SKIP_2FA = env_bool("PORTAL_DEMO_SKIP_2FA", True)
