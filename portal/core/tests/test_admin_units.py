"""The administrative-unit list installed by migration: tree, validity, successors."""

import datetime

import pytest

from portal.core.admin_units_loader import FIXTURE, load_administrative_units, read_fixture
from portal.core.models import AdministrativeUnit

BAC_KAN_DISTRICTS = {
    "058": "Bắc Kạn",
    "060": "Pác Nặm",
    "061": "Ba Bể",
    "062": "Ngân Sơn",
    "063": "Bạch Thông",
    "064": "Chợ Đồn",
    "065": "Chợ Mới",
    "066": "Na Rì",
}
REFORM_DAY = datetime.date(2025, 7, 1)


@pytest.mark.django_db
def test_migration_installs_the_province_and_its_districts():
    bac_kan = AdministrativeUnit.objects.get(code="06")
    assert (bac_kan.name, bac_kan.kind) == ("Bắc Kạn", AdministrativeUnit.Kind.PROVINCE)
    children = {u.code: u.name for u in bac_kan.children.all()}
    assert children == BAC_KAN_DISTRICTS
    city = AdministrativeUnit.objects.get(code="058")
    assert city.kind == AdministrativeUnit.Kind.CITY_OF_PROVINCE


@pytest.mark.django_db
def test_every_commune_sits_under_a_district_and_is_marked_as_demo():
    communes = AdministrativeUnit.objects.filter(parent__parent__code="06")
    assert communes.count() >= 2 * len(BAC_KAN_DISTRICTS)
    assert set(communes.values_list("parent__code", flat=True)) == set(BAC_KAN_DISTRICTS)
    assert all(unit.is_demo for unit in communes)
    assert not AdministrativeUnit.objects.get(code="06").is_demo


@pytest.mark.django_db
def test_every_row_names_its_source():
    assert all(row["source"] for row in read_fixture())
    assert (
        not AdministrativeUnit.objects.filter(code__in=[r["code"] for r in read_fixture()])
        .filter(source="")
        .exists()
    )
    assert (FIXTURE.parent / "README.md").exists()


@pytest.mark.django_db
def test_valid_on_reflects_the_2025_reform():
    before = AdministrativeUnit.objects.valid_on(datetime.date(2019, 12, 10))
    after = AdministrativeUnit.objects.valid_on(REFORM_DAY)
    assert before.filter(code="06").exists()
    assert before.filter(code__in=BAC_KAN_DISTRICTS).count() == len(BAC_KAN_DISTRICTS)
    assert not after.filter(code="06").exists()
    assert not after.filter(code__in=BAC_KAN_DISTRICTS).exists()
    assert after.filter(code="19").exists()
    # The day before the reform the old units still exist.
    assert (
        AdministrativeUnit.objects.valid_on(REFORM_DAY - datetime.timedelta(days=1))
        .filter(code="06")
        .exists()
    )
    bac_kan = AdministrativeUnit.objects.get(code="06")
    assert bac_kan.is_valid_on(datetime.date(2020, 1, 1))
    assert not bac_kan.is_valid_on(REFORM_DAY)
    assert not bac_kan.is_valid_on(datetime.date(1996, 12, 31))


@pytest.mark.django_db
def test_final_successor_follows_the_merger():
    bac_kan = AdministrativeUnit.objects.get(code="06")
    thai_nguyen = AdministrativeUnit.objects.get(code="19")
    assert bac_kan.successor == thai_nguyen
    assert bac_kan.final_successor() == thai_nguyen
    assert thai_nguyen.final_successor() == thai_nguyen
    assert list(thai_nguyen.predecessors.all()) == [bac_kan]


@pytest.mark.django_db
def test_final_successor_follows_a_chain_and_survives_a_cycle():
    a = AdministrativeUnit.objects.create(code="X1", name="A", kind="xa")
    b = AdministrativeUnit.objects.create(code="X2", name="B", kind="xa")
    c = AdministrativeUnit.objects.create(code="X3", name="C", kind="xa")
    a.successor, b.successor = b, c
    a.save()
    b.save()
    assert a.final_successor() == c
    c.successor = a
    c.save()
    assert a.final_successor() in {a, b, c}  # terminates


@pytest.mark.django_db
def test_loading_again_changes_nothing_and_repairs_edits():
    count = AdministrativeUnit.objects.count()
    assert load_administrative_units() == 0
    assert AdministrativeUnit.objects.count() == count
    AdministrativeUnit.objects.filter(code="061").update(name="Sai tên", valid_to=None)
    AdministrativeUnit.objects.filter(code="06").update(successor=None)
    assert load_administrative_units() == 2
    assert AdministrativeUnit.objects.get(code="061").name == "Ba Bể"
    assert AdministrativeUnit.objects.get(code="06").successor.code == "19"
    assert AdministrativeUnit.objects.count() == count


@pytest.mark.django_db
def test_label_shows_the_end_date():
    assert str(AdministrativeUnit.objects.get(code="06")) == "Tỉnh Bắc Kạn (đến 01/07/2025)"
