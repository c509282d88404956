"""Backups of the portal, the database and the media in one archive with a checksum
manifest, and their restore (``manage.py backup``, ``manage.py restore``;
docs/operations.md, "Sao lưu và phục hồi").

An archive ``hdnd-backup-YYYYMMDD-HHMMSS.tar`` (plain tar: the dump is compressed
already, and so are images and most documents) holds, in this order:

- ``database.dump``: PostgreSQL through ``pg_dump --format=custom``, taken in the
  very snapshot the manifest's counts were read in; or ``database.sqlite3``: a copy
  made by SQLite's backup API, consistent while the site keeps writing;
- ``media/…``: every file under ``MEDIA_ROOT``; the renditions may be left out
  (``include_renditions=False``): Wagtail makes them again from the originals, and a
  restore then drops their rows so that it does;
- ``manifest.json``, last: the portal's version and commit, Django's and Wagtail's,
  the database vendor, the latest migration of each app and the counts (pages,
  revisions, images, documents) as they are in the dump, when it was made, and the
  size and SHA-256 of every other file of the archive.

An archive is written under a hidden ``.partial`` name and renamed once complete, so
a directory of backups only ever shows whole archives.

A restore changes nothing until every check has passed: the manifest is read, the
target is checked (the same vendor, empty unless ``force``, enough disk space), and
every file is extracted into staging directories with its checksum compared; only
then is the database replaced (on PostgreSQL in one transaction) and the media moved
into place.

Expected failures (a missing ``pg_dump``, a full disk, a corrupt archive, …) raise
``BackupError`` with a Vietnamese message for the operator.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from importlib import metadata
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

import django
import wagtail
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DatabaseError, connections
from django.utils import timezone
from tqdm import tqdm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from .uploads import format_file_size

FORMAT = "hdnd-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_DIR = "media"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
VENDOR_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
ARCHIVE_NAME = re.compile(r"^hdnd-backup-(\d{8}-\d{6})\.tar$")
# Our own temporary entries (in the backup directory and in MEDIA_ROOT): never backed
# up, never counted as content, never shown as an archive.
WORK_PREFIX = ".hdnd-"
COUNT_LABELS = {
    "pages": "trang",
    "revisions": "phiên bản",
    "images": "ảnh",
    "documents": "tài liệu",
}
CHUNK = 1024 * 1024
SPACE_MARGIN = 16 * 1024 * 1024
# libpq's connection keywords a Django OPTIONS may carry, and the environment
# variable each one goes by for pg_dump and pg_restore.
LIBPQ_ENVIRONMENT = {
    "host": "PGHOST",
    "port": "PGPORT",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "dbname": "PGDATABASE",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL",
    "channel_binding": "PGCHANNELBINDING",
    "gssencmode": "PGGSSENCMODE",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "application_name": "PGAPPNAME",
    "options": "PGOPTIONS",
}


class BackupError(Exception):
    """An expected failure of a backup or a restore; the message is for the operator."""


@dataclasses.dataclass
class BackupResult:
    path: Path
    size: int
    seconds: float
    manifest: dict


@dataclasses.dataclass
class RestoreResult:
    manifest: dict
    counts: dict[str, int]
    # What differs from the manifest after the restore (counts, migrations): empty
    # when the restored database is the one that was backed up.
    mismatches: list[str]
    # Migrations of the code that the restored database has not had (run migrate),
    # and migrations it has that the code does not know (the code is older).
    pending_migrations: int
    unknown_migrations: list[str]
    media_files: int
    renditions_dropped: int
    seconds: float


@dataclasses.dataclass
class _Snapshot:
    """What the dump holds, read in the dump's own snapshot."""

    counts: dict[str, int]
    migrations: dict[str, str]
    originals: set[str]  # image and document files the rows refer to
    renditions: set[str]
    server_version: str


# --- backup ------------------------------------------------------------------------


def default_backup_dir() -> Path:
    """The ``BACKUP_DIR`` setting, else the ``BACKUP_DIR`` environment variable, else
    ``var/backups`` in the checkout."""
    configured = getattr(settings, "BACKUP_DIR", None) or os.environ.get("BACKUP_DIR")
    return Path(configured) if configured else Path(settings.BASE_DIR) / "var" / "backups"


