"""Deterministic descriptions of the demo content, computed before anything is written.

Article ``i`` depends only on the seed and ``i`` (its own ``random.Random``), so
``--articles 2000`` describes the same first 1,200 articles as ``--articles 1200``
and topping up adds exactly the missing ones. Slugs are made unique within a
category in index order, so they are stable too.
"""

import dataclasses
import datetime
import itertools
import random
import uuid
from dataclasses import dataclass, field
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from portal.core.admin_units_loader import read_fixture
from portal.core.text import slugify_vi

from . import content

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
FIRST_DAY = datetime.date(2018, 1, 1)
LAST_DAY = datetime.date(2020, 12, 31)
SPAN_DAYS = (LAST_DAY - FIRST_DAY).days + 1
SLUG_LENGTH = 80
IMAGE_POOL_SIZE = 60
STAFF_AUTHORS = 24
CONTRIBUTOR_AUTHORS = 16


@dataclass(frozen=True)
class AuthorSpec:
    name: str
    unit: str
    is_contributor: bool


@dataclass
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
    # ("paragraph", text) | ("image", pool index, alt, caption, photographer) | ("quote", text, by)
    blocks: list = field(default_factory=list)
    block_ids: list = field(default_factory=list)
    featured_image: int | None = None
    featured_alt: str = ""
    featured_caption: str = ""
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
    photos: list = field(default_factory=list)  # (pool index, alt, caption, photographer)


@cache
def _units():
    rows = read_fixture()
    districts = {r["code"]: r for r in rows if r.get("parent") == "06"}
    communes = [r for r in rows if r.get("parent") in districts]
    return districts, communes


def person_name(rng: random.Random) -> str:
    middle = rng.choice(content.MIDDLE_NAMES)
    return f"{rng.choice(content.FAMILY_NAMES)} {middle} {rng.choice(content.GIVEN_NAMES)}"


def author_roster(seed: int) -> list[AuthorSpec]:
    """Bylines: staff of the Office and contributors (CTV) from the districts."""
    rng = random.Random(f"{seed}:authors")
    roster, seen = [], set()
    while len(roster) < STAFF_AUTHORS + CONTRIBUTOR_AUTHORS:
        contributor = len(roster) >= STAFF_AUTHORS
        if contributor:
            _code, district = rng.choice(content.DISTRICTS)
            unit = f"Cộng tác viên - {district}"
        else:
            unit = content.STAFF_UNIT
        name = person_name(rng)
        if (name, unit) in seen:
            continue
        seen.add((name, unit))
        roster.append(AuthorSpec(name=name, unit=unit, is_contributor=contributor))
    return roster


def _place(rng: random.Random) -> dict:
    districts, communes = _units()
    commune = rng.choice(communes)
    district = districts[commune["parent"]]
    district_label = dict(content.DISTRICTS)[district["code"]]
    return {
        "commune_row": commune,
        "district_row": district,
        "commune": commune["name"],
        "district": district_label,
        "district_short": district["name"],
    }


class _Values(dict):
    """Template values drawn from the article's own generator the first time a
    template asks for them: a title costs only the draws it uses, and the same
    index always draws the same values in the same order."""

    def __init__(self, rng: random.Random, day: datetime.date):
        super().__init__(
            year=day.year,
            month=day.month,
            quarter=(day.month - 1) // 3 + 1,
            day=f"{day:%d/%m/%Y}",
            term=content.TERM,
        )
        self.rng = rng

    def __missing__(self, key):
        rng = self.rng
        if key in ("commune", "district", "district_short", "commune_row", "district_row"):
            self.update(_place(rng))
        elif key in ("session", "session_lower"):
            session = rng.choice(content.SESSIONS)
            self.update(session=session, session_lower=session[0].lower() + session[1:])
        elif key == "actor":
            self["actor"] = rng.choice(
                [
                    "Thường trực HĐND tỉnh",
                    f"{self['committee']} HĐND tỉnh",
                    "Đoàn ĐBQH tỉnh",
                    f"Thường trực HĐND {self['district']}",
                ]
            )
        elif key in _SIMPLE_CHOICES:
            self[key] = rng.choice(_SIMPLE_CHOICES[key])
        elif key == "person":
            self[key] = person_name(rng)
        elif key == "count":
            self[key] = rng.randint(12, 36)
        elif key == "count_delegates":
            self[key] = rng.randint(45, 52)
        else:
            raise KeyError(key)
        return self[key]


_SIMPLE_CHOICES = {
    "committee": content.COMMITTEES,
    "agency": content.AGENCIES,
    "subject": content.SUBJECTS,
    "subject_short": content.SUBJECTS_SHORT,
    "activity": content.ACTIVITIES,
    "position": content.POSITIONS,
    "season": content.SEASONS,
    "event": ["kỳ họp", "buổi làm việc", "hội nghị tiếp xúc cử tri"],
}


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


DEMO_NAMESPACE = uuid.UUID("6f1c3a52-8d0e-4b7f-9a3e-2c5d1e0b7a41")


def article_key(seed: int, index: int) -> uuid.UUID:
    """Stable identity of demo article ``index`` (its page's ``translation_key``)."""
    return uuid.uuid5(DEMO_NAMESPACE, f"article:{seed}:{index}")


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _moment(rng: random.Random) -> datetime.datetime:
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange(SPAN_DAYS))
    return datetime.datetime(
        day.year, day.month, day.day, rng.randint(7, 20), rng.randrange(60), tzinfo=TZ
    )


_GENRE_NAMES = [name for name, _weight in content.GENRES]
_GENRE_CUM_WEIGHTS = list(itertools.accumulate(weight for _name, weight in content.GENRES))


