"""The text of an uploaded file, part by part, read in memory.

``parts(data, name)`` yields ``(where, text)`` pairs: "trang 2", "đầu trang",
"chân trang", "ô B4 (Sheet1)", "ảnh 1, dấu mực đỏ"… so that a marking can be
reported with the place it was found. Nothing is written to disk.

- PDF: each page's text layer (pypdf); a page with (almost) no text is a scan,
  and its pictures are read by OCR (``ocr.py``).
- DOCX, ODT, ODS: every paragraph of the body, the headers and footers, tables
  and text boxes, straight from the document's XML; pictures inside by OCR.
- XLSX: every text cell, the sheets' headers and footers and names (openpyxl).
- Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258.
- Pictures (JPEG, PNG, TIFF with all its frames, GIF, BMP, WebP): OCR.
- Legacy Word 97-2003 (.doc) and Excel 97-2003 (.xls): their text runs, read out
  of the binary file (UTF-16 and 8-bit runs); a Vietnamese office still sends
  them, and converting them with an office suite would cost seconds per file.

A file that cannot be read raises ``UnreadableFile``: what cannot be inspected
is not stored.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import PurePath

from . import ocr

PICTURE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".gif", ".bmp", ".webp"}
TEXT_SUFFIXES = {".txt", ".csv", ".md", ".html", ".htm", ".xml", ".json", ".rtf"}
SCANNED_PAGE_CHARS = 25  # fewer characters of text than this: the page is a picture
MAX_OCR_PICTURES = 60


class UnreadableFile(Exception):
    """The file's content could not be read; the message is for the user (Vietnamese)."""


