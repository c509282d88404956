from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "portal.editorial"
    label = "editorial"
    verbose_name = "Tòa soạn"

    def ready(self):
        from portal.core.registry import Subject, register_subject

        from . import audit, models, notifications, sections
        from .gate import refuse_classified_upload
        from .publishing import refuse_marked_page
        from .two_factor import checks  # noqa: F401  (registers the system checks)

        sections.register_page_permission_policy()
        audit.connect()
        notifications.connect()
        register_subject(
            Subject(
                label=self.label,
                upload_checks=(refuse_classified_upload,),
                publish_checks=(refuse_marked_page,),
                exempt={
                    models.ReviewReason: "the newsroom's list of reasons; no public page shows it",
                    models.ReviewTaskState: "a review step's state, admin only",
                    models.ReviewTask: "a workflow step, admin only",
                    models.AutomaticChecksTask: "a workflow step, admin only",
                    models.HeldUpload: "a declassified file held for the head of the board, "
                    "never public",
                },
            )
        )
