"""Session proposals: the public list and statistics (as the overview page), one proposal (as
its page), and the proposers' writes through ``proposals.domain`` with the page's form rules
(the call's durations, formats, themes, word limit and questions)."""

from datetime import datetime

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from openigf.api import scopes
from openigf.api.auth import BearerToken, NotFound
from openigf.api.common import PUBLIC, PageQuery, answers, local, page_of, paged
from openigf.core.errors import ApplicationError
from openigf.core.forms import editable_copy
from openigf.forums.enums import SessionKind
from openigf.proposals import domain, queries
from openigf.proposals.enums import ProposalStatus
from openigf.proposals.forms import PersonForm, ProposalForm
from openigf.proposals.models import Call, Proposal, ProposalPerson

router = Router(tags=["Proposals"])
E = "{slug:forum}/{slug:edition}/proposals/"
MAX_ID = 2**63 - 1
MULTIPLE = (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)


class ProposalFilters(Schema):
    kind: str = Field("", max_length=40, description="A session type (workshop, open_forum…)")
    theme: str = Field("", max_length=60, description="A theme's slug")
    status: str = Field("", max_length=40, description="A status of a received proposal")


class ProposalRow(Schema):
    id: int
    kind: str
    title: str
    theme: str
    status: str
    first_time: bool
    organisation: str
    format: str
    duration: int | None
    submitted_at: datetime | None
    organiser_groups: list[str]
    organiser_regions: list[str]


class BarOut(Schema):
    key: str
    label: str
    count: int
    share: float


class ChartOut(Schema):
    slug: str
    title: str
    total: int
    bars: list[BarOut]


class StatisticsOut(Schema):
    total: int
    first_time: int
    developing: int
    special: int = Field(description="Proposals with an organiser from an LDC, LLDC or SIDS")
    charts: list[ChartOut]


class PersonOut(Schema):
    id: int
    name: str
    role: str
    organisation: str
    stakeholder_group: str
    regional_group: str
    onsite: bool
    confirmed: bool
    email: str | None = Field(description="Only for the proposal's organisers and the "
                                          "Secretariat")


class AnswerOut(Schema):
    question: int
    text: str
    answer: str


class TagRef(Schema):
    id: int
    name: str


class ProposalOut(Schema):
    id: int
    call: str
    kind: str
    title: str
    status: str
    theme: int | None
    tags: list[TagRef]
    policy_questions: list[int]
    description: str
    format: str
    duration: int | None
    sdg_targets: list[str]
    interaction_plan: str
    previous_messages: str
    organisation: str
    coalition: int | None
    answers: list[AnswerOut]
    people: list[PersonOut]
    submitted_at: datetime | None
    screening_note: str | None = Field(description="Only for the organisers and the "
                                                   "Secretariat")
    can_change: bool = Field(description="Whether the caller may still change it")


class ProposalIn(Schema):
    """A proposal's fields as the call's form has them; fields the call does not ask for are
    ignored. In a change (PATCH), a field left out keeps its value."""

    title: str | None = Field(None, max_length=200)
    theme: int | None = Field(None, ge=1, le=MAX_ID, description="A theme id of the edition")
    tags: list[int] | None = Field(None, max_length=50, description="Tag ids offered")
    write_in_tags: list[str] | None = Field(None, max_length=10,
                                            description="Your own tags, by name")
    policy_questions: list[int] | None = Field(None, max_length=50)
    description: str | None = Field(None, max_length=20_000)
    format: str | None = Field(None, max_length=20)
    duration: int | None = Field(None, ge=1, le=480)
    sdg_targets: list[str] | None = Field(None, max_length=17)
    interaction_plan: str | None = Field(None, max_length=10_000)
    previous_messages: str | None = Field(None, max_length=10_000)
    coalition: int | None = Field(None, ge=1, le=MAX_ID)
    organisation: str | None = Field(None, max_length=200)
    answers: dict[str, str] | None = Field(None, max_length=50,
                                           description="Question id -> answer")


class PersonIn(Schema):
    """Someone named in the proposal, as the proposal form's people section has them."""

    role: str = Field(max_length=20, description="organiser, speaker, moderator, "
                                                 "online_moderator or rapporteur")
    name: str = Field(min_length=1, max_length=200)
    email: str = Field("", max_length=254, description="Organisers and speakers need one: "
                                                       "they confirm by mail")
    organisation: str = Field("", max_length=200)
    stakeholder_group: str = Field("", max_length=20)
    regional_group: str = Field("", max_length=20)
    gender: str = Field("", max_length=20)
    country: str = Field("", max_length=3, description="UN M49 code")
    onsite: bool = True


class ProposalCreate(ProposalIn):
    call: str = Field(max_length=40, description="The session type of the call")
    title: str = Field(min_length=1, max_length=200)


