"""A small edition with something in every part the API reads: themes, a call, proposals (a
received one, a draft, scores on the received one), a published schedule with people, a
transcript, reports, messages, the Chair's Summary, an NRI, a coalition, a BPF."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from openigf.api.models import ApiToken
from openigf.community.models import (
    BestPracticeForum,
    BpfOutput,
    Coalition,
    CoalitionMember,
    Initiative,
)
from openigf.outcomes import domain as outcomes
from openigf.outcomes.models import IgfMessage
from openigf.programme.models import Release
from openigf.proposals.enums import ProposalStatus
from openigf.reporting import domain as reporting
from openigf.review.models import Assignment, Review, Round
from openigf.transcripts import domain as transcripts
from tests.factories import (
    EditionFactory,
    ForumFactory,
    PersonFactory,
    ThemeFactory,
    country,
    mag_member_of,
    secretariat_of,
)
from tests.programme.factories import RoomFactory, SessionFactory, SessionPersonFactory
from tests.proposals.factories import CallFactory, ProposalFactory

START = datetime.datetime(2019, 11, 26, 9, 0, tzinfo=datetime.UTC)


@dataclass
class World:
    edition: object
    theme: object
    proposal: object
    draft: object
    session: object
    people: dict = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"/api/v1/{self.edition.forum.slug}/{self.edition.slug}/"

    def token(self, role: str, **kwargs) -> str:
        _token, secret = ApiToken.issue(person=self.people[role], name=role, **kwargs)
        return secret


def build() -> World:
    forum = ForumFactory(slug="igf", name="Internet Governance Forum")
    edition = EditionFactory(forum=forum, year=2019, theme="Internet for all")
    theme = ThemeFactory(edition=edition, name="Data Governance", slug="data")
    call = CallFactory(edition=edition, kind="workshop")
    proposer, other = PersonFactory(name="Pat Proposer"), PersonFactory(name="Olu Other")
    mag = mag_member_of(edition, name="Mia Mag")
    staff = secretariat_of(forum, name="Sam Secretariat")
    proposal = ProposalFactory(call=call, created_by=proposer, theme=theme,
                               title="Cross-border data flows",
                               status=ProposalStatus.SCREENED_IN)
    draft = ProposalFactory(call=call, created_by=other, status=ProposalStatus.DRAFT,
                            submitted_at=None, title="A secret draft")
    now = timezone.now()
    round_ = Round.objects.create(edition=edition, opens_at=now - datetime.timedelta(days=2),
                                  closes_at=now - datetime.timedelta(days=1))
    Assignment.objects.create(round=round_, proposal=proposal, reviewer=mag)
    Review.objects.create(round=round_, proposal=proposal, reviewer=mag, score=5,
                          comment="Confidential: the best proposal of the round")

    room = RoomFactory(edition=edition, name="Main hall")
    session = SessionFactory(edition=edition, title="Data for all", theme=theme,
                             proposal=proposal)
    organiser = PersonFactory(name="Ora Organiser")
    SessionPersonFactory(session=session, person=organiser, name="Ora Organiser",
                         email=organiser.email, role="organiser")
    SessionPersonFactory(session=session, name="Ana Pérez", role="moderator",
                         organisation="Data Lab", stakeholder_group="civil_society",
                         gender="female")
    Release.objects.create(edition=edition, number=1,
                           placements={str(session.pk): [START.isoformat(), room.pk]})
    transcripts.transcript_save(session=session, text=">> ANA PEREZ: Welcome to data for all.")
    reporting.report_save(session=session, kind="short", takeaways=["Data must flow."],
                          submit=True)
    message = IgfMessage.objects.create(edition=edition, theme=theme, status="final",
                                     text="Data governance needs every stakeholder.")
    message.sessions.add(session)
    outcomes.summary_publish(edition=edition, introduction="The forum met in Berlin.")
    Initiative.objects.create(forum=forum, name="Kenya IGF", slug="kenya", kind="national",
                              country=country("KE"), regional_group="african",
                              status="recognised")
    coalition = Coalition.objects.create(forum=forum, name="Coalition on Data", slug="data",
                                         need="Because.", action_plan="Meet.",
                                         mailing_list="list@example.org", status="active",
                                         founded=2017)
    CoalitionMember.objects.create(coalition=coalition, name="Member", coordinator=True,
                                   stakeholder_group="academia")
    bpf = BestPracticeForum.objects.create(edition=edition, name="BPF Cybersecurity",
                                           slug="cyber", topic="Norms.")
    BpfOutput.objects.create(bpf=bpf, title="Final report", published=datetime.date(2019, 12, 1),
                             url="https://example.org/bpf.pdf")
    return World(edition=edition, theme=theme, proposal=proposal, draft=draft,
                 session=session, people={"proposer": proposer, "other": other, "mag": mag,
                                          "staff": staff, "organiser": organiser,
                                          "participant": PersonFactory(name="Pia Participant")})
