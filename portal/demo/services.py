"""Builds the demo portal of HĐND tỉnh Bắc Kạn, khóa IX (2016-2021).

Everything is written from the term's events (:mod:`portal.demo.calendar`) and
people (:mod:`portal.demo.cast`): each article, gallery and banner is about one
event and shows that event's photos (:mod:`portal.demo.stories`,
:mod:`portal.demo.images`); only the photos of the events the new content is
about are drawn. See docs/demo.md.

``demo_load`` is idempotent: every object is found by a stable key (usernames,
names, slugs under their parent, image titles) before it is created, so a second
run with the same options changes nothing, and ``articles=N`` only adds the
articles 0..N-1 that are still missing. Small objects go through the factories
the tests use; articles go through :mod:`portal.demo.bulk`, images through
``_create_images`` (a few statements per batch, as bulk does for pages).
"""

import io
import multiprocessing
import os
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection, transaction
from taggit.models import Tag, TaggedItem
from tqdm import tqdm
from wagtail.images import get_image_model
from wagtail.models import Collection, ReferenceIndex, Site
from wagtail.search.backends import get_search_backends
from wagtail.utils.file import hash_filelike

from portal.core.admin_units_loader import load_administrative_units
from portal.core.factories import AuthorFactory
from portal.core.models import AdministrativeUnit, RelatedAgencyLink, SiteSettings
from portal.core.text import slugify_vi
from portal.council.demo import load_council
from portal.editorial.holding import make_board_head
from portal.home.models import HomeBanner, HomePage, HomeQuickLink
from portal.news.factories import (
    GalleryPageFactory,
    GenreFactory,
    NewsCategoryPageFactory,
    NewsIndexPageFactory,
)
from portal.news.models import (
    ArticlePage,
    GalleryPage,
    GalleryPhoto,
    NewsCategoryPage,
    NewsIndexPage,
    Topic,
)
from portal.oversight.demo import load_letters_demo
from portal.oversight.reception_demo import load_receptions_demo
from portal.oversight.supervision_demo import load_supervision_demo
from portal.people.demo import load_people

from . import bulk, content, images, newsroom, specs

DEFAULT_SEED = 2019
DEFAULT_ARTICLES = 1200
DEFAULT_GALLERIES = 24
DEFAULT_ADMIN_PASSWORD = "hdnd-backan-2019"
ADMIN_USERNAME = "admin"
COLLECTION_NAME = "Ảnh minh họa (dữ liệu mẫu)"
DEMO_IMAGE_TAG = "dữ liệu mẫu"
NEWS_INDEX_SLUG = "tin-tuc"


@dataclass
class DemoReport:
    articles_created: int = 0
    articles_total: int = 0
    galleries_created: int = 0
    images_created: int = 0
    users_created: list = field(default_factory=list)
    workflow_items: int = 0
    delegates_created: int = 0
    receptions_created: int = 0
    supervisions_created: int = 0
    admin_password: str | None = None  # set when the admin account was created or reset