def create_backup(
    directory: Path | str | None = None,
    *,
    include_media: bool = True,
    include_renditions: bool = True,
    progress: bool = False,
) -> BackupResult:
    """Write one archive of the database (and the media) into ``directory``."""
    started = time.monotonic()
    directory = Path(directory) if directory else default_backup_dir()
    connection = connections["default"]
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(
            f"Chưa hỗ trợ sao lưu CSDL {vendor}: chỉ sao lưu được PostgreSQL và SQLite."
        )
    media_root = _local_media_root() if include_media else None
    pg_dump = _client_tool("pg_dump") if vendor == "postgresql" else None
    _prepare_directory(directory)

    created = timezone.localtime()
    name = f"hdnd-backup-{created:%Y%m%d-%H%M%S}.tar"
    final = directory / name
    if final.exists():
        raise BackupError(f"Đã có tệp {final}: chờ một giây rồi chạy lại.")
    partial = directory / f"{WORK_PREFIX}{name}.partial"
    work = None
    try:
        work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=directory))
        database_file = work / DATABASE_FILES[vendor]
        if vendor == "postgresql":
            snapshot = _dump_postgresql(pg_dump, connection.settings_dict, database_file, progress)
        else:
            snapshot = _dump_sqlite(connection.settings_dict, database_file, progress)
        skip = set() if include_renditions else snapshot.renditions
        media = _media_files(media_root, skip) if media_root else []
        database_size = database_file.stat().st_size
        media_size = sum(size for _, _, size in media)
        _check_space(directory, database_size + media_size, "tệp sao lưu")

        files: dict[str, dict] = {}
        with (
            _private_file(partial) as raw,
            tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar,
            _bar(progress, total=database_size + media_size, desc="Ghi tệp sao lưu") as bar,
        ):
            files[database_file.name] = _add_file(tar, database_file.name, database_file, bar)
            for path, arcname, _ in media:
                entry = _add_file(tar, arcname, path, bar)
                if entry is not None:  # None: deleted since the listing
                    files[arcname] = entry
            archived = {name[len(MEDIA_DIR) + 1 :] for name in files if name != database_file.name}
            expected = snapshot.originals | (snapshot.renditions if include_renditions else set())
            manifest = _manifest(
                created=created,
                vendor=vendor,
                database_file=database_file.name,
                snapshot=snapshot,
                media={
                    "included": media_root is not None,
                    "renditions": media_root is not None and include_renditions,
                    "files": len(files) - 1,
                    "bytes": sum(entry["size"] for entry in files.values()) - database_size,
                    # Files the rows refer to that were not in MEDIA_ROOT: already
                    # missing on the site (or deleted while the backup ran).
                    "missing": sorted(expected - archived) if media_root else [],
                },
                files=files,
            )
            _add_bytes(tar, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
            tar.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, final)
        _fsync_directory(directory)
    except OSError as error:
        raise BackupError(_os_error_message(error, directory)) from error
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
        partial.unlink(missing_ok=True)
    return BackupResult(
        path=final,
        size=final.stat().st_size,
        seconds=time.monotonic() - started,
        manifest=manifest,
    )


def _manifest(*, created, vendor, database_file, snapshot, media, files) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": created.isoformat(timespec="seconds"),
        "portal": _portal_version(),
        "software": {
            "python": sys.version.split()[0],
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
        },
        "database": {
            "vendor": vendor,
            "file": database_file,
            "server_version": snapshot.server_version,
        },
        "migrations": snapshot.migrations,
        "counts": snapshot.counts,
        "media": media,
        "files": files,
    }


def _portal_version() -> dict:
    try:
        version = metadata.version("hdnd-portal")
    except metadata.PackageNotFoundError:
        version = None
    commit = _git("rev-parse", "HEAD")
    dirty = None
    if commit:
        status = _git("status", "--porcelain", "--untracked-files=no")
        dirty = bool(status) if status is not None else None
    return {"version": version, "git_commit": commit, "git_dirty": dirty}


def _git(*args) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(settings.BASE_DIR), *args],
            capture_output=True,
            text=True,
            timeout=10,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def _prepare_directory(directory: Path) -> None:
    if directory.exists() and not directory.is_dir():
        raise BackupError(
            f"{directory} không phải là thư mục: chọn một thư mục để ghi bản sao lưu."
        )
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(
            f"Không tạo được thư mục sao lưu {directory}: {_os_reason(error)}."
        ) from error
    if not os.access(directory, os.W_OK | os.X_OK):
        raise BackupError(f"Không có quyền ghi vào thư mục sao lưu {directory}.")


def _local_media_root() -> Path:
    if not isinstance(default_storage, FileSystemStorage):
        raise BackupError(
            "Tệp media không nằm trên đĩa của máy này (lưu trữ "
            f"{type(default_storage).__name__}): hãy sao lưu bucket bằng tính năng phiên bản "
            "và nhân bản của nó, và chạy lệnh với --no-media để chỉ sao lưu hoặc phục hồi CSDL."
        )
    return Path(settings.MEDIA_ROOT)


