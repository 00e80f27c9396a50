"""The team store: PostgreSQL through psycopg 3.

The shared SQL is written with `?` marks; they become psycopg's `%s` here (the SQL
holds no other `?`; a statement without parameters is sent as written). Search uses
a `tsvector` column of the folded text (the text itself is not kept) with a GIN
index, ranked by `ts_rank_cd`. What SQLite does by its nature is asked for
explicitly, so both backends give the same answers: text columns collate by code
point (`COLLATE "C"` in the schema), the indexed text is cut into the same
words FTS5 sees, and writers take turns (an advisory lock, like SQLite's
`BEGIN IMMEDIATE`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from diplonews.errors import StoreError
from diplonews.kb.search import tsquery, tsquery_phrase

CONNECT_TIMEOUT = 10  # seconds
WRITE_LOCK = 0x646970_6C6F6E  # advisory lock key held by the one writer ("diplon")
INDEX_BYTES = 300_000  # most text indexed per entry (see `_words`)
WORD_BYTES = 2047  # PostgreSQL indexes no longer word
_RANK_WEIGHTS = "{0, 0, 0.25, 1}"  # D, C, B: body, A: title (4× a body word, as bm25)
_WORD = re.compile(r"\w+")  # the words of `searching.terms` and of FTS5's tokenizer
# Characters `_WORD` does not match, as spaces: ASCII, and the punctuation of news text.
_NOT_WORD = {
    code: " "
    for code in [*range(128), *range(0xA0, 0xC0), *range(0x2000, 0x2070)]
    if not _WORD.match(chr(code))
}
# The same over ASCII bytes, for `bytes.translate`.
_ASCII_NOT_WORD = bytes(0x20 if code in _NOT_WORD else code for code in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# The one form of `Store.insert` a batch sends without waiting (`_reserved_insert`).
_INSERT_RETURNING_ID = re.compile(
    r"\s*INSERT INTO (\w+) \(([\w, ]+)\) VALUES \(([?, ]+)\) RETURNING id\s*", re.IGNORECASE
)
# The one form of a plain row insert, which a batch may hold back (`_defer`).
_INSERT_ROW = re.compile(
    r"\s*INSERT INTO (\w+) \(([\w, ]+)\) VALUES \(([?, ]+)\)\s*", re.IGNORECASE
)
# Tables whose rows a batch holds back and sends as one statement each, in this order
# (the others reference `articles`). Nothing else in a batch writes them, and they are
# read by few statements (`_FLUSH_BEFORE`).
DEFERRED = ("articles", "copies", "person_mentions", "figures", "milestones")
# A statement that names one of these reads or writes what the held rows would change
# (or references it: `mentions`): the held rows are sent before it.
_FLUSH_BEFORE = re.compile(r"\b(?:" + "|".join([*DEFERRED, "mentions"]) + r")\b", re.IGNORECASE)
FIRST_BLOCK = 16  # ids first reserved for a table in a batch; each further block doubles
LAST_BLOCK = 4096
_PASSWORD_PARAM = re.compile(r"(password=)[^&]*", re.IGNORECASE)


@lru_cache(maxsize=512)
def _convert(sql: str, mark: str = "%s") -> str:
    return sql.replace("%", "%%").replace("?", mark)


# What the patterns above find in a statement, by its text: a batch sends the same few
# statements again and again, and `_FLUSH_BEFORE` took 5-30 µs a search.
@lru_cache(maxsize=512)
def _names_held(sql: str) -> bool:
    return _FLUSH_BEFORE.search(sql) is not None


@lru_cache(maxsize=512)
def _returning_id(sql: str) -> tuple[str, str, str] | None:
    match = _INSERT_RETURNING_ID.fullmatch(sql)
    return (match.group(1), match.group(2), match.group(3)) if match else None


@lru_cache(maxsize=512)
def _held_row(sql: str) -> tuple[str, str] | None:
    """(table, columns) of a row insert into a `DEFERRED` table."""
    match = _INSERT_ROW.fullmatch(sql)
    if match is None or match.group(1).lower() not in DEFERRED:
        return None
    return match.group(1).lower(), match.group(2)


def _param(value: Any) -> Any:
    """A list of integers as an array literal (`{1,2}`, which the SQL casts): psycopg
    adapts a list element by element, 50 ms for the 16,000 band keys of a batch."""
    if type(value) is list and value and set(map(type, value)) == {int}:  # in C: 10x faster
        return "{" + ",".join(map(str, value)) + "}"
    return value


def _passwords(url: str) -> list[str]:
    """The password of a URL as written and decoded, to scrub from messages."""
    netloc = urlsplit(url).netloc
    userinfo = netloc.rpartition("@")[0]
    found = [userinfo.partition(":")[2]] if ":" in userinfo else []
    found += [m.group(0)[len("password=") :] for m in _PASSWORD_PARAM.finditer(url)]
    return [p for written in found if written for p in {written, unquote(written)}]


def _safe_location(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    user, at, host = parts.netloc.rpartition("@")
    if at and ":" in user:
        user = user.partition(":")[0] + ":***"
    query = _PASSWORD_PARAM.sub(r"\1***", parts.query)
    return urlunsplit(parts._replace(netloc=user + at + host, query=query))


def _words(text: str, budget: int = INDEX_BYTES) -> str:
    """The words of a text as FTS5 sees them, separated by spaces, one or more
    (PostgreSQL's parser would keep "vnexpress.net" or "3.5" as one word that no query
    word matches), for `to_tsvector`.
    A tsvector may not pass 1 MB, about three times its text: a longer text keeps its
    first words in order, then each further word once, within `budget` bytes."""
    if len(text) * 4 <= budget:
        spaced = text
        if not text.isascii():  # its few characters outside ASCII first (`str.translate`
            # of the whole text took 26 of the 45 µs `_words` took for a corpus body)
            for char in set(_NON_ASCII.findall(text)):
                if ord(char) in _NOT_WORD:
                    spaced = spaced.replace(char, " ")
            if not spaced.isascii():  # a word character outside ASCII
                return " ".join(_WORD.findall(text))
        # Only ASCII left: its non-word characters become spaces, by a table over its
        # bytes. Runs of spaces are left: the parser counts words, not spaces (the same
        # tsvectors for 12,000 corpus bodies and titles and 20,000 random strings).
        return spaced.encode().translate(_ASCII_NOT_WORD).decode()
    kept: list[str] = []
    seen: set[str] = set()
    size = 0
    for match in _WORD.finditer(text):
        word = match.group()
        cost = len(word.encode()) + 1
        if size + cost > budget:
            break
        if size >= budget // 2 and word in seen:
            continue
        kept.append(word)
        seen.add(word)
        size += cost
    return " ".join(kept)


def _one_line(exc: BaseException, secrets: Sequence[str] = ()) -> str:
    text = " ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    for secret in secrets:
        text = text.replace(secret, "***")
    return text or type(exc).__name__


@dataclass
class _Block:
    """Ids reserved from a table's sequence: `next` up to `end`, one run of numbers."""

    sequence: str
    next: int
    end: int
    size: int
    taken: int  # ids the batch took from this table's blocks so far
    contiguous: bool

    def take(self) -> int:
        self.next += 1
        self.taken += 1
        return self.next - 1


