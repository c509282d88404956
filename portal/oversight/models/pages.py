"""The public pages of the letters statistics: one Wagtail page, "Thống kê đơn thư",
a section of the main navigation, whose routes serve a year and a month."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from portal.core.models import BasePage

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class LetterStatisticsIndexPage(RoutablePageMixin, BasePage):
    """ "Thống kê đơn thư": the years with figures; ``<năm>/`` the year's totals and
    charts, ``<năm>/<tháng>/`` a month's table; each also as Excel and CSV."""

    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "oversight/letter_statistics_index_page.html"

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "Trang thống kê đơn thư"
        verbose_name_plural = "Trang thống kê đơn thư"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import letter_years

        context = super().get_context(request, *args, **kwargs)
        context["years"] = SimpleLazyObject(letter_years)
        return context

    def get_sitemap_urls(self, request=None):
        """The page, and each year and month with figures."""
        from ..selectors import letter_periods

        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = urls[0]["location"]
        years = {}
        for year, month, updated in letter_periods():
            years[year] = max(filter(None, (years.get(year), updated)))
            urls.append({"location": f"{base}{year}/{month}/", "lastmod": updated})
        urls += [
            {"location": f"{base}{year}/", "lastmod": updated} for year, updated in years.items()
        ]
        return urls

    # --- routes ---------------------------------------------------------------

    def _summary(self, year):
        from ..selectors import year_summary

        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise Http404("Năm không hợp lệ.")
        summary = year_summary(year)
        if summary is None:
            raise Http404(f"Chưa có số liệu đơn thư năm {year}.")
        return summary

    def _table(self, year, month):
        from ..selectors import month_table

        if not FIRST_YEAR <= year <= LAST_YEAR or not 1 <= month <= 12:
            raise Http404("Tháng hoặc năm không hợp lệ.")
        table = month_table(year, month)
        if not table.rows:
            raise Http404(f"Chưa có số liệu đơn thư tháng {month}/{year}.")
        return table

    @path("<int:year>/", name="year")
    def year_view(self, request, year):
        from ..charts import year_charts
        from ..models import FIGURE_FIELDS, FIGURE_LABELS, FIGURES
        from ..selectors import letter_months_of, letter_years

        summary = self._summary(year)
        month_rows = [
            (f"Tháng {month}", month, [totals[name] for name in FIGURE_FIELDS])
            for month, totals in sorted(summary.months.items())
        ]
        month_rows.append(("Tổng cộng", None, [summary.totals[name] for name in FIGURE_FIELDS]))
        return self.render(
            request,
            context_overrides={
                "summary": summary,
                "year_label": f"Năm {year}",
                "figures": FIGURES,
                "totals_rows": [
                    (FIGURE_LABELS[name], summary.totals[name], summary.previous_totals[name])
                    for name in FIGURE_FIELDS
                ],
                "month_rows": month_rows,
                "body_rows": [
                    (name, [totals[field] for field in FIGURE_FIELDS])
                    for name, totals in summary.bodies
                ],
                "charts": year_charts(summary),
                "months_with_data": letter_months_of(year),
                "years": letter_years(),
            },
            template="oversight/letter_year.html",
        )

    @path("<int:year>/excel/", name="year_excel")
    def year_excel(self, request, year):
        from ..excel import XLSX_TYPE, year_workbook

        content = year_workbook(self._summary(year))
        return _download(content, f"thong-ke-don-thu-{year}.xlsx", XLSX_TYPE)

    @path("<int:year>/csv/", name="year_csv")
    def year_csv(self, request, year):
        from ..excel import year_csv

        content = year_csv(self._summary(year))
        return _download(content, f"thong-ke-don-thu-{year}.csv", "text/csv; charset=utf-8")

    @path("<int:year>/<int:month>/", name="month")
    def month_view(self, request, year, month):
        from ..models import FIGURE_FIELDS, FIGURES
        from ..selectors import letter_months_of

        table = self._table(year, month)
        return self.render(
            request,
            context_overrides={
                "table": table,
                "month_label": f"Tháng {month}/{year}",
                "body_rows": [
                    (row.body.name, [getattr(row, name) for name in FIGURE_FIELDS])
                    for row in table.rows
                ],
                "total_values": [table.totals[name] for name in FIGURE_FIELDS],
                "outcomes": [row for row in table.rows if row.outcome],
                "figures": FIGURES,
                "months_with_data": letter_months_of(year),
            },
            template="oversight/letter_month.html",
        )

    @path("<int:year>/<int:month>/excel/", name="month_excel")
    def month_excel(self, request, year, month):
        from ..excel import XLSX_TYPE, month_workbook

        content = month_workbook(self._table(year, month))
        return _download(content, f"thong-ke-don-thu-{year}-{month:02d}.xlsx", XLSX_TYPE)

    @path("<int:year>/<int:month>/csv/", name="month_csv")
    def month_csv(self, request, year, month):
        from ..excel import month_csv

        content = month_csv(self._table(year, month))
        return _download(
            content, f"thong-ke-don-thu-{year}-{month:02d}.csv", "text/csv; charset=utf-8"
        )
