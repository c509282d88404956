"""Settings shared by every environment.

Everything that differs between machines comes from environment variables:
``DATABASE_URL`` (PostgreSQL through psycopg 3) and ``REDIS_URL`` (Django's
Redis cache). Without them the portal runs on SQLite and local memory.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.core",
    "portal.home",
    "portal.news",
    "portal.council",
    "portal.people",
    "portal.search",
    "portal.editorial",
    "portal.demo",
    "portal.oversight",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.core.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.core.compression.TextCompressionMiddleware",  # gzip for text, above the page cache
    "portal.core.middleware.BadRequestGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.core.page_cache.PageCacheMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(), after auth
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.editorial.two_factor.middleware.TwoFactorMiddleware",  # after OTP and messages
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.core.outage.DatabaseOutageMiddleware",  # 503 on a database outage (see module)
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.core.cache.PortalRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "hdnd"),
            "TIMEOUT": 60 * 60,
            # A dead or hung Redis costs a request at most one short wait; then the
            # backend's circuit breaker answers "not cached" without asking
            # (portal.core.cache).
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT_SECONDS", "0.25")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT_SECONDS", "0.25")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "hdnd-portal",
            "TIMEOUT": 60 * 60,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Full-page cache for anonymous visitors (portal.core.page_cache).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Entries one path may have (``?page=``, ``?nam=`` values) per PAGE_CACHE_SECONDS.
PAGE_CACHE_VARIANTS = int(os.environ.get("PAGE_CACHE_VARIANTS", "100"))
# Search (portal.search.cache, docs/search.md): result pages cached for anonymous
# visitors for SEARCH_CACHE_SECONDS (0: off), at most SEARCH_CACHE_MAX_ENTRIES stored
# per such window; an address may run SEARCH_RATE_LIMIT searches that are not
# answered from that cache per SEARCH_RATE_LIMIT_SECONDS (0: no limit), then gets 429.
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "60"))
SEARCH_CACHE_MAX_ENTRIES = int(os.environ.get("SEARCH_CACHE_MAX_ENTRIES", "500"))
SEARCH_RATE_LIMIT = int(os.environ.get("SEARCH_RATE_LIMIT", "30"))
SEARCH_RATE_LIMIT_SECONDS = int(os.environ.get("SEARCH_RATE_LIMIT_SECONDS", "60"))

# --- Background tasks (django-tasks) --------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Email (docs/deploy.md §2) ---------------------------------------------
# The mail server the portal hands its mail to (password resets, notifications).
# Production queues each message as a task (portal.core.mail.TaskEmailBackend) and
# the worker delivers it through PORTAL_EMAIL_DELIVERY_BACKEND, retrying after
# PORTAL_EMAIL_RETRY_SECONDS; dev prints mail, the tests keep it in memory.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)  # STARTTLS, usually port 587
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # TLS from the start, usually port 465
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other: set one.")
EMAIL_PORT = int(
    os.environ.get("EMAIL_PORT") or (465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25)
)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
PORTAL_EMAIL_DELIVERY_BACKEND = os.environ.get(
    "PORTAL_EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
PORTAL_EMAIL_RETRY_SECONDS = [60, 5 * 60, 30 * 60, 2 * 60 * 60]

# --- Auth -----------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# After the front-end sign-in (/_util/login/, for pages restricted to signed-in
# visitors) without a ``next``, and after a page or document password with no safe
# return address: the home page.
LOGIN_REDIRECT_URL = "/"

# Failed sign-ins (django-axes): after AXES_FAILURE_LIMIT failures an account is
# locked, and so is an address, each on its own, for AXES_COOLOFF_TIME; the page
# says so in Vietnamese (core/lockout.html, 429). Behind a reverse proxy the
# address is the one the proxy appends to X-Forwarded-For (TRUSTED_PROXY_COUNT).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/lockout.html"
AXES_CLIENT_IP_CALLABLE = "portal.core.auth.client_ip"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Two-factor sign-in to the admin (portal.editorial.two_factor, docs/deploy.md): a
# TOTP app plus ten single-use recovery codes (django-otp). Required of the
# secretariat, the editorial board, administrators and superusers; contributors may
# turn it on. PORTAL_DEMO_SKIP_2FA lifts the requirement for a demo only (dev
# settings); production forces it off and `check --deploy` refuses it.
PORTAL_DEMO_SKIP_2FA = env_bool("PORTAL_DEMO_SKIP_2FA", False)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "HĐND tỉnh")
OTP_TOTP_THROTTLE_FACTOR = 1  # django-otp's back-off: 1, 2, 4, 8 … seconds after failures
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # no TOTP key in Django's admin

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # see config/formats/vi/formats.py
FORMAT_MODULE_PATH = ["config.formats"]
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]  # the admin in Vietnamese: docs/vietnamese-admin.md

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Files stamped as declassified, held until the head of the Editorial Board confirms
    # them (portal.editorial.holding): outside MEDIA_ROOT, and a storage without URLs.
    "held_uploads": {
        "BACKEND": "portal.editorial.storage.HeldFileStorage",
        "OPTIONS": {
            "location": os.environ.get("PORTAL_HELD_UPLOADS_ROOT", BASE_DIR / "var" / "held")
        },
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

# Uploads: Wagtail's file fields enforce these limits; the form bases in
# portal.core.uploads give their messages in Vietnamese.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.core.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.core.uploads.DocumentForm"
DATA_UPLOAD_MAX_MEMORY_SIZE = 40 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = "Trang thông tin điện tử HĐND tỉnh"
# The canonical address every absolute URL starts from (portal.core.site_url);
# unset, the address each request was served on is used (make run, tests).
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", PORTAL_BASE_URL or "http://127.0.0.1:8000"
)
WAGTAIL_I18N_ENABLED = False
# The admin keeps what the editor typed; BasePage transliterates it to ASCII.
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The admin asks nothing of another host (docs/vietnamese-admin.md): a closed
# government network reaches none, and none should learn who works in the admin.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "txt",
    "zip",
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# The admin's search (Wagtail's own index; docs/search.md says why it is not the
# public one). On PostgreSQL it uses the portal's text-search configuration
# (``portal_vi``: ``simple`` behind ``unaccent``, created by portal_search's
# migration 0002), so "dai bieu" finds "đại biểu" there too.
# Wagtail's database backend reading Vietnamese on SQLite too (docs/search.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.admin_backend"}}
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "portal_vi"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "core/password_required.html"
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "core/login.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "documents/password_required.html"

# --- Security headers -----------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True  # every response: pages, documents, media the app serves
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True

# Who may frame the portal, one rule for every environment, sent twice: as
# X-Frame-Options (older browsers) and as the CSP's frame-ancestors, derived from it
# so the two never disagree. Nobody: the site frames none of its own pages, and
# Wagtail's live preview (in the admin, outside the CSP) sets SAMEORIGIN on its view.
X_FRAME_OPTIONS = "DENY"


def frame_ancestors(x_frame_options: str) -> list[str]:
    """The CSP frame-ancestors saying what X-Frame-Options says."""
    return {"DENY": ["'none'"], "SAMEORIGIN": ["'self'"]}[x_frame_options.upper()]


# The only other sites the portal frames: video players (the video block).
EMBED_FRAME_ORIGINS = ["https://www.youtube.com", "https://www.youtube-nocookie.com"]

# Strict Content-Security-Policy for the public site: no inline script or
# style anywhere. The Wagtail admin (which relies on inline script) is excluded;
# it sits behind login.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": EMBED_FRAME_ORIGINS,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": frame_ancestors(X_FRAME_OPTIONS),
    },
}

# Permissions-Policy on every response (portal.core.headers): the browser features
# the portal never uses are refused to it, to anything injected into it and to any
# frame; a video player may go full screen, play and show picture-in-picture.
# "browsing-topics" is the advertising-interest API that replaced FLoC's
# "interest-cohort" (which browsers no longer recognise).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": ["self", *EMBED_FRAME_ORIGINS],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": ["self", *EMBED_FRAME_ORIGINS],
    "fullscreen": ["self", *EMBED_FRAME_ORIGINS],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": ["self", *EMBED_FRAME_ORIGINS],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# --- Logging: structured (JSON) to stdout ---------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # its start-up banner on every command
        "django.server": {"level": "INFO"},
    },
}
