"""``manage.py backup``: the database and the media in one archive with a checksum
manifest (``portal.core.backup``; docs/operations.md, "Sao lưu và phục hồi")."""

from pathlib import Path

from portal.core.backup import (
    COUNT_LABELS,
    VENDOR_NAMES,
    BackupError,
    create_backup,
    prune_backups,
)
from portal.core.management.base import OperatorCommand
from portal.core.templatetags.vi_format import so
from portal.core.uploads import format_file_size


class Command(OperatorCommand):
    help = (
        "Sao lưu CSDL và tệp media vào một tệp hdnd-backup-YYYYMMDD-HHMMSS.tar, kèm "
        "manifest.json (phiên bản, migration, số lượng nội dung, mã SHA-256 của từng tệp)."
    )
    expected_errors = (BackupError,)

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            help="Thư mục ghi tệp sao lưu (mặc định: BACKUP_DIR, nếu không thì var/backups).",
        )
        parser.add_argument(
            "--no-renditions",
            action="store_true",
            help="Bỏ qua ảnh phái sinh (renditions): tệp nhỏ hơn; sau khi phục hồi, Wagtail "
            "tạo lại chúng từ ảnh gốc khi có người xem.",
        )
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Chỉ sao lưu CSDL (media ở bucket S3 hoặc được sao lưu cách khác).",
        )
        parser.add_argument(
            "--keep-daily",
            type=int,
            metavar="N",
            help="Sau khi sao lưu xong, giữ bản mới nhất của N ngày gần nhất (cùng --keep-weekly)"
            " và xoá các bản khác trong thư mục.",
        )
        parser.add_argument(
            "--keep-weekly",
            type=int,
            metavar="N",
            help="Giữ thêm bản mới nhất của N tuần gần nhất.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Không hiện thanh tiến trình."
        )

    def handle(self, *args, **options):
        keep_daily, keep_weekly = options["keep_daily"], options["keep_weekly"]
        if (keep_daily or 0) < 0 or (keep_weekly or 0) < 0:
            raise BackupError("Số bản giữ lại (--keep-daily, --keep-weekly) không được âm.")
        result = create_backup(
            options["output_dir"],
            include_media=not options["no_media"],
            include_renditions=not options["no_renditions"],
            progress=not options["no_progress"],
        )
        manifest = result.manifest
        seconds = f"{result.seconds:.1f}".replace(".", ",")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sao lưu vào {result.path} ({format_file_size(result.size)}) "
                f"trong {seconds} giây."
            )
        )
        database = manifest["database"]
        database_size = manifest["files"][database["file"]]["size"]
        media = manifest["media"]
        if media["included"]:
            media_line = f"media: {so(media['files'])} tệp, {format_file_size(media['bytes'])}"
            if not media["renditions"]:
                media_line += " (không gồm ảnh phái sinh)"
        else:
            media_line = "không gồm media"
        self.stdout.write(
            f"CSDL {VENDOR_NAMES[database['vendor']]}: {format_file_size(database_size)}; "
            f"{media_line}."
        )
        counts = manifest["counts"]
        self.stdout.write(
            "Nội dung: "
            + ", ".join(f"{so(counts[key])} {label}" for key, label in COUNT_LABELS.items())
            + "."
        )
        missing = media["missing"]
        if missing:
            shown = ", ".join(missing[:5])
            more = f" và {so(len(missing) - 5)} tệp khác" if len(missing) > 5 else ""
            self.stdout.write(
                self.style.WARNING(
                    f"CSDL nhắc tới {so(len(missing))} tệp không có trong thư mục "
                    f"media: {shown}{more}."
                )
            )
        if keep_daily is not None or keep_weekly is not None:
            deleted = prune_backups(
                result.path.parent, keep_daily=keep_daily or 0, keep_weekly=keep_weekly or 0
            )
            self.stdout.write(f"Đã xoá {so(len(deleted))} bản sao lưu cũ.")
