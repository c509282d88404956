import pytest
from django.core.exceptions import ValidationError

from portal.news.factories import ArticlePageFactory
from portal.news.models import Topic


@pytest.mark.django_db
def test_article_slug_is_transliterated_from_title(category):
    article = ArticlePageFactory(parent=category, title="Đại biểu HĐND tiếp xúc cử tri")
    assert article.slug == "dai-bieu-hdnd-tiep-xuc-cu-tri"
    assert article.url.endswith("/thuong-truc-hdnd/dai-bieu-hdnd-tiep-xuc-cu-tri/")


@pytest.mark.django_db
def test_unicode_slug_typed_by_editor_becomes_ascii(category):
    article = ArticlePageFactory(parent=category, title="Tin", slug="đại-biểu-hđnd")
    assert article.slug == "dai-bieu-hdnd"


@pytest.mark.django_db
def test_topic_slug_is_transliterated(category):
    ArticlePageFactory(parent=category, topics=["Kỳ họp thứ 13"])
    assert Topic.objects.get().slug == "ky-hop-thu-13"


@pytest.mark.django_db
def test_featured_image_needs_alt_text(category):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Ảnh", file=get_test_image_file())
    article = ArticlePageFactory(parent=category)
    article.featured_image = image
    article.featured_image_alt = ""
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean()
    assert "featured_image_alt" in excinfo.value.message_dict
