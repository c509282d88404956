"""The newsroom's roles, its approval workflow and the root collection, in Vietnamese.

Wagtail's own migrations create the groups "Editors" and "Moderators", the
workflow and task "Moderators approval" and the collection "Root". They become
the newsroom's (../shared/DESIGN.md, glossary):

- Thư ký (secretariat, Wagtail's Editors): edits any item, never publishes;
- Ban Biên tập (editorial board, Wagtail's Moderators): approves and publishes;
- Cộng tác viên (contributors in the communes), new: creates pages and edits only
  their own drafts (Wagtail's "add" permission), uploads images and documents,
  submits; never publishes;
- Quản trị (administrators), new: every page, image and document permission,
  users and groups, sites and the portal's settings.

The workflow "Quy trình duyệt tin bài" keeps its task "Ban Biên tập duyệt"; the
root collection is "Gốc". Administrators edit all of it in the admin afterwards.
"""

from django.db import migrations

RENAMED_GROUPS = {"Editors": "Thư ký", "Moderators": "Ban Biên tập"}
WORKFLOW = ("Moderators approval", "Quy trình duyệt tin bài")
TASK = ("Moderators approval", "Ban Biên tập duyệt")
ROOT_COLLECTION = ("Root", "Gốc")

PAGE_PERMISSIONS = {
    "Cộng tác viên": ["add_page"],
    "Thư ký": ["add_page", "change_page", "lock_page"],
    "Ban Biên tập": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Quản trị": [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}
MEDIA = ("image", "document")
COLLECTION_ACTIONS = {
    "Cộng tác viên": ["add", "choose"],
    "Thư ký": ["add", "change", "choose"],
    "Ban Biên tập": ["add", "change", "choose", "delete"],
    "Quản trị": ["add", "change", "choose", "delete"],
}
ADMIN_MODEL_PERMISSIONS = [
    ("auth", "user", ("add", "change", "delete", "view")),
    ("auth", "group", ("add", "change", "delete", "view")),
    ("wagtailcore", "site", ("add", "change", "delete")),
    ("wagtailcore", "workflow", ("add", "change", "delete")),
    ("wagtailcore", "task", ("add", "change", "delete")),
    ("wagtailcore", "collection", ("add", "change", "delete")),
    ("wagtailredirects", "redirect", ("add", "change", "delete")),
    ("core", "sitesettings", ("change",)),
    ("core", "author", ("add", "change", "delete")),
    ("core", "administrativeunit", ("add", "change", "delete")),
    ("news", "genre", ("add", "change", "delete")),
]


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")

    for old, new in RENAMED_GROUPS.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    Workflow.objects.filter(name=WORKFLOW[0]).update(name=WORKFLOW[1])
    Task.objects.filter(name=TASK[0]).update(name=TASK[1])
    Collection.objects.filter(depth=1, name=ROOT_COLLECTION[0]).update(name=ROOT_COLLECTION[1])

    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        if root_page is not None:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=_permission(apps, "wagtailcore", "page", codename),
                )
        if root_collection is not None:
            for action in COLLECTION_ACTIONS[name]:
                for media, app_label in zip(MEDIA, ("wagtailimages", "wagtaildocs"), strict=True):
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(apps, app_label, media, f"{action}_{media}"),
                    )
    administrators = Group.objects.get(name="Quản trị")
    for app_label, model, actions in ADMIN_MODEL_PERMISSIONS:
        for action in actions:
            administrators.permissions.add(
                _permission(apps, app_label, model, f"{action}_{model}")
            )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Collection = apps.get_model("wagtailcore", "Collection")
    Group.objects.filter(name__in=["Cộng tác viên", "Quản trị"]).delete()
    for old, new in RENAMED_GROUPS.items():
        Group.objects.filter(name=new).update(name=old)
    Workflow.objects.filter(name=WORKFLOW[1]).update(name=WORKFLOW[0])
    Task.objects.filter(name=TASK[1]).update(name=TASK[0])
    Collection.objects.filter(depth=1, name=ROOT_COLLECTION[1]).update(name=ROOT_COLLECTION[0])


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("core", "__first__"),
        ("news", "__first__"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
