"""Builds the demo portal of HĐND tỉnh Bắc Kạn, khóa IX (2016-2021).

``demo_load`` is idempotent: every object is found by a stable key (usernames,
names, slugs under their parent, image titles) before it is created, so a second
run with the same options changes nothing, and ``articles=N`` only adds the
articles 0..N-1 that are still missing. Small objects go through the factories
the tests use; articles go through :mod:`portal.demo.bulk`.
"""

import io
import os
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import connection, transaction
from tqdm import tqdm
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from portal.core.admin_units_loader import load_administrative_units
from portal.core.factories import AuthorFactory
from portal.core.models import AdministrativeUnit, RelatedAgencyLink, SiteSettings
from portal.core.text import slugify_vi
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

from . import bulk, content, images, specs

DEFAULT_SEED = 2019
DEFAULT_ARTICLES = 1200
DEFAULT_GALLERIES = 24
DEFAULT_ADMIN_PASSWORD = "hdnd-backan-2019"
ADMIN_USERNAME = "admin"
COLLECTION_NAME = "Ảnh minh họa (dữ liệu mẫu)"
NEWS_INDEX_SLUG = "tin-tuc"


@dataclass
class DemoReport:
    articles_created: int = 0
    articles_total: int = 0
    galleries_created: int = 0
    images_created: int = 0
    users_created: list = field(default_factory=list)
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
        pool = _image_pool(image_pool, seed, admin, report)
        _site_settings(site)
        _home_furniture(home, news_index, categories, pool)
    report.galleries_created = _galleries(seed, galleries, categories, pool)

    heads = specs.article_specs(seed, articles, pool_size=image_pool, full=False)
    existing = set(ArticlePage.objects.values_list("translation_key", flat=True))
    missing = [head for head in heads if head.translation_key not in existing]
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
    if missing:
        _refresh_planner_statistics()
    if missing or report.galleries_created:
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


def _image_pool(size, seed, admin, report):
    Image = get_image_model()
    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
    existing = {image.title: image for image in Image.objects.filter(collection=collection)}
    pool = {}
    for index in range(size):
        data, title, label = images.render(index, seed)
        image = existing.get(title)
        if image is None:
            image = Image(
                title=title,
                collection=collection,
                uploaded_by_user=admin,
                description=f"{label} (ảnh tạo tự động cho dữ liệu mẫu)",
            )
            image.file = ImageFile(_bytes_file(data), name=f"demo-{index + 1:02d}.jpg")
            image.file_size = len(data)
            image.save()
            image.tags.add("dữ liệu mẫu")
            report.images_created += 1
        pool[index] = image
    return pool


def _bytes_file(data):
    return io.BytesIO(data)


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


def _home_furniture(home, news_index, categories, pool):
    """Banners and quick links, published through a revision like an editor would."""
    _retire_quick_links(home)
    if (
        HomeBanner.objects.filter(page=home).exists()
        or HomeQuickLink.objects.filter(page=home).exists()
    ):
        return
    home.banners = [
        HomeBanner(
            title=title,
            image=pool.get(order * 3) if pool else None,
            alt=title,
            link_page=categories[category],
            sort_order=order,
        )
        for order, (title, category) in enumerate(content.BANNERS)
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


def _galleries(seed, count, categories, pool):
    existing = set(GalleryPage.objects.values_list("path", "slug"))
    existing = {(path[: -GalleryPage.steplen], slug) for path, slug in existing}
    created = 0
    for spec in specs.gallery_specs(seed, count, pool_size=len(pool) or 1):
        category = categories[spec.category]
        if (category.path, spec.slug) in existing or not pool:
            continue
        photos = [
            GalleryPhoto(image=pool[index], alt=alt, caption=caption, photographer=photographer)
            for index, alt, caption, photographer in spec.photos
        ]
        GalleryPageFactory(
            parent=category,
            title=spec.title,
            slug=spec.slug,
            intro=spec.intro,
            event_date=spec.event_date,
            photos=photos,
            published_at=spec.published_at,
        )
        created += 1
    return created
