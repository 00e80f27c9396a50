"""Corrections: editors' changes to the record, kept as an append-only log and applied on
top of the machine's output.

A correction says who changed what, when, from which value to which, and why. It is
keyed to a stable identity of its target (`anchors`), never to a store id, so a
re-ingest, a re-extraction by a newer extractor or `ingest --from-parquet`, which
rebuild events and people from the articles, are followed by `apply_all`: every
correction is applied again, in order, structural ones (merges, splits) first. A
correction whose target cannot be found any more is `vanished`: listed by `review`,
never dropped. Rows of `corrections` are only ever added; what applying them gave is
kept beside them (`correction_state`, `curation_marks`: which facts are verified or
corrected), and rebuilt by each `apply_all`.

Actions: on an event `set` (a field), `participant` (add, remove, role), `reject` (not a
diplomatic event: its status becomes "rejected"), `merge` (another event into this
one) and `verify`; on a person `set` (name, title, country), `merge` (another person
into this one), `split` (some spellings are someone else) and `verify`.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as calendar_date
from typing import Any

from diplonews.errors import DiplonewsError
from diplonews.extract.lexicons import load
from diplonews.kb import anchors, resolve
from diplonews.kb.store import Store, writes

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


def _now() -> str:
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


def _check(kind: str, action: str, name: str | None, value: Any) -> tuple[str | None, Any]:
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


def _event_label(store: Store, event_id: int) -> str:
    values = event_values(store, event_id) or {}
    parts = [values.get("name") or values.get("kind"), values.get("date")]
    parts.append("–".join(values.get("parties") or []))
    return f"#{event_id} " + " ".join(str(p) for p in parts if p)


def _person_values(store: Store, person_id: int) -> dict[str, Any] | None:
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


# --- applying ------------------------------------------------------------------------


class _Applier:
    """Applies corrections to the store, collecting marks and what it touched."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.marks: dict[tuple[str, int, str], tuple[int, Any]] = {}
        self.events: set[int] = set()  # whose search entry and pages changed
        self.people: set[int] = set()
        self.renamed = False

    def apply(self, c: Correction) -> int | None:
        """The id the correction applied to; None when its target has vanished."""
        if c.kind == "event":
            ref = anchors.find_event(self.store, c.target)
        else:
            ref = anchors.find_person(self.store, c.target)
        if ref is None:
            return None
        done = getattr(self, f"_{c.kind}_{c.action}")(ref, c)
        if done is False:
            return None
        key = (c.kind, ref, c.field or c.action)
        if c.action == "verify" and not c.new:
            self.marks.pop(key, None)
        else:
            self.marks[key] = (c.id, c.new if c.field == "title" else None)
        return ref

    # events

    def _event_set(self, ref: int, c: Correction) -> bool:
        current = event_values(self.store, ref)
        assert c.field is not None and current is not None
        if current[c.field] == c.new:
            return True
        if c.field == "parties":
            self.store.execute(
                "UPDATE events SET parties = ? WHERE id = ?", (json.dumps(c.new), ref)
            )
            self.store.execute("DELETE FROM event_parties WHERE event_id = ?", (ref,))
            self.store.executemany(
                "INSERT INTO event_parties (event_id, party) VALUES (?, ?)",
                [(ref, party) for party in c.new],
            )
        elif c.field == "outcomes":
            self.store.execute(
                "UPDATE events SET outcomes = ? WHERE id = ?",
                (json.dumps(c.new, ensure_ascii=False), ref),
            )
        elif c.field == "date":
            year = int(c.new[:4]) if c.new else None
            self.store.execute(
                "UPDATE events SET date = ?, year = ? WHERE id = ?", (c.new, year, ref)
            )
        else:
            self.store.execute(f"UPDATE events SET {c.field} = ? WHERE id = ?", (c.new, ref))
        self.events.add(ref)
        return True

    def _event_reject(self, ref: int, c: Correction) -> bool:
        return self._event_set(ref, c)

    def _event_verify(self, ref: int, c: Correction) -> bool:
        return True

    def _event_participant(self, ref: int, c: Correction) -> bool:
        op = c.new
        key = resolve.strict_key(op["name"])
        rows = self.store.query(
            "SELECT position, name, role FROM event_participants WHERE event_id = ? "
            "ORDER BY position",
            (ref,),
        )
        matching = [(pos, role) for pos, name, role in rows if resolve.strict_key(name) == key]
        if op["op"] == "remove":
            for pos, _ in matching:
                self.store.execute(
                    "DELETE FROM event_participants WHERE event_id = ? AND position = ?",
                    (ref, pos),
                )
        elif op["op"] == "role":
            if not matching:
                return False  # the participant it changed is gone: for review
            for pos, role in matching:
                if role != op["role"]:
                    self.store.execute(
                        "UPDATE event_participants SET role = ? WHERE event_id = ? AND position = ?",
                        (op["role"], ref, pos),
                    )
        elif not matching:
            position = max((int(r[0]) for r in rows), default=-1) + 1
            person_id = anchors.person_by_name(self.store, op["name"])
            self.store.execute(
                "INSERT INTO event_participants (event_id, position, person_id, name, country, "
                "title, role) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ref, position, person_id, op["name"], op["country"], op["title"], op["role"]),
            )
            if person_id is not None:
                self.people.add(person_id)
        self.events.add(ref)
        return True

    def _event_merge(self, ref: int, c: Correction) -> bool:
        other = anchors.find_event(self.store, c.new)
        if other is None or other == ref:
            return True  # merged already, or the other event's reports are all gone
        store = self.store
        store.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", (ref, other))
        for table in ("event_parties", "event_participants"):
            store.execute(f"DELETE FROM {table} WHERE event_id = ?", (other,))
        store.execute("DELETE FROM events WHERE id = ?", (other,))
        store.unindex_text("event", other)
        writes.reconcile_event(store, ref)
        self.events.update((ref, other))
        self.renamed = True
        return True

    # people

    def _person_set(self, ref: int, c: Correction) -> bool:
        if c.field == "name" and c.new:
            self.store.execute("UPDATE people SET name = ? WHERE id = ?", (c.new, ref))
            self.renamed = True
        elif c.field == "country":
            self.store.execute("UPDATE people SET country = ? WHERE id = ?", (c.new, ref))
        self.people.add(ref)
        return True

    def _person_verify(self, ref: int, c: Correction) -> bool:
        return True

    def _person_merge(self, ref: int, c: Correction) -> bool:
        store = self.store
        other = anchors.find_person(store, c.new)
        if other is not None and other != ref:
            for table in ("person_mentions", "event_participants"):
                store.execute(f"UPDATE {table} SET person_id = ? WHERE person_id = ?", (ref, other))
            store.execute("DELETE FROM people WHERE id = ?", (other,))
            store.unindex_text("person", other)
            self.people.add(other)
            self.renamed = True
        names = list(c.new.get("names") or [])
        if names:  # participants the machine left unlinked after an earlier merge
            marks = ", ".join("?" for _ in names)
            store.execute(
                "UPDATE event_participants SET person_id = ? "
                f"WHERE person_id IS NULL AND name IN ({marks})",
                (ref, *names),
            )
        self.people.add(ref)
        return True

    def _person_split(self, ref: int, c: Correction) -> bool:
        store = self.store
        names = list(c.new)
        marks = ", ".join("?" for _ in names)
        moving = store.query(
            f"SELECT country FROM person_mentions WHERE person_id = ? AND name IN ({marks}) "
            "ORDER BY id",
            (ref, *names),
        )
        if not moving:
            return True  # split already (or those spellings are no longer reported)
        key = resolve.strict_key(names[0])
        existing = store.query(
            "SELECT id FROM people WHERE strict_key = ? AND id <> ? ORDER BY id LIMIT 1",
            (key, ref),
        )
        if existing:
            other = int(existing[0][0])
        else:
            country = next((row[0] for row in moving if row[0]), None)
            other = store.insert(
                "INSERT INTO people (name, country, strict_key, loose_key, skeleton_key) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                (
                    names[0],
                    country,
                    key,
                    resolve.loose_key(names[0]),
                    resolve.skeleton_key(names[0]),
                ),
            )
        for table in ("person_mentions", "event_participants"):
            store.execute(
                f"UPDATE {table} SET person_id = ? WHERE person_id = ? AND name IN ({marks})",
                (other, ref, *names),
            )
        self.people.update((ref, other))
        self.renamed = True
        return True

    def reindex(self) -> None:
        lexicons = load()
        for event_id in sorted(self.events):
            writes.reindex_event(self.store, event_id, lexicons)
        for person_id in sorted(self.people):
            if self.store.query("SELECT 1 FROM people WHERE id = ?", (person_id,)):
                writes.reindex_person(self.store, person_id, lexicons)


