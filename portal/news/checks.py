"""What a news item must carry before it goes to review (the newsroom's
automatic checks, ``portal.core.registry`` ``submission_checks``).

Each check takes any page and returns its problems, one Vietnamese sentence
each, saying what is missing and where (which image, which block); a page that
is not a news item has none.
"""

from __future__ import annotations

from portal.core.registry import PageImage

from .models import ArticlePage, GalleryPage


def _image_title(image) -> str:
    return f"“{image.title}”" if image is not None else "chưa chọn ảnh"


def _block_images(body):
    """(position, block value) of every image block of a StreamField, 1-based."""
    images = [block for block in body if block.block_type == "image"]
    return list(enumerate(images, start=1))


def _description_problems(where: str, alt: str, caption: str) -> list[str]:
    problems = []
    if not (alt or "").strip():
        problems.append(f"{where}: thiếu mô tả ảnh (alt).")
    if not (caption or "").strip():
        problems.append(f"{where}: thiếu chú thích.")
    return problems


def article_problems(page) -> list[str]:
    if not isinstance(page, ArticlePage):
        return []
    problems = []
    if page.genre_id is None:
        problems.append("Chưa chọn thể loại (tin, bài, ảnh…).")
    if not page.authors.all():
        problems.append("Chưa ghi tác giả (bút danh) của tin bài.")
    if page.event_date is None:
        problems.append("Chưa nhập ngày diễn ra sự kiện.")
    if page.featured_image_id:
        where = f"Ảnh đại diện {_image_title(page.featured_image)}"
        problems += _description_problems(
            where, page.featured_image_alt, page.featured_image_caption
        )
    for position, block in _block_images(page.body):
        where = f"Ảnh thứ {position} trong phần Nội dung ({_image_title(block.value['image'])})"
        problems += _description_problems(where, block.value.get("alt"), block.value.get("caption"))
    return problems


def gallery_problems(page) -> list[str]:
    if not isinstance(page, GalleryPage):
        return []
    problems = []
    if page.event_date is None:
        problems.append("Chưa nhập ngày diễn ra sự kiện.")
    photos = list(page.photos.all())
    if not photos:
        problems.append("Thư viện ảnh chưa có ảnh nào.")
    for position, photo in enumerate(photos, start=1):
        where = f"Ảnh thứ {position} của thư viện ({_image_title(photo.image)})"
        problems += _description_problems(where, photo.alt, photo.caption)
    return problems


def article_images(page) -> list[PageImage]:
    if not isinstance(page, ArticlePage):
        return []
    found = []
    if page.featured_image_id:
        found.append(
            PageImage(
                f"Ảnh đại diện {_image_title(page.featured_image)}", page.featured_image, True
            )
        )
    for position, block in _block_images(page.body):
        image = block.value["image"]
        found.append(
            PageImage(f"Ảnh thứ {position} trong phần Nội dung ({_image_title(image)})", image)
        )
    return found


def gallery_images(page) -> list[PageImage]:
    if not isinstance(page, GalleryPage):
        return []
    return [
        PageImage(
            f"Ảnh thứ {position} của thư viện ({_image_title(photo.image)})",
            photo.image,
            position == 1,
        )
        for position, photo in enumerate(page.photos.all(), start=1)
    ]