class PostgresStore:
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        self.location = _safe_location(url)
        try:
            import psycopg
        except ImportError:
            raise StoreError(
                f"{self.location}: PostgreSQL support is not installed "
                "(pip install 'diplonews[postgres]')"
            ) from None
        self._psycopg = psycopg
        try:
            # UTF-8 whatever the database's encoding: text always comes back as str.
            self.connection = psycopg.connect(
                url, autocommit=True, connect_timeout=CONNECT_TIMEOUT, client_encoding="utf8"
            )
        except psycopg.Error as exc:
            reason = _one_line(exc, _passwords(url))
            raise StoreError(f"{self.location}: cannot connect ({reason})") from None
        self._depth = 0
        self._pipeline: Any = None  # the psycopg Pipeline of `batch`, while one runs
        self._reserved: dict[str, _Block | None] = {}  # table: ids reserved in this batch
        self._used: dict[str, int] = {}  # table: ids the last batch took (its first block)
        # Rows held back in a batch (`_defer`): table -> (columns, rows).
        self._held: dict[str, tuple[str, list[tuple[Any, ...]]]] = {}
        self._types: dict[str, dict[str, str]] = {}  # table: column -> its SQL type
        try:
            self._check_ours()
        except BaseException:
            self.connection.close()
            raise

    def _check_ours(self) -> None:
        """A database (or schema) of some other program is refused, not migrated into."""
        rows = self.query(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() ORDER BY table_name"
        )
        tables = [row[0] for row in rows]
        if tables and "schema_migrations" not in tables:
            shown = ", ".join(tables[:3]) + (", …" if len(tables) > 3 else "")
            raise StoreError(
                f"{self.location}: not a usable diplonews store (a database of another "
                f"program: tables {shown}); give diplonews its own database or schema"
            )

    def _error(self, exc: Exception) -> StoreError:
        return StoreError(f"{self.location}: {_one_line(exc)}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Nested transactions are savepoints: an exception undoes the inner block only
        when it is caught before the outer one ends. Inside `batch`, a savepoint's
        statements are sent without waiting, and their errors arrive before it ends."""
        if self._held:  # a savepoint holds back its own rows only
            self._flush()
        try:
            with self.connection.transaction():
                self._depth += 1
                try:
                    if self._depth == 1:
                        self._run("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
                    yield
                    self._flush()
                    if self._pipeline is not None and self._depth > 1:
                        self._sync()  # this savepoint's errors, raised inside it
                    if self._depth == 1:
                        self._give_back_ids()
                finally:
                    self._held.clear()  # sent, or undone with the (sub)transaction
                    if self._depth == 1:
                        self._reserved.clear()
                    self._depth -= 1
        except self._psycopg.OperationalError as exc:
            raise self._error(exc) from None

    @contextmanager
    def batch(self) -> Iterator[None]:
        """A write transaction in pipeline mode: statements whose results are not read
        go to the server without a round trip each (an ingest batch sends about a
        tenth of the round trips); each savepoint inside waits for its own results."""
        if self._depth:
            with self.transaction():
                yield
            return
        try:
            with self.connection.pipeline() as pipeline:
                self._pipeline = pipeline
                try:
                    with self.transaction():
                        yield
                finally:
                    self._pipeline = None
        except self._psycopg.OperationalError as exc:
            raise self._error(exc) from None

    def _sync(self) -> None:
        assert self._pipeline is not None
        try:
            self._pipeline.sync()
        except self._psycopg.errors.IntegrityError:
            raise
        except self._psycopg.Error as exc:
            raise self._error(exc) from None

    def _run(
        self, sql: str, params: Sequence[Any], *, held_first: bool = True, binary: bool = False
    ) -> Any:
        """`binary`: the values are sent in PostgreSQL's binary form, arrays too (a text
        array's elements are each escaped in Python: eight times the time)."""
        if held_first and self._held and _names_held(sql):
            self._flush()
        try:
            if not params:  # as written: a migration's `?` in a regular expression stays
                return self.connection.execute(sql)
            if binary:
                return self.connection.execute(_convert(sql, "%b"), tuple(params))
            return self.connection.execute(_convert(sql), tuple(map(_param, params)))
        except self._psycopg.errors.IntegrityError:
            raise
        except self._psycopg.Error as exc:
            raise self._error(exc) from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        if not self._defer(sql, params):
            self._run(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows]
        if not batch:
            return
        if self._defer(sql, *batch):
            return
        if self._held and _names_held(sql):
            self._flush()
        try:
            with self.connection.cursor() as cursor:
                cursor.executemany(_convert(sql), batch)
        except self._psycopg.errors.IntegrityError:
            raise
        except self._psycopg.Error as exc:
            raise self._error(exc) from None

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self._run(sql, params).fetchall())

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        """In a batch, an `INSERT INTO t (…) VALUES (…) RETURNING id` is sent without
        waiting for its id: the id is the next of a block the batch reserved from the
        table's sequence (`_new_id`), written in the row. Otherwise, as written."""
        match = _returning_id(sql) if self._pipeline is not None else None
        if match and self._depth:
            table, columns, marks = match
            new_id = self._new_id(table)
            if new_id is not None:
                row = f"INSERT INTO {table} (id, {columns}) VALUES (?, {marks})"
                if not self._defer(row, (new_id, *params)):
                    self._run(row, (new_id, *params))
                return new_id
        return int(self._run(sql, params).fetchone()[0])

    def _defer(self, sql: str, *rows: Sequence[Any]) -> bool:
        """In a batch, hold back rows of a `DEFERRED` table, to be sent together by
        `_flush` (one statement for a batch's articles where there were 3.4 an article):
        before a statement that names the table, and at the end of the (sub)transaction,
        so every statement sees what was written before it, as if sent in turn. False:
        not such a row, to be sent now."""
        if self._pipeline is None or not self._depth:
            return False
        match = _held_row(sql)
        if match is None:
            return False
        table, columns = match
        held = self._held.get(table)
        if held is not None and held[0] != columns:
            self._flush()
            held = None
        if held is None:
            held = self._held[table] = (columns, [])
        held[1].extend(map(tuple, rows))
        return True

    def _flush(self) -> None:
        """Send the rows held back, a statement a table: `unnest` of one array a column."""
        while self._held:
            table = next(t for t in DEFERRED if t in self._held)
            columns, rows = self._held.pop(table)
            names = [name.strip() for name in columns.split(",")]
            types = self._column_types(table)
            arrays = []
            for name, values in zip(names, zip(*rows, strict=True), strict=True):
                if types[name] == "double precision":  # psycopg dumps no int beside a float
                    values = tuple(v if v is None else float(v) for v in values)
                arrays.append(list(values))
            casts = ", ".join(f"?::{types[name]}[]" for name in names)
            self._run(
                f"INSERT INTO {table} ({columns}) SELECT * FROM unnest({casts})",
                arrays,
                held_first=False,  # the tables it references were sent before it
                binary=True,
            )

    def _column_types(self, table: str) -> dict[str, str]:
        if table not in self._types:
            self._types[table] = dict(
                self._run(
                    "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                    "WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped",
                    (table,),
                ).fetchall()
            )
        return self._types[table]

    def _new_id(self, table: str) -> int | None:
        """The id the table's sequence would give the next row, from a block reserved
        under the writer lock: one round trip a block, not one a row. The first block of
        a batch is as large as the last batch took, later ones double. None: the table
        has no sequence of its own, or this role may not set it."""
        block = self._reserved.get(table)
        if table in self._reserved and (block is None or block.next <= block.end):
            return block.take() if block is not None else None
        size = max(FIRST_BLOCK, self._used.get(table, 0)) if block is None else block.size * 2
        size = min(size, LAST_BLOCK)
        # Giving ids back takes setval, which a role allowed only nextval may not run.
        rows = self.query(
            "SELECT s, MIN(v), MAX(v) FROM (SELECT s::text FROM pg_get_serial_sequence(?, 'id') "
            "AS s WHERE s IS NOT NULL AND has_sequence_privilege(s, 'UPDATE') OFFSET 0) AS q "
            "CROSS JOIN LATERAL (SELECT nextval(s) AS v FROM generate_series(1, ?)) AS b GROUP BY s",
            (table, size),
        )
        if not rows:
            self._reserved[table] = None
            return None
        sequence, first, last = rows[0]
        taken = block.taken if block is not None else 0
        # Not one run of numbers (a writer that does not take the lock took some meanwhile):
        # what is left of it is not given back at the end.
        contiguous = last - first + 1 == size and (block is None or block.contiguous)
        self._reserved[table] = _Block(sequence, first, last, size, taken, contiguous)
        return self._reserved[table].take()  # type: ignore[union-attr]

    def _give_back_ids(self) -> None:
        """The ids reserved and not used go back to the sequence before the commit, so the
        store numbers its rows as one `nextval` a row would (unless someone else took one
        since: then they are left as a gap, as a rolled-back insert leaves one)."""
        for table, block in self._reserved.items():
            if block is None:
                continue
            self._used[table] = block.taken
            if block.contiguous and block.next <= block.end:
                self._run(
                    "SELECT setval(?::regclass, ?) WHERE pg_sequence_last_value(?::regclass) = ?",
                    (block.sequence, block.next - 1, block.sequence, block.end),
                )

    def index_text(
        self, kind: str, ref: int, title: str, body: str, *, derived: bool = False
    ) -> None:
        self._run(
            "INSERT INTO search (kind, ref, document) VALUES (?, ?, "
            "setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')) "
            "ON CONFLICT (kind, ref) DO UPDATE SET document = EXCLUDED.document",
            (kind, ref, _words(title), _words(body)),
        )

    def unindex_text(self, kind: str, ref: int) -> None:
        self._run("DELETE FROM search WHERE kind = ? AND ref = ?", (kind, ref))

    def index_many(self, entries: Sequence[tuple[str, int, tuple[str, str] | None]]) -> None:
        """Two statements whatever the number of entries (a batch's are about 1.3 an
        article): the last entry given for a (kind, ref) is the one that holds, as when
        each is written in turn."""
        last = {(kind, ref): text for kind, ref, text in entries}
        gone = [key for key, text in last.items() if text is None]
        if gone:
            self._run(
                "DELETE FROM search WHERE (kind, ref) IN "
                "(SELECT * FROM unnest(?::text[], ?::bigint[]))",
                ([kind for kind, _ in gone], [ref for _, ref in gone]),
            )
        kept = [(kind, ref, text) for (kind, ref), text in last.items() if text is not None]
        if kept:
            self._run(
                "INSERT INTO search (kind, ref, document) SELECT k, r, "
                "setweight(to_tsvector('simple', t), 'A') || setweight(to_tsvector('simple', b), 'B') "
                "FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[]) AS e(k, r, t, b) "
                "ON CONFLICT (kind, ref) DO UPDATE SET document = EXCLUDED.document",
                (
                    [kind for kind, _, _ in kept],
                    [ref for _, ref, _ in kept],
                    [_words(text[0]) for _, _, text in kept],
                    [_words(text[1]) for _, _, text in kept],
                ),
                binary=True,
            )

    def search_text(
        self,
        words: list[str],
        kinds: Sequence[str],
        limit: int,
        *,
        every: bool,
        phrase: bool = False,
    ) -> list[tuple[str, int, float]]:
        usable = [w for w in words if len(w.encode()) <= WORD_BYTES]  # longer: never indexed
        if not usable or ((every or phrase) and len(usable) < len(words)):
            return []
        expression = tsquery_phrase(usable) if phrase else tsquery(usable, every=every)
        rows = self.query(
            f"SELECT kind, ref, ts_rank_cd('{_RANK_WEIGHTS}', document, q, 1) AS rank "
            "FROM search, to_tsquery('simple', ?) AS q "
            "WHERE document @@ q AND kind = ANY(?) ORDER BY rank DESC, kind, ref LIMIT ?",
            (expression, list(kinds), limit),
        )
        return [(kind, int(ref), float(rank)) for kind, ref, rank in rows]

    def defer_merging(self, defer: bool) -> None:
        """Nothing to defer: the GIN index's pending list is merged by the server."""

    def compact_search(self) -> None:
        # The GIN index takes new entries into a pending list that every search scans
        # until autovacuum merges it: merge it now, after a large ingest.
        with self.transaction():
            self.query("SELECT gin_clean_pending_list('search_document'::regclass)")

    def close(self) -> None:
        self.connection.close()
