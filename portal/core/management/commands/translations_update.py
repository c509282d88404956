"""``manage.py translations_update``: bring the admin's Vietnamese catalogs in step
with the installed Wagtail and Django, report what is new or changed, compile."""

from django.core.management.base import BaseCommand

from portal.core import translations


class Command(BaseCommand):
    help = (
        "Gộp chuỗi mới của Wagtail và Django vào các bản dịch tiếng Việt của trang quản trị, "
        "báo chuỗi mới hoặc đã đổi, rồi biên dịch (docs/vietnamese-admin.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--build-only",
            action="store_true",
            help="Chỉ ghép và biên dịch các bản dịch nguồn, không đọc lại chuỗi gốc.",
        )

    def handle(self, *args, build_only=False, **options):
        upstreams = translations.upstreams()
        pending = 0
        if not build_only:
            for number, upstream in enumerate(upstreams, 1):
                report = translations.merge_upstream(upstream)
                pending += report.total - report.translated
                self.stdout.write(f"[{number}/{len(upstreams)}] {report.line}")
        sizes = translations.build_catalogs()
        for domain, size in sizes.items():
            self.stdout.write(f"Đã biên dịch {domain}: {size} chuỗi")
        if pending:
            self.stdout.write(
                self.style.WARNING(
                    f"Còn {pending} chuỗi chưa dịch hoặc cần xem lại (fuzzy) trong "
                    f"{translations.SOURCES_DIR}"
                )
            )
