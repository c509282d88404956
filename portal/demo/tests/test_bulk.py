import pytest

from portal.demo.bulk import PathAllocator, path_step, step_number
from portal.news.factories import ArticlePageFactory


def test_path_steps_are_treebeards():
    assert path_step(1) == "0001"
    assert path_step(36) == "0010"
    assert step_number("00ZZ") == 36 * 36 - 1
    assert all(step_number(path_step(n)) == n for n in (1, 35, 36, 1295, 1296, 36**4 - 1))
    with pytest.raises(ValueError):
        path_step(36**4)


@pytest.mark.django_db
def test_the_allocator_hands_out_the_paths_add_child_would(category):
    ArticlePageFactory(parent=category)
    allocator = PathAllocator()
    expected = allocator.next_path(category)
    following = allocator.next_path(category)
    assert ArticlePageFactory(parent=category).path == expected
    assert ArticlePageFactory(parent=category).path == following
