"""The calendar of the demo term: HĐND tỉnh Bắc Kạn khóa IX (2016-2021).

Everything the council did that the portal reports on is an :class:`Event`, one
of the kinds of :class:`Kind`:

- sessions (kỳ họp) numbered in one sequence that increases with their dates:
  the first session in June 2016, two regular sessions a year (mid-year in July,
  year-end in December) and thematic or extraordinary ones between them,
  nineteen in the term (in 2019 the 11th to the 14th, the 13th extraordinary);
  each with its agenda and the resolutions it adopted
  (numbered per year, ``12/2019/NQ-HĐND`` for normative ones, ``45/NQ-HĐND``
  for the others), the agencies questioned (chất vấn) and the posts it filled;
- the committees' reviews of the drafts a week before each session (thẩm tra);
- the Standing Committee's monthly meeting (phiên họp Thường trực), its
  quarterly briefing with the district councils (giao ban) and its monthly
  citizen reception (tiếp công dân);
- voter contact (tiếp xúc cử tri) before and after every regular session in each
  of the eight districts, by the delegates elected there;
- supervision programmes (giám sát) of the four committees and of the Standing
  Committee: a meeting with the agency in charge, visits to districts, a
  meeting that adopts the report;
- trainings (tập huấn), the Office's yearly conference, the National Assembly
  delegation's voter contact and bill consultations, and the regular sessions
  of the district and commune councils.

Each event has a stable ``key``, a ``kind``, a ``number`` where it has one, a
``title`` unique in the calendar, ``start``/``end`` dates, a place (``unit``: an
administrative-unit code of ``portal/core/fixtures/administrative_units.json``,
and a ``venue``), a ``host`` body, ``participants`` (role keys of
:mod:`portal.demo.cast`: ``Cast.attendees(event, day)`` names the people),
``guests``, ``topics`` (tags; the first is the kind's own) and the text of its
backdrop (``banner``: what the photos of the event show).

:func:`term_calendar` is a pure function of the seed: no database, the same
seed gives the same events in the same order. The council, oversight and people
subjects can use it as their demo data; ``load_demo`` writes its news from it
(:mod:`portal.demo.stories`).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property

from portal.core.admin_units_loader import read_fixture

from . import content

PROVINCE_CODE = "06"
TERM_FIRST_DAY = datetime.date(2016, 6, 1)
TERM_LAST_DAY = datetime.date(2021, 5, 31)  # the khóa X council was elected on 23/5/2021


class Kind(StrEnum):
    SESSION = "ky-hop"
    REVIEW = "tham-tra"
    STANDING_MEETING = "phien-hop-thuong-truc"
    BRIEFING = "giao-ban"
    RECEPTION = "tiep-cong-dan"
    VOTER_CONTACT = "tiep-xuc-cu-tri"
    SUPERVISION_MEETING = "giam-sat-lam-viec"  # with the agency in charge
    SUPERVISION = "giam-sat"  # a visit to a district
    SUPERVISION_REPORT = "giam-sat-bao-cao"  # the meeting that adopts the report
    TRAINING = "tap-huan"
    OFFICE_CONFERENCE = "hoi-nghi-van-phong"
    NA_VOTER_CONTACT = "dbqh-tiep-xuc-cu-tri"
    NA_CONSULTATION = "dbqh-gop-y-du-an-luat"
    DISTRICT_SESSION = "ky-hop-cap-huyen"
    COMMUNE_SESSION = "ky-hop-cap-xa"


class SessionType(StrEnum):
    REGULAR = "thường lệ"
    THEMATIC = "chuyên đề"
    EXTRAORDINARY = "bất thường"


# The topic (tag) each kind of event carries first.
KIND_TOPICS = {
    Kind.SESSION: ("Kỳ họp HĐND",),
    Kind.REVIEW: ("Kỳ họp HĐND",),
    Kind.STANDING_MEETING: ("Thường trực HĐND",),
    Kind.BRIEFING: ("Giao ban",),
    Kind.RECEPTION: ("Tiếp công dân", "Đơn thư"),
    Kind.VOTER_CONTACT: ("Tiếp xúc cử tri",),
    Kind.SUPERVISION_MEETING: ("Giám sát",),
    Kind.SUPERVISION: ("Giám sát",),
    Kind.SUPERVISION_REPORT: ("Giám sát",),
    Kind.TRAINING: ("Tập huấn",),
    Kind.OFFICE_CONFERENCE: ("Hoạt động Văn phòng",),
    Kind.NA_VOTER_CONTACT: ("Tiếp xúc cử tri", "Quốc hội"),
    Kind.NA_CONSULTATION: ("Quốc hội", "Góp ý dự án luật"),
    Kind.DISTRICT_SESSION: ("Kỳ họp HĐND",),
    Kind.COMMUNE_SESSION: ("Kỳ họp HĐND",),
}

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_ORDINALS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư"}

# --- places ------------------------------------------------------------------

_UNIT_PREFIX = {
    "tinh": "tỉnh",
    "thanh-pho": "thành phố",
    "thi-xa": "thị xã",
    "huyen": "huyện",
    "xa": "xã",
    "phuong": "phường",
    "thi-tran": "thị trấn",
}


@dataclass(frozen=True)
class Place:
    """An administrative unit of the fixture: ``label`` says its kind ("xã Nam Mẫu")."""

    code: str
    name: str
    kind: str
    parent: str | None

    @property
    def label(self) -> str:
        return f"{_UNIT_PREFIX.get(self.kind, '')} {self.name}".strip()


@cache
def places() -> dict[str, Place]:
    """The province, its districts and the demo communes, by code."""
    rows = read_fixture()
    found = {
        row["code"]: Place(row["code"], row["name"], row["kind"], row.get("parent")) for row in rows
    }
    keep = {PROVINCE_CODE} | {code for code, _name in content.DISTRICTS}
    return {
        code: place
        for code, place in found.items()
        if code in keep or (place.parent in keep and place.parent != PROVINCE_CODE)
    }


def district_codes() -> list[str]:
    return [code for code, _name in content.DISTRICTS]


@cache
def communes_of(district: str) -> tuple[Place, ...]:
    return tuple(p for p in places().values() if p.parent == district)


def district_of(code: str) -> Place | None:
    """The district a unit lies in (itself for a district, None for the province)."""
    place = places()[code]
    if place.parent == PROVINCE_CODE:
        return place
    if place.parent and place.parent in places():
        return places()[place.parent]
    return None


# --- events --------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaItem:
    """What a session decides: ``act`` + ``name`` ("quy định" + "mức thu học phí...")."""

    act: str
    name: str
    committee: str | None  # the committee that reviews it (key of content.COMMITTEES)
    topic: str | None
    normative: bool

    @property
    def resolution_title(self) -> str:
        return f"Nghị quyết {self.act} {self.name}"


@dataclass(frozen=True)
class Resolution:
    number: str  # "12/2019/NQ-HĐND" (normative) or "45/NQ-HĐND"
    item: AgendaItem
    adopted: datetime.date

    @property
    def title(self) -> str:
        return self.item.resolution_title


@dataclass(frozen=True)
class Event:
    key: str
    kind: Kind
    title: str  # unique in the calendar
    phrase: str  # the event inside a sentence ("kỳ họp thứ 14 HĐND tỉnh khóa IX")
    start: datetime.date
    end: datetime.date
    unit: str  # administrative-unit code
    venue: str
    host: str
    participants: tuple[str, ...] = ()  # role keys of portal.demo.cast ("role#2": 2nd seat)
    guests: tuple[str, ...] = ()  # bodies invited (agencies, people's committees)
    topics: tuple[str, ...] = ()  # tags; the first ones are the kind's (KIND_TOPICS)
    number: int | None = None  # council session; NA session for the delegation's events
    session_type: str = ""  # SessionType of a session
    session: int | None = None  # the council session an event prepares or follows
    stage: str = ""  # "trước" / "sau" a session (voter contact)
    committee: str = ""  # committee key (reviews, supervision)
    programme: str = ""  # supervision programme key
    subjects: tuple[str, ...] = ()  # keys of content.SUBJECTS raised or supervised
    agenda: tuple[AgendaItem, ...] = ()  # sessions, reviews
    resolutions: tuple[Resolution, ...] = ()  # sessions
    questioned: tuple[str, ...] = ()  # agencies questioned at a session (chất vấn)
    elections: tuple[str, ...] = ()  # role keys a session fills anew
    communes: tuple[str, ...] = ()  # communes whose voters or citizens take part
    reports: tuple[tuple[str, str], ...] = ()  # briefing: (district code, subject key)
    items: tuple[str, ...] = ()  # standing meeting's agenda, training modules, bills
    banner: tuple[str, ...] = ()  # the backdrop's lines: the text on the event's photos

    @cached_property
    def days(self) -> tuple[datetime.date, ...]:
        return tuple(
            self.start + datetime.timedelta(days=n) for n in range((self.end - self.start).days + 1)
        )

    @property
    def place(self) -> Place:
        return places()[self.unit]


@dataclass(frozen=True)
class Subject:
    key: str
    phrase: str
    short: str
    topic: str
    committee: str
    agency: str
    since: datetime.date | None
    districts: tuple[str, ...] | None
    at_receptions: bool

    def applies(self, day: datetime.date, district: str | None = None) -> bool:
        if self.since and day < self.since:
            return False
        return not (self.districts and district and district not in self.districts)


@cache
def subjects() -> dict[str, Subject]:
    found = {}
    for (
        key,
        phrase,
        short,
        topic,
        committee,
        agency,
        since,
        districts,
        reception,
    ) in content.SUBJECTS:
        found[key] = Subject(
            key,
            phrase,
            short,
            topic,
            committee,
            agency,
            datetime.date.fromisoformat(since) if since else None,
            districts,
            reception,
        )
    return found


def committee_name(key: str) -> str:
    return dict(content.COMMITTEES)[key]


def session_label(number: int) -> str:
    """ "kỳ họp thứ 14" ("kỳ họp thứ nhất" ... "thứ tư" in words, as it is said)."""
    return f"kỳ họp thứ {_ORDINALS.get(number, number)}"


def date_range(start: datetime.date, end: datetime.date) -> str:
    """ "ngày 12/7/2019", "ngày 10 - 12/12/2019", "ngày 30/6 - 02/7/2019"."""
    if start == end:
        return f"ngày {start.day:02d}/{start.month:02d}/{start.year}"
    if start.month == end.month:
        return f"ngày {start.day:02d} - {end.day:02d}/{end.month:02d}/{end.year}"
    return f"ngày {start.day:02d}/{start.month:02d} - {end.day:02d}/{end.month:02d}/{end.year}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@cache
def holidays() -> frozenset:
    """Public holidays of the term (content.FIXED_HOLIDAYS, content.MOVABLE_HOLIDAYS)."""
    found = set()
    for year in range(TERM_FIRST_DAY.year, TERM_LAST_DAY.year + 1):
        found |= {datetime.date.fromisoformat(f"{year}-{day}") for day in content.FIXED_HOLIDAYS}
    for first, last in content.MOVABLE_HOLIDAYS:
        day, last = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
        while day <= last:
            found.add(day)
            day += datetime.timedelta(days=1)
    return frozenset(found)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in holidays()


class _Days:
    """Hands out working days: no weekend or holiday, none already taken by the same body."""

    def __init__(self):
        self.taken: dict[str, set] = {}

    def free(self, day: datetime.date, body: str = "", span: int = 1) -> datetime.date:
        taken = self.taken.setdefault(body, set())
        while True:
            days = [day + datetime.timedelta(days=n) for n in range(span)]
            if all(is_working_day(d) and d not in taken for d in days):
                taken.update(days)
                return day
            day += datetime.timedelta(days=1)

    def take(self, body: str, start: datetime.date, end: datetime.date):
        taken = self.taken.setdefault(body, set())
        day = start
        while day <= end:
            taken.add(day)
            day += datetime.timedelta(days=1)


def _d(year, month, day) -> datetime.date:
    return datetime.date(year, month, day)


def _plus(day: datetime.date, days: int) -> datetime.date:
    return day + datetime.timedelta(days=days)


# --- sessions -------------------------------------------------------------------


def _agenda_pool():
    return [
        (act, name, committee, topic, normative, when, years)
        for act, name, committee, topic, normative, when, years in content.AGENDA
    ]


def _items(rng, when, year, used, count) -> list[AgendaItem]:
    values = {"year": year, "next": year + 1, "prev": year - 1}
    fixed, optional = [], []
    for act, name, committee, topic, normative, kind, years in _agenda_pool():
        if years and year not in years:
            continue
        text = name.format(**values)
        item = AgendaItem(act, text, committee, topic, normative)
        if kind == f"{when}-co-dinh":
            fixed.append(item)
        elif kind == when and text not in used:
            optional.append(item)
    chosen = rng.sample(optional, k=min(count, len(optional)))
    for item in chosen:
        used.add(item.name)
    return fixed + chosen


def _session_slots(rng, days: _Days):
    """(start, length in days, agenda kind) of every session, in no order.

    One sequence of numbers: the first session (June 2016), the two regular sessions
    of each year (mid-year in July, year-end in December) and the thematic or
    extraordinary ones between them. How many of those a year holds is fixed, so that
    the numbers fall where the term's record puts them: ten sessions before 2019
    (2016: one; 2017 and 2018: three between them), four in 2019 (the 11th in spring,
    the 12th at mid-year, the 13th an extraordinary one in autumn, the 14th at the
    year's end), four in 2020 (an extraordinary one on Covid-19 in April) and a last
    thematic one in March 2021: nineteen in all.
    """
    slots = [(days.free(_d(2016, 6, 27) + datetime.timedelta(rng.randrange(3))), 2, "thu-nhat")]
    busier = rng.choice([2017, 2018])  # the year with two sessions between the regular ones
    for year in range(2016, 2021):
        if year > 2016:
            start = days.free(_d(year, 7, rng.randint(10, 17)), "hdnd", span=3)
            slots.append((start, 3, "giua-nam"))
        start = days.free(_d(year, 12, rng.randint(5, 10)), "hdnd", span=3)
        slots.append((start, 3, "cuoi-nam"))
        # Thematic or extraordinary sessions between the regular ones.
        months = [rng.choice([3, 4, 5]), rng.choice([8, 9, 10])]
        if year == 2016:
            chosen = months[1:]
        elif year in (2017, 2018):
            chosen = months if year == busier else [rng.choice(months)]
        elif year == 2020:
            chosen = [4, months[1]]
        else:  # 2019: one in spring, one (extraordinary) in autumn
            chosen = months
        for month in chosen:
            start = days.free(_d(year, month, rng.randint(8, 24)), "hdnd")
            slots.append((start, 1, "chuyen-de"))
    slots.append((days.free(_d(2021, 3, rng.randint(10, 20)), "hdnd"), 1, "chuyen-de"))
    return slots


def _is_extraordinary(rng, start: datetime.date) -> bool:
    """A session between the regular ones is extraordinary (bất thường) or thematic
    (chuyên đề): April 2020 (Covid-19) and the autumn of 2019 (the 13th) were
    extraordinary, the spring of 2019 (the 11th) thematic; the others are drawn."""
    drawn = rng.random() < 0.4
    if (start.year, start.month) == (2020, 4) or (start.year == 2019 and start.month >= 8):
        return True
    return drawn and start.year != 2019


# Posts filled at a session after the first: (year, agenda kind, role keys).
ELECTIONS = [
    (2018, "cuoi-nam", ("truong-ban:dan-toc", "pho-truong-ban:dan-toc")),
    (2019, "giua-nam", ("chu-tich",)),
]
FIRST_SESSION_ELECTIONS = (
    "chu-tich",
    "pho-chu-tich",
    *(f"truong-ban:{key}" for key, _n in content.COMMITTEES),
    *(f"pho-truong-ban:{key}" for key, _n in content.COMMITTEES),
    *(f"uy-vien-ban:{key}" for key, _n in content.COMMITTEES),
    "chu-tich-ubnd",
    "pho-chu-tich-ubnd",
)


def _election_items(roles) -> list[AgendaItem]:
    items = []
    for role in roles:
        if role == "chu-tich":
            items.append(
                AgendaItem(
                    "về",
                    "miễn nhiệm và bầu bổ sung chức danh Chủ tịch HĐND tỉnh khóa IX",
                    None,
                    "Đại biểu dân cử",
                    False,
                )
            )
        elif role.startswith("truong-ban:"):
            name = committee_name(role.split(":")[1])
            items.append(
                AgendaItem(
                    "về",
                    f"kiện toàn chức danh Trưởng {name}, Phó Trưởng {name} HĐND tỉnh khóa IX",
                    None,
                    "Đại biểu dân cử",
                    False,
                )
            )
    return items


def _sessions(rng, days: _Days) -> list[Event]:
    slots = sorted(_session_slots(rng, days))
    used: set = set()
    counters: dict[int, int] = {}
    events = []
    for number, (start, length, when) in enumerate(slots, start=1):
        end = _plus(start, length - 1)
        days.take("hdnd", start, end)
        year = start.year
        elections: tuple = ()
        if when == "thu-nhat":
            session_type = SessionType.REGULAR
            agenda = [
                AgendaItem("xác nhận", "tư cách đại biểu HĐND tỉnh khóa IX", None, "Bầu cử", False),
                AgendaItem(
                    "về",
                    "bầu các chức danh của HĐND tỉnh, UBND tỉnh khóa IX, nhiệm kỳ 2016-2021",
                    None,
                    "Đại biểu dân cử",
                    False,
                ),
                AgendaItem(
                    "về",
                    "thành lập các Ban của HĐND tỉnh khóa IX",
                    "phap-che",
                    "Đại biểu dân cử",
                    False,
                ),
            ]
            elections = FIRST_SESSION_ELECTIONS
        elif when == "chuyen-de":
            session_type = (
                SessionType.EXTRAORDINARY if _is_extraordinary(rng, start) else SessionType.THEMATIC
            )
            agenda = _items(rng, "chuyen-de", year, used, rng.randint(2, 3))
            if year == 2020 and start.month == 4:
                covid = [i for i in _items(rng, "chuyen-de", year, set(), 99) if "Covid" in i.name]
                agenda = covid + [i for i in agenda if "Covid" not in i.name][:2]
        else:
            session_type = SessionType.REGULAR
            agenda = _items(rng, when, year, used, rng.randint(4, 6) if when == "cuoi-nam" else 3)
        for e_year, e_when, roles in ELECTIONS:
            if e_year == year and e_when == when:
                elections = roles
                agenda = agenda + _election_items(roles)
        resolutions = []
        for item in agenda:
            counters[year] = counters.get(year, 0) + 1
            n = counters[year]
            symbol = f"{n:02d}/{year}/NQ-HĐND" if item.normative else f"{n:02d}/NQ-HĐND"
            resolutions.append(Resolution(symbol, item, end))
        label = session_label(number)
        title = f"{_cap(label)} HĐND tỉnh khóa IX"
        topics = list(KIND_TOPICS[Kind.SESSION])
        for item in agenda:
            if item.topic and item.topic not in topics:
                topics.append(item.topic)
        questioned = ()
        if session_type == SessionType.REGULAR and when != "thu-nhat":
            agencies = [name for name, _head in content.AGENCIES]
            questioned = tuple(rng.sample(agencies, k=3))
        events.append(
            Event(
                key=f"ky-hop-{number}",
                kind=Kind.SESSION,
                title=title,
                phrase=f"{label} HĐND tỉnh khóa IX",
                start=start,
                end=end,
                unit=PROVINCE_CODE,
                venue="Hội trường Trung tâm Hội nghị tỉnh",
                host="HĐND tỉnh",
                participants=(
                    "chu-tich",
                    "pho-chu-tich",
                    *(f"truong-ban:{key}" for key, _n in content.COMMITTEES),
                    *(f"dai-bieu:{code}" for code in district_codes()),
                    "chu-tich-ubnd",
                ),
                guests=("UBND tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", *questioned),
                topics=tuple(topics),
                number=number,
                session_type=str(session_type),
                agenda=tuple(agenda),
                resolutions=tuple(resolutions),
                questioned=questioned,
                elections=elections,
                items=(when,),
                banner=(
                    "HỘI ĐỒNG NHÂN DÂN TỈNH BẮC KẠN",
                    f"{label.upper()}, KHÓA IX, NHIỆM KỲ 2016 - 2021",
                    f"Bắc Kạn, {date_range(start, end)}",
                ),
            )
        )
    return events


def _regular(sessions) -> list[Event]:
    return [s for s in sessions if s.items[0] in ("giua-nam", "cuoi-nam", "thu-nhat")]


# --- the Standing Committee and the committees ------------------------------------


def _reviews(rng, sessions, days) -> list[Event]:
    events = []
    for session in sessions[1:]:
        for offset, (key, name) in enumerate(content.COMMITTEES):
            items = tuple(item for item in session.agenda if item.committee == key)
            if not items:
                continue
            day = days.free(_plus(session.start, -rng.randint(6, 10) + offset), f"ban:{key}")
            label = session_label(session.number)
            topics = list(KIND_TOPICS[Kind.REVIEW])
            for item in items:
                if item.topic and item.topic not in topics:
                    topics.append(item.topic)
            host = f"{name} HĐND tỉnh"
            events.append(
                Event(
                    key=f"tham-tra-{session.number}-{key}",
                    kind=Kind.REVIEW,
                    title=f"{host} thẩm tra các dự thảo nghị quyết trình {label}",
                    phrase=f"phiên thẩm tra của {host} trước {label}",
                    start=day,
                    end=day,
                    unit=PROVINCE_CODE,
                    venue="Phòng họp Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
                    host=host,
                    participants=(
                        f"truong-ban:{key}",
                        f"pho-truong-ban:{key}",
                        f"uy-vien-ban:{key}",
                    ),
                    guests=("UBND tỉnh", *_committee_agencies(key)),
                    topics=tuple(topics),
                    session=session.number,
                    committee=key,
                    agenda=items,
                    banner=(
                        "HỘI ĐỒNG NHÂN DÂN TỈNH BẮC KẠN",
                        f"{host.upper()} THẨM TRA CÁC DỰ THẢO NGHỊ QUYẾT TRÌNH {label.upper()}",
                        f"Bắc Kạn, {date_range(day, day)}",
                    ),
                )
            )
    return events


def _committee_agencies(key):
    return {
        "phap-che": ("Sở Nội vụ", "Sở Tư pháp"),
        "kinh-te-ngan-sach": ("Sở Tài chính", "Sở Kế hoạch và Đầu tư"),
        "van-hoa-xa-hoi": ("Sở Y tế", "Sở Giáo dục và Đào tạo"),
        "dan-toc": ("Ban Dân tộc tỉnh",),
    }[key]


def _months(first: datetime.date, last: datetime.date):
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        month += 1
        if month == 13:
            year, month = year + 1, 1


def _standing(rng, sessions, days) -> list[Event]:
    events = []
    regular = _regular(sessions)
    first = sessions[0].end
    for year, month in _months(_plus(first, 10), TERM_LAST_DAY):
        day = days.free(_d(year, month, rng.randint(2, 7)), "thuong-truc")
        prev_m, prev_y = (month - 1, year) if month > 1 else (12, year - 1)
        items = [
            f"kết quả công tác tháng {prev_m}/{prev_y} và chương trình công tác "
            f"tháng {month}/{year}"
        ]
        upcoming = [s for s in sessions if 0 < (s.start - day).days <= 40]
        if upcoming:
            items.append(f"công tác chuẩn bị {session_label(upcoming[0].number)}")
        after = [s for s in regular if 20 <= (day - s.end).days <= 60 and s.number > 1]
        if after:
            label = session_label(after[0].number)
            items.append(f"báo cáo tổng hợp ý kiến, kiến nghị của cử tri sau {label}")
        if month == 11 and year < 2020:
            items.append(f"dự kiến chương trình giám sát năm {year + 1}")
        events.append(
            Event(
                key=f"phien-hop-thuong-truc-{year}-{month:02d}",
                kind=Kind.STANDING_MEETING,
                title=f"Phiên họp Thường trực HĐND tỉnh tháng {month}/{year}",
                phrase=f"phiên họp Thường trực HĐND tỉnh tháng {month}/{year}",
                start=day,
                end=day,
                unit=PROVINCE_CODE,
                venue="Phòng họp Thường trực HĐND tỉnh",
                host="Thường trực HĐND tỉnh",
                participants=(
                    "chu-tich",
                    "pho-chu-tich",
                    *(f"truong-ban:{key}" for key, _n in content.COMMITTEES),
                    "chanh-van-phong",
                ),
                guests=("UBND tỉnh",),
                topics=KIND_TOPICS[Kind.STANDING_MEETING],
                session=upcoming[0].number if upcoming else None,
                items=tuple(items),
                banner=(
                    "THƯỜNG TRỰC HĐND TỈNH BẮC KẠN",
                    f"PHIÊN HỌP THƯỜNG KỲ THÁNG {month}/{year}",
                    f"Bắc Kạn, {date_range(day, day)}",
                ),
            )
        )
    return events


def _briefings(rng, days) -> list[Event]:
    events = []
    districts = district_codes()
    offset = rng.randrange(len(districts))
    quarters = [(2016, 3), (2016, 4)] + [(y, q) for y in range(2017, 2021) for q in (1, 2, 3, 4)]
    quarters.append((2021, 1))
    for position, (year, quarter) in enumerate(quarters):
        month = quarter * 3
        day = days.free(_d(year, month, rng.randint(18, 24)), "thuong-truc")
        host_code = districts[(offset + position) % len(districts)]
        host = places()[host_code]
        eligible = [s for s in subjects().values() if s.applies(day)]
        reports = tuple(
            (code, rng.choice([s for s in eligible if s.applies(day, code)]).key)
            for code in districts
        )
        label = f"quý {ROMAN[quarter]}/{year}"
        topics = list(KIND_TOPICS[Kind.BRIEFING])
        events.append(
            Event(
                key=f"giao-ban-{year}-q{quarter}",
                kind=Kind.BRIEFING,
                title=(
                    "Hội nghị giao ban Thường trực HĐND tỉnh với Thường trực HĐND các huyện, "
                    f"thành phố {label}"
                ),
                phrase=f"hội nghị giao ban Thường trực HĐND tỉnh {label}",
                start=day,
                end=day,
                unit=host_code,
                venue=f"Hội trường UBND {host.label}",
                host="Thường trực HĐND tỉnh",
                participants=(
                    "chu-tich",
                    "pho-chu-tich",
                    *(f"chu-tich-hdnd-huyen:{code}" for code in districts),
                    "chanh-van-phong",
                ),
                guests=(f"UBND {host.label}",),
                topics=tuple(topics),
                number=quarter,
                reports=reports,
                banner=(
                    "HỘI NGHỊ GIAO BAN THƯỜNG TRỰC HĐND TỈNH",
                    "VỚI THƯỜNG TRỰC HĐND CÁC HUYỆN, THÀNH PHỐ",
                    f"{label.upper()} - {_cap(host.label)}, {date_range(day, day)}",
                ),
            )
        )
    return events


def _receptions(rng, sessions, days) -> list[Event]:
    events = []
    presiders = ("chu-tich", "pho-chu-tich#1", "pho-chu-tich#2")
    all_communes = [p.code for p in places().values() if p.parent in district_codes()]
    for position, (year, month) in enumerate(_months(_plus(sessions[0].end, 10), TERM_LAST_DAY)):
        day = days.free(_d(year, month, rng.randint(10, 15)), "thuong-truc")
        eligible = [s.key for s in subjects().values() if s.at_receptions and s.applies(day)]
        presider = presiders[position % len(presiders)]
        raised = tuple(rng.sample(eligible, k=min(4, len(eligible))))
        events.append(
            Event(
                key=f"tiep-cong-dan-{year}-{month:02d}",
                kind=Kind.RECEPTION,
                title=f"Thường trực HĐND tỉnh tiếp công dân định kỳ tháng {month}/{year}",
                phrase=f"buổi tiếp công dân định kỳ tháng {month}/{year} của Thường trực HĐND tỉnh",
                start=day,
                end=day,
                unit=PROVINCE_CODE,
                venue="Trụ sở Tiếp công dân tỉnh",
                host="Thường trực HĐND tỉnh",
                participants=(presider, "chanh-van-phong"),
                guests=("Ban Tiếp công dân tỉnh", "Thanh tra tỉnh"),
                topics=_with_subject_topics(Kind.RECEPTION, raised),
                subjects=raised,
                communes=tuple(rng.sample(all_communes, k=5)),
                banner=(
                    "TRỤ SỞ TIẾP CÔNG DÂN TỈNH BẮC KẠN",
                    "THƯỜNG TRỰC HĐND TỈNH TIẾP CÔNG DÂN ĐỊNH KỲ",
                    f"Tháng {month}/{year} - {date_range(day, day)}",
                ),
            )
        )
    return events


def _with_subject_topics(kind, keys) -> tuple[str, ...]:
    topics = list(KIND_TOPICS[kind])
    for key in keys:
        topic = subjects()[key].topic
        if topic not in topics:
            topics.append(topic)
    return tuple(topics)


def _raised(rng, day, district, count) -> tuple[str, ...]:
    eligible = [s.key for s in subjects().values() if s.applies(day, district)]
    return tuple(rng.sample(eligible, k=count))


def _voter_contact(rng, sessions, days) -> list[Event]:
    events = []
    for round_no, session in enumerate(_regular(sessions)):
        label = session_label(session.number)
        for stage in ("trước", "sau"):
            if stage == "trước" and session.number == 1:
                continue
            for code in district_codes():
                district = places()[code]
                communes = communes_of(code)
                if stage == "trước":
                    day = _plus(session.start, -rng.randint(8, 20))
                else:
                    day = _plus(session.end, rng.randint(7, 24))
                day = days.free(day, f"dai-bieu:{code}")
                host = communes[
                    (round_no * 2 + (stage == "sau") + rng.randrange(2)) % len(communes)
                ]
                others = [c.code for c in communes if c.code != host.code]
                attending = (host.code, *rng.sample(others, k=min(len(others), rng.randint(1, 2))))
                raised = _raised(rng, day, code, rng.randint(3, 4))
                stage_slug = "truoc" if stage == "trước" else "sau"
                events.append(
                    Event(
                        key=f"tiep-xuc-cu-tri-{stage_slug}-{session.number}-{code}",
                        kind=Kind.VOTER_CONTACT,
                        title=(
                            f"Tiếp xúc cử tri {stage} {label} tại {host.label}, {district.label}"
                        ),
                        phrase=(
                            f"hội nghị tiếp xúc cử tri {stage} {label} HĐND tỉnh tại {host.label}"
                        ),
                        start=day,
                        end=day,
                        unit=host.code,
                        venue=f"Hội trường UBND {host.label}",
                        host=f"Tổ đại biểu HĐND tỉnh {district.label}",
                        participants=(f"to-truong:{code}", f"dai-bieu:{code}"),
                        guests=(
                            f"UBND {district.label}",
                            *dict.fromkeys(subjects()[k].agency for k in raised),
                        ),
                        topics=_with_subject_topics(Kind.VOTER_CONTACT, raised),
                        session=session.number,
                        stage=stage,
                        subjects=raised,
                        communes=attending,
                        banner=(
                            "HỘI NGHỊ TIẾP XÚC CỬ TRI CỦA ĐẠI BIỂU HĐND TỈNH",
                            f"{stage.upper()} {label.upper()}, HĐND TỈNH KHÓA IX",
                            f"{_cap(host.label)}, {date_range(day, day)}",
                        ),
                    )
                )
    return events


def _supervision(rng, days) -> list[Event]:
    events = []
    hosts = [(key, f"{name} HĐND tỉnh") for key, name in content.COMMITTEES]
    hosts.append(("thuong-truc", "Thường trực HĐND tỉnh"))
    for key, host in hosts:
        if key == "thuong-truc":
            slots = [(_d(year, rng.choice([6, 11]), 1), 2) for year in range(2017, 2021)]
            pool = list(subjects().values())
        else:
            slots = [
                (_d(year, month, 1), 3)
                for year in range(2017, 2021)
                for month in (rng.choice([3, 4, 5]), rng.choice([8, 9, 10]))
            ]
            pool = [s for s in subjects().values() if s.committee == key]
        rng.shuffle(pool)
        # Subjects with a first day go to the latest programmes they fit.
        pool.sort(key=lambda s: s.since is not None)
        chosen = {}
        for position in range(len(slots) - 1, -1, -1):
            day = slots[position][0]
            for subject in reversed(pool):
                if subject.applies(_plus(day, 28)):
                    chosen[position] = subject
                    pool.remove(subject)
                    break
        roles = (
            ("chu-tich", "pho-chu-tich#1", "chanh-van-phong")
            if key == "thuong-truc"
            else (f"truong-ban:{key}", f"pho-truong-ban:{key}", f"uy-vien-ban:{key}")
        )
        body = "thuong-truc" if key == "thuong-truc" else f"ban:{key}"
        for position, (month_day, visits) in enumerate(slots):
            subject = chosen[position]
            programme = f"giam-sat-{key}-{month_day.year}-{subject.key}"
            districts = [c for c in district_codes() if subject.applies(month_day, c)]
            visited = sorted(rng.sample(districts, k=min(visits, len(districts))))
            topics = _with_subject_topics(Kind.SUPERVISION, (subject.key,))
            meeting = days.free(_plus(month_day, rng.randint(4, 9)), body)
            events.append(
                Event(
                    key=f"{programme}-lam-viec",
                    kind=Kind.SUPERVISION_MEETING,
                    title=f"{host} làm việc với {subject.agency} về {subject.short}",
                    phrase=f"buổi làm việc của {host} với {subject.agency}",
                    start=meeting,
                    end=meeting,
                    unit=PROVINCE_CODE,
                    venue=f"Trụ sở {subject.agency}",
                    host=host,
                    participants=roles,
                    guests=(subject.agency,),
                    topics=topics,
                    committee=key,
                    programme=programme,
                    subjects=(subject.key,),
                    banner=(
                        f"ĐOÀN GIÁM SÁT {host.upper()}",
                        f"LÀM VIỆC VỚI {subject.agency.upper()}",
                        f"Bắc Kạn, {date_range(meeting, meeting)}",
                    ),
                )
            )
            day = meeting
            for code in visited:
                district = places()[code]
                day = days.free(_plus(day, 1), body)
                communes = communes_of(code)
                field_visits = tuple(c.code for c in rng.sample(communes, k=min(2, len(communes))))
                events.append(
                    Event(
                        key=f"{programme}-{code}",
                        kind=Kind.SUPERVISION,
                        title=f"{host} giám sát {subject.phrase} tại {district.label}",
                        phrase=f"buổi giám sát của {host} tại {district.label}",
                        start=day,
                        end=day,
                        unit=code,
                        venue=f"UBND {district.label}",
                        host=host,
                        participants=roles,
                        guests=(f"UBND {district.label}", subject.agency),
                        topics=topics,
                        committee=key,
                        programme=programme,
                        subjects=(subject.key,),
                        communes=field_visits,
                        banner=(
                            f"ĐOÀN GIÁM SÁT {host.upper()}",
                            f"GIÁM SÁT {subject.phrase.upper()}",
                            f"{_cap(district.label)}, {date_range(day, day)}",
                        ),
                    )
                )
            report = days.free(_plus(day, rng.randint(18, 30)), body)
            events.append(
                Event(
                    key=f"{programme}-bao-cao",
                    kind=Kind.SUPERVISION_REPORT,
                    title=f"{host} thông qua báo cáo kết quả giám sát {subject.phrase}",
                    phrase=f"phiên họp thông qua báo cáo kết quả giám sát của {host}",
                    start=report,
                    end=report,
                    unit=PROVINCE_CODE,
                    venue="Phòng họp Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
                    host=host,
                    participants=roles,
                    guests=(subject.agency,),
                    topics=topics,
                    committee=key,
                    programme=programme,
                    subjects=(subject.key,),
                    communes=tuple(visited),
                    banner=(
                        f"ĐOÀN GIÁM SÁT {host.upper()}",
                        "THÔNG QUA BÁO CÁO KẾT QUẢ GIÁM SÁT",
                        f"Bắc Kạn, {date_range(report, report)}",
                    ),
                )
            )
    return events


def _trainings(rng, days) -> list[Event]:
    events = []
    for year in range(2016, 2021):
        for audience in ("dai-bieu", "tham-muu"):
            if year == 2016 and audience == "tham-muu":
                continue
            month = 8 if year == 2016 else rng.choice([4, 5, 9, 10])
            start = days.free(_d(year, month, rng.randint(5, 20)), "van-phong", span=2)
            end = _plus(start, 1)
            if audience == "dai-bieu":
                host_code = rng.choice(district_codes())
                host = places()[host_code]
                title = (
                    "Bồi dưỡng kỹ năng hoạt động cho đại biểu HĐND tỉnh khóa IX"
                    if year == 2016
                    else f"Tập huấn kỹ năng hoạt động cho đại biểu HĐND năm {year}"
                )
                unit, venue = host_code, f"Hội trường UBND {host.label}"
                participants = tuple(f"dai-bieu:{code}" for code in district_codes())
                first_line = "HỘI NGHỊ TẬP HUẤN KỸ NĂNG HOẠT ĐỘNG CHO ĐẠI BIỂU HĐND"
                place_line = _cap(host.label)
            else:
                title = f"Tập huấn nghiệp vụ cho cán bộ tham mưu, giúp việc HĐND năm {year}"
                unit, venue = PROVINCE_CODE, "Hội trường Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"
                participants = ("chanh-van-phong", "pho-chanh-van-phong")
                first_line = "TẬP HUẤN NGHIỆP VỤ CÔNG TÁC HĐND"
                place_line = "Bắc Kạn"
            modules = content.TRAINING_MODULES[audience]
            events.append(
                Event(
                    key=f"tap-huan-{audience}-{year}",
                    kind=Kind.TRAINING,
                    title=title,
                    phrase=f"lớp {title[0].lower()}{title[1:]}",
                    start=start,
                    end=end,
                    unit=unit,
                    venue=venue,
                    host="Thường trực HĐND tỉnh",
                    participants=("pho-chu-tich#1", *participants),
                    guests=("Viện Chính sách, Pháp luật và Quản lý",),
                    topics=(
                        *KIND_TOPICS[Kind.TRAINING],
                        "Đại biểu dân cử" if audience == "dai-bieu" else "Hoạt động Văn phòng",
                    ),
                    items=tuple(rng.sample(modules, k=4)),
                    banner=(first_line, f"NĂM {year}", f"{place_line}, {date_range(start, end)}"),
                )
            )
    return events


def _office_conferences(rng, days) -> list[Event]:
    events = []
    for year in range(2016, 2021):
        day = days.free(_d(year + 1, 1, rng.randint(8, 16)), "van-phong")
        title = f"Hội nghị tổng kết công tác năm {year} của Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"
        events.append(
            Event(
                key=f"hoi-nghi-van-phong-{year}",
                kind=Kind.OFFICE_CONFERENCE,
                title=title,
                phrase=f"hội nghị tổng kết công tác năm {year} của Văn phòng",
                start=day,
                end=day,
                unit=PROVINCE_CODE,
                venue="Hội trường Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
                host=content.STAFF_UNIT,
                participants=("chanh-van-phong", "pho-chanh-van-phong", "pho-chu-tich#1"),
                topics=KIND_TOPICS[Kind.OFFICE_CONFERENCE],
                number=year,
                banner=(
                    "VĂN PHÒNG ĐOÀN ĐBQH, HĐND VÀ UBND TỈNH BẮC KẠN",
                    f"HỘI NGHỊ TỔNG KẾT CÔNG TÁC NĂM {year}, TRIỂN KHAI NHIỆM VỤ NĂM {year + 1}",
                    f"Bắc Kạn, {date_range(day, day)}",
                ),
            )
        )
    return events


def _national_assembly(rng, days) -> list[Event]:
    events = []
    for number, first, last in content.NA_SESSIONS:
        start, end = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
        label = f"kỳ họp thứ {number}, Quốc hội khóa XIV"
        for position, bill in enumerate(content.NA_BILLS.get(number, ())):
            day = days.free(_plus(start, -rng.randint(25, 45) + position * 2), "dbqh")
            agencies = [name for name, _head in content.AGENCIES]
            bill_title = bill.replace("dự án ", "", 1)
            events.append(
                Event(
                    key=f"dbqh-gop-y-{number}-{position + 1}",
                    kind=Kind.NA_CONSULTATION,
                    title=f"Đoàn ĐBQH tỉnh lấy ý kiến góp ý {bill}",
                    phrase=f"hội nghị lấy ý kiến góp ý {bill}",
                    start=day,
                    end=day,
                    unit=PROVINCE_CODE,
                    venue="Hội trường Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
                    host="Đoàn ĐBQH tỉnh",
                    participants=("truong-doan-dbqh", "pho-truong-doan-dbqh", "dbqh"),
                    guests=tuple(rng.sample(agencies, k=4)),
                    topics=KIND_TOPICS[Kind.NA_CONSULTATION],
                    number=number,
                    items=(bill,),
                    banner=(
                        "ĐOÀN ĐẠI BIỂU QUỐC HỘI TỈNH BẮC KẠN",
                        f"HỘI NGHỊ GÓP Ý {bill_title.upper()}",
                        f"Bắc Kạn, {date_range(day, day)}",
                    ),
                )
            )
        if number == 1:
            continue
        for stage in ("trước", "sau"):
            for code in sorted(rng.sample(district_codes(), k=2)):
                district = places()[code]
                if stage == "trước":
                    day = _plus(start, -rng.randint(5, 18))
                else:
                    day = _plus(end, rng.randint(7, 28))
                day = days.free(day, "dbqh")
                communes = communes_of(code)
                host = rng.choice(communes)
                raised = _raised(rng, day, code, 3)
                stage_slug = "truoc" if stage == "trước" else "sau"
                events.append(
                    Event(
                        key=f"dbqh-tiep-xuc-cu-tri-{stage_slug}-{number}-{code}",
                        kind=Kind.NA_VOTER_CONTACT,
                        title=(
                            f"Đoàn ĐBQH tỉnh tiếp xúc cử tri {stage} {label} tại {host.label}, "
                            f"{district.label}"
                        ),
                        phrase=f"hội nghị tiếp xúc cử tri của Đoàn ĐBQH tỉnh tại {host.label}",
                        start=day,
                        end=day,
                        unit=host.code,
                        venue=f"Hội trường UBND {host.label}",
                        host="Đoàn ĐBQH tỉnh",
                        participants=("truong-doan-dbqh", "pho-truong-doan-dbqh", "dbqh"),
                        guests=(f"UBND {district.label}",),
                        topics=_with_subject_topics(Kind.NA_VOTER_CONTACT, raised),
                        number=number,
                        stage=stage,
                        subjects=raised,
                        communes=(host.code,),
                        banner=(
                            "HỘI NGHỊ TIẾP XÚC CỬ TRI CỦA ĐOÀN ĐBQH TỈNH",
                            f"{stage.upper()} KỲ HỌP THỨ {number}, QUỐC HỘI KHÓA XIV",
                            f"{_cap(host.label)}, {date_range(day, day)}",
                        ),
                    )
                )
    return events


def _local_sessions(rng, sessions, days) -> list[Event]:
    """The regular sessions of the district and commune councils, after the province's."""
    events = []
    by_year = {}
    for session in _regular(sessions):
        if session.items[0] != "thu-nhat":
            by_year[(session.start.year, session.items[0])] = session
    for (year, when), province in sorted(by_year.items()):
        half = "giữa năm" if when == "giua-nam" else "cuối năm"
        plan = (
            f"nhiệm vụ phát triển kinh tế - xã hội 6 tháng cuối năm {year}"
            if when == "giua-nam"
            else f"nhiệm vụ phát triển kinh tế - xã hội năm {year + 1}"
        )
        budget = (
            f"quyết toán ngân sách năm {year - 1}"
            if when == "giua-nam"
            else f"dự toán ngân sách năm {year + 1}"
        )
        for code in district_codes():
            district = places()[code]
            start = days.free(_plus(province.end, rng.randint(4, 10)), f"huyen:{code}", span=2)
            end = _plus(start, 1)
            raised = _raised(rng, start, code, 2)
            events.append(
                Event(
                    key=f"ky-hop-huyen-{code}-{year}-{when}",
                    kind=Kind.DISTRICT_SESSION,
                    title=f"Kỳ họp thường lệ {half} {year} của HĐND {district.label}",
                    phrase=f"kỳ họp thường lệ {half} {year} của HĐND {district.label}",
                    start=start,
                    end=end,
                    unit=code,
                    venue=f"Hội trường HĐND - UBND {district.label}",
                    host=f"HĐND {district.label}",
                    participants=(f"chu-tich-hdnd-huyen:{code}", f"chu-tich-ubnd-huyen:{code}"),
                    guests=(f"UBND {district.label}",),
                    topics=_with_subject_topics(Kind.DISTRICT_SESSION, raised),
                    subjects=raised,
                    items=(half, plan, budget),
                    banner=(
                        f"HỘI ĐỒNG NHÂN DÂN {district.label.upper()}",
                        f"KỲ HỌP THƯỜNG LỆ {half.upper()} {year}",
                        f"{_cap(district.label)}, {date_range(start, end)}",
                    ),
                )
            )
            for commune in communes_of(code):
                day = days.free(_plus(end, rng.randint(2, 8)), f"xa:{commune.code}")
                if day.year != year:  # year-end sessions are held before the new year
                    day = days.free(_plus(end, 1), f"xa:{commune.code}")
                raised_here = _raised(rng, day, code, 2)
                events.append(
                    Event(
                        key=f"ky-hop-xa-{commune.code}-{year}-{when}",
                        kind=Kind.COMMUNE_SESSION,
                        title=f"Kỳ họp thường lệ {half} {year} của HĐND {commune.label}",
                        phrase=f"kỳ họp thường lệ {half} {year} của HĐND {commune.label}",
                        start=day,
                        end=day,
                        unit=commune.code,
                        venue=f"Hội trường UBND {commune.label}",
                        host=f"HĐND {commune.label}",
                        participants=(f"chu-tich-hdnd-xa:{commune.code}",),
                        guests=(f"UBND {commune.label}",),
                        topics=_with_subject_topics(Kind.COMMUNE_SESSION, raised_here),
                        subjects=raised_here,
                        communes=(commune.code,),
                        items=(half, plan, budget.replace("ngân sách", "ngân sách xã")),
                        banner=(
                            f"HỘI ĐỒNG NHÂN DÂN {commune.label.upper()}",
                            f"KỲ HỌP THƯỜNG LỆ {half.upper()} {year}",
                            f"{_cap(commune.label)}, {date_range(day, day)}",
                        ),
                    )
                )
    return events


@cache
def term_calendar(seed: int) -> tuple[Event, ...]:
    """Every event of the term, ordered by first day (then key)."""
    rng = random.Random(f"{seed}:calendar")
    days = _Days()
    sessions = _sessions(rng, days)
    events = [
        *sessions,
        *_reviews(rng, sessions, days),
        *_standing(rng, sessions, days),
        *_briefings(rng, days),
        *_receptions(rng, sessions, days),
        *_voter_contact(rng, sessions, days),
        *_supervision(rng, days),
        *_trainings(rng, days),
        *_office_conferences(rng, days),
        *_national_assembly(rng, days),
        *_local_sessions(rng, sessions, days),
    ]
    events.sort(key=lambda e: (e.start, e.key))
    keys = [e.key for e in events]
    titles = [e.title for e in events]
    if len(set(keys)) != len(keys) or len(set(titles)) != len(titles):
        raise AssertionError("the calendar repeats an event")
    return tuple(events)


def sessions(seed: int) -> list[Event]:
    """The council's sessions in order: numbers increase with the dates."""
    return [e for e in term_calendar(seed) if e.kind == Kind.SESSION]


@cache
def events_by_key(seed: int) -> dict[str, Event]:
    return {e.key: e for e in term_calendar(seed)}


def event(seed: int, key: str) -> Event:
    return events_by_key(seed)[key]


def events_between(seed: int, first: datetime.date, last: datetime.date) -> list[Event]:
    """Events held entirely within [first, last]."""
    return [e for e in term_calendar(seed) if first <= e.start and e.end <= last]
