"""Contributors write only in the sections given to them (portal.editorial.sections).

The role group "Cộng tác viên" loses Wagtail's ``add`` permission on the root page:
a contributor now gets it per section, as a member of that section's group
("Chuyên mục: <title>"), which administrators manage in the group editor.
"""

from django.db import migrations

CONTRIBUTORS = "Cộng tác viên"


def drop_root_add_permission(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name=CONTRIBUTORS, page__depth=1, permission__codename="add_page"
    ).delete()


def restore_root_add_permission(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = Group.objects.filter(name=CONTRIBUTORS).first()
    root = Page.objects.filter(depth=1).first()
    permission = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename="add_page"
    ).first()
    if group and root and permission:
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0003_newsroom_workflow")]

    operations = [migrations.RunPython(drop_root_add_permission, restore_root_add_permission)]
