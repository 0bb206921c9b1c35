"""What the meeting produced: the IGF Messages and the Chair's Summary (published content
only)."""

from datetime import datetime
from typing import Any, Literal

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from openigf.api.auth import BearerToken, NotFound
from openigf.api.common import PUBLIC, PageQuery, answers, local, page_of, paged
from openigf.api.endpoints.forums import ThemeRef
from openigf.outcomes import domain, queries

router = Router(tags=["Outcomes"])
E = "{slug:forum}/{slug:edition}/"


class MessageFilters(Schema):
    theme: str = Field("", max_length=60, description="A theme's slug")
    status: Literal["comment", "final", ""] = ""


class MessageOut(Schema):
    id: int
    theme: ThemeRef
    subheading: str
    text: str
    status: str = Field(description="comment (open for public comment) or final")
    sessions: list[int]


class SummaryMessages(Schema):
    theme: ThemeRef
    messages: list[str]


class BpfRef(Schema):
    slug: str
    name: str


class SummaryOut(Schema):
    version: int
    published: datetime
    introduction: str
    facts: dict[str, Any] = Field(description="The meeting in figures, frozen with the "
                                              "version")
    messages: list[SummaryMessages]
    bpfs: list[BpfRef]


@router.get(E + "messages/", response=answers(paged(MessageOut)),
            auth=BearerToken("outcomes.view"), openapi_extra=PUBLIC)
def messages(request, forum: str, edition: str, filters: Query[MessageFilters],
             paging: Query[PageQuery]):
    """The IGF Messages open for comment or final."""
    rows = queries.public_messages(request.edition, theme=filters.theme, status=filters.status)
    return page_of(rows, paging, lambda m: {
        "id": m.pk, "theme": {"slug": m.theme.slug, "name": m.theme.name},
        "subheading": m.subheading, "text": m.text, "status": m.status,
        "sessions": [s.pk for s in m.sessions.all()]})


@router.get(E + "chairs-summary/", response=answers(SummaryOut),
            auth=BearerToken("outcomes.view"), openapi_extra=PUBLIC)
def chairs_summary(request, forum: str, edition: str):
    """The latest published version of the Chair's Summary (404 before it is published)."""
    ctx = domain.summary_context(request.edition)
    if ctx is None:
        raise NotFound(_("The Chair's Summary is not published yet."))
    version = ctx["version"]
    return {"version": version.number, "published": local(version.created, request.edition),
            "introduction": version.introduction, "facts": version.facts,
            "messages": [{"theme": {"slug": theme.slug, "name": theme.name},
                          "messages": [m.text for m in items]}
                         for theme, items in ctx["messages"]],
            "bpfs": [{"slug": b.slug, "name": b.name} for b, _outputs in ctx["intersessional"]]}
