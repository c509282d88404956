"""``manage.py restore ARCHIVE``: the database and the media back from an archive of
``manage.py backup``, once every checksum has been verified (``portal.core.backup``;
docs/operations.md, "Sao lưu và phục hồi")."""

from pathlib import Path

from portal.core.backup import COUNT_LABELS, BackupError, restore_backup
from portal.core.management.base import OperatorCommand
from portal.core.templatetags.vi_format import so


class Command(OperatorCommand):
    help = (
        "Phục hồi CSDL và tệp media từ một tệp sao lưu của manage.py backup, sau khi kiểm "
        "tra mã SHA-256 của từng tệp; rồi so số lượng nội dung với manifest."
    )
    expected_errors = (BackupError,)
    # The target database may be empty: no check may ask it anything first.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="Tệp hdnd-backup-….tar cần phục hồi.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Phục hồi cả khi CSDL hoặc thư mục media đã có dữ liệu: xoá và thay toàn bộ.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Không hiện thanh tiến trình."
        )

    def handle(self, *args, archive, force=False, no_progress=False, **options):
        result = restore_backup(archive, force=force, progress=not no_progress)
        manifest = result.manifest
        seconds = f"{result.seconds:.1f}".replace(".", ",")
        self.stdout.write(
            f"Đã phục hồi bản sao lưu lúc {manifest['created_at']} "
            f"(commit {manifest['portal'].get('git_commit') or 'không rõ'}) trong {seconds} giây; "
            + (
                f"{so(result.media_files)} tệp media."
                if manifest["media"]["included"]
                else "bản sao lưu không gồm media."
            )
        )
        for key, label in COUNT_LABELS.items():
            now, then = result.counts[key], manifest["counts"].get(key)
            mark = "khớp" if now == then else "KHÔNG KHỚP"
            self.stdout.write(f"  {label}: {so(now)} (bản sao lưu: {so(then)}) {mark}")
        if result.renditions_dropped:
            self.stdout.write(
                f"Bản sao lưu không gồm ảnh phái sinh: đã bỏ {so(result.renditions_dropped)} "
                "bản ghi, Wagtail sẽ tạo lại khi có người xem."
            )
        if result.unknown_migrations:
            self.stdout.write(
                self.style.WARNING(
                    "CSDL có migration mà mã nguồn này không có ("
                    + ", ".join(result.unknown_migrations[:5])
                    + "): mã nguồn cũ hơn bản sao lưu, hãy cập nhật mã nguồn tới commit trên."
                )
            )
        if result.pending_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"Còn {so(result.pending_migrations)} migration chưa áp dụng: chạy "
                    "manage.py migrate --noinput."
                )
            )
        if result.mismatches:
            raise BackupError(
                "Sau khi phục hồi, CSDL không khớp với manifest: " + "; ".join(result.mismatches)
            )
        self.stdout.write(self.style.SUCCESS("Phục hồi xong: số lượng khớp với manifest."))
