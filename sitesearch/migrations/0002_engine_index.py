"""The engine's full-text index beside SearchDocument: FTS5 + triggers on SQLite, a generated
tsvector column + GIN index on PostgreSQL (see sitesearch/engine.py)."""

from django.db import migrations


def create(apps, schema_editor):
    from sitesearch.engine import create_index

    create_index(schema_editor)


def drop(apps, schema_editor):
    from sitesearch.engine import drop_index

    drop_index(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
