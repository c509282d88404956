"""Deterministic descriptions of the demo content, computed before anything is written.

Every article is written about one event of the term's calendar
(:mod:`portal.demo.calendar`) from one angle (:mod:`portal.demo.stories`):
article ``i`` takes its genre from its own generator, an angle of that genre, an
event the angle has something left to say about, and the next detail of that
(event, angle) — the next resolution, delegate group, voter... — so that titles
never repeat. Its event date is a day of the event, its publication a few days
after at most, its picture one of the event's photos, its tags the event's
topics, its place the event's administrative unit.

The choice of article ``i`` depends on the seed and on articles 0..i-1 only, so
``--articles 2000`` describes the same first 1,200 articles as ``--articles 1200``
and topping up adds exactly the missing ones. A head (``full=False``: what
identifies an article, plus its pictures) costs well under a millisecond, so
100,000 of them are computed on every run (in seconds); :func:`complete` writes
the rest from the head, in the bulk path's workers.
Slugs are made unique within a category in index order, so they are stable too.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import random
import uuid
from dataclasses import dataclass, field
from functools import cache
from zoneinfo import ZoneInfo

from portal.core.text import slugify_vi

from . import calendar, cast, content, stories
from .calendar import Kind

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
FIRST_DAY = datetime.date(2018, 1, 15)  # the day of the portal's licence (content.SITE_FOOTER)
LAST_DAY = datetime.date(2020, 12, 31)
MAX_DELAY_DAYS = 3  # an article is published on its event's day or at most this many days after
SLUG_LENGTH = 80
IMAGE_POOL_SIZE = 3  # photos of each event that articles use (a gallery shows more)
GALLERY_PHOTOS = (5, 7)
STAFF_AUTHORS = 24
CONTRIBUTOR_AUTHORS = 16

# Days between the event day written about and the publication, by genre.
DELAYS = {
    stories.TIN: (0, 0, 0, 1, 1, 2),
    stories.BAI: (0, 1, 1, 2, 3),
    stories.ANH: (0, 0, 1),
    stories.TRA_LOI: (1, 2, 3),
    stories.PHONG_VAN: (1, 2, 3),
    stories.BINH_LUAN: (1, 2, 3),
}


@dataclass(frozen=True)
class AuthorSpec:
    name: str
    unit: str
    is_contributor: bool


@dataclass(slots=True)
class ArticleSpec:
    index: int
    category: int  # position in content.CATEGORIES
    genre: str
    title: str
    slug: str
    lead: str
    published_at: datetime.datetime
    event_date: datetime.date
    translation_key: uuid.UUID  # the stable key: article_key(seed, index)
    event_key: str = ""  # the event written about (calendar.Event.key)
    angle: str = ""  # stories.Angle.key
    detail: int = 0  # which of the angle's details of the event
    # ("paragraph", text) | ("image", picture key, alt, caption, photographer) | ("quote", text, by)
    blocks: list = field(default_factory=list)
    block_ids: list = field(default_factory=list)
    featured_image: tuple | None = None  # picture key: (event key, variant)
    featured_alt: str = ""
    featured_caption: str = ""
    images: tuple = ()  # picture keys of the body's images
    authors: tuple = ()  # positions in the author roster
    topics: tuple = ()
    unit_code: str | None = None


@dataclass
class GallerySpec:
    index: int
    category: int
    title: str
    slug: str
    intro: str
    event_date: datetime.date
    published_at: datetime.datetime
    event_key: str = ""
    photos: list = field(default_factory=list)  # (picture key, alt, caption, photographer)


@cache
def writer(seed: int) -> stories.Writer:
    return stories.Writer(seed)


def author_roster(seed: int) -> list[AuthorSpec]:
    """Bylines: the Office's staff (cast ``bien-tap-vien``), then two contributors (CTV)
    of each district in the order of content.DISTRICTS."""
    people = cast.term_cast(seed)
    day = LAST_DAY
    roster = [
        AuthorSpec(p.name, content.STAFF_UNIT, False) for p in people.holders("bien-tap-vien", day)
    ]
    for code in calendar.district_codes():
        unit = cast.roles()[f"cong-tac-vien:{code}"].body
        roster += [
            AuthorSpec(p.name, unit, True) for p in people.holders(f"cong-tac-vien:{code}", day)
        ]
    return roster


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


DEMO_NAMESPACE = uuid.UUID("6f1c3a52-8d0e-4b7f-9a3e-2c5d1e0b7a41")


def article_key(seed: int, index: int) -> uuid.UUID:
    """Stable identity of demo article ``index`` (its page's ``translation_key``)."""
    return uuid.uuid5(DEMO_NAMESPACE, f"article:{seed}:{index}")


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _moment(rng: random.Random, day: datetime.date, same_day: bool) -> datetime.datetime:
    hour = rng.randint(11, 20) if same_day else rng.randint(7, 20)
    return datetime.datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=TZ)


