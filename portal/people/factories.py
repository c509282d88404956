"""Factories of the people subject, shared by the tests and the demo data.

``DelegatePageFactory(parent=index, posts=[(body, role), (body, role, start, end)])``
creates a published delegate with their memberships saved in the first revision.
"""

import factory
from factory.django import DjangoModelFactory

from portal.core.factories import PortalPageFactory, PublishedPageFactory

from .models import BodyKind, BodyPage, Constituency, DelegatePage, Membership, PeopleIndexPage


class PeopleIndexPageFactory(PortalPageFactory):
    class Meta:
        model = PeopleIndexPage

    title = "Đại biểu"


class BodyPageFactory(PublishedPageFactory):
    class Meta:
        model = BodyPage

    title = factory.Sequence(lambda n: f"Tổ đại biểu số {n + 1}")
    kind = BodyKind.DELEGATE_GROUP


class ConstituencyFactory(DjangoModelFactory):
    class Meta:
        model = Constituency
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: n + 1)
    seats = 3

    @factory.post_generation
    def units(self, create, extracted, **kwargs):
        if create and extracted:
            self.units.set(extracted)


class DelegatePageFactory(PublishedPageFactory):
    class Meta:
        model = DelegatePage

    title = factory.Sequence(lambda n: f"Nguyễn Văn {chr(ord('A') + n % 26)}{n // 26 or ''}")
    position = "Đại biểu HĐND tỉnh"
    # ``posts=[(body, role), (body, role, start, end)]``: saved with the first revision.
    posts = factory.LazyFunction(list)
    # ``term_pages=[term]``: the terms, saved with the first revision.
    term_pages = factory.LazyFunction(list)

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        memberships = []
        for order, post in enumerate(kwargs.pop("posts", None) or []):
            body, role, *dates = post
            start, end = (list(dates) + [None, None])[:2]
            memberships.append(
                Membership(body=body, role=role, start_date=start, end_date=end, sort_order=order)
            )
        kwargs["memberships"] = memberships
        kwargs["terms"] = list(kwargs.pop("term_pages", None) or [])
        return super()._create_instance(model_class, parent, kwargs)
