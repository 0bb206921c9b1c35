"""Every write of the call for issues: its settings, inputs (sending, confirming,
moderating). The theme discovery's writes are in ``themes.py``."""

import hashlib
import re

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.consultation.links import CONFIRM_MAX_AGE, CONFIRM_SALT, KIND_PREFIX
from openigf.consultation.models import Category, Input, InputStatus, IssueCall
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError, validate
from openigf.core.throttle import Limit, exceeded, hit
from openigf.outbox.domain import link_placeholder, mail_enqueue_template

# One person (one address) sends a handful of inputs a minute at most; beyond, slowed.
SENDING = Limit("consultation.input", 5, 60)


def call_of(edition) -> IssueCall:
    """The call's settings, made with the defaults on first use."""
    call, _created = IssueCall.objects.get_or_create(edition=edition)
    return call


def call_update(*, edition, introduction: str, max_chars: int, categories: list[str]):
    """Save the call's settings and its list of categories (names in order; a category no
    longer listed is removed, its inputs keep no category).

    Side effects: settings saved, categories created/reordered/removed, audit log.
    """
    call = call_of(edition)
    changes = diff(call, introduction=introduction, max_chars=max_chars)
    validate(call)
    call.save()
    names = [n.strip() for n in categories if n.strip()]
    names = list(dict.fromkeys(names))
    existing = {c.name: c for c in edition.issue_categories.all()}
    for order, name in enumerate(names):
        category = existing.pop(name, None) or Category(edition=edition, name=name[:200])
        category.order = order
        category.save()
    removed = [c.name for c in existing.values()]
    Category.objects.filter(pk__in=[c.pk for c in existing.values()]).delete()
    if removed or names:
        changes["categories"] = names
    audit_log(action="issue_call.update", obj=call, changes=changes)
    return call


def fingerprint(text: str) -> str:
    """Equal for texts equal but for case, spaces and punctuation at the ends."""
    plain = re.sub(r"\s+", " ", text.casefold()).strip(" .!?;,。！？")
    return hashlib.sha256(plain.encode()).hexdigest()


def input_submit(*, edition, text: str, stakeholder_group: str, country, language: str,
                 category=None, organisation: str = "", person=None, name: str = "",
                 email: str = "", sender: str = "") -> Input:
    """Record an input to the call of ``edition``.

    With an account whose address is confirmed the input is published at once; otherwise it
    waits for the sender to confirm it with the link mailed to ``email``.
    Side effects, in order: the sending is counted (``sender``: address or account; over
    :data:`SENDING` it is refused and the refusal recorded for the Secretariat), validation,
    the input saved, audit log, the confirmation mail.
    """
    if not edition.is_open("call_for_issues"):
        raise ApplicationError(_("The call for issues is not open."))
    who = sender or email or str(getattr(person, "pk", ""))
    if exceeded(SENDING, who):
        audit_log(action="issue_input.throttle", obj=edition, edition=edition,
                  changes={"sender": hashlib.sha256(who.encode()).hexdigest()[:12]})
        raise ApplicationError(
            _("You have sent many inputs in a short time. Please wait a minute and send "
              "again."), code="throttled", status=429)
    hit(SENDING, who)
    call = call_of(edition)
    text = (text or "").strip()
    if not text:
        raise ApplicationError(_("Write the issue."), fields={"text": _("Write the issue.")})
    if len(text) > call.max_chars:
        message = _("At most %(max)d characters; this has %(n)d.") % {
            "max": call.max_chars, "n": len(text)}
        raise ApplicationError(message, fields={"text": message})
    verified = person is not None and getattr(person, "email_verified", None)
    if person is not None:
        name, email = name or person.name, email or person.email
    item = Input(edition=edition, person=person, name=name.strip(), email=email.strip(),
                 organisation=organisation.strip(), stakeholder_group=stakeholder_group,
                 country=country, regional_group=country.regional_group if country else "",
                 category=category, language=language, text=text,
                 fingerprint=fingerprint(text),
                 status=InputStatus.PUBLISHED if verified else InputStatus.UNCONFIRMED,
                 confirmed_at=timezone.now() if verified else None)
    if not verified and not item.email:
        message = _("Give your e-mail address: the input is published once you confirm it.")
        raise ApplicationError(message, fields={"email": message})
    if Input.objects.filter(edition=edition, fingerprint=item.fingerprint).exists():
        raise _duplicate()
    validate(item, exclude=["fingerprint"])
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:  # the same text sent twice at once
        raise _duplicate() from None
    audit_log(action="issue_input.submit", obj=item, changes={"status": item.status})
    if not verified:
        mail_enqueue_template(to=item.email, template="consultation/mail/confirm",
                              context={"input": item, "edition": edition,
                                       "link": link_placeholder("consultation.confirm_input")},
                              kind=f"{KIND_PREFIX}{item.pk}", edition=edition)
    return item


