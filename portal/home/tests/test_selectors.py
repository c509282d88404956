"""Reads for the home page and the site map."""

import pytest

from portal.home.selectors import picture_first, site_map_tree, walk
from portal.news.factories import ArticlePageFactory, NewsCategoryPageFactory


class Story:
    def __init__(self, name, featured_image_id=None):
        self.name = name
        self.featured_image_id = featured_image_id


def test_picture_first_brings_the_newest_story_with_a_picture_to_the_front():
    stories = [Story("a"), Story("b", 7), Story("c"), Story("d", 8)]
    assert [story.name for story in picture_first(stories)] == ["b", "a", "c", "d"]
    assert [story.name for story in picture_first(stories[:1])] == ["a"]
    assert picture_first([]) == []


@pytest.mark.django_db
def test_site_map_tree_nests_sections_and_categories_and_leaves_articles_out(
    home, news_index, category, other_category
):
    ArticlePageFactory(parent=category, title="Tin bài")
    sub = NewsCategoryPageFactory(parent=category, title="Chuyên mục con")
    tree = site_map_tree(home)
    assert tree.page.pk == home.pk
    assert [node.page.pk for node in tree.children] == [news_index.pk]
    section = tree.children[0]
    assert [node.page.pk for node in section.children] == [category.pk, other_category.pk]
    # A sub-menu type (news category) is listed at any depth, an article never.
    assert [node.page.pk for node in section.children[0].children] == [sub.pk]
    assert "Tin bài" not in [node.page.title for node in walk(tree)]


@pytest.mark.django_db
def test_site_map_tree_is_none_when_the_home_page_is_hidden(home):
    home.unpublish()
    assert site_map_tree(home) is None


@pytest.mark.django_db
def test_site_map_tree_leaves_out_a_page_whose_parent_it_does_not_show(home, news_index):
    """Wagtail serves a live page below a draft, and the menu lists it; the site map is
    a tree, and has no branch to hang it on."""
    draft = NewsCategoryPageFactory(parent=news_index, title="Chuyên mục nháp", live=False)
    orphan = NewsCategoryPageFactory(parent=draft, title="Chuyên mục con")
    pks = [node.page.pk for node in walk(site_map_tree(home))]
    assert draft.pk not in pks and orphan.pk not in pks
    assert news_index.pk in pks
