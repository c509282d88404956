"""The demo's reception schedule is the calendar's: one reception a month of the term by
the Standing Committee, presided by who held the post that day, and the delegate
groups' 2020 rota; written once."""

import io
import time

import pypdf
import pytest

from portal.core.admin_units_loader import load_administrative_units
from portal.council.demo import load_council
from portal.demo import calendar, cast
from portal.oversight.models import Reception, ReceptionRule
from portal.oversight.reception_demo import load_receptions_demo
from portal.oversight.receptions import DaysOff
from portal.people.demo import load_people

pytestmark = pytest.mark.django_db
SEED = 2019


def test_the_terms_receptions(home):
    load_administrative_units()
    load_council(SEED, home)
    load_people(SEED, home)
    started = time.monotonic()
    created = load_receptions_demo(home, SEED)
    print(f"load_receptions_demo: {created} receptions in {time.monotonic() - started:.1f}s")
    events = [e for e in calendar.term_calendar(SEED) if e.kind == calendar.Kind.RECEPTION]
    monthly = Reception.objects.filter(rule=None).order_by("date")
    assert [r.date for r in monthly] == [e.start for e in events]
    term_cast = cast.term_cast(SEED)
    for entry, event in zip(monthly, events, strict=True):
        presider = term_cast.holders(event.participants[0], event.start)[0]
        assert [h.title for h in entry.hosts.all()] == [presider.name]
    with_notice = [r for r in monthly if r.conclusion_id]
    assert with_notice and all(r.date.year >= 2020 for r in with_notice)
    notice = with_notice[0]
    with notice.conclusion.file.open("rb") as handle:
        text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(handle.read())).pages)
    assert notice.hosts.get().title in " ".join(text.split())
    rule = ReceptionRule.objects.get()
    rota = list(Reception.objects.filter(rule=rule).order_by("date"))
    assert len(rota) == 4
    days_off = DaysOff.between(rota[0].date, rota[-1].date)
    assert all(days_off.is_working_day(r.date) for r in rota)
    assert load_receptions_demo(home, SEED) == 0
