"""A person's own programme: starred sessions and the private calendar feed of them.

A feed address is a signed reference to a ``FeedToken`` row (nothing secret is stored). It
works until the edition is over plus ``FEED_GRACE`` (at most ``FEED_LONGEST`` from its making),
or until its owner revokes it; making a new one revokes the old.
"""

import datetime

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from openigf.core.audit import audit_log
from openigf.programme.models import FeedToken, Star

FEED_SALT = "openigf.programme.feed.v2"
FEED_GRACE = datetime.timedelta(days=30)
FEED_LONGEST = datetime.timedelta(days=400)


def starred_ids(*, person, edition) -> set[int]:
    return set(Star.objects.filter(person=person, session__edition=edition)
               .values_list("session_id", flat=True))


def _expiry(edition) -> datetime.datetime:
    now = timezone.now()
    end = edition.end_date
    if end is None:
        return now + FEED_LONGEST
    after = datetime.datetime.combine(end, datetime.time.max, edition.tz) + FEED_GRACE
    return min(max(after, now + FEED_GRACE), now + FEED_LONGEST)


def feed_current(*, person, edition) -> FeedToken | None:
    return (FeedToken.objects.filter(person=person, edition=edition, revoked__isnull=True,
                                     expires__gt=timezone.now()).order_by("-created").first())


def feed_create(*, person, edition) -> FeedToken:
    """A new feed address for the person's schedule of the edition; the old one stops.
    Side effects: revokes the live tokens, saves the new one, writes the audit log."""
    feed_revoke(person=person, edition=edition)
    token = FeedToken.objects.create(person=person, edition=edition, expires=_expiry(edition))
    audit_log(action="programme.feed_create", obj=edition, changes={"expires": [None, str(
        token.expires)]})
    return token


def feed_revoke(*, person, edition) -> int:
    """Stop every live feed address of the person for the edition; how many stopped."""
    count = FeedToken.objects.filter(person=person, edition=edition,
                                     revoked__isnull=True).update(revoked=timezone.now())
    if count:
        audit_log(action="programme.feed_revoke", obj=edition, changes={"revoked": [0, count]})
    return count


def feed_url(token: FeedToken, request) -> str:
    signed = signing.dumps({"t": token.pk}, salt=FEED_SALT, compress=True)
    return request.build_absolute_uri(reverse("programme:feed", kwargs={
        **token.edition.url_kwargs, "token": signed}))


def feed_link(*, person, edition, request) -> dict | None:
    """The live feed address of the person's schedule (made on first need) and its expiry."""
    token = feed_current(person=person, edition=edition)
    if token is None:
        token = FeedToken.objects.create(person=person, edition=edition,
                                         expires=_expiry(edition))
    return {"url": feed_url(token, request), "expires": token.expires}


def feed_person(*, token: str, edition) -> int | None:
    """Whose schedule a feed address opens: None when forged, expired or revoked."""
    try:
        data = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("t"), int):
        return None
    row = (FeedToken.objects.filter(pk=data["t"], edition=edition, revoked__isnull=True,
                                    expires__gt=timezone.now())
           .values_list("person_id", flat=True).first())
    return row


def is_live(token: FeedToken) -> bool:
    return token.revoked is None and token.expires > timezone.now()