def demo_load(
    *,
    seed: int = DEFAULT_SEED,
    articles: int = DEFAULT_ARTICLES,
    galleries: int = DEFAULT_GALLERIES,
    image_pool: int = specs.IMAGE_POOL_SIZE,
    admin_password: str | None = None,
    batch_size: int = bulk.BATCH_SIZE,
    workers: int | None = None,
    progress: bool = False,
) -> DemoReport:
    report = DemoReport()
    load_administrative_units()
    heads = specs.article_specs(seed, articles, pool_size=image_pool, full=False)
    gallery_list = specs.gallery_specs(seed, galleries, pool_size=image_pool)
    banners = specs.banner_specs(seed)
    with transaction.atomic():
        admin = _admin_user(admin_password, report)
        users = _users(report)
        genres = {
            name: GenreFactory(name=name, sort_order=i).pk
            for i, (name, _w) in enumerate(content.GENRES, 1)
        }
        roster = specs.author_roster(seed)
        authors = _authors(roster, users)
        topics = {name: Topic.objects.get_or_create(name=name)[0].pk for name in content.TOPICS}
        home = HomePage.objects.order_by("path").first()
        site = _site(home)
        news_index, categories = _sections(home)
        existing = set(ArticlePage.objects.values_list("translation_key", flat=True))
        missing = [head for head in heads if head.translation_key not in existing]
        new_galleries = _missing_galleries(gallery_list, categories)
        # Only the photos of the events that new articles and galleries are about.
        pool = _pictures(
            seed,
            specs.pictures_of(missing, new_galleries, banners),
            admin,
            report,
            progress,
            workers,
        )
        _site_settings(site)
        banner_rows = [
            (title, categories[category], pool.get(key), specs.picture(seed, key).alt)
            for title, category, key in banners
        ]
        _home_furniture(home, news_index, categories, banner_rows)
        load_council(seed, home, admin)
        load_letters_demo(home, seed)
    report.galleries_created = _galleries(new_galleries, categories, pool)

    context = bulk.ArticleContext(
        categories=categories,
        genres=genres,
        images=pool,
        authors=authors,
        topics=topics,
        units=dict(AdministrativeUnit.objects.values_list("code", "pk")),
        owner_id=admin.pk,
    )
    bar = tqdm(total=len(missing), unit=" tin", desc="Tạo tin bài", disable=not progress)
    try:
        bulk.publish_articles(
            missing,
            context,
            seed,
            image_pool,
            batch_size=batch_size,
            workers=workers if workers is not None else default_workers(),
            on_batch=bar.update,
        )
    finally:
        bar.close()
    # After the articles: the delegates' own items are linked to them.
    report.delegates_created = load_people(seed, home)
    report.receptions_created = load_receptions_demo(home, seed)
    report.supervisions_created = load_supervision_demo(home, seed)
    if missing or report.delegates_created or report.supervisions_created:
        _refresh_planner_statistics()
    report.workflow_items, copies = newsroom.newsroom_demo(
        {page.title: page for page in categories.values()}
    )
    report.images_created += copies
    if (
        missing
        or report.galleries_created
        or report.workflow_items
        or report.delegates_created
        or report.receptions_created
        or report.supervisions_created
    ):
        _invalidate_page_cache()
    report.articles_created = len(missing)
    report.articles_total = ArticlePage.objects.count()
    return report


def default_workers() -> int:
    """Parallel processes for the bulk path: the cores there are, at most 4."""
    return max(1, min(4, os.cpu_count() or 1))


