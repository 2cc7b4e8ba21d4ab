"""On PostgreSQL the document vector also holds its kind as a lexeme (engine.KIND_LEXEME): the
generated column and its GIN index are made again from engine.POSTGRES_CREATE. SQLite is unchanged."""

from django.db import migrations


def remake(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from sitesearch.engine import create_index, drop_index

    drop_index(schema_editor)
    create_index(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0004_document_ids_name_their_kind")]

    operations = [migrations.RunPython(remake, migrations.RunPython.noop)]
