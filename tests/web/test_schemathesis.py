"""Property tests of the JSON API from its own OpenAPI description (schemathesis, in
process over ASGI): whatever parameters it generates, valid or not, no request gets a
server error, requests the description forbids are refused, and every answer conforms
to the description (documented status code, content type, body schema).

The HTML pages are not in that description, so they are described below, each parameter
as the string a browser may send: whatever schemathesis generates (numbers past 64
bits, "²", control characters, long strings), no page answers with a server error, and
every answer carries the security headers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
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


# s: for an extraction (a 503 past the time limit would be a server error to the checks)
# and for any answer: a new extraction worker takes seconds to start on a busy machine.
PATIENCE = 300


@pytest.fixture(scope="module")
def seeded_app(web_db: str) -> Iterator[FastAPI]:
    """The application over the seed store, its lifespan started (and its extraction
    workers stopped at the end), a worker started."""
    app = create_app(web_db, extract_seconds=PATIENCE)
    with TestClient(app) as client:
        assert client.post("/api/extract", data={"text": "Hà Nội, ngày 1/6/2024."}).is_success
        yield app


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_openapi_description(
    case: schemathesis.Case, seeded_app: FastAPI
) -> None:
    case.call_and_validate(checks=CHECKS, app=seeded_app, timeout=PATIENCE)


# --- the HTML pages ---------------------------------------------------------------

PAGE_EXAMPLES = 25  # per page and generation mode: about 15 s


def _query(*names: str) -> list[dict[str, Any]]:
    return [
        {"name": name, "in": "query", "required": False, "schema": {"type": "string"}}
        for name in names
    ]


def _path(name: str) -> list[dict[str, Any]]:
    return [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}]


def _page(parameters: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "get": {
            "parameters": parameters,
            "responses": {
                str(status): {"description": "a page", "content": {"text/html": {}}}
                for status in (200, 303, 400, 404)
            },
        }
    }


PAGES: dict[str, Any] = {
    "/": _page(_query("lang")),
    "/events/{ident}": _page(_path("ident") + _query("lang")),
    "/people/{ident}": _page(_path("ident")),
    "/articles/{ident}": _page(_path("ident")),
    "/search": _page(_query("q", "page", "lang")),
    "/ask": _page(_query("q")),
    "/timeline": _page(
        _query("between", "person", "a", "b", "kind", "status", "series", "party", "from", "to")
    ),
    "/graph": _page(_query("level", "from", "to", "focus")),
    "/sources": _page(_query("lang")),
    # The browse lists and their .csv and .json (browse_pages.py).
    **{
        f"/{table}{suffix}": _page(_query(*filters, "sort", "page", "size", "lang"))
        for table, filters in (
            (
                "events",
                ("kind", "status", "party", "year", "series", "outlet", "person", "from", "to"),
            ),
            ("people", ("country", "title", "party", "name")),
            ("articles", ("outlet", "year")),
            ("series", ("party", "kind")),
        )
        for suffix in ("", ".csv", ".json")
    },
    "/try": {
        "post": {
            "requestBody": {
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {"text": {"type": "string", "maxLength": 2000}},
                        }
                    }
                }
            },
            "responses": {
                str(status): {"description": "a page", "content": {"text/html": {}}}
                for status in (200, 400, 413)
            },
        }
    },
}
pages_schema = schemathesis.openapi.from_dict(
    {
        "openapi": "3.0.3",
        "info": {"title": "diplonews pages", "version": "1"},
        "paths": PAGES,
    }
)


def secured(ctx: Any, response: Any, case: schemathesis.Case) -> bool:
    headers = {name.lower(): value for name, value in response.headers.items()}
    for name in ("content-security-policy", "x-content-type-options", "x-frame-options"):
        assert name in headers, f"{case.method} {case.formatted_path}: no {name}"
    return True


PAGE_CHECKS = [schemathesis.checks.not_a_server_error, secured]


@pages_schema.parametrize()
@settings(
    max_examples=PAGE_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_pages_answer_any_parameter_without_a_server_error(
    case: schemathesis.Case, seeded_app: FastAPI
) -> None:
    case.call_and_validate(checks=PAGE_CHECKS, app=seeded_app, timeout=PATIENCE)
