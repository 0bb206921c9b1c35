"""The published programme: rooms, sessions (times in the edition's zone, ISO 8601 with the
offset), one session, and the people in the sessions (public fields only)."""

from datetime import date, datetime

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from openigf.api.auth import BearerToken, NotFound
from openigf.api.common import PUBLIC, PageQuery, answers, local, page_of, paged
from openigf.programme import queries
from openigf.programme.models import Room, Session

router = Router(tags=["Programme"])
E = "{slug:forum}/{slug:edition}/"
MAX_ID = 2**63 - 1


class RoomOut(Schema):
    id: int
    name: str
    capacity: int
    webcast: bool
    interpretation: bool
    hybrid: bool
    step_free: bool
    location: str


class RoomRef(Schema):
    id: int
    name: str


class SessionTheme(Schema):
    id: int
    slug: str
    name: str


class SessionPersonOut(Schema):
    name: str
    organisation: str
    role: str
    stakeholder_group: str
    onsite: bool


class SessionOut(Schema):
    id: int
    code: str = Field(description="As in “Workshop 12”, empty when unnumbered")
    kind: str
    title: str
    description: str
    theme: SessionTheme | None
    tags: list[str]
    language: str
    format: str = Field(description="hybrid, onsite or online")
    duration: int = Field(description="Minutes")
    status: str
    starts_at: datetime | None = Field(description="In the edition's time zone, with offset")
    ends_at: datetime | None
    room: RoomRef | None
    people: list[SessionPersonOut]
    url: str


class AgendaFilters(Schema):
    theme: int | None = Field(None, ge=1, le=MAX_ID, description="A theme id")
    day: date | None = Field(None, description="YYYY-MM-DD")
    room: int | None = Field(None, ge=1, le=MAX_ID, description="A room id")
    kind: str = Field("", max_length=40)
    language: str = Field("", max_length=10)
    format: str = Field("", max_length=10, description="online or onsite")
    q: str = Field("", max_length=200, description="Words in the title, the description or a "
                                                  "person's name")


class PersonSessionOut(Schema):
    session: int
    role: str


class PublicPersonOut(Schema):
    name: str
    organisation: str
    stakeholder_group: str
    sessions: list[PersonSessionOut]


def session_out(edition, session, starts, ends, room) -> dict:
    return {"id": session.pk, "code": session.code, "kind": session.kind,
            "title": session.title, "description": session.description,
            "theme": {"id": session.theme.pk, "slug": session.theme.slug,
                      "name": session.theme.name} if session.theme else None,
            "tags": [t.name for t in session.tags.all()], "language": session.language,
            "format": session.format, "duration": session.duration, "status": session.status,
            "starts_at": local(starts, edition), "ends_at": local(ends, edition),
            "room": {"id": room.pk, "name": room.name} if room else None,
            "people": [{"name": p.name, "organisation": p.organisation, "role": p.role,
                        "stakeholder_group": p.stakeholder_group, "onsite": p.onsite}
                       for p in session.people.all()],
            "url": session.get_absolute_url()}


def session_target(request):
    """The session the path names, in the path's edition (404 otherwise)."""
    pk = request.api_kwargs["session_id"]
    session = (Session.objects.select_related("theme", "edition__forum")
               .prefetch_related("people", "tags")
               .filter(edition=request.edition, pk=pk).first()) if pk <= MAX_ID else None
    if session is None:
        raise NotFound(_("There is no such session."))
    request.api_object = session
    return session


@router.get(E + "rooms/", response=answers(list[RoomOut]),
            auth=BearerToken("programme.view_agenda"), openapi_extra=PUBLIC)
def rooms(request, forum: str, edition: str):
    """The edition's rooms and their equipment."""
    return list(Room.objects.filter(edition=request.edition))


@router.get(E + "sessions/", response=answers(paged(SessionOut)),
            auth=BearerToken("programme.view_agenda"), openapi_extra=PUBLIC)
def sessions(request, forum: str, edition: str, filters: Query[AgendaFilters],
             paging: Query[PageQuery]):
    """The sessions of the published schedule in order, filtered as on the agenda page."""
    e = request.edition
    _release, items = queries.published(e)
    wanted = {k: "" if v is None else str(v) for k, v in filters.model_dump().items()}
    shown = queries.filter_agenda(items, wanted)
    return page_of(shown, paging, lambda i: session_out(e, i.session, i.starts_at, i.ends_at,
                                                        i.room))


@router.get(E + "sessions/{int:session_id}/", response=answers(SessionOut),
            auth=BearerToken("programme.view_session", target=session_target),
            openapi_extra=PUBLIC)
def session_detail(request, forum: str, edition: str, session_id: int):
    """One session, with its time and room as published (null when not scheduled)."""
    session = request.api_object
    times = queries.session_times(session) or (None, None, None)
    return session_out(request.edition, session, *times)


@router.get(E + "people/", response=answers(paged(PublicPersonOut)),
            auth=BearerToken("programme.view_agenda"), openapi_extra=PUBLIC)
def people(request, forum: str, edition: str, paging: Query[PageQuery],
           q: str = Query("", max_length=200, description="Words in the name")):
    """The people in the published sessions, with what the session pages show of them (no
    contact, no gender)."""
    _release, items = queries.published(request.edition)
    return page_of(queries.people_of_agenda(items, q=q), paging)
