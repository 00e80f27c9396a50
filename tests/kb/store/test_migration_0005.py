"""Migration 0005 (compact bands, contentless search): a store written before it keeps
everything, on both backends.

`data/store_v4.db.gz` is a SQLite store of schema 4 as diplonews wrote it before 0005
(`diplonews ingest` of examples/articles and the first 12 dev articles, at commit
d5dc5d7): 1,024-byte signatures, 63-bit band keys, an FTS5 table holding its text. The
PostgreSQL store of schema 4 is made from it row by row. Each is then opened (migrated)
and compared with what it held: every row of every table but the two 0005 rewrites, the
band keys (shifted), and what search finds. Then it is written into: a near-duplicate
of a stored article is found through the old bands, and an article taken out is no
longer found.
"""

import gzip
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from diplonews.extract.lexicons import load
from diplonews.extract.reading import Source
from diplonews.kb import dedupe, ingest
from diplonews.kb.store import Store, base, open_store, writes
from diplonews.kb.store.base import KINDS

FIXTURE = Path(__file__).parent / "data" / "store_v4.db.gz"
TABLES = {  # table: its key, for a stable order
    "files": "path",
    "articles": "id",
    "copies": "source",
    "people": "id",
    "person_mentions": "id",
    "events": "id",
    "event_parties": "event_id, party",
    "event_participants": "event_id, position",
    "mentions": "id",
    "figures": "id",
    "milestones": "id",
    "generation": "id",
}
QUERIES = ["asean", "han quoc", "doi thoai", "yeo seung bae", "hop tac", "thu tuong", "viet nam"]


def _v4_file(tmp_path: Path) -> Path:
    path = tmp_path / "store_v4.db"
    with gzip.open(FIXTURE) as packed, path.open("wb") as out:
        shutil.copyfileobj(packed, out)
    return path


def _rows(
    query: Callable[[str], list[tuple[object, ...]]], columns: dict[str, list[str]]
) -> dict[str, list[tuple[object, ...]]]:
    """Every row of each table, in the columns the schema-4 store had (later migrations
    may add some)."""
    return {
        table: [
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
            for row in query(f"SELECT {', '.join(columns[table])} FROM {table} ORDER BY {key}")
        ]
        for table, key in TABLES.items()
    }


def _columns(path: Path) -> dict[str, list[str]]:
    connection = sqlite3.connect(path)
    try:
        return {
            table: [r[1] for r in connection.execute(f"PRAGMA table_info({table})")]
            for table in TABLES
        }
    finally:
        connection.close()


