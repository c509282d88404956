"""System checks of the portal's own settings."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.urls)
def check_base_url(app_configs, **kwargs):
    """PORTAL_BASE_URL, when set, is a scheme and a host: nothing else."""
    value = getattr(settings, "PORTAL_BASE_URL", "")
    if not value:
        return []
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path.strip("/"):
        return [
            Error(
                f"PORTAL_BASE_URL phải có dạng https://ten-mien (không có đường dẫn): {value!r}",
                id="portal.E010",
            )
        ]
    return []


@register(Tags.urls, deploy=True)
def check_base_url_in_production(app_configs, **kwargs):
    """In production the canonical address is configured, not taken from requests."""
    if getattr(settings, "PORTAL_BASE_URL", ""):
        return []
    return [
        Warning(
            "PORTAL_BASE_URL chưa được đặt: liên kết tuyệt đối (canonical, chia sẻ, RSS, "
            "sitemap) sẽ lấy theo tên miền của từng yêu cầu.",
            hint="Đặt PORTAL_BASE_URL=https://<tên miền chính thức> (docs/deploy.md).",
            id="portal.W010",
        )
    ]


@register(Tags.security, deploy=True)
def check_email_configured(app_configs, **kwargs):
    """Password resets and notifications need a real sender and mail server."""
    sender = getattr(settings, "DEFAULT_FROM_EMAIL", "")
    if sender and not sender.rstrip(">").endswith("@localhost"):
        return []
    return [
        Warning(
            "Thư điện tử chưa được cấu hình: DEFAULT_FROM_EMAIL vẫn là địa chỉ @localhost, "
            "thư đặt lại mật khẩu và thông báo sẽ không đến được người nhận.",
            hint="Đặt EMAIL_HOST, EMAIL_PORT, DEFAULT_FROM_EMAIL… (docs/deploy.md).",
            id="portal.W011",
        )
    ]
