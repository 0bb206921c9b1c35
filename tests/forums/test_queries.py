import pytest
from django.core.management.base import CommandError

from openigf.forums.queries import edition_from
from tests.factories import EditionFactory


@pytest.mark.django_db
def test_a_command_finds_the_edition_it_is_given():
    edition = EditionFactory()
    assert edition_from(f"{edition.forum.slug}/{edition.slug}/") == edition
    with pytest.raises(CommandError, match="<forum>/<edition>"):
        edition_from(edition.slug)
    with pytest.raises(CommandError):
        edition_from(f"{edition.forum.slug}/1900")
