"""``manage.py backup`` and ``manage.py restore`` (portal.core.backup).

An archive restored into an empty database and an empty media folder, by the command
run as an operator runs it (a new process whose DATABASE_URL names the new database),
gives back every page, revision, image, rendition and document row and every file,
byte for byte. A damaged archive, a target with content and a dump of the other kind
of database are refused and change nothing. On PostgreSQL the restore goes into a
database of its own, dropped afterwards; on SQLite into a new file.
"""

import dataclasses
import hashlib
import io
import json
import os
import re
import secrets
import sqlite3
import subprocess
import sys
import tarfile
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from portal.core.backup import DATABASE_FILES, MANIFEST, BackupError, prune_backups, read_manifest
from portal.news.factories import ArticlePageFactory
from portal.news.models import ArticlePage

# The backup reads the database from other connections (pg_dump, a second sqlite3
# connection): the content must be committed. serialized_rollback brings back the
# page tree of the migrations for the tests that follow.
committed_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


# --- content ---------------------------------------------------------------------------


def png_bytes() -> bytes:
    image = PILImage.new("RGB", (160, 90))
    image.putdata(
        [(x * 37 % 256, y * 53 % 256, (x * y) % 256) for y in range(90) for x in range(160)]
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Nghị quyết số 12/2019/NQ-HĐND"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def content(category, media_root):
    article = ArticlePageFactory(parent=category, title="Khai mạc Kỳ họp thứ 12 HĐND tỉnh")
    article.lead = "Tóm tắt đã sửa sau khi xuất bản."
    article.save_revision().publish()  # a second revision
    draft = ArticlePageFactory(parent=category, title="Dự thảo báo cáo thẩm tra", live=False)
    image = get_image_model().objects.create(
        title="Ảnh phiên khai mạc", file=ImageFile(io.BytesIO(png_bytes()), name="khai-mac.png")
    )
    rendition = image.get_rendition("fill-80x45")
    document = get_document_model().objects.create(
        title="Nghị quyết số 12/2019/NQ-HĐND",
        file=ContentFile(pdf_bytes(), name="nghi-quyet-12.pdf"),
    )
    return SimpleNamespace(
        article=article, draft=draft, image=image, rendition=rendition, document=document
    )


# --- reading databases and folders as they are on disk ----------------------------------


def raw_connection(vendor: str, name: str):
    """A DB-API connection of its own (not Django's) to the database ``name``."""
    if vendor == "postgresql":
        import psycopg

        return psycopg.connect(dbname=name, **pg_params())
    return sqlite3.connect(name, uri=True)


def pg_params() -> dict:
    s = connection.settings_dict
    params = {"host": s["HOST"], "port": s["PORT"], "user": s["USER"], "password": s["PASSWORD"]}
    return {key: str(value) for key, value in params.items() if value}


def content_rows(vendor: str, name: str) -> dict:
    image_model = get_image_model()
    tables = {
        "pages": (
            Page,
            "id, path, depth, numchild, title, draft_title, slug, url_path, live, "
            "has_unpublished_changes, content_type_id, first_published_at, last_published_at, "
            "latest_revision_id, live_revision_id",
        ),
        "revisions": (
            Revision,
            "id, object_id, base_content_type_id, content_type_id, created_at, "
            "approved_go_live_at, object_str, content",
        ),
        "articles": (ArticlePage, "*"),
        "images": (image_model, "id, title, file, width, height, file_size, file_hash"),
        "renditions": (image_model.get_rendition_model(), "id, image_id, filter_spec, file"),
        "documents": (get_document_model(), "id, title, file, file_size, file_hash"),
    }
    rows = {}
    conn = raw_connection(vendor, name)
    try:
        cursor = conn.cursor()
        for key, (model, columns) in tables.items():
            cursor.execute(
                f'SELECT {columns} FROM "{model._meta.db_table}" ORDER BY "{model._meta.pk.column}"'
            )
            rows[key] = [tuple(row) for row in cursor.fetchall()]
    finally:
        conn.close()
    # A revision's content: jsonb on PostgreSQL, text on SQLite.
    rows["revisions"] = [
        (*row[:-1], row[-1] if isinstance(row[-1], dict) else json.loads(row[-1]))
        for row in rows["revisions"]
    ]
    return rows


def source_rows() -> dict:
    return content_rows(connection.vendor, connection.settings_dict["NAME"])


def file_checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


# --- running the commands ---------------------------------------------------------------


def make_backup(tmp_path: Path, *options: str) -> Path:
    out = tmp_path / "backups"
    call_command(
        "backup", "--output-dir", str(out), "--no-progress", *options, stdout=io.StringIO()
    )
    (archive,) = out.glob("hdnd-backup-*.tar")
    return archive


RESTORE_SETTINGS = """\
import os
from pathlib import Path

from config.settings.test import *  # noqa: F403

MEDIA_ROOT = Path(os.environ["HDND_TEST_MEDIA_ROOT"])
"""


def manage(tmp_path: Path, *args: str, database_url: str, media_root: Path):
    """``manage.py ARGS`` in a new process, as an operator runs it: the test settings
    with DATABASE_URL and MEDIA_ROOT of its own."""
    settings_dir = tmp_path / "settings"
    settings_dir.mkdir(exist_ok=True)
    (settings_dir / "restore_settings.py").write_text(RESTORE_SETTINGS)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "HDND_TEST_MEDIA_ROOT": str(media_root),
        "DJANGO_SETTINGS_MODULE": "restore_settings",
        "PYTHONPATH": os.pathsep.join([str(settings_dir), str(settings.BASE_DIR)]),
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@dataclasses.dataclass
class EmptyDatabase:
    url: str
    name: str


@pytest.fixture
def empty_database(tmp_path):
    """A new, empty database of the kind the tests run on, dropped afterwards."""
    if connection.vendor != "postgresql":
        path = tmp_path / "restored.sqlite3"
        yield EmptyDatabase(url=f"sqlite:///{path}", name=str(path))
        return
    import psycopg
    from psycopg import sql

    name = f"hdnd_restore_{secrets.token_hex(4)}"
    with psycopg.connect(dbname="postgres", autocommit=True, **pg_params()) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    s = connection.settings_dict
    login = quote(s["USER"] or "") + (f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else "")
    address = f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
    try:
        yield EmptyDatabase(url=f"postgres://{login}@{address}/{name}", name=name)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **pg_params()) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


