"""What the community registry holds about a person, for export and erasure."""

from openigf.community.models import (
    AnnualReport,
    BpfFacilitator,
    CoalitionMember,
    CoalitionReport,
    Initiative,
    MagPlanEntry,
    RecognitionRequest,
    WorkingGroupMember,
)
from openigf.core import privacy


def export(person) -> dict:
    return {
        "focal_point_of": [str(i) for i in Initiative.objects.filter(focal_points=person)],
        "recognition_requests": [
            {"initiative": str(r.initiative), "status": r.status, "date": r.created.isoformat()}
            for r in RecognitionRequest.objects.filter(submitted_by=person)
            .select_related("initiative")],
        "coalitions": [
            {"coalition": str(m.coalition), "coordinator": m.coordinator, "name": m.name,
             "organisation": m.organisation, "email": m.email}
            for m in CoalitionMember.objects.filter(person=person).select_related("coalition")],
        "best_practice_forums": [
            {"forum": str(f.bpf), "role": f.role}
            for f in BpfFacilitator.objects.filter(person=person).select_related("bpf")],
        "working_groups": [
            {"group": str(m.group), "edition": m.group.edition.year, "role": m.role}
            for m in WorkingGroupMember.objects.filter(person=person)
            .select_related("group__edition")],
        "reports_filed": [
            {"report": str(r), "year": r.year} for r in [
                *AnnualReport.objects.filter(filed_by=person).select_related("initiative"),
                *CoalitionReport.objects.filter(filed_by=person).select_related("coalition")]],
        "mag_terms": [
            {"edition": m.edition.year, "term": m.mag_term.term, "seat": m.mag_term.seat}
            for m in person.memberships.filter(mag_term__isnull=False)
            .select_related("edition", "mag_term")],
    }


def erase(person) -> None:
    """Coalition membership rows keep the stakeholder group (counts) without name or e-mail;
    the person stops being a focal point, facilitator or working group member; requests and
    reports they filed stay with their initiative or coalition, without them."""
    CoalitionMember.objects.filter(person=person).update(
        person=None, name="—", email="", organisation="")
    person.focal_point_of.clear()
    BpfFacilitator.objects.filter(person=person).delete()
    WorkingGroupMember.objects.filter(person=person).delete()
    MagPlanEntry.objects.filter(person=person).delete()
    RecognitionRequest.objects.filter(submitted_by=person).update(submitted_by=None)
    AnnualReport.objects.filter(filed_by=person).update(filed_by=None)
    CoalitionReport.objects.filter(filed_by=person).update(filed_by=None)


def register() -> None:
    privacy.register("community", export=export, erase=erase)
