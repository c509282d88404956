from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "portal.council"
    label = "council"
    verbose_name = "Kỳ họp HĐND"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.registry import MenuSection, Subject, register_subject

        from . import models, search, signals

        signals.connect()
        register_subject(
            Subject(
                label=self.label,
                searchable=search.SEARCHABLE,
                search_groups=(models.CouncilIndexPage,),
                menu=(
                    MenuSection(
                        models.CouncilIndexPage,
                        item_type=models.TermPage,
                        item_label="Các khóa HĐND",
                    ),
                ),
                # Documents are searchable records (their saves refresh the cache);
                # their files are saved after them and listed here.
                # Resolutions too; their files, links and actions are saved after them,
                # and the fields name the register's filter.
                cache_models=(
                    models.SessionDocument,
                    models.SessionDocumentFile,
                    models.Resolution,
                    models.ResolutionFile,
                    models.ResolutionRelation,
                    models.ResolutionAction,
                    models.ResolutionField,
                ),
                exempt={
                    models.ResolutionCounter: "the last resolution number handed out per kind "
                    "and year, a lock for numbering; no page shows it",
                },
            )
        )
