"""The newsroom's workflow in three steps, and the reasons for returning an item.

"Quy trình duyệt tin bài" (migration 0001) becomes: "Kiểm tra tự động" →
"Thư ký xem xét" (pass on / return to the author) → "Ban Biên tập duyệt"
(approve and publish / reject). Wagtail's group task that 0001 named
"Ban Biên tập duyệt" leaves the workflow and is kept, inactive, for the history
of items it reviewed. Administrators edit all of it in the admin afterwards.
"""

from django.db import migrations

WORKFLOW = "Quy trình duyệt tin bài"
OLD_TASK = ("Ban Biên tập duyệt", "Ban Biên tập duyệt (quy trình cũ)")
REASONS = [
    "Ảnh chất lượng thấp",
    "Thiếu tính thời sự",
    "Thông tin chưa chính xác",
    "Trùng lặp",
    "Chưa đúng thể loại",
    "Khác",
]
AUTOMATIC = "Kiểm tra tự động"
REVIEWS = [
    ("Thư ký xem xét", "Thư ký", "Chuyển Ban Biên tập", "Trả lại tác giả"),
    ("Ban Biên tập duyệt", "Ban Biên tập", "Duyệt và xuất bản", "Từ chối"),
]


def _content_type(apps, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="editorial", model=model)[0]


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ReviewReason = apps.get_model("editorial", "ReviewReason")
    ReviewTask = apps.get_model("editorial", "ReviewTask")
    AutomaticChecksTask = apps.get_model("editorial", "AutomaticChecksTask")

    for order, name in enumerate(REASONS):
        ReviewReason.objects.get_or_create(name=name, defaults={"sort_order": order})

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    old = Task.objects.filter(name=OLD_TASK[0]).exclude(
        content_type__app_label="editorial"
    )
    WorkflowTask.objects.filter(workflow=workflow, task__in=old).delete()
    old.update(name=OLD_TASK[1], active=False)

    steps = [
        AutomaticChecksTask.objects.get_or_create(
            name=AUTOMATIC,
            defaults={"content_type": _content_type(apps, "automaticcheckstask")},
        )[0]
    ]
    for name, group, pass_label, return_label in REVIEWS:
        task, created = ReviewTask.objects.get_or_create(
            name=name,
            defaults={
                "content_type": _content_type(apps, "reviewtask"),
                "pass_label": pass_label,
                "return_label": return_label,
            },
        )
        if created:
            task.groups.set(Group.objects.filter(name=group))
        steps.append(task)
    for order, task in enumerate(steps):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": order}
        )


def remove_workflow(apps, schema_editor):
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    ReviewReason = apps.get_model("editorial", "ReviewReason")
    names = [AUTOMATIC] + [name for name, *_ in REVIEWS]
    new = Task.objects.filter(name__in=names, content_type__app_label="editorial")
    WorkflowTask.objects.filter(task__in=new).delete()
    new.delete()
    old = Task.objects.filter(name=OLD_TASK[1])
    old.update(name=OLD_TASK[0], active=True)
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        for task in old:
            WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    ReviewReason.objects.filter(name__in=REASONS).delete()


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_review_steps")]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
