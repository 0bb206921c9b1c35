"""Reads of the Best Practice Forums used by pages and the API."""

from openigf.community.models import BestPracticeForum


def of_edition(edition):
    """The edition's Best Practice Forums with their facilitators, meetings and outputs."""
    return (BestPracticeForum.objects.filter(edition=edition).select_related("edition__forum")
            .prefetch_related("facilitator_roles__person", "meetings", "outputs")
            .order_by("name"))
