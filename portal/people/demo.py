"""The people of the demo term: the bodies of HĐND tỉnh Bắc Kạn khóa IX and its
delegates, from the term's cast (``portal.demo.cast.term_cast(seed)``), so that the
delegates the news quotes are the delegates the portal lists, with the posts they hold
on the dates the sessions changed them. The delegates' "Tiếng nói người đại biểu"
items (their titles name them; the cast's names never repeat) are linked to them.

Idempotent: bodies and delegates are found by slug under the section, constituencies
by (term, number); a second run writes nothing.
"""

from __future__ import annotations

import random

from django.db import transaction
from wagtail.models import Page, Revision

from portal.core.models import AdministrativeUnit
from portal.core.text import slugify_vi
from portal.demo import calendar, cast, content

from .factories import BodyPageFactory, DelegatePageFactory, PeopleIndexPageFactory
from .models import BodyKind, BodyPage, Constituency, DelegatePage, MembershipRole, PeopleIndexPage

INDEX_SLUG = "dai-bieu"
VOICE_CATEGORY = "Tiếng nói người đại biểu nhân dân"
MAX_SEATS = 5  # a constituency of a provincial council elects at most five delegates
ETHNICITIES = ["Tày", "Tày", "Tày", "Kinh", "Kinh", "Nùng", "Dao", "Mông", "Sán Chay"]
EDUCATION = [
    "Cử nhân Luật",
    "Cử nhân Kinh tế",
    "Thạc sĩ Quản lý kinh tế",
    "Kỹ sư Nông nghiệp",
    "Cử nhân Sư phạm",
    "Bác sĩ chuyên khoa I",
    "Thạc sĩ Quản lý công",
]
WORKPLACES = [
    "Bí thư Huyện ủy {d}",
    "Chủ tịch Ủy ban MTTQ Việt Nam {d}",
    "Chủ tịch Hội Nông dân {d}",
    "Giám đốc Trung tâm Y tế {d}",
    "Hiệu trưởng Trường THPT {d}",
    "Trưởng Công an {d}",
    "Phó Bí thư Huyện ủy {d}",
    "Chủ tịch Hội Liên hiệp Phụ nữ {d}",
]
INTRO = (
    "<p>Đại biểu HĐND tỉnh Bắc Kạn khóa IX, nhiệm kỳ 2016 - 2021, các cơ quan của HĐND tỉnh "
    "và thông tin liên hệ để công dân gửi ý kiến, kiến nghị.</p>"
)
STANDING_DUTIES = (
    "<p>Thường trực HĐND tỉnh gồm Chủ tịch, các Phó Chủ tịch và các Ủy viên là Trưởng các "
    "Ban của HĐND tỉnh. Thường trực triệu tập và chủ tọa các kỳ họp, điều hòa, phối hợp "
    "hoạt động của các Ban, giám sát việc thi hành pháp luật và nghị quyết của HĐND, tổ "
    "chức tiếp công dân và xem xét, đôn đốc việc giải quyết khiếu nại, tố cáo, kiến nghị "
    "của công dân.</p>"
)
COMMITTEE_DUTIES = (
    "<p>{name} HĐND tỉnh thẩm tra dự thảo nghị quyết, báo cáo, đề án thuộc lĩnh vực phụ "
    "trách; giúp HĐND giám sát hoạt động của các cơ quan nhà nước trong lĩnh vực này và "
    "báo cáo kết quả hoạt động với HĐND, Thường trực HĐND tỉnh.</p>"
)
GROUP_DUTIES = (
    "<p>Tổ đại biểu gồm các đại biểu HĐND tỉnh được bầu tại {place}. Tổ tổ chức để đại biểu "
    "tiếp xúc cử tri trước và sau mỗi kỳ họp, thảo luận về chương trình kỳ họp và phối hợp "
    "giám sát tại địa phương.</p>"
)


def _index(home):
    index = PeopleIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if index is None:
        index = PeopleIndexPageFactory(parent=home, title="Đại biểu", slug=INDEX_SLUG, intro=INTRO)
    return index


def _category(title):
    return Page.objects.filter(title=title, depth__gte=3).order_by("depth", "path").first()


