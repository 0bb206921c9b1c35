"""What a session page shows of its people: their public profile (name, position,
organisation, country, stakeholder group, biography; never their e-mail, gender or needs)
and their other sessions in the published schedule."""

from django.db.models import Q

from openigf.people.models import Person
from openigf.programme.models import Release, SessionPerson, SessionStatus

PUBLIC_ROLES = ("organiser", "speaker", "moderator", "online_moderator")


def public_profiles(people) -> dict[int, dict]:
    """Session person id -> the public fields of the account linked to it, if any."""
    ids = {p.person_id for p in people if p.person_id}
    accounts = {a.pk: a for a in Person.objects.filter(pk__in=ids, erased__isnull=True)
                .select_related("country")
                .only("name", "organisation", "job_title", "biography", "country__name",
                      "stakeholder_group")}
    result = {}
    for p in people:
        account = accounts.get(p.person_id)
        if account is not None:
            result[p.pk] = {"position": account.job_title,
                            "country": account.country.name if account.country else "",
                            "biography": account.biography}
    return result


def other_sessions(session, people) -> dict[int, list]:
    """Session person id -> the other published, confirmed sessions of the edition where the
    same person (by account, else e-mail, else name) has a public role."""
    release = (Release.objects.filter(edition_id=session.edition_id).order_by("-number")
               .values_list("placements", flat=True).first())
    if not release:
        return {}
    published = [int(k) for k in release]
    match = Q()
    for p in people:
        if p.person_id:
            match |= Q(person_id=p.person_id)
        elif p.email:
            match |= Q(email__iexact=p.email)
        else:
            match |= Q(name=p.name, person__isnull=True, email="")
    if not match:
        return {}
    rows = (SessionPerson.objects.filter(match, session_id__in=published,
                                         session__status=SessionStatus.CONFIRMED,
                                         role__in=PUBLIC_ROLES)
            .exclude(session=session).select_related("session")
            .only("person_id", "email", "name", "role", "session__title", "session__edition_id"))
    by_key = {}
    for row in rows:
        by_key.setdefault(row.key, {})[row.session_id] = row.session
    return {p.pk: sorted(by_key.get(p.key, {}).values(), key=lambda s: s.title)
            for p in people}
