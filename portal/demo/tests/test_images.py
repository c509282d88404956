"""The event photos: drawn the same way every time, stored as an upload leaves them."""

import hashlib

import pytest
from django.contrib.contenttypes.models import ContentType
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry

from portal.demo import calendar, images, services, specs

SEED = 2019


def test_a_picture_is_drawn_the_same_way_every_time():
    session = calendar.sessions(SEED)[10]
    picture = specs.writer(SEED).picture(session, 1)
    assert images.render(picture, SEED) == images.render(picture, SEED)
    other = specs.writer(SEED).picture(session, 2)
    assert images.render(other, SEED) != images.render(picture, SEED)
    assert picture.banner == session.banner and picture.title.startswith(session.title)
    assert picture.description.endswith(" / ".join(session.banner))


@pytest.mark.django_db
def test_demo_images_are_stored_as_an_upload_would_be():
    report = services.demo_load(articles=20, galleries=1, image_pool=2, batch_size=10)
    Image = get_image_model()
    stored = list(Image.objects.order_by("pk"))
    assert report.images_created == len(stored) > 0
    content_type = ContentType.objects.get_for_model(Image)
    for image in stored[:5]:
        with image.open_file() as handle:
            data = handle.read()
        assert image.file_size == len(data)
        assert image.file_hash == hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's hash
        assert PILImage.open(image.file.path).size == (image.width, image.height)
        assert list(image.tags.names()) == [services.DEMO_IMAGE_TAG]
        assert IndexEntry.objects.filter(content_type=content_type, object_id=str(image.pk))
        rows = ReferenceIndex.objects.filter(base_content_type=content_type, object_id=image.pk)
        before = set(rows.values_list("to_content_type", "to_object_id", "content_path"))
        ReferenceIndex.create_or_update_for_object(image)
        assert before == set(rows.values_list("to_content_type", "to_object_id", "content_path"))
    assert stored[0] in Image.objects.search(stored[0].title.split()[0])
    # A second run finds them all again.
    again = services.demo_load(articles=20, galleries=1, image_pool=2, batch_size=10)
    assert again.images_created == 0 and Image.objects.count() == len(stored)
