from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "portal.oversight"
    label = "oversight"
    verbose_name = "Giám sát và đơn thư"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.registry import MenuSection, Searchable, Subject, register_subject
        from portal.search.documents import SearchDocument

        from .models import LetterMonth, LetterStatisticsIndexPage, ReceivingBody

        def index_document(page):
            return SearchDocument(
                title=page.title,
                lead="Số liệu tiếp nhận, xử lý đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh "
                "của công dân theo từng tháng và từng năm.",
                text=page.intro,
                date=page.last_published_at,
            )

        register_subject(
            Subject(
                label=self.label,
                searchable=(Searchable(LetterStatisticsIndexPage, index_document),),
                menu=(MenuSection(LetterStatisticsIndexPage),),
                # A month's figures, and the bodies' names, are on the month and
                # year pages and in their downloads. A report (LetterReport) is part
                # of its month (ParentalKey) and saved with it.
                cache_models=(LetterMonth, ReceivingBody),
            )
        )
