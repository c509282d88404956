"""Browser tests: Playwright (sync API) driving the system's chromium.

The browser is found at ``$CHROMIUM_PATH`` or ``/usr/bin/chromium``. Where it is
missing on a Debian machine run as root, it is installed with apt-get; anywhere
else the tests fail with a one-line message saying how to get it. They are never
skipped.
"""

import os
import re
from pathlib import Path

import pytest

from portal.core.testing import install_debian_packages

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ADMIN_USERNAME = "bientap"
ADMIN_PASSWORD = "Mat-khau-thu-nghiem-2020"


def find_chromium() -> str:
    """Return the chromium executable, installing Debian's package if possible."""
    configured = os.environ.get("CHROMIUM_PATH")
    candidates = [configured] if configured else ["/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    if not configured and install_debian_packages("chromium"):
        if Path("/usr/bin/chromium").is_file():
            return "/usr/bin/chromium"
    pytest.fail(
        f"Chromium not found at {candidates[0]}: install it (Debian/Ubuntu: "
        "`sudo apt-get install chromium`) or set CHROMIUM_PATH to a chromium binary.",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def chromium_path() -> str:
    return find_chromium()


@pytest.fixture
def browser(chromium_path, monkeypatch):
    """A chromium started for one test.

    Playwright's sync API runs its event loop in a greenlet and, while it runs,
    the test sees another context: Django's per-context database connections
    are then new ones (without the serialized page tree that
    ``serialized_rollback`` restores from). Starting and stopping Playwright
    within each test keeps that change from leaking into the tests after it.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's loop counts as running in this thread; the ORM calls the test
    # makes between browser steps are still ordinary synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        connections.close_all()  # the connections opened while Playwright ran
        playwright.stop()


@pytest.fixture(autouse=True)
def _password_sign_in(request, settings):
    """Browser tests of other screens sign in with a password alone, as the demo
    does (PORTAL_DEMO_SKIP_2FA, in this test's settings only). Two-factor sign-in
    is driven end to end by the tests marked ``two_factor`` (test_two_factor.py),
    where the requirement stays on."""
    if not request.node.get_closest_marker("two_factor"):
        settings.PORTAL_DEMO_SKIP_2FA = True


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def browser_urls(settings):
    """Serve uploaded media from the live server too, so images load in the browser."""
    settings.ROOT_URLCONF = "tests.browser.urls"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        ADMIN_USERNAME, "bientap@example.vn", ADMIN_PASSWORD, first_name="Biên tập"
    )


def admin_login(page):
    """Sign in to the admin as the test's editor (a password alone: see above)."""
    page.goto("/admin/login/")
    page.fill("#id_username", ADMIN_USERNAME)
    page.fill("#id_password", ADMIN_PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