def _media_files(root: Path, skip: set[str]) -> list[tuple[Path, str, int]]:
    """Every regular file under ``root`` but ``skip`` (names relative to it) and our own
    temporary entries: ``(path, name in the archive, size)``, in a stable order."""
    found = []
    if not root.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(root):
        top = Path(dirpath) == root
        dirnames[:] = sorted(d for d in dirnames if not (top and d.startswith(WORK_PREFIX)))
        for filename in sorted(filenames):
            if top and filename.startswith(WORK_PREFIX):
                continue
            path = Path(dirpath) / filename
            relative = path.relative_to(root).as_posix()
            if relative in skip:
                continue
            try:
                info = path.stat()
            except FileNotFoundError:
                continue
            if stat.S_ISREG(info.st_mode):
                found.append((path, f"{MEDIA_DIR}/{relative}", info.st_size))
    return found


class _HashingReader:
    """Reads a file for tarfile, hashing exactly the bytes that go into the archive."""

    def __init__(self, stream, bar):
        self.stream = stream
        self.bar = bar
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.stream.read(size)
        self.digest.update(data)
        self.bar.update(len(data))
        return data


def _add_file(tar: tarfile.TarFile, arcname: str, path: Path, bar) -> dict | None:
    try:
        stream = open(path, "rb")
    except FileNotFoundError:
        return None
    with stream:
        info = tarfile.TarInfo(arcname)
        status = os.fstat(stream.fileno())
        info.size = status.st_size
        info.mtime = int(status.st_mtime)
        info.mode = 0o644
        reader = _HashingReader(stream, bar)
        try:
            tar.addfile(info, reader)
        except OSError as error:
            if error.errno is None:  # tarfile: "unexpected end of data"
                raise BackupError(
                    f"Tệp {path} bị thu ngắn trong khi sao lưu: chạy lại lệnh sao lưu."
                ) from error
            raise
    return {"size": info.size, "sha256": reader.digest.hexdigest()}


def _add_bytes(tar: tarfile.TarFile, arcname: str, data: bytes) -> None:
    info = tarfile.TarInfo(arcname)
    info.size = len(data)
    info.mtime = int(time.time())
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


# --- database: reading what a dump holds -----------------------------------------------


def _counted_models() -> dict:
    return {
        "pages": Page,
        "revisions": Revision,
        "images": get_image_model(),
        "documents": get_document_model(),
    }


def database_state(cursor) -> tuple[dict[str, int], dict[str, str]]:
    """The counts of ``COUNT_LABELS`` and the latest migration of each app, read through
    any DB-API cursor (Django's, psycopg's in a snapshot, sqlite3's on a copy)."""
    counts = {}
    for key, model in _counted_models().items():
        cursor.execute(f'SELECT COUNT(*) FROM "{model._meta.db_table}"')
        counts[key] = cursor.fetchone()[0]
    # By name, not by id: Django records a squashed migration after the ones it
    # replaces, and migration names begin with their number.
    cursor.execute('SELECT "app", MAX("name") FROM "django_migrations" GROUP BY "app"')
    return counts, dict(sorted(cursor.fetchall()))


def _file_names(cursor, model) -> set[str]:
    column = model._meta.get_field("file").column
    cursor.execute(f'SELECT "{column}" FROM "{model._meta.db_table}"')
    return {name for (name,) in cursor.fetchall() if name}


def _read_snapshot(cursor, server_version: str) -> _Snapshot:
    counts, migrations = database_state(cursor)
    image_model = get_image_model()
    return _Snapshot(
        counts=counts,
        migrations=migrations,
        originals=_file_names(cursor, image_model) | _file_names(cursor, get_document_model()),
        renditions=_file_names(cursor, image_model.get_rendition_model()),
        server_version=server_version,
    )


def _dump_postgresql(pg_dump: str, settings_dict: dict, target: Path, progress) -> _Snapshot:
    """``pg_dump`` in a snapshot exported by a read-only repeatable-read transaction,
    where the counts and migrations are read too: the manifest describes the dump."""
    import psycopg

    params = _libpq_params(settings_dict)
    try:
        conn = psycopg.connect(**params)
    except psycopg.Error as error:
        raise BackupError(
            f"Không kết nối được CSDL PostgreSQL {params.get('dbname', '')}: {_first_line(error)}"
        ) from error
    try:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot_id = cursor.fetchone()[0]
            cursor.execute("SHOW server_version")
            server_version = cursor.fetchone()[0]
            snapshot = _read_snapshot(cursor, server_version)
        _run_pg_dump(pg_dump, params, snapshot_id, target, progress)
        conn.rollback()
    except psycopg.Error as error:
        raise BackupError(f"CSDL PostgreSQL báo lỗi khi sao lưu: {_first_line(error)}") from error
    finally:
        conn.close()
    return snapshot


