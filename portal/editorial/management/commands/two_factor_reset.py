"""Lost phone: remove a user's two-factor devices so they enrol again at the next
sign-in (for when no administrator can reach the admin's own reset button)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.editorial.two_factor.services import two_factor_reset


class Command(BaseCommand):
    help = "Xóa ứng dụng xác thực và mã khôi phục của một tài khoản (mất điện thoại)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="tên đăng nhập của tài khoản")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"Không có tài khoản '{username}'.") from error
        removed = two_factor_reset(user)
        self.stdout.write(
            f"Đã xóa {removed} thiết bị xác thực hai bước của '{username}'. "
            "Lần đăng nhập tới, người dùng đăng ký lại ứng dụng xác thực."
        )