def _row(row) -> dict:
    orgs = row.with_role("organiser")
    return {"id": row.id, "kind": row.kind, "title": row.title, "theme": row.theme,
            "status": row.status, "first_time": row.first_time,
            "organisation": row.organisation, "format": row.format,
            "duration": row.duration, "submitted_at": row.submitted_at,
            "organiser_groups": [o.stakeholder_group for o in orgs],
            "organiser_regions": [o.regional_group for o in orgs]}


def _filters(filters: ProposalFilters) -> dict:
    """The page's filters: unknown values are ignored, as on the overview page."""
    kinds = {k.value for k in SessionKind.proposable()}
    return {"kind": filters.kind if filters.kind in kinds else "", "theme": filters.theme,
            "status": filters.status if filters.status in ProposalStatus.received() else ""}


def _proposal_target(request):
    pk = request.api_kwargs["proposal_id"]
    proposal = Proposal.objects.select_related("call", "edition__forum", "theme").filter(
        edition=request.edition, pk=pk).first() if pk <= MAX_ID else None
    if proposal is None or not request.user.has_perm("proposals.view_proposal", proposal):
        raise NotFound(_("There is no such proposal."))
    request.api_object = proposal
    return proposal


def _out(request, proposal: Proposal) -> dict:
    user = request.user
    contacts = user.has_perm("proposals.view_screening", proposal)
    stored = proposal.answers or {}
    return {
        "id": proposal.pk, "call": proposal.call.kind, "kind": proposal.kind,
        "title": proposal.title, "status": proposal.status, "theme": proposal.theme_id,
        "tags": [{"id": t.pk, "name": t.name} for t in proposal.tags.all()],
        "policy_questions": [q.pk for q in proposal.policy_questions.all()],
        "description": proposal.description, "format": proposal.format,
        "duration": proposal.duration, "sdg_targets": proposal.sdg_targets,
        "interaction_plan": proposal.interaction_plan,
        "previous_messages": proposal.previous_messages,
        "organisation": proposal.organisation, "coalition": proposal.coalition_id,
        "answers": [{"question": q.pk, "text": q.text, "answer": str(stored.get(str(q.pk), ""))}
                    for q in proposal.call.questions.all()],
        "people": [{"id": r.pk, "name": r.name, "role": r.role,
                    "organisation": r.organisation, "stakeholder_group": r.stakeholder_group,
                    "regional_group": r.regional_group, "onsite": r.onsite,
                    "confirmed": r.confirmed, "email": r.email if contacts else None}
                   for r in proposal.people.order_by("role", "order", "id")],
        "submitted_at": local(proposal.submitted_at, proposal.edition),
        "screening_note": proposal.screening_note if contacts else None,
        "can_change": user.has_perm("proposals.change_proposal", proposal),
    }


def _form(call: Call, proposal: Proposal | None, body: ProposalIn) -> ProposalForm:
    """The page's form, bound to the stored values overlaid with what the body gives. It works
    on a copy of the proposal, so that the domain function sees (and audits) the change."""
    if proposal is not None:
        proposal = editable_copy(proposal)
    current = ProposalForm(call=call, instance=proposal)
    data = {name: current[name].value() for name in current.fields
            if name != "background_paper"}
    given = body.model_dump(exclude_unset=True, exclude={"call", "answers"})
    if "write_in_tags" in given:
        given["write_in_tags"] = ", ".join(given["write_in_tags"] or [])
    data.update({k: v for k, v in given.items() if k in data})
    for question, answer in (body.answers or {}).items():
        if f"question_{question}" in data:
            data[f"question_{question}"] = answer
    values = MultiValueDict()
    for name, value in data.items():
        if isinstance(current.fields[name], MULTIPLE):
            values.setlist(name, [str(v) for v in value or []])
        else:
            values[name] = "" if value is None else str(value)
    return ProposalForm(data=values, call=call, instance=proposal)


def _valid(form: ProposalForm) -> dict:
    if not form.is_valid():
        fields = {("answers." + k.split("_", 1)[1]) if k.startswith("question_") else k: v
                  for k, v in form.errors.items()}
        raise ApplicationError(_("Some values are not accepted by this call."),
                               fields=fields)
    return form.values()


@router.get(E, response=answers(paged(ProposalRow)),
            auth=BearerToken("proposals.view_overview"), openapi_extra=PUBLIC)
def proposal_list(request, forum: str, edition: str, filters: Query[ProposalFilters],
                  paging: Query[PageQuery]):
    """Received proposals (never drafts), filtered as on the overview page; no contacts."""
    return page_of(queries.received(request.edition, **_filters(filters)), paging, _row)


@router.post(E, response=answers(ProposalOut, 201, 409),
             auth=BearerToken("proposals.propose", scope=scopes.PROPOSALS))
