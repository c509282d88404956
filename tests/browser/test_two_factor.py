"""In a real browser: a member of the editorial board signs in with a password,
enrols an authenticator app (the secret read off the page, as someone typing it
into their phone would), reaches the dashboard; then signs out and in again with
the password and a code."""

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP

pytestmark = [
    pytest.mark.browser,
    pytest.mark.two_factor,  # the requirement stays on (tests/browser/conftest.py)
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

USERNAME = "bbt-lan"
PASSWORD = "Mat-khau-thu-nghiem-2026"


class Phone:
    """An authenticator app holding the secret typed from the enrolment page."""

    def __init__(self, secret: str):
        compact = secret.replace(" ", "")
        self.key = b32decode(compact + "=" * (-len(compact) % 8))
        self.used_steps = set()

    def code(self) -> str:
        totp = TOTP(self.key)
        step = totp.t()
        while step in self.used_steps:  # the portal never accepts a step twice
            step += 1
        self.used_steps.add(step)
        totp.time = step * totp.step
        return f"{totp.token():06d}"

    def wrong_code(self) -> str:
        """Six digits that none of the nearby time steps would show."""
        totp = TOTP(self.key)
        now = totp.t()
        nearby = set()
        for step in range(now - 3, now + 4):
            totp.time = step * totp.step
            nearby.add(f"{totp.token():06d}")
        return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in nearby)


@pytest.fixture
def board_member(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(USERNAME, password=PASSWORD, first_name="Lan")
    user.groups.add(Group.objects.get(name="Ban Biên tập"))
    return user


def sign_in_with_password(page):
    page.goto("/admin/login/")
    page.fill("input[name=username]", USERNAME)
    page.fill("input[name=password]", PASSWORD)
    submit(page)


def submit(page):
    with page.expect_navigation():
        page.click("form.login-form button[type=submit]")


def test_board_member_enrols_then_signs_in_with_a_code(page, board_member):
    from django_otp.plugins.otp_static.models import StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    sign_in_with_password(page)
    page.wait_for_url(re.compile(r"/admin/xac-thuc-hai-buoc/dang-ky/\?next="))
    assert page.locator("h1").inner_text().strip() == "Bật xác thực hai bước"
    assert page.locator("svg.two-factor-qr").is_visible()
    secret = page.locator("#two-factor-secret").inner_text().strip()
    assert re.fullmatch(r"([A-Z2-7]{4} )+[A-Z2-7]{1,4}", secret), secret
    phone = Phone(secret)

    # Nothing else of the admin is reachable yet.
    page.goto("/admin/pages/")
    assert "/admin/xac-thuc-hai-buoc/dang-ky/" in page.url

    page.fill("input[name=code]", "123")
    submit(page)
    assert "Mã không hợp lệ" in page.locator("main").inner_text()

    page.fill("input[name=code]", phone.code())
    submit(page)
    page.wait_for_selector("ol.two-factor-codes")
    assert page.locator("h1").inner_text().strip() == "Đã bật xác thực hai bước"
    codes = [code.strip() for code in page.locator("ol.two-factor-codes code").all_inner_texts()]
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z0-9]{5}-[a-z0-9]{5}", c) for c in codes)
    assert StaticToken.objects.filter(device__user=board_member).count() == 10
    assert TOTPDevice.objects.get(user=board_member).confirmed

    page.click("text=Tôi đã lưu các mã, tiếp tục")
    page.wait_for_url(re.compile(r"/admin/pages/$"))  # where they were going
    page.goto("/admin/")
    page.wait_for_selector("#wagtail-sidebar .sidebar-footer")
    assert page.url.endswith("/admin/")

    # Sign out from the sidebar's account menu.
    page.locator(".sidebar-footer__account").click()
    page.locator("form[action='/admin/logout/'] button").click()
    page.wait_for_url(re.compile(r"/admin/login/"))

    # The password alone is not enough any more: the code is asked for.
    sign_in_with_password(page)
    page.wait_for_url(re.compile(r"/admin/xac-thuc-hai-buoc/xac-minh/"))
    assert page.locator("h1").inner_text().strip() == "Xác thực hai bước"
    page.fill("input[name=code]", phone.wrong_code())
    submit(page)
    assert "Mã xác thực không đúng hoặc đã hết hạn" in page.locator("main").inner_text()
    time.sleep(1.2)  # django-otp's back-off after one failure is one second
    page.fill("input[name=code]", phone.code())
    submit(page)
    page.wait_for_url(re.compile(r"/admin/$"))
    page.wait_for_selector("#wagtail-sidebar .sidebar-footer")
    assert page.locator("main").is_visible()
