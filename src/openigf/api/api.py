"""The public API at ``/api/v1/``: django-ninja operations with typed schemas, its OpenAPI 3.1
document at ``/api/v1/openapi.json`` and the documentation page at ``/api/v1/docs/``."""

from django.shortcuts import render
from django.urls import reverse
from ninja import NinjaAPI
from ninja.openapi.docs import DocsBase

from openigf.api.endpoints import (
    community,
    forums,
    outcomes,
    programme,
    proposals,
    registration,
    reports,
    transcripts,
)
from openigf.api.errors import HANDLERS, StrictJsonParser

DESCRIPTION = """Every part of the forum's yearly cycle, readable; the writes integrations need.

* **Who you are**: without a token a call reads what anybody may read. With
  `Authorization: Bearer <token>` (a personal token from `/me/tokens/`) it acts as the token's
  person: it reads what they may read in the browser, and changes only what the token's scopes
  allow (and the person's roles allow). A signed-in browser session works too, with Django's
  CSRF token for writes.
* **Times** are in the edition's time zone, ISO 8601 with the offset.
* **Lists** are paged (`page`, `page_size`); their filters are the pages' filters.
* **Caching**: every answer has an `ETag`; send it back as `If-None-Match` to get `304`.
* **Errors** are always JSON: `{"error": {"code", "message", "fields"}}` (400 with the
  fields, 401, 403, 404, 405, 409, 429 with `Retry-After`).
* **Rate limits**: requests per minute per address and per token.
"""


class VendoredSwagger(DocsBase):
    """Swagger UI from ``static/vendor/swagger-ui`` (no CDN)."""

    def render_page(self, request, api, **kwargs):
        return render(request, "api/docs.html", {
            "openapi_url": reverse(f"{api.urls_namespace}:openapi-json", kwargs=kwargs)})


api = NinjaAPI(title="openigf API", version="1", description=DESCRIPTION,
               urls_namespace="api_v1", docs=VendoredSwagger(), docs_url="/docs/",
               parser=StrictJsonParser())
for exception, handler in HANDLERS:
    api.add_exception_handler(exception, handler)
for part in (forums, community, proposals, programme, transcripts, reports, outcomes,
             registration):
    api.add_router("", part.router)
