from .base import *  # noqa: F403
from .base import env_bool

DEBUG = True
WHITENOISE_MAX_AGE = 0
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run` prints demo logins that sign in with a password alone; set
# PORTAL_DEMO_SKIP_2FA=false to try the two-factor sign-in locally.
PORTAL_DEMO_SKIP_2FA = env_bool("PORTAL_DEMO_SKIP_2FA", True)
