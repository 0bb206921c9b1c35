"""What the call for issues holds about a person: the inputs they sent (with an account, or
without one from their address)."""

from django.db.models import Q

from openigf.consultation.models import Input
from openigf.core import privacy


def _theirs(person):

    return Input.objects.filter(Q(person=person) | Q(email__iexact=person.email))


def export(person) -> list:
    return [{"edition": str(i.edition), "text": i.text, "name": i.name, "email": i.email,
             "organisation": i.organisation, "stakeholder_group": i.stakeholder_group,
             "country": i.country_id, "status": i.status, "sent": i.created.isoformat()}
            for i in _theirs(person).select_related("edition").order_by("created")]


def erase(person) -> None:
    """The inputs stay (they are the community's record, without names); the name, address,
    organisation and account are removed from them."""
    _theirs(person).update(person=None, name="", email="", organisation="")


def register() -> None:
    privacy.register("issue_inputs", export=export, erase=erase)