def proposal_create(request, forum: str, edition: str, payload: ProposalCreate):
    """Start a proposal (a draft) to the call of one session type; the caller is its first
    organiser. Refused once the call is closed (409)."""
    call = Call.objects.filter(edition=request.edition, kind=payload.call).first()
    if call is None:
        raise ApplicationError(_("This edition has no call for that session type."),
                               fields={"call": [_("Choose a session type with a call.")]})
    values = _valid(_form(call, None, payload))
    write_ins = values.pop("write_in_tags", [])
    proposal = domain.proposal_create(call=call, person=request.user, **values)
    if write_ins:
        domain.proposal_update(proposal=proposal, write_in_tags=write_ins)
    return Status(201, _out(request, proposal))


@router.get(E + "statistics/", response=answers(StatisticsOut),
            auth=BearerToken("proposals.view_overview"), openapi_extra=PUBLIC)
def proposal_statistics(request, forum: str, edition: str,
                        filters: Query[ProposalFilters]):
    """The overview page's statistics of the received proposals (same filters)."""
    rows = queries.received(request.edition, **_filters(filters))
    stats = queries.statistics(request.edition, rows)
    stats["charts"] = [{"slug": c.slug, "title": c.title, "total": c.total,
                        "bars": [vars(b) for b in c.bars]} for c in stats["charts"]]
    return stats


@router.get(E + "mine/", response=answers(list[ProposalOut]),
            auth=BearerToken("proposals.propose"))
def proposals_mine(request, forum: str, edition: str):
    """The proposals the caller organises in this edition, drafts included."""
    return [_out(request, p) for p in queries.of_person(request.edition, request.user)]


@router.get(E + "{int:proposal_id}/", response=answers(ProposalOut),
            auth=BearerToken("proposals.view_proposal", target=_proposal_target),
            openapi_extra=PUBLIC)
def proposal_detail(request, forum: str, edition: str, proposal_id: int):
    """One proposal as its page shows it to the caller (a draft only to its organisers)."""
    return _out(request, request.api_object)


@router.patch(E + "{int:proposal_id}/", response=answers(ProposalOut, 200, 409),
              auth=BearerToken("proposals.change_proposal", target=_proposal_target,
                               scope=scopes.PROPOSALS))
def proposal_change(request, forum: str, edition: str, proposal_id: int, payload: ProposalIn):
    """Change a draft, or a submitted proposal until the deadline (fields left out keep their
    value)."""
    proposal = request.api_object
    values = _valid(_form(proposal.call, proposal, payload))
    domain.proposal_update(proposal=proposal, **values)
    return _out(request, proposal)


@router.post(E + "{int:proposal_id}/submit/", response=answers(ProposalOut, 200, 409),
             auth=BearerToken("proposals.change_proposal", target=_proposal_target,
                              scope=scopes.PROPOSALS))
def proposal_submit(request, forum: str, edition: str, proposal_id: int):
    """Submit (or submit again after a change). Refused with each missing field or failing
    rule named (400), or after the deadline (409)."""
    proposal = domain.proposal_submit(proposal=request.api_object, person=request.user)
    return _out(request, proposal)


@router.post(E + "{int:proposal_id}/withdraw/", response=answers(ProposalOut, 200, 409),
             auth=BearerToken("proposals.withdraw_proposal", target=_proposal_target,
                              scope=scopes.PROPOSALS))
def proposal_withdraw(request, forum: str, edition: str, proposal_id: int):
    """Withdraw the proposal (the organisers are told by mail)."""
    proposal = domain.proposal_withdraw(proposal=request.api_object, person=request.user)
    return _out(request, proposal)



@router.post(E + "{int:proposal_id}/people/", response=answers(ProposalOut, 201, 409),
             auth=BearerToken("proposals.change_proposal", target=_proposal_target,
                              scope=scopes.PROPOSALS))
def proposal_person_add(request, forum: str, edition: str, proposal_id: int,
                        payload: PersonIn):
    """Name someone in the proposal (the form's rules: organisers and speakers need an
    e-mail; once the proposal is submitted they are invited to confirm)."""
    data = {k: ("on" if v else "") if k == "onsite" else v
            for k, v in payload.model_dump().items()}
    form = PersonForm(data)
    if not form.is_valid():
        raise ApplicationError(_("Some values are not accepted."),
                               fields=dict(form.errors.items()))
    domain.proposal_person_save(proposal=request.api_object, **form.cleaned_data)
    return Status(201, _out(request, request.api_object))


@router.delete(E + "{int:proposal_id}/people/{int:proposal_person_id}/",
               response=answers(ProposalOut, 200, 409),
               auth=BearerToken("proposals.change_proposal", target=_proposal_target,
                                scope=scopes.PROPOSALS))
def proposal_person_remove(request, forum: str, edition: str, proposal_id: int,
                           proposal_person_id: int):
    """Remove someone from the proposal (not its proposer)."""
    row = ProposalPerson.objects.filter(proposal=request.api_object,
                                        pk=min(proposal_person_id, MAX_ID)).first()
    if row is None:
        raise NotFound(_("Nobody with this id is named in the proposal."))
    domain.proposal_person_remove(row=row)
    return _out(request, request.api_object)
