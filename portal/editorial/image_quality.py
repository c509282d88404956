"""Image quality at review: too narrow a lead picture blocks; a blurred or
over-compressed picture is pointed out to the reviewer with its measured figure.

The annual review says items were refused for poor photos; these checks catch the
measurable part before a person looks:

- **Width** of the lead picture (an article's featured image, a gallery's first
  photo) against ``SiteSettings.min_image_width`` (1200 px by default; 0 turns it
  off). Blocking: the automatic step returns the item.
- **Sharpness**: the variance of the Laplacian of the picture in grey, measured on a
  copy at most ``MEASURE_SIDE`` pixels wide so the figure does not depend on the
  resolution. A sharp news photo measures in the hundreds; below
  ``BLUR_THRESHOLD`` it is flagged as probably blurred.
- **JPEG compression**: the quality the file was saved at, estimated from its
  luminance quantisation table against the IJG standard table (the way
  ImageMagick's ``identify -verbose`` does). Below ``COMPRESSION_THRESHOLD`` it is
  flagged as over-compressed (blocks and halos show in print and on large screens).

The warnings do not stop the item: they go in the automatic step's comment, which
the reviewers see in the workflow history and on the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image as PILImage
from PIL import ImageFilter, ImageStat

from portal.core import registry

MEASURE_SIDE = 800
BLUR_THRESHOLD = 60.0
COMPRESSION_THRESHOLD = 50

# IJG standard luminance quantisation table (JPEG spec, Annex K), natural order.
_STANDARD_LUMINANCE = (
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)  # fmt: skip
_LAPLACIAN = ImageFilter.Kernel((3, 3), (0, 1, 0, 1, -4, 1, 0, 1, 0), scale=1, offset=128)


@dataclass(frozen=True)
class Measure:
    width: int
    height: int
    sharpness: float
    jpeg_quality: int | None


def measure_file(file) -> Measure:
    """Width, height, sharpness and (for a JPEG) the estimated quality of a file."""
    with PILImage.open(file) as picture:
        width, height = picture.size
        quality = jpeg_quality(picture)
        grey = picture.convert("L")
        if grey.width > MEASURE_SIDE:
            grey = grey.resize(
                (MEASURE_SIDE, max(1, round(grey.height * MEASURE_SIDE / grey.width)))
            )
        sharpness = ImageStat.Stat(grey.filter(_LAPLACIAN)).var[0]
    return Measure(width, height, round(sharpness, 1), quality)


def jpeg_quality(picture) -> int | None:
    """The IJG quality (1–100) a JPEG was saved at, from its first quantisation table."""
    tables = getattr(picture, "quantization", None)
    if picture.format != "JPEG" or not tables:
        return None
    table = tables[min(tables)]
    ratios = [
        value * 100 / standard for value, standard in zip(table, _STANDARD_LUMINANCE, strict=False)
    ]
    scale = sum(ratios) / len(ratios)
    quality = 100 - scale / 2 if scale <= 100 else 5000 / scale
    return max(1, min(100, round(quality)))


def measure_image(image) -> Measure | None:
    """The measure of a Wagtail image's original file, or None if it cannot be read."""
    try:
        with image.open_file() as file:
            return measure_file(file)
    except (OSError, ValueError, PILImage.DecompressionBombError):
        return None


def _min_width(page) -> int:
    from portal.core.models import SiteSettings

    site = page.get_site() if getattr(page, "pk", None) else None
    if site is None:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).min_image_width if site is not None else 0


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def quality_problems(page) -> list[str]:
    """Blocking: a lead picture narrower than the site's minimum."""
    minimum = _min_width(page)
    problems = []
    for found in registry.page_images(page):
        if not found.lead or not minimum:
            continue
        if found.image.width < minimum:
            problems.append(
                f"{found.where}: rộng {_thousands(found.image.width)} px, ảnh chính cần rộng "
                f"ít nhất {_thousands(minimum)} px. Hãy chọn ảnh gốc có độ phân giải cao hơn."
            )
    return problems


def quality_warnings(page) -> list[str]:
    """For the reviewer: pictures that are probably blurred or over-compressed."""
    warnings = []
    for found in registry.page_images(page):
        measured = measure_image(found.image)
        if measured is None:
            continue
        if measured.sharpness < BLUR_THRESHOLD:
            figure = f"{measured.sharpness:.1f}".replace(".", ",")
            warnings.append(
                f"{found.where}: có thể bị mờ (độ nét {figure}; ảnh rõ thường trên "
                f"{BLUR_THRESHOLD:.0f})."
            )
        if measured.jpeg_quality is not None and measured.jpeg_quality < COMPRESSION_THRESHOLD:
            warnings.append(
                f"{found.where}: nén quá mức (chất lượng JPEG khoảng {measured.jpeg_quality}/100; "
                f"nên từ {COMPRESSION_THRESHOLD} trở lên)."
            )
    return warnings
