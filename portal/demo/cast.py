"""The cast of the demo term: fictional people with stable roles and dates.

People are fictional, institutions are real. A :class:`Post` is a role held by a
person from a first to a last day; a role has a number of seats (one Chủ tịch
HĐND tỉnh, two Phó Chủ tịch, one head per committee, the delegates elected in
each district...) and never more holders than seats on any day. Posts change only
at the sessions that fill them (``calendar.Event.elections``): the Chủ tịch
elected at the first session is followed by another one at the mid-year session
of 2019, the head of the Ban Dân tộc retires at the end of 2018 and his deputy
takes the post, a committee member the deputy's.

Roles (``Role.key``): ``chu-tich``, ``pho-chu-tich``, ``truong-ban:<committee>``,
``pho-truong-ban:<committee>``, ``uy-vien-ban:<committee>``, ``dai-bieu:<district>``
(the delegate group, Tổ đại biểu), ``to-truong:<district>``, ``chanh-van-phong``,
``pho-chanh-van-phong``, ``chu-tich-ubnd``, ``pho-chu-tich-ubnd``,
``thu-truong:<agency>``, ``truong-doan-dbqh``, ``pho-truong-doan-dbqh``, ``dbqh``,
``chu-tich-hdnd-huyen:<district>``, ``chu-tich-ubnd-huyen:<district>``,
``chu-tich-hdnd-xa:<commune>``, and the newsroom's ``bien-tap-vien`` (staff who
write bylines), ``cong-tac-vien:<district>`` (contributors) and ``nhiep-anh``
(photographers). In an event's participants ``role#2`` is the role's second seat.

:func:`term_cast` is a pure function of the seed (no database); its names do not
repeat, and none is a demo account's or the footer's person.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from functools import cache

from portal.core.text import slugify_vi

from . import calendar, content


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    female: bool

    @property
    def honorific(self) -> str:
        return "bà" if self.female else "ông"


@dataclass(frozen=True)
class Role:
    key: str
    title: str  # "Phó Chủ tịch HĐND tỉnh"
    seats: int = 1
    body: str = ""  # the body it belongs to ("Thường trực HĐND tỉnh", "Tổ đại biểu ...")
    rank: int = 99  # smaller: the title a person is known by when holding several


@dataclass(frozen=True)
class Post:
    person: str  # Person.key
    role: str  # Role.key
    start: datetime.date
    end: datetime.date | None = None  # last day held; None: to the end of the term
    seat: int = 1

    def held_on(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def agency_key(name: str) -> str:
    return slugify_vi(name)


@cache
def roles() -> dict[str, Role]:
    found = [
        Role("chu-tich", "Chủ tịch HĐND tỉnh", 1, "Thường trực HĐND tỉnh", 1),
        Role("pho-chu-tich", "Phó Chủ tịch HĐND tỉnh", 2, "Thường trực HĐND tỉnh", 2),
        Role(
            "chanh-van-phong",
            "Chánh Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
            1,
            content.STAFF_UNIT,
            5,
        ),
        Role(
            "pho-chanh-van-phong",
            "Phó Chánh Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
            2,
            content.STAFF_UNIT,
            6,
        ),
        Role("chu-tich-ubnd", "Chủ tịch UBND tỉnh", 1, "UBND tỉnh", 1),
        Role("pho-chu-tich-ubnd", "Phó Chủ tịch UBND tỉnh", 3, "UBND tỉnh", 2),
        Role("truong-doan-dbqh", "Trưởng Đoàn ĐBQH tỉnh", 1, "Đoàn ĐBQH tỉnh", 1),
        Role(
            "pho-truong-doan-dbqh",
            "Phó Trưởng Đoàn chuyên trách Đoàn ĐBQH tỉnh",
            1,
            "Đoàn ĐBQH tỉnh",
            2,
        ),
        Role("dbqh", "Đại biểu Quốc hội tỉnh Bắc Kạn", 4, "Đoàn ĐBQH tỉnh", 8),
        Role("bien-tap-vien", "Biên tập viên", 24, content.STAFF_UNIT, 20),
        Role("nhiep-anh", "Phóng viên ảnh", 4, content.PHOTOGRAPHERS_UNIT, 20),
    ]
    for key, name in content.COMMITTEES:
        found += [
            Role(f"truong-ban:{key}", f"Trưởng {name} HĐND tỉnh", 1, f"{name} HĐND tỉnh", 3),
            Role(
                f"pho-truong-ban:{key}", f"Phó Trưởng {name} HĐND tỉnh", 1, f"{name} HĐND tỉnh", 4
            ),
            Role(f"uy-vien-ban:{key}", f"Ủy viên {name} HĐND tỉnh", 4, f"{name} HĐND tỉnh", 9),
        ]
    for agency, head in content.AGENCIES:
        found.append(Role(f"thu-truong:{agency_key(agency)}", head, 1, agency, 7))
    places = calendar.places()
    for code in calendar.district_codes():
        label = places[code].label
        group = f"Tổ đại biểu HĐND tỉnh {label}"
        found += [
            Role(f"dai-bieu:{code}", "đại biểu HĐND tỉnh", content.DELEGATE_SEATS[code], group, 10),
            Role(f"to-truong:{code}", f"Tổ trưởng {group}", 1, group, 9),
            Role(f"chu-tich-hdnd-huyen:{code}", f"Chủ tịch HĐND {label}", 1, f"HĐND {label}", 7),
            Role(f"chu-tich-ubnd-huyen:{code}", f"Chủ tịch UBND {label}", 1, f"UBND {label}", 7),
            Role(f"cong-tac-vien:{code}", "Cộng tác viên", 2, f"Cộng tác viên - {label}", 20),
        ]
        for commune in calendar.communes_of(code):
            found.append(
                Role(
                    f"chu-tich-hdnd-xa:{commune.code}",
                    f"Chủ tịch HĐND {commune.label}",
                    1,
                    f"HĐND {commune.label}",
                    7,
                )
            )
    return {role.key: role for role in found}


@dataclass
class Cast:
    people: dict[str, Person]
    posts: tuple[Post, ...]
    _by_role: dict = field(default_factory=dict, repr=False, compare=False)
    _by_person: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        for post in self.posts:
            self._by_role.setdefault(post.role, []).append(post)
            self._by_person.setdefault(post.person, []).append(post)

    def holders(self, role: str, day: datetime.date) -> list[Person]:
        """Who holds ``role`` on ``day``, by seat ("role#2": the second seat only)."""
        role, _sep, seat = role.partition("#")
        posts = sorted(
            (p for p in self._by_role.get(role, ()) if p.held_on(day)), key=lambda p: p.seat
        )
        if seat:
            posts = [p for p in posts if p.seat == int(seat)]
        return [self.people[p.person] for p in posts]

    def holder(self, role: str, day: datetime.date) -> Person | None:
        found = self.holders(role, day)
        return found[0] if found else None

    def posts_of(self, person: str) -> list[Post]:
        return list(self._by_person.get(person, ()))

    def roles_of(self, person: str, day: datetime.date) -> list[Role]:
        held = [roles()[p.role] for p in self._by_person.get(person, ()) if p.held_on(day)]
        return sorted(held, key=lambda r: r.rank)

    def title(self, person: str, day: datetime.date) -> str:
        """The title a person is known by on ``day`` ("Trưởng Ban Pháp chế HĐND tỉnh")."""
        held = self.roles_of(person, day)
        if not held:
            return ""
        role = held[0]
        if role.key.startswith("dai-bieu:"):
            return f"đại biểu HĐND tỉnh, {role.body[0].lower()}{role.body[1:]}"
        return role.title

    def group_of(self, person: str, day: datetime.date) -> str | None:
        """The district whose delegate group the person belongs to on ``day``."""
        for post in self._by_person.get(person, ()):
            if post.role.startswith("dai-bieu:") and post.held_on(day):
                return post.role.split(":")[1]
        return None

    def attendees(self, event, day: datetime.date | None = None) -> list[Person]:
        """The people behind an event's participants on ``day`` (its first day by default)."""
        day = day or event.start
        found, seen = [], set()
        for role in event.participants:
            for person in self.holders(role, day):
                if person.key not in seen:
                    seen.add(person.key)
                    found.append(person)
        return found


