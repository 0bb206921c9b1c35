"""Every write on calls and proposals: one function per state change."""

from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from openigf.core import translations
from openigf.core.audit import audit_log, diff
from openigf.core.errors import ApplicationError, Conflict, NotAllowed
from openigf.core.when import format_datetime
from openigf.forums.enums import SessionKind
from openigf.forums.models import Tag
from openigf.outbox.domain import mail_enqueue_template
from openigf.people.models import Person
from openigf.proposals import queries
from openigf.proposals.enums import PersonRole, ProposalStatus
from openigf.proposals.models import Call, CallQuestion, Proposal, ProposalPerson
from openigf.proposals.screening import blocking_failures, check_proposal, check_rows

CONFIRM_SALT = "openigf.proposals.confirm"
PROPOSAL_FIELDS = ["title", "theme", "description", "format", "duration", "sdg_targets",
                   "interaction_plan", "previous_messages", "answers", "background_paper",
                   "coalition", "organisation"]
PERSON_FIELDS = ["name", "email", "organisation", "role", "stakeholder_group",
                 "regional_group", "gender", "country", "onsite", "confirmed"]


# Calls -----------------------------------------------------------------------------------

def call_save(*, edition, call: Call | None = None, themes=None, versions: dict | None = None,
              **values) -> Call:
    """Create or change the call of one session type (its introduction in the forum's
    language, ``versions`` in the others). Side effects: save, audit log ``call.create`` /
    ``call.update``."""
    creating = call is None
    call = call or Call(edition=edition)
    with translations.writing(edition.forum.language):
        changes = diff(call, **values)
    changes.update(dict.fromkeys(translations.versions_set(call, versions), "changed"))
    call.full_clean()
    call.save()
    if themes is not None:
        call.themes.set(themes)
    audit_log(action="call.create" if creating else "call.update", obj=call, changes=changes)
    return call


def call_question_save(*, call: Call, question: CallQuestion | None = None,
                       **values) -> CallQuestion:
    """Add or change an extra question. Side effects: save, audit log ``call.question``."""
    question = question or CallQuestion(call=call)
    changes = diff(question, **values)
    question.full_clean()
    question.save()
    audit_log(action="call.question", obj=call, changes=changes)
    return question


def call_question_remove(*, question: CallQuestion) -> None:
    """Remove an extra question (answers already given stay in the proposals' ``answers``).
    Side effects: delete, audit log ``call.question_remove``."""
    audit_log(action="call.question_remove", obj=question.call, changes={"text": question.text})
    question.delete()


# Proposals -------------------------------------------------------------------------------

def _check_open(call: Call) -> None:
    if not call.is_open():
        raise Conflict(_("The call for %(kind)s proposals closed on %(deadline)s; it no longer "
                         "accepts changes.") % {"kind": call.get_kind_display().lower(),
                                                "deadline": format_datetime(
                                                    call.closes_at, call.edition.tz)},
                       code="deadline")


def _organiser_row(proposal: Proposal, person) -> ProposalPerson:
    return ProposalPerson(
        proposal=proposal, person=person, name=person.name, email=person.email or "",
        organisation=person.organisation, role=PersonRole.ORGANISER,
        stakeholder_group=person.stakeholder_group, regional_group=person.regional_group,
        gender=person.gender, country_id=person.country_id, onsite=True, confirmed=True,
        confirmed_at=timezone.now())


@transaction.atomic
def proposal_create(*, call: Call, person, tags=(), policy_questions=(), **values) -> Proposal:
    """Start a proposal as a draft; the proposer is its first organiser.

    Side effects: the proposal (status ``draft``) and its organiser row are saved; audit log
    ``proposal.create``."""
    _check_open(call)
    proposal = Proposal(edition=call.edition, call=call, kind=call.kind, created_by=person,
                        status=ProposalStatus.DRAFT,
                        **{k: v for k, v in values.items() if k in PROPOSAL_FIELDS})
    if not proposal.organisation:
        proposal.organisation = person.organisation
    proposal.full_clean()
    proposal.save()
    proposal.tags.set(tags)
    proposal.policy_questions.set(policy_questions)
    _organiser_row(proposal, person).save()
    audit_log(action="proposal.create", obj=proposal, actor=person)
    return proposal