def _choose_genre(rng: random.Random) -> str:
    return rng.choices(_GENRE_NAMES, cum_weights=_GENRE_CUM_WEIGHTS)[0]


def _title(rng, genre, category, values) -> str:
    if genre == "Trả lời bạn đọc":
        template = rng.choice(content.READER_TITLES)
    elif genre == "Ảnh / Phóng sự ảnh":
        template = rng.choice(content.PHOTO_TITLES)
    elif genre == "Phỏng vấn":
        template = rng.choice(content.INTERVIEW_TITLES)
    elif genre == "Bình luận, chuyên luận":
        template = rng.choice(content.OPINION_TITLES)
    else:
        template = rng.choice(content.TITLES[category])
    return _sentence_case(template.format_map(values))


def _category_for(rng, genre) -> int:
    if genre == "Bình luận, chuyên luận":
        return 6
    if genre == "Trả lời bạn đọc":
        return rng.choice([0, 2])
    return rng.randrange(len(content.CATEGORIES))


def _image_block(rng, pool_size, values):
    caption = _sentence_case(rng.choice(content.PHOTO_CAPTIONS).format_map(values))
    photographer = person_name(rng)
    alt = f"Ảnh: {caption.rstrip('.')}"
    return ("image", rng.randrange(pool_size), alt, caption, photographer)


def article_spec(
    seed: int, index: int, pool_size: int = IMAGE_POOL_SIZE, full: bool = True
) -> ArticleSpec:
    """Article ``index`` (without its final, de-duplicated slug).

    With ``full=False`` only what identifies it (category, title, dates, genre):
    cheap enough to compute for 100,000 articles on every run.
    """
    rng = random.Random(f"{seed}:article:{index}")
    published_at = _moment(rng)
    event_date = published_at.date() - datetime.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
    genre = _choose_genre(rng)
    category = _category_for(rng, genre)
    values = _Values(rng, event_date)
    title = _title(rng, genre, category, values)
    head = ArticleSpec(
        index=index,
        category=category,
        genre=genre,
        title=title,
        slug="",
        lead="",
        published_at=published_at,
        event_date=event_date,
        translation_key=article_key(seed, index),
    )
    if not full:
        return head
    lead = rng.choice(content.LEADS).format_map(values)

    blocks = []
    paragraphs = rng.sample(content.PARAGRAPHS, k=rng.randint(3, 6))
    photo_story = genre == "Ảnh / Phóng sự ảnh"
    for position, template in enumerate(paragraphs):
        blocks.append(("paragraph", template.format_map(values)))
        if photo_story or (position == 1 and rng.random() < 0.35):
            blocks.append(_image_block(rng, pool_size, values))
        if position == 2 and rng.random() < 0.3:
            blocks.append(
                ("quote", rng.choice(content.QUOTES), f"{values['person']}, {values['position']}")
            )

    featured = featured_alt = featured_caption = None
    if photo_story or rng.random() < 0.85:
        featured = rng.randrange(pool_size)
        featured_caption = _sentence_case(rng.choice(content.PHOTO_CAPTIONS).format_map(values))
        featured_alt = f"Ảnh minh họa: {title}"[:255]

    roster_size = STAFF_AUTHORS + CONTRIBUTOR_AUTHORS
    if category in (4, 5) and rng.random() < 0.6:
        first = STAFF_AUTHORS + rng.randrange(CONTRIBUTOR_AUTHORS)
    else:
        first = rng.randrange(roster_size)
    authors = [first]
    if rng.random() < 0.25:
        second = rng.randrange(roster_size)
        if second != first:
            authors.append(second)

    if category == 5:
        unit_code = values["commune_row"]["code"]
    elif category == 4 or rng.random() < 0.5:
        unit_code = values["district_row"]["code"]
    else:
        unit_code = "06"

    return dataclasses.replace(
        head,
        lead=lead,
        blocks=blocks,
        block_ids=[str(_uuid(rng)) for _block in blocks],
        featured_image=featured,
        featured_alt=featured_alt or "",
        featured_caption=featured_caption or "",
        authors=tuple(authors),
        topics=tuple(rng.sample(content.TOPICS, k=rng.randint(1, 3))),
        unit_code=unit_code,
    )


@lru_cache(maxsize=65536)
def _slug_base(title: str) -> str:
    return slugify_vi(title, max_length=SLUG_LENGTH) or "tin-bai"


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
    used = {}
    specs = []
    for index in range(count):
        spec = article_spec(seed, index, pool_size, full=full)
        spec.slug = _unique_slug(used, spec.category, spec.title)
        specs.append(spec)
    return specs


def complete(head: ArticleSpec, seed: int, pool_size: int = IMAGE_POOL_SIZE) -> ArticleSpec:
    """The full description of an article known by its head (``full=False``)."""
    spec = article_spec(seed, head.index, pool_size)
    spec.slug = head.slug
    return spec


def gallery_specs(seed: int, count: int, pool_size: int = IMAGE_POOL_SIZE):
    used, specs = {}, []
    for index in range(count):
        rng = random.Random(f"{seed}:gallery:{index}")
        published_at = _moment(rng)
        values = _Values(rng, published_at.date())
        category = rng.choice([0, 1, 3])
        title = _sentence_case(rng.choice(content.GALLERY_TITLES).format_map(values))
        photos = [_image_block(rng, pool_size, values)[1:] for _photo in range(rng.randint(5, 10))]
        specs.append(
            GallerySpec(
                index=index,
                category=category,
                title=title,
                slug=_unique_slug(used, category, title),
                intro=rng.choice(content.LEADS).format_map(values),
                event_date=published_at.date(),
                published_at=published_at,
                photos=photos,
            )
        )
    return specs
