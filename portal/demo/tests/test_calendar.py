"""The term's calendar: real kinds of events, in order, on working days, by the seed alone."""

import datetime
import re
from collections import Counter

from portal.demo import calendar, content
from portal.demo.calendar import Kind

SEED = 2019


def test_same_seed_same_calendar_other_seed_other_dates():
    assert calendar.term_calendar(SEED) == calendar.term_calendar(SEED)
    other = calendar.term_calendar(7)
    assert [e.start for e in other] != [e.start for e in calendar.term_calendar(SEED)]


def test_sessions_of_the_term():
    sessions = calendar.sessions(SEED)
    assert 18 <= len(sessions) <= 22
    first = sessions[0]
    assert first.number == 1 and first.start.year == 2016 and first.start.month == 6
    assert first.title == "Kỳ họp thứ nhất HĐND tỉnh khóa IX"
    regular = [s for s in sessions if s.session_type == "thường lệ" and s.number > 1]
    for year in range(2017, 2021):
        months = sorted(s.start.month for s in regular if s.start.year == year)
        assert months == [7, 12], (year, months)
    others = {s.session_type for s in sessions if s not in regular and s.number > 1}
    assert others == {"chuyên đề", "bất thường"}
    for session in sessions:
        assert session.resolutions and len(session.resolutions) == len(session.agenda)
        assert session.banner[1].startswith(calendar.session_label(session.number).upper())
        assert calendar.date_range(session.start, session.end) in session.banner[2]


def test_resolutions_are_numbered_per_year_in_order():
    by_year = {}
    for session in calendar.sessions(SEED):
        for resolution in session.resolutions:
            number = int(resolution.number.split("/")[0])
            by_year.setdefault(resolution.adopted.year, []).append(number)
            if resolution.item.normative:
                assert resolution.number.endswith(f"/{resolution.adopted.year}/NQ-HĐND")
            else:
                assert re.fullmatch(r"\d{2}/NQ-HĐND", resolution.number)
    for numbers in by_year.values():
        assert numbers == list(range(1, len(numbers) + 1))


def test_voter_contact_before_and_after_each_regular_session_in_every_district():
    events = calendar.term_calendar(SEED)
    contacts = Counter(
        (e.session, e.stage, calendar.district_of(e.unit).code)
        for e in events
        if e.kind == Kind.VOTER_CONTACT
    )
    sessions = {s.number: s for s in calendar.sessions(SEED)}
    regular = [n for n, s in sessions.items() if s.items[0] in ("giua-nam", "cuoi-nam")]
    for number in regular:
        for code in calendar.district_codes():
            assert contacts[(number, "trước", code)] == 1
            assert contacts[(number, "sau", code)] == 1
    for event in events:
        if event.kind == Kind.VOTER_CONTACT:
            session = sessions[event.session]
            if event.stage == "trước":
                assert event.end < session.start
            else:
                assert event.start > session.end


def test_supervision_programmes_of_each_committee():
    events = calendar.term_calendar(SEED)
    for key, name in content.COMMITTEES:
        visits = [e for e in events if e.kind == Kind.SUPERVISION and e.committee == key]
        programmes = {e.programme for e in visits}
        assert len(programmes) == 8
        for programme in programmes:
            parts = [e for e in events if e.programme == programme]
            kinds = [e.kind for e in sorted(parts, key=lambda e: e.start)]
            assert kinds[0] == Kind.SUPERVISION_MEETING and kinds[-1] == Kind.SUPERVISION_REPORT
            assert all(e.host == f"{name} HĐND tỉnh" for e in parts)
            subject = calendar.subjects()[parts[0].subjects[0]]
            assert all(subject.applies(e.start) for e in parts)  # no Covid-19 before 2020


def test_every_event_is_sound():
    events = calendar.term_calendar(SEED)
    assert len({e.key for e in events}) == len(events)
    assert len({e.title for e in events}) == len(events)
    places = calendar.places()
    topics = set(content.TOPICS)
    for event in events:
        assert calendar.TERM_FIRST_DAY <= event.start <= event.end <= calendar.TERM_LAST_DAY
        assert all(calendar.is_working_day(day) for day in event.days), event.key
        assert event.unit in places
        assert (
            event.topics[: len(calendar.KIND_TOPICS[event.kind])]
            == (calendar.KIND_TOPICS[event.kind])
        )
        assert set(event.topics) <= topics and len(set(event.topics)) == len(event.topics)
        assert event.banner and event.participants
    kinds = Counter(e.kind for e in events)
    assert set(kinds) == set(Kind)
    assert kinds[Kind.RECEPTION] == kinds[Kind.STANDING_MEETING]  # one of each a month


def test_no_meeting_on_a_holiday():
    days = {day for event in calendar.term_calendar(SEED) for day in event.days}
    assert datetime.date(2019, 9, 2) not in days
    assert not {day for day in days if day.month == 1 and day.day == 1}
    assert not days & {datetime.date(2020, 1, 23) + datetime.timedelta(n) for n in range(7)}
