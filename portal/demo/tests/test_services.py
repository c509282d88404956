"""The demo portal: idempotent, topped up exactly, and sound on both databases."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry

from portal.core.models import Author, SiteSettings
from portal.demo import newsroom, services, specs
from portal.home.models import HomePage
from portal.news.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTopic,
    GalleryPage,
    Genre,
    NewsCategoryPage,
)

SMALL = {"articles": 30, "galleries": 1, "image_pool": 3, "batch_size": 12}
N = SMALL["articles"]
POOL = SMALL["image_pool"]


def load(**options):
    return services.demo_load(**{**SMALL, **options})


def counts():
    from portal.search.models import SearchEntry

    return {
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.count(),
        "galleries": GalleryPage.objects.count(),
        "revisions": Revision.objects.count(),
        "references": ReferenceIndex.objects.count(),
        "wagtail_index": IndexEntry.objects.count(),
        "portal_index": SearchEntry.objects.count(),
        "images": get_image_model().objects.count(),
        "authors": Author.objects.count(),
        "bylines": ArticleAuthor.objects.count(),
        "tags": ArticleTopic.objects.count(),
        "users": get_user_model().objects.count(),
        "genres": Genre.objects.count(),
    }


def assert_tree_is_sound():
    problems = Page.find_problems()
    assert all(not found for found in problems), problems
    for page in Page.objects.all():
        page.specific  # noqa: B018 - raises if the child row is missing
    for category in NewsCategoryPage.objects.all():
        assert category.numchild == category.get_children().count()


def normalised(data):
    data = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    for key in ("latest_revision", "live_revision"):
        data.pop(key, None)
    # StreamField content is a JSON string; PostgreSQL's jsonb reorders its keys.
    data["body"] = json.loads(data["body"]) if isinstance(data.get("body"), str) else data["body"]
    return data


@pytest.mark.django_db
def test_demo_portal_is_built_as_described():
    report = load()
    assert report.articles_created == N
    assert report.admin_password == services.DEFAULT_ADMIN_PASSWORD
    categories = NewsCategoryPage.objects.order_by("path")
    assert [c.title for c in categories] == [title for title, _a, _i in services.content.CATEGORIES]
    assert categories.get(slug="hdnd-cap-huyen").is_archive
    assert categories.first().url == "/tin-tuc/thuong-truc-hdnd/"
    assert set(Genre.objects.values_list("name", flat=True)) >= {"Tin", "Bài", "Trả lời bạn đọc"}

    heads = specs.article_specs(2019, N, pool_size=POOL, full=False)
    stored = {
        a.translation_key: a for a in ArticlePage.objects.select_related("genre").order_by("pk")
    }
    for head in heads:
        article = stored[head.translation_key]
        assert (article.title, article.slug, article.genre.name) == (
            head.title,
            head.slug,
            head.genre,
        )
        assert article.first_published_at == head.published_at
        assert article.get_parent().specific.title == services.content.CATEGORIES[head.category][0]

    settings = SiteSettings.objects.get()
    assert settings.governing_body == "Hội đồng nhân dân tỉnh Bắc Kạn"
    assert settings.related_links.filter(name__icontains="Quốc hội").exists()
    home = HomePage.objects.get()
    assert home.banners.count() == 3 and home.quick_links.exists()
    assert home.live_revision is not None

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(services.DEFAULT_ADMIN_PASSWORD)
    assert Author.objects.filter(user__username="ctv.babe", is_contributor=True).exists()
    assert Author.objects.filter(is_contributor=True).count() > 5
    gallery = GalleryPage.objects.first()
    assert gallery.live and gallery.photos.count() >= 5
    assert GalleryPage.objects.count() == SMALL["galleries"]
    assert gallery.first_published_at.year in (2018, 2019, 2020)


@pytest.mark.django_db
def test_running_again_changes_nothing():
    load()
    before = counts()
    ids = list(ArticlePage.objects.order_by("pk").values_list("pk", "slug", "path"))
    report = load()
    assert report.articles_created == 0 and report.images_created == 0
    assert report.galleries_created == 0 and report.users_created == []
    assert counts() == before
    assert list(ArticlePage.objects.order_by("pk").values_list("pk", "slug", "path")) == ids


@pytest.mark.django_db
def test_topping_up_adds_exactly_the_difference():
    load()
    before = counts()
    first = set(ArticlePage.objects.values_list("pk", "slug"))
    report = load(articles=N + 17)
    assert report.articles_created == 17
    after = counts()
    assert after["articles"] == before["articles"] + 17
    assert after["pages"] == before["pages"] + 17
    assert after["revisions"] == before["revisions"] + 17
    assert first <= set(ArticlePage.objects.values_list("pk", "slug"))
    assert_tree_is_sound()
    # Asking for fewer articles removes nothing.
    assert load(articles=10).articles_created == 0
    assert ArticlePage.objects.count() == after["articles"]


def in_the_newsroom() -> set[int]:
    """Articles the demo's newsroom took back into the workflow."""
    return set(
        ArticlePage.objects.filter(owner__username__in=newsroom.SECTIONS).values_list(
            "pk", flat=True
        )
    )


