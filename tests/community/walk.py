"""Who may open each community page (see tests/walk.py)."""

from openigf.community.enums import PlanDecision
from openigf.community.models import BpfFacilitator, MagPlanEntry, RecognitionRequest
from openigf.forums.models import Membership
from tests.community.factories import (
    BpfFactory,
    CoalitionFactory,
    DonorFactory,
    InitiativeFactory,
    RecommendationFactory,
    WorkingGroupFactory,
)
from tests.factories import PersonFactory
from tests.walk import ALL, SIGNED_IN, STAFF

FOCAL = STAFF | {"focal_point"}
COORDINATOR = STAFF | {"coordinator"}
FACILITATOR = STAFF | {"facilitator"}
KEEPER = STAFF | {"wg_member"}


def build(world):
    forum, edition = world.forum, world.edition
    focal = PersonFactory(email="focal@walk.test")
    coordinator = PersonFactory(email="coordinator@walk.test")
    facilitator = PersonFactory(email="facilitator@walk.test")
    keeper = PersonFactory(email="keeper@walk.test")
    world.people.update(focal_point=focal, coordinator=coordinator, facilitator=facilitator,
                        wg_member=keeper)
    initiative = InitiativeFactory(forum=forum, slug="walk-igf")
    initiative.focal_points.add(focal)
    request = RecognitionRequest.objects.create(initiative=initiative, submitted_by=focal,
                                                first_meeting="2019")
    coalition = CoalitionFactory(forum=forum, slug="dc-walk")
    coalition.members.create(name=coordinator.name, person=coordinator, coordinator=True,
                             stakeholder_group="civil_society")
    bpf = BpfFactory(edition=edition, slug="bpf-walk")
    BpfFacilitator.objects.create(bpf=bpf, person=facilitator)
    group = WorkingGroupFactory(edition=edition, kind="improvements")
    group.members.create(person=keeper)
    mag = Membership.objects.get(person=world.people["mag"], edition=edition)
    MagPlanEntry.objects.create(edition=edition, person=mag.person, decision=PlanDecision.LEAVE)
    world.kwargs.update(nri=initiative.slug, request_id=request.pk, year=2019,
                        coalition=coalition.slug, bpf=bpf.slug, group_id=group.pk,
                        membership_id=mag.pk,
                        recommendation_id=RecommendationFactory(forum=forum).pk,
                        donor_id=DonorFactory(forum=forum).pk)


EXPECT = {
    "community:home": ALL,
    "community:mine": SIGNED_IN,
    "community:manage": STAFF,
    "community:nris": ALL,
    "community:nri_request": SIGNED_IN,
    "community:nri": ALL,
    "community:nri_edit": FOCAL,
    "community:nri_report": FOCAL,
    "community:manage_nris": STAFF,
    "community:manage_request": STAFF,
    "community:coalitions": ALL,
    "community:coalition_new": SIGNED_IN,
    "community:coalition": ALL,
    "community:coalition_edit": COORDINATOR,
    "community:coalition_members": COORDINATOR,
    "community:coalition_report": COORDINATOR,
    "community:coalition_eligibility": ALL,
    "community:bpfs": ALL,
    "community:bpf_new": STAFF,
    "community:bpf": ALL,
    "community:bpf_edit": FACILITATOR,
    "community:bpf_meeting": FACILITATOR,
    "community:bpf_output": FACILITATOR,
    "community:mag": ALL,
    "community:working_groups": ALL,
    "community:mag_certificate": STAFF | {"mag"},
    "community:manage_mag": STAFF,
    "community:mag_rotation": STAFF,
    "community:mag_certificates": STAFF,
    "community:working_group_new": STAFF,
    "community:working_group": STAFF,
    "community:improvements": ALL,
    "community:improvements_csv": ALL,
    "community:improvements_import": KEEPER,
    "community:improvement_new": KEEPER,
    "community:improvement": KEEPER,
    "community:donors": ALL,
    "community:donor_new": STAFF,
    "community:donor": ALL,
    "community:donor_edit": STAFF,
}
# Who may POST where it differs from who may open the page.
POST_EXPECT = {
    "community:donor": STAFF,  # a receipt or pledge is recorded by the Secretariat
}
