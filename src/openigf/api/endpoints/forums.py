"""Forums, editions (dates and phases in the edition's zone), themes and their tags, calls for
proposals, participation figures; and ``me``, the caller."""

from datetime import date, datetime

from ninja import Field, Query, Router, Schema

from openigf.api.auth import BearerToken
from openigf.api.common import PUBLIC, PageQuery, answers, local, page_of, paged
from openigf.forums import queries as forum_queries
from openigf.forums.models import Forum
from openigf.proposals.models import Call
from openigf.registration import queries as registration_queries

router = Router(tags=["Forums and editions"])


class ForumOut(Schema):
    slug: str
    name: str
    kind: str
    country: str | None = Field(description="UN M49 code")
    regional_group: str
    website: str
    description: str


class EditionSummary(Schema):
    slug: str
    year: int
    title: str
    start_date: date
    end_date: date
    published: bool


class ForumDetail(ForumOut):
    editions: list[EditionSummary]


class ThemeRef(Schema):
    name: str
    slug: str


class PhaseOut(Schema):
    phase: str
    opens: datetime
    closes: datetime
    state: str = Field(description="past, open or future")


class EditionOut(Schema):
    forum: str
    edition: str
    title: str
    year: int
    number: int | None
    theme: str
    host_city: str
    host_country: str | None = Field(description="UN M49 code")
    start_date: date
    end_date: date
    timezone: str = Field(description="IANA zone every time of the edition is given in")
    description: str
    themes: list[ThemeRef]
    phases: list[PhaseOut]


class TagOut(Schema):
    id: int
    name: str


class ThemeOut(Schema):
    id: int
    slug: str
    name: str
    narrative: str
    colour: str
    order: int
    tags: list[TagOut] = Field(description="Tags the MAG offers under this theme")
    policy_questions: list[TagOut] = Field(description="Policy questions (id, text as name)")


class QuestionOut(Schema):
    id: int
    text: str
    help_text: str
    kind: str
    required: bool


class CallOut(Schema):
    kind: str
    label: str
    introduction: str
    opens_at: datetime
    closes_at: datetime
    is_open: bool
    durations: list[int]
    formats: list[str]
    fields: list[str] = Field(description="Optional parts of the proposal this call asks for")
    themes: list[int] = Field(description="Theme ids offered (empty: every theme)")
    sdgs: list[str]
    word_limit: int
    questions: list[QuestionOut]


class ParticipationOut(Schema):
    registered: int = Field(description="Registrations not cancelled")
    confirmed_onsite: int
    confirmed_online: int
    checked_in: int
    breakdown: dict[str, dict[str, int]] | None = Field(
        description="Registrations by status, attendance, stakeholder group, regional "
                    "group, gender and first time: for the Secretariat only (null otherwise)")


class MeOut(Schema):
    id: int
    name: str
    email: str | None
    stakeholder_group: str
    regional_group: str
    token_scopes: list[str] | None = Field(description="Scopes of the token used (null for a "
                                                       "session)")
    token_expires: datetime | None


def _forum(forum: Forum) -> dict:
    return {"slug": forum.slug, "name": forum.name, "kind": forum.kind,
            "country": forum.country_id, "regional_group": forum.regional_group,
            "website": forum.website, "description": forum.description}


@router.get("me/", response=answers(MeOut), auth=BearerToken("people.view_own_data",
                                                           target=lambda r: None))
def me(request):
    """The person the token (or the session) acts as."""
    person, token = request.user, request.api_token
    return {"id": person.pk, "name": person.name, "email": person.email,
            "stakeholder_group": person.stakeholder_group,
            "regional_group": person.regional_group,
            "token_scopes": token.scopes if token else None,
            "token_expires": token.expires if token else None}


@router.get("forums/", response=answers(paged(ForumOut)),
            auth=BearerToken("forums.view_forum", target=lambda r: None), openapi_extra=PUBLIC)
def forums(request, paging: Query[PageQuery]):
    """Every forum: the global IGF and the national, regional and youth initiatives."""
    return page_of(forum_queries.forums_with_editions().order_by("kind", "name"), paging,
                   _forum)


@router.get("{slug:forum}/", response=answers(ForumDetail),
            auth=BearerToken("forums.view_forum"), openapi_extra=PUBLIC)
def forum_detail(request, forum: str):
    """A forum and the editions the caller may see."""
    editions = forum_queries.editions_visible_to(request.forum, request.user)
    return {**_forum(request.forum), "editions": list(editions)}


@router.get("{slug:forum}/{slug:edition}/", response=answers(EditionOut),
            auth=BearerToken("forums.view_edition"), openapi_extra=PUBLIC)
def edition_detail(request, forum: str, edition: str):
    """An edition: its dates, themes and phases (times in the edition's zone)."""
    e = request.edition
    return {"forum": e.forum.slug, "edition": e.slug, "title": e.title, "year": e.year,
            "number": e.number, "theme": e.theme, "host_city": e.host_city,
            "host_country": e.host_country_id, "start_date": e.start_date,
            "end_date": e.end_date, "timezone": e.timezone, "description": e.description,
            "themes": [{"name": t.name, "slug": t.slug} for t in e.themes.all()],
            "phases": [{**p, "opens": local(p["opens"], e), "closes": local(p["closes"], e)}
                       for p in e.phases()]}


@router.get("{slug:forum}/{slug:edition}/themes/", response=answers(list[ThemeOut]),
            auth=BearerToken("forums.view_edition"), openapi_extra=PUBLIC)
def themes(request, forum: str, edition: str):
    """The edition's themes with the tags offered and the policy questions."""
    overview = forum_queries.edition_overview(request.edition)
    return [{"id": t.pk, "slug": t.slug, "name": t.name, "narrative": t.narrative,
             "colour": t.colour, "order": t.order,
             "tags": [{"id": g.pk, "name": g.name} for g in t.tags.all() if g.suggested],
             "policy_questions": [{"id": q.pk, "name": q.text} for q in
                                  t.policy_questions.all()]}
            for t in overview["themes"]]


@router.get("{slug:forum}/{slug:edition}/calls/", response=answers(list[CallOut]),
            auth=BearerToken("proposals.view_overview"), openapi_extra=PUBLIC)
def calls(request, forum: str, edition: str):
    """The calls for session proposals: dates (edition's zone), what each asks for."""
    e = request.edition
    result = []
    for call in (Call.objects.filter(edition=e).order_by("opens_at", "kind")
                 .prefetch_related("themes", "questions")):
        result.append({
            "kind": call.kind, "label": call.get_kind_display(),
            "introduction": call.introduction, "opens_at": local(call.opens_at, e),
            "closes_at": local(call.closes_at, e), "is_open": call.is_open(),
            "durations": call.durations, "formats": call.formats, "fields": call.fields,
            "themes": [t.pk for t in call.themes.all()], "sdgs": call.sdgs,
            "word_limit": call.word_limit,
            "questions": [{"id": q.pk, "text": q.text, "help_text": q.help_text,
                           "kind": q.kind, "required": q.required}
                          for q in call.questions.all()]})
    return result


@router.get("{slug:forum}/{slug:edition}/participation/", response=answers(ParticipationOut),
            auth=BearerToken("forums.view_edition"), openapi_extra=PUBLIC)
def participation(request, forum: str, edition: str):
    """How many registered, onsite and online, and checked in; the breakdowns by
    classification for the Secretariat only."""
    figures = registration_queries.figures(request.edition)
    if not request.user.has_perm("registration.manage", request.edition):
        figures["breakdown"] = None
    return figures