def _before(path: Path) -> tuple[dict[str, list[tuple[object, ...]]], set[tuple[int, int]], dict]:
    """What the schema-4 store holds, read without diplonews: rows, bands, search hits."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT MAX(version) FROM schema_migrations").fetchone() == (4,)
        rows = _rows(lambda sql: connection.execute(sql).fetchall(), _columns(path))
        bands = set(connection.execute("SELECT band_key, article_id FROM minhash_bands"))
        hits = {
            query: {
                (kind, int(ref))
                for kind, ref in connection.execute(
                    "SELECT kind, ref FROM search WHERE search MATCH ?",
                    (" AND ".join(f'"{word}"' for word in query.split()),),
                )
            }
            for query in QUERIES
        }
    finally:
        connection.close()
    return rows, bands, hits


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def v4_store(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, Path]]:
    """(URL of a store of schema 4 not yet opened by this diplonews, the SQLite file it
    was made from)."""
    path = _v4_file(tmp_path)
    if request.param == "sqlite":
        yield str(path), path
        return
    new_database: Callable[..., AbstractContextManager[str]] = request.getfixturevalue(
        "new_postgres_database"
    )
    with new_database() as url:
        shipped = base.migrations
        with monkeypatch.context() as patch:
            patch.setattr(base, "migrations", lambda d: [m for m in shipped(d) if m[0] <= 4])
            target = open_store(url)
        source = sqlite3.connect(path)
        try:
            with target.transaction():
                target.execute("DELETE FROM generation")
                for table in [*TABLES, "minhash_bands"]:
                    cursor = source.execute(f"SELECT * FROM {table}")
                    names = ", ".join(d[0] for d in cursor.description)
                    marks = ", ".join("?" for _ in cursor.description)
                    target.executemany(
                        f"INSERT INTO {table} ({names}) VALUES ({marks})", cursor.fetchall()
                    )
                target.executemany(
                    "INSERT INTO search (kind, ref, title, body) VALUES (?, ?, ?, ?)",
                    source.execute("SELECT kind, ref, title, body FROM search").fetchall(),
                )
                for table in ("articles", "people", "person_mentions", "events", "mentions",
                              "figures", "milestones"):  # fmt: skip
                    target.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
                    )
        finally:
            source.close()
            target.close()
        yield url, path


def test_0005_keeps_every_row_the_bands_and_what_search_finds(
    v4_store: tuple[str, Path],
) -> None:
    url, path = v4_store
    rows, bands, hits = _before(path)
    assert rows["articles"] and rows["events"] and rows["people"] and bands
    store = open_store(url)
    try:
        assert base.schema_version(store) == base.migrations(store.dialect)[-1][0] >= 5
        after = _rows(store.query, _columns(path))
        for table in TABLES:
            assert after[table] == rows[table], table
        assert set(store.query("SELECT band_key, article_id FROM minhash_bands")) == {
            (key >> 32, article) for key, article in bands
        }
        for query in QUERIES:
            found = {
                (k, r) for k, r, _ in store.search_text(query.split(), KINDS, 1000, every=True)
            }
            assert found == hits[query], query
            assert found or query == "yeo seung bae" and not rows["people"]
    finally:
        store.close()


def test_0005_store_finds_old_near_duplicates_and_takes_articles_out(
    v4_store: tuple[str, Path],
) -> None:
    url, _ = v4_store
    store = open_store(url)
    lexicons = load()
    try:
        (article_id, body, source), *_ = store.query(
            "SELECT a.id, a.body, c.source FROM articles a JOIN copies c ON c.article_id = a.id "
            "WHERE a.title IS NOT NULL ORDER BY a.id"
        )
        assert (
            len(store.query("SELECT minhash FROM articles WHERE id = ?", (article_id,))[0][0])
            == 1024
        )
        # Signed by crc32 of each shingle (migration 0009): signed again by the first writer.
        assert store.query("SELECT name FROM minhash_scheme")[0][0] == "crc32-affine32"
        with store.transaction():
            writes.Writer(store, lexicons)
        assert store.query("SELECT name FROM minhash_scheme")[0][0] == dedupe.SCHEME
        copy = "Theo TTXVN\n" + body + "\nBáo Thế giới & Việt Nam"
        prepared = ingest.prepare_source(
            Source(path="copy.txt", doc_id="copy", text=copy, published=None, url=None),
            "copy.txt",
            dedupe.content_hash(copy),
            lexicons,
        )
        assert not isinstance(prepared, str)
        assert writes.near_duplicate(store, prepared.signature) is not None
        assert writes.near_duplicate(store, prepared.signature)[0] == article_id  # type: ignore[index]

        word = _distinctive_word(store, article_id)
        assert ("article", article_id) in _found(store, word)
        with store.transaction():
            writer = writes.Writer(store, lexicons)
            writer.forget_source(source)
            writer.finish()
        assert ("article", article_id) not in _found(store, word)
        assert not store.query("SELECT 1 FROM minhash_bands WHERE article_id = ?", (article_id,))
        # A new article is indexed and taken out as well.
        with store.transaction():
            writer = writes.Writer(store, lexicons)
            new_id = writer.add_article(prepared)
            writer.finish()
        assert ("article", new_id) in _found(store, word)
        with store.transaction():
            writer = writes.Writer(store, lexicons)
            writer.forget_source("copy.txt")
            writer.finish()
        assert ("article", new_id) not in _found(store, word)
    finally:
        store.close()


def _found(store: Store, word: str) -> set[tuple[str, int]]:
    return {(k, r) for k, r, _ in store.search_text([word], KINDS, 1000, every=True)}


def _distinctive_word(store: Store, article_id: int) -> str:
    """A word of the article's body that few other entries hold."""
    from diplonews.text import fold

    (body,) = store.query("SELECT body FROM articles WHERE id = ?", (article_id,))[0]
    words = sorted({w for w in fold(body).split() if w.isalpha() and len(w) > 4})
    return min(words, key=lambda w: (len(_found(store, w)), w))
