"""Generated photographs for the demo portal (Pillow).

Every photo is one of an event's (:class:`portal.demo.stories.Picture`): it shows
the event's backdrop with the event's own words on it (``Picture.banner``: the
session and its dates, the voter contact and its commune...), in one of a few
compositions (the hall, a speaker at the lectern, the audience, a vote, a meeting
table, a field visit). The same picture always gives the same bytes.
"""

import io
import random
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 960, 640
FONT_PATHS = {
    True: [
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        Path("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
    ],
    False: [
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    ],
}

# (backdrop top colour, bottom colour, banner band colour, text colour) by composition family
PALETTES = {
    "hall": ((150, 20, 25), (90, 10, 15), (175, 25, 30), (250, 225, 90)),
    "meeting": ((225, 215, 190), (170, 150, 120), (200, 40, 40), (250, 230, 110)),
    "field": ((140, 190, 235), (235, 225, 200), (190, 30, 35), (255, 240, 150)),
}


@cache
def _font(size: int, bold: bool = True):
    for path in FONT_PATHS[bold]:
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


@cache
def _gradient(top, bottom) -> Image.Image:
    rows = bytearray()
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        rows += bytes(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
    return Image.frombytes("RGB", (1, HEIGHT), bytes(rows)).resize((WIDTH, HEIGHT))


def _wrap(text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    # A dash stays with its neighbours ("2016 - 2021" is never cut after the dash).
    for word in text.replace(" - ", "\u00a0-\u00a0").split(" "):
        candidate = f"{line} {word}".strip()
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


@lru_cache(maxsize=256)
def _banner(lines: tuple, band, ink, top=24):
    """The backdrop with the event's lines (the first ones bold, the last, place and
    date, plain), drawn once per event: (layer, its mask, its top, the y below it)."""
    rendered = []
    for position, text in enumerate(lines):
        last = position == len(lines) - 1 and len(lines) > 1
        font = _font(22 if last else (30 if position == 0 else 34), bold=not last)
        rendered += [(line, font) for line in _wrap(text, font, WIDTH - 120)]
    height = sum(font.size + 10 for _line, font in rendered) + 30
    layer = Image.new("RGB", (WIDTH - 80 + 1, height + 1), band)
    draw = ImageDraw.Draw(layer)
    draw.rectangle((0, 0, WIDTH - 80, height), outline=(240, 200, 60), width=3)
    y = 18
    for line, font in rendered:
        draw.text(((WIDTH - 80) // 2, y + font.size // 2), line, font=font, fill=ink, anchor="mm")
        y += font.size + 10
    return layer, top, top + height


def _person(draw, x, y, radius, colour, raised=False):
    draw.ellipse((x, y, x + 2 * radius, y + 2 * radius), fill=(60, 45, 35))
    draw.rectangle((x - 6, y + 2 * radius, x + 2 * radius + 6, y + 4 * radius), fill=colour)
    if raised:
        draw.rectangle(
            (x + 2 * radius, y - radius, x + 2 * radius + 8, y + 2 * radius), fill=colour
        )
        draw.rectangle(
            (x + 2 * radius - 4, y - 2 * radius, x + 2 * radius + 14, y - radius), fill="white"
        )


def _crowd(draw, rng, rows, top, colours, raised=0.0):
    for row in range(rows):
        y = top + row * 55
        radius = 14 + row * 3
        x = rng.randint(0, 30)
        while x < WIDTH:
            _person(draw, x, y, radius, rng.choice(colours), raised=rng.random() < raised)
            x += 2 * radius + rng.randint(14, 30)


def _mountains(draw, rng, base_y, colour, jag):
    points = [(0, HEIGHT)]
    x = 0
    while x <= WIDTH:
        points.append((x, base_y - rng.randint(0, jag)))
        x += rng.randint(60, 140)
    points += [(WIDTH, base_y), (WIDTH, HEIGHT)]
    draw.polygon(points, fill=colour)


CLOTHES = [(30, 40, 80), (230, 230, 230), (40, 60, 50), (60, 90, 150), (200, 60, 60)]


def render(picture, seed: int = 2019) -> bytes:
    """JPEG bytes of a :class:`portal.demo.stories.Picture`."""
    rng = random.Random(f"{seed}:image:{picture.key[0]}:{picture.key[1]}")
    scene = picture.scene
    # Outdoors only on a field visit; a supervision meeting is held in a room.
    setting = "field" if scene == "field" else ("hall" if picture.family == "hall" else "meeting")
    top, bottom, band, ink = PALETTES[setting]
    image = _gradient(top, bottom).copy()
    draw = ImageDraw.Draw(image)
    if setting == "field":
        _mountains(draw, rng, 360, (95, 130, 110), 120)
        _mountains(draw, rng, 450, (50, 100, 70), 90)
        draw.rectangle((0, 540, WIDTH, HEIGHT), fill=(110, 150, 90))
    layer, top_y, below = _banner(tuple(picture.banner), band, ink)
    image.paste(layer, (40, top_y))
    if scene == "podium":
        draw.rectangle((380, 330, 580, 600), fill=(120, 70, 30), outline=(240, 200, 60), width=3)
        _person(draw, 450, max(below + 20, 240), 30, rng.choice(CLOTHES))
        _crowd(draw, rng, 1, 560, CLOTHES)
    elif scene == "table":
        draw.rectangle((80, 420, WIDTH - 80, 470), fill=(235, 235, 225))
        _crowd(draw, rng, 1, 330, CLOTHES)
        _crowd(draw, rng, 1, 500, CLOTHES)
    elif scene == "field":
        _crowd(draw, rng, 1, 470, CLOTHES)
    else:
        rows = 4 if scene == "wide" else 5
        _crowd(
            draw, rng, rows, max(below + 40, 300), CLOTHES, raised=0.7 if scene == "voting" else 0
        )
    draw.text(
        (WIDTH - 20, HEIGHT - 20),
        f"Ảnh {picture.key[1] + 1}",
        font=_font(18),
        fill="white",
        anchor="rs",
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()
