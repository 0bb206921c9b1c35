"""Reads of registration used by several pages and the API."""

from django.db.models import Count, Q

from openigf.registration.models import Registration, RegistrationStatus

BREAKDOWNS = ("status", "attendance", "stakeholder_group", "regional_group", "gender",
              "first_time")


def figures(edition) -> dict:
    """Registrations of ``edition`` that are not cancelled: how many, confirmed onsite and
    online, checked in, and counts by each classification (``breakdown``: field -> value ->
    count, an empty value for what was not given). Seven queries."""
    regs = Registration.objects.filter(edition=edition).exclude(
        status=RegistrationStatus.CANCELLED)
    confirmed = Q(status=RegistrationStatus.CONFIRMED)
    totals = regs.aggregate(
        registered=Count("id"),
        confirmed_onsite=Count("id", filter=confirmed & Q(attendance="onsite")),
        confirmed_online=Count("id", filter=confirmed & Q(attendance="online")),
        checked_in=Count("id", filter=Q(checked_in_at__isnull=False)))
    breakdown = {}
    for field in BREAKDOWNS:
        breakdown[field] = {str(value).lower() if isinstance(value, bool) else (value or ""): n
                            for value, n in regs.values_list(field).annotate(n=Count("id"))
                            .order_by(field)}
    return {**totals, "breakdown": breakdown}