@pytest.mark.django_db
def test_bulk_articles_are_sound():
    report = load()
    assert_tree_is_sound()
    articles = list(ArticlePage.objects.order_by("pk"))
    assert len(articles) == N
    in_review = in_the_newsroom()
    assert len(in_review) == report.workflow_items > 0
    for article in articles:
        if article.pk in in_review:  # back in the workflow (portal.demo.newsroom)
            continue
        assert article.live and not article.has_unpublished_changes
        assert article.latest_revision_id and article.live_revision_id == article.latest_revision_id
        assert article.url_path == f"{article.get_parent().url_path}{article.slug}/"
        assert article.authors.exists() and article.tags.exists()
    # Each revision holds the page as Wagtail serialises it, children included.
    for article in articles[::7]:
        assert normalised(article.latest_revision.content) == normalised(
            article.serializable_data()
        )
        as_object = article.latest_revision.as_object()
        assert list(as_object.authors.all().values_list("author_id", flat=True)) == list(
            article.authors.order_by("sort_order").values_list("author_id", flat=True)
        )


@pytest.mark.django_db
def test_reference_index_matches_what_wagtail_records():
    load()
    for article in ArticlePage.objects.order_by("pk")[::9]:
        rows = ReferenceIndex.objects.filter(object_id=str(article.pk))
        before = set(rows.values_list("to_content_type", "to_object_id", "content_path"))
        ReferenceIndex.create_or_update_for_object(article)
        after = set(rows.values_list("to_content_type", "to_object_id", "content_path"))
        assert before == after and before
    image = get_image_model().objects.first()
    assert ReferenceIndex.get_references_to(image).exists()


@pytest.mark.django_db
def test_every_article_is_in_both_search_indexes():
    from portal.search.models import SearchEntry
    from portal.search.services import index_pages

    report = load()
    ids = set(ArticlePage.objects.live().values_list("pk", flat=True))
    assert len(ids) >= N - report.workflow_items  # the newsroom's drafts are not public
    assert ids <= set(SearchEntry.objects.values_list("page_id", flat=True))
    wagtail_ids = IndexEntry.objects.filter(
        content_type__model="articlepage", content_type__app_label="news"
    ).values_list("object_id", flat=True)
    # The admin's index holds the drafts too.
    every = set(ArticlePage.objects.values_list("pk", flat=True))
    assert {str(pk) for pk in every} == set(wagtail_ids)

    article = ArticlePage.objects.live().order_by("pk")[5]
    # The portal entry is what its own indexer writes.
    entry = SearchEntry.objects.get(page=article)
    stored = (entry.title, entry.text, entry.facets, entry.published_at)
    index_pages([article.pk])
    entry.refresh_from_db()
    assert (entry.title, entry.text, entry.facets, entry.published_at) == stored
    # Wagtail's admin search finds it by a word of its body and by its title.
    spec = specs.article_spec(2019, _index_of(article), POOL)
    body_word = next(block[1] for block in spec.blocks if block[0] == "paragraph").split()[3]
    assert article in ArticlePage.objects.search(body_word)
    assert article in ArticlePage.objects.search(article.title)


def _index_of(article):
    for head in specs.article_specs(2019, N, pool_size=POOL, full=False):
        if head.translation_key == article.translation_key:
            return head.index
    raise AssertionError("not a demo article")


@pytest.mark.django_db
def test_wagtail_index_rows_match_the_backend_on_postgresql():
    """The bulk path's rows are the backend's own: indexing one article again changes nothing."""
    from wagtail.search.backends import get_search_backend

    load()
    article = ArticlePage.objects.order_by("pk")[3]
    entry = IndexEntry.objects.get(object_id=str(article.pk), content_type__model="articlepage")
    if connection.vendor != "postgresql":
        assert entry.pk  # the vectors compared below are PostgreSQL's
        return

    def vectors():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT title::text, autocomplete::text, "
                "ARRAY(SELECT lexeme || ':' || array_to_string(weights, '') "
                "FROM unnest(body) ORDER BY 1)::text, title_text FROM wagtailsearch_indexentry "
                "WHERE id = %s",
                [entry.pk],
            )
            return cursor.fetchone()

    ours = vectors()
    get_search_backend().add(article)
    assert vectors() == ours


