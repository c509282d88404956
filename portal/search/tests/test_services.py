from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from portal.core.text import words
from portal.news.factories import ArticlePageFactory, GalleryPageFactory
from portal.news.models import ArticlePage, GalleryPage
from portal.search.models import SearchEntry
from portal.search.selectors import search
from portal.search.services import index_page, index_pages, rebuild_index, remove_page


def entry(page):
    return SearchEntry.objects.filter(page_id=page.pk).first()


def vector_lexemes(vector) -> dict[str, list[int]]:
    """{lexeme: positions} of a tsvector as PostgreSQL writes it."""
    found = {}
    for item in str(vector).split(" "):
        lexeme, _, positions = item.rpartition(":")
        found[lexeme.strip("'")] = [int(p.rstrip("ABCD")) for p in positions.split(",")]
    return found


@pytest.mark.django_db
def test_publishing_an_article_indexes_title_text_tags_category_and_date(category):
    article = ArticlePageFactory(
        parent=category,
        title="Kỳ họp thứ 13 HĐND tỉnh Bắc Kạn",
        lead="Các đại biểu thảo luận.",
        topics=["Ngân sách"],
    )
    row = entry(article)
    assert row is not None
    assert row.title == "Kỳ họp thứ 13 HĐND tỉnh Bắc Kạn"
    assert "Các đại biểu thảo luận." in row.text
    assert row.facets == {"category": category.pk}
    assert row.content_type.model_class() is ArticlePage
    assert (row.object_id, row.part, row.page_id) == (article.pk, 0, article.pk)
    assert row.published_at == article.first_published_at
    if connection.vendor == "postgresql":
        # keys, exact forms and pairs of neighbours, with their positions
        title = vector_lexemes(row.title_vector)
        assert title["ki"] == title["ki~2-y"] == title["ki_hop"] == [1]
        assert title["hop"] == title["hop~5---"] == [2] and "hdnd_tinh" in title
        assert "dai_bieu" in vector_lexemes(row.head_vector)
        everything = vector_lexemes(row.search_vector)
        assert {"ki_hop", "dai_bieu", "x:ngan_sach", "x:ngan~0--^-"} <= set(everything)
        assert "ngan_sach" not in everything  # the topic is an extra word
        assert row.title_folded == row.text_folded == row.head_folded == ""
    else:
        assert row.title_folded == (
            " ki~2-y hop~5--- thu~1--+ 13~0-- hdnd~0-/-- tinh~3---- bac~1-(- kan~5--- "
        )
        assert " dai~5/-- bieu~3--^- thao~3---- luan~5--^- " in row.head_folded
        assert row.text_folded.startswith(row.title_folded + "| ")
        assert " ngan~0--^- sach~1---- " in row.extra_folded
        assert row.search_vector is None


@pytest.mark.django_db
def test_authors_are_indexed_when_the_page_is_indexed(category):
    from portal.core.factories import AuthorFactory

    article = ArticlePageFactory(parent=category, authors=[AuthorFactory(name="Nguyễn Thị Hoà")])
    index_page(article)  # the factory adds the byline after publishing
    assert [row.page_id for row in search(words("nguyen thi hoa")).entries] == [article.pk]


@pytest.mark.django_db
def test_drafts_are_not_indexed_and_republishing_updates_the_entry(category):
    draft = ArticlePageFactory(parent=category, live=False, title="Bản nháp")
    assert entry(draft) is None
    article = ArticlePageFactory(parent=category, title="Tiêu đề cũ")
    article.title = "Tiêu đề mới"
    article.save_revision().publish()
    assert entry(article).title == "Tiêu đề mới"
    assert SearchEntry.objects.count() == 1


@pytest.mark.django_db
def test_unpublish_removes_the_entry(category):
    article = ArticlePageFactory(parent=category)
    assert entry(article)
    article.unpublish()
    assert entry(article) is None


