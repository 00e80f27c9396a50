"""What a correction is and may say: the actions, fields and values editors may give
(checked here, each refusal naming the field), the records of the log, and the current
values a correction's "old value" is read from."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from datetime import date as calendar_date
from typing import Any

from diplonews.errors import DiplonewsError
from diplonews.kb.store import Store

EVENT_FIELDS = (
    "kind",
    "status",
    "name",
    "date",
    "format",
    "location",
    "series",
    "edition",
    "parties",
    "outcomes",
)
PERSON_FIELDS = ("name", "title", "country")
KINDS = ("meeting", "visit", "call")
STATUSES = ("held", "planned", "rejected")
FORMATS = ("online", "in_person")
ROLES = ("chair", "participant")
ACTIONS = {
    "event": ("set", "participant", "reject", "merge", "verify"),
    "person": ("set", "merge", "split", "verify"),
}
STRUCTURAL = ("merge", "split")  # applied first: they decide what the other actions target
MAX_REASON = 2000
MAX_TEXT = 500
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_PARTY = re.compile(r"[A-Z][A-Z0-9_]{1,15}")


class CorrectionError(DiplonewsError):
    """A correction that cannot be made: an unknown target, field or value, no reason."""


@dataclass
class Correction:
    id: int
    at: str
    author: str
    kind: str
    target: dict[str, Any]
    label: str
    action: str
    field: str | None
    old: Any
    new: Any
    reason: str
    state: str | None = None  # applied | vanished (None: not applied yet)
    ref: int | None = None  # the event or person it applied to last

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "author": self.author,
            "kind": self.kind,
            "target": self.target,
            "label": self.label,
            "action": self.action,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "reason": self.reason,
            "state": self.state,
            "ref": self.ref,
        }


@dataclass
class Marks:
    """What editors did to one event or person: verified, which fields they corrected."""

    verified: bool = False
    corrected: set[str] = field(default_factory=set)
    title: str | None = None  # a person's title as an editor set it

    def to_dict(self) -> dict[str, Any]:
        return {"verified": self.verified, "corrected": sorted(self.corrected)}


@dataclass
class Outcome:
    """A correction made, and what it touched (for the pages to refresh)."""

    correction: Correction
    events: set[int] = field(default_factory=set)
    people: set[int] = field(default_factory=set)
    renamed: bool = False  # names changed: everything that shows them is stale


@dataclass
class ApplyReport:
    applied: int = 0
    vanished: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"applied": self.applied, "vanished": self.vanished}


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _text(value: Any, what: str, *, optional: bool = True) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise CorrectionError(f"{what}: a value is needed")
    if not isinstance(value, str):
        raise CorrectionError(f"{what}: text expected, not {type(value).__name__}")
    if len(value) > MAX_TEXT:
        raise CorrectionError(f"{what}: at most {MAX_TEXT} characters")
    return " ".join(value.split())


def _choice(value: Any, what: str, allowed: tuple[str, ...], *, optional: bool = False) -> Any:
    if value in (None, "") and optional:
        return None
    if value not in allowed:
        raise CorrectionError(f"{what}: one of {', '.join(allowed)}, not {value!r}")
    return value


def _date(value: Any) -> str | None:
    text = _text(value, "date")
    if text is None:
        return None
    if not _DATE.fullmatch(text):
        raise CorrectionError(f"date: YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
    parts = [int(p) for p in text.split("-")]
    try:
        calendar_date(
            parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
        )
    except ValueError:
        raise CorrectionError(f"date: no such day {text!r}") from None
    return text


def _list(value: Any, what: str) -> list[str]:
    if isinstance(value, str):
        value = [piece for piece in re.split(r"[,\n]", value)]
    if not isinstance(value, list):
        raise CorrectionError(f"{what}: a list expected")
    items = [_text(item, what) for item in value]
    return list(dict.fromkeys(item for item in items if item))


def check_event_value(name: str, value: Any) -> Any:
    """The value of an event field as stored, or a CorrectionError naming the field."""
    if name == "kind":
        return _choice(value, "kind", KINDS)
    if name == "status":
        return _choice(value, "status", STATUSES)
    if name == "format":
        return _choice(value, "format", FORMATS, optional=True)
    if name == "date":
        return _date(value)
    if name == "edition":
        if value in (None, ""):
            return None
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 10_000:
            raise CorrectionError(f"edition: a whole number from 1, not {value!r}")
        return value
    if name == "parties":
        parties = [p.upper() for p in _list(value, "parties")]
        for party in parties:
            if not _PARTY.fullmatch(party):
                raise CorrectionError(f"parties: {party!r} is not a party code (KOR, ASEAN)")
        return sorted(set(parties))
    if name == "outcomes":
        return _list(value, "outcomes")
    if name in ("name", "location", "series"):
        return _text(value, name)
    raise CorrectionError(f"field {name!r}: one of {', '.join(EVENT_FIELDS)}")


def check_participant(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CorrectionError("participant: an object with op and name expected")
    op = _choice(value.get("op"), "participant op", ("add", "remove", "role"))
    name = _text(value.get("name"), "participant name", optional=False)
    checked: dict[str, Any] = {"op": op, "name": name}
    if op in ("add", "role"):
        checked["role"] = _choice(value.get("role") or "participant", "participant role", ROLES)
    if op == "add":
        checked["title"] = _text(value.get("title"), "participant title")
        country = _text(value.get("country"), "participant country")
        checked["country"] = country.upper() if country else None
    return checked


def check_change(kind: str, action: str, name: str | None, value: Any) -> tuple[str | None, Any]:
    """(field, value) as the log keeps them."""
    if kind not in ACTIONS:
        raise CorrectionError(f"kind {kind!r}: event or person")
    if action not in ACTIONS[kind]:
        raise CorrectionError(f"{kind} action {action!r}: one of {', '.join(ACTIONS[kind])}")
    if action == "verify":
        return "verified", bool(value)
    if action == "reject":
        return "status", "rejected"
    if action == "participant":
        return "participants", check_participant(value)
    if action == "merge":
        if not isinstance(value, int) or isinstance(value, bool):
            raise CorrectionError(f"merge: the id of the {kind} to merge into this one")
        return None, value
    if action == "split":
        names = _list(value, "split names")
        if not names:
            raise CorrectionError("split: the spellings that are another person")
        return "names", names
    if kind == "event":
        if name not in EVENT_FIELDS:
            raise CorrectionError(f"field {name!r}: one of {', '.join(EVENT_FIELDS)}")
        return name, check_event_value(name, value)
    if name not in PERSON_FIELDS:
        raise CorrectionError(f"person field {name!r}: one of {', '.join(PERSON_FIELDS)}")
    text = _text(value, name, optional=name != "name")
    return name, text.upper() if name == "country" and text else text


# --- current values ------------------------------------------------------------------


def event_values(store: Store, event_id: int) -> dict[str, Any] | None:
    rows = store.query(
        "SELECT kind, status, name, date, format, location, series, edition, parties, outcomes "
        "FROM events WHERE id = ?",
        (event_id,),
    )
    if not rows:
        return None
    values = dict(zip(EVENT_FIELDS, rows[0], strict=True))
    values["parties"] = sorted(json.loads(values["parties"]))
    values["outcomes"] = json.loads(values["outcomes"])
    values["participants"] = [
        {"name": n, "country": c, "title": t, "role": r}
        for n, c, t, r in store.query(
            "SELECT name, country, title, role FROM event_participants WHERE event_id = ? "
            "ORDER BY position",
            (event_id,),
        )
    ]
    return values


def event_label(store: Store, event_id: int) -> str:
    values = event_values(store, event_id) or {}
    parts = [values.get("name") or values.get("kind"), values.get("date")]
    parts.append("–".join(values.get("parties") or []))
    return f"#{event_id} " + " ".join(str(p) for p in parts if p)


def person_values(store: Store, person_id: int) -> dict[str, Any] | None:
    rows = store.query("SELECT name, country FROM people WHERE id = ?", (person_id,))
    if not rows:
        return None
    title = store.query(
        "SELECT value FROM curation_marks WHERE kind = 'person' AND ref = ? AND field = 'title'",
        (person_id,),
    )
    return {
        "name": rows[0][0],
        "country": rows[0][1],
        "title": json.loads(title[0][0]) if title and title[0][0] else None,
    }