def _refresh_planner_statistics():
    """After a bulk load, give PostgreSQL's planner the real table sizes.

    Until autovacuum gets round to it the planner still believes the page table
    holds a few dozen rows, and Wagtail's routing query (children of a page by
    slug) then intersects a range of every page's path: 7 ms per URL segment at
    100.000 articles instead of a fraction of one.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _invalidate_page_cache():
    """The bulk path sends no publish signals: cached anonymous pages must go."""
    try:
        from portal.core.page_cache import invalidate
    except ImportError:
        return
    invalidate()


# --- users and people ------------------------------------------------------


def _admin_user(password, report):
    User = get_user_model()
    admin = User.objects.filter(username=ADMIN_USERNAME).first()
    if admin is None:
        admin = User.objects.create_superuser(
            ADMIN_USERNAME,
            email="admin@hdnd.backan.example",
            password=password or DEFAULT_ADMIN_PASSWORD,
            first_name="Quản trị",
            last_name="",
        )
        report.users_created.append(ADMIN_USERNAME)
        report.admin_password = password or DEFAULT_ADMIN_PASSWORD
    elif password:
        admin.set_password(password)
        admin.save(update_fields=["password"])
        report.admin_password = password
    return admin


def accounts_by_role() -> dict[str, list[str]]:
    """The demo accounts by their group, in the order of ``content.USERS``."""
    roles: dict[str, list[str]] = {}
    for username, _first, _last, _su, group, _unit in content.USERS:
        roles.setdefault(group, []).append(username)
    return roles


def _users(report):
    User = get_user_model()
    users = {}
    for username, first, last, is_superuser, group, _unit in content.USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username,
                email=f"{username}@hdnd.backan.example",
                password=DEFAULT_ADMIN_PASSWORD,
                first_name=first,
                last_name=last,
                is_superuser=is_superuser,
            )
            found = Group.objects.filter(name=group).first()
            if found:
                user.groups.add(found)
            report.users_created.append(username)
        users[username] = user
    for username in content.BOARD_HEADS:
        make_board_head(users[username])
    return users


def _authors(roster, users):
    """Author rows for the roster, plus one per demo account (linked to it)."""
    ids = {}
    for position, spec in enumerate(roster):
        author = AuthorFactory(name=spec.name, unit=spec.unit)
        if author.is_contributor != spec.is_contributor:
            author.is_contributor = spec.is_contributor
            author.save(update_fields=["is_contributor"])
        ids[position] = author.pk
    for username, first, last, _su, _group, unit in content.USERS:
        author = AuthorFactory(name=f"{last} {first}", unit=unit)
        if author.user_id is None:
            author.user = users[username]
            author.is_contributor = unit.startswith("Cộng tác viên")
            author.save(update_fields=["user", "is_contributor"])
    return ids


# --- site, sections and furniture ------------------------------------------


def _site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site and site.site_name != content.SITE_FOOTER["portal_name"]:
        site.site_name = content.SITE_FOOTER["portal_name"]
        site.save(update_fields=["site_name"])
    return site


def _sections(home):
    news_index = NewsIndexPage.objects.child_of(home).filter(slug=NEWS_INDEX_SLUG).first()
    if news_index is None:
        news_index = NewsIndexPageFactory(parent=home, title="Tin tức", slug=NEWS_INDEX_SLUG)
    children = {page.slug: page for page in NewsCategoryPage.objects.child_of(news_index)}
    categories = {}
    for position, (title, is_archive, intro) in enumerate(content.CATEGORIES):
        page = children.get(slugify_vi(title))
        if page is None:
            page = NewsCategoryPageFactory(
                parent=news_index, title=title, is_archive=is_archive, intro=f"<p>{intro}</p>"
            )
        categories[position] = page
    return news_index, categories


def _pictures(seed, keys, admin, report, progress=False, workers=None):
    """The wagtail images of the given event photos (``specs.pictures_of``): found
    again by their title in the demo collection, the missing ones created."""
    Image = get_image_model()
    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
    existing = {image.title: image for image in Image.objects.filter(collection=collection)}
    pictures = [specs.picture(seed, key) for key in keys]
    # In event order: the photos of one event share their backdrop (images._banner).
    todo = sorted(
        (picture for picture in pictures if picture.title not in existing), key=lambda p: p.key
    )
    bar = tqdm(total=len(todo), unit=" ảnh", desc="Tạo ảnh", disable=not progress or not todo)
    try:
        for start in range(0, len(todo), IMAGE_BATCH):
            batch = todo[start : start + IMAGE_BATCH]
            created = _create_images(batch, _render_all(batch, seed, workers), collection, admin)
            existing.update((image.title, image) for image in created)
            report.images_created += len(created)
            bar.update(len(created))
    finally:
        bar.close()
    return {picture.key: existing[picture.title] for picture in pictures}


IMAGE_BATCH = 200


def _render_one(args):
    picture, seed = args
    return images.render(picture, seed)


def _render_all(pictures, seed, workers=None) -> list[bytes]:
    """JPEG bytes of each picture; drawn in forked processes when there are many
    (drawing touches no database, so it may run inside the load's transaction)."""
    workers = default_workers() if workers is None else workers
    jobs = [(picture, seed) for picture in pictures]
    if workers > 1 and len(jobs) >= 64:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_render_one, jobs, chunksize=16)
    return [_render_one(job) for job in jobs]


