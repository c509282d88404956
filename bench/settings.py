"""Settings for the HTTP benchmark: production's, but plain http on loopback.

Everything else (DEBUG off, the manifest static storage, the middleware stack,
Redis cache, PostgreSQL) stays as in production. Never used to serve the site.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "k" * 60)

from config.settings.production import *  # noqa: E402, F403
from config.settings.production import BASE_DIR, LOGGING  # noqa: E402

ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STATIC_ROOT = BASE_DIR / "var" / "bench-static"
# The demo loader runs its follow-up work (search index, renditions) at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING["root"]["level"] = "WARNING"
