"""The embedded store: one SQLite file, written through one connection.

WAL journal (readers never wait for the writer), `BEGIN IMMEDIATE` transactions
(the write lock is taken at the start, so two writers fail fast instead of
deadlocking), a contentless FTS5 index for search with bm25 ranking.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from diplonews.errors import StoreError
from diplonews.kb.search import fts5_phrase, fts5_query
from diplonews.text import fold

_KIND_NUMBER = {"article": 1, "event": 2, "person": 3}  # search's rowid = ref * 4 + number
_KINDS = {number: kind for kind, number in _KIND_NUMBER.items()}
BUSY_SECONDS = 10  # how long a statement waits for another process's lock
TITLE_WEIGHT = 4.0  # a word of the title weighs four of the body (migration 0005's rank)
_LOOKUP_CHUNK = 500  # values in one IN (...) list
AUTOMERGE = 4  # FTS5's default: segments of one level merged once there are this many


class SQLiteStore:
    dialect = "sqlite"

    def __init__(self, path: str, *, create: bool = True) -> None:
        self.location = path
        if not create and path != ":memory:" and not Path(path).is_file():
            raise StoreError(f"{path}: no such store (run `diplonews ingest` first)")
        try:
            # One thread uses a store at a time; the web app closes every thread's store
            # from the one that shuts it down.
            self.connection = sqlite3.connect(
                path, isolation_level=None, timeout=BUSY_SECONDS, check_same_thread=False
            )
            self._check_ours()  # before any pragma writes to the file
            self.connection.execute("PRAGMA foreign_keys = ON")
            mode = self._journal_mode_wal()
            if mode is None:
                raise sqlite3.DatabaseError("cannot set the journal mode")
            self.connection.execute("PRAGMA synchronous = NORMAL")
            self.connection.execute("PRAGMA cache_size = -65536")  # 64 MB
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: not a usable diplonews store ({exc})") from None
        self._depth = 0

    def _journal_mode_wal(self) -> tuple[str] | None:
        """Set WAL, waiting for another process that holds the new file's lock: SQLite
        answers a journal-mode change "database is locked" at once, without the busy
        timeout (two ingests started together into one new store)."""
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                row: tuple[str] | None = self.connection.execute(
                    "PRAGMA journal_mode = WAL"
                ).fetchone()
                return row
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _check_ours(self) -> None:
        """A SQLite file of some other program is refused, not migrated into."""
        tables = {
            row[0]
            for row in self.connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if tables and "schema_migrations" not in tables:
            raise sqlite3.DatabaseError("a SQLite database of another program")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Nested transactions are savepoints, as on PostgreSQL: an exception undoes the
        inner block only when it is caught before the outer one ends."""
        if self._depth:
            name = f"nested_{self._depth}"
            self.connection.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self.connection.execute(f"ROLLBACK TO {name}")
                self.connection.execute(f"RELEASE {name}")
                raise
            else:
                self.connection.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.location}: {exc}") from None
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.connection.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self.connection.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.location}: {exc}") from None

    def batch(self) -> AbstractContextManager[None]:
        """A write transaction of many statements: SQLite runs them in process anyway."""
        return self.transaction()

    def _run(self, sql: str, params: Sequence[Any]) -> sqlite3.Cursor:
        try:
            return self.connection.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
                raise
            raise StoreError(f"{self.location}: {exc}") from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._run(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self.connection.executemany(sql, rows)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.location}: {exc}") from None

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._run(sql, params).fetchall()

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        row = self._run(sql, params).fetchone()
        return int(row[0])

    def index_text(
        self, kind: str, ref: int, title: str, body: str, *, derived: bool = False
    ) -> None:
        """The index is contentless (migration 0005): an entry is taken out with the text
        it was indexed with, which search_entries keeps, except for an article indexed
        with its stored title and body folded (NULL there: folded again to take it out,
        so the article's text is not stored twice). `writes` indexes an article after
        its row is written (`derived`: no need to check that the text is the row's) and
        takes it out before that row changes."""
        rowid = ref * 4 + _KIND_NUMBER[kind]
        self._forget_entry(rowid)
        kept: tuple[str | None, str | None] = (title, body)
        if derived and kind == "article":
            kept = (None, None)
        elif kind == "article":
            for stored_title, stored_body in self._run(
                "SELECT title, body FROM articles WHERE id = ?", (ref,)
            ).fetchall():
                if fold(stored_title or "") == title and fold(stored_body) == body:
                    kept = (None, None)
        self._run("INSERT INTO search_entries (id, title, body) VALUES (?, ?, ?)", (rowid, *kept))
        self._run("INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)", (rowid, title, body))

    def unindex_text(self, kind: str, ref: int) -> None:
        self._forget_entry(ref * 4 + _KIND_NUMBER[kind])

    def index_many(self, entries: Sequence[tuple[str, int, tuple[str, str] | None]]) -> None:
        """In rowid order: FTS5 writes its pending entries out as a new segment whenever
        a rowid comes below the last one written (or an entry is written twice), so
        entries of mixed kinds, in any order, made a segment each. Which entries are
        indexed already is read in a statement per 500; a run of entries that are not
        is written in two `executemany` (an ingest batch's new articles: most of them)."""
        ordered = sorted(
            ((ref * 4 + _KIND_NUMBER[kind], kind, ref, text) for kind, ref, text in entries),
            key=lambda e: e[0],
        )
        indexed: set[int] = set()
        for start in range(0, len(ordered), _LOOKUP_CHUNK):
            chunk = [rowid for rowid, *_ in ordered[start : start + _LOOKUP_CHUNK]]
            marks = ", ".join("?" for _ in chunk)
            indexed.update(
                row[0]
                for row in self._run(f"SELECT id FROM search_entries WHERE id IN ({marks})", chunk)
            )
        fresh: list[tuple[int, str, str, str | None, str | None]] = []  # a run not indexed
        for rowid, kind, ref, text in ordered:
            if rowid in indexed or text is None:
                self._index_fresh(fresh)
                if text is None:
                    self.unindex_text(kind, ref)
                else:
                    self.index_text(kind, ref, *text, derived=True)
                continue
            title, body = text
            kept = (None, None) if kind == "article" else (title, body)
            fresh.append((rowid, title, body, *kept))
            indexed.add(rowid)  # an entry given twice is written again the usual way
        self._index_fresh(fresh)

    def _index_fresh(self, fresh: list[tuple[int, str, str, str | None, str | None]]) -> None:
        """Index entries not indexed yet (rowid, title, body, the text kept), in rowid
        order, and empty the list: what `index_text` does, without a statement each."""
        if not fresh:
            return
        self.executemany(
            "INSERT INTO search_entries (id, title, body) VALUES (?, ?, ?)",
            [(rowid, kept_title, kept_body) for rowid, _, _, kept_title, kept_body in fresh],
        )
        self.executemany(
            "INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)",
            [(rowid, title, body) for rowid, title, body, _, _ in fresh],
        )
        fresh.clear()

    def _forget_entry(self, rowid: int) -> None:
        rows = self._run("SELECT title, body FROM search_entries WHERE id = ?", (rowid,)).fetchall()
        for title, body in rows:
            if title is None:  # an article's stored text, folded
                found = self._run(
                    "SELECT title, body FROM articles WHERE id = ?", (rowid // 4,)
                ).fetchall()
                if not found:
                    raise StoreError(f"{self.location}: search entry {rowid} has no article")
                title, body = fold(found[0][0] or ""), fold(found[0][1])
            self._run(
                "INSERT INTO search (search, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                (rowid, title, body),
            )
            self._run("DELETE FROM search_entries WHERE id = ?", (rowid,))

    def search_text(
        self,
        words: list[str],
        kinds: Sequence[str],
        limit: int,
        *,
        every: bool,
        phrase: bool = False,
    ) -> list[tuple[str, int, float]]:
        if not words:
            return []
        numbers = sorted({_KIND_NUMBER[kind] for kind in kinds})
        # Every kind (the search page's case): no filter, as every entry is of one of
        # them; the filter cost 10% of a query of all a person's names' words.
        only = (
            ""
            if len(numbers) == len(_KIND_NUMBER)
            else f" AND rowid % 4 IN ({', '.join('?' for _ in numbers)})"
        )
        # bm25 with the weights of the table's `rank` (migration 0005), called here: on
        # the contentless index FTS5 orders by a bm25() call faster than by `rank`,
        # which prepares a statement of its own each query (0.23 against 0.35 ms for a
        # person's name, 3.8 against 9.2 ms for "viet nam", 3,136 matches).
        rows = self.query(
            f"SELECT rowid, bm25(search, {TITLE_WEIGHT}, 1.0) AS score FROM search "
            f"WHERE search MATCH ?{only} ORDER BY score LIMIT ?",
            (
                fts5_phrase(words) if phrase else fts5_query(words, every=every),
                *(numbers if only else ()),
                limit,
            ),
        )
        return [(_KINDS[rowid % 4], rowid // 4, -float(rank)) for rowid, rank in rows]

    def defer_merging(self, defer: bool) -> None:
        """Whether FTS5 merges the index's segments as they come (its `automerge`, kept in
        the store): a run that will compact the index at its end (`compact_search`)
        defers it, as the compaction rewrites every segment anyway (over 5,000 corpus
        articles, the merges of their five segments were 10% of the writer's
        instructions). Resumed by `compact_search`, at the end of a run that deferred
        it, and by the next run's first batch if that run was killed (nothing is
        written when merging is on already)."""
        if defer:
            self._run("INSERT INTO search (search, rank) VALUES ('automerge', 0)", ())
        elif self._run(
            "SELECT 1 FROM search_config WHERE k = 'automerge' AND v = 0", ()
        ).fetchall():
            self._run("INSERT INTO search (search, rank) VALUES ('automerge', ?)", (AUTOMERGE,))

    def compact_search(self) -> None:
        with self.transaction():
            self.defer_merging(False)
            self._run("INSERT INTO search (search) VALUES ('optimize')", ())

    def close(self) -> None:
        self.connection.close()
