"""The stored people a write batch may resolve its names to, read in one statement.

`writes.resolve_person` asks, for each name an article reports, which stored people
share one of its keys (strict, loose, or skeleton and country): a statement a name,
and on PostgreSQL a round trip each, 0.9 an article on real news. `KnownPeople`
reads every person sharing a key with any name of the batch at once, then answers
each of those questions as the statement would, kept up to date with the people the
batch adds and the countries it fills in. The writer drops it when a person is
deleted (an article replaced), and asks the store again from then on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from diplonews.kb import resolve
from diplonews.kb.store.base import Store

LOOKUP_CHUNK = 300  # values of each key in one IN (...) list (three lists a statement)


def reported_names(record: dict[str, Any]) -> list[str]:
    """The names an article's people are resolved by: its people and its events'
    participants (`Writer._add_people`)."""
    names = [person["name"] for person in record.get("people") or []]
    for event in record.get("events") or []:
        names += [participant["name"] for participant in event.get("participants") or []]
    return names


class KnownPeople:
    """The people rows (id, name, country and keys) sharing a key with `names`."""

    def __init__(self, store: Store, names: Iterable[str]) -> None:
        stricts, looses, skeletons = set(), set(), set()
        for name in set(names):
            stricts.add(resolve.strict_key(name))
            looses.add(resolve.loose_key(name))
            skeletons.add(resolve.skeleton_key(name))
        self.covered = (stricts, looses, skeletons)
        # id: [name, country, strict key, loose key, skeleton key], as stored
        self.rows: dict[int, list[Any]] = {}
        self.by_strict: dict[str, set[int]] = {}
        self.by_loose: dict[str, set[int]] = {}
        self.by_skeleton: dict[str, set[int]] = {}
        for row in _matching(store, sorted(stricts), sorted(looses), sorted(skeletons)):
            self._keep(int(row[0]), *row[1:])

    def _keep(
        self, person_id: int, name: str, country: str | None, strict: str, loose: str, skeleton: str
    ) -> None:
        self.rows[person_id] = [name, country, strict, loose, skeleton]
        self.by_strict.setdefault(strict, set()).add(person_id)
        self.by_loose.setdefault(loose, set()).add(person_id)
        self.by_skeleton.setdefault(skeleton, set()).add(person_id)

    def candidates(
        self, strict: str, loose: str, skeleton: str, country: str | None, limit: int
    ) -> list[tuple[int, str, str | None]] | None:
        """(id, name, country) of the people with this strict key, this loose key, or
        this skeleton key and country, by id, at most `limit`: what the statement of
        `resolve_person` gives. None for keys not read (a name not of the batch)."""
        stricts, looses, skeletons = self.covered
        if strict not in stricts or loose not in looses or skeleton not in skeletons:
            return None
        found = self.by_strict.get(strict, set()) | self.by_loose.get(loose, set())
        if country is not None:  # NULL = NULL is not true
            found |= {i for i in self.by_skeleton.get(skeleton, ()) if self.rows[i][1] == country}
        return [(i, self.rows[i][0], self.rows[i][1]) for i in sorted(found)[:limit]]

    def added(
        self, person_id: int, name: str, country: str | None, strict: str, loose: str, skeleton: str
    ) -> None:
        self._keep(person_id, name, country, strict, loose, skeleton)

    def country_set(self, person_id: int, country: str) -> None:
        self.rows[person_id][1] = country


def _matching(
    store: Store, stricts: list[str], looses: list[str], skeletons: list[str]
) -> list[tuple[Any, ...]]:
    """The people rows with one of these keys (a skeleton key only with a country: the
    only way it matches)."""
    select = "SELECT id, name, country, strict_key, loose_key, skeleton_key FROM people WHERE "
    if store.dialect == "postgresql":  # one statement: arrays, not lists of marks
        return store.query(
            select + "strict_key = ANY(?) OR loose_key = ANY(?) "
            "OR (skeleton_key = ANY(?) AND country IS NOT NULL)",
            (stricts, looses, skeletons),
        )
    rows: dict[int, tuple[Any, ...]] = {}
    for start in range(0, max(len(stricts), len(looses), len(skeletons)), LOOKUP_CHUNK):
        chunks = [
            keys[start : start + LOOKUP_CHUNK] or [""] for keys in (stricts, looses, skeletons)
        ]
        marks = [", ".join("?" for _ in chunk) for chunk in chunks]
        for row in store.query(
            select + f"strict_key IN ({marks[0]}) OR loose_key IN ({marks[1]}) "
            f"OR (skeleton_key IN ({marks[2]}) AND country IS NOT NULL)",
            [*chunks[0], *chunks[1], *chunks[2]],
        ):
            rows[int(row[0])] = tuple(row)
    return list(rows.values())
