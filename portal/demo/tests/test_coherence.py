"""A demo portal a reader can trust: every article, photo and tag agrees with the one
event it is about, and the people, sessions and dates agree with each other."""

import datetime
import itertools
import re
import time

import pytest
from django.utils import timezone

from portal.demo import calendar, cast, services, specs
from portal.demo.calendar import Kind
from portal.news.models import ArticlePage, GalleryPage

SEED = 2019
OPTIONS = {"articles": 300, "galleries": 4, "image_pool": 3, "batch_size": 100}
DISTRICT_NAMES = [place.name for place in map(calendar.places().get, calendar.district_codes())]


@pytest.fixture
def portal(db):
    services.demo_load(seed=SEED, **OPTIONS)
    heads = specs.article_specs(SEED, OPTIONS["articles"], OPTIONS["image_pool"], full=False)
    by_key = {head.translation_key: head for head in heads}
    articles = list(
        ArticlePage.objects.select_related("featured_image", "admin_unit").prefetch_related("tags")
    )
    assert len(articles) == OPTIONS["articles"]
    return [
        (article, calendar.event(SEED, by_key[article.translation_key].event_key))
        for article in articles
    ]


def _text(article) -> str:
    chunks = [article.title, article.lead, article.featured_image_caption]
    for block in article.body:
        if block.block_type == "paragraph":
            chunks.append(str(block.value))
        elif block.block_type == "quote":
            chunks.append(block.value["attribution"])
        elif block.block_type == "image":
            chunks.append(block.value["caption"])
    return " ".join(chunks)


def _council_sessions(text) -> set[int]:
    """Numbers of the council's sessions a text names (not the National Assembly's)."""
    text = re.sub(r"kỳ họp thứ \d+,? Quốc hội", "", text, flags=re.IGNORECASE)
    return {int(n) for n in re.findall(r"[Kk]ỳ họp thứ (\d+)", text)}


def _local(day_time) -> datetime.date:
    return timezone.localtime(day_time, specs.TZ).date()


@pytest.mark.django_db
def test_titles_are_distinct(portal):
    titles = [article.title for article, _event in portal]
    assert len(set(titles)) == len(titles)
    galleries = list(GalleryPage.objects.values_list("title", flat=True))
    assert len(set(galleries)) == len(galleries) == OPTIONS["galleries"]


@pytest.mark.django_db
def test_articles_are_dated_by_their_event(portal):
    for article, event in portal:
        assert event.start <= article.event_date <= event.end, article.title
        published = _local(article.first_published_at)
        assert article.event_date <= published, article.title
        assert published <= event.end + datetime.timedelta(days=specs.MAX_DELAY_DAYS)


@pytest.mark.django_db
def test_articles_show_the_pictures_and_tags_of_their_event(portal):
    writer = specs.writer(SEED)
    for article, event in portal:
        text_on_photos = "Chữ trên ảnh: " + " / ".join(event.banner)
        images = [article.featured_image] if article.featured_image else []
        images += [b.value["image"] for b in article.body if b.block_type == "image"]
        for image in images:
            assert image.title.startswith(f"{event.title} - ảnh "), (article.title, image.title)
            assert image.description.endswith(text_on_photos)
        if article.featured_image:
            variant = int(article.featured_image.title.rsplit(" ", 1)[1]) - 1
            assert article.featured_image_caption == writer.picture(event, variant).caption
        topics = {tag.name for tag in article.tags.all()}
        assert set(calendar.KIND_TOPICS[event.kind]) <= topics <= set(event.topics)
        assert article.admin_unit.code == event.unit


@pytest.mark.django_db
def test_articles_name_only_their_session_and_their_district(portal):
    for article, event in portal:
        text = f"{article.title} {article.lead}"
        own = {event.number if event.kind == Kind.SESSION else event.session} - {None}
        assert _council_sessions(text) <= own, article.title
        district = calendar.district_of(event.unit)
        if district is not None and event.kind not in (Kind.BRIEFING, Kind.RECEPTION):
            named = {
                name
                for name in DISTRICT_NAMES
                if re.search(rf"(huyện|thành phố|\() ?{name}\b", text)
            }
            assert named <= {district.name}, article.title


@pytest.mark.django_db
def test_people_hold_the_posts_they_are_named_with(portal):
    people = cast.term_cast(SEED)
    name = r"([A-ZĐ]\w* [A-ZĐ]\w* [A-ZĐ]\w*)"
    chairs = set()
    for article, event in portal:
        text = _text(article)
        for found in re.finditer(name + r", (Phó )?Chủ tịch HĐND tỉnh", text):
            role = "pho-chu-tich" if found.group(2) else "chu-tich"
            holders = {p.name for day in event.days for p in people.holders(role, day)}
            assert found.group(1) in holders, (article.title, found.group(0))
            if role == "chu-tich":
                chairs.add(found.group(1))
    assert 1 <= len(chairs) <= len([p for p in people.posts if p.role == "chu-tich"])


@pytest.mark.django_db
def test_articles_about_a_session_follow_the_order_of_sessions(portal):
    openings = {}
    for article, event in portal:
        if event.kind == Kind.SESSION:
            assert _council_sessions(article.title) <= {event.number}
            openings.setdefault(event.number, set()).add(event.start)
    assert all(len(days) == 1 for days in openings.values())
    numbers = sorted(openings)
    assert [min(openings[n]) for n in numbers] == sorted(min(openings[n]) for n in numbers)


@pytest.mark.django_db
def test_galleries_show_one_event(portal):
    gallery_specs = specs.gallery_specs(SEED, OPTIONS["galleries"], OPTIONS["image_pool"])
    for spec in gallery_specs:
        event = calendar.event(SEED, spec.event_key)
        gallery = GalleryPage.objects.get(slug=spec.slug)
        assert event.start <= gallery.event_date <= event.end
        assert event.title in gallery.title
        published = _local(gallery.first_published_at)
        assert gallery.event_date <= published <= event.end + datetime.timedelta(days=3)
        photos = list(gallery.photos.select_related("image"))
        assert len(photos) >= specs.GALLERY_PHOTOS[0]
        assert len({photo.image_id for photo in photos}) == len(photos)
        for photo in photos:
            assert photo.image.title.startswith(f"{event.title} - ảnh ")
            assert " / ".join(event.banner) in photo.image.description


def test_cast_has_one_holder_per_seat_at_a_time():
    people = cast.term_cast(SEED)
    roles = cast.roles()
    changes = sorted(
        {post.start for post in people.posts}
        | {post.end + datetime.timedelta(days=1) for post in people.posts if post.end}
    )
    for day in changes:
        for key, role in roles.items():
            holders = people.holders(key, day)
            assert len(holders) <= role.seats, (key, day)
            assert len({p.key for p in holders}) == len(holders)
    chairs = [post for post in people.posts if post.role == "chu-tich"]
    assert len(chairs) == 2 and chairs[0].end + datetime.timedelta(days=1) == chairs[1].start


def test_sessions_are_numbered_in_the_order_of_their_dates():
    sessions = calendar.sessions(SEED)
    assert [s.number for s in sessions] == list(range(1, len(sessions) + 1))
    assert all(a.end < b.start for a, b in itertools.pairwise(sessions))


def test_a_hundred_thousand_heads_have_distinct_titles():
    started = time.perf_counter()
    heads = specs.article_specs(SEED, 100_000, full=False)
    elapsed = time.perf_counter() - started
    print(f"100.000 tin bài (phần đầu): {elapsed:.1f} giây")
    titles = [head.title for head in heads]
    assert len(set(titles)) == len(titles)
