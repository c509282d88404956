"""Factories of the council subject, shared by the tests and the demo data.

``ResolutionFactory(session=session)`` a published resolution numbered by the register
(the next free number of its kind and year) with one PDF of its metadata.

``SessionPageFactory(parent=term, agenda=["…", "…"])`` creates a published session
with its agenda; ``SessionDocumentFactory(session=session)`` a posted document with
one PDF whose text says its metadata (pass ``files=[("Toàn văn", b"...", "x.pdf")]``
for others, ``files=[]`` for none). Files go in through ``services.store_document``,
the admin's upload path with its checks.
"""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from portal.core.factories import PortalPageFactory, PublishedPageFactory

from . import files, services
from .models import (
    AgendaItem,
    CouncilIndexPage,
    DocumentType,
    Resolution,
    ResolutionField,
    ResolutionFile,
    ResolutionKind,
    SessionDocument,
    SessionPage,
    SessionType,
    TermPage,
)


class CouncilIndexPageFactory(PortalPageFactory):
    class Meta:
        model = CouncilIndexPage

    title = "Kỳ họp"


class TermPageFactory(PortalPageFactory):
    class Meta:
        model = TermPage

    number = 9
    start_year = 2016
    end_year = 2021
    title = factory.LazyAttribute(
        lambda o: f"Khóa {_roman(o.number)} ({o.start_year} - {o.end_year})"
    )


def _roman(number):
    from .models import roman

    return roman(number)


class SessionPageFactory(PublishedPageFactory):
    class Meta:
        model = SessionPage

    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Kỳ họp thứ {o.number}")
    session_type = SessionType.REGULAR
    opening_date = datetime.date(2019, 12, 9)
    closing_date = factory.LazyAttribute(lambda o: o.opening_date + datetime.timedelta(days=2))
    place = "Hội trường Trung tâm Hội nghị tỉnh"
    # ``agenda=["Nghị quyết về …", …]``: the agenda, in order, saved with the first revision.
    agenda = factory.LazyFunction(list)

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        kwargs["agenda_items"] = [
            item if isinstance(item, AgendaItem) else AgendaItem(title=item, sort_order=order)
            for order, item in enumerate(kwargs.pop("agenda", None) or [])
        ]
        return super()._create_instance(model_class, parent, kwargs)


def document_text(document) -> tuple[str, list[str]]:
    """The heading and lines a document's file prints: its metadata, word for word."""
    issued = document.issue_date
    lines = [
        document.issuing_body.upper(),
        f"Số: {document.number}" if document.number else "DỰ THẢO",
        (
            f"Bắc Kạn, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}"
            if issued
            else ""
        ),
        document.abstract,
        f"Trình {document.session.title}.",
    ]
    return document.get_document_type_display().upper(), [line for line in lines if line]


class SessionDocumentFactory(DjangoModelFactory):
    class Meta:
        model = SessionDocument
        skip_postgeneration_save = True

    document_type = DocumentType.SUBMISSION
    issuing_body = "UBND tỉnh"
    number = factory.Sequence(lambda n: f"{n + 1}/TTr-UBND")
    issue_date = factory.LazyAttribute(
        lambda o: o.session.opening_date - datetime.timedelta(days=20)
    )
    abstract = factory.Sequence(lambda n: f"Về việc ban hành nghị quyết số {n + 1} của kỳ họp")
    published = True
    # Posted ten days before the opening (on time under the default rule of seven).
    posted_at = factory.LazyAttribute(
        lambda o: (
            timezone.make_aware(
                datetime.datetime.combine(
                    o.session.opening_date - datetime.timedelta(days=10), datetime.time(9, 0)
                )
            )
            if o.published
            else None
        )
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document.full_clean()
        document.save()
        return document

    @factory.post_generation
    def files(self, create, extracted, **kwargs):
        """``files=[(name, bytes, filename), …]``; by default one PDF of its metadata."""
        if not create:
            return
        if extracted is None:
            heading, lines = document_text(self)
            extracted = [("Toàn văn", files.pdf_bytes(heading, lines), "toan-van.pdf")]
        for name, content, filename in extracted:
            stored = services.store_document(content, filename, f"{self.title} – {name}")
            services.session_document_add_file(self, stored, name=name)


class ResolutionFieldFactory(DjangoModelFactory):
    class Meta:
        model = ResolutionField
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Lĩnh vực {n + 1}")
    slug = factory.LazyAttribute(lambda o: _slug(o.name))


def _slug(text):
    from portal.core.text import slugify_vi

    return slugify_vi(text)


def resolution_text(resolution) -> tuple[str, list[str]]:
    """The heading and lines a resolution's file prints: its metadata, word for word."""
    day = resolution.adoption_date
    lines = [
        resolution.issuing_body.upper(),
        f"Số: {resolution.code}",
        f"Bắc Kạn, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
        resolution.title,
    ]
    if resolution.session_id:
        lines.append(f"Thông qua tại {resolution.session.title}.")
    return "NGHỊ QUYẾT", lines


class ResolutionFactory(DjangoModelFactory):
    class Meta:
        model = Resolution
        skip_postgeneration_save = True

    kind = ResolutionKind.INDIVIDUAL
    title = factory.Sequence(lambda n: f"Về việc phê duyệt đề án số {n + 1}")
    adoption_date = factory.LazyAttribute(
        lambda o: o.session.closing_date if o.session else datetime.date(2019, 12, 11)
    )
    session = None
    published = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        resolution = model_class(*args, **kwargs)
        resolution.full_clean()
        resolution.save()
        return resolution

    @factory.post_generation
    def files(self, create, extracted, **kwargs):
        """``files=[(name, bytes, filename), …]``; by default one PDF of its metadata."""
        if not create:
            return
        if extracted is None:
            heading, lines = resolution_text(self)
            extracted = [("Toàn văn", files.pdf_bytes(heading, lines), "toan-van.pdf")]
        for order, (name, content, filename) in enumerate(extracted):
            stored = services.store_document(content, filename, f"{self} – {name}")
            ResolutionFile.objects.create(resolution=self, name=name, file=stored, sort_order=order)
