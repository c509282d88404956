"""`make run` shows the portal as a visitor sees it: the development settings with
debugging off give the Vietnamese 404 page, not Django's list of URL patterns, and
still serve the demo's media and static files."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import django
django.setup()
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client()
response = client.get("/khong-co-trang-nay/")
print("404", response.status_code)
body = response.content.decode()
print("vietnamese", "Không tìm thấy trang" in body)
print("debug-page", "URLconf" in body or "Using the URLconf" in body)
name = default_storage.save("probe/anh.txt", ContentFile(b"media ok"))
try:
    media = client.get(settings.MEDIA_URL + name)
    print("media", media.status_code, b"".join(media.streaming_content) == b"media ok")
finally:
    default_storage.delete(name)
"""


def run_dev(tmp_path, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'probe.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        **env,
    )
    environment.pop("REDIS_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=300,
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)


def test_make_run_turns_debugging_off():
    makefile = (ROOT / "Makefile").read_text()
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "DJANGO_DEBUG=$${DJANGO_DEBUG:-false}" in run_recipe


def test_a_mistyped_url_gets_the_vietnamese_404_under_make_run(tmp_path):
    seen = run_dev(tmp_path, DJANGO_DEBUG="false")
    assert seen["404"] == "404"
    assert seen["vietnamese"] == "True"
    assert seen["debug-page"] == "False"
    assert seen["media"] == "200 True"
