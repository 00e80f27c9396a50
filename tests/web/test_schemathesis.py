"""Property tests of the JSON API from its own OpenAPI description (schemathesis, in
process over ASGI): whatever parameters it generates, valid or not, no request gets a
server error, requests the description forbids are refused, and every answer conforms
to the description (documented status code, content type, body schema)."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings

from diplonews.web import create_app

EXAMPLES = 60  # per operation and generation mode: the run takes about 20 s

# The description is read at collection time (parametrize needs it), from an application
# whose store is never opened: /openapi.json does not touch it. The cases are sent to
# `seeded_app`, over the seed store.
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app("never-opened.db"))

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.negative_data_rejection,  # what the description forbids: a 4xx
    # Not positive_data_acceptance: a party's name is a string to the description, but only
    # names the lexicon knows are accepted (a 400 names the unknown one).
]


@pytest.fixture(scope="module")
def seeded_app(web_db: str) -> FastAPI:
    return create_app(web_db)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_openapi_description(
    case: schemathesis.Case, seeded_app: FastAPI
) -> None:
    case.call_and_validate(checks=CHECKS, app=seeded_app)
