"""The demo's people: the cast's delegates with their posts, in constituencies of at most
five seats, written once."""

import time

import pytest

from portal.core.admin_units_loader import load_administrative_units
from portal.council.demo import load_council
from portal.demo import cast, content
from portal.people.demo import load_people
from portal.people.models import BodyKind, BodyPage, Constituency, DelegatePage, Membership

pytestmark = pytest.mark.django_db
SEED = 2019


def test_the_terms_delegates_and_bodies(home, client):
    load_administrative_units()
    load_council(SEED, home)
    started = time.monotonic()
    created = load_people(SEED, home)
    print(f"load_people: {created} delegates in {time.monotonic() - started:.1f}s")
    term_cast = cast.term_cast(SEED)
    elected = {p.person for p in term_cast.posts if p.role.startswith("dai-bieu:")}
    assert created == len(elected) == DelegatePage.objects.count() == 50
    assert BodyPage.objects.filter(kind=BodyKind.COMMITTEE).count() == len(content.COMMITTEES)
    assert BodyPage.objects.filter(kind=BodyKind.DELEGATE_GROUP).count() == 8
    # Constituencies elect one to five delegates, and hold every seat of the term.
    seats = list(Constituency.objects.values_list("seats", flat=True))
    assert all(1 <= n <= 5 for n in seats) and sum(seats) == 50
    for constituency in Constituency.objects.all():
        assert constituency.delegates.count() == constituency.seats, constituency
    # Every post validates; the chair changed in 2019 and both are listed as such.
    for membership in Membership.objects.select_related("body"):
        membership.full_clean()
    standing = BodyPage.objects.get(kind=BodyKind.STANDING)
    chairs = Membership.objects.filter(body=standing, role="chu-tich").order_by("start_date")
    assert chairs.count() == 2 and chairs[0].end_date < chairs[1].start_date
    html = client.get(standing.url, HTTP_HOST="localhost").content.decode()
    assert chairs[1].page.title in html.split("Thành viên trước đây")[0]
    assert chairs[0].page.title in html.split("Thành viên trước đây")[1]
    assert load_people(SEED, home) == 0
    assert DelegatePage.objects.count() == 50
