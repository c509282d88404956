import pytest
from django.contrib.auth import get_user_model

from portal.news.factories import NewsCategoryPageFactory
from portal.news.models import NewsCategoryPage


def category_form(parent, slug, user, instance=None):
    form_class = NewsCategoryPage.get_edit_handler().get_form_class()
    empty_rich_text = '{"blocks": [], "entityMap": {}}'
    data = {"title": "Tiếp xúc cử tri", "slug": slug, "intro": empty_rich_text}
    return form_class(
        data, instance=instance or NewsCategoryPage(), parent_page=parent, for_user=user
    )


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("bt", "bt@example.vn", "x")


@pytest.mark.django_db
def test_a_slug_that_transliterates_onto_a_siblings_is_a_form_error(news_index, editor):
    NewsCategoryPageFactory(parent=news_index, title="Tiếp xúc cử tri")  # slug tiep-xuc-cu-tri
    form = category_form(news_index, "tiếp-xúc-cử-tri", editor)
    assert not form.is_valid()
    assert "đã được một trang khác trong cùng mục sử dụng" in form.errors["slug"][0]


@pytest.mark.django_db
def test_the_slug_is_checked_and_kept_transliterated(news_index, editor):
    form = category_form(news_index, "tiếp-xúc-cử-tri", editor)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["slug"] == "tiep-xuc-cu-tri"


@pytest.mark.django_db
def test_editing_a_page_keeps_its_own_slug(news_index, editor):
    page = NewsCategoryPageFactory(parent=news_index, title="Tiếp xúc cử tri")
    form = category_form(news_index, "tiep-xuc-cu-tri", editor, instance=page)
    assert form.is_valid(), form.errors