def _run_pg_dump(pg_dump: str, params: dict, snapshot_id: str, target: Path, progress) -> None:
    command = [
        pg_dump,
        "--format=custom",
        "--no-password",
        f"--snapshot={snapshot_id}",
        f"--file={target}",
    ]
    with (
        tempfile.TemporaryFile() as errors,
        _bar(progress, desc="Sao lưu CSDL") as bar,
    ):
        process = subprocess.Popen(
            command,
            env=_libpq_environment(params),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            while True:
                try:
                    code = process.wait(timeout=0.25)
                except subprocess.TimeoutExpired:
                    code = None
                if target.exists():
                    bar.update(target.stat().st_size - bar.n)
                if code is not None:
                    break
        except BaseException:
            process.kill()
            process.wait()
            raise
        if code != 0:
            errors.seek(0)
            message = _tool_errors(errors.read().decode(errors="replace"))
            if "No space left on device" in message:
                raise BackupError(f"Hết chỗ trống trên đĩa khi ghi {target.parent}.")
            raise BackupError(f"pg_dump không sao lưu được CSDL (mã lỗi {code}): {message}")


def _dump_sqlite(settings_dict: dict, target: Path, progress) -> _Snapshot:
    """A copy by SQLite's backup API: consistent even while the site writes (a write
    during the copy makes SQLite start it again)."""
    name = str(settings_dict["NAME"])
    if not name.startswith("file:") and not Path(name).is_file():
        raise BackupError(f"Không tìm thấy tệp CSDL SQLite {name}.")
    source = destination = None
    try:
        with _bar(progress, desc="Sao lưu CSDL", unit=" trang", unit_scale=False) as bar:

            def step(status, remaining, total):
                bar.total = total
                bar.update(total - remaining - bar.n)

            source = sqlite3.connect(name, uri=True, timeout=20)
            destination = sqlite3.connect(target)
            source.backup(destination, pages=1024, progress=step, sleep=0)
        # The copy stands alone: no -wal file beside it.
        destination.execute("PRAGMA journal_mode=DELETE")
        return _read_snapshot(destination.cursor(), sqlite3.sqlite_version)
    except sqlite3.Error as error:
        if "full" in str(error).lower():
            raise BackupError(f"Hết chỗ trống trên đĩa khi ghi {target.parent}.") from error
        raise BackupError(f"SQLite báo lỗi khi sao lưu {name}: {error}") from error
    finally:
        for conn in (destination, source):
            if conn is not None:
                conn.close()


# --- restore -------------------------------------------------------------------------


def read_manifest(archive: Path | str) -> dict:
    """The manifest of an archive (checked for its format, not its checksums)."""
    archive = Path(archive)
    with _open_archive(archive) as tar:
        return _read_manifest(tar, _archive_members(tar, archive), archive)


def restore_backup(archive: Path | str, *, force: bool = False, progress: bool = False):
    """Replace the configured database (and the media) with an archive's."""
    started = time.monotonic()
    archive = Path(archive)
    connection = connections["default"]
    with _open_archive(archive) as tar:
        members = _archive_members(tar, archive)
        manifest = _read_manifest(tar, members, archive)
        vendor = manifest["database"]["vendor"]
        _check_vendor(vendor, connection.vendor)
        with_media = manifest["media"]["included"]
        media_root = _local_media_root() if with_media else None
        pg_restore = _client_tool("pg_restore") if vendor == "postgresql" else None
        _check_target_is_empty(connection, media_root, force)
        database_file = manifest["database"]["file"]
        database_size = manifest["files"][database_file]["size"]
        media_size = sum(
            e["size"] for name, e in manifest["files"].items() if name != database_file
        )

        with _staging(media_root) as staging:
            _check_space(staging.database_dir, database_size, "bản CSDL tạm")
            if media_root is not None:
                _check_space(media_root, media_size, "tệp media")
            _extract_verified(tar, members, manifest, staging, progress)
            # Nothing has changed so far. From here on the target is replaced.
            dump = staging.database_dir / database_file
            connections.close_all()
            if vendor == "postgresql":
                _restore_postgresql(pg_restore, connection.settings_dict, dump, progress)
            else:
                _restore_sqlite(connection.settings_dict, dump, progress)
            connections.close_all()
            if media_root is not None:
                _replace_media(media_root, staging)

    dropped = 0
    if with_media and not manifest["media"]["renditions"]:
        dropped = _drop_renditions(connection)
    _forget_cached_state()
    with connection.cursor() as cursor:
        counts, migrations = database_state(cursor)
    mismatches = [
        f"{label}: {counts[key]} sau phục hồi, {manifest['counts'].get(key)} trong bản sao lưu"
        for key, label in COUNT_LABELS.items()
        if counts[key] != manifest["counts"].get(key)
    ]
    if migrations != manifest["migrations"]:
        mismatches.append("trạng thái migration khác với manifest")
    pending, unknown = _migration_status(connection)
    return RestoreResult(
        manifest=manifest,
        counts=counts,
        mismatches=mismatches,
        pending_migrations=pending,
        unknown_migrations=unknown,
        media_files=manifest["media"]["files"],
        renditions_dropped=dropped,
        seconds=time.monotonic() - started,
    )


@contextmanager
def _open_archive(archive: Path) -> Iterator[tarfile.TarFile]:
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {archive}.")
    try:
        tar = tarfile.open(archive, "r:*")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(
            f"{archive} không đọc được như một tệp sao lưu (tar): tệp hỏng, bị cắt cụt "
            "hoặc không phải bản sao lưu của cổng. Không có gì bị thay đổi."
        ) from error
    with tar:
        yield tar


def _archive_members(tar: tarfile.TarFile, archive: Path) -> dict[str, tarfile.TarInfo]:
    try:
        members = tar.getmembers()
    except (tarfile.TarError, EOFError, OSError) as error:
        # tarfile finds the end of a member's data missing when it looks for the next
        # header: the member read last is the one cut short.
        where = f", từ tệp {tar.members[-1].name}" if tar.members else ""
        raise BackupError(
            f"Tệp sao lưu {archive} bị cắt cụt hoặc hỏng{where}: có thể chưa chép xong. "
            "Không có gì bị thay đổi; dùng một bản sao lưu khác."
        ) from error
    names = [member.name for member in members]
    if len(names) != len(set(names)):
        raise BackupError(f"Tệp sao lưu {archive} có tệp trùng tên: không phục hồi.")
    return {member.name: member for member in members}


def _read_manifest(tar, members: dict, archive: Path) -> dict:
    member = members.get(MANIFEST)
    if member is None:
        raise BackupError(
            f"Tệp sao lưu {archive} không có {MANIFEST}: tệp bị cắt cụt (chép chưa xong) "
            "hoặc không phải bản sao lưu của cổng. Không có gì bị thay đổi."
        )
    try:
        manifest = json.loads(tar.extractfile(member).read().decode())
    except (ValueError, tarfile.TarError, OSError) as error:
        raise BackupError(f"{MANIFEST} trong {archive} bị hỏng: không đọc được.") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{archive} không phải bản sao lưu của cổng ({MANIFEST} lạ).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"Bản sao lưu {archive} có định dạng phiên bản {manifest.get('format_version')}, "
            f"mã nguồn này chỉ đọc được phiên bản {FORMAT_VERSION}: dùng mã nguồn cùng thời "
            "với bản sao lưu."
        )
    try:
        vendor = manifest["database"]["vendor"]
        database_file = manifest["database"]["file"]
        files = manifest["files"]
        for key in ("counts", "migrations", "media"):
            if not isinstance(manifest[key], dict):
                raise TypeError(key)
        for key in ("included", "renditions", "files"):
            manifest["media"][key]  # noqa: B018 - present, or KeyError
    except (KeyError, TypeError) as error:
        raise BackupError(f"{MANIFEST} trong {archive} thiếu mục {error}.") from error
    if DATABASE_FILES.get(vendor) != database_file or database_file not in files:
        raise BackupError(f"{MANIFEST} trong {archive} không ghi bản CSDL.")
    for name in files:
        _check_member_name(name, database_file)
    return manifest


