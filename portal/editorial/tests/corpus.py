"""Realistic files for the classification tests and bench: text PDFs, scans with a
red stamp, Word, OpenDocument and Excel files, made in memory."""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

logging.getLogger("fontTools").setLevel(logging.WARNING)  # fpdf2 subsets fonts loudly

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

LETTER = [
    "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
    "Số: 123/TTr-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "TỜ TRÌNH",
    "Về việc phê duyệt dự toán ngân sách địa phương năm 2020",
    "Kính gửi: Hội đồng nhân dân tỉnh Bắc Kạn khóa IX.",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh xem xét, quyết nghị.",
    "Thu ngân sách nhà nước trên địa bàn ước đạt 490.000 triệu đồng.",
]


def pdf(lines, pages=1, header="", footer="") -> bytes:
    from fpdf import FPDF

    document = FPDF()
    document.add_font("DejaVu", "", str(FONT))
    document.set_font("DejaVu", size=11)
    for _ in range(pages):
        document.add_page()
        if header:
            document.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT", align="R")
        for line in lines:
            document.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        if footer:
            document.set_y(-20)
            document.cell(0, 8, footer, align="C")
    return bytes(document.output())


def seal(page, center=(900, 1450), radius=130, color=(205, 35, 40)):
    """The round red seal every official paper carries (no marking on it)."""
    draw = ImageDraw.Draw(page)
    x, y = center
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=color, width=7)
    inner = radius - 28
    draw.ellipse((x - inner, y - inner, x + inner, y + inner), outline=color, width=3)
    font = ImageFont.truetype(str(FONT_BOLD), 22)
    draw.text((x - 95, y - 14), "UBND TỈNH BẮC KẠN", fill=color, font=font)
    draw.line((x - 150, y + 60, x + 170, y + 40), fill=color, width=4)  # a signature stroke


def scan(
    lines, stamp="", angle=4, color=(200, 30, 35), black_stamp="", size=(1240, 1754), sealed=True
):
    """A scanned page (about 150 dpi): printed lines, a stamp in red ink (rotated)
    and the round red seal with a signature."""
    page = Image.new("RGB", size, (250, 249, 245))
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 26)
    y = 120
    for line in lines:
        draw.text((110, y), line, fill=(25, 25, 25), font=font)
        y += 46
    if black_stamp:
        bold = ImageFont.truetype(str(FONT_BOLD), 34)
        draw.text((110, 60), black_stamp, fill=(20, 20, 20), font=bold)
    if stamp:
        stamp_font = ImageFont.truetype(str(FONT_BOLD), 54)
        box = draw.textbbox((0, 0), stamp, font=stamp_font)
        width, height = box[2] + 40, box[3] + 30
        layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        stamp_draw = ImageDraw.Draw(layer)
        stamp_draw.rectangle((2, 2, width - 3, height - 3), outline=color + (255,), width=5)
        stamp_draw.text((20, 10), stamp, fill=color + (235,), font=stamp_font)
        layer = layer.rotate(angle, expand=True)
        page.paste(layer, (140, 190), layer)
    if sealed:
        seal(page)
    return page


def image_bytes(image, format="PNG") -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=format)
    return buffer.getvalue()


def scanned_pdf(pages) -> bytes:
    buffer = io.BytesIO()
    first, *rest = pages
    first.save(buffer, format="PDF", save_all=True, append_images=rest, resolution=150)
    return buffer.getvalue()


def docx(paragraphs, header="", footer="", table=None) -> bytes:
    from docx import Document

    document = Document()
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row_cells, row in zip(grid.rows, table, strict=True):
            for cell, value in zip(row_cells.cells, row, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx(rows, header="") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Số liệu"
    for row in rows:
        sheet.append(row)
    if header:
        sheet.oddHeader.right.text = header
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def odt(paragraphs, header="") -> bytes:
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"

    def escape(value):
        return value.replace("&", "&amp;").replace("<", "&lt;")

    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office}" '
        f'xmlns:text="{text}"><office:body><office:text>{body}</office:text></office:body>'
        "</office:document-content>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="{office}" '
        f'xmlns:text="{text}" xmlns:style="{style}"><office:master-styles>'
        f'<style:master-page style:name="Standard"><style:header><text:p>{escape(header)}'
        "</text:p></style:header></style:master-page></office:master-styles>"
        "</office:document-styles>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles)
    return buffer.getvalue()


def legacy_doc(paragraphs) -> bytes:
    """The shape of a Word 97-2003 file for the reader: the OLE signature and the
    paragraphs as UTF-16 text among binary records."""
    body = b"".join(p.encode("utf-16-le") + b"\r\x00" for p in paragraphs)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"\x01\x02\x03\x04" * 32 + body


def pptx(slides) -> bytes:
    """A PowerPoint file's shape for the reader: one slide part per list of lines."""
    drawing = "http://schemas.openxmlformats.org/drawingml/2006/main"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for number, lines in enumerate(slides, start=1):
            paragraphs = "".join(f"<a:p><a:r><a:t>{line}</a:t></a:r></a:p>" for line in lines)
            archive.writestr(
                f"ppt/slides/slide{number}.xml",
                f'<p:sld xmlns:a="{drawing}" xmlns:p="p"><a:txBody>{paragraphs}</a:txBody></p:sld>',
            )
    return buffer.getvalue()


def zip_of(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