@transaction.atomic
def proposal_update(*, proposal: Proposal, tags=None, policy_questions=None, write_in_tags=(),
                    **values) -> dict:
    """Change a proposal (a draft, or a submitted one until the deadline).

    Write-in tags are created for the edition as not suggested. Side effects: save, audit
    log ``proposal.update``."""
    if proposal.status not in ProposalStatus.editable():
        raise Conflict(_("This proposal can no longer be changed."))
    _check_open(proposal.call)
    changes = diff(proposal, **{k: v for k, v in values.items() if k in PROPOSAL_FIELDS})
    proposal.full_clean()
    proposal.save()
    if tags is not None or write_in_tags:
        before = sorted(t.name for t in proposal.tags.all())
        tags = list(tags if tags is not None else proposal.tags.all())
        tags += tags_write_in(edition=proposal.edition, names=write_in_tags)
        proposal.tags.set(tags)
        if sorted(t.name for t in tags) != before:
            changes["tags"] = sorted(t.name for t in tags)
    if policy_questions is not None:
        proposal.policy_questions.set(policy_questions)
    if changes:
        audit_log(action="proposal.update", obj=proposal, changes=changes)
    return changes


def tags_write_in(*, edition, names) -> list:
    """The edition's tags of these names, creating the missing ones as write-ins."""
    wanted = {" ".join(n.split())[:100] for n in names if n and n.strip()}
    existing = {t.name.lower(): t for t in Tag.objects.filter(edition=edition)}
    tags = []
    for name in sorted(wanted):
        tag = existing.get(name.lower())
        if tag is None:
            tag = Tag.objects.create(edition=edition, name=name, suggested=False)
            existing[name.lower()] = tag
        tags.append(tag)
    return tags


def _first_time(proposal: Proposal) -> bool:
    person = proposal.created_by
    if person is None:
        return False
    return not Proposal.objects.filter(
        edition__forum_id=proposal.edition.forum_id, edition__year__lt=proposal.edition.year,
        people__person=person, status__in=ProposalStatus.received()).exists()


@transaction.atomic
def proposal_submit(*, proposal: Proposal, person=None) -> Proposal:
    """Submit a draft (or submit again a proposal edited before the deadline).

    Refused when the call is closed, a required field is empty, or a blocking screening rule
    fails (each failure is named at its field). Side effects: status ``submitted``,
    ``submitted_at``, the first-time flag; audit log ``proposal.submit``; mail to each
    organiser; an invitation to each speaker not yet invited."""
    if proposal.status not in ProposalStatus.editable():
        raise Conflict(_("This proposal can no longer be submitted."))
    _check_open(proposal.call)
    missing = {}
    for field in ("title", "description", "format", "duration"):
        if not getattr(proposal, field):
            missing[field] = _("This field is required to submit.")
    if proposal.theme_id is None and proposal.call.kind == SessionKind.WORKSHOP:
        missing["theme"] = _("Choose a theme.")
    if proposal.call.description_refusal(proposal.description):
        missing["description"] = proposal.call.description_refusal(proposal.description)
    for question in proposal.call.questions.filter(required=True):
        if not str(proposal.answers.get(str(question.pk), "")).strip():
            missing[f"question_{question.pk}"] = _("This question must be answered.")
    failures = blocking_failures(check_proposal(proposal))
    for result in failures:
        missing.setdefault(result.field or "__all__", result.message)
    if missing:
        raise ApplicationError(_("The proposal cannot be submitted yet: fix what is marked."),
                               fields=missing)
    first = proposal.status == ProposalStatus.DRAFT
    if proposal.status != ProposalStatus.SCREENED_IN:  # edited after screening: stays in
        proposal.status = ProposalStatus.SUBMITTED
    proposal.submitted_at = proposal.submitted_at or timezone.now()
    if first:
        proposal.first_time = _first_time(proposal)
    proposal.save(update_fields=["status", "submitted_at", "first_time", "updated"])
    audit_log(action="proposal.submit", obj=proposal, actor=person)
    if first:
        _mail_organisers(proposal, "proposals/mail/submitted")
    for row in proposal.people.filter(invited_at__isnull=True, confirmed=False).exclude(
            email=""):
        person_invite(row=row)
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, person=None) -> Proposal:
    """The organisers withdraw their proposal. Side effects: status ``withdrawn``; audit log
    ``proposal.withdraw``; mail to the organisers."""
    if proposal.status not in (ProposalStatus.DRAFT, ProposalStatus.SUBMITTED,
                               ProposalStatus.SCREENED_IN):
        raise Conflict(_("A decided proposal cannot be withdrawn here; write to the "
                         "Secretariat."))
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.withdrawn_at = timezone.now()
    proposal.save(update_fields=["status", "withdrawn_at", "updated"])
    audit_log(action="proposal.withdraw", obj=proposal, actor=person)
    _mail_organisers(proposal, "proposals/mail/withdrawn")
    return proposal