@pytest.mark.django_db
def test_delete_removes_the_entry(category):
    article = ArticlePageFactory(parent=category)
    page_id = article.pk
    article.delete()
    assert not SearchEntry.objects.filter(page_id=page_id).exists()


@pytest.mark.django_db
def test_deleting_a_category_removes_its_articles_entries(category):
    article = ArticlePageFactory(parent=category)
    Page.objects.get(pk=category.pk).delete()
    assert not SearchEntry.objects.filter(page_id=article.pk).exists()


@pytest.mark.django_db
def test_move_changes_the_category(category, other_category):
    article = ArticlePageFactory(parent=category)
    article.move(other_category, pos="last-child")
    assert entry(article).facets["category"] == other_category.pk


@pytest.mark.django_db
def test_view_restriction_removes_the_subtree_and_lifting_it_restores_it(category):
    article = ArticlePageFactory(parent=category)
    restriction = PageViewRestriction.objects.create(
        page=category, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    assert entry(article) is None
    # Publishing again under the restriction must not bring it back.
    article.save_revision().publish()
    assert entry(article) is None
    restriction.delete()
    assert entry(article) is not None


@pytest.mark.django_db
def test_moving_into_a_restricted_section_removes_the_entry(category, other_category):
    PageViewRestriction.objects.create(
        page=other_category, restriction_type=PageViewRestriction.LOGIN
    )
    article = ArticlePageFactory(parent=category)
    article.move(other_category, pos="last-child")
    assert entry(article) is None


@pytest.mark.django_db
def test_expired_pages_are_not_indexed(category):
    article = ArticlePageFactory(parent=category)
    Page.objects.filter(pk=article.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    index_page(article)
    assert entry(article) is None


@pytest.mark.django_db
def test_galleries_are_indexed_and_other_pages_are_not(category):
    gallery = GalleryPageFactory(parent=category, title="Ảnh kỳ họp", intro="Phiên khai mạc.")
    assert entry(gallery).content_type.model_class() is GalleryPage
    assert entry(gallery).facets["category"] == category.pk
    index_page(category)
    assert entry(category) is None


@pytest.mark.django_db
def test_index_pages_in_bulk_uses_a_bounded_number_of_queries(
    category, django_assert_max_num_queries
):
    from portal.search import services

    articles = [ArticlePageFactory(parent=category, topics=["Giám sát"]) for _ in range(12)]
    SearchEntry.objects.all().delete()
    services.BATCH_SIZE, old = 5, services.BATCH_SIZE
    try:
        # 3 batches: each reads ids, pages and two prefetches, parents, deletes, upserts.
        with django_assert_max_num_queries(1 + 3 * 12):
            assert index_pages(articles) == 12
    finally:
        services.BATCH_SIZE = old
    assert SearchEntry.objects.count() == 12
    # Running it again updates in place (upsert), it does not duplicate.
    assert index_pages([a.pk for a in articles]) == 12
    assert SearchEntry.objects.count() == 12


@pytest.mark.django_db
def test_rebuild_index_recreates_every_live_searchable_page(category):
    live = ArticlePageFactory(parent=category)
    ArticlePageFactory(parent=category, live=False)
    SearchEntry.objects.all().delete()
    SearchEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Page),
        object_id=category.pk,
        page=Page.objects.get(pk=category.pk),
        title="rác",
    )
    assert rebuild_index(progress=False) == 1
    assert list(SearchEntry.objects.values_list("page_id", flat=True)) == [live.pk]


@pytest.mark.django_db
def test_remove_page(category):
    article = ArticlePageFactory(parent=category)
    remove_page(article.pk)
    assert entry(article) is None


@pytest.mark.django_db
def test_rebuild_search_index_command(category):
    from io import StringIO

    from django.core.management import call_command

    ArticlePageFactory(parent=category)
    SearchEntry.objects.all().delete()
    out = StringIO()
    call_command("rebuild_search_index", "--no-progress", stdout=out)
    assert "Đã lập chỉ mục 1 trang" in out.getvalue()
    assert SearchEntry.objects.count() == 1
