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
                # Author and AdministrativeUnit are snippets: they invalidate cached
                # pages without being listed here.
                cache_models=("core.RelatedAgencyLink",),
            )
        )