@transaction.atomic
def proposal_screen(*, proposal: Proposal, screened_in: bool, reason: str = "",
                    person=None) -> Proposal:
    """The Secretariat screens a submitted proposal in or out. Screening out needs a reason.

    Side effects: status ``screened_in`` / ``screened_out``, the reason, ``screened_at``;
    audit log ``proposal.screen``; mail to the organisers when screened out."""
    if proposal.status not in (ProposalStatus.SUBMITTED, ProposalStatus.SCREENED_IN,
                               ProposalStatus.SCREENED_OUT):
        raise Conflict(_("Only submitted proposals are screened."))
    if not screened_in and not reason.strip():
        raise ApplicationError(_("Say why the proposal is screened out."),
                               fields={"reason": _("Give the reason the proposers will read.")})
    old = proposal.status
    proposal.status = ProposalStatus.SCREENED_IN if screened_in else ProposalStatus.SCREENED_OUT
    proposal.screening_note = reason.strip()
    proposal.screened_at = timezone.now()
    proposal.save(update_fields=["status", "screening_note", "screened_at", "updated"])
    audit_log(action="proposal.screen", obj=proposal, actor=person,
              changes={"status": [old, proposal.status], "reason": proposal.screening_note})
    if not screened_in and old != proposal.status:
        _mail_organisers(proposal, "proposals/mail/screened_out")
    return proposal


@transaction.atomic
def proposals_screen_passing(*, edition, person=None) -> int:
    """Screen in, at once, every submitted proposal of ``edition`` whose call has closed and
    that fails no rule refusing submission (warnings allowed). Returns how many.

    Side effects: status ``screened_in`` and ``screened_at`` (one update); one audit log
    ``proposal.screen_passing`` with the ids."""
    now = timezone.now()
    rows = queries.received(edition)
    results = check_rows(edition, rows, all_received=True)
    closed = set(Call.objects.filter(edition=edition, closes_at__lte=now).values_list(
        "id", flat=True))
    ids = [r.id for r in rows if r.status == ProposalStatus.SUBMITTED and r.call_id in closed
           and not any(result.blocking for result in results[r.id])]
    Proposal.objects.filter(pk__in=ids).update(status=ProposalStatus.SCREENED_IN,
                                               screened_at=now, updated=now)
    audit_log(action="proposal.screen_passing", obj=edition, actor=person,
              changes={"proposals": ids})
    return len(ids)


