"""The team store: PostgreSQL through psycopg 3.

The shared SQL is written with `?` marks; they become psycopg's `%s` here (the SQL
holds no other `?` and no `%`). Search uses a generated `tsvector` column over the
folded text with a GIN index, ranked by `ts_rank_cd`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from diplonews.errors import StoreError
from diplonews.searching import tsquery

CONNECT_TIMEOUT = 10  # seconds


@lru_cache(maxsize=512)
def _convert(sql: str) -> str:
    return sql.replace("?", "%s")


def _safe_location(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


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
            self.connection = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"{self.location}: cannot connect ({reason})") from None
        self._depth = 0

    def _error(self, exc: Exception) -> StoreError:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return StoreError(f"{self.location}: {reason}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self.connection.transaction():
                yield
        except self._psycopg.OperationalError as exc:
            raise self._error(exc) from None

    def _run(self, sql: str, params: Sequence[Any]) -> Any:
        try:
            return self.connection.execute(_convert(sql), tuple(params))
        except self._psycopg.errors.IntegrityError:
            raise
        except self._psycopg.Error as exc:
            raise self._error(exc) from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._run(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows]
        if not batch:
            return
        try:
            with self.connection.cursor() as cursor:
                cursor.executemany(_convert(sql), batch)
        except self._psycopg.Error as exc:
            raise self._error(exc) from None

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self._run(sql, params).fetchall())

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        return int(self._run(sql, params).fetchone()[0])

    def index_text(self, kind: str, ref: int, title: str, body: str) -> None:
        self._run(
            "INSERT INTO search (kind, ref, title, body) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (kind, ref) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body",
            (kind, ref, title, body),
        )

    def unindex_text(self, kind: str, ref: int) -> None:
        self._run("DELETE FROM search WHERE kind = ? AND ref = ?", (kind, ref))

    def search_text(
        self, words: list[str], kinds: Sequence[str], limit: int, *, every: bool
    ) -> list[tuple[str, int, float]]:
        if not words:
            return []
        rows = self.query(
            "SELECT kind, ref, ts_rank_cd(document, q) AS rank "
            "FROM search, to_tsquery('simple', ?) AS q "
            "WHERE document @@ q AND kind = ANY(?) ORDER BY rank DESC, kind, ref LIMIT ?",
            (tsquery(words, every=every), list(kinds), limit),
        )
        return [(kind, int(ref), float(rank)) for kind, ref, rank in rows]

    def close(self) -> None:
        self.connection.close()
