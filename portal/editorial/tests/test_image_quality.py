"""Image quality at review: the lead picture's width blocks; blur and heavy JPEG
compression are measured and pointed out to the reviewer."""

import io
import random

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.images.models import Image
from wagtail.models import TaskState, WorkflowState

from portal.core.models import SiteSettings
from portal.editorial.image_quality import (
    BLUR_THRESHOLD,
    jpeg_quality,
    measure_file,
    quality_problems,
    quality_warnings,
)
from portal.news.factories import ArticlePageFactory, GalleryPageFactory
from portal.news.models import GalleryPhoto

from .test_workflow import submit

pytestmark = pytest.mark.django_db


def photo(width=1600, height=1000, blur=0.0, quality=90, seed=7) -> bytes:
    """A synthetic news photo: a textured background, people-like shapes, a banner
    with lettering; optionally blurred; saved as a JPEG at ``quality``."""
    rng = random.Random(seed)
    picture = PILImage.new("RGB", (width, height), (120, 110, 100))
    draw = ImageDraw.Draw(picture)
    for _ in range(400):
        x, y = rng.randrange(width), rng.randrange(height)
        size = rng.randrange(10, 80)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + size, y + size * 2), fill=colour, outline=(0, 0, 0))
    draw.rectangle((width // 8, 40, width * 7 // 8, 160), fill=(160, 20, 20))
    for column in range(width // 8 + 20, width * 7 // 8 - 20, 28):
        draw.text((column, 80), "K", fill=(250, 220, 0))
    if blur:
        picture = picture.filter(ImageFilter.GaussianBlur(blur))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=quality)
    return out.getvalue()


def stored(title, data) -> Image:
    return Image.objects.create(title=title, file=ImageFile(io.BytesIO(data), name=f"{title}.jpg"))


def test_sharp_blurred_and_compressed_photos_measure_apart():
    sharp = measure_file(io.BytesIO(photo()))
    blurred = measure_file(io.BytesIO(photo(blur=5)))
    compressed = measure_file(io.BytesIO(photo(quality=12)))
    assert (sharp.width, sharp.height) == (1600, 1000)
    assert sharp.sharpness > BLUR_THRESHOLD * 2 > blurred.sharpness * 2
    assert blurred.sharpness < BLUR_THRESHOLD
    assert 85 <= sharp.jpeg_quality <= 95
    assert 8 <= compressed.jpeg_quality <= 16
    # The same photo at another resolution measures about the same.
    assert (
        abs(measure_file(io.BytesIO(photo(3200, 2000))).sharpness - sharp.sharpness)
        < sharp.sharpness
    )


@pytest.mark.parametrize("quality", [30, 50, 75, 95])
def test_the_jpeg_quality_estimate_follows_the_saved_quality(quality):
    with PILImage.open(io.BytesIO(photo(quality=quality))) as picture:
        assert abs(jpeg_quality(picture) - quality) <= 3


def test_png_has_no_jpeg_quality():
    out = io.BytesIO()
    PILImage.new("RGB", (20, 20)).save(out, "PNG")
    assert measure_file(io.BytesIO(out.getvalue())).jpeg_quality is None


def test_a_narrow_lead_picture_blocks_with_its_width(category):
    narrow = stored("Toàn cảnh hội nghị", photo(800, 500))
    page = ArticlePageFactory(
        parent=category, featured_image=narrow, featured_image_alt="Hội trường"
    )
    [problem] = quality_problems(page)
    assert "Ảnh đại diện “Toàn cảnh hội nghị”: rộng 800 px" in problem
    assert "ít nhất 1.200 px" in problem
    settings = SiteSettings.for_site(page.get_site())
    settings.min_image_width = 640
    settings.save()
    assert quality_problems(page) == []


def test_a_gallerys_first_photo_is_its_lead(category):
    gallery = GalleryPageFactory(parent=category)
    for order, width in enumerate((700, 900)):
        GalleryPhoto.objects.create(
            page=gallery, image=stored(f"Ảnh {order}", photo(width, 500)), alt="a", sort_order=order
        )
    [problem] = quality_problems(gallery)
    assert problem.startswith("Ảnh thứ 1 của thư viện (“Ảnh 0”): rộng 700 px")


def test_blur_and_compression_are_pointed_out_with_the_figure(category):
    page = ArticlePageFactory(
        parent=category,
        featured_image=stored("Phiên khai mạc", photo(blur=6)),
        featured_image_alt="Phiên khai mạc",
        body=[
            ("paragraph", "<p>Nội dung.</p>"),
            (
                "image",
                {
                    "image": stored("Biểu quyết", photo(quality=10)),
                    "alt": "Đại biểu biểu quyết",
                    "caption": "Biểu quyết",
                },
            ),
        ],
    )
    warnings = quality_warnings(page)
    assert any(
        w.startswith("Ảnh đại diện “Phiên khai mạc”: có thể bị mờ (độ nét ") for w in warnings
    )
    assert any(
        w.startswith("Ảnh thứ 1 trong phần Nội dung (“Biểu quyết”): nén quá mức (chất lượng JPEG")
        for w in warnings
    )


def test_the_automatic_step_returns_a_narrow_photo_and_warns_of_a_blurred_one(category, people):
    narrow = ArticlePageFactory(
        parent=category,
        live=False,
        owner=people["author"],
        featured_image=stored("Ảnh nhỏ", photo(640, 400)),
        featured_image_alt="Hội trường",
        featured_image_caption="Hội trường kỳ họp.",
    )
    state = submit(narrow, people["author"])
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "rộng 640 px" in state.current_task_state.comment
    blurred = ArticlePageFactory(
        parent=category,
        live=False,
        owner=people["author"],
        featured_image=stored("Ảnh mờ", photo(blur=6)),
        featured_image_alt="Hội trường",
        featured_image_caption="Hội trường kỳ họp.",
    )
    state = submit(blurred, people["author"])
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    comment = TaskState.objects.filter(workflow_state=state).order_by("pk").first().comment
    assert "Lưu ý cho người duyệt" in comment and "“Ảnh mờ”: có thể bị mờ" in comment
