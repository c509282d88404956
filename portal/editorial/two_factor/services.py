"""The rules of two-factor sign-in: who must use it, enrolment, verification of a
code, recovery codes, turning it off and the administrator's reset.

A user is *enrolled* when they have a confirmed TOTP device (an authenticator app:
Google Authenticator, Microsoft Authenticator, FreeOTP …). Their recovery codes are
the tokens of one django-otp static device; each is deleted when used. django-otp's
throttling is on for both (1, 2, 4, 8 … seconds after successive failures).

Every enrolment, verification and failed verification is written to Wagtail's audit
log on the user (``register_log_actions`` in ``portal/editorial/wagtail_hooks.py``);
a code is never logged.
"""

from __future__ import annotations

import math
import re
import secrets
from dataclasses import dataclass, field
from typing import Literal

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

REQUIRED_GROUPS = ("Thư ký", "Ban Biên tập", "Trưởng ban Biên tập", "Quản trị")
TOTP_DEVICE_NAME = "Ứng dụng xác thực"
RECOVERY_DEVICE_NAME = "Mã khôi phục"
RECOVERY_CODE_COUNT = 10
RECOVERY_CODE_LENGTH = 10
# Lower-case letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i).
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"

ACTION_ENROL = "portal.two_factor.enrol"
ACTION_VERIFY = "portal.two_factor.verify"
ACTION_VERIFY_FAILED = "portal.two_factor.verify_failed"
ACTION_RECOVERY_CODES = "portal.two_factor.recovery_codes"
ACTION_DISABLE = "portal.two_factor.disable"
ACTION_RESET = "portal.two_factor.reset"
LOG_ACTIONS = (
    (ACTION_ENROL, "Bật xác thực hai bước", "Đã bật xác thực hai bước"),
    (ACTION_VERIFY, "Xác thực hai bước", "Đã xác thực hai bước khi đăng nhập"),
    (
        ACTION_VERIFY_FAILED,
        "Xác thực hai bước không thành công",
        "Nhập mã xác thực hai bước không đúng",
    ),
    (ACTION_RECOVERY_CODES, "Tạo mã khôi phục mới", "Đã tạo mã khôi phục mới"),
    (ACTION_DISABLE, "Tắt xác thực hai bước", "Đã tắt xác thực hai bước"),
    (
        ACTION_RESET,
        "Đặt lại xác thực hai bước",
        "Quản trị đã xóa thiết bị xác thực hai bước của tài khoản",
    ),
)

WRONG_TOTP = (
    "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã 6 chữ số đang hiện trên ứng dụng xác thực."
)
WRONG_RECOVERY = "Mã khôi phục không đúng hoặc đã được dùng."
THROTTLED = "Bạn đã nhập sai nhiều lần liên tiếp. Hãy đợi {seconds} giây rồi thử lại."

CodeKind = Literal["totp", "recovery"]


@dataclass
class Verification:
    """The outcome of one attempt: the device that accepted the code, or an error."""

    device: TOTPDevice | StaticDevice | None = None
    error: str = ""
    recovery_codes_left: int | None = None
    recovery_codes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.device is not None


