from django.db import migrations


def load(apps, schema_editor):
    from practices.default_template import load as load_template

    load_template(apps.get_model("practices", "DescriptionTemplate"), apps.get_model("practices", "TemplateSection"))


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
