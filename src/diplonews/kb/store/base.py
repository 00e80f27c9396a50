"""The `Store` interface both backends implement, and the migrations they share.

A store runs SQL written once with `?` placeholders (PostgreSQL's backend converts
them), within explicit transactions, plus full-text indexing, which each database
does its own way. All writes of one batch go through one transaction: a crash
leaves the store as it was before the batch.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from importlib import resources
from typing import Any, Protocol

from diplonews import __version__
from diplonews.errors import StoreError

KINDS = ("article", "event", "person")  # what the search index holds
_MIGRATION = re.compile(r"(\d{4})_(\w+)\.sql")


class Store(Protocol):
    """What `writes` and `queries` need of a database."""

    dialect: str  # "sqlite" or "postgresql"
    location: str  # for messages: the file or the URL without its password

    def transaction(self) -> AbstractContextManager[None]:
        """All statements inside commit together or not at all."""

    def batch(self) -> AbstractContextManager[None]:
        """A transaction for many writes, which a backend may send ahead without waiting
        for each (PostgreSQL's pipeline mode); nested `transaction`s in it still end
        with their own errors."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run an INSERT … RETURNING id and give the id."""

    def index_text(
        self, kind: str, ref: int, title: str, body: str, *, derived: bool = False
    ) -> None:
        """(Re)place the search entry of one article, event or person (text already
        folded). `derived`: the caller vouches that the text is the stored article's
        title and body folded, which a store may then refold rather than keep."""

    def unindex_text(self, kind: str, ref: int) -> None: ...

    def index_many(self, entries: Sequence[tuple[str, int, tuple[str, str] | None]]) -> None:
        """`index_text` (`derived` for articles) or, where the text is None,
        `unindex_text` for each (kind, ref, folded title and body), in the order the
        index takes them fastest."""

    def search_text(
        self,
        words: list[str],
        kinds: Sequence[str],
        limit: int,
        *,
        every: bool,
        phrase: bool = False,
    ) -> list[tuple[str, int, float]]:
        """(kind, ref, score) of the best entries holding every folded word (`every`),
        any of them, or all of them in a row (`phrase`), best first."""

    def compact_search(self) -> None:
        """Rewrite the search index in its most compact form after many writes (SQLite's
        FTS5 keeps a segment a batch, and a search reads them all); a store whose index
        needs no such care does nothing."""

    def defer_merging(self, defer: bool) -> None:
        """Whether the search index may leave the merging of what a run writes to the
        `compact_search` that ends it (in the caller's transaction); False resumes it."""

    def close(self) -> None: ...


def migrations(dialect: str) -> list[tuple[int, str, str]]:
    """(version, name, sql) of the shipped migrations of a backend, in order."""
    folder = resources.files("diplonews.kb") / "store" / "migrations" / dialect
    found = []
    for item in folder.iterdir():
        match = _MIGRATION.fullmatch(item.name)
        if match:
            found.append((int(match.group(1)), match.group(2), item.read_text(encoding="utf-8")))
    return sorted(found)


def statements(script: str) -> list[str]:
    """A migration script's statements: cut at each `;` outside a `$$`-quoted body (a
    PostgreSQL `DO $$ … $$` block, whose own statements end in `;`)."""
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    found = [""]
    for place, part in enumerate("\n".join(lines).split("$$")):
        if place % 2:  # inside the quotes
            found[-1] += "$$" + part + "$$"
            continue
        first, *others = part.split(";")
        found[-1] += first
        found += others
    return [s.strip() for s in found if s.strip()]


def schema_version(store: Store) -> int:
    rows = store.query("SELECT MAX(version) FROM schema_migrations")
    return int(rows[0][0] or 0)


def applied_versions(store: Store) -> set[int]:
    return {int(row[0]) for row in store.query("SELECT version FROM schema_migrations")}


def migrate(store: Store) -> None:
    """Apply the migrations the store lacks, each in its own transaction; refuse a store
    written by a newer diplonews rather than misread it."""
    shipped = migrations(store.dialect)
    latest = shipped[-1][0] if shipped else 0
    try:  # read first: a store up to date is opened without waiting for another writer
        current = schema_version(store)
    except StoreError:
        with store.transaction():
            store.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at TEXT NOT NULL, diplonews TEXT NOT NULL)"
            )
        current = schema_version(store)
    if current > latest:
        raise StoreError(
            f"{store.location}: written by a newer diplonews (schema version {current}; "
            f"this is diplonews {__version__}, which knows up to {latest}): upgrade diplonews"
        )
    # By the versions applied, not the highest: a migration numbered below one already
    # applied (two branches' migrations merged) is applied all the same.
    applied = applied_versions(store)
    for version, name, script in shipped:
        if version in applied:
            continue
        with store.transaction():
            if version in applied_versions(store):
                continue  # another process applied it while this one waited
            for statement in statements(script):
                store.execute(statement)
            store.execute(
                "INSERT INTO schema_migrations (version, name, applied_at, diplonews) "
                "VALUES (?, ?, ?, ?)",
                (version, name, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), __version__),
            )