def concrete_user(user):
    """The user model instance behind ``request.user``'s lazy wrappers (django-otp
    adds one around Django's)."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


# --- Who ----------------------------------------------------------------------


def two_factor_required(user) -> bool:
    """Superusers and members of the secretariat, the editorial board and the
    administrators must sign in with a second factor; contributors may. The demo
    setting ``PORTAL_DEMO_SKIP_2FA`` lifts the requirement (never in production)."""
    if not user.is_authenticated or getattr(settings, "PORTAL_DEMO_SKIP_2FA", False):
        return False
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_GROUPS).exists()


def totp_device(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they have enrolled one."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def two_factor_enrolled(user) -> bool:
    return totp_device(user) is not None


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def two_factor_step(user) -> Literal["verify", "enrol"] | None:
    """What an authenticated, not yet verified user must do before the admin:
    enter a code ("verify"), enrol an app first ("enrol"), or nothing."""
    if not user.is_authenticated:
        return None
    if two_factor_enrolled(user):
        return "verify"
    if two_factor_required(user):
        return "enrol"
    return None


# --- Codes --------------------------------------------------------------------


def code_kind(raw: str) -> tuple[CodeKind, str] | None:
    """What the user typed, normalised: six digits are an app's code, ten letters and
    digits a recovery code (spaces and hyphens ignored, any case); else None."""
    compact = re.sub(r"[\s\-]", "", raw or "").lower()
    if re.fullmatch(r"\d{6}", compact):
        return "totp", compact
    if len(compact) == RECOVERY_CODE_LENGTH and all(c in RECOVERY_ALPHABET for c in compact):
        return "recovery", compact
    return None


def recovery_code_display(code: str) -> str:
    """``abcdefghjk`` → ``abcde-fghjk``, as printed for the user."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def totp_secret_display(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four for typing into an app by hand."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address of the device as an inline SVG QR code (segno)."""
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(
        scale=5,
        border=4,
        dark="#000000",
        light="#ffffff",
        title="Mã QR để thêm tài khoản vào ứng dụng xác thực",
        svgclass="two-factor-qr",
    )
    return svg.replace("<svg ", '<svg role="img" aria-label="Mã QR xác thực hai bước" ', 1)


def _locked_seconds(device) -> int | None:
    allowed, data = device.verify_is_allowed()
    if allowed:
        return None
    locked_until = (data or {}).get("locked_until")
    if locked_until is None:
        return 1
    return max(1, math.ceil((locked_until - timezone.now()).total_seconds()))


def _new_recovery_codes() -> list[str]:
    return [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
        for _ in range(RECOVERY_CODE_COUNT)
    ]


# --- Session --------------------------------------------------------------------


def _log_failure(user, method: str, reason: str, **context) -> None:
    """A failed code, logged by kind and reason (never the code)."""
    data = {"method": method, "reason": reason, **context}
    log(instance=user, action=ACTION_VERIFY_FAILED, user=user, data=data)


def session_verify(request, device) -> None:
    """Mark the session as verified by ``device`` (django-otp), under a new key."""
    otp_login(request, device)
    request.session.cycle_key()


# --- Enrolment -------------------------------------------------------------------


def enrolment_device(user) -> TOTPDevice:
    """The unconfirmed authenticator device being enrolled: the same one (and so the
    same QR code) until it is confirmed, so a reload does not change the secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def _recovery_codes_store(user) -> list[str]:
    """New recovery codes for the user, replacing every old one (one static device
    kept, so a session verified with a recovery code stays verified)."""
    with transaction.atomic():
        device = recovery_device(user)
        if device is None:
            device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
        StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.token_set.all().delete()
        codes = _new_recovery_codes()
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def enrolment_confirm(request, device: TOTPDevice, raw_code: str) -> Verification:
    """Confirm the app being enrolled with a code it shows now. On success the
    device is confirmed, ten recovery codes are made (returned to show once), the
    session is verified and the enrolment is logged."""
    user = concrete_user(request.user)
    kind = code_kind(raw_code)
    if kind is None or kind[0] != "totp":
        return Verification(error=WRONG_TOTP)
    locked = _locked_seconds(device)
    if locked:
        _log_failure(user, "totp", "throttled", stage="enrol")
        return Verification(error=THROTTLED.format(seconds=locked))
    with transaction.atomic():
        verified = verify_token(user, device.persistent_id, kind[1])
        if verified is None:
            _log_failure(user, "totp", "wrong_code", stage="enrol")
            return Verification(error=WRONG_TOTP)
        verified.confirmed = True
        verified.name = TOTP_DEVICE_NAME
        verified.save(update_fields=["confirmed", "name"])
        TOTPDevice.objects.filter(user=user).exclude(pk=verified.pk).delete()
        codes = _recovery_codes_store(user)
        log(instance=user, action=ACTION_ENROL, user=user)
    session_verify(request, verified)
    return Verification(device=verified, recovery_codes=codes)


def recovery_codes_renew(user) -> list[str]:
    """Ten new recovery codes for an enrolled user (the old ones stop working)."""
    user = concrete_user(user)
    with transaction.atomic():
        codes = _recovery_codes_store(user)
        log(instance=user, action=ACTION_RECOVERY_CODES, user=user)
    return codes


# --- Verification ------------------------------------------------------------------


def verification_attempt(request, raw_code: str) -> Verification:
    """Check a code typed at sign-in: the app's six digits or one recovery code
    (which is used up). The session is verified on success; success and failure are
    logged (which kind, never the code)."""
    user = concrete_user(request.user)
    kind = code_kind(raw_code)
    if kind is None:
        return Verification(error=WRONG_TOTP)
    method, token = kind
    device = totp_device(user) if method == "totp" else recovery_device(user)
    wrong = WRONG_TOTP if method == "totp" else WRONG_RECOVERY
    if device is None:
        _log_failure(user, method, "no_device")
        return Verification(error=wrong)
    locked = _locked_seconds(device)
    if locked:
        _log_failure(user, method, "throttled")
        return Verification(error=THROTTLED.format(seconds=locked))
    verified = verify_token(user, device.persistent_id, token)
    if verified is None:
        _log_failure(user, method, "wrong_code")
        return Verification(error=wrong)
    session_verify(request, verified)
    left = recovery_codes_left(user) if method == "recovery" else None
    data = {"method": method}
    if left is not None:
        data["recovery_codes_left"] = left
    log(instance=user, action=ACTION_VERIFY, user=user, data=data)
    return Verification(device=verified, recovery_codes_left=left)


# --- Turning it off -------------------------------------------------------------------


def _devices_delete(user) -> int:
    """Delete the user's app(s) and recovery codes; returns how many devices."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        devices = model.objects.filter(user=user)
        removed += devices.count()
        devices.delete()
    return removed


def two_factor_disable(user) -> bool:
    """A user for whom two-factor sign-in is optional turns it off; refused (False)
    for those who must use it."""
    user = concrete_user(user)
    if two_factor_required(user):
        return False
    with transaction.atomic():
        _devices_delete(user)
        log(instance=user, action=ACTION_DISABLE, user=user)
    return True


def two_factor_reset(user, by=None) -> int:
    """Lost phone: remove every two-factor device of ``user`` (app and recovery
    codes). Their verified sessions stop being verified at the next request; at the
    next sign-in they enrol again. Returns how many devices were removed."""
    user, by = concrete_user(user), concrete_user(by)
    with transaction.atomic():
        removed = _devices_delete(user)
        log(
            instance=user,
            action=ACTION_RESET,
            user=by,
            data={"by": by.get_username() if by is not None else "shell"},
        )
    return removed
