from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "portal.search"
    label = "portal_search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from portal.core.registry import Subject, register_subject

        from . import signals  # noqa: F401

        register_subject(
            Subject(
                label=self.label,
                exempt={
                    "portal_search.SearchEntry": "bản sao đã lập chỉ mục của nội dung khác; "
                    "được cập nhật khi nội dung đó thay đổi"
                },
            )
        )
