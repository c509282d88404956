"""The two-factor screens of the admin: verify at sign-in, enrol an app, manage it
from the account page, and the administrator's reset after a lost phone.

Registered under the admin by ``register_admin_urls`` (so Wagtail's
``require_admin_access`` guards them); the rules are in ``services``.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from . import services
from .forms import CodeForm, EnrolmentForm

TEMPLATES = "editorial/two_factor/"


def safe_next(request) -> str:
    """The ``next`` URL when it stays on this site (else the dashboard)."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def _is_verified(user) -> bool:
    return bool(getattr(user, "is_verified", lambda: False)())


def _recovery_codes_response(request, codes, next_url, *, first_time):
    return TemplateResponse(
        request,
        TEMPLATES + "recovery_codes.html",
        {
            "codes": [services.recovery_code_display(code) for code in codes],
            "next": next_url,
            "first_time": first_time,
        },
    )


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request):
    """Enter the app's code (or a recovery code) after the password."""
    user = request.user
    next_url = safe_next(request)
    if _is_verified(user):
        return redirect(next_url)
    step = services.two_factor_step(user)
    if step == "enrol":
        return redirect(_with_next("portal_two_factor_enrol", next_url))
    if step is None:
        return redirect(next_url)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        result = services.verification_attempt(request, form.cleaned_data["code"])
        if result.ok:
            if result.recovery_codes_left is not None:
                messages.warning(
                    request,
                    f"Bạn vừa dùng một mã khôi phục; còn {result.recovery_codes_left} mã. "
                    "Hãy tạo mã khôi phục mới ở Tài khoản → Xác thực hai bước khi còn ít mã.",
                )
            return redirect(next_url)
        form.add_error("code", result.error)
    return TemplateResponse(request, TEMPLATES + "verify.html", {"form": form, "next": next_url})


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "HEAD", "POST"])
def enrol(request):
    """Add an authenticator app: QR code and secret, confirmed with a current code;
    then the recovery codes, shown once."""
    user = request.user
    next_url = safe_next(request)
    if services.two_factor_enrolled(user):
        if _is_verified(user):
            return redirect("portal_two_factor_manage")
        return redirect(_with_next("portal_two_factor_verify", next_url))
    device = services.enrolment_device(user)
    form = EnrolmentForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        result = services.enrolment_confirm(request, device, form.cleaned_data["code"])
        if result.ok:
            return _recovery_codes_response(
                request, result.recovery_codes, next_url, first_time=True
            )
        form.add_error("code", result.error)
    return TemplateResponse(
        request,
        TEMPLATES + "enrol.html",
        {
            "form": form,
            "next": next_url,
            "qr_svg": services.totp_qr_svg(device),
            "secret": services.totp_secret_display(device),
            "required": services.two_factor_required(user),
            "issuer": getattr(settings, "OTP_TOTP_ISSUER", ""),
            "account": user.get_username(),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request):
    """Account → Two-factor sign-in: status, new recovery codes, turning it off
    (for those who may)."""
    user = request.user
    if not services.two_factor_enrolled(user):
        return redirect("portal_two_factor_enrol")
    required = services.two_factor_required(user)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "recovery_codes":
            codes = services.recovery_codes_renew(user)
            return _recovery_codes_response(
                request, codes, reverse("portal_two_factor_manage"), first_time=False
            )
        if action == "disable" and services.two_factor_disable(user):
            messages.success(request, "Đã tắt xác thực hai bước cho tài khoản của bạn.")
            return redirect("wagtailadmin_account")
        messages.error(request, "Thao tác không hợp lệ.")
        return redirect("portal_two_factor_manage")
    device = services.totp_device(user)
    return TemplateResponse(
        request,
        TEMPLATES + "manage.html",
        {
            "device": device,
            "required": required,
            "recovery_codes_left": services.recovery_codes_left(user),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reset(request, user_id: int):
    """An administrator removes a user's two-factor devices (lost phone)."""
    if not request.user.has_perm("auth.change_user"):
        raise PermissionDenied
    target = get_object_or_404(get_user_model(), pk=user_id)
    if target.is_superuser and not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        services.two_factor_reset(target, by=request.user)
        messages.success(
            request,
            f"Đã xóa xác thực hai bước của tài khoản {target.get_username()}. "
            "Lần đăng nhập tới, người dùng sẽ đăng ký lại ứng dụng xác thực.",
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        TEMPLATES + "reset.html",
        {
            "target": target,
            "enrolled": services.two_factor_enrolled(target),
            "recovery_codes_left": services.recovery_codes_left(target),
        },
    )