def _check_member_name(name: str, database_file: str) -> PurePosixPath | None:
    """The path under the media directory of a media member (None for the dump)."""
    if name == database_file:
        return None
    path = PurePosixPath(name)
    parts = path.parts
    if (
        path.is_absolute()
        or len(parts) < 2
        or parts[0] != MEDIA_DIR
        or any(part in ("", ".", "..") for part in parts)
        or "\\" in name
    ):
        raise BackupError(f"Tệp sao lưu có đường dẫn không hợp lệ: {name}. Không phục hồi.")
    return PurePosixPath(*parts[1:])


def _check_vendor(backed_up: str, configured: str) -> None:
    if backed_up != configured:
        raise BackupError(
            f"Bản sao lưu là của CSDL {VENDOR_NAMES.get(backed_up, backed_up)}, còn CSDL "
            f"đang cấu hình là {VENDOR_NAMES.get(configured, configured)}: không phục hồi "
            "chéo giữa hai loại CSDL. Đặt DATABASE_URL tới một CSDL "
            f"{VENDOR_NAMES.get(backed_up, backed_up)} trống rồi chạy lại."
        )


def _check_target_is_empty(connection, media_root: Path | None, force: bool) -> None:
    name = connection.settings_dict.get("NAME")
    try:
        tables = connection.introspection.table_names()
        pages = None
        if Page._meta.db_table in tables:
            with connection.cursor() as cursor:
                cursor.execute(f'SELECT COUNT(*) FROM "{Page._meta.db_table}"')
                pages = cursor.fetchone()[0]
    except DatabaseError as error:
        raise BackupError(
            f"Không kết nối được CSDL đích {name}: {_first_line(error)}. Tạo trước một CSDL "
            "trống (createdb) và đặt DATABASE_URL tới nó."
        ) from error
    found = []
    if tables:
        found.append(
            f"CSDL {name} đã có {len(tables)} bảng"
            + (f" và {pages} trang" if pages is not None else "")
        )
    media_files = len(_media_files(media_root, set())) if media_root is not None else 0
    if media_files:
        found.append(f"thư mục media {media_root} đã có {media_files} tệp")
    if found and not force:
        raise BackupError(
            "Nơi phục hồi không trống: "
            + "; ".join(found)
            + ". Phục hồi sẽ xoá và thay toàn bộ nội dung đó bằng bản sao lưu, không lấy lại "
            "được. Để diễn tập, phục hồi vào một CSDL trống mới và một thư mục media trống. "
            "Nếu đúng là muốn thay (khôi phục sau sự cố, đã dừng hdnd-web và hdnd-worker), "
            "chạy lại với --force."
        )


