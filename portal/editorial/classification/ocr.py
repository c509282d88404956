"""Reading scanned paper: Tesseract OCR with its Vietnamese data.

A council office's scans are printed pages with a stamp that exists only as
pixels, usually red ink and slightly rotated. Tesseract reads the print well but
not a red stamp over or beside it, so each picture is read twice:

- the stamp: the red pixels alone (strongly red, not dark, not grey), as black
  on white, each separate red mark (stamp, seal, signature) cropped to itself,
  set straight (the rotation whose row profile is sharpest), with and without
  its frame, all stacked in one picture for one Tesseract call;
- the print: the top and bottom bands of the page (where the marking of a
  document is placed: under its number and symbol, in its header and footer), in
  grey levels at a resolution Tesseract reads well, in one call.

Tesseract runs as a subprocess (Debian's ``tesseract-ocr`` and
``tesseract-ocr-vie``; ``TESSERACT_PATH`` points elsewhere), with stdin/stdout
only: nothing is written to disk.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator

from PIL import Image, ImageChops, ImageFilter, ImageOps, ImageStat

MAX_PIXELS = 60_000_000
BAND_WIDTH = 1240  # pixels: a page read at about 150 dpi
TOP_BAND, BOTTOM_BAND = 0.3, 0.1  # where a document's marking is placed
SKEW_ANGLES = tuple(range(-15, 16))  # degrees tried to set a stamp straight
STAMP_HEIGHT = 90
TIMEOUT = 30


class OcrUnavailable(RuntimeError):
    pass


def tesseract_path() -> str:
    path = os.environ.get("TESSERACT_PATH") or shutil.which("tesseract")
    if not path:
        raise OcrUnavailable(
            "Chưa cài Tesseract OCR (apt-get install tesseract-ocr tesseract-ocr-vie)."
        )
    return path


def run_tesseract(image: Image.Image, psm: int) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    result = subprocess.run(  # noqa: S603 - fixed arguments, picture on stdin
        [tesseract_path(), "stdin", "stdout", "-l", "vie", "--psm", str(psm)],
        input=buffer.getvalue(),
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
        # One thread: Tesseract's OpenMP threads cost more than they bring on
        # pictures this size (0,7 s instead of 2,6 s for a page's bands here).
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    return result.stdout.decode("utf-8", errors="replace")


def frames(data: bytes) -> Iterator[Image.Image]:
    """Every frame of the picture (a TIFF may hold many pages), as RGB."""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    picture = Image.open(io.BytesIO(data))
    for index in range(getattr(picture, "n_frames", 1)):
        picture.seek(index)
        frame = ImageOps.exif_transpose(picture.copy())
        yield frame.convert("RGB")


def red_mask(image: Image.Image) -> Image.Image:
    """White where the ink is strongly red (red well above green and blue, bright
    enough to be ink, not shadow), black elsewhere."""
    red, green, blue = image.split()
    redder_than_green = ImageChops.subtract(red, green).point(lambda v: 255 if v > 60 else 0)
    redder_than_blue = ImageChops.subtract(red, blue).point(lambda v: 255 if v > 50 else 0)
    bright = red.point(lambda v: 255 if v > 120 else 0)
    return ImageChops.multiply(ImageChops.multiply(redder_than_green, redder_than_blue), bright)


def red_regions(mask: Image.Image, cell: int = 8, limit: int = 6) -> list[tuple]:
    """Bounding boxes of the separate red marks (a stamp, a seal, a signature),
    largest first: connected cells of a coarse grid over the mask."""
    grid = mask.resize((max(1, mask.width // cell), max(1, mask.height // cell)), Image.BOX)
    width, height = grid.size
    pixels = grid.load()
    seen = set()
    regions = []
    for start_y in range(height):
        for start_x in range(width):
            if (start_x, start_y) in seen or pixels[start_x, start_y] < 24:
                continue
            stack, cells = [(start_x, start_y)], []
            seen.add((start_x, start_y))
            while stack:
                x, y = stack.pop()
                cells.append((x, y))
                for nx in (x - 1, x, x + 1):
                    for ny in (y - 1, y, y + 1):
                        if 0 <= nx < width and 0 <= ny < height and (nx, ny) not in seen:
                            if pixels[nx, ny] >= 24:
                                seen.add((nx, ny))
                                stack.append((nx, ny))
            if len(cells) >= 4:
                xs, ys = [c[0] for c in cells], [c[1] for c in cells]
                box = (min(xs) * cell, min(ys) * cell, (max(xs) + 1) * cell, (max(ys) + 1) * cell)
                regions.append((len(cells), box))
    regions.sort(reverse=True)
    return [box for _size, box in regions[:limit]]


def red_marks(image: Image.Image) -> list[Image.Image]:
    """Each red mark of the picture as black on white, cropped to it (none: no stamp)."""
    small = image
    if image.width > 2000:
        small = image.resize((2000, round(image.height * 2000 / image.width)))
    mask = red_mask(small)
    if mask.histogram()[255] < 150:
        return []
    ink = ImageOps.invert(mask).filter(ImageFilter.MinFilter(3))
    marks = []
    margin = 12
    for left, top, right, bottom in red_regions(mask):
        marks.append(
            ink.crop(
                (
                    max(0, left - margin),
                    max(0, top - margin),
                    min(ink.width, right + margin),
                    min(ink.height, bottom + margin),
                )
            )
        )
    return marks


def _scaled(image: Image.Image, width: int) -> Image.Image:
    if image.width == width:
        return image
    return image.resize((width, max(1, round(image.height * width / image.width))))


def _inner(image: Image.Image, share: float = 0.3) -> Image.Image:
    """The mark without its frame: from each side, rows or columns that are mostly
    ink (the frame's lines) are cut away, looking at most ``share`` of the way in."""
    rows = list(image.resize((1, image.height), Image.BOX).get_flattened_data())
    columns = list(image.resize((image.width, 1), Image.BOX).get_flattened_data())

    def cut(profile):
        limit = int(len(profile) * share)
        start = 0
        for index in range(limit):
            if profile[index] < 128:  # more than half ink: a frame line
                start = index + 1
        end = len(profile)
        for index in range(len(profile) - 1, len(profile) - 1 - limit, -1):
            if profile[index] < 128:
                end = index
        return (start, end) if end - start > 4 else (0, len(profile))

    top, bottom = cut(rows)
    left, right = cut(columns)
    margin = 3
    return image.crop(
        (
            min(image.width, left + margin),
            min(image.height, top + margin),
            max(0, right - margin),
            max(0, bottom - margin),
        )
    )


def _scaled_to_height(image: Image.Image, height: int) -> Image.Image:
    width = max(1, round(image.width * height / max(1, image.height)))
    return image.resize((width, height))


def _column(images: list[Image.Image], height: int, gap: int = 24) -> Image.Image:
    """The pictures one above the other, each scaled to ``height``, white between."""
    scaled = [_scaled_to_height(image, height) for image in images]
    width = max(image.width for image in scaled) + 2 * gap
    column = Image.new("L", (width, sum(image.height + gap for image in scaled) + gap), 255)
    y = gap
    for image in scaled:
        column.paste(image, (gap, y))
        y += image.height + gap
    return column


def straightened(mark: Image.Image) -> Image.Image:
    """The mark turned so that its lines of text run level: the angle whose row
    profile is sharpest (text rows dark, gaps white), tried every degree."""
    best, best_score = mark, -1.0
    for angle in SKEW_ANGLES:
        turned = mark.rotate(angle, expand=True, fillcolor=255) if angle else mark
        profile = turned.resize((1, turned.height), Image.BOX)
        score = ImageStat.Stat(profile).var[0]
        if score > best_score:
            best, best_score = turned, score
    return best


def stamp_texts(image: Image.Image) -> list[str]:
    """Each red mark set straight, with and without its frame: all of them stacked
    in one picture, read by one Tesseract call."""
    variants = []
    for mark in red_marks(image):
        turned = straightened(mark)
        variants += [turned, _inner(turned)]
    if not variants:
        return []
    return [run_tesseract(_column(variants, STAMP_HEIGHT), 11)]  # sparse text


def print_texts(image: Image.Image) -> list[tuple[str, str]]:
    """The top and bottom bands of the page, read by one Tesseract call."""
    page = image.convert("L")
    if page.width > BAND_WIDTH:
        page = _scaled(page, BAND_WIDTH)
    top = page.crop((0, 0, page.width, max(1, int(page.height * TOP_BAND))))
    bottom = page.crop((0, int(page.height * (1 - BOTTOM_BAND)), page.width, page.height))
    bands = Image.new("L", (page.width, top.height + bottom.height + 40), 255)
    bands.paste(top, (0, 0))
    bands.paste(bottom, (0, top.height + 40))
    return [("phần đầu và phần cuối trang", run_tesseract(bands, 6))]


def read_picture(data: bytes, where: str) -> Iterator[tuple[str, str]]:
    """``(where, text)`` of each frame: its red stamp, then its printed bands."""
    for number, frame in enumerate(frames(data), start=1):
        place = f"{where}, khung {number}" if number > 1 else where
        for text in stamp_texts(frame):
            yield f"{place}, dấu mực đỏ", text
        for band, text in print_texts(frame):
            yield f"{place}, {band}", text
