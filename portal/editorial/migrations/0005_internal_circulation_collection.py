"""The collection "Lưu hành nội bộ" (internal circulation): documents and images that
are not secret but not for the public. A login view restriction on the collection
means Wagtail's serve view hands them only to signed-in staff and delegates; the
proxy never serves /media/documents/ (docs/deploy.md), so no URL reaches them
otherwise. Pages are marked the same way with the page privacy setting "Lưu hành
nội bộ" (a login restriction), which every public listing already leaves out."""

from django.db import migrations

NAME = "Lưu hành nội bộ"


def create_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    collection = Collection.objects.filter(depth=2, name=NAME).first()
    if collection is None:
        # The treebeard API is not available on historical models: add the child by hand.
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        step = 4
        number = int(last.path[-step:], 36) + 1 if last else 1
        path = root.path + _base36(number).rjust(step, "0")
        collection = Collection.objects.create(name=NAME, depth=2, path=path, numchild=0)
        root.numchild = Collection.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")


def _base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


def remove_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    collection = Collection.objects.filter(depth=2, name=NAME).first()
    if collection is not None:
        collection.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_contributors_write_in_their_sections"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_collection, remove_collection)]
