"""Files whose text says what their metadata says: PDFs (fpdf2, DejaVu fonts, so
Vietnamese prints) and Word files (python-docx), for the demo data and the tests."""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import tempfile
from functools import cache
from pathlib import Path

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


def _font(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(f"{name}: cài gói fonts-dejavu-core để tạo tệp PDF tiếng Việt.")


# The characters Vietnamese text needs: Latin, its supplements and extensions, the
# combining marks and Latin Extended Additional (ạ…ỹ), punctuation and symbols.
VIETNAMESE_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x300, 0x323),
    (0x1EA0, 0x1EF9),
    (0x2010, 0x2027),
    (0x2030, 0x203A),
    (0x20AB, 0x20AC),
)


@cache
def _vietnamese_font(name: str) -> str:
    """DejaVu cut down to the characters of Vietnamese, kept in a cache file: fpdf2 parses
    a font for every PDF, and the whole of DejaVu takes half a second each time."""
    from fontTools import subset

    folder = Path(tempfile.gettempdir()) / "hdnd-portal-fonts"
    folder.mkdir(exist_ok=True)
    target = folder / name.replace(".ttf", "-vi.ttf")
    if not target.exists():
        options = subset.Options()
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.drop_tables = [*options.drop_tables, "FFTM"]
        font = subset.load_font(str(_font(name)), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(
            unicodes=[code for low, high in VIETNAMESE_RANGES for code in range(low, high + 1)]
        )
        subsetter.subset(font)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        font.save(str(partial))
        partial.replace(target)
    return str(target)


def _cache_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "hdnd-portal-files"
    folder.mkdir(exist_ok=True)
    return folder


def _cached(kind: str, heading: str, lines: list[str], build) -> bytes:
    """The same text gives the same bytes: built once, then read from a cache file (the
    demo data is loaded again and again by the tests and by ``make run``)."""
    key = hashlib.sha256("\x00".join([kind, VERSION, heading, *lines]).encode()).hexdigest()
    path = _cache_folder() / f"{key}.{kind}"
    if path.exists():
        return path.read_bytes()
    content = build(heading, lines)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(content)
    partial.replace(path)
    return content


VERSION = "1"  # change when the files' layout changes


def pdf_bytes(heading: str, lines: list[str]) -> bytes:
    return _cached("pdf", heading, lines, _build_pdf)


def docx_bytes(heading: str, lines: list[str]) -> bytes:
    return _cached("docx", heading, lines, _build_docx)


def _build_pdf(heading: str, lines: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_compression(True)
    pdf.set_creation_date(datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))  # same bytes
    pdf.add_font("DejaVu", "", _vietnamese_font("DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "", 14)
    pdf.multi_cell(0, 8, heading, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    return bytes(pdf.output())


def _build_docx(heading: str, lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = datetime.datetime(2020, 1, 1)
    document.add_heading(heading, level=1)
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