@dataclasses.dataclass
class _Staging:
    database_dir: Path
    media_dir: Path | None
    keep_media: bool = False  # set when the media could not be moved into place


@contextmanager
def _staging(media_root: Path | None) -> Iterator[_Staging]:
    """A private temporary directory for the dump, and one inside MEDIA_ROOT (the same
    filesystem, so the files are moved into place by renaming) for the media."""
    staging = _Staging(database_dir=Path(tempfile.mkdtemp(prefix="hdnd-restore-")), media_dir=None)
    created_root = False
    try:
        if media_root is not None:
            created_root = not media_root.exists()
            media_root.mkdir(parents=True, exist_ok=True)
            staging.media_dir = Path(
                tempfile.mkdtemp(prefix=f"{WORK_PREFIX}restore-", dir=media_root)
            )
        yield staging
    except OSError as error:
        raise BackupError(_os_error_message(error, media_root or staging.database_dir)) from error
    finally:
        shutil.rmtree(staging.database_dir, ignore_errors=True)
        if staging.media_dir is not None and not staging.keep_media:
            shutil.rmtree(staging.media_dir, ignore_errors=True)
        if created_root and media_root is not None and not any(media_root.iterdir()):
            media_root.rmdir()


def _extract_verified(tar, members, manifest, staging: _Staging, progress) -> None:
    """Extract every file listed in the manifest into staging, comparing each one's size
    and SHA-256 with the manifest; refuse an archive with any file more, less or
    different."""
    files = manifest["files"]
    database_file = manifest["database"]["file"]
    unlisted = sorted(set(members) - set(files) - {MANIFEST})
    if unlisted:
        raise BackupError(
            f"Tệp sao lưu có tệp không ghi trong manifest: {unlisted[0]}"
            + (f" (và {len(unlisted) - 1} tệp khác)" if len(unlisted) > 1 else "")
            + ". Không có gì bị thay đổi."
        )
    permissions = settings.FILE_UPLOAD_PERMISSIONS
    with _bar(progress, total=sum(e["size"] for e in files.values()), desc="Kiểm tra") as bar:
        for name, entry in files.items():
            member = members.get(name)
            if member is None:
                raise BackupError(
                    f"Tệp sao lưu thiếu {name} (manifest có ghi): tệp bị cắt cụt hoặc đã bị "
                    "sửa. Không có gì bị thay đổi."
                )
            if not member.isreg():
                raise BackupError(
                    f"{name} trong tệp sao lưu không phải tệp thường: không phục hồi."
                )
            if member.size != entry["size"]:
                raise BackupError(
                    f"Tệp {name} trong bản sao lưu có {member.size} byte, manifest ghi "
                    f"{entry['size']} byte: bản sao lưu bị hỏng hoặc đã bị sửa. Không có gì bị "
                    "thay đổi."
                )
            relative = _check_member_name(name, database_file)
            if relative is None:
                destination = staging.database_dir / database_file
            elif staging.media_dir is not None:
                destination = staging.media_dir.joinpath(*relative.parts)
                destination.parent.mkdir(parents=True, exist_ok=True)
            else:
                raise BackupError(f"Bản sao lưu không có media nhưng lại chứa {name}.")
            digest = hashlib.sha256()
            try:
                with tar.extractfile(member) as source, open(destination, "xb") as out:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        bar.update(len(chunk))
            except (tarfile.TarError, EOFError) as error:
                raise BackupError(
                    f"Tệp {name} trong bản sao lưu bị cắt cụt hoặc hỏng. Không có gì bị thay đổi."
                ) from error
            if digest.hexdigest() != entry["sha256"]:
                raise BackupError(
                    f"Tệp {name} trong bản sao lưu bị hỏng: mã SHA-256 không khớp với manifest. "
                    "Không có gì bị thay đổi; dùng một bản sao lưu khác."
                )
            if relative is not None and permissions is not None:
                destination.chmod(permissions)