def _correction(row: tuple[Any, ...]) -> Correction:
    (cid, at, author, kind, target, label, action, name, old, new, reason, state, ref) = row
    return Correction(
        int(cid),
        at,
        author,
        kind,
        json.loads(target),
        label,
        action,
        name,
        json.loads(old) if old is not None else None,
        json.loads(new) if new is not None else None,
        reason,
        state,
        int(ref) if ref is not None else None,
    )


_SELECT = (
    "SELECT c.id, c.at, c.author, c.kind, c.target, c.label, c.action, c.field, c.old_value, "
    "c.new_value, c.reason, s.state, s.ref FROM corrections c "
    "LEFT JOIN correction_state s ON s.correction_id = c.id "
)


def _all(store: Store) -> list[Correction]:
    return [_correction(row) for row in store.query(_SELECT + "ORDER BY c.id")]


def apply_all(store: Store) -> ApplyReport:
    """Apply every correction again on top of what the machine gave (after an ingest,
    a re-extraction, an import of the log), in the caller's transaction; each one's
    state and the marks are rebuilt."""
    report = ApplyReport()
    if not store.query("SELECT 1 FROM corrections LIMIT 1"):
        return report
    log = _all(store)
    applier = _Applier(store)
    states: dict[int, int | None] = {}
    for c in sorted(log, key=lambda c: (c.action not in STRUCTURAL, c.id)):
        states[c.id] = applier.apply(c)
    applier.reindex()
    now = _now()
    store.execute("DELETE FROM correction_state")
    store.executemany(
        "INSERT INTO correction_state (correction_id, state, ref, checked_at) VALUES (?, ?, ?, ?)",
        [(cid, "vanished" if ref is None else "applied", ref, now) for cid, ref in states.items()],
    )
    store.execute("DELETE FROM curation_marks")
    store.executemany(
        "INSERT INTO curation_marks (kind, ref, field, correction_id, value) VALUES (?, ?, ?, ?, ?)",
        [
            (kind, ref, name, cid, json.dumps(value, ensure_ascii=False) if value else None)
            for (kind, ref, name), (cid, value) in applier.marks.items()
        ],
    )
    report.applied = sum(1 for ref in states.values() if ref is not None)
    report.vanished = len(states) - report.applied
    return report


