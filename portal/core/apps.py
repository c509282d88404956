from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = "Nền tảng"

    def ready(self):
        from . import checks, registry, signals  # noqa: F401 - checks register themselves

        signals.connect_all()
        registry.register_subject(
            registry.Subject(
                label=self.label,
                # Author and AdministrativeUnit are snippets: they invalidate cached
                # pages without being listed here.
                cache_models=("core.RelatedAgencyLink",),
            )
        )