@pytest.mark.django_db
def test_admin_edit_view_and_public_page_open(client):
    load()
    article = ArticlePage.objects.order_by("-pk").first()
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    assert article.title in response.content.decode()
    client.logout()
    assert client.get(article.url).status_code == 200


@pytest.mark.django_db
def test_explicit_admin_password_resets_it():
    load(articles=0, galleries=0)
    report = load(articles=0, galleries=0, admin_password="mat-khau-moi-2020")
    assert report.admin_password == "mat-khau-moi-2020"
    assert get_user_model().objects.get(username="admin").check_password("mat-khau-moi-2020")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_workers_build_the_same_sound_portal():
    """With workers (PostgreSQL) batches run in forked processes; on SQLite in turn."""
    load(articles=45, workers=2)
    assert ArticlePage.objects.count() == 45
    assert_tree_is_sound()
    assert not ArticlePage.objects.filter(latest_revision__isnull=True).exists()
    heads = specs.article_specs(2019, 45, pool_size=POOL, full=False)
    paths = dict(ArticlePage.objects.values_list("translation_key", "path"))
    # Paths follow the index order within each category, whoever wrote the batch.
    by_parent = {}
    for head in heads:
        path = paths[head.translation_key]
        by_parent.setdefault(path[: -Page.steplen], []).append(path)
    assert len(by_parent) > 3
    assert all(found == sorted(found) for found in by_parent.values())


@pytest.mark.django_db
def test_command_prints_how_to_log_in(capsys):
    call_command(
        "load_demo", "--articles", "12", "--galleries", "1", "--images", "3", "--no-progress"
    )
    out = capsys.readouterr().out
    assert "tài khoản admin" in out and services.DEFAULT_ADMIN_PASSWORD in out
    assert "Đã tạo 12 tin bài mới" in out
    call_command(
        "load_demo", "--articles", "12", "--galleries", "1", "--images", "3", "--no-progress"
    )
    assert "Đã tạo 0 tin bài mới" in capsys.readouterr().out


@pytest.mark.django_db
def test_command_prints_the_admin_address_it_is_given(capsys):
    args = ("--articles", "12", "--galleries", "1", "--images", "3", "--no-progress")
    call_command("load_demo", *args, "--address", "http://127.0.0.1:8100")
    assert "http://127.0.0.1:8100/admin/" in capsys.readouterr().out
    with override_settings(PORTAL_BASE_URL="https://hdnd.example.gov.vn"):
        call_command("load_demo", *args)
    out = capsys.readouterr().out
    assert "https://hdnd.example.gov.vn/admin/" in out and ":8000" not in out


@pytest.mark.django_db
def test_quick_links_lead_to_the_section_they_name(client):
    """Each quick link points at a page whose title it repeats; the links earlier
    demo data pointed at news categories under other sections' names are removed."""
    load()
    home = HomePage.objects.get()
    links = list(home.quick_links.select_related("link_page"))
    assert links
    for link in links:
        assert link.link_page is not None, link.title
        assert link.title in link.link_page.title or link.link_page.title in link.title
    # A database loaded before: links named after sections that do not exist yet.
    home.quick_links.create(title="Thống kê đơn thư", link_url="/tin-tuc/cac-ban-hdnd/")
    home.save_revision().publish()
    load()
    home = HomePage.objects.get()
    titles = [link.title for link in home.live_revision.as_object().quick_links.all()]
    assert "Thống kê đơn thư" not in titles
    # Where the section exists (portal.oversight), the menu names it, at its own address.
    assert '/tin-tuc/cac-ban-hdnd/">Thống kê đơn thư' not in client.get("/").content.decode()


@pytest.mark.django_db
def test_command_rejects_bad_numbers():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("load_demo", "--articles", "-5", "--no-progress")
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("load_demo", "--workers", "0", "--no-progress")


@pytest.mark.django_db
def test_planner_knows_the_page_table_size_after_a_bulk_load():
    """PostgreSQL only: SQLite has no planner statistics to refresh."""
    load()
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'wagtailcore_page'")
        (estimated,) = cursor.fetchone()
    assert estimated >= Page.objects.count() * 0.9
