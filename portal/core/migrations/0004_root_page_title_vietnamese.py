"""Wagtail's initial migration names the tree's root page "Root"; the admin shows
it in the explorer, the breadcrumbs and every page chooser. It is "Gốc"."""

from django.db import migrations


def rename(apps, schema_editor, old="Root", new="Gốc"):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old="Gốc", new="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_page_expire_at_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
