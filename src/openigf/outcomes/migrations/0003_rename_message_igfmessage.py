from django.db import migrations


class Migration(migrations.Migration):
    """``outcomes.Message`` is ``IgfMessage``: a name that says which message."""

    dependencies = [
        ("outcomes", "0002_free_text_length_caps"),
    ]

    operations = [
        migrations.RenameModel("Message", "IgfMessage"),
        migrations.AlterModelOptions(
            name="igfmessage",
            options={"ordering": ["edition", "theme__order", "subheading", "order", "pk"],
                     "verbose_name": "message"},
        ),
    ]
