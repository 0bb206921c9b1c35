import django.utils.timezone
from django.db import migrations, models


def from_created(apps, schema_editor):
    Registration = apps.get_model("registration", "Registration")
    Registration.objects.update(registered_at=models.F("created"))


class Migration(migrations.Migration):

    dependencies = [
        ("registration", "0002_person_classification"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="registered_at",
            field=models.DateTimeField(default=django.utils.timezone.now,
                                       verbose_name="registered"),
        ),
        migrations.RunPython(from_created, migrations.RunPython.noop),
    ]
