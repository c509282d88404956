"""Factories shared by tests and the demo data command.

``PortalPageFactory`` and ``PublishedPageFactory`` are the base of every page
factory of every subject: ``XPageFactory(parent=page)`` creates a *published*
page with a revision, like an editor pressing "Xuất bản"; pass ``live=False``
for a draft and ``published_at=<aware datetime>`` to date its publication.
"""

import factory
import wagtail_factories
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


class PortalPageFactory(wagtail_factories.PageFactory):
    """Leaves the slug to the model, which transliterates the title."""

    class Meta:
        abstract = True

    slug = ""


class PublishedPageFactory(PortalPageFactory):
    """A page saved with a revision and published, as the admin does it."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        live = kwargs.pop("live", True)
        published_at = kwargs.pop("published_at", None)
        instance = model_class(**kwargs)
        instance.live = False
        parent.add_child(instance=instance)
        revision = instance.save_revision()
        if live:
            revision.publish()
            if published_at:
                backdate(instance, revision, published_at)
            instance.refresh_from_db()
        return instance


def backdate(page, revision, published_at):
    """Make a page look published at ``published_at`` (demo data, tests of dates)."""
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=published_at,
        last_published_at=published_at,
        latest_revision_created_at=published_at,
    )
    type(revision).objects.filter(pk=revision.pk).update(created_at=published_at)
    # The update sends no publish signal: bring the search entry in step.
    from portal.search.services import index_page

    index_page(page.pk)
