"""The OpenAPI document validates, and a property-based run over it (Schemathesis: valid and
invalid input to every operation, without a token and with the token of a person holding
every permission, so that every write runs) finds no 5xx and no answer that breaks the
document."""

import os
from contextlib import contextmanager

import hypothesis
import hypothesis.errors
import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import strategies as st
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api import world as api_world
from tests.factories import PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
# Examples per operation and mode: about a minute per caller on two cores.
EXAMPLES = int(os.environ.get("OPENIGF_API_FUZZ_EXAMPLES", "6"))


def test_the_openapi_document_is_valid_openapi_3_1(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    validate(document)
    assert {"/api/v1/{forum}/{edition}/sessions/", "/api/v1/{forum}/{edition}/proposals/",
            "/api/v1/{forum}/{edition}/sessions/{session_id}/"} <= set(document["paths"])


@contextmanager
def _in_test_transaction():
    """Requests made through WSGI, in the test's transaction (as Django's test client does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.parametrize("caller", ["anonymous", "superuser"])
def test_no_call_fails_or_breaks_the_document(caller):
    world = api_world.build()
    world.people["superuser"] = PersonFactory(is_superuser=True)  # every permission
    real = {"forum": "igf", "edition": "2019", "session_id": world.session.pk,
            "proposal_id": world.proposal.pk, "kind": "full",
            "proposal_person_id": world.proposal.people.first().pk}
    headers = {} if caller == "anonymous" else {
        "Authorization": f"Bearer {world.token(caller)}"}
    with _in_test_transaction():
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
        failures = []
        for result in schema.get_all_operations():
            operation = result.ok()
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                try:
                    _run(operation, mode, real, headers)
                except hypothesis.errors.Unsatisfiable:
                    continue  # no invalid input exists (every string is a valid slug here)
                except Exception as error:  # collect every operation's failure, then report
                    failures.append(f"{operation.label} ({mode.value}): {error}"[:2000])
    assert failures == [], "\n\n".join(failures)


def _run(operation, mode, real, headers):
    @hypothesis.given(case=operation.as_strategy(generation_mode=mode), known=st.booleans())
    @hypothesis.settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                         suppress_health_check=list(hypothesis.HealthCheck),
                         phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate])
    def call(case, known):
        if known and case.path_parameters:  # half the calls reach real objects
            case.path_parameters.update({k: v for k, v in real.items()
                                         if k in case.path_parameters})
        case.call_and_validate(headers=headers, checks=CHECKS)

    call()
