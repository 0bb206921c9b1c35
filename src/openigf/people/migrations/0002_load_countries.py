from django.db import migrations


def load_countries(apps, schema_editor):
    from openigf.people.countries import countries_load

    countries_load(apps.get_model("people", "Country"))


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