def _bodies(index) -> dict[str, BodyPage]:
    """Bodies by key: ``thuong-truc``, each committee's key, ``to:<district>``."""
    existing = {page.slug: page for page in BodyPage.objects.child_of(index)}
    places = calendar.places()
    wanted = [
        ("thuong-truc", "Thường trực HĐND tỉnh", BodyKind.STANDING, STANDING_DUTIES,
         "Thường trực HĐND", ""),
    ]  # fmt: skip
    for key, name in content.COMMITTEES:
        wanted.append(
            (key, f"{name} HĐND tỉnh", BodyKind.COMMITTEE,
             COMMITTEE_DUTIES.format(name=name), "Các Ban HĐND", name)
        )  # fmt: skip
    for code in calendar.district_codes():
        label = places[code].label
        wanted.append(
            (f"to:{code}", f"Tổ đại biểu HĐND tỉnh {label}", BodyKind.DELEGATE_GROUP,
             GROUP_DUTIES.format(place=label), "", "")
        )  # fmt: skip
    bodies = {}
    for key, title, kind, duties, category, phrase in wanted:
        page = existing.get(slugify_vi(title))
        if page is None:
            found = _category(category) if category else None
            page = BodyPageFactory(
                parent=index,
                title=title,
                kind=kind,
                duties=duties,
                address=content.SITE_FOOTER["address"],
                phone=content.SITE_FOOTER["phone"],
                news_category=found,
                news_phrase=phrase,
            )
        bodies[key] = page
    return bodies


def _constituencies(term) -> dict[str, list[Constituency]]:
    """Each district's constituencies: one per district, two where it elects more than
    five delegates (its communes shared between them)."""
    units = {u.code: u for u in AdministrativeUnit.objects.all()}
    found: dict[str, list[Constituency]] = {}
    number = 0
    for code in calendar.district_codes():
        seats = content.DELEGATE_SEATS[code]
        parts = 1 if seats <= MAX_SEATS else 2
        communes = [units[c.code] for c in calendar.communes_of(code) if c.code in units]
        for part in range(parts):
            number += 1
            share = seats // parts + (1 if part < seats % parts else 0)
            constituency, created = Constituency.objects.get_or_create(
                term=term, number=number, defaults={"seats": share}
            )
            if created:
                if parts == 1 and code in units:
                    constituency.units.set([units[code]])
                else:
                    constituency.units.set(communes[part::parts])
            found.setdefault(code, []).append(constituency)
    return found


def _posts_of(person_posts, bodies, group_leaders) -> list[tuple]:
    posts = []
    for post in person_posts:
        kind, _sep, key = post.role.partition(":")
        end = post.end
        if kind == "dai-bieu":
            role = (
                MembershipRole.GROUP_LEADER
                if (post.person, key) in group_leaders
                else MembershipRole.GROUP_MEMBER
            )
            posts.append((bodies[f"to:{key}"], role, post.start, end))
        elif kind == "chu-tich":
            posts.append((bodies["thuong-truc"], MembershipRole.CHAIR, post.start, end))
        elif kind == "pho-chu-tich":
            posts.append((bodies["thuong-truc"], MembershipRole.VICE_CHAIR, post.start, end))
        elif kind == "truong-ban":
            posts.append((bodies[key], MembershipRole.HEAD, post.start, end))
            posts.append((bodies["thuong-truc"], MembershipRole.STANDING_MEMBER, post.start, end))
        elif kind == "pho-truong-ban":
            posts.append((bodies[key], MembershipRole.DEPUTY_HEAD, post.start, end))
        elif kind == "uy-vien-ban":
            posts.append((bodies[key], MembershipRole.MEMBER, post.start, end))
    return posts


def _position(term_cast, person, rng, district_label) -> str:
    for post in term_cast.posts_of(person.key):
        if post.role.startswith(("thu-truong:", "chu-tich-ubnd", "pho-chu-tich-ubnd")):
            return cast.roles()[post.role].title
        if post.role in ("chu-tich", "pho-chu-tich") or post.role.startswith(
            ("truong-ban:", "pho-truong-ban:")
        ):
            return f"{cast.roles()[post.role].title} (chuyên trách)"
    return rng.choice(WORKPLACES).format(d=district_label)


