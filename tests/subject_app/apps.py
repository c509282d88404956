"""A subject written for the test suite only: public notices (thông báo).

It proves that a new subject joins the house by writing its own app: it is
searchable, appears in the main navigation, invalidates cached pages and obeys
the visibility rule without a line of ``core``, ``search`` or ``home`` changing.
Installed by ``config.settings.test`` only.
"""

from django.apps import AppConfig


class SubjectAppConfig(AppConfig):
    name = "tests.subject_app"
    label = "subject_app"
    verbose_name = "Thông báo (ứng dụng thử)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.registry import MenuSection, Searchable, Subject, register_subject
        from portal.search.documents import SearchDocument

        from .models import NoticeIndexPage, NoticeOffice, NoticePage, NoticeVisit

        def notice_document(page):
            return SearchDocument(
                title=page.title,
                text=f"{page.kind.name if page.kind else ''}\n{page.body}",
                date=page.first_published_at,
            )

        register_subject(
            Subject(
                label=self.label,
                searchable=(
                    Searchable(NoticePage, notice_document),
                    Searchable(
                        NoticeOffice,
                        lambda office: SearchDocument(title=office.name, text=office.address),
                        url=lambda office: f"/thong-bao/noi-nhan-don/#{office.pk}",
                        visible=lambda office: office.is_public,
                    ),
                ),
                search_groups=(NoticeIndexPage,),
                menu=(
                    MenuSection(
                        NoticeIndexPage, item_type=NoticePage, item_label="Danh sách thông báo"
                    ),
                ),
                exempt={NoticeVisit: "a visit counter: no page shows it"},
            )
        )
