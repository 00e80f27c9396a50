"""Editors correct the record: the forms of the event and person pages, their JSON
twins under `/api`, the log at `/changes`, and the accounts API for admins.

Every write goes through `auth.writer` (logged in, the right role, the session's CSRF
token) and `api.corrections.record` (checked, logged, applied in one transaction).
Nothing here changes or removes a row of the log: it has no route that could. After a
change, the kept pages it touched are dropped (`cache.forget`): the event's or
person's own pages, those of the people and articles around it, and the lists; a
change of names (rename, merge, split) raises the store generation instead, since
any page may show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from diplonews import api
from diplonews.kb.corrections import ChangeFilter, Correction, CorrectionError, Outcome
from diplonews.kb.store import Store
from diplonews.web import cache
from diplonews.web.api_routes import Problem
from diplonews.web.auth import Refused, writer
from diplonews.web.deps import parse_id, store_of
from diplonews.web.rendering import page

router = APIRouter(include_in_schema=False)
api_router = APIRouter(
    prefix="/api",
    tags=["curation"],
    responses={400: {"model": Problem, "description": "A value the API cannot understand"}},
)
StoreDep = Annotated[Store, Depends(store_of)]
Id = Annotated[int, Path(ge=0, le=2**63 - 1)]
REFUSED: dict[int | str, dict[str, Any]] = {
    401: {"description": "Not logged in (no session, no valid token)"},
    403: {"description": "Not allowed: no accounts, wrong role, or a missing CSRF token"},
    404: {"description": "No such id"},
}
MAX_FORM_TEXT = 2000
EVENT_FORM_FIELDS = ("kind", "status", "name", "date", "format", "location", "series", "edition",
                     "parties", "outcomes")  # fmt: skip
CHANGES_PER_PAGE = 50


def forget(request: Request, store: Store, outcome: Outcome) -> None:
    """Drop the kept pages this change touched (all of them when names changed: the
    store generation moved)."""
    pages = getattr(request.app.state, "pages", None)
    if pages is None or outcome.renamed:
        return
    events = set(outcome.events)
    people = set(outcome.people)
    articles: set[int] = set()
    for event in api.events_by_id(store, sorted(events)):
        people.update(p.person_id for p in event.participants if p.person_id is not None)
        articles.update(s.article_id for s in event.sources)
    for person_id in sorted(people):
        person = api.person(store, person_id)
        if person is not None:
            events.update(person.event_ids)
    tags = [f"events/{i}" for i in events] + [f"people/{i}" for i in people]
    tags += [f"articles/{i}" for i in articles]
    cache.forget(pages, tags)


def _record(request: Request, store: Store, author: str, **change: Any) -> Outcome:
    outcome = api.corrections.record(store, author=author, **change)
    forget(request, store, outcome)
    return outcome


def _exists(store: Store, kind: str, ref: int) -> None:
    found = api.event(store, ref) if kind == "event" else api.person(store, ref)
    if found is None:
        raise Refused(404, f"no {kind} {ref}")


# --- the forms ------------------------------------------------------------------------

FormText = Annotated[str, Form(max_length=MAX_FORM_TEXT)]


@router.post("/events/{ident}/correct")
def correct_event(
    request: Request,
    store: StoreDep,
    ident: str,
    action: FormText = "",
    reason: FormText = "",
    csrf: FormText = "",
    field_name: Annotated[str, Form(alias="field", max_length=50)] = "",
    value: FormText = "",
    op: FormText = "",
    name: FormText = "",
    role: FormText = "",
    title: FormText = "",
    country: FormText = "",
    other: FormText = "",
) -> Response:
    author = writer(request, csrf)
    event_id = parse_id(ident)
    if event_id is None:
        raise Refused(404, f"no event {ident}")
    _exists(store, "event", event_id)
    change: dict[str, Any] = {"kind": "event", "ref": event_id, "action": action, "reason": reason}
    if action == "set":
        change.update(field=field_name, value=value)
    elif action == "participant":
        change["value"] = {"op": op, "name": name, "role": role or None, "title": title or None,
                           "country": country or None}  # fmt: skip
    elif action == "verify":
        change["value"] = value != "0"
    elif action == "merge":
        merged = parse_id(other.strip().lstrip("#"))
        if merged is None:
            raise CorrectionError("merge: the id of the event to merge into this one")
        change["value"] = merged
    outcome = _record(request, store, author.name, **change)
    target = outcome.correction.ref if outcome.correction.ref is not None else event_id
    return RedirectResponse(f"/events/{target}#curation", 303)


@router.post("/people/{ident}/correct")
def correct_person(
    request: Request,
    store: StoreDep,
    ident: str,
    action: FormText = "",
    reason: FormText = "",
    csrf: FormText = "",
    field_name: Annotated[str, Form(alias="field", max_length=50)] = "",
    value: FormText = "",
    other: FormText = "",
) -> Response:
    author = writer(request, csrf)
    person_id = parse_id(ident)
    if person_id is None:
        raise Refused(404, f"no person {ident}")
    _exists(store, "person", person_id)
    change: dict[str, Any] = {"kind": "person", "ref": person_id, "action": action,
                              "reason": reason}  # fmt: skip
    if action == "set":
        change.update(field=field_name, value=value)
    elif action == "verify":
        change["value"] = value != "0"
    elif action == "merge":
        merged = parse_id(other.strip().lstrip("#"))
        if merged is None:
            raise CorrectionError("merge: the id of the person to merge into this one")
        change["value"] = merged
    elif action == "split":
        change["value"] = [line.strip() for line in value.splitlines() if line.strip()]
    outcome = _record(request, store, author.name, **change)
    target = outcome.correction.ref if outcome.correction.ref is not None else person_id
    return RedirectResponse(f"/people/{target}#curation", 303)


def _filter(
    author: str | None, kind: str | None, action: str | None, field_name: str | None,
    state: str | None, limit: int = CHANGES_PER_PAGE, offset: int = 0,
) -> ChangeFilter:  # fmt: skip
    return ChangeFilter(
        author or None, kind or None, action or None, field_name or None, state or None,
        None, limit, offset,
    )  # fmt: skip


@router.get("/changes")
def changes(
    request: Request,
    store: StoreDep,
    author: str = "",
    kind: str = "",
    action: str = "",
    field_name: Annotated[str, Query(alias="field")] = "",
    state: str = "",
    ref: str = "",
    page_number: Annotated[str, Query(alias="page")] = "1",
) -> Response:
    """The log, newest first; with kind and ref, one event's or person's history."""
    number = max(1, parse_id(page_number) or 1)
    ref_id = parse_id(ref) if ref else None
    if ref_id is not None and kind in ("event", "person"):
        found: list[Correction] = api.corrections.history(store, kind, ref_id, field_name or None)
    else:
        where = _filter(author, kind, action, field_name, state, CHANGES_PER_PAGE + 1,
                        (number - 1) * CHANGES_PER_PAGE)  # fmt: skip
        found = api.corrections.changes(store, where)
    more = len(found) > CHANGES_PER_PAGE
    filters = {"author": author, "kind": kind, "action": action, "field": field_name,
               "state": state, "ref": ref}  # fmt: skip
    return page(
        request,
        "changes.html",
        {"changes": found[:CHANGES_PER_PAGE], "filters": filters, "page": number, "more": more},
    )


# --- the API ----------------------------------------------------------------------------


@dataclass
class Change:
    """A correction made: it, and where it applied."""

    id: int
    action: str
    field: str | None
    old: Any
    new: Any
    state: str | None
    ref: int | None


def _change(outcome: Outcome) -> Change:
    c = outcome.correction
    return Change(c.id, c.action, c.field, c.old, c.new, c.state, c.ref)


def _reason(body: dict[str, Any]) -> str:
    reason = body.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise CorrectionError("reason: say briefly why (it goes into the log)")
    return reason


JsonBody = Annotated[dict[str, Any], Body()]


@api_router.patch("/events/{event_id}", responses=REFUSED)
def patch_event(request: Request, store: StoreDep, event_id: Id, body: JsonBody) -> list[Change]:
    """Correct an event: any of its fields, `participants` (a list of
    `{"op": "add"|"remove"|"role", "name", "role", "title", "country"}`) and
    `verified`, with a `reason`. All or nothing."""
    author = writer(request)
    _exists(store, "event", event_id)
    reason = _reason(body)
    unknown = sorted(set(body) - {"reason", "participants", "verified", *EVENT_FORM_FIELDS})
    if unknown:
        raise CorrectionError(f"unknown field(s) {', '.join(unknown)}")
    changes: list[dict[str, Any]] = [
        {"action": "set", "field": name, "value": body[name]}
        for name in EVENT_FORM_FIELDS
        if name in body
    ]
    participants = body.get("participants") or []
    if not isinstance(participants, list):
        raise CorrectionError("participants: a list of changes expected")
    changes += [{"action": "participant", "value": p} for p in participants]
    if "verified" in body:
        changes.append({"action": "verify", "value": bool(body["verified"])})
    if not changes:
        raise CorrectionError("nothing to change")
    return _apply_all(request, store, author.name, "event", event_id, reason, changes)


def _apply_all(
    request: Request, store: Store, author: str, kind: str, ref: int, reason: str,
    changes: list[dict[str, Any]],
) -> list[Change]:  # fmt: skip
    done = []
    with store.transaction():  # every change or none
        for change in changes:
            outcome = api.corrections.record(
                store, author=author, kind=kind, ref=ref, reason=reason, **change
            )
            done.append(outcome)
    for outcome in done:
        forget(request, store, outcome)
    return [_change(outcome) for outcome in done]


def _one_change(
    request: Request,
    store: StoreDep,
    kind: str,
    ref: int,
    body: dict[str, Any],
    change: dict[str, Any],
) -> list[Change]:
    """One correction of an existing event or person, by the logged-in writer, with the
    body's reason."""
    author = writer(request)
    _exists(store, kind, ref)
    return _apply_all(request, store, author.name, kind, ref, _reason(body), [change])


