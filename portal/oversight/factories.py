"""Factories of the letters statistics, shared by the tests and the demo data.

``LetterMonthFactory(body=..., year=2019, month=3, received=14)`` builds figures
that add up: the parts of ``received`` are spread by the factory's own rules
unless given (``letter_figures``)."""

import factory
from factory.django import DjangoModelFactory

from portal.core.factories import PublishedPageFactory

from .models import LetterMonth, LetterStatisticsIndexPage, ReceivingBody


def letter_figures(received: int, rng=None) -> dict:
    """Figures that add up for ``received`` letters: the content, the eligibility and
    the handling spread in plausible proportions (deterministic without ``rng``)."""

    def split(total, weights):
        if rng is not None:
            weights = [max(0.0, w * rng.uniform(0.6, 1.4)) for w in weights]
        scale = sum(weights) or 1
        parts = [int(total * w / scale) for w in weights]
        parts[0] += total - sum(parts)
        return parts

    complaints, denunciations, petitions, mixed = split(received, [0.35, 0.1, 0.45, 0.1])
    not_eligible, eligible = split(received, [0.3, 0.7])
    guided, forwarded, urged, own = split(eligible, [0.3, 0.5, 0.1, 0.1])
    followed = forwarded + urged + own
    answered = followed - (followed // 4 if rng is None else rng.randint(0, followed // 3))
    return {
        "received": received,
        "complaints": complaints,
        "denunciations": denunciations,
        "petitions": petitions,
        "mixed": mixed,
        "eligible": eligible,
        "not_eligible": not_eligible,
        "guided": guided,
        "forwarded": forwarded,
        "urged": urged,
        "own_competence": own,
        "answered": answered,
    }


class ReceivingBodyFactory(DjangoModelFactory):
    class Meta:
        model = ReceivingBody
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Ban HĐND số {n}")
    kind = ReceivingBody.Kind.COMMITTEE
    sort_order = factory.Sequence(lambda n: n + 10)


class LetterMonthFactory(DjangoModelFactory):
    class Meta:
        model = LetterMonth

    body = factory.SubFactory(ReceivingBodyFactory)
    year = 2019
    month = factory.Sequence(lambda n: n % 12 + 1)

    @classmethod
    def _create(cls, model_class, *args, received=12, **kwargs):
        figures = letter_figures(received)
        figures.update({k: v for k, v in kwargs.items() if k in figures})
        kwargs.update(figures)
        return super()._create(model_class, *args, **kwargs)

    @classmethod
    def _build(cls, model_class, *args, received=12, **kwargs):
        figures = letter_figures(received)
        figures.update({k: v for k, v in kwargs.items() if k in figures})
        kwargs.update(figures)
        return super()._build(model_class, *args, **kwargs)


class LetterStatisticsIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = LetterStatisticsIndexPage

    title = "Thống kê đơn thư"