def _insert(store: Store, c: Correction) -> int:
    return store.insert(
        "INSERT INTO corrections (at, author, kind, target, label, action, field, old_value, "
        "new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            c.at,
            c.author,
            c.kind,
            json.dumps(c.target, ensure_ascii=False, sort_keys=True),
            c.label,
            c.action,
            c.field,
            None if c.old is None else json.dumps(c.old, ensure_ascii=False),
            None if c.new is None else json.dumps(c.new, ensure_ascii=False),
            c.reason,
        ),
    )


def record(
    store: Store,
    *,
    author: str,
    kind: str,
    ref: int,
    action: str,
    field: str | None = None,
    value: Any = None,
    reason: str,
) -> Outcome:
    """Check, log and apply one correction of event or person `ref`, in one transaction."""
    why = " ".join((reason or "").split())
    if not why:
        raise CorrectionError("reason: say briefly why (it goes into the log)")
    if len(why) > MAX_REASON:
        raise CorrectionError(f"reason: at most {MAX_REASON} characters")
    name, new = _check(kind, action, field, value)
    with store.transaction():
        if kind == "event":
            target = anchors.event_target(store, ref)
            current = event_values(store, ref) if target else None
            label = _event_label(store, ref) if target else ""
        else:
            target = anchors.person_target(store, ref)
            current = _person_values(store, ref) if target else None
            label = f"#{ref} {current['name']}" if current else ""
        if target is None or current is None:
            raise CorrectionError(f"no {kind} {ref}")
        old: Any = None
        if action == "merge":
            if new == ref:
                raise CorrectionError(f"merge: a {kind} cannot be merged into itself")
            other = (anchors.event_target if kind == "event" else anchors.person_target)(store, new)
            if other is None:
                raise CorrectionError(f"merge: no {kind} {new}")
            old, new = new, other
        elif action == "verify":
            old = (
                store.query(
                    "SELECT 1 FROM curation_marks WHERE kind = ? AND ref = ? AND field = 'verified'",
                    (kind, ref),
                )
                != []
            )
        elif action == "participant":
            old = next(
                (
                    p
                    for p in current["participants"]
                    if resolve.strict_key(p["name"]) == resolve.strict_key(new["name"])
                ),
                None,
            )
            if new["op"] != "add" and old is None:
                raise CorrectionError(f"participant {new['name']!r}: not a participant of {ref}")
        elif action == "split":
            known = {
                str(r[0])
                for r in store.query(
                    "SELECT DISTINCT name FROM person_mentions WHERE person_id = ?", (ref,)
                )
            }
            unknown = [n for n in new if n not in known]
            if unknown or len(known - set(new)) == 0:
                raise CorrectionError(
                    f"split: give some, not all, of the spellings {sorted(known)}"
                )
        elif name is not None:
            old = current.get(name)
        c = Correction(0, _now(), author, kind, target, label, action, name, old, new, why)
        c.id = _insert(store, c)
        applier = _Applier(store)
        if action in STRUCTURAL:
            apply_all(store)
            ref_now = (
                anchors.find_event(store, target)
                if kind == "event"
                else (anchors.find_person(store, target))
            )
            outcome = Outcome(c, renamed=True)
        else:
            ref_now = applier.apply(c)
            applier.reindex()
            _save_state(store, c, ref_now, applier.marks)
            outcome = Outcome(c, renamed=applier.renamed)
        c.state, c.ref = ("applied" if ref_now is not None else "vanished"), ref_now
        if kind == "event":
            outcome.events = {ref, *applier.events}
        else:
            outcome.people = {ref, *applier.people}
        if outcome.renamed:
            store.execute("UPDATE generation SET value = value + 1 WHERE id = 1")
    return outcome