_GENRE_NAMES = [name for name, _weight in content.GENRES]
_GENRE_CUM_WEIGHTS = list(itertools.accumulate(weight for _name, weight in content.GENRES))


def window_events(seed: int) -> list:
    """The events the articles are about: those whose articles are all published in
    [FIRST_DAY, LAST_DAY]."""
    last = LAST_DAY - datetime.timedelta(days=MAX_DELAY_DAYS)
    return calendar.events_between(seed, FIRST_DAY, last)


@cache
def _initial_pools(seed: int) -> dict:
    """angle key -> events it has something to say about, in calendar order."""
    w = writer(seed)
    pools = {}
    for angle in stories.ANGLES:
        pools[angle.key] = tuple(
            e for e in window_events(seed) if w.applies(angle, e) and len(w.details(angle, e))
        )
    return pools


class _Pool:
    """A set of events with O(1) random pick and removal, in a deterministic order."""

    __slots__ = ("items", "positions")

    def __init__(self, items=()):
        self.items = list(items)
        self.positions = {event.key: n for n, event in enumerate(self.items)}

    def __len__(self):
        return len(self.items)

    def __contains__(self, event):
        return event.key in self.positions

    def add(self, event):
        if event.key not in self.positions:
            self.positions[event.key] = len(self.items)
            self.items.append(event)

    def remove(self, event):
        position = self.positions.pop(event.key, None)
        if position is None:
            return
        last = self.items.pop()
        if last.key != event.key:
            self.items[position] = last
            self.positions[last.key] = position

    def pick(self, rng):
        return self.items[rng.randrange(len(self.items))]


# How often an article follows up an event the portal has already written about
# (from another angle) rather than a new one: a newsroom covers a session, a
# supervision visit, with several pieces.
FOLLOW_UP = 0.55


class _Planner:
    """Hands out (event, angle, detail) to articles in index order, never the same
    detail twice and never a title already given."""

    def __init__(self, seed: int, pool_size: int):
        self.seed, self.pool_size = seed, max(1, pool_size)
        self.writer = writer(seed)
        self.pools = {key: _Pool(events) for key, events in _initial_pools(seed).items()}
        self.covered = {key: _Pool() for key in self.pools}  # events already written about
        self.angles_of_kind: dict = {}
        for angle in stories.ANGLES:
            for kind in angle.kinds:
                self.angles_of_kind.setdefault(kind, []).append(angle)
        self.written: set = set()
        self.used: dict = {}
        self.titles: set = set()
        self.alive: dict = {}
        for genre, angles in stories.angles_by_genre().items():
            self.alive[genre] = [a for a in angles if self.pools[a.key]]
        self._weights: dict = {}

    def _cum_weights(self, genre):
        found = self._weights.get(genre)
        if found is None:
            found = self._weights[genre] = list(
                itertools.accumulate(a.weight for a in self.alive[genre])
            )
        return found

    def _retire(self, angle, event):
        pool = self.pools[angle.key]
        pool.remove(event)
        self.covered[angle.key].remove(event)
        if not pool:
            self.alive[angle.genre].remove(angle)
            self._weights.pop(angle.genre, None)

    def _written(self, event):
        if event.key in self.written:
            return
        self.written.add(event.key)
        for angle in self.angles_of_kind[event.kind]:
            if event in self.pools[angle.key]:
                self.covered[angle.key].add(event)

    def _genre(self, rng):
        genre = rng.choices(_GENRE_NAMES, cum_weights=_GENRE_CUM_WEIGHTS)[0]
        if self.alive[genre]:
            return genre
        left = [name for name in _GENRE_NAMES if self.alive[name]]
        if not left:
            raise ValueError("the calendar has nothing more to say")
        return left[rng.randrange(len(left))]

    def head(self, index: int) -> ArticleSpec:
        rng = random.Random(f"{self.seed}:article:{index}")
        w = self.writer
        genre = self._genre(rng)
        while True:
            if not self.alive[genre]:
                genre = self._genre(rng)
            angle = rng.choices(self.alive[genre], cum_weights=self._cum_weights(genre))[0]
            covered = self.covered[angle.key]
            if covered and rng.random() < FOLLOW_UP:
                event = covered.pick(rng)
            else:
                event = self.pools[angle.key].pick(rng)
            details = w.details(angle, event)
            slot = (angle.key, event.key)
            k = self.used.get(slot, 0)
            self.used[slot] = k + 1
            if k + 1 >= len(details):
                self._retire(angle, event)
            self._written(event)
            detail = details[k]
            day = detail.get("_day") or w.day_for(angle, event, rng.random())
            title = _sentence_case(angle.title.format_map(w.values(event, day, detail)))
            if title not in self.titles:
                self.titles.add(title)
                break
        delay = rng.choice(DELAYS[genre])
        published = day + datetime.timedelta(days=delay)
        scene = detail.get("_scene", angle.scene) % self.pool_size
        featured = (event.key, scene) if genre == stories.ANH or rng.random() < 0.85 else None
        if genre == stories.ANH:
            count = min(self.pool_size, rng.randint(3, 5))
            images = tuple((event.key, (scene + n) % self.pool_size) for n in range(count))
        elif self.pool_size > 1 and rng.random() < 0.35:
            images = ((event.key, (scene + 1) % self.pool_size),)
        else:
            images = ()
        return ArticleSpec(
            index=index,
            category=angle.category,
            genre=genre,
            title=title,
            slug="",
            lead="",
            published_at=_moment(rng, published, same_day=delay == 0),
            event_date=day,
            translation_key=article_key(self.seed, index),
            event_key=event.key,
            angle=angle.key,
            detail=k,
            featured_image=featured,
            images=images,
        )