@api_router.post("/events/{event_id}/reject", responses=REFUSED)
def reject_event(request: Request, store: StoreDep, event_id: Id, body: JsonBody) -> list[Change]:
    """Not a diplomatic event: its status becomes `rejected`."""
    return _one_change(request, store, "event", event_id, body, {"action": "reject"})


@api_router.post("/events/{event_id}/merge", responses=REFUSED)
def merge_event(request: Request, store: StoreDep, event_id: Id, body: JsonBody) -> list[Change]:
    """Merge event `other` into this one."""
    return _one_change(
        request, store, "event", event_id, body, {"action": "merge", "value": body.get("other")}
    )


@api_router.patch("/people/{person_id}", responses=REFUSED)
def patch_person(request: Request, store: StoreDep, person_id: Id, body: JsonBody) -> list[Change]:
    """Correct a person: `name` (the canonical spelling), `title`, `country`, `verified`."""
    author = writer(request)
    _exists(store, "person", person_id)
    reason = _reason(body)
    unknown = sorted(set(body) - {"reason", "name", "title", "country", "verified"})
    if unknown:
        raise CorrectionError(f"unknown field(s) {', '.join(unknown)}")
    changes: list[dict[str, Any]] = [
        {"action": "set", "field": name, "value": body[name]}
        for name in ("name", "title", "country")
        if name in body
    ]
    if "verified" in body:
        changes.append({"action": "verify", "value": bool(body["verified"])})
    if not changes:
        raise CorrectionError("nothing to change")
    return _apply_all(request, store, author.name, "person", person_id, reason, changes)


