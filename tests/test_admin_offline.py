"""The admin asks nothing of another host and helps in Vietnamese from the portal itself."""

import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

EXTERNAL_URL = re.compile(r"""(?:src|href|action)=["'](?:https?:)?//(?!testserver|localhost)""")


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser(
        "bien-tap", "bien-tap@hdnd.example.vn", "Mat-khau-dai-2026!"
    )
    client.force_login(user)
    return user


def test_the_dashboard_links_and_loads_nothing_outside(client, editor, home):
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html
    assert "guide.wagtail.org" not in html
    assert "releases.wagtail.io" not in html and "wagtail-update-check" not in html
    assert EXTERNAL_URL.findall(html) == []


def test_the_account_page_shows_no_gravatar(client, editor):
    html = client.get("/admin/account/").content.decode()
    assert "gravatar.com" not in html


def test_the_help_menu_opens_the_portal_guide(client, editor):
    html = client.get("/admin/").content.decode()
    assert "Hướng dẫn biên tập" in html
    assert "/admin/huong-dan/" in html
    guide = client.get("/admin/huong-dan/")
    assert guide.status_code == 200
    text = guide.content.decode()
    for task in ("Viết một tin bài", "Gửi duyệt", "Hình ảnh và tài liệu", "Gỡ xuất bản"):
        assert task in text
    assert EXTERNAL_URL.findall(text) == []


def test_the_guide_is_for_signed_in_staff_only(client):
    response = client.get("/admin/huong-dan/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