def _delegates(index, term, seed, bodies, constituencies) -> list[DelegatePage]:
    term_cast = cast.term_cast(seed)
    rng = random.Random(f"{seed}:people")
    places = calendar.places()
    pages = DelegatePage.objects.child_of(index)
    existing = set(pages.values_list("title", flat=True))
    slugs = set(pages.values_list("slug", flat=True))
    group_leaders = {
        (p.person, p.role.split(":")[1]) for p in term_cast.posts if p.role.startswith("to-truong:")
    }
    seats_taken: dict[str, int] = {}
    created = []
    delegates = [
        (post, term_cast.people[post.person])
        for post in term_cast.posts
        if post.role.startswith("dai-bieu:")
    ]
    for post, person in delegates:
        code = post.role.split(":")[1]
        # Draw every delegate's details whether or not the page exists: the same seed
        # always gives every delegate the same ones.
        birth_year = rng.randint(1962, 1988)
        ethnicity = rng.choice(ETHNICITIES)
        education = rng.choice(EDUCATION)
        position = _position(term_cast, person, rng, places[code].label)
        seat = seats_taken.get(code, 0)
        seats_taken[code] = seat + 1
        parts = constituencies[code]
        constituency = parts[0] if len(parts) == 1 or seat < parts[0].seats else parts[1]
        if person.name in existing:
            continue
        # Two names may differ only by their diacritics: the second gets a number.
        slug = base = slugify_vi(person.name)
        number = 1
        while slug in slugs:
            number += 1
            slug = f"{base}-{number}"
        slugs.add(slug)
        page = DelegatePageFactory(
            parent=index,
            title=person.name,
            slug=slug,
            gender="nu" if person.female else "nam",
            birth_year=birth_year,
            ethnicity=ethnicity,
            education=education,
            position=position,
            constituency=constituency,
            biography=(
                f"<p>{person.honorific.capitalize()} {person.name} sinh năm {birth_year}, dân "
                f"tộc {ethnicity}, trình độ {education.lower()}; hiện là {position}. Được bầu "
                f"làm đại biểu HĐND tỉnh khóa IX tại {constituency} ({places[code].label}) "
                "ngày 22/5/2016.</p>"
            ),
            contact_email=f"{slug.replace('-', '.')}@hdnd.backan.example",
            contact_address=content.SITE_FOOTER["address"],
            posts=_posts_of(term_cast.posts_of(person.key), bodies, group_leaders),
            term_pages=[term],
        )
        created.append(page)
    return created


def _link_voice_items(index) -> int:
    """Link each "Tiếng nói người đại biểu" item to the delegate its title names, on the
    page and in its latest revision (the editor opens that one)."""
    from portal.news.models import ArticlePage

    category = _category(VOICE_CATEGORY)
    if category is None:
        return 0
    delegates = {page.title: page.pk for page in DelegatePage.objects.child_of(index)}
    linked = 0
    items = ArticlePage.objects.descendant_of(category).filter(delegate__isnull=True)
    for page_id, title, revision_id in items.values_list("pk", "title", "latest_revision_id"):
        found = [pk for name, pk in delegates.items() if name in title]
        if len(found) != 1:
            continue
        ArticlePage.objects.filter(pk=page_id).update(delegate_id=found[0])
        revision = Revision.objects.filter(pk=revision_id).first()
        if revision is not None:
            revision.content["delegate"] = found[0]
            revision.save(update_fields=["content"])
        linked += 1
    return linked


def load_people(seed: int, home) -> int:
    """Write the section, its bodies and delegates and link the delegates' writings;
    return how many delegates were created (0 on a second run)."""
    from portal.council.models import TermPage

    with transaction.atomic():
        index = _index(home)
        term = TermPage.objects.filter(number=9).order_by("path").first()
        bodies = _bodies(index)
        constituencies = _constituencies(term)
        created = _delegates(index, term, seed, bodies, constituencies)
        _link_voice_items(index)
    return len(created)
