"""Failed sign-ins are throttled (django-axes): an account, and an address, are
locked after AXES_FAILURE_LIMIT failures, with a Vietnamese page; the lockout
holds even with the right password."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "Mat-khau-dung-2020"


@pytest.fixture
def secretary(django_user_model):
    return django_user_model.objects.create_superuser("thuky", "tk@example.vn", PASSWORD)


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_an_account_is_locked_after_repeated_failures(client, secretary):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "thuky", "sai", address="10.0.0.1").status_code == 200
    assert sign_in(client, "thuky", "sai", address="10.0.0.1").status_code == 429  # the limit
    response = sign_in(client, "thuky", PASSWORD, address="10.0.0.2")  # another address
    assert response.status_code == 429
    page = response.content.decode()
    assert "Tạm khóa đăng nhập" in page and "trong 15 phút" in page
    assert "_auth_user_id" not in client.session


def test_an_address_is_locked_after_failures_on_many_accounts(client, secretary):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"nguoi-{number}", "sai", address="10.0.0.9")
    assert sign_in(client, "thuky", PASSWORD, address="10.0.0.9").status_code == 429
    response = sign_in(client, "thuky", PASSWORD, address="10.0.0.10")
    assert response.status_code == 302  # the account itself is not locked


def test_a_success_before_the_limit_resets_the_count(client, secretary):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "thuky", "sai")
    assert sign_in(client, "thuky", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "thuky", "sai")
    assert sign_in(client, "thuky", PASSWORD).status_code == 302


def test_behind_a_proxy_the_address_is_the_one_the_proxy_appended(rf, settings):
    from portal.core.auth import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7", REMOTE_ADDR="127.0.0.1")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "127.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"  # "1.2.3.4" was written by the client


def test_a_password_alone_does_not_open_the_admin_to_a_superuser(client, secretary):
    """Two-factor sign-in comes after the password (portal.editorial.two_factor)."""
    assert sign_in(client, "thuky", PASSWORD).status_code == 302
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("portal_two_factor_enrol"))


def test_force_login_in_tests_stands_for_a_finished_sign_in(client, secretary):
    """The root conftest.py verifies force_login sessions; it enrols no app."""
    from portal.editorial.two_factor.services import two_factor_enrolled

    client.force_login(secretary)
    assert client.get("/admin/pages/").status_code == 200
    assert not two_factor_enrolled(secretary)
