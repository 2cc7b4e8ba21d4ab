"""A first set of synonyms and abbreviations of the field, for editors to keep in the admin."""

from django.db import migrations

GROUPS = [
    "CLB, centrum voor leerlingenbegeleiding",
    "HvhK, Huis van het Kind, Huizen van het Kind",
    "kinderopvang, crèche, kinderdagverblijf, opvang",
    "IBO, initiatief buitenschoolse opvang, buitenschoolse opvang",
    "CAW, centrum algemeen welzijnswerk",
    "OCMW, sociaal huis",
    "Kind en Gezin, Opgroeien",
    "JAC, jongerenadviescentrum",
    "onthaalouder, dagmoeder, gastouder",
    "tiener, puber, adolescent",
    "scheiding, echtscheiding",
    "nieuwkomers, anderstalige nieuwkomers, migranten",
    "schermtijd, mediagebruik, schermgebruik",
]


def add(apps, schema_editor):
    Synonym = apps.get_model("sitesearch", "Synonym")
    if not Synonym.objects.exists():
        Synonym.objects.bulk_create([Synonym(terms=terms) for terms in GROUPS])


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0002_engine_index")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