@api_router.post("/people/{person_id}/merge", responses=REFUSED)
def merge_person(request: Request, store: StoreDep, person_id: Id, body: JsonBody) -> list[Change]:
    """Merge person `other` into this one (two spellings of one official)."""
    return _one_change(
        request, store, "person", person_id, body, {"action": "merge", "value": body.get("other")}
    )


@api_router.post("/people/{person_id}/split", responses=REFUSED)
def split_person(request: Request, store: StoreDep, person_id: Id, body: JsonBody) -> list[Change]:
    """The spellings `names` are someone else: they become a person of their own."""
    return _one_change(
        request, store, "person", person_id, body, {"action": "split", "value": body.get("names")}
    )


@api_router.get("/changes")
def api_changes(
    store: StoreDep,
    author: str | None = None,
    kind: str | None = None,
    action: str | None = None,
    field_name: Annotated[str | None, Query(alias="field")] = None,
    state: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[dict[str, Any]]:
    """The corrections log, newest first (read-only: no route changes it)."""
    where = _filter(author, kind, action, field_name, state, limit, offset)
    return [c.to_dict() for c in api.corrections.changes(store, where)]


# --- accounts (admins only) -----------------------------------------------------------------


@dataclass
class NewUser:
    name: str
    role: str
    password: str = field(repr=False)


@api_router.get("/users", responses=REFUSED)
def list_users(request: Request, store: StoreDep) -> list[dict[str, object]]:
    writer(request, admin=True)
    return [u.to_dict() for u in api.accounts.users(store)]


@api_router.post("/users", responses=REFUSED, status_code=201)
def add_user(request: Request, store: StoreDep, body: NewUser) -> dict[str, object]:
    writer(request, admin=True)
    return api.accounts.add_user(store, body.name, body.role, body.password).to_dict()


@api_router.delete("/users/{name}", responses=REFUSED, status_code=204)
def remove_user(request: Request, store: StoreDep, name: str) -> Response:
    writer(request, admin=True)
    api.accounts.remove_user(store, name)
    return Response(status_code=204)
