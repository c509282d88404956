from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "portal.editorial"
    label = "editorial"
    verbose_name = "Tòa soạn"

    def ready(self):
        from portal.core.registry import Subject, register_subject

        from .gate import refuse_classified_upload
        from .publishing import refuse_marked_page

        register_subject(
            Subject(
                label=self.label,
                upload_checks=(refuse_classified_upload,),
                publish_checks=(refuse_marked_page,),
            )
        )
