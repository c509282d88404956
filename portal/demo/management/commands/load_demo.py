"""``manage.py load_demo``: the demo portal of HĐND tỉnh Bắc Kạn (see portal.demo.services)."""

import logging
import time

from django.core.management.base import BaseCommand, CommandError

from portal.core.site_url import base_url
from portal.demo import services

QUIET_LOGGERS = ("django_tasks", "wagtail")


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu: HĐND tỉnh Bắc Kạn khóa IX (2016-2021), mỗi tin bài viết về một sự "
        "kiện của nhiệm kỳ. Chạy lại không thay đổi gì; --articles N bổ sung cho đủ N tin bài."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=services.DEFAULT_SEED)
        parser.add_argument(
            "--articles", type=int, default=services.DEFAULT_ARTICLES, help="Tổng số tin bài mẫu."
        )
        parser.add_argument("--galleries", type=int, default=services.DEFAULT_GALLERIES)
        parser.add_argument(
            "--images",
            type=int,
            default=services.specs.IMAGE_POOL_SIZE,
            help="Số ảnh của mỗi sự kiện dùng cho tin bài (mặc định: "
            f"{services.specs.IMAGE_POOL_SIZE}; thư viện ảnh có thêm ảnh của sự kiện).",
        )
        parser.add_argument(
            "--admin-password",
            default=None,
            help="Mật khẩu tài khoản admin "
            f"(mặc định khi tạo mới: {services.DEFAULT_ADMIN_PASSWORD}).",
        )
        parser.add_argument("--batch-size", type=int, default=services.bulk.BATCH_SIZE)
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Số tiến trình song song khi tạo tin bài (chỉ PostgreSQL; mặc định: số lõi CPU).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Không hiện thanh tiến độ.")
        parser.add_argument(
            "--address",
            default=None,
            help="Địa chỉ cổng sẽ được phục vụ (vd. http://127.0.0.1:8100), để in đúng địa chỉ "
            "trang quản trị; mặc định PORTAL_BASE_URL hoặc WAGTAILADMIN_BASE_URL.",
        )

    def handle(self, *args, **options):
        if options["workers"] is not None and options["workers"] < 1:
            raise CommandError("Giá trị --workers không hợp lệ.")
        for name in ("articles", "galleries", "images", "batch_size"):
            if options[name] < 0 or (name in ("images", "batch_size") and options[name] < 1):
                raise CommandError(f"Giá trị --{name.replace('_', '-')} không hợp lệ.")
        # One log line per page published would drown the progress bar.
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
        started = time.monotonic()
        report = services.demo_load(
            seed=options["seed"],
            articles=options["articles"],
            galleries=options["galleries"],
            image_pool=options["images"],
            admin_password=options["admin_password"],
            batch_size=options["batch_size"],
            workers=options["workers"],
            progress=not options["no_progress"] and options["verbosity"] > 0,
        )
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"Đã tạo {report.articles_created} tin bài mới (tổng số: {report.articles_total}), "
            f"{report.galleries_created} thư viện ảnh, {report.images_created} ảnh, "
            f"{report.delegates_created} đại biểu trong {elapsed:.1f} giây."
        )
        password = report.admin_password or (
            f"mật khẩu đã đặt khi tạo lần đầu (mặc định {services.DEFAULT_ADMIN_PASSWORD})"
        )
        address = (options["address"] or base_url()).rstrip("/")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đăng nhập quản trị: {address}/admin/ — tài khoản "
                f"{services.ADMIN_USERNAME}, mật khẩu: {password}"
            )
        )
        self.stdout.write(
            f"Tài khoản theo vai trò (mật khẩu khi tạo lần đầu: {services.DEFAULT_ADMIN_PASSWORD}):"
        )
        for role, usernames in services.accounts_by_role().items():
            self.stdout.write(f"  {role}: {', '.join(usernames)}")
        if report.workflow_items:
            self.stdout.write(
                f"Đã đưa {report.workflow_items} tin bài vào quy trình duyệt (đủ các trạng thái)."
            )
