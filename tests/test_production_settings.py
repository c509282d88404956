"""Production settings load from the environment alone and pass Django's deploy checks;
the security headers they send (HSTS as the environment says, one framing rule)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

STORAGE_PROBE = """
import django
django.setup()
from django.core.files.storage import default_storage, storages
from django.conf import settings
storage = storages["default"]
print(type(storage).__module__ + "." + type(storage).__name__)
print(storage.bucket_name, storage.endpoint_url, storage.location, storage.file_overwrite)
print(storage.querystring_expire > settings.PAGE_CACHE_SECONDS)
print(settings.TASKS["default"]["BACKEND"])
"""


def run_with_production_settings(args, with_secret_key=True, **extra_env):
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "DJANGO_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL="sqlite:///:memory:",
        **extra_env,
    )
    if with_secret_key:
        env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(64)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_deploy_check_passes_with_nothing_silenced():
    result = run_with_production_settings(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        PORTAL_BASE_URL="https://hdnd.example.gov.vn",
        DEFAULT_FROM_EMAIL="Cổng thông tin HĐND tỉnh <noreply@hdnd.example.gov.vn>",
        DJANGO_HSTS_PRELOAD="true",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 silenced" in result.stdout


def test_deploy_check_passes_by_default_with_only_the_preload_check_silenced():
    """HSTS preload is off unless the environment says so (docs/deploy.md §2): the
    check that asks for it is the one silenced, because the environment chose."""
    result = run_with_production_settings(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        PORTAL_BASE_URL="https://hdnd.example.gov.vn",
        DEFAULT_FROM_EMAIL="Cổng thông tin HĐND tỉnh <noreply@hdnd.example.gov.vn>",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 silenced" in result.stdout
    assert headers_in_production()["silenced"] == "security.W021"


def test_deploy_check_asks_for_the_base_url_and_a_mail_sender():
    result = run_with_production_settings(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    )
    assert result.returncode != 0
    assert "portal.W010" in result.stderr + result.stdout
    assert "portal.W011" in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with_production_settings(["manage.py", "check"], with_secret_key=False)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_s3_media_storage_is_wired_from_the_environment():
    result = run_with_production_settings(
        ["-c", STORAGE_PROBE],
        AWS_STORAGE_BUCKET_NAME="hdnd-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "storages.backends.s3.S3Storage"
    assert lines[1] == "hdnd-media http://127.0.0.1:9000 media False"
    assert lines[2] == "True"
    assert lines[3] == "django_tasks_db.DatabaseBackend"


def test_local_media_storage_without_a_bucket():
    result = run_with_production_settings(["-c", STORAGE_PROBE.split("print(storage.bucket")[0]])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.files.storage.filesystem.FileSystemStorage"


HEADERS_PROBE = """
import django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/healthz/", secure=True)
for name in (
    "Strict-Transport-Security",
    "X-Frame-Options",
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Content-Type-Options",
):
    print(name + "\t" + response.headers.get(name, "-"))
print("silenced\t" + ",".join(settings.SILENCED_SYSTEM_CHECKS))
"""


def headers_in_production(**extra_env) -> dict[str, str]:
    result = run_with_production_settings(["-c", HEADERS_PROBE], **extra_env)
    assert result.returncode == 0, result.stderr
    return dict(line.split("\t", 1) for line in result.stdout.splitlines() if "\t" in line)


def test_production_headers_by_default():
    headers = headers_in_production()
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "env, sent, silenced",
    [
        (
            {"DJANGO_HSTS_INCLUDE_SUBDOMAINS": "false"},
            "max-age=31536000",
            "security.W005,security.W021",
        ),
        (
            {"DJANGO_HSTS_PRELOAD": "true"},
            "max-age=31536000; includeSubDomains; preload",
            "",
        ),
        (
            {"DJANGO_HSTS_SECONDS": "3600", "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "0"},
            "max-age=3600",
            "security.W005,security.W021",
        ),
    ],
)
def test_hsts_directives_come_from_the_environment(env, sent, silenced):
    headers = headers_in_production(**env)
    assert headers["Strict-Transport-Security"] == sent
    assert headers["silenced"] == silenced


@pytest.mark.parametrize(
    "env",
    [
        {"DJANGO_HSTS_PRELOAD": "true", "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "false"},
        {"DJANGO_HSTS_PRELOAD": "true", "DJANGO_HSTS_SECONDS": "3600"},
    ],
)
def test_preload_without_what_the_list_requires_refuses_to_start(env):
    result = run_with_production_settings(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert "DJANGO_HSTS_PRELOAD needs DJANGO_HSTS_INCLUDE_SUBDOMAINS" in result.stderr
