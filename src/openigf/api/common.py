"""What every endpoint shares: the error body, the documented refusals, pagination, times in
the edition's zone."""

import math
from datetime import datetime

from django.utils import timezone
from ninja import Field, Schema
from pydantic import create_model

# An operation anyone may call: a token is optional (OpenAPI: ``security: [{}, {token}]``).
PUBLIC = {"security": [{}]}


class ErrorDetail(Schema):
    code: str = Field(description="invalid, malformed, unauthenticated, forbidden, scope, "
                                  "csrf, not_found, method_not_allowed, conflict, deadline, "
                                  "throttled, unavailable or server_error")
    message: str
    fields: dict[str, list[str]] = Field(description="Messages by field name (empty when the "
                                                     "refusal concerns no field)")


class Error(Schema):
    error: ErrorDetail


REFUSALS = {400: Error, 401: Error, 403: Error, 404: Error, 429: Error}


def answers(ok, status: int = 200, *extra: int) -> dict:
    """The documented responses of an operation: ``ok`` under ``status``, the refusals every
    operation may answer, and ``extra`` (409 for a conflict)."""
    return {status: ok, **REFUSALS, **dict.fromkeys(extra, Error)}


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=100_000, description="Page number, from 1")
    page_size: int = Field(50, ge=1, le=200, description="Items per page (at most 200)")


def paged(item: type[Schema]) -> type[Schema]:
    """The schema of one page of ``item``s (named ``<Item>Page`` in the document)."""
    return create_model(
        f"{item.__name__}Page", __base__=Schema,
        count=(int, Field(description="Items in every page together")),
        page=(int, ...), pages=(int, ...),
        items=(list[item], ...))


def page_of(items, query: PageQuery, convert=lambda x: x) -> dict:
    """One page of a list or queryset, each item through ``convert``."""
    count = items.count() if hasattr(items, "count") and not isinstance(items, list) \
        else len(items)
    start = (query.page - 1) * query.page_size
    return {"count": count, "page": query.page,
            "pages": max(1, math.ceil(count / query.page_size)),
            "items": [convert(x) for x in items[start:start + query.page_size]]}


def local(moment: datetime | None, edition) -> datetime | None:
    """``moment`` in the edition's time zone (ISO 8601 with its offset once serialised)."""
    if moment is None:
        return None
    return timezone.localtime(moment, edition.tz)
