"""Every response says which browser features the portal refuses (Permissions-Policy),
one framing rule is sent twice and agrees with itself, and what the app serves from
the media folder or as a document is never sniffed into something else."""

import importlib

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.models import Collection

from config.settings.base import frame_ancestors
from portal.core.headers import permissions_policy

pytestmark = pytest.mark.django_db

REFUSED = (
    "camera=()",
    "microphone=()",
    "geolocation=()",
    "payment=()",
    "usb=()",
    "browsing-topics=()",
)
VIDEO = '(self "https://www.youtube.com" "https://www.youtube-nocookie.com")'


def csp_directive(response, name):
    for directive in response["Content-Security-Policy"].split(";"):
        parts = directive.split()
        if parts and parts[0] == name:
            return parts[1:]
    return None


def test_the_policy_is_written_as_a_structured_header():
    policy = {"camera": [], "fullscreen": ["self", "https://www.youtube.com"], "sync-xhr": ["*"]}
    assert permissions_policy(policy) == (
        'camera=(), fullscreen=(self "https://www.youtube.com"), sync-xhr=*'
    )


def test_pages_errors_documents_and_the_admin_all_carry_it(client, home):
    document = get_document_model().objects.create(
        title="Nghị quyết",
        collection=Collection.get_first_root_node(),
        file=ContentFile(b"%PDF-1.4 nghi quyet", name="nghi-quyet.pdf"),
    )
    for path in ("/", "/khong-co-trang-nay/", document.url, "/admin/login/", "/robots.txt"):
        policy = client.get(path)["Permissions-Policy"]
        for refused in REFUSED:
            assert refused in policy, (path, refused)
        assert f"fullscreen={VIDEO}" in policy, path
        assert "interest-cohort" not in policy  # no longer a feature browsers know
    assert client.get(document.url)["X-Content-Type-Options"] == "nosniff"


def test_a_cached_page_carries_it_too(client, home):
    client.get("/")
    response = client.get("/")
    assert response["X-Cache"] == "HIT"
    assert "camera=()" in response["Permissions-Policy"]


def test_x_frame_options_and_frame_ancestors_say_the_same(client, home):
    response = client.get("/")
    assert response["X-Frame-Options"] == settings.X_FRAME_OPTIONS == "DENY"
    assert csp_directive(response, "frame-ancestors") == ["'none'"]
    assert frame_ancestors("SAMEORIGIN") == ["'self'"]
    assert frame_ancestors("deny") == ["'none'"]


def test_the_admins_live_preview_may_still_be_framed_by_the_admin(client, home, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("qt", "qt@example.vn", "x"))
    response = client.get(f"/admin/pages/{home.id}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"  # Wagtail's own override


@pytest.fixture
def media_served_by_the_app(settings):
    """What ``make run`` does (config.settings.dev: PORTAL_SERVE_MEDIA)."""
    import config.urls

    settings.PORTAL_SERVE_MEDIA = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.PORTAL_SERVE_MEDIA = False
    importlib.reload(config.urls)
    clear_url_caches()


def test_media_served_by_the_app_is_never_sniffed(client, home, media_served_by_the_app):
    folder = settings.MEDIA_ROOT / "original_images"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kiem-tra-nosniff.gif"
    path.write_bytes(b"GIF89a/*" + b"\0" * 16 + b"*/=alert(1)//")
    try:
        response = client.get(settings.MEDIA_URL + "original_images/kiem-tra-nosniff.gif")
        assert response.status_code == 200
        assert response["Content-Type"] == "image/gif"
        assert response["X-Content-Type-Options"] == "nosniff"  # never run as a script
        assert "camera=()" in response["Permissions-Policy"]
    finally:
        path.unlink()