@cache
def _word_slug(word: str) -> str:
    return slugify_vi(word)


def _slug_base(title: str) -> str:
    """``slugify_vi(title)``, word by word: titles no longer repeat, but their words do
    (the slug of a text is the slugs of its space-separated words joined by "-")."""
    slug = "-".join(filter(None, map(_word_slug, title.split())))
    if len(slug) > SLUG_LENGTH:  # and cut as slugify_vi cuts it
        slug = slug[:SLUG_LENGTH].rsplit("-", 1)[0] or slug[:SLUG_LENGTH]
    return slug or "tin-bai"


def _unique_slug(used: dict, category: int, title: str) -> str:
    """``base``, then ``base-2``, ``base-3``... within the category."""
    base = _slug_base(title)
    slug, n = base, used.get((category, base, None), 1)
    while (category, slug) in used:
        n += 1
        slug = f"{base}-{n}"
    used[(category, slug)] = True
    used[(category, base, None)] = n
    return slug


def article_specs(seed: int, count: int, pool_size: int = IMAGE_POOL_SIZE, full: bool = True):
    """Articles 0..count-1 with slugs unique per category (in index order)."""
    planner = _Planner(seed, pool_size)
    used = {}
    specs = []
    for index in range(count):
        spec = planner.head(index)
        spec.slug = _unique_slug(used, spec.category, spec.title)
        specs.append(complete(spec, seed, pool_size) if full else spec)
    return specs


def article_spec(
    seed: int, index: int, pool_size: int = IMAGE_POOL_SIZE, full: bool = True
) -> ArticleSpec:
    """Article ``index`` (it depends on the articles before it: they are worked out too)."""
    return article_specs(seed, index + 1, pool_size, full=full)[index]


def _authors(rng, event, category) -> tuple:
    district = calendar.district_of(event.unit)
    local = category in (stories.CAP_HUYEN, stories.CAP_XA) or event.kind in (
        Kind.VOTER_CONTACT,
        Kind.NA_VOTER_CONTACT,
    )
    if district is not None and local and rng.random() < 0.6:
        position = calendar.district_codes().index(district.code)
        first = STAFF_AUTHORS + 2 * position + rng.randrange(2)
    else:
        first = rng.randrange(STAFF_AUTHORS)
    authors = [first]
    if rng.random() < 0.25:
        second = rng.randrange(STAFF_AUTHORS)
        if second != first:
            authors.append(second)
    return tuple(authors)


