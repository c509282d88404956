"""The demo content is decided before anything is written, by the seed alone."""

import datetime
import re
from collections import Counter

from portal.core.text import slugify_vi
from portal.demo import content, specs


def _identity(spec_list):
    return [(s.index, s.category, s.title, s.slug, s.published_at, s.event_date) for s in spec_list]


def test_same_seed_gives_the_same_titles_slugs_and_dates():
    first = specs.article_specs(2019, 300)
    again = specs.article_specs(2019, 300)
    assert _identity(first) == _identity(again)
    assert [s.blocks for s in first] == [s.blocks for s in again]
    other = specs.article_specs(7, 300)
    assert _identity(other) != _identity(first)


def test_more_articles_describe_the_same_first_ones():
    assert _identity(specs.article_specs(2019, 500)[:200]) == _identity(
        specs.article_specs(2019, 200)
    )


def test_heads_and_completed_specs_agree():
    heads = specs.article_specs(2019, 120, full=False)
    full = specs.article_specs(2019, 120)
    assert _identity(heads) == _identity(full)
    for head in heads[::17]:
        assert specs.complete(head, 2019) == full[head.index]
    assert len({s.translation_key for s in heads}) == 120
    assert heads[3].translation_key == specs.article_key(2019, 3)


def test_slugs_are_ascii_and_unique_within_a_category():
    all_specs = specs.article_specs(2019, 2000, full=False)
    pairs = [(s.category, s.slug) for s in all_specs]
    assert len(set(pairs)) == len(pairs)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s.slug) for s in all_specs)
    assert all(len(s.slug) <= specs.SLUG_LENGTH + 6 for s in all_specs)


def test_slugs_are_those_slugify_vi_makes():
    for spec in specs.article_specs(2019, 3000, full=False)[::7]:
        assert specs._slug_base(spec.title) == slugify_vi(spec.title, max_length=specs.SLUG_LENGTH)


def test_content_is_dated_across_2018_to_2020_in_vietnam_time():
    all_specs = specs.article_specs(2019, 1200)
    years = Counter(s.published_at.year for s in all_specs)
    assert set(years) == {2018, 2019, 2020}
    assert min(years.values()) > 300
    assert all(s.published_at.utcoffset() == datetime.timedelta(hours=7) for s in all_specs)
    assert all(s.event_date <= s.published_at.date() for s in all_specs)


def test_hundreds_of_articles_of_each_main_genre_in_the_default_portal():
    genres = Counter(s.genre for s in specs.article_specs(2019, 1200, full=False))
    for name in ("Tin", "Bài", "Ảnh / Phóng sự ảnh", "Trả lời bạn đọc"):
        assert genres[name] >= 150, genres
    assert set(genres) <= {name for name, _weight in content.GENRES}


def test_articles_are_vietnamese_and_about_real_places():
    all_specs = specs.article_specs(2019, 400)
    titles = " ".join(s.title for s in all_specs)
    for expected in ("HĐND", "cử tri", "Kỳ họp thứ", "giám sát"):
        assert expected.lower() in titles.lower()
    districts = {name for _code, name in content.DISTRICTS}
    assert any(any(d in s.lead or d in s.title for d in districts) for s in all_specs)
    photo_stories = [s for s in all_specs if s.genre == "Ảnh / Phóng sự ảnh"]
    assert photo_stories and all(s.featured_image is not None for s in photo_stories)
    assert all(any(b[0] == "image" for b in s.blocks) for s in photo_stories)
    assert any(b[0] == "quote" for s in all_specs for b in s.blocks)
    # District-level news is about a district, commune-level news about a commune.
    assert {s.unit_code[:4] for s in all_specs if s.category == 5} == {"DEMO"}
    assert all(len(s.unit_code) == 3 for s in all_specs if s.category == 4)


def test_author_roster_is_stable_and_has_contributors():
    roster = specs.author_roster(2019)
    assert roster == specs.author_roster(2019)
    assert len({(a.name, a.unit) for a in roster}) == len(roster)
    assert any(a.is_contributor for a in roster)
    assert any(not a.is_contributor for a in roster)


def test_galleries_are_deterministic():
    first = specs.gallery_specs(2019, 6)
    assert [(g.title, g.slug, g.photos) for g in first] == [
        (g.title, g.slug, g.photos) for g in specs.gallery_specs(2019, 6)
    ]
    assert all(len(g.photos) >= 5 for g in first)
