from django.db import migrations


class Migration(migrations.Migration):
    """``outbox.Message`` is ``OutboxMail``: a name that says which message."""

    dependencies = [
        ("outbox", "0001_initial"),
    ]

    operations = [
        migrations.RenameModel("Message", "OutboxMail"),
    ]
