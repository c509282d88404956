import time

from django.core.management.base import BaseCommand

from portal.search.services import rebuild_index


class Command(BaseCommand):
    help = "Lập lại toàn bộ chỉ mục tìm kiếm của cổng thông tin (mọi trang đang xuất bản)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-progress", action="store_true", help="Không hiện thanh tiến trình."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        count = rebuild_index(progress=not options["no_progress"])
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Đã lập chỉ mục {count} trang trong {elapsed:.1f} giây.")
        )