def _save_state(
    store: Store, c: Correction, ref: int | None, marks: dict[tuple[str, int, str], tuple[int, Any]]
) -> None:
    """The state and marks of one correction just applied (`apply_all` rebuilds them all)."""
    store.execute(
        "INSERT INTO correction_state (correction_id, state, ref, checked_at) VALUES (?, ?, ?, ?)",
        (c.id, "vanished" if ref is None else "applied", ref, _now()),
    )
    if ref is not None and c.action == "verify" and not c.new:
        store.execute(
            "DELETE FROM curation_marks WHERE kind = ? AND ref = ? AND field = 'verified'",
            (c.kind, ref),
        )
    for (kind, target, name), (mark_id, value) in marks.items():
        store.execute(
            "DELETE FROM curation_marks WHERE kind = ? AND ref = ? AND field = ?",
            (kind, target, name),
        )
        store.execute(
            "INSERT INTO curation_marks (kind, ref, field, correction_id, value) "
            "VALUES (?, ?, ?, ?, ?)",
            (kind, target, name, mark_id, json.dumps(value, ensure_ascii=False) if value else None),
        )


# --- reading the log -----------------------------------------------------------------


def marks(store: Store, kind: str, refs: Iterable[int]) -> dict[int, Marks]:
    """Verified and corrected marks of these events or people (all of them when the
    store has no correction: an empty dictionary)."""
    ids = sorted(set(refs))
    found: dict[int, Marks] = {}
    if not ids or not store.query("SELECT 1 FROM curation_marks LIMIT 1"):
        return found
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = store.query(
            f"SELECT ref, field, value FROM curation_marks WHERE kind = ? "
            f"AND ref IN ({', '.join('?' for _ in chunk)})",
            (kind, *chunk),
        )
        for ref, name, value in rows:
            mark = found.setdefault(int(ref), Marks())
            if name == "verified":
                mark.verified = True
            else:
                mark.corrected.add(name)
            if name == "title" and value:
                mark.title = json.loads(value)
    return found


