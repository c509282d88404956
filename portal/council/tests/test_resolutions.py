"""The resolution register's model: numbers as they are written and assigned (also under
concurrent saves on PostgreSQL), validation with Vietnamese messages, the status computed
from dates and links (in Python and in SQL, the same), and links that never point at
themselves or form a cycle."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from portal.council.models import (
    RelationKind,
    Resolution,
    ResolutionCounter,
    ResolutionKind,
    ResolutionRelation,
    ResolutionStatus,
)
from portal.council.selectors import with_status

pytestmark = pytest.mark.django_db
D = datetime.date


def relate(source, target, kind=RelationKind.AMENDS, date=None):
    relation = ResolutionRelation(source=source, target=target, kind=kind, date=date)
    relation.full_clean()
    relation.save()
    return relation


# --- numbers ---------------------------------------------------------------------------


def test_numbers_run_per_kind_and_year(make_resolution):
    first = make_resolution()
    second = make_resolution()
    normative = make_resolution(kind=ResolutionKind.NORMATIVE)
    assert (first.code, second.code) == ("01/NQ-HĐND", "02/NQ-HĐND")
    assert normative.code == "01/2019/NQ-HĐND"
    next_year = make_resolution(session=None, adoption_date=D(2020, 1, 5))
    assert next_year.code == "01/NQ-HĐND" and next_year.year == 2020


def test_a_typed_free_number_is_taken_and_the_next_follows_it(make_resolution):
    typed = make_resolution(kind=ResolutionKind.NORMATIVE, code="12 / 2019 / NQ - HĐND")
    assert typed.code == "12/2019/NQ-HĐND" and typed.number == 12
    assert make_resolution(kind=ResolutionKind.NORMATIVE).code == "13/2019/NQ-HĐND"
    assert ResolutionCounter.objects.get(kind=ResolutionKind.NORMATIVE, year=2019).last == 13
    # Editing keeps the number.
    typed.title = "Sửa trích yếu"
    typed.full_clean()
    typed.save()
    assert Resolution.objects.get(pk=typed.pk).code == "12/2019/NQ-HĐND"


@pytest.mark.parametrize(
    ("kind", "code", "message"),
    [
        (ResolutionKind.INDIVIDUAL, "03-NQ-HĐND", "thiếu dấu “/” giữa số và ký hiệu"),
        (ResolutionKind.INDIVIDUAL, "03/TTr-HĐND", "phải mang ký hiệu “NQ”"),
        (ResolutionKind.INDIVIDUAL, "03/2019/NQ-HĐND", "Nghị quyết cá biệt không ghi năm"),
        (ResolutionKind.NORMATIVE, "03/NQ-HĐND", "ghi năm trong số, ví dụ 03/2019/NQ-HĐND"),
        (ResolutionKind.NORMATIVE, "03/2018/NQ-HĐND", "khác năm thông qua (2019)"),
        (ResolutionKind.INDIVIDUAL, "03/NQ-HDND", "viết “HĐND” với chữ “Đ”"),
    ],
)
def test_a_wrong_number_is_refused_in_vietnamese(session, kind, code, message):
    resolution = Resolution(kind=kind, code=code, title="Về việc", adoption_date=D(2019, 12, 11))
    with pytest.raises(ValidationError) as error:
        resolution.full_clean()
    assert message in " ".join(error.value.message_dict["code"])


def test_a_number_in_use_is_refused(make_resolution):
    make_resolution(code="05/NQ-HĐND")
    twin = Resolution(code="05/NQ-HĐND", title="Về việc khác", adoption_date=D(2019, 12, 10))
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert "Số “05/NQ-HĐND” đã được dùng" in error.value.message_dict["code"][0]
    # The same number of the other kind, or of another year, is free.
    make_resolution(kind=ResolutionKind.NORMATIVE, code="05/2019/NQ-HĐND")
    make_resolution(session=None, code="05/NQ-HĐND", adoption_date=D(2020, 3, 1))


def test_a_number_taken_between_clean_and_save_is_a_validation_error(make_resolution):
    late = Resolution(code="07/NQ-HĐND", title="Về việc", adoption_date=D(2019, 12, 11))
    late.full_clean()
    make_resolution(code="07/NQ-HĐND")
    with pytest.raises(ValidationError, match="đã được dùng"):
        late.save()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_saves_get_different_numbers():
    """Eight threads, each in its own transaction on its own connection, save at once
    (committed for real, so the database is restored afterwards as it was). SQLite lets
    one writer at a time and its test database is one connection's: there the eight
    saves run one after another, and the numbering is checked without the race."""
    from django.db import connections, transaction

    racing = connection.vendor == "postgresql"
    barrier = threading.Barrier(8 if racing else 1)
    codes, errors = [], []

    def save(n):
        try:
            with transaction.atomic():
                resolution = Resolution(title=f"Về việc {n}", adoption_date=D(2019, 12, 11))
                barrier.wait(timeout=10)
                resolution.save()
                codes.append(resolution.code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            if racing:
                connections.close_all()

    if racing:
        threads = [threading.Thread(target=save, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    else:
        for n in range(8):
            save(n)
    assert not errors, errors
    assert sorted(codes) == [f"{n:02d}/NQ-HĐND" for n in range(1, 9)]
    assert ResolutionCounter.objects.get().last == 8


# --- validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"effective_date": D(2019, 12, 1)}, "effective_date", "không được trước ngày thông qua"),
        ({"expiry_date": D(2019, 12, 11)}, "expiry_date", "phải sau ngày có hiệu lực"),
        ({"adoption_date": D(2019, 12, 20)}, "adoption_date", "trong thời gian kỳ họp"),
        ({"votes_for": 40}, "delegates_present", "Nhập số đại biểu có mặt"),
        (
            {"delegates_present": 45, "votes_for": 40, "votes_against": 3, "votes_abstain": 3},
            "votes_for",
            "(46) vượt quá số đại biểu có mặt (45)",
        ),
    ],
)
def test_bad_dates_and_votes_are_refused_in_vietnamese(session, fields, field, message):
    values = {"title": "Về việc", "adoption_date": D(2019, 12, 11), "session": session}
    resolution = Resolution(**{**values, **fields})
    with pytest.raises(ValidationError) as error:
        resolution.full_clean()
    assert message in " ".join(error.value.message_dict[field])


def test_a_published_vote_within_the_delegates_present(make_resolution):
    resolution = make_resolution(
        delegates_present=48, votes_for=46, votes_against=1, votes_abstain=1
    )
    assert resolution.vote_published


# --- status ----------------------------------------------------------------------------


def _sql_status(resolution, day):
    return with_status(Resolution.objects.filter(pk=resolution.pk), day).get().status


def status(resolution, day):
    python = resolution.status_on(day)
    assert python == _sql_status(resolution, day), day
    return python


def test_status_follows_dates_and_links(make_resolution):
    old = make_resolution(adoption_date=D(2019, 12, 11), effective_date=D(2020, 1, 1))
    amending = make_resolution(session=None, adoption_date=D(2020, 7, 15))
    replacing = make_resolution(session=None, adoption_date=D(2021, 3, 1))
    relate(amending, old, RelationKind.AMENDS, D(2020, 8, 1))
    relate(replacing, old, RelationKind.REPLACES, D(2021, 4, 1))
    assert status(old, D(2019, 12, 20)) == ResolutionStatus.NOT_YET
    assert status(old, D(2020, 1, 1)) == ResolutionStatus.IN_FORCE
    assert status(old, D(2020, 8, 1)) == ResolutionStatus.AMENDED
    assert status(old, D(2021, 3, 31)) == ResolutionStatus.AMENDED
    assert status(old, D(2021, 4, 1)) == ResolutionStatus.REPLACED
    assert status(amending, D(2021, 4, 1)) == ResolutionStatus.IN_FORCE


def test_repeal_and_expiry(make_resolution):
    limited = make_resolution(expiry_date=D(2020, 12, 31))
    assert status(limited, D(2020, 12, 30)) == ResolutionStatus.IN_FORCE
    assert status(limited, D(2020, 12, 31)) == ResolutionStatus.EXPIRED
    repealed = make_resolution()
    repealing = make_resolution(session=None, adoption_date=D(2020, 6, 1))
    relate(repealing, repealed, RelationKind.REPEALS)  # from the repealing one's effect
    assert status(repealed, D(2020, 5, 31)) == ResolutionStatus.IN_FORCE
    assert status(repealed, D(2020, 6, 1)) == ResolutionStatus.REPEALED
    # Repealed before it would have expired: repealed; expired first: expired.
    limited_later = make_resolution(expiry_date=D(2021, 6, 30))
    relate(repealing, limited_later, RelationKind.REPEALS)
    assert status(limited_later, D(2021, 7, 1)) == ResolutionStatus.REPEALED
    relate(repealing, limited, RelationKind.REPEALS, D(2021, 1, 15))
    assert status(limited, D(2021, 2, 1)) == ResolutionStatus.EXPIRED


def test_a_hidden_resolution_changes_no_status(make_resolution):
    old = make_resolution()
    draft = make_resolution(session=None, adoption_date=D(2020, 6, 1), published=False)
    relate(draft, old, RelationKind.REPLACES)
    assert status(old, D(2020, 7, 1)) == ResolutionStatus.IN_FORCE


# --- links -----------------------------------------------------------------------------


def test_a_resolution_cannot_amend_itself(make_resolution):
    resolution = make_resolution()
    with pytest.raises(ValidationError) as error:
        relate(resolution, resolution)
    assert "không thể tự sửa đổi, thay thế hay bãi bỏ chính nó" in str(error.value)


def test_a_cycle_is_refused(make_resolution):
    a, b, c = make_resolution(), make_resolution(), make_resolution()
    relate(b, a)
    relate(c, b, RelationKind.REPLACES)
    with pytest.raises(ValidationError) as error:
        relate(a, c, RelationKind.REPEALS)
    assert f"nghị quyết số {c.code}" in str(error.value) and "tạo thành vòng" in str(error.value)
    assert not ResolutionRelation.objects.filter(source=a).exists()


def test_a_link_before_the_target_was_adopted_is_refused(make_resolution):
    old = make_resolution()
    new = make_resolution()
    with pytest.raises(ValidationError, match="không được trước ngày thông qua"):
        relate(new, old, date=D(2019, 1, 1))