def _restore_postgresql(pg_restore: str, settings_dict: dict, dump: Path, progress) -> None:
    """``pg_restore`` in one transaction: it stops at the first error and then leaves the
    database as it was."""
    params = _libpq_params(settings_dict)
    env = _libpq_environment(params)
    listing = subprocess.run(
        [pg_restore, "--list", str(dump)],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    if listing.returncode != 0:
        raise BackupError(
            f"pg_restore không đọc được bản CSDL: {_tool_errors(listing.stderr)} "
            "(pg_restore phải cùng phiên bản chính hoặc mới hơn pg_dump đã tạo bản sao lưu)."
        )
    total = sum(1 for line in listing.stdout.splitlines() if line and not line.startswith(";"))
    command = [
        pg_restore,
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        "--no-password",
        "--verbose",
        f"--dbname={params.get('dbname', '')}",
        str(dump),
    ]
    lines: list[str] = []
    with _bar(progress, total=total, desc="Phục hồi CSDL", unit=" mục", unit_scale=False) as bar:
        process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
        )
        try:
            for line in process.stderr:
                lines.append(line.rstrip())
                del lines[:-200]
                if line.startswith(("pg_restore: creating ", "pg_restore: processing ")):
                    bar.update(1 if bar.n < total else 0)
            code = process.wait()
        except BaseException:
            process.kill()
            process.wait()
            raise
    if code != 0:
        raise BackupError(
            f"pg_restore không phục hồi được CSDL (mã lỗi {code}), CSDL vẫn như trước khi "
            f"chạy lệnh: {_tool_errors(chr(10).join(lines))}"
        )


def _restore_sqlite(settings_dict: dict, copy: Path, progress) -> None:
    name = str(settings_dict["NAME"])
    source = target = None
    try:
        with _bar(progress, desc="Phục hồi CSDL", unit=" trang", unit_scale=False) as bar:

            def step(status, remaining, total):
                bar.total = total
                bar.update(total - remaining - bar.n)

            source = sqlite3.connect(copy)
            target = sqlite3.connect(name, uri=True, timeout=20)
            source.backup(target, pages=1024, progress=step, sleep=0)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite báo lỗi khi phục hồi vào {name}: {error}") from error
    finally:
        for conn in (target, source):
            if conn is not None:
                conn.close()


def _replace_media(media_root: Path, staging: _Staging) -> None:
    """Move what MEDIA_ROOT holds aside, move the staged files in, then delete the old
    ones: renames within one filesystem, and MEDIA_ROOT itself (a mount point, its
    owner and mode) stays."""
    replaced = None
    try:
        replaced = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}replaced-", dir=media_root))
        for entry in sorted(media_root.iterdir()):
            if not entry.name.startswith(WORK_PREFIX):
                entry.rename(replaced / entry.name)
        for entry in sorted(staging.media_dir.iterdir()):
            entry.rename(media_root / entry.name)
    except OSError as error:
        staging.keep_media = True
        raise BackupError(
            f"CSDL đã được phục hồi nhưng không chuyển được tệp media vào {media_root} "
            f"({_os_reason(error)}): tệp của bản sao lưu ở {staging.media_dir}, tệp cũ ở "
            f"{replaced}; hãy chuyển nốt bằng tay."
        ) from error
    shutil.rmtree(replaced, ignore_errors=True)


def _drop_renditions(connection) -> int:
    """A backup without renditions: their rows (and cached copies) go, so Wagtail makes
    each one again, from the restored original, the first time it is asked for."""
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    renditions = rendition_model._meta.db_table
    images = image_model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT r."image_id", i."file_hash", r."focal_point_key", r."filter_spec" '
            f'FROM "{renditions}" r JOIN "{images}" i ON i."id" = r."image_id"'
        )
        keys = [
            rendition_model.construct_cache_key(
                SimpleNamespace(id=image_id, file_hash=file_hash), focal_point_key, filter_spec
            )
            for image_id, file_hash, focal_point_key, filter_spec in cursor.fetchall()
        ]
        cursor.execute(f'DELETE FROM "{renditions}"')
    try:
        rendition_model.cache_backend.delete_many(keys)
    except Exception:  # noqa: BLE001 - a cache that does not answer holds nothing to drop
        pass
    return len(keys)


