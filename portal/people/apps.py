from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "portal.people"
    label = "people"
    verbose_name = "Đại biểu và cơ quan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.registry import MenuSection, Subject, register_subject

        from . import models, search

        register_subject(
            Subject(
                label=self.label,
                searchable=search.SEARCHABLE,
                search_groups=(models.PeopleIndexPage,),
                menu=(
                    MenuSection(
                        models.PeopleIndexPage, item_type=models.BodyPage, item_label="Cơ quan"
                    ),
                ),
                # Constituencies are snippets (their saves refresh the cache by kind);
                # memberships are part of their delegate's page.
            )
        )
