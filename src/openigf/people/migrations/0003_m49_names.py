from django.db import migrations


def load_countries(apps, schema_editor):
    from openigf.people.countries import countries_load

    countries_load(apps.get_model("people", "Country"))


class Migration(migrations.Migration):
    """Countries follow UNSD's M49 list: 384 is "Côte d’Ivoire", and 158 (which M49 counts
    within China) is no separate country."""

    dependencies = [("people", "0002_load_countries")]
    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
