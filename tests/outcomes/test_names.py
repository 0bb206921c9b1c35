"""The two kinds of message have names that say which: an IGF Message of the outcomes, a mail
of the outbox; the rename kept their rows (RenameModel migrations)."""

import pytest
from django.apps import apps
from django.db import connection

from openigf.outbox.models import OutboxMail
from openigf.outcomes.models import IgfMessage


def test_no_model_is_called_just_message():
    assert [m for m in apps.get_models() if m.__name__ == "Message"] == []
    assert (IgfMessage._meta.label, OutboxMail._meta.label) == (
        "outcomes.IgfMessage", "outbox.OutboxMail")


@pytest.mark.django_db
def test_their_tables_follow_the_names():
    tables = set(connection.introspection.table_names())
    assert {"outcomes_igfmessage", "outbox_outboxmail"} <= tables
    assert not {"outcomes_message", "outbox_message"} & tables
