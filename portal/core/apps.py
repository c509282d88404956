from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = "Nền tảng"

    def ready(self):
        from . import registry, signals

        signals.connect_all()
        registry.register_subject(
            registry.Subject(
                label=self.label,
                cache_models=("core.Author", "core.AdministrativeUnit", "core.RelatedAgencyLink"),
            )
        )
