"""Writes on Best Practice Forums: the forum, its facilitators, meetings and outputs."""

from django.db import transaction

from openigf.community import roles
from openigf.community.domain.nris import unique_slug
from openigf.community.models import BestPracticeForum, BpfFacilitator, BpfMeeting, BpfOutput
from openigf.core.audit import audit_log, diff
from openigf.core.errors import validate


def bpf_save(*, edition, bpf: BestPracticeForum | None = None, actor=None,
             **values) -> BestPracticeForum:
    """Create or update a Best Practice Forum. Side effects: save, audit log ``bpf.create`` or
    ``bpf.update``."""
    creating = bpf is None
    bpf = bpf or BestPracticeForum(
        edition=edition, slug=unique_slug(BestPracticeForum, {"edition": edition},
                                          values.get("name", "")))
    changed = diff(bpf, **values)
    validate(bpf)
    bpf.save()
    audit_log(action="bpf.create" if creating else "bpf.update", obj=bpf, actor=actor,
              changes=changed)
    return bpf


@transaction.atomic
def bpf_facilitator_set(*, bpf: BestPracticeForum, person, role: str,
                        actor=None) -> BpfFacilitator:
    """Add a facilitator or change their role. Side effects: save, audit log."""
    facilitator, _created = BpfFacilitator.objects.update_or_create(
        bpf=bpf, person=person, defaults={"role": role})
    roles.forget(person)
    audit_log(action="bpf.facilitator", obj=bpf, actor=actor,
              changes={"person": str(person), "role": role})
    return facilitator


def bpf_facilitator_remove(*, facilitator: BpfFacilitator, actor=None) -> None:
    facilitator.delete()
    audit_log(action="bpf.facilitator_remove", obj=facilitator.bpf, actor=actor,
              changes={"person": str(facilitator.person)})


def bpf_meeting_add(*, bpf: BestPracticeForum, actor=None, **fields) -> BpfMeeting:
    """Side effects: save, audit log ``bpf.meeting``."""
    meeting = BpfMeeting(bpf=bpf, **fields)
    validate(meeting)
    meeting.save()
    audit_log(action="bpf.meeting", obj=bpf, actor=actor, changes={"meeting": str(meeting)})
    return meeting


def bpf_output_add(*, bpf: BestPracticeForum, actor=None, **fields) -> BpfOutput:
    """Side effects: save (and store the uploaded document), audit log ``bpf.output``."""
    output = BpfOutput(bpf=bpf, **fields)
    validate(output)
    output.save()
    audit_log(action="bpf.output", obj=bpf, actor=actor, changes={"output": output.title})
    return output


def bpf_item_remove(*, item, actor=None) -> None:
    """Remove a meeting or an output. Side effects: delete, audit log ``bpf.remove``."""
    bpf = item.bpf
    item.delete()
    audit_log(action="bpf.remove", obj=bpf, actor=actor, changes={"item": str(item)})