def kind_of(data: bytes, name: str) -> str:
    suffix = PurePath(name or "").suffix.lower()
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return "unknown"
        if "word/document.xml" in names:
            return "docx"
        if any(item.startswith("xl/") for item in names):
            return "xlsx"
        if any(item.startswith("ppt/") for item in names):
            return "pptx"
        if "content.xml" in names:
            return "odf"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head[:3] == b"\xff\xd8\xff" or head.startswith((b"\x89PNG", b"GIF8", b"BM")):
        return "picture"
    if head[:4] in (b"II*\x00", b"MM\x00*") or (head[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "picture"
    if suffix in PICTURE_SUFFIXES:
        return "picture"
    if suffix in TEXT_SUFFIXES or _looks_like_text(data):
        return "text"
    return "unknown"


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if sample.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 4:  # not just a character cut at the end
            return False
    return b"\x00" not in sample


def parts(data: bytes, name: str = "") -> Iterator[tuple[str, str]]:
    kind = kind_of(data, name)
    readers = {
        "pdf": _pdf,
        "docx": _docx,
        "odf": _odf,
        "xlsx": _xlsx,
        "text": _text,
        "picture": _picture,
        "ole": _legacy_office,
        "pptx": _pptx,
        "zip": _zip,
    }
    reader = readers.get(kind)
    if reader is None:
        raise UnreadableFile(
            "Không đọc được nội dung tệp này để kiểm tra độ mật (định dạng không hỗ trợ)."
        )
    try:
        yield from reader(data)
    except UnreadableFile:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged file is refused, not a 500
        raise UnreadableFile(
            "Tệp bị hỏng hoặc không đọc được nội dung để kiểm tra độ mật."
        ) from error


# --- PDF -------------------------------------------------------------------------


def _pdf(data: bytes) -> Iterator[tuple[str, str]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise UnreadableFile("Tệp PDF có mật khẩu: không kiểm tra được độ mật.")
    metadata = reader.metadata or {}
    title = metadata.get("/Title")
    if title:
        yield "thuộc tính tiêu đề", str(title)
    pictures = 0
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        yield f"trang {number}", text
        if len(text.strip()) < SCANNED_PAGE_CHARS:
            for image in page.images:
                pictures += 1
                if pictures > MAX_OCR_PICTURES:
                    raise UnreadableFile("Tệp PDF có quá nhiều trang quét để kiểm tra độ mật.")
                yield from ocr.read_picture(image.data, f"trang {number} (bản quét)")


# --- Office Open XML and OpenDocument ------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _xml_lines(xml: bytes, paragraph_tags, text_tags=None) -> str:
    """One line per paragraph: the concatenated text of its runs."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(xml, parser)
    lines = []
    for paragraph in root.iter(*paragraph_tags):
        if text_tags is None:
            text = "".join(paragraph.itertext())
        else:
            text = "".join(node.text or "" for node in paragraph.iter(*text_tags))
        lines.append(text)
    return "\n".join(lines)


def _docx_place(part: str) -> str:
    if "header" in part:
        return "đầu trang"
    if "footer" in part:
        return "chân trang"
    if "footnotes" in part or "endnotes" in part:
        return "chú thích"
    return "nội dung"


def _docx(data: bytes) -> Iterator[tuple[str, str]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    for part in sorted(archive.namelist()):
        if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml", part):
            tags = (f"{_W}p",)
            yield _docx_place(part), _xml_lines(archive.read(part), tags, (f"{_W}t",))
        elif part == "docProps/core.xml":
            yield "thuộc tính tệp", _xml_lines(archive.read(part), ("*",))
    yield from _archive_pictures(archive, "word/media/")


def _odf(data: bytes) -> Iterator[tuple[str, str]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    tags = (f"{_TEXT_NS}p", f"{_TEXT_NS}h")
    yield "nội dung", _xml_lines(archive.read("content.xml"), tags)
    if "styles.xml" in archive.namelist():  # headers and footers live here
        yield "đầu trang, chân trang", _xml_lines(archive.read("styles.xml"), tags)
    yield from _archive_pictures(archive, "Pictures/")


def _archive_pictures(archive, folder: str) -> Iterator[tuple[str, str]]:
    pictures = [
        item
        for item in archive.namelist()
        if item.startswith(folder) and PurePath(item).suffix.lower() in PICTURE_SUFFIXES
    ]
    for number, item in enumerate(pictures[:MAX_OCR_PICTURES], start=1):
        yield from ocr.read_picture(archive.read(item), f"ảnh {number} trong tệp")


def _xlsx(data: bytes) -> Iterator[tuple[str, str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), data_only=True)
    for sheet in workbook.worksheets:
        yield f"tên trang tính {sheet.title}", sheet.title
        for part_name, header_footer in (
            ("đầu trang", sheet.oddHeader),
            ("chân trang", sheet.oddFooter),
            ("đầu trang đầu", sheet.firstHeader),
            ("chân trang đầu", sheet.firstFooter),
        ):
            for side in (header_footer.left, header_footer.center, header_footer.right):
                if side.text:
                    yield f"{part_name} ({sheet.title})", side.text
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.strip():
                    yield f"ô {cell.coordinate} ({sheet.title})", cell.value
    archive = zipfile.ZipFile(io.BytesIO(data))
    yield from _archive_pictures(archive, "xl/media/")


_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _pptx(data: bytes) -> Iterator[tuple[str, str]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    slides = sorted(
        (
            item
            for item in archive.namelist()
            if re.fullmatch(r"ppt/(slides|notesSlides|slideLayouts|slideMasters)/\w+\.xml", item)
        ),
        key=lambda item: (len(item), item),
    )
    for item in slides:
        place = "ghi chú" if "notes" in item else "trang chiếu"
        number = re.search(r"(\d+)\.xml$", item)
        where = f"{place} {number.group(1)}" if number else place
        yield where, _xml_lines(archive.read(item), (f"{_A}p",), (f"{_A}t",))
    yield from _archive_pictures(archive, "ppt/media/")


MAX_ARCHIVE_MEMBERS = 500
MAX_ARCHIVE_BYTES = 300 * 1024 * 1024
NAME_PREFIX = "tên tệp trong gói: "


def _zip(data: bytes) -> Iterator[tuple[str, str]]:
    """Every file of a ZIP archive, read as if uploaded alone (names included);
    an archive too large or too deep to inspect is refused."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    members = [info for info in archive.infolist() if not info.is_dir()]
    if len(members) > MAX_ARCHIVE_MEMBERS or sum(m.file_size for m in members) > MAX_ARCHIVE_BYTES:
        raise UnreadableFile("Gói ZIP quá lớn để kiểm tra độ mật: hãy tải từng tệp lên.")
    for member in members:
        yield f"{NAME_PREFIX}{member.filename}", member.filename
        content = archive.read(member)
        if kind_of(content, member.filename) == "zip":
            raise UnreadableFile("Gói ZIP lồng trong gói ZIP: không kiểm tra được độ mật.")
        for where, text in parts(content, member.filename):
            yield f"{member.filename}: {where}", text


# --- plain text, pictures, legacy binary ---------------------------------------------


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def _text(data: bytes) -> Iterator[tuple[str, str]]:
    text = decode_text(data)
    if "<" in text and re.search(r"</?(p|div|br|td|h\d)\b", text, re.IGNORECASE):
        text = re.sub(r"<(br|/p|/div|/td|/h\d|/li|/tr)\b[^>]*>", "\n", text, flags=re.IGNORECASE)
        text = re.sub(r"<[^>]+>", " ", text)
    yield "nội dung", text


def _picture(data: bytes) -> Iterator[tuple[str, str]]:
    yield from ocr.read_picture(data, "ảnh")


# UTF-16LE characters: Latin-1 letters (high byte 0), Vietnamese letters of the
# Latin Extended blocks (high byte 0x01 or 0x1E), combining marks (0x03), line ends.
_UTF16_RUN = re.compile(
    rb"(?:[\x20-\x7e\xa0-\xff]\x00|[\x00-\xff][\x01\x03\x1e]|[\x0a\x0d]\x00){3,}", re.DOTALL
)
_BYTE_RUN = re.compile(rb"[\x20-\x7e\x0a\x0d\t]{4,}")


def _legacy_office(data: bytes) -> Iterator[tuple[str, str]]:
    """Word/Excel 97-2003: the text runs stored in the file (UTF-16 little endian
    for Vietnamese, 8-bit for plain ASCII), one paragraph per line."""
    runs = [match.decode("utf-16-le", errors="ignore") for match in _UTF16_RUN.findall(data)]
    runs += [match.decode("latin-1") for match in _BYTE_RUN.findall(data)]
    text = "\n".join(run.replace("\r", "\n").replace("\x07", "\n") for run in runs)
    yield "nội dung (tệp Office 97-2003)", text