# --- the round trip ---------------------------------------------------------------------


@committed_db
@pytest.mark.parametrize("renditions", [True, False], ids=["with-renditions", "no-renditions"])
def test_restore_into_an_empty_database_gives_back_every_row_and_file(
    content, media_root, empty_database, tmp_path, renditions
):
    archive = make_backup(tmp_path, *([] if renditions else ["--no-renditions"]))
    before = source_rows()
    files = file_checksums(media_root)
    rendition_file = content.rendition.file.name
    assert {content.image.file.name, content.document.file.name, rendition_file} <= set(files)

    assert archive.stat().st_mode & 0o777 == 0o600  # password hashes, private documents
    manifest = read_manifest(archive)
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["counts"] == {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": 1,
        "documents": 1,
    }
    assert manifest["counts"]["revisions"] >= 3  # two of the article, one of the draft
    assert manifest["migrations"]["news"] and manifest["migrations"]["wagtailcore"]
    assert manifest["software"]["wagtail"] and manifest["created_at"]
    archived = {f"media/{name}": sha for name, sha in files.items()}
    if not renditions:
        del archived[f"media/{rendition_file}"]
    database_file = DATABASE_FILES[connection.vendor]
    assert set(manifest["files"]) == {database_file, *archived}
    assert {name: manifest["files"][name]["sha256"] for name in archived} == archived
    assert manifest["media"]["missing"] == []

    restored_media = tmp_path / "restored-media"
    result = manage(
        tmp_path,
        "restore",
        str(archive),
        "--no-progress",
        database_url=empty_database.url,
        media_root=restored_media,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Phục hồi xong: số lượng khớp với manifest." in result.stdout
    assert f"trang: {manifest['counts']['pages']} (bản sao lưu: " in result.stdout
    assert "Traceback" not in result.stderr

    after = content_rows(connection.vendor, empty_database.name)
    if renditions:
        assert after == before
        assert file_checksums(restored_media) == files
    else:
        # Their rows go with their files: Wagtail makes them again when asked.
        assert after["renditions"] == []
        assert {**after, "renditions": before["renditions"]} == before
        assert file_checksums(restored_media) == {
            name: sha for name, sha in files.items() if name != rendition_file
        }
        assert "đã bỏ 1 bản ghi" in result.stdout
    assert before["pages"] and before["revisions"] and before["articles"]
    assert not any(p.name.startswith(".hdnd-") for p in restored_media.iterdir())


# --- refusals ---------------------------------------------------------------------------


def assert_unchanged(before_rows, before_files, media_root):
    assert source_rows() == before_rows
    assert file_checksums(media_root) == before_files
    assert not any(path.name.startswith(".hdnd-") for path in media_root.iterdir())


@committed_db
@pytest.mark.parametrize("damage", ["changed-byte", "truncated"])
def test_a_damaged_archive_is_refused_naming_the_file_and_nothing_changes(
    content, media_root, tmp_path, damage
):
    archive = make_backup(tmp_path)
    name = f"media/{content.document.file.name}"
    with tarfile.open(archive) as tar:
        member = tar.getmember(name)
    data = bytearray(archive.read_bytes())
    if damage == "changed-byte":
        data[member.offset_data + member.size // 2] ^= 0xFF
        expected = f"Tệp {name} trong bản sao lưu bị hỏng: mã SHA-256 không khớp"
    else:  # a copy that stopped half-way through the document
        del data[member.offset_data + member.size // 2 :]
        expected = f"bị cắt cụt hoặc hỏng, từ tệp {name}"
    damaged = tmp_path / "hong.tar"
    damaged.write_bytes(data)
    # Content made after the backup, which a restore would have removed.
    ArticlePageFactory(parent=content.article.get_parent(), title="Tin đăng sau khi sao lưu")
    before_rows, before_files = source_rows(), file_checksums(media_root)

    with pytest.raises(BackupError, match=re.escape(expected)) as refused:
        call_command("restore", str(damaged), "--force", "--no-progress", stdout=io.StringIO())
    assert "Không có gì bị thay đổi" in str(refused.value)
    assert_unchanged(before_rows, before_files, media_root)


@committed_db
def test_restore_into_a_database_with_content_is_refused_without_force(
    content, media_root, tmp_path
):
    archive = make_backup(tmp_path)
    ArticlePageFactory(parent=content.article.get_parent(), title="Tin đăng sau khi sao lưu")
    before_rows, before_files = source_rows(), file_checksums(media_root)

    with pytest.raises(BackupError) as refused:
        call_command("restore", str(archive), "--no-progress", stdout=io.StringIO())
    message = str(refused.value)
    assert message.startswith("Nơi phục hồi không trống: CSDL ")
    assert f"và {Page.objects.count()} trang" in message
    assert f"thư mục media {media_root} đã có {len(before_files)} tệp" in message
    assert "chạy lại với --force" in message
    assert_unchanged(before_rows, before_files, media_root)


def rewrite_manifest(archive: Path, target: Path, change) -> None:
    """A copy of ``archive`` whose manifest (and member names) ``change`` rewrites."""
    with tarfile.open(archive) as source, tarfile.open(target, "w") as copy:
        manifest = json.loads(source.extractfile(MANIFEST).read())
        renames = change(manifest) or {}
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == MANIFEST:
                data = json.dumps(manifest).encode()
            member.name = renames.get(member.name, member.name)
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))


@committed_db
def test_a_dump_of_the_other_kind_of_database_is_refused(content, media_root, tmp_path):
    archive = make_backup(tmp_path)
    ours = connection.vendor
    other = "sqlite" if ours == "postgresql" else "postgresql"

    def other_vendor(manifest):
        manifest["database"].update(vendor=other, file=DATABASE_FILES[other])
        manifest["files"][DATABASE_FILES[other]] = manifest["files"].pop(DATABASE_FILES[ours])
        return {DATABASE_FILES[ours]: DATABASE_FILES[other]}

    foreign = tmp_path / "khac-loai.tar"
    rewrite_manifest(archive, foreign, other_vendor)
    before_rows, before_files = source_rows(), file_checksums(media_root)
    names = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}

    with pytest.raises(BackupError) as refused:
        call_command("restore", str(foreign), "--force", "--no-progress", stdout=io.StringIO())
    assert str(refused.value).startswith(
        f"Bản sao lưu là của CSDL {names[other]}, còn CSDL đang cấu hình là {names[ours]}: "
        "không phục hồi chéo"
    )
    assert_unchanged(before_rows, before_files, media_root)