def complete(head: ArticleSpec, seed: int, pool_size: int = IMAGE_POOL_SIZE) -> ArticleSpec:
    """The full description of an article known by its head (``full=False``)."""
    w = writer(seed)
    event = calendar.event(seed, head.event_key)
    angle = stories.ANGLES_BY_KEY[head.angle]
    detail = w.details(angle, event)[head.detail]
    values = w.values(event, head.event_date, detail)
    rng = random.Random(f"{seed}:article-text:{head.index}")
    lead = _sentence_case(angle.lead.format_map(values))

    own = [p.format_map(values) for p in angle.paragraphs]
    pool = stories.PARAGRAPHS[event.kind]
    picked = sorted(rng.sample(range(len(pool)), k=min(len(pool), rng.randint(2, 4))))
    paragraphs = own + [pool[i].format_map(values) for i in picked]

    pictures = [w.picture(event, variant) for _key, variant in head.images]
    photo_story = head.genre == stories.ANH
    quotes = stories.QUOTES.get(event.kind)
    blocks = []
    for position, text in enumerate(paragraphs):
        blocks.append(("paragraph", text))
        if pictures and (photo_story or position == 0):
            picture = pictures.pop(0)
            blocks.append(
                ("image", picture.key, picture.alt, picture.caption, picture.photographer)
            )
        if position == 1 and quotes and rng.random() < 0.3:
            blocks.append(
                ("quote", rng.choice(quotes), f"{values['leader']}, {values['leader_title']}")
            )
    for picture in pictures:  # photo stories with more photos than paragraphs
        blocks.append(("image", picture.key, picture.alt, picture.caption, picture.photographer))

    featured_alt = featured_caption = ""
    if head.featured_image is not None:
        picture = w.picture(event, head.featured_image[1])
        featured_alt, featured_caption = picture.alt, picture.caption

    return dataclasses.replace(
        head,
        lead=lead,
        blocks=blocks,
        block_ids=[str(_uuid(rng)) for _block in blocks],
        featured_alt=featured_alt,
        featured_caption=featured_caption,
        authors=_authors(rng, event, head.category),
        topics=w.topics(event, detail),
        unit_code=event.unit,
    )


def pictures_of(heads, galleries=(), banners=()) -> list:
    """Every picture key the given articles, galleries and banners show, each once."""
    keys = {}
    for head in heads:
        if head.featured_image is not None:
            keys[head.featured_image] = True
        for key in head.images:
            keys[key] = True
    for gallery in galleries:
        for key, *_rest in gallery.photos:
            keys[key] = True
    for _title, _category, key in banners:
        keys[key] = True
    return list(keys)


def picture(seed: int, key: tuple) -> stories.Picture:
    return writer(seed).picture(calendar.event(seed, key[0]), key[1])


# --- galleries and banners -------------------------------------------------------------

_GALLERY_WEIGHTS = {Kind.SESSION: 8.0, Kind.VOTER_CONTACT: 1.0, Kind.SUPERVISION: 1.0}


def _category_of(kind) -> int:
    return next(angle.category for angle in stories.ANGLES if kind in angle.kinds)


def gallery_specs(seed: int, count: int, pool_size: int = IMAGE_POOL_SIZE):
    """Galleries 0..count-1: each the photos of one event, dated by it."""
    w = writer(seed)
    rng = random.Random(f"{seed}:galleries")
    events = [e for e in window_events(seed) if e.kind in stories.GALLERY_KINDS]
    # A weighted shuffle (sessions first, more often): gallery i depends on the seed only.
    order = sorted(events, key=lambda e: -(rng.random() ** (1 / _GALLERY_WEIGHTS.get(e.kind, 1.5))))
    used, specs = {}, []
    for index, event in enumerate(order[:count]):
        grng = random.Random(f"{seed}:gallery:{index}")
        category = _category_of(event.kind)
        title = f"Thư viện ảnh: {event.title}"
        delay = grng.choice((0, 1, 1, 2))
        published = event.end + datetime.timedelta(days=delay)
        photos = [w.picture(event, variant) for variant in range(grng.randint(*GALLERY_PHOTOS))]
        specs.append(
            GallerySpec(
                index=index,
                category=category,
                title=title,
                slug=_unique_slug(used, category, title),
                intro=(
                    f"Một số hình ảnh tại {event.phrase}, "
                    f"{calendar.date_range(event.start, event.end)}."
                ),
                event_date=event.start,
                published_at=_moment(grng, published, same_day=delay == 0),
                event_key=event.key,
                photos=[(p.key, p.alt, p.caption, p.photographer) for p in photos],
            )
        )
    return specs


def banner_specs(seed: int) -> list:
    """The home page's banners: (title, category, picture key) of the latest regular
    session of the demo, the voter contact before it, the latest briefing."""
    events = window_events(seed)
    session = [e for e in events if e.kind == Kind.SESSION and len(e.days) >= 2][-1]
    label = calendar.session_label(session.number)
    contact = next(
        e
        for e in events
        if e.kind == Kind.VOTER_CONTACT and e.session == session.number and e.stage == "trước"
    )
    briefing = [e for e in events if e.kind == Kind.BRIEFING][-1]
    return [
        (f"{session.title}, nhiệm kỳ 2016-2021", stories.THUONG_TRUC, (session.key, 0)),
        (f"Tiếp xúc cử tri trước {label} HĐND tỉnh", stories.THUONG_TRUC, (contact.key, 0)),
        (briefing.title, stories.THUONG_TRUC, (briefing.key, 0)),
    ]
