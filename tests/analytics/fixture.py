"""A small world whose every figure is known: two editions of one forum.

2019: three registrations that count (Kenya x2, Germany) and one cancelled (France); one
submitted proposal (its organiser funded to travel) and one draft; one confirmed session with
an organiser, two speakers (one without an account) and 500 transcript words. 2018: one
participant from Brazil.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from openigf.community.models import Initiative
from openigf.funding.models import TravelApplication, TravelCall
from openigf.programme.models import Session
from openigf.registration.models import Registration
from openigf.transcripts.domain import spoken_words_count
from openigf.transcripts.models import Transcript, Turn
from tests.factories import EditionFactory, ForumFactory, PersonFactory, country
from tests.programme.factories import SessionPersonFactory
from tests.proposals.factories import ProposalFactory

NOW = datetime.datetime(2019, 11, 26, 9, tzinfo=datetime.UTC)


def register(edition, person, **values):
    values = {"stakeholder_group": person.stakeholder_group,
              "regional_group": person.regional_group, "gender": person.gender,
              "country": person.country, **values}
    return Registration.objects.create(edition=edition, person=person, **values)


def small_world():
    forum = ForumFactory(slug="igf", name="Internet Governance Forum")
    old = EditionFactory(forum=forum, year=2018, start_date=datetime.date(2018, 11, 12),
                         end_date=datetime.date(2018, 11, 14))
    edition = EditionFactory(forum=forum, year=2019)
    amina = PersonFactory(name="Amina", country=country("KE"), stakeholder_group="civil_society",
                          gender="female", first_time=True, youth=True)
    bernd = PersonFactory(name="Bernd", country=country("DE"), stakeholder_group="government",
                          gender="male")
    chao = PersonFactory(name="Chao", country=country("KE"), stakeholder_group="technical",
                         gender="female")
    dora = PersonFactory(name="Dora", country=country("FR"), stakeholder_group="private_sector")
    bruno = PersonFactory(name="Bruno", country=country("BR"))
    register(edition, amina, first_time=True, checked_in_at=NOW)
    register(edition, bernd, attendance="online")
    register(edition, chao, checked_in_at=NOW)
    register(edition, dora, status="cancelled")
    register(old, bruno)
    call = TravelCall.objects.create(edition=edition, name="Travel 2019", budget=Decimal(1000),
                                     opens_at=timezone.now(), closes_at=timezone.now())
    TravelApplication.objects.create(call=call, person=amina, cost_estimate=Decimal(900),
                                     contribution="Speaks", status="selected")
    proposal = ProposalFactory(call__edition=edition, created_by=amina, first_time=True)
    ProposalFactory(call__edition=edition, created_by=bernd, status="draft")
    session = Session.objects.create(edition=edition, kind="workshop", title="Data flows",
                                     status="confirmed", proposal=proposal)
    SessionPersonFactory(session=session, person=amina, name="Amina", role="organiser",
                         stakeholder_group="civil_society", regional_group="african",
                         gender="female")
    speaker = SessionPersonFactory(session=session, person=bernd, name="Bernd",
                                   stakeholder_group="government", regional_group="weog",
                                   gender="male", onsite=False)
    guest = SessionPersonFactory(session=session, name="Guest", stakeholder_group="academia",
                                 gender="female")
    transcript = Transcript.objects.create(session=session, raw="...", words=500)
    for index, (who, words) in enumerate([(speaker, 300), (guest, 100), (None, 100)]):
        Turn.objects.create(transcript=transcript, edition=edition, index=index, speaker=who,
                            text="word " * words, words=words)
    spoken_words_count(transcripts=[transcript.pk])  # as storing a transcript does
    Initiative.objects.create(forum=forum, name="Brazil IGF", slug="br", kind="national",
                              country=country("BR"), status="recognised")
    Initiative.objects.create(forum=forum, name="Kenya IGF", slug="ke", kind="national",
                              country=country("KE"), status="recognised")
    return edition
