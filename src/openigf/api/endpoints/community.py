"""The community registry: NRIs and Dynamic Coalitions of a forum, the Best Practice Forums of
an edition (as their public pages show them)."""

from datetime import date

from ninja import Field, Query, Router, Schema

from openigf.api.auth import BearerToken
from openigf.api.common import PUBLIC, PageQuery, answers, page_of, paged
from openigf.community.queries import bpfs as bpf_queries
from openigf.community.queries import coalitions as coalition_queries
from openigf.community.queries import nris as nri_queries

router = Router(tags=["Community"])
F = "{slug:forum}/community/"


class NriFilters(Schema):
    kind: str = Field("", max_length=20, description="national, subregional, regional or "
                                                    "youth")
    region: str = Field("", max_length=20, description="A UN regional group")


class NriOut(Schema):
    slug: str
    name: str
    acronym: str
    kind: str
    country: str | None = Field(description="UN M49 code")
    regional_group: str
    region_name: str
    website: str
    status: str
    recognised_on: date | None


class CoalitionOut(Schema):
    slug: str
    name: str
    acronym: str
    status: str
    founded: int
    website: str
    mailing_list: str
    need: str
    action_plan: str
    members: int
    stakeholder_groups: dict[str, int] = Field(description="Members by stakeholder group")


class BpfOutputOut(Schema):
    title: str
    kind: str
    published: date
    summary: str
    url: str


class BpfMeetingOut(Schema):
    date: date
    kind: str
    title: str
    url: str


class BpfOut(Schema):
    slug: str
    name: str
    topic: str
    mailing_list: str
    facilitators: list[str]
    meetings: list[BpfMeetingOut]
    outputs: list[BpfOutputOut]


def _nri(i) -> dict:
    return {"slug": i.slug, "name": i.name, "acronym": i.acronym, "kind": i.kind,
            "country": i.country_id, "regional_group": i.regional_group,
            "region_name": i.region_name, "website": i.website, "status": i.status,
            "recognised_on": i.recognised_on}


def _coalition(c) -> dict:
    members = list(c.members.all())
    groups = {}
    for m in members:
        groups[m.stakeholder_group] = groups.get(m.stakeholder_group, 0) + 1
    return {"slug": c.slug, "name": c.name, "acronym": c.acronym, "status": c.status,
            "founded": c.founded, "website": c.website, "mailing_list": c.mailing_list,
            "need": c.need, "action_plan": c.action_plan, "members": len(members),
            "stakeholder_groups": groups}


@router.get(F + "nris/", response=answers(paged(NriOut)),
            auth=BearerToken("community.view_registry"), openapi_extra=PUBLIC)
def nris(request, forum: str, filters: Query[NriFilters], paging: Query[PageQuery]):
    """The recognised (and lapsed) initiatives, filtered as on the directory page."""
    return page_of(nri_queries.directory(request.forum, kind=filters.kind,
                                         region=filters.region), paging, _nri)


@router.get(F + "coalitions/", response=answers(paged(CoalitionOut)),
            auth=BearerToken("community.view_registry"), openapi_extra=PUBLIC)
def coalitions(request, forum: str, paging: Query[PageQuery]):
    """The Dynamic Coalitions (proposed ones only for the Secretariat)."""
    staff = request.user.has_perm("community.manage_registry", request.forum)
    return page_of(coalition_queries.listed(request.forum, include_proposed=staff), paging,
                   _coalition)


@router.get("{slug:forum}/{slug:edition}/community/bpfs/", response=answers(list[BpfOut]),
            auth=BearerToken("community.view_edition"), openapi_extra=PUBLIC)
def bpfs(request, forum: str, edition: str):
    """The edition's Best Practice Forums with their meetings and outputs."""
    return [{"slug": b.slug, "name": b.name, "topic": b.topic, "mailing_list": b.mailing_list,
             "facilitators": [f.person.name for f in b.facilitator_roles.all()],
             "meetings": list(b.meetings.all()), "outputs": list(b.outputs.all())}
            for b in bpf_queries.of_edition(request.edition)]
