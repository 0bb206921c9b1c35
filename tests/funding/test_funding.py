"""Travel support and NRI grants: eligibility, applications, selection under the budget with
floors (and what happens when a floor cannot be met), decisions, trip reports, grants' caps."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from openigf.community.models import Initiative
from openigf.core.errors import ApplicationError
from openigf.core.numbers import figure
from openigf.funding import domain
from openigf.funding.models import GrantCall, TravelApplication, TravelCall
from openigf.outbox.models import OutboxMail
from openigf.people.models import Country
from tests.factories import EditionFactory, ForumFactory, PersonFactory, secretariat_of
from tests.programme.factories import SessionFactory, SessionPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    now = timezone.now()
    return TravelCall.objects.create(
        edition=edition, name="Travel 2019", budget=Decimal("6000"),
        opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=9),
        floors=[{"attribute": "gender", "value": "female", "minimum": 1}])


def applicant(call, *, country="KE", gender="male", speaker=True, **kwargs):
    person = PersonFactory(country=Country.objects.get(iso2=country), gender=gender, **kwargs)
    if speaker:
        session = SessionFactory(edition=call.edition)
        SessionPersonFactory(session=session, person=person, name=person.name)
    return person


def test_eligibility_explains_itself(call):
    assert domain.travel_eligibility(call, applicant(call)) == []
    rich = applicant(call, country="CH")
    assert "country" in domain.travel_eligibility(call, rich)[0]
    silent = applicant(call, speaker=False)
    assert "no role in a session" in domain.travel_eligibility(call, silent)[0]


def test_selection_under_budget_with_a_binding_floor_and_decisions(call):
    people = [applicant(call, gender="male") for _ in range(3)] + [
        applicant(call, gender="female")]
    for i, p in enumerate(people):
        app = domain.travel_apply(call=call, person=p, cost_estimate=2000,
                                  contribution="Speaker")
        domain.score_set(application=app, score=[9, 8, 7, 2][i])
    counts = domain.travel_decide(call=call)
    assert counts["selected"] == 3 and counts["broken"] == []
    woman = TravelApplication.objects.get(person=people[3])
    assert woman.status == "selected"  # the floor binds: she replaces a higher score
    assert OutboxMail.objects.filter(kind="travel.decision").count() == 4
    domain.trip_report_save(application=woman, text="Spoke in two sessions.")


def test_decisions_sent_in_bulk_speak_each_applicants_language(call):
    """Sent by a Secretariat reading Arabic, each mail is in its reader's language: the
    words, the reason and the figures (2,500 / 2 500 / 2.500)."""
    languages = ["fr", "es", "zh-hans", "en"]
    people = [applicant(call, gender="female" if i == 3 else "male", preferred_language=lang)
              for i, lang in enumerate(languages)]
    for i, p in enumerate(people):
        app = domain.travel_apply(call=call, person=p, cost_estimate=2500, contribution="Speaker")
        domain.score_set(application=app, score=[9, 8, 7, 2][i])
    with translation.override("ar"):
        domain.travel_decide(call=call)

    mails = {m.to: m for m in OutboxMail.objects.filter(kind="travel.decision")}
    for person in people:
        mail = mails[person.email]
        application = TravelApplication.objects.get(person=person)
        with translation.override(person.preferred_language):
            why, cost = gettext("Why:"), figure(2500)
        assert why in mail.body, (person.preferred_language, mail.body)
        if application.status == "selected":
            assert cost in mail.body
        assert not re.search("[\u0600-\u06ff]", mail.subject + mail.body)
    assert "2\u202f500" in mails[people[0].email].body
    assert "2.500" in mails[people[1].email].body and "2,500" not in mails[people[1].email].body


def test_a_floor_the_budget_cannot_meet_is_reported(call):
    p = applicant(call)
    app = domain.travel_apply(call=call, person=p, cost_estimate=1000, contribution="x")
    domain.score_set(application=app, score=5)
    result, _explanations = domain.travel_select(call=call)
    assert result.broken == ["at least 1 with gender = female: 1 short"]


def test_closed_call_and_bad_cost_are_refused(call):
    p = applicant(call)
    with pytest.raises(ApplicationError, match="estimated cost"):
        domain.travel_apply(call=call, person=p, cost_estimate=0, contribution="x")
    with pytest.raises(ApplicationError, match="closed"):
        domain.travel_apply(call=call, person=p, cost_estimate=10, contribution="x",
                            now=call.closes_at)


def test_applicant_pages(client, call):
    p = applicant(call)
    client.force_login(p)
    page = reverse("funding:travel", kwargs=call.edition.url_kwargs)
    response = client.post(page, {"cost_estimate": "", "contribution": "Speaker"})
    assert "This field is required" in response.content.decode()
    client.post(page, {"cost_estimate": "2500", "contribution": "Speaker in WS 12"})
    assert TravelApplication.objects.get(person=p).cost_estimate == Decimal("2500")
    client.force_login(PersonFactory())
    manage = reverse("funding:travel_manage", kwargs=call.edition.url_kwargs)
    assert client.get(manage).status_code == 403
    client.force_login(secretariat_of(call.edition.forum))
    assert p.name in client.get(manage).content.decode()


def test_grants_respect_the_caps_and_recognition():
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    now = timezone.now()
    grants = GrantCall.objects.create(edition=edition, name="Grants", budget=Decimal("9000"),
                                      opens_at=now - datetime.timedelta(days=1),
                                      closes_at=now + datetime.timedelta(days=1))
    national = Initiative.objects.create(forum=edition.forum, name="Kenya IGF", slug="ke",
                                         kind="national", status="recognised")
    regional = Initiative.objects.create(forum=edition.forum, name="African IGF", slug="af",
                                         kind="regional", status="recognised")
    lapsed = Initiative.objects.create(forum=edition.forum, name="Old IGF", slug="old",
                                       kind="national", status="lapsed")
    with pytest.raises(ApplicationError, match="at most USD 5,000"):
        domain.grant_apply(call=grants, initiative=national, amount=6000, purpose="x")
    with pytest.raises(ApplicationError, match="recognised"):
        domain.grant_apply(call=grants, initiative=lapsed, amount=1000, purpose="x")
    a = domain.grant_apply(call=grants, initiative=national, amount=5000, purpose="x")
    b = domain.grant_apply(call=grants, initiative=regional, amount=8000, purpose="x")
    domain.score_set(application=a, score=6)
    domain.score_set(application=b, score=9)
    assert domain.grant_decide(call=grants)["selected"] == 1
    b.refresh_from_db()
    assert b.status == "selected"
