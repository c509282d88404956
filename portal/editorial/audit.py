"""What Wagtail's audit log does not record by itself: sign-ins, failed sign-ins,
lockouts and refused uploads (two-factor events: ``two_factor.services``).

Each goes on Wagtail's audit log (``wagtail.log_actions.log``) against the user
account concerned, so the admin's "Lịch sử hoạt động" report filters them by action,
user and date and exports them to Excel with the rest. A failed sign-in for a name
that is no account is kept by django-axes only (there is no account to log against,
and the name typed may be a password typed in the wrong box). A refused upload also
alerts the secretariat by mail (through the tasks worker in production); neither the
log nor the mail holds any of the file's content.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.mail import send_mail
from wagtail.log_actions import log

from portal.core.auth import client_ip

logger = logging.getLogger(__name__)

ACTION_LOGIN = "portal.auth.login"
ACTION_LOGIN_FAILED = "portal.auth.login_failed"
ACTION_LOCKOUT = "portal.auth.lockout"
ACTION_UPLOAD_REFUSED = "portal.upload.refused"
LOG_ACTIONS = (
    (ACTION_LOGIN, "Đăng nhập", "Đã đăng nhập"),
    (ACTION_LOGIN_FAILED, "Đăng nhập không thành công", "Đăng nhập sai mật khẩu"),
    (ACTION_LOCKOUT, "Khóa đăng nhập", "Tài khoản bị tạm khóa đăng nhập sau nhiều lần sai"),
    (ACTION_UPLOAD_REFUSED, "Từ chối tải lên tệp mật", "Tệp tải lên bị từ chối vì mang dấu độ mật"),
)
SECRETARIAT = "Thư ký"


def _account(username):
    if not username:
        return None
    return get_user_model()._default_manager.filter(username=username).first()


def _address(request) -> str:
    return client_ip(request) if request is not None else ""


def record_login(sender, request, user, **kwargs):
    log(instance=user, action=ACTION_LOGIN, user=user, data={"ip": _address(request)})


def record_login_failed(sender, credentials, request=None, **kwargs):
    account = _account((credentials or {}).get("username"))
    if account is not None:
        log(instance=account, action=ACTION_LOGIN_FAILED, data={"ip": _address(request)})


def record_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    account = _account(username)
    if account is not None:
        log(instance=account, action=ACTION_LOCKOUT, data={"ip": ip_address or ""})


def record_refused_upload(user, file_name: str, size: int, level: str, where: str) -> None:
    """The refused upload on the audit log and in the secretariat's mailbox."""
    details = {"file_name": file_name, "size": size, "level": level, "where": where}
    if user is not None and getattr(user, "pk", None):
        log(instance=user, action=ACTION_UPLOAD_REFUSED, user=user, data=details)
    recipients = list(
        Group.objects.filter(name=SECRETARIAT)
        .values_list("user__email", flat=True)
        .exclude(user__email="")
        .exclude(user__email=None)
        .exclude(user__is_active=False)
    )
    if not recipients:
        return
    who = user.get_full_name() or user.get_username() if user is not None else "không rõ"
    try:
        send_mail(
            subject=f"[Cổng thông tin] Đã chặn một tệp mang dấu độ mật: {file_name}"[:200],
            message=(
                f"Cổng thông tin đã từ chối lưu một tệp tải lên vì tệp mang dấu độ mật.\n\n"
                f"Người tải lên: {who}\nTên tệp: {file_name}\n"
                f"Dung lượng: {f'{size:,}'.replace(',', '.')} byte\n"
                f"Độ mật: {level}\nVị trí dấu: {where}\n\n"
                "Tệp không được lưu. Chi tiết trong Lịch sử hoạt động của trang quản trị."
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
    except Exception:  # noqa: BLE001 - the refusal stands whether or not the mail leaves
        logger.exception("could not alert the secretariat of a refused upload")


def connect() -> None:
    from axes.signals import user_locked_out

    user_logged_in.connect(record_login, dispatch_uid="portal.audit.login")
    user_login_failed.connect(record_login_failed, dispatch_uid="portal.audit.login_failed")
    user_locked_out.connect(record_lockout, dispatch_uid="portal.audit.lockout")
