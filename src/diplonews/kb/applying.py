"""Applying corrections to the store: each action on top of the machine's output, and
`apply_all`, which applies the whole log again after anything rebuilt the record (an
ingest batch, a re-extraction, an import of the log), structural actions (merges,
splits) first. It rebuilds what applying gave: each correction's state (`applied`, or
`vanished` when its target cannot be found) and the marks of verified and corrected
facts."""

from __future__ import annotations

import json
from typing import Any

from diplonews.extract.lexicons import load
from diplonews.kb import anchors, resolve
from diplonews.kb.correction_rules import (
    STRUCTURAL,
    ApplyReport,
    Correction,
    event_values,
    now,
)
from diplonews.kb.store import Store, writes


class Applier:
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


def from_row(row: tuple[Any, ...]) -> Correction:
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


SELECT_LOG = (
    "SELECT c.id, c.at, c.author, c.kind, c.target, c.label, c.action, c.field, c.old_value, "
    "c.new_value, c.reason, s.state, s.ref FROM corrections c "
    "LEFT JOIN correction_state s ON s.correction_id = c.id "
)


def read_all(store: Store) -> list[Correction]:
    return [from_row(row) for row in store.query(SELECT_LOG + "ORDER BY c.id")]


def apply_all(store: Store) -> ApplyReport:
    """Apply every correction again on top of what the machine gave (after an ingest,
    a re-extraction, an import of the log), in the caller's transaction; each one's
    state and the marks are rebuilt."""
    report = ApplyReport()
    if not store.query("SELECT 1 FROM corrections LIMIT 1"):
        return report
    log = read_all(store)
    applier = Applier(store)
    states: dict[int, int | None] = {}
    for c in sorted(log, key=lambda c: (c.action not in STRUCTURAL, c.id)):
        states[c.id] = applier.apply(c)
    applier.reindex()
    checked = now()
    store.execute("DELETE FROM correction_state")
    store.executemany(
        "INSERT INTO correction_state (correction_id, state, ref, checked_at) VALUES (?, ?, ?, ?)",
        [
            (cid, "vanished" if ref is None else "applied", ref, checked)
            for cid, ref in states.items()
        ],
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


def _existing(store: Store, table: str, ids: set[int]) -> set[int]:
    found: set[int] = set()
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(
            int(r[0]) for r in store.query(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk)
        )
    return found


def _mark_rows(
    log: list[Correction], refs: dict[int, int | None], affected: set[tuple[str, int]]
) -> list[tuple[str, int, str, int, str | None]]:
    """The marks of the affected events and people, from the corrections that applied
    to them, in the order `apply_all` applies them (the same rule as `Applier.apply`)."""
    marks: dict[tuple[str, int, str], tuple[int, Any]] = {}
    for c in sorted(log, key=lambda c: (c.action not in STRUCTURAL, c.id)):
        ref = refs.get(c.id)
        if ref is None or (c.kind, ref) not in affected:
            continue
        key = (c.kind, ref, c.field or c.action)
        if c.action == "verify" and not c.new:
            marks.pop(key, None)
        else:
            marks[key] = (c.id, c.new if c.field == "title" else None)
    return [
        (kind, ref, name, cid, json.dumps(value, ensure_ascii=False) if value else None)
        for (kind, ref, name), (cid, value) in marks.items()
    ]


def apply_after_batch(store: Store, events: set[int], people: set[int]) -> ApplyReport:
    """`apply_all`, for what one ingest batch can have undone: the corrections whose
    event or person the batch rebuilt (`events`, `people`: the writer's), whose target
    went or vanished before, and every merge and split. The others' targets are as they
    were: applying them again would change nothing. Ends as `apply_all` would."""
    report = ApplyReport()
    if not store.query("SELECT 1 FROM corrections LIMIT 1"):
        return report
    log = read_all(store)
    applier = Applier(store)
    refs: dict[int, int | None] = {c.id: c.ref for c in log}
    done: dict[int, int | None] = {}
    for c in log:
        if c.action in STRUCTURAL:
            done[c.id] = applier.apply(c)
    touched = {"event": events | applier.events, "person": people | applier.people}
    alive = {
        "event": _existing(store, "events", {c.ref for c in log if c.kind == "event" and c.ref}),
        "person": _existing(store, "people", {c.ref for c in log if c.kind == "person" and c.ref}),
    }
    for c in log:
        if c.id in done:
            continue
        if (
            c.state != "applied"
            or c.ref is None
            or c.ref in touched[c.kind]
            or (c.ref not in alive[c.kind])
        ):
            done[c.id] = applier.apply(c)
    applier.reindex()
    affected = {(c.kind, ref) for c in log if c.id in done for ref in (c.ref, done[c.id]) if ref}
    refs.update(done)
    checked = now()
    for cid, ref in done.items():
        store.execute("DELETE FROM correction_state WHERE correction_id = ?", (cid,))
    store.executemany(
        "INSERT INTO correction_state (correction_id, state, ref, checked_at) VALUES (?, ?, ?, ?)",
        [
            (cid, "vanished" if ref is None else "applied", ref, checked)
            for cid, ref in done.items()
        ],
    )
    for kind, ref in sorted(affected):
        store.execute("DELETE FROM curation_marks WHERE kind = ? AND ref = ?", (kind, ref))
    store.executemany(
        "INSERT INTO curation_marks (kind, ref, field, correction_id, value) VALUES (?, ?, ?, ?, ?)",
        _mark_rows(log, refs, affected),
    )
    report.applied = sum(1 for ref in refs.values() if ref is not None)
    report.vanished = len(refs) - report.applied
    return report


def save_state(
    store: Store, c: Correction, ref: int | None, marks: dict[tuple[str, int, str], tuple[int, Any]]
) -> None:
    """The state and marks of one correction just applied (`apply_all` rebuilds them all)."""
    store.execute(
        "INSERT INTO correction_state (correction_id, state, ref, checked_at) VALUES (?, ?, ?, ?)",
        (c.id, "vanished" if ref is None else "applied", ref, now()),
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
