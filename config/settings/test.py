import os
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Two runs side by side (.ci/run) each keep their files apart.
MEDIA_ROOT = Path(os.environ.get("PORTAL_TEST_MEDIA_ROOT", BASE_DIR / "var" / "test-media"))  # noqa: F405
STORAGES["held_uploads"]["OPTIONS"]["location"] = MEDIA_ROOT.parent / (MEDIA_ROOT.name + "-held")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The two-factor requirement is on in the tests whatever the environment says
# (the root conftest.py says how force_login sessions count as verified).
PORTAL_DEMO_SKIP_2FA = False

# A subject written for the tests alone (tests/subject_app): it proves that a new
# subject joins search, menus, the page cache and visibility from its own app.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.subject_app"]  # noqa: F405
