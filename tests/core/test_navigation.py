"""The menus show only pages that exist for the edition, to whoever may open them."""

import pytest

from openigf.outcomes.models import ChairsSummary
from tests.factories import (
    EditionFactory,
    ForumFactory,
    PersonFactory,
    mag_member_of,
    secretariat_of,
)

pytestmark = pytest.mark.django_db


def _people(forum, edition):
    return {"public": None, "participant": PersonFactory(), "mag": mag_member_of(edition),
            "secretariat": secretariat_of(forum)}


@pytest.mark.parametrize("published", [True, False])
def test_every_menu_link_of_an_empty_edition_opens(client, published):
    forum = ForumFactory(slug="afigf", name="African IGF", kind="regional")
    edition = EditionFactory(forum=forum, year=2019, published=published)
    broken = []
    for role, person in _people(forum, edition).items():
        client.logout()
        if person is not None:
            client.force_login(person)
        for scope in ("edition_nav",):
            response = client.get(f"/afigf/{edition.slug}/")
            for item in response.context[scope] if response.status_code == 200 else []:
                status = client.get(item["url"]).status_code
                if status != 200:
                    broken.append((role, item["url"], status))
    assert broken == []


def _labels(client, edition):
    return [i["label"] for i in client.get(
        f"/{edition.forum.slug}/{edition.slug}/").context["edition_nav"]]


def test_the_chairs_summary_shows_in_the_menu_only_once_published(client):
    edition = EditionFactory(year=2018)
    assert "Chair's Summary" not in _labels(client, edition)
    client.force_login(secretariat_of(edition.forum))
    assert "Chair's Summary" in _labels(client, edition)
    client.logout()
    ChairsSummary.objects.create(edition=edition, published=True)
    assert "Chair's Summary" in _labels(client, edition)


def test_the_menu_of_an_empty_edition_holds_only_what_it_has(client):
    edition = EditionFactory(year=2018)
    assert _labels(client, edition) == ["Overview", "Community"]

