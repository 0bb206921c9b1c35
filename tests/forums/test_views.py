import datetime
import zoneinfo

import pytest

from openigf.forums.enums import Role
from openigf.forums.models import Membership
from tests.factories import (
    EditionFactory,
    PersonFactory,
    ThemeFactory,
    mag_member_of,
    secretariat_of,
)
from tests.proposals.factories import CallFactory


def _edition_page(client, edition):
    return client.get(f"/{edition.forum.slug}/{edition.slug}/")


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 3])
def test_edition_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    edition = EditionFactory()
    for _ in range(size):
        theme = ThemeFactory(edition=edition)
        theme.policy_questions.create(edition=edition, text="Why?")
        mag_member_of(edition)
    # 8, and one for the headline figures of a past edition (analytics' panel)
    with django_assert_num_queries(9):
        assert _edition_page(client, edition).status_code == 200


@pytest.mark.django_db
def test_edition_page_shows_themes_questions_and_mag_counts(client):
    edition = EditionFactory(title="IGF 2019 Berlin")
    theme = ThemeFactory(edition=edition, name="Data Governance")
    theme.policy_questions.create(edition=edition, text="Who governs data?")
    mag_member_of(edition, stakeholder_group="government")
    mag_member_of(edition, stakeholder_group="civil_society")
    html = _edition_page(client, edition).content.decode()
    assert "Data Governance" in html and "Who governs data?" in html
    assert "MAG members by stakeholder group" in html
    assert "<td class=\"num\">50.0%</td>" in html


@pytest.mark.django_db
def test_secretariat_gives_a_mag_role_by_email(client):
    edition = EditionFactory()
    client.force_login(secretariat_of(edition.forum))
    person = PersonFactory(email="new.mag@example.org")
    url = f"/{edition.forum.slug}/{edition.slug}/manage/roles/"
    response = client.post(url, {"email": "NEW.MAG@example.org", "role": Role.MAG})
    assert response.status_code == 302
    assert Membership.objects.filter(person=person, edition=edition, role=Role.MAG).exists()


@pytest.mark.django_db
def test_giving_a_role_to_an_unknown_email_says_so_at_the_field(client):
    edition = EditionFactory()
    client.force_login(secretariat_of(edition.forum))
    url = f"/{edition.forum.slug}/{edition.slug}/manage/roles/"
    response = client.post(url, {"email": "nobody@example.org", "role": Role.MAG})
    assert response.status_code == 200
    assert "sign up first" in response.context["form"].errors["email"][0]
    assert 'value="nobody@example.org"' in response.content.decode()


@pytest.mark.django_db
def test_edition_settings_reject_a_phase_that_closes_before_it_opens(client):
    edition = EditionFactory()
    client.force_login(secretariat_of(edition.forum))
    url = f"/{edition.forum.slug}/{edition.slug}/manage/settings/"
    data = {k: v for k, v in client.get(url).context["form"].initial.items() if v is not None}
    data.update(start_date="2019-11-26", end_date="2019-11-29",
                call_for_proposals_opens="2019-04-12T00:00",
                call_for_proposals_closes="2019-03-04T00:00")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "call_for_proposals_closes" in response.context["form"].errors


@pytest.mark.django_db
def test_a_mag_member_of_the_edition_cannot_manage_it(client):
    edition = EditionFactory()
    client.force_login(mag_member_of(edition))
    assert client.get(f"/{edition.forum.slug}/{edition.slug}/manage/").status_code == 403


@pytest.mark.django_db
def test_roles_page_says_whose_address_is_not_confirmed_yet(client):
    edition = EditionFactory()
    mag_member_of(edition, name="Confirmed Member")
    mag_member_of(edition, name="Waiting Member", email_verified=None)
    client.force_login(secretariat_of(edition.forum))
    html = client.get(f"/{edition.forum.slug}/{edition.slug}/manage/roles/").content.decode()
    rows = {row.split("</th>")[0] for row in html.split('<th scope="row">')[1:]}
    assert rows == {"Confirmed Member",
                    "Waiting Member <small>(address not confirmed yet)</small>"}


@pytest.mark.django_db
def test_timeline_and_calls_show_the_same_dates_the_same_way(client):
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    opens = datetime.datetime(2019, 3, 4, 9, 0, tzinfo=berlin)
    closes = datetime.datetime(2019, 4, 12, 23, 59, tzinfo=berlin)
    edition = EditionFactory(timezone="Europe/Berlin", call_for_proposals_opens=opens,
                             call_for_proposals_closes=closes)
    CallFactory(edition=edition, kind="workshop", opens_at=opens, closes_at=closes)
    span = "Mon 4 Mar 2019, 09:00 CET – Fri 12 Apr 2019, 23:59 CEST"
    assert span in _edition_page(client, edition).content.decode()
    overview = client.get(f"/{edition.forum.slug}/{edition.slug}/proposals/")
    assert span in overview.content.decode()
