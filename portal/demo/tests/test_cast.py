"""The cast: fictional people in real posts, one holder per seat, changes at sessions."""

import datetime

from portal.demo import calendar, cast, content

SEED = 2019


def test_same_seed_same_people():
    assert cast.term_cast(SEED).posts == cast.term_cast(SEED).posts
    first, other = cast.term_cast(SEED), cast.term_cast(7)
    assert {p.name for p in first.people.values()} != {p.name for p in other.people.values()}


def test_names_are_distinct_and_not_the_demo_accounts():
    people = cast.term_cast(SEED).people.values()
    names = [p.name for p in people]
    assert len(set(names)) == len(names)
    accounts = {f"{last} {first}" for _u, first, last, *_rest in content.USERS}
    assert not accounts & set(names)
    citizens = {name for name, _female in cast.citizen_names(SEED)}
    assert not citizens & set(names)


def test_posts_change_at_the_sessions_that_fill_them():
    people = cast.term_cast(SEED)
    sessions = calendar.sessions(SEED)
    electing = {role: s for s in sessions[1:] for role in s.elections}
    session = electing["chu-tich"]
    before, after = session.end - datetime.timedelta(days=1), session.end
    assert people.holder("chu-tich", before) != people.holder("chu-tich", after)
    new_chair = people.holder("chu-tich", after)
    assert people.title(new_chair.key, before).startswith("đại biểu HĐND tỉnh")
    assert people.title(new_chair.key, after) == "Chủ tịch HĐND tỉnh"
    session = electing["truong-ban:dan-toc"]
    deputy = people.holder("pho-truong-ban:dan-toc", session.end - datetime.timedelta(days=1))
    assert people.holder("truong-ban:dan-toc", session.end) == deputy
    for role in ("pho-chu-tich", *(f"truong-ban:{k}" for k, _n in content.COMMITTEES[:3])):
        assert len({p.person for p in people.posts if p.role == role}) == cast.roles()[role].seats


def test_the_office_chief_is_the_footers_responsible_person():
    people = cast.term_cast(SEED)
    for day in (calendar.sessions(SEED)[0].start, datetime.date(2020, 12, 31)):
        assert people.holder("chanh-van-phong", day).name == content.OFFICE_CHIEF
    assert content.SITE_FOOTER["responsible_person"].startswith(content.OFFICE_CHIEF)


def test_delegates_by_district_and_attendees_of_events():
    people = cast.term_cast(SEED)
    day = datetime.date(2018, 6, 1)
    total = 0
    for code, seats in content.DELEGATE_SEATS.items():
        group = people.holders(f"dai-bieu:{code}", day)
        assert len(group) == seats
        assert people.holder(f"to-truong:{code}", day) in group
        total += len(group)
    assert total == 50
    contact = next(e for e in calendar.term_calendar(SEED) if e.kind == "tiep-xuc-cu-tri")
    code = calendar.district_of(contact.unit).code
    attendees = people.attendees(contact)
    assert attendees[0] == people.holder(f"to-truong:{code}", contact.start)
    assert all(people.group_of(p.key, contact.start) == code for p in attendees)
    reception = next(e for e in calendar.term_calendar(SEED) if e.kind == "tiep-cong-dan")
    assert len(people.attendees(reception)) == 2  # the one who presides, and the Office's chief
