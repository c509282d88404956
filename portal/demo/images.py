"""Generated photographs for the demo portal (Pillow): a pool reused by every article."""

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from . import content

WIDTH, HEIGHT = 960, 640
FONT_PATHS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
]


def _font(size: int):
    for path in FONT_PATHS:
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def _gradient(top, bottom) -> Image.Image:
    strip = Image.new("RGB", (1, HEIGHT))
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        strip.putpixel(
            (0, y), tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    return strip.resize((WIDTH, HEIGHT))


def _mountains(draw, rng, base_y, colour, jag):
    points = [(0, HEIGHT)]
    x = 0
    while x <= WIDTH:
        points.append((x, base_y - rng.randint(0, jag)))
        x += rng.randint(60, 140)
    points += [(WIDTH, base_y), (WIDTH, HEIGHT)]
    draw.polygon(points, fill=colour)


def _crowd(draw, rng, rows, top, colours):
    for row in range(rows):
        y = top + row * 55
        radius = 14 + row * 3
        x = rng.randint(0, 30)
        while x < WIDTH:
            colour = rng.choice(colours)
            draw.ellipse((x, y, x + 2 * radius, y + 2 * radius), fill=(60, 45, 35))
            draw.rectangle((x - 6, y + 2 * radius, x + 2 * radius + 6, y + 4 * radius), fill=colour)
            x += 2 * radius + rng.randint(14, 30)


def render(index: int, seed: int = 2019) -> tuple[bytes, str, str]:
    """JPEG bytes, title and scene label of pool image ``index``."""
    rng = random.Random(f"{seed}:image:{index}")
    label, scene = content.IMAGE_SCENES[index % len(content.IMAGE_SCENES)]
    if scene == "landscape":
        image = _gradient((rng.randint(120, 170), rng.randint(170, 210), 235), (235, 225, 200))
        draw = ImageDraw.Draw(image)
        _mountains(draw, rng, 330, (95, 130, 110), 120)
        _mountains(draw, rng, 420, (50, 100, 70), 90)
        draw.rectangle((0, 500, WIDTH, HEIGHT), fill=(70, 120, 150))
        text = "Bắc Kạn"
    elif scene == "hall":
        image = _gradient((150, 20, 25), (90, 10, 15))
        draw = ImageDraw.Draw(image)
        draw.rectangle((120, 60, WIDTH - 120, 190), fill=(180, 25, 30), outline=(240, 200, 60))
        _crowd(draw, rng, 4, 330, [(30, 40, 80), (230, 230, 230), (40, 60, 50)])
        text = rng.choice(content.SESSIONS).upper()
    else:
        image = _gradient((225, 215, 190), (170, 150, 120))
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, WIDTH, 150), fill=(200, 40, 40))
        _crowd(draw, rng, 5, 250, [(60, 90, 150), (200, 60, 60), (90, 130, 80), (220, 220, 210)])
        text = "HỘI NGHỊ TIẾP XÚC CỬ TRI"
    draw.text((WIDTH // 2, 110), text, font=_font(38), fill=(250, 225, 90), anchor="mm")
    draw.text(
        (WIDTH - 20, HEIGHT - 20), f"#{index + 1:02d}", font=_font(18), fill="white", anchor="rs"
    )
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=78, optimize=True)
    title = f"{label} - ảnh minh họa {index + 1:02d}"
    return buffer.getvalue(), title, label
