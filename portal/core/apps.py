from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = "Nền tảng"

    def ready(self):
        from . import signals  # noqa: F401
