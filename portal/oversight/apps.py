from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "portal.oversight"
    label = "oversight"
    verbose_name = "Giám sát và đơn thư"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.registry import MenuSection, Searchable, Subject, register_subject
        from portal.search.documents import SearchDocument

        from .models import (
            LetterMonth,
            LetterStatisticsIndexPage,
            NonWorkingDay,
            ReceivingBody,
            Reception,
            ReceptionRule,
            ReceptionSchedulePage,
            Recommendation,
            SupervisionIndexPage,
            SupervisionPage,
        )
        from .people_blocks import reception_block, supervision_block
        from .reception_home import week_block

        def index_document(page):
            return SearchDocument(
                title=page.title,
                lead="Số liệu tiếp nhận, xử lý đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh "
                "của công dân theo từng tháng và từng năm.",
                text=page.intro,
                date=page.last_published_at,
            )

        def schedule_document(page):
            return SearchDocument(
                title=page.title,
                lead="Lịch tiếp công dân định kỳ của Thường trực HĐND tỉnh và đại biểu HĐND "
                "tỉnh: ngày, giờ, địa điểm, người tiếp.",
                text=page.intro,
                date=page.last_published_at,
            )

        def supervision_document(page):
            from wagtail.rich_text import get_text_for_indexing

            return SearchDocument(
                title=page.title,
                lead=f"{page.get_kind_display()} của {page.body.title}",
                text="\n".join(
                    [
                        *page.agency_list,
                        get_text_for_indexing(page.summary or ""),
                        *(f"{r.agency}: {r.text}" for r in page.recommendations.all()),
                    ]
                ),
                date=page.last_published_at,
                extra=[page.decision_number],
            )

        register_subject(
            Subject(
                label=self.label,
                searchable=(
                    Searchable(LetterStatisticsIndexPage, index_document),
                    Searchable(ReceptionSchedulePage, schedule_document),
                    Searchable(SupervisionPage, supervision_document, ("body", "recommendations")),
                ),
                search_groups=(SupervisionIndexPage,),
                menu=(
                    MenuSection(SupervisionIndexPage),
                    MenuSection(LetterStatisticsIndexPage),
                    MenuSection(ReceptionSchedulePage),
                ),
                home_blocks=(week_block,),
                page_blocks=(supervision_block, reception_block),
                # A month's figures, and the bodies' names, are on the month and
                # year pages and in their downloads. A report (LetterReport) is part
                # of its month (ParentalKey) and saved with it.
                # The receptions, their rules and the days off are on the schedule's
                # pages, its iCal feed and the home page's week.
                # Recommendations (with their follow-ups, saved with them) are on their
                # activity's page and the listings' overdue counts.
                cache_models=(
                    LetterMonth,
                    ReceivingBody,
                    Reception,
                    ReceptionRule,
                    NonWorkingDay,
                    Recommendation,
                ),
            )
        )