@transaction.atomic
def proposal_decide(*, proposal: Proposal, status: str, note: str = "",
                    notify: bool = True) -> Proposal:
    """The one way the evaluation decides: ``accepted``, ``conditional`` (accepted if merged)
    or ``rejected``.

    Side effects: status, note and ``decided_at``; audit log ``proposal.decide``; when
    ``notify``, mail to each organiser."""
    if status not in ProposalStatus.decisions():
        raise ApplicationError(_("A decision is accepted, accepted if merged, or not "
                                 "accepted."), fields={"status": _("Unknown decision.")})
    if proposal.status in (ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN,
                           ProposalStatus.SCREENED_OUT):
        raise Conflict(_("Only a proposal that passed screening can be decided."))
    old = proposal.status
    proposal.status = status
    proposal.decision_note = note
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decision_note", "decided_at", "updated"])
    audit_log(action="proposal.decide", obj=proposal,
              changes={"status": [old, status], "note": str(note)})
    if notify:
        _mail_organisers(proposal, "proposals/mail/decided")
    return proposal


def organiser_addresses(proposal: Proposal) -> list[tuple]:
    """[(row, address)] of the organisers a mail about the proposal goes to."""
    pairs = []
    for row in proposal.people.filter(role=PersonRole.ORGANISER).select_related("person"):
        email = row.email or (row.person.email if row.person else "")
        if email:
            pairs.append((row, email))
    return pairs


def _mail_organisers(proposal: Proposal, template: str) -> None:
    for row, email in organiser_addresses(proposal):
        language = row.person.preferred_language if row.person else None
        mail_enqueue_template(to=email, template=template, language=language,
                              edition=proposal.edition,
                              context={"proposal": proposal, "row": row})


# People of a proposal --------------------------------------------------------------------

def _person_for_email(email: str):
    """The person to link a row to: a record without an account, or an account whose address
    is confirmed (an unconfirmed account gets the row through its e-mail once confirmed)."""
    return Person.objects.filter(
        Q(email_verified__isnull=False) | Q(password__startswith="!") | Q(password=""),
        email__iexact=email).first() if email else None


@transaction.atomic
def proposal_person_save(*, proposal: Proposal, row: ProposalPerson | None = None,
                         **values) -> ProposalPerson:
    """Add or change someone named in a proposal. An organiser added by e-mail becomes a
    co-organiser who can edit the proposal once their account exists; a speaker is invited
    (and must confirm) once the proposal is submitted. Changing the e-mail of a confirmed
    speaker asks them again. Side effects: save, audit log ``proposal.person``."""
    if proposal.status not in ProposalStatus.editable():
        raise Conflict(_("This proposal can no longer be changed."))
    _check_open(proposal.call)
    creating = row is None
    row = row or ProposalPerson(proposal=proposal, order=proposal.people.count())
    old_email = row.email
    changes = diff(row, **{k: v for k, v in values.items() if k in PERSON_FIELDS})
    _refuse_twice(row)
    if row.email and row.email.lower() != (old_email or "").lower():
        row.person = _person_for_email(row.email)
        row.confirmed, row.confirmed_at, row.invited_at = False, None, None
    if row.role == PersonRole.ORGANISER and row.person_id and row.person_id == (
            proposal.created_by_id):
        row.confirmed = True
    if row.person_id and not row.email:
        row.email = row.person.email or ""
    row.full_clean(exclude=["proposal"])
    row.save()
    audit_log(action="proposal.person", obj=proposal,
              changes={"name": row.name, "role": row.role, "created": creating, **changes})
    if proposal.status == ProposalStatus.SUBMITTED and not row.confirmed and row.email \
            and row.invited_at is None:
        person_invite(row=row)
    return row