def verified_ids(store: Store, kind: str) -> set[int]:
    rows = store.query(
        "SELECT ref FROM curation_marks WHERE kind = ? AND field = 'verified'", (kind,)
    )
    return {int(r[0]) for r in rows}


def history(store: Store, kind: str, ref: int, field_name: str | None = None) -> list[Correction]:
    """The corrections that applied to this event or person, newest first."""
    sql = _SELECT + "WHERE c.kind = ? AND s.ref = ? "
    params: list[Any] = [kind, ref]
    if field_name:
        sql += "AND (c.field = ? OR c.action = ?) "
        params += [field_name, field_name]
    return [_correction(r) for r in store.query(sql + "ORDER BY c.id DESC", params)]


@dataclass
class ChangeFilter:
    author: str | None = None
    kind: str | None = None
    action: str | None = None
    field: str | None = None
    state: str | None = None
    since: str | None = None  # ISO time or date
    limit: int = 100
    offset: int = 0


def changes(store: Store, where: ChangeFilter | None = None) -> list[Correction]:
    """The log, newest first, filtered."""
    where = where or ChangeFilter()
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in (
        ("c.author", where.author),
        ("c.kind", where.kind),
        ("c.action", where.action),
        ("c.field", where.field),
        ("s.state", where.state),
    ):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if where.since:
        clauses.append("c.at >= ?")
        params.append(where.since)
    sql = _SELECT + (f"WHERE {' AND '.join(clauses)} " if clauses else "")
    rows = store.query(
        sql + "ORDER BY c.id DESC LIMIT ? OFFSET ?", (*params, where.limit, where.offset)
    )
    return [_correction(r) for r in rows]


def review(store: Store) -> list[Correction]:
    """Corrections whose target vanished at the last apply: to look at, not lost."""
    return changes(store, ChangeFilter(state="vanished", limit=10_000))


# --- moving the log between stores ---------------------------------------------------


def export_log(store: Store) -> Iterator[dict[str, Any]]:
    """Every correction as it was made (without its state in this store), oldest first."""
    for c in _all(store):
        item = c.to_dict()
        del item["id"], item["state"], item["ref"]
        yield item


_REQUIRED = ("at", "author", "kind", "target", "label", "action", "reason")


def import_log(
    store: Store, items: Iterable[dict[str, Any]], where: str = "log"
) -> tuple[int, int]:
    """Add exported corrections (those the log holds already are skipped) and apply the
    whole log; (added, skipped)."""
    added = skipped = 0
    with store.transaction():
        seen = {
            (
                c.at,
                c.author,
                c.kind,
                json.dumps(c.target, sort_keys=True),
                c.action,
                c.field,
                json.dumps(c.new, sort_keys=True),
            )
            for c in _all(store)
        }
        for number, item in enumerate(items, 1):
            missing = [key for key in _REQUIRED if key not in item]
            if missing:
                raise CorrectionError(f"{where}:{number}: missing {', '.join(missing)}")
            kind, action = item["kind"], item["action"]
            if kind not in ACTIONS or action not in ACTIONS[kind]:
                raise CorrectionError(f"{where}:{number}: unknown {kind} action {action!r}")
            if not isinstance(item["target"], dict):
                raise CorrectionError(f"{where}:{number}: target: an object expected")
            key = (
                item["at"],
                item["author"],
                kind,
                json.dumps(item["target"], sort_keys=True),
                action,
                item.get("field"),
                json.dumps(item.get("new"), sort_keys=True),
            )
            if key in seen:
                skipped += 1
                continue
            seen.add(key)
            c = Correction(
                0,
                str(item["at"]),
                str(item["author"]),
                kind,
                item["target"],
                str(item["label"]),
                action,
                item.get("field"),
                item.get("old"),
                item.get("new"),
                str(item["reason"]),
            )
            _insert(store, c)
            added += 1
        apply_all(store)
        store.execute("UPDATE generation SET value = value + 1 WHERE id = 1")
    return added, skipped