def _duplicate() -> ApplicationError:
    message = _("This issue has already been sent to the call, word for word.")
    return ApplicationError(message, fields={"text": message}, code="duplicate")


@transaction.atomic
def input_confirm(*, token: str) -> Input:
    """Publish the input a confirmation link names (a week at most after it was sent).
    Confirming twice changes nothing. Side effects: status saved, audit log."""
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise ApplicationError(_("This link has expired: send the input again.")) from None
    except signing.BadSignature:
        raise ApplicationError(_("This link is not valid.")) from None
    item = Input.objects.select_for_update().filter(pk=pk).first()
    if item is None:
        raise ApplicationError(_("This input no longer exists."))
    if item.status == InputStatus.UNCONFIRMED:
        item.status, item.confirmed_at = InputStatus.PUBLISHED, timezone.now()
        item.save(update_fields=["status", "confirmed_at", "updated"])
        audit_log(action="issue_input.confirm", obj=item)
    return item


HIDDEN_REASON_LIMIT = 300


def input_hide(*, item: Input, reason: str) -> Input:
    """Hide an input from the public pages and the grouping (spam, abuse), with the reason
    the Secretariat sees. Side effects: saved, audit log."""
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Say why the input is hidden."),
                               fields={"reason": _("Say why the input is hidden.")})
    if len(reason) > HIDDEN_REASON_LIMIT:
        message = _("At most %(n)d characters.") % {"n": HIDDEN_REASON_LIMIT}
        raise ApplicationError(message, fields={"reason": message})
    changes = diff(item, status=InputStatus.HIDDEN, hidden_reason=reason)
    item.save(update_fields=["status", "hidden_reason", "updated"])
    audit_log(action="issue_input.hide", obj=item, changes=changes)
    return item


def input_show(*, item: Input) -> Input:
    """Publish a hidden input again (an unconfirmed one stays unconfirmed)."""
    if item.status != InputStatus.HIDDEN:
        return item
    status = InputStatus.PUBLISHED if item.confirmed_at else InputStatus.UNCONFIRMED
    changes = diff(item, status=status, hidden_reason="")
    item.save(update_fields=["status", "hidden_reason", "updated"])
    audit_log(action="issue_input.show", obj=item, changes=changes)
    return item


def inputs_import(*, edition, rows: list[dict]) -> int:
    """Record inputs gathered elsewhere (another survey tool, the demo) as published, without
    mail or throttle; a text already in the call is skipped. Each row: ``text``, ``language``,
    ``stakeholder_group``, ``country`` (a Country) and optionally ``category``, ``name``,
    ``email``, ``organisation``. Returns how many were added.

    Side effects: the inputs saved, one audit log entry.
    """
    now = timezone.now()
    seen = set(Input.objects.filter(edition=edition).values_list("fingerprint", flat=True))
    new = []
    for row in rows:
        key = fingerprint(row["text"])
        if key in seen or not row["text"].strip():
            continue
        seen.add(key)
        country = row["country"]
        new.append(Input(
            edition=edition, text=row["text"].strip(), language=row["language"],
            stakeholder_group=row["stakeholder_group"], country=country,
            regional_group=country.regional_group, category=row.get("category"),
            name=row.get("name", ""), email=row.get("email", ""),
            organisation=row.get("organisation", ""), fingerprint=key,
            status=InputStatus.PUBLISHED, confirmed_at=now))
    Input.objects.bulk_create(new)
    if new:
        audit_log(action="issue_input.import", obj=edition, edition=edition,
                  changes={"added": len(new)})
    return len(new)
