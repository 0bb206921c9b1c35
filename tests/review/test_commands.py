import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import EditionFactory, ForumFactory


def test_assign_reviewers_prints_the_figures(world, capsys):
    call_command("assign_reviewers", "igf/2019", "--json")
    figures = json.loads(capsys.readouterr().out)
    assert figures["proposals"] == 6 and figures["reviewers"] == 4
    assert figures["reviews_per_proposal"] == {"min": 2, "max": 2}
    assert figures["load"] == {"min": 3, "max": 3} and figures["conflicts_assigned"] == 0


@pytest.mark.django_db
def test_assign_reviewers_needs_a_round():
    EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    with pytest.raises(CommandError, match="no evaluation round"):
        call_command("assign_reviewers", "igf/2019")