def _forget_cached_state() -> None:
    """The restored database is not the one the caches were filled from."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Site

    from .page_cache import invalidate

    ContentType.objects.clear_cache()
    invalidate()
    try:
        Site.clear_site_root_paths_cache()
    except Exception:  # noqa: BLE001 - an unreachable cache: entries expire on their own
        pass


def _migration_status(connection) -> tuple[int, list[str]]:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    pending = len(executor.migration_plan(graph.leaf_nodes()))
    # On disk: the migrations a squash replaces too, which the graph leaves out.
    known = executor.loader.disk_migrations
    applied = executor.loader.applied_migrations
    unknown = sorted(f"{app}.{name}" for app, name in applied if (app, name) not in known)
    return pending, unknown


# --- retention -----------------------------------------------------------------------


def archive_time(path: Path) -> datetime | None:
    """When an archive was made, read from its name (None: not one of ours)."""
    match = ARCHIVE_NAME.match(path.name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def prune_backups(directory: Path | str, *, keep_daily: int, keep_weekly: int) -> list[Path]:
    """Delete the archives of ``directory`` that no rule keeps; returns the deleted ones.

    Kept: the newest archive, the newest archive of each of the ``keep_daily`` most
    recent days that have one, and the newest of each of the ``keep_weekly`` most recent
    ISO weeks that have one. Other files are left alone.
    """
    if keep_daily < 0 or keep_weekly < 0:
        raise BackupError("Số bản giữ lại (--keep-daily, --keep-weekly) không được âm.")
    directory = Path(directory)
    archives = sorted(
        ((when, path) for path in directory.iterdir() if (when := archive_time(path))),
        reverse=True,
    )
    keep: set[Path] = {archives[0][1]} if archives else set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    for when, path in archives:
        day, week = when.date(), tuple(when.isocalendar())[:2]
        if day not in days and len(days) < keep_daily:
            days.add(day)
            keep.add(path)
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.add(week)
            keep.add(path)
    deleted = []
    for _, path in archives:
        if path not in keep:
            try:
                path.unlink()
            except OSError as error:
                raise BackupError(
                    f"Không xoá được bản sao lưu cũ {path}: {_os_reason(error)}."
                ) from error
            deleted.append(path)
    return deleted


# --- helpers -------------------------------------------------------------------------


def _bar(progress: bool, **kwargs) -> tqdm:
    """A tqdm bar in bytes (unless told otherwise); shown only when asked for and on a
    terminal, so a timer's log gets none."""
    options = {"unit": "B", "unit_scale": True, "unit_divisor": 1024, "leave": False}
    options.update(kwargs)
    return tqdm(disable=None if progress else True, **options)


def _client_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"Không tìm thấy chương trình {name}: cài gói postgresql-client cùng phiên bản "
            "chính với máy chủ PostgreSQL (Debian: apt-get install postgresql-client) hoặc "
            f"thêm thư mục chứa {name} vào PATH."
        )
    return path


def _libpq_params(settings_dict: dict) -> dict[str, str]:
    params = {
        "dbname": settings_dict.get("NAME"),
        "user": settings_dict.get("USER"),
        "password": settings_dict.get("PASSWORD"),
        "host": settings_dict.get("HOST"),
        "port": settings_dict.get("PORT"),
    }
    options = settings_dict.get("OPTIONS") or {}
    params.update({key: options[key] for key in LIBPQ_ENVIRONMENT if key in options})
    if not params.get("connect_timeout"):  # a timer's backup never hangs on a dead server
        params["connect_timeout"] = 10
    return {key: str(value) for key, value in params.items() if value not in (None, "")}


def _libpq_environment(params: dict[str, str]) -> dict[str, str]:
    """The client tools' environment: the connection in PG* variables, the password
    included (never on a command line, where any user of the machine may read it)."""
    env = dict(os.environ)
    for key, value in params.items():
        env[LIBPQ_ENVIRONMENT[key]] = value
    return env


def _tool_errors(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower() or "fatal" in line.lower()]
    return " | ".join((errors or lines)[-5:]) or "không có thông báo"


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _check_space(path: Path, needed: int, what: str) -> None:
    free = shutil.disk_usage(path).free
    if needed + SPACE_MARGIN > free:
        raise BackupError(
            f"Không đủ chỗ trống trên đĩa cho {what} tại {path}: cần khoảng "
            f"{format_file_size(needed + SPACE_MARGIN)}, chỉ còn {format_file_size(free)}."
        )


def _private_file(path: Path):
    """A new file only its owner may read: an archive holds password hashes, sessions and
    the documents of private collections."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


def _fsync_directory(directory: Path) -> None:
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


OS_REASONS = {
    errno.ENOSPC: "hết chỗ trống trên đĩa",
    errno.EDQUOT: "vượt hạn mức đĩa",
    errno.EACCES: "không có quyền",
    errno.EPERM: "không được phép",
    errno.EROFS: "ổ đĩa chỉ đọc",
    errno.ENOENT: "không tồn tại",
    errno.ENOTDIR: "không phải thư mục",
    errno.EISDIR: "là một thư mục",
    errno.EEXIST: "đã tồn tại",
    errno.EIO: "lỗi đọc ghi của thiết bị",
}


def _os_reason(error: OSError) -> str:
    reason = OS_REASONS.get(error.errno)
    if reason:
        return reason
    code = errno.errorcode.get(error.errno, error.errno) if error.errno else None
    return f"lỗi hệ thống {code}" if code else "lỗi hệ thống"


def _os_error_message(error: OSError, where: Path) -> str:
    path = error.filename or where
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Hết chỗ trống trên đĩa khi ghi {path}."
    return f"Không đọc hoặc ghi được {path}: {_os_reason(error)}."
