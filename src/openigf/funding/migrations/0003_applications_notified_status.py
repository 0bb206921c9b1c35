from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("funding", "0002_free_text_length_caps"),
    ]

    operations = [
        migrations.AddField(
            model_name="grantapplication",
            name="notified_status",
            field=models.CharField(blank=True, max_length=15),
        ),
        migrations.AddField(
            model_name="travelapplication",
            name="notified_status",
            field=models.CharField(blank=True, max_length=15),
        ),
    ]