# --- building it -------------------------------------------------------------------

RESERVED_NAMES = {content.OFFICE_CHIEF} | {
    f"{last} {first}" for _u, first, last, *_r in content.USERS
}


class _Names:
    """Distinct names drawn from the seed's generator."""

    def __init__(self, rng: random.Random, taken=()):
        self.rng = rng
        self.taken = set(taken)

    def draw(self, female: bool | None = None) -> tuple[str, bool]:
        rng = self.rng
        while True:
            is_female = rng.random() < 0.4 if female is None else female
            middle = content.FEMALE_MIDDLE_NAMES if is_female else content.MALE_MIDDLE_NAMES
            given = content.FEMALE_GIVEN_NAMES if is_female else content.MALE_GIVEN_NAMES
            name = f"{rng.choice(content.FAMILY_NAMES)} {rng.choice(middle)} {rng.choice(given)}"
            if name not in self.taken:
                self.taken.add(name)
                return name, is_female


def _day_before(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=1)


@cache
def term_cast(seed: int) -> Cast:
    rng = random.Random(f"{seed}:cast")
    names = _Names(rng, RESERVED_NAMES)
    people: dict[str, Person] = {}
    posts: list[Post] = []
    sessions = calendar.sessions(seed)
    start = sessions[0].start

    def person(name=None, female=None) -> str:
        if name is None:
            name, female = names.draw(female)
        key = f"nguoi-{len(people) + 1:03d}"
        people[key] = Person(key, name, bool(female))
        return key

    def hold(who, role, first=start, last=None, seat=1):
        posts.append(Post(who, role, first, last, seat))

    # The Standing Committee and the committees, elected at the first session.
    chair = person()
    vices = [person(), person()]
    heads = {key: person() for key, _n in content.COMMITTEES}
    deputies = {key: person() for key, _n in content.COMMITTEES}
    members = {key: [person() for _ in range(4)] for key, _n in content.COMMITTEES}
    ubnd_chair = person()
    ubnd_vices = [person(), person(), person()]
    agency_heads = {name: person() for name, _head in content.AGENCIES}

    changes = {role: s for s in sessions[1:] for role in s.elections}
    chair_change = changes.get("chu-tich")
    head_change = changes.get("truong-ban:dan-toc")

    # Delegates: the leaders are delegates too, the others are elected in districts.
    successor = person()  # an ordinary delegate who becomes Chủ tịch in 2019
    leaders = [chair, *vices, *heads.values(), *deputies.values(), ubnd_chair, ubnd_vices[0]]
    leaders += [*(m for group in members.values() for m in group), successor]
    leaders += rng.sample(list(agency_heads.values()), k=3)
    seats = [code for code, n in content.DELEGATE_SEATS.items() for _ in range(n)]
    rng.shuffle(seats)
    delegates = leaders + [person() for _ in range(len(seats) - len(leaders))]
    seat_numbers: dict[str, int] = {}
    groups: dict[str, list[str]] = {}
    for who, code in zip(delegates, seats, strict=True):
        seat_numbers[code] = seat_numbers.get(code, 0) + 1
        groups.setdefault(code, []).append(who)
        last = _day_before(chair_change.end) if who == chair and chair_change else None
        hold(who, f"dai-bieu:{code}", last=last, seat=seat_numbers[code])
    for code, group in groups.items():
        hold(group[0] if group[0] != chair else group[1], f"to-truong:{code}")

    if chair_change:
        hold(chair, "chu-tich", last=_day_before(chair_change.end))
        hold(successor, "chu-tich", first=chair_change.end)
    else:
        hold(chair, "chu-tich")
    for seat, who in enumerate(vices, 1):
        hold(who, "pho-chu-tich", seat=seat)
    for key, _name in content.COMMITTEES:
        if key == "dan-toc" and head_change:
            changed = head_change.end
            promoted = members[key][0]
            hold(heads[key], f"truong-ban:{key}", last=_day_before(changed))
            hold(deputies[key], f"pho-truong-ban:{key}", last=_day_before(changed))
            hold(deputies[key], f"truong-ban:{key}", first=changed)
            hold(promoted, f"uy-vien-ban:{key}", last=_day_before(changed), seat=1)
            hold(promoted, f"pho-truong-ban:{key}", first=changed)
        else:
            hold(heads[key], f"truong-ban:{key}")
            hold(deputies[key], f"pho-truong-ban:{key}")
        for seat, who in enumerate(members[key], 1):
            if not (key == "dan-toc" and head_change and seat == 1):
                hold(who, f"uy-vien-ban:{key}", seat=seat)

    hold(ubnd_chair, "chu-tich-ubnd")
    for seat, who in enumerate(ubnd_vices, 1):
        hold(who, "pho-chu-tich-ubnd", seat=seat)
    for agency, who in agency_heads.items():
        hold(who, f"thu-truong:{agency_key(agency)}")

    # The Office (its chief is the footer's responsible person) and the newsroom.
    hold(person(content.OFFICE_CHIEF, False), "chanh-van-phong")
    for seat in (1, 2):
        hold(person(), "pho-chanh-van-phong", seat=seat)
    for seat in range(1, roles()["bien-tap-vien"].seats + 1):
        hold(person(), "bien-tap-vien", seat=seat)
    for seat in range(1, roles()["nhiep-anh"].seats + 1):
        hold(person(), "nhiep-anh", seat=seat)

    # The National Assembly delegation (khóa XIV, elected in May 2016).
    na_start = datetime.date(2016, 5, 22)
    hold(person(), "truong-doan-dbqh", first=na_start)
    hold(person(), "pho-truong-doan-dbqh", first=na_start)
    for seat in range(1, 5):
        hold(person(), "dbqh", first=na_start, seat=seat)

    # District and commune councils, and the contributors of each district.
    for code in calendar.district_codes():
        hold(person(), f"chu-tich-hdnd-huyen:{code}")
        hold(person(), f"chu-tich-ubnd-huyen:{code}")
        for seat in (1, 2):
            hold(person(), f"cong-tac-vien:{code}", seat=seat)
        for commune in calendar.communes_of(code):
            hold(person(), f"chu-tich-hdnd-xa:{commune.code}")

    return Cast(people=people, posts=tuple(posts))


@cache
def citizen_names(seed: int) -> tuple[tuple[str, bool], ...]:
    """(name, is female) of citizens and voters, never a name of the cast, in a fixed order."""
    taken = {p.name for p in term_cast(seed).people.values()} | RESERVED_NAMES
    found = []
    for family in content.FAMILY_NAMES:
        for female, middles, givens in (
            (False, content.MALE_MIDDLE_NAMES, content.MALE_GIVEN_NAMES),
            (True, content.FEMALE_MIDDLE_NAMES, content.FEMALE_GIVEN_NAMES),
        ):
            for middle in middles:
                for given in givens:
                    name = f"{family} {middle} {given}"
                    if name not in taken:
                        found.append((name, female))
    random.Random(f"{seed}:citizens").shuffle(found)
    return tuple(found)