def _refuse_twice(row: ProposalPerson) -> None:
    """The same person (by e-mail, account, or name when neither is given) cannot hold the
    same role twice in one proposal."""
    same = Q(name__iexact=row.name.strip()) if not (row.email or row.person_id) else Q(pk=None)
    if row.email:
        same |= Q(email__iexact=row.email)
    if row.person_id:
        same |= Q(person_id=row.person_id)
    others = ProposalPerson.objects.filter(proposal=row.proposal, role=row.role).exclude(
        pk=row.pk)
    if others.filter(same).exists():
        field = "email" if row.email else "name"
        raise ApplicationError(
            _("%(name)s is already named as %(role)s in this proposal.") % {
                "name": row.name, "role": row.get_role_display().lower()},
            fields={field: _("Already named as %(role)s.") % {
                "role": row.get_role_display().lower()}})


def protected_row_id(proposal: Proposal) -> int | None:
    """The proposer's own organiser row, which cannot be removed (one, even if the proposer
    was named twice)."""
    return proposal.people.filter(role=PersonRole.ORGANISER, person_id=proposal.created_by_id
                                  ).order_by("order", "pk").values_list("pk", flat=True).first()


def proposal_person_remove(*, row: ProposalPerson) -> None:
    """Remove someone from a proposal (not the proposer's own organiser row). Side effects:
    delete, audit log."""
    proposal = row.proposal
    if row.pk == protected_row_id(proposal):
        raise NotAllowed(_("The proposer cannot be removed; withdraw the proposal instead."))
    if proposal.status not in ProposalStatus.editable():
        raise Conflict(_("This proposal can no longer be changed."))
    _check_open(proposal.call)
    audit_log(action="proposal.person_remove", obj=proposal, changes={"name": row.name})
    row.delete()


def confirm_token(row: ProposalPerson) -> str:
    return signing.dumps({"row": row.pk, "email": row.email.lower()}, salt=CONFIRM_SALT)


def row_for_token(token: str, *, max_age_days: int = 120) -> ProposalPerson:
    """The person row a confirmation link names; refused when the link was altered, is too
    old, or the e-mail changed since it was sent."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age_days * 86400)
    except signing.BadSignature as error:
        raise NotAllowed(_("This link is not valid or has expired. Ask the organisers to send "
                           "it again.")) from error
    row = ProposalPerson.objects.select_related("proposal__edition__forum", "proposal__call"
                                                ).filter(pk=data["row"]).first()
    if row is None or row.email.lower() != data["email"]:
        raise NotAllowed(_("This invitation was withdrawn or sent to another address."))
    return row


def person_invite(*, row: ProposalPerson) -> ProposalPerson:
    """Send the invitation with the confirmation link. Side effects: ``invited_at``; mail to
    the invited person; audit log ``proposal.invite``."""
    if not row.email:
        raise ApplicationError(_("An invitation needs an e-mail address."),
                               fields={"email": _("Enter the e-mail address to invite.")})
    row.invited_at = timezone.now()
    row.save(update_fields=["invited_at"])
    mail_enqueue_template(to=row.email, template="proposals/mail/invitation",
                          edition=row.proposal.edition,
                          context={"proposal": row.proposal, "row": row,
                                   "token": confirm_token(row)})
    audit_log(action="proposal.invite", obj=row.proposal, changes={"name": row.name})
    return row


@transaction.atomic
def person_confirm(*, row: ProposalPerson, accept: bool, person=None) -> ProposalPerson:
    """The invited person answers through their link: confirms, or declines (the row stays,
    unconfirmed, so the organisers see it). A signed-in person is linked to the row.

    Side effects: ``confirmed``, ``confirmed_at``, ``person``; audit log ``proposal.confirm``;
    mail to the organisers when someone declines."""
    signed_in = person is not None and getattr(person, "is_authenticated", False)
    row.confirmed = accept
    row.confirmed_at = timezone.now() if accept else None
    if signed_in:
        row.person = person
    row.save(update_fields=["confirmed", "confirmed_at", "person"])
    audit_log(action="proposal.confirm", obj=row.proposal, actor=person if signed_in else None,
              changes={"name": row.name, "confirmed": accept})
    if not accept:
        _mail_organisers(row.proposal, "proposals/mail/declined")
    return row
