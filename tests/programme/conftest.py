import pytest

from tests.factories import EditionFactory, ForumFactory


@pytest.fixture
def edition():
    """IGF 2019 in Berlin (Europe/Berlin), 26 to 29 November."""
    return EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
