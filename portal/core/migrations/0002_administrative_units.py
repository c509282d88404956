"""Install the administrative units of Bắc Kạn and Thái Nguyên (see fixtures/README.md)."""

from django.db import migrations

from portal.core.admin_units_loader import load_administrative_units


def install_units(apps, schema_editor):
    load_administrative_units(apps.get_model("core", "AdministrativeUnit"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(install_units, migrations.RunPython.noop)]
