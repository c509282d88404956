from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.snippets.models import get_snippet_models

from portal.core import registry

OUR_PACKAGES = ("portal.", "tests.")


def our_models():
    return [model for model in apps.get_models() if model.__module__.startswith(OUR_PACKAGES)]


def test_every_model_of_ours_is_registered_or_exempt():
    models = our_models()
    assert len(models) >= 15
    unaccounted = [model._meta.label for model in models if registry.account_for(model) is None]
    assert unaccounted == []


def test_every_snippet_changes_cached_pages_unless_exempt():
    from portal.core.signals import snippets_invalidating

    for model in get_snippet_models():
        listed = model in registry.cache_models()
        assert listed or model in snippets_invalidating() or registry.exemption(model), model


def test_a_model_nobody_registered_is_not_accounted_for():
    assert registry.account_for(Group) is None


def test_what_the_news_registers():
    from portal.news.models import (
        ArticleAuthor,
        ArticlePage,
        Genre,
        NewsCategoryPage,
        NewsIndexPage,
    )

    assert registry.account_for(ArticlePage) == "page"
    assert registry.searchable_for(ArticlePage).model is ArticlePage
    assert registry.account_for(Genre) == "snippet"
    assert registry.account_for(ArticleAuthor) == "part of news.ArticlePage"
    assert NewsCategoryPage in registry.search_group_types()
    sections = {section.page_type: section for section in registry.menu_sections()}
    assert sections[NewsIndexPage].item_type is NewsCategoryPage


def test_registering_again_under_a_label_replaces_and_listeners_hear_it():
    heard = []
    subject = registry.Subject(label="test-replaced", cache_models=("core.Author",))
    try:
        registry.register_subject(subject)
        registry.on_subject_registered(lambda s: heard.append(s.label))
        assert heard.count("test-replaced") == 1
        registry.register_subject(registry.Subject(label="test-replaced"))
        assert heard.count("test-replaced") == 2
        assert [s for s in registry.subjects() if s.label == "test-replaced"][0].cache_models == ()
    finally:
        registry.unregister_subject("test-replaced")
        registry._LISTENERS.pop()
