"""Corrections: editors' changes to the record, kept as an append-only log and applied on
top of the machine's output.

A correction says who changed what, when, from which value to which, and why. It is
keyed to a stable identity of its target (`anchors`), never to a store id, so a
re-ingest, a re-extraction by a newer extractor or `ingest --from-parquet`, which
rebuild events and people from the articles, are followed by `apply_after_batch`:
the corrections of what the batch rebuilt are applied again, in order, structural ones
(merges, splits) first, which ends as `apply_all` (the whole log) would. A
correction whose target cannot be found any more is `vanished`: listed by `review`,
never dropped. Rows of `corrections` are only ever added; what applying them gave is
kept beside them (`correction_state`, `curation_marks`: which facts are verified or
corrected), and rebuilt by each `apply_all`.

Actions: on an event `set` (a field), `participant` (add, remove, role), `reject` (not a
diplomatic event: its status becomes "rejected"), `merge` (another event into this
one) and `verify`; on a person `set` (name, title, country), `merge` (another person
into this one), `split` (some spellings are someone else) and `verify`.

What a correction may say is checked in `correction_rules`; applying it is `applying`.
This module is the log: recording, reading, moving it between stores.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from diplonews.kb import anchors, resolve
from diplonews.kb.applying import (
    SELECT_LOG,
    Applier,
    apply_after_batch,
    apply_all,
    from_row,
    read_all,
    save_state,
)
from diplonews.kb.correction_rules import (
    ACTIONS,
    EVENT_FIELDS,
    MAX_REASON,
    PERSON_FIELDS,
    STRUCTURAL,
    ApplyReport,
    Correction,
    CorrectionError,
    Marks,
    Outcome,
    check_change,
    event_label,
    event_values,
    now,
    person_values,
)
from diplonews.kb.store import Store

__all__ = [
    "ACTIONS",
    "EVENT_FIELDS",
    "PERSON_FIELDS",
    "ApplyReport",
    "ChangeFilter",
    "Correction",
    "CorrectionError",
    "Marks",
    "Outcome",
    "apply_after_batch",
    "apply_all",
    "changes",
    "event_values",
    "export_log",
    "history",
    "import_log",
    "marks",
    "record",
    "review",
    "verified_ids",
]


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
    name, new = check_change(kind, action, field, value)
    with store.transaction():
        if kind == "event":
            target = anchors.event_target(store, ref)
            current = event_values(store, ref) if target else None
            label = event_label(store, ref) if target else ""
        else:
            target = anchors.person_target(store, ref)
            current = person_values(store, ref) if target else None
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
        c = Correction(0, now(), author, kind, target, label, action, name, old, new, why)
        c.id = _insert(store, c)
        applier = Applier(store)
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
            save_state(store, c, ref_now, applier.marks)
            outcome = Outcome(c, renamed=applier.renamed)
        c.state, c.ref = ("applied" if ref_now is not None else "vanished"), ref_now
        if kind == "event":
            outcome.events = {ref, *applier.events}
        else:
            outcome.people = {ref, *applier.people}
        if outcome.renamed:
            store.execute("UPDATE generation SET value = value + 1 WHERE id = 1")
    return outcome


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
    sql = SELECT_LOG + "WHERE c.kind = ? AND s.ref = ? "
    params: list[Any] = [kind, ref]
    if field_name:
        sql += "AND (c.field = ? OR c.action = ?) "
        params += [field_name, field_name]
    return [from_row(r) for r in store.query(sql + "ORDER BY c.id DESC", params)]


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
    sql = SELECT_LOG + (f"WHERE {' AND '.join(clauses)} " if clauses else "")
    rows = store.query(
        sql + "ORDER BY c.id DESC LIMIT ? OFFSET ?", (*params, where.limit, where.offset)
    )
    return [from_row(r) for r in rows]


def review(store: Store) -> list[Correction]:
    """Corrections whose target vanished at the last apply: to look at, not lost."""
    return changes(store, ChangeFilter(state="vanished", limit=10_000))


# --- moving the log between stores ---------------------------------------------------


def export_log(store: Store) -> Iterator[dict[str, Any]]:
    """Every correction as it was made (without its state in this store), oldest first."""
    for c in read_all(store):
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
            for c in read_all(store)
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
