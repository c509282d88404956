"""Factories of the letters statistics and the reception schedule, shared by the tests
and the demo data.

``LetterMonthFactory(body=..., year=2019, month=3, received=14)`` builds figures
that add up: the parts of ``received`` are spread by the factory's own rules
unless given (``letter_figures``)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from portal.core.factories import PortalPageFactory, PublishedPageFactory

from .models import (
    FollowUp,
    Frequency,
    LetterMonth,
    LetterStatisticsIndexPage,
    ReceivingBody,
    ReceptionRule,
    ReceptionSchedulePage,
    Recommendation,
    SupervisionIndexPage,
    SupervisionKind,
    SupervisionPage,
)


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


class ReceptionSchedulePageFactory(PortalPageFactory):
    class Meta:
        model = ReceptionSchedulePage

    title = "Lịch tiếp công dân"


class ReceptionRuleFactory(DjangoModelFactory):
    """``ReceptionRuleFactory(...)`` saves a valid rule; ``expand_rule(rule)`` writes its
    receptions (``hosts=[…]``, ``rota=[…]`` set the delegates and the groups)."""

    class Meta:
        model = ReceptionRule
        skip_postgeneration_save = True

    title = "Thường trực HĐND tỉnh tiếp công dân định kỳ"
    frequency = Frequency.MONTHLY
    day_of_month = 15
    valid_from = datetime.date(2020, 1, 1)
    valid_until = datetime.date(2020, 12, 31)
    place = "Trụ sở tiếp công dân tỉnh, tổ 1, phường Đức Xuân, thành phố Bắc Kạn"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        hosts = kwargs.pop("hosts", [])
        rota = kwargs.pop("rota", [])
        rule = model_class(*args, **kwargs)
        rule.full_clean()
        rule.hosts = hosts
        rule.rota = rota
        rule.save()
        return rule


class SupervisionIndexPageFactory(PortalPageFactory):
    class Meta:
        model = SupervisionIndexPage

    title = "Giám sát, khảo sát"


class SupervisionPageFactory(PublishedPageFactory):
    """A published activity; ``body`` (a people.BodyPage) is required."""

    class Meta:
        model = SupervisionPage

    title = factory.Sequence(lambda n: f"Giám sát việc thực hiện chính sách số {n + 1}")
    kind = SupervisionKind.THEMATIC
    agencies = "Sở Nông nghiệp và Phát triển nông thôn\nUBND huyện Ba Bể"
    start_date = datetime.date(2020, 3, 2)
    end_date = datetime.date(2020, 4, 30)


class RecommendationFactory(DjangoModelFactory):
    """``RecommendationFactory(activity=…, follow_ups=[(date, action, assessment), …])``."""

    class Meta:
        model = Recommendation
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Rà soát, bổ sung nội dung số {n + 1} trong kế hoạch")
    agency = "Sở Nông nghiệp và Phát triển nông thôn"
    due_date = datetime.date(2020, 9, 30)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        entries = kwargs.pop("follow_ups", [])
        item = model_class(*args, **kwargs)
        item.follow_ups = [
            FollowUp(date=day, action=action, assessment=assessment, sort_order=order)
            for order, (day, action, assessment) in enumerate(entries)
        ]
        item.save()
        return item
