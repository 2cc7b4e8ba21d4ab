from django.db import migrations


def load(apps, schema_editor):
    from organisations.reference import load_municipalities

    load_municipalities(apps.get_model("organisations", "Province"), apps.get_model("organisations", "Municipality"), apps.get_model("organisations", "Postcode"))


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