@committed_db
def test_a_postgresql_backup_needs_pg_dump_and_says_so(media_root, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    out = tmp_path / "backups"
    if connection.vendor == "postgresql":
        with pytest.raises(BackupError, match="Không tìm thấy chương trình pg_dump"):
            call_command("backup", "--output-dir", str(out), "--no-progress")
        assert not out.exists()
    else:  # SQLite's copy needs no client program
        call_command("backup", "--output-dir", str(out), "--no-progress", stdout=io.StringIO())
        assert [path.suffix for path in out.iterdir()] == [".tar"]


def test_an_expected_failure_is_one_vietnamese_line_and_exit_status_1(tmp_path):
    a_file = tmp_path / "khong-phai-thu-muc"
    a_file.write_text("")
    options = {"database_url": f"sqlite:///{tmp_path / 'db.sqlite3'}", "media_root": tmp_path}

    backup = manage(tmp_path, "backup", "--output-dir", str(a_file), "--no-progress", **options)
    assert backup.returncode == 1
    assert backup.stderr.strip() == (
        f"Lỗi: {a_file} không phải là thư mục: chọn một thư mục để ghi bản sao lưu."
    )

    missing = tmp_path / "hdnd-backup-20250101-021500.tar"
    restore = manage(tmp_path, "restore", str(missing), "--no-progress", **options)
    assert restore.returncode == 1
    assert restore.stderr.strip() == f"Lỗi: Không tìm thấy tệp sao lưu {missing}."


# --- retention --------------------------------------------------------------------------


def test_pruning_keeps_the_newest_of_each_recent_day_and_week(tmp_path):
    last = datetime(2025, 3, 16, 2, 15)  # a Sunday
    made = [last - timedelta(days=n) for n in range(60)] + [last.replace(hour=14, minute=0)]
    for when in made:
        (tmp_path / f"hdnd-backup-{when:%Y%m%d-%H%M%S}.tar").write_bytes(b"")
    (tmp_path / "ghi-chu.txt").write_text("không phải bản sao lưu")

    deleted = prune_backups(tmp_path, keep_daily=14, keep_weekly=8)

    daily = [f"2025-03-{day:02d}" for day in range(3, 17)]  # 14 days, up to the Sunday
    weekly = ["2025-01-26", "2025-02-02", "2025-02-09", "2025-02-16", "2025-02-23", "2025-03-02"]
    kept = sorted(path.name for path in tmp_path.glob("hdnd-backup-*.tar"))
    expected = [
        f"hdnd-backup-{day.replace('-', '')}-{'140000' if day == '2025-03-16' else '021500'}.tar"
        for day in sorted(weekly + daily)
    ]
    assert kept == expected
    assert len(deleted) == len(made) - len(expected)
    assert (tmp_path / "ghi-chu.txt").exists()


@committed_db
def test_a_file_the_rows_refer_to_but_the_media_lack_is_reported(content, media_root, tmp_path):
    missing = content.document.file.name
    (media_root / missing).unlink()
    out = tmp_path / "backups"
    output = io.StringIO()
    call_command("backup", "--output-dir", str(out), "--no-progress", stdout=output)

    (archive,) = out.glob("hdnd-backup-*.tar")
    assert read_manifest(archive)["media"]["missing"] == [missing]
    assert f"CSDL nhắc tới 1 tệp không có trong thư mục media: {missing}." in output.getvalue()
    assert "Đã sao lưu vào " in output.getvalue()