def _create_images(pictures, data, collection, admin):
    """Images as the admin's upload leaves them (file in storage, size, dimensions,
    hash, the "dữ liệu mẫu" tag, both search indexes' entries and the reference
    index) in a few statements per batch instead of a save and two tasks each."""
    Image = get_image_model()
    storage = Image._meta.get_field("file").storage
    rows = []
    for picture, jpeg in zip(pictures, data, strict=True):
        image = Image(
            title=picture.title,
            collection=collection,
            uploaded_by_user=admin,
            description=picture.description,
            width=images.WIDTH,
            height=images.HEIGHT,
            file_size=len(jpeg),
            file_hash=hash_filelike(io.BytesIO(jpeg)),
        )
        name = f"demo-{slugify_vi(picture.key[0])[:60]}-{picture.key[1] + 1}.jpg"
        image.file.name = storage.save(image.get_upload_to(name), ContentFile(jpeg))
        rows.append(image)
    rows = Image.objects.bulk_create(rows)
    if rows and rows[0].pk is None:  # a database that does not return ids
        titles = [image.title for image in rows]
        rows = list(Image.objects.filter(collection=collection, title__in=titles))
    tag, _created = Tag.objects.get_or_create(name=DEMO_IMAGE_TAG)
    content_type = ContentType.objects.get_for_model(Image)
    TaggedItem.objects.bulk_create(
        TaggedItem(tag=tag, content_type=content_type, object_id=image.pk) for image in rows
    )
    # The index documents read each image's tags: fetched once for the batch.
    rows = list(
        Image.objects.filter(pk__in=[image.pk for image in rows])
        .select_related("collection")
        .prefetch_related("tags")
        .order_by("pk")
    )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(Image, rows)
    for image in rows:
        ReferenceIndex.create_or_update_for_object(image)
    return rows


def _site_settings(site):
    settings = SiteSettings.for_site(site)
    changed = [
        name for name, value in content.SITE_FOOTER.items() if getattr(settings, name) != value
    ]
    for name in changed:
        setattr(settings, name, content.SITE_FOOTER[name])
    if changed or settings.pk is None:
        settings.save()
    if not RelatedAgencyLink.objects.filter(settings=settings).exists():
        RelatedAgencyLink.objects.bulk_create(
            RelatedAgencyLink(settings=settings, name=name, url=url, sort_order=order)
            for order, (name, url) in enumerate(content.RELATED_AGENCIES)
        )


def _home_furniture(home, news_index, categories, banners):
    """Banners ((title, category page, image, alt) of events: specs.banner_specs) and quick
    links, published through a revision like an editor would."""
    _retire_quick_links(home)
    if (
        HomeBanner.objects.filter(page=home).exists()
        or HomeQuickLink.objects.filter(page=home).exists()
    ):
        return
    home.banners = [
        HomeBanner(title=title, image=image, alt=alt, link_page=category, sort_order=order)
        for order, (title, category, image, alt) in enumerate(banners)
    ]
    by_title = {page.title: page for page in categories.values()}
    home.quick_links = [
        HomeQuickLink(
            title=title, link_page=by_title[target] if target else news_index, sort_order=order
        )
        for order, (title, target) in enumerate(content.QUICK_LINKS)
    ]
    home.save_revision().publish()


def _retire_quick_links(home):
    """Remove the quick links earlier demo data pointed at the wrong section."""
    stale = [
        link.pk
        for link in HomeQuickLink.objects.filter(page=home)
        if (link.title, link.link_url) in content.RETIRED_QUICK_LINKS
    ]
    if stale:
        home.quick_links = [link for link in home.quick_links.all() if link.pk not in stale]
        home.save_revision().publish()


def _missing_galleries(gallery_list, categories):
    existing = set(GalleryPage.objects.values_list("path", "slug"))
    existing = {(path[: -GalleryPage.steplen], slug) for path, slug in existing}
    return [
        spec for spec in gallery_list if (categories[spec.category].path, spec.slug) not in existing
    ]


def _galleries(gallery_list, categories, pool):
    """The galleries of ``_missing_galleries``: each one event's photos."""
    created = 0
    for spec in gallery_list:
        photos = [
            GalleryPhoto(image=pool[key], alt=alt, caption=caption, photographer=photographer)
            for key, alt, caption, photographer in spec.photos
        ]
        GalleryPageFactory(
            parent=categories[spec.category],
            title=spec.title,
            slug=spec.slug,
            intro=spec.intro,
            event_date=spec.event_date,
            photos=photos,
            published_at=spec.published_at,
        )
        created += 1
    return created
