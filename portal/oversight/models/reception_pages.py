"""The public reception schedule: one Wagtail page, "Lịch tiếp công dân", a section of the
main navigation; its routes serve a month and the iCal feed."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from portal.core.models import BasePage

FIRST_YEAR, LAST_YEAR = 2000, 2100


class ReceptionSchedulePage(RoutablePageMixin, BasePage):
    """ "Lịch tiếp công dân": the coming receptions; ``<năm>/<tháng>/`` a month as a
    calendar and a list; ``ical/`` every reception as an iCal feed."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "oversight/reception_schedule_page.html"

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "Trang lịch tiếp công dân"
        verbose_name_plural = "Trang lịch tiếp công dân"

    @path("", name="upcoming")
    def upcoming(self, request):
        from ..reception_selectors import upcoming_receptions

        today = timezone.localdate()
        return self.render(
            request,
            context_overrides={
                "receptions": upcoming_receptions(today),
                "today": today,
                "this_month": (today.year, today.month),
            },
        )

    @path("<int:year>/<int:month>/", name="month")
    def month_view(self, request, year, month):
        from ..reception_selectors import month_calendar

        if not FIRST_YEAR <= year <= LAST_YEAR or not 1 <= month <= 12:
            raise Http404("Tháng hoặc năm không hợp lệ.")
        return self.render(
            request,
            context_overrides={"calendar": month_calendar(year, month, timezone.localdate())},
            template="oversight/reception_month.html",
        )

    @path("ical/", name="ical")
    def ical(self, request):
        from ..ical import reception_feed

        page_url = self.get_full_url(request)
        response = HttpResponse(
            reception_feed(page_url, self.title), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = 'inline; filename="lich-tiep-cong-dan.ics"'
        return response


def month_label(year: int, month: int) -> str:
    return f"Tháng {month:02d}/{year}"


def shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1
