"""Factories shared by tests and the demo data command."""

import factory
from factory.django import DjangoModelFactory

from .models import AdministrativeUnit, Author


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("name", "unit")

    name = factory.Sequence(lambda n: f"Tác giả {n}")
    unit = "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"


class AdministrativeUnitFactory(DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T{n:05d}")
    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    kind = AdministrativeUnit.Kind.COMMUNE
