"""``manage.py classification_scan PATH...``: the gate's detector over files and folders.

One line per file, ``<path>: MARKED <level> <where>`` (level ``mat``, ``toi-mat``,
``tuyet-mat``, or ``giai-mat`` for a declassified stamp), ``<path>: UNREADABLE
<why>`` or ``<path>: CLEAN``; a summary on standard error. Exits 1 when any file
is marked or cannot be read, so a script can stop a bulk upload.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from portal.core.text import slugify_vi
from portal.editorial.classification import DECLASSIFIED, scan_file

MAX_FILE_BYTES = 200 * 1024 * 1024


def files_under(paths):
    for path in paths:
        if path.is_dir():
            yield from sorted(item for item in path.rglob("*") if item.is_file())
        elif path.is_file():
            yield path
        else:
            raise CommandError(f"Không tìm thấy tệp hoặc thư mục: {path}")


class Command(BaseCommand):
    help = "Kiểm tra dấu độ mật trong tệp hoặc thư mục (như khi tải lên)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, paths, no_progress=False, **options):
        files = list(files_under(paths))
        started = time.perf_counter()
        flagged = 0
        bar = tqdm(files, unit=" tệp", desc="Kiểm tra độ mật", disable=no_progress or None)
        for path in bar:
            line = self.verdict(path)
            if not line.endswith(": CLEAN"):
                flagged += 1
            bar.write(line, file=self.stdout._out)
        seconds = time.perf_counter() - started
        self.stderr.write(
            f"{len(files)} tệp, {flagged} tệp có dấu độ mật hoặc không đọc được, "
            f"{seconds:.1f} giây."
        )
        if flagged:
            raise SystemExit(1)

    def verdict(self, path: Path) -> str:
        if path.stat().st_size > MAX_FILE_BYTES:
            return f"{path}: UNREADABLE tệp lớn hơn 200 MB"
        result = scan_file(path.read_bytes(), path.name)
        if result.markings:
            # A declassified stamp decides (the old marking is still on the paper);
            # else the strongest level, where it was first found.
            level = DECLASSIFIED if result.declassified else result.level
            marking = next(m for m in result.markings if m.level == level)
            return f"{path}: MARKED {slugify_vi(level)} {marking.where}"
        if result.unreadable:
            return f"{path}: UNREADABLE {result.unreadable}"
        return f"{path}: CLEAN"
