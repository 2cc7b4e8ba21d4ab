"""Document ids now carry their object and kind (registry.document_id). Documents written before
have other ids: they are removed here, and `manage.py rebuild_search_index` (run by `make run`
and by every deployment) writes them again."""

from django.db import migrations


def forget_documents(apps, schema_editor):
    SearchDocument = apps.get_model("sitesearch", "SearchDocument")
    SearchTerm = apps.get_model("sitesearch", "SearchTerm")
    SearchDocument.themes.through.objects.all().delete()
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0003_default_synonyms")]

    operations = [migrations.RunPython(forget_documents, migrations.RunPython.noop)]
