"""The `Store` contract: what `writes` and `queries` rely on, the same on every backend.

Each test taking `store` or `store_url` runs on SQLite and on PostgreSQL (the latter
skipped unless $DIPLONEWS_TEST_POSTGRES names a server; see tests/conftest.py).
"""

import os
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplonews import __version__, api
from diplonews.errors import StoreError
from diplonews.kb.store import Store, open_store, queries, writes
from diplonews.kb.store.base import KINDS, migrate, migrations, schema_version, statements


class Boom(Exception):
    """Raised inside a transaction to abort it."""


def _paths(store: Store) -> list[str]:
    return [row[0] for row in store.query("SELECT path FROM files ORDER BY path")]


def _add_file(store: Store, path: str) -> None:
    store.execute(
        "INSERT INTO files (path, size, mtime_ns, extractor) VALUES (?, ?, ?, ?)",
        (path, 1, 2, "test"),
    )


# --- migrations ----------------------------------------------------------------------


def test_base_migrate_applies_every_shipped_migration(store: Store) -> None:
    shipped = migrations(store.dialect)
    assert shipped, f"no migrations shipped for {store.dialect}"
    assert schema_version(store) == shipped[-1][0]
    assert api.counts(store) == dict.fromkeys(
        ("articles", "copies", "events", "people", "mentions", "figures", "milestones"), 0
    )


def test_base_migrate_is_idempotent(store_url: str) -> None:
    first = open_store(store_url)
    try:
        _add_file(first, "kept")
        migrate(first)
        migrate(first)
        rows = first.query("SELECT version FROM schema_migrations ORDER BY version")
    finally:
        first.close()
    again = open_store(store_url)
    try:
        assert again.query("SELECT version FROM schema_migrations ORDER BY version") == rows
        assert _paths(again) == ["kept"]
    finally:
        again.close()
    assert [r[0] for r in rows] == [m[0] for m in migrations(again.dialect)]


def test_base_schema_migrations_records_each_version(store: Store) -> None:
    rows = store.query(
        "SELECT version, name, applied_at, diplonews FROM schema_migrations ORDER BY version"
    )
    assert [(r[0], r[1]) for r in rows] == [(v, n) for v, n, _ in migrations(store.dialect)]
    for _, _, applied_at, version in rows:
        assert applied_at.endswith("Z") and applied_at[:4].isdigit()
        assert version == __version__


def test_base_store_of_newer_schema_is_refused(store_url: str) -> None:
    store = open_store(store_url)
    location = store.location
    store.execute(
        "INSERT INTO schema_migrations (version, name, applied_at, diplonews) VALUES (?, ?, ?, ?)",
        (999, "future", "2099-01-01T00:00:00Z", "99.0"),
    )
    store.close()
    with pytest.raises(StoreError) as caught:
        open_store(store_url)
    message = str(caught.value)
    assert "\n" not in message
    assert location in message
    assert "newer" in message and "999" in message


# --- transactions --------------------------------------------------------------------


def test_base_transaction_commits(store: Store) -> None:
    with store.transaction():
        _add_file(store, "a")
        _add_file(store, "b")
    assert _paths(store) == ["a", "b"]


def test_base_transaction_rolls_back_on_exception(store: Store) -> None:
    with pytest.raises(Boom), store.transaction():
        _add_file(store, "a")
        raise Boom
    assert _paths(store) == []
    with store.transaction():  # the store is usable after a rollback
        _add_file(store, "b")
    assert _paths(store) == ["b"]


def test_base_nested_transaction_rolls_back_with_the_outer_one(store: Store) -> None:
    with pytest.raises(Boom), store.transaction():
        _add_file(store, "outer")
        with store.transaction():
            _add_file(store, "inner")
            raise Boom
    assert _paths(store) == []
    with pytest.raises(Boom), store.transaction():
        _add_file(store, "outer")
        with store.transaction():
            _add_file(store, "inner")
        raise Boom
    assert _paths(store) == []
    with store.transaction():
        _add_file(store, "outer")
        with store.transaction():
            _add_file(store, "inner")
    assert _paths(store) == ["inner", "outer"]


def test_base_failed_statement_rolls_back_the_transaction(store: Store) -> None:
    with pytest.raises(StoreError), store.transaction():
        _add_file(store, "a")
        store.execute("SELECT no_such_column FROM files")
    assert _paths(store) == []


def test_migration_statements_keep_a_dollar_quoted_block_whole() -> None:
    script = "-- a comment; with a mark\nCREATE TABLE a (x INT);\nDO $$\nBEGIN\n  ALTER TABLE a ADD y INT;\n  NULL;\nEND\n$$;\nDROP TABLE a\n"
    assert statements(script) == [
        "CREATE TABLE a (x INT)",
        "DO $$\nBEGIN\n  ALTER TABLE a ADD y INT;\n  NULL;\nEND\n$$",
        "DROP TABLE a",
    ]


# --- statements ----------------------------------------------------------------------


def test_base_insert_returns_new_ids(store: Store) -> None:
    with store.transaction():
        ids = [
            writes.resolve_person(store, name, country)
            for name, country in (
                ("Yeo Seung-bae", "KOR"),
                ("Bùi Thanh Sơn", "VNM"),
                ("Wang Yi", "CHN"),
            )
        ]
    assert all(isinstance(i, int) for i in ids)
    assert len(set(ids)) == 3
    assert [r[0] for r in store.query("SELECT id FROM people ORDER BY id")] == sorted(ids)
    with store.transaction():
        assert writes.resolve_person(store, "Yeo Seung-bae", "KOR") == ids[0]


def test_base_executemany_and_values_round_trip(store: Store) -> None:
    big = 2**62 + 7  # integer columns hold signed 63-bit integers (a file's size)
    with store.transaction():
        store.executemany(
            "INSERT INTO files (path, size, mtime_ns, extractor) VALUES (?, ?, ?, ?)",
            [("a", big, 1, "x"), ("b", -big, 2, "x")],
        )
        store.executemany(
            "INSERT INTO files (path, size, mtime_ns, extractor) VALUES (?, ?, ?, ?)", []
        )
        store.execute(
            "INSERT INTO files (path, size, mtime_ns, extractor) VALUES (?, ?, ?, ?)",
            ("Hà Nội 100% ?", 1, 1_700_000_000_123_456_789, "x"),
        )
    assert store.query("SELECT size FROM files WHERE path IN ('a', 'b') ORDER BY size") == [
        (-big,),
        (big,),
    ]
    assert store.query("SELECT path, mtime_ns FROM files WHERE path = ?", ("Hà Nội 100% ?",)) == [
        ("Hà Nội 100% ?", 1_700_000_000_123_456_789)
    ]


def test_base_text_sorts_by_code_point(store: Store) -> None:
    """As SQLite does, whatever the PostgreSQL database's locale: both backends list
    series, dates and names in one order."""
    words = ["b", "B", "a-b", "a b", "ab", "é", "e", "Z", "ä", "10", "9", "_x", "Đ"]
    with store.transaction():
        for word in words:
            _add_file(store, word)
    assert _paths(store) == sorted(words)
    assert store.query("SELECT COUNT(*) FROM files WHERE lower(path) = lower(?)", ("b",)) == [(2,)]


# --- search --------------------------------------------------------------------------


def _index_sample(store: Store) -> None:
    with store.transaction():
        store.index_text("article", 1, "doi thoai asean han quoc", "asean han quoc doi thoai asean")
        store.index_text("article", 2, "tin the gioi", "mot dong tin co nhac asean mot lan " * 5)
        store.index_text("event", 1, "hoi nghi cap cao asean", "asean va han quoc")
        store.index_text("person", 1, "yeo seung bae", "thu truong ngoai giao han quoc kor")


def test_base_search_ranks_title_and_frequent_words_first(store: Store) -> None:
    _index_sample(store)
    hits = store.search_text(["asean"], KINDS, 10, every=True)
    assert {(kind, ref) for kind, ref, _ in hits} == {("article", 1), ("article", 2), ("event", 1)}
    assert hits[0][:2] == ("article", 1)
    assert [score for *_, score in hits] == sorted((score for *_, score in hits), reverse=True)


def test_base_search_every_word_or_any(store: Store) -> None:
    _index_sample(store)
    every = store.search_text(["han", "quoc", "asean"], KINDS, 10, every=True)
    assert {(k, r) for k, r, _ in every} == {("article", 1), ("event", 1)}
    either = store.search_text(["seung", "gioi"], KINDS, 10, every=False)
    assert {(k, r) for k, r, _ in either} == {("person", 1), ("article", 2)}
    assert store.search_text(["seung", "gioi"], KINDS, 10, every=True) == []
    assert store.search_text([], KINDS, 10, every=True) == []


def test_base_search_kinds_filter_and_limit(store: Store) -> None:
    _index_sample(store)
    assert [(k, r) for k, r, _ in store.search_text(["asean"], ("event",), 10, every=True)] == [
        ("event", 1)
    ]
    assert store.search_text(["asean"], ("person",), 10, every=True) == []
    assert len(store.search_text(["asean"], KINDS, 2, every=True)) == 2


def test_base_index_text_replaces_and_unindex_removes(store: Store) -> None:
    _index_sample(store)
    with store.transaction():
        store.index_text("article", 1, "mekong", "hop tac mekong")
    assert store.search_text(["mekong"], KINDS, 10, every=True)[0][:2] == ("article", 1)
    assert ("article", 1) not in {
        (k, r) for k, r, _ in store.search_text(["thoai"], KINDS, 10, every=True)
    }
    with store.transaction():
        store.unindex_text("article", 1)
        store.unindex_text("event", 99)  # nothing there: no error
    assert store.search_text(["mekong"], KINDS, 10, every=True) == []
    assert ("event", 1) in {
        (k, r) for k, r, _ in store.search_text(["asean"], KINDS, 10, every=True)
    }


def test_base_search_finds_words_inside_punctuated_tokens(store: Store) -> None:
    """Words as `searching.terms` cuts them: "vnexpress.net", "covid-19" and "3.5"
    are words both backends find by their parts."""
    with store.transaction():
        store.index_text(
            "article", 1, "tin", "nguon vnexpress.net covid-19 tang 3.5 lan bao@tin.vn"
        )
    for query in ("vnexpress", "net", "covid", "19", "3.5", "tin vn", "bao"):
        found = store.search_text(queries.terms(query), KINDS, 10, every=True)
        assert [(k, r) for k, r, _ in found] == [("article", 1)], query


def test_base_long_text_is_indexed(store: Store) -> None:
    """A text of megabytes (PostgreSQL caps a tsvector at 1 MB) is stored, and its
    words stay searchable."""
    repeated = "hoi nghi ngoai truong asean han quoc hop tac " * 60_000  # 2.7 MB
    distinct = " ".join(f"w{n}x" for n in range(150_000))  # 1.1 MB of distinct words
    with store.transaction():
        store.index_text("article", 1, "dai", repeated + " cuoicung")
        store.index_text("article", 2, "rieng", distinct)
    assert [r for _, r, _ in store.search_text(["cuoicung"], KINDS, 10, every=True)] == [1]
    assert [r for _, r, _ in store.search_text(["w10x"], KINDS, 10, every=True)] == [2]


QUERY_WORDS = st.sampled_from(
    ['"', "'", "''", "AND", "OR", "NOT", "NEAR", "*", "-", ":", "(", ")", "^", "\\", "&", "|",
     "!", "<->", "{", "}", "+", "_", "asean", "hàn", "Quốc", "doi", "%", "?", "$1", ";", "\x00"]
)  # fmt: skip


@given(st.lists(st.one_of(QUERY_WORDS, st.text(max_size=30)), max_size=8).map(" ".join))
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_base_search_never_raises(searchable: Store, query: str) -> None:
    for hit in queries.search(searchable, query, limit=5):
        assert hit.kind in KINDS


@pytest.fixture
def searchable(store: Store, seed_articles: list[Path]) -> Store:
    api.ingest(store, seed_articles, workers=1)
    return store


# --- SQLite ------------------------------------------------------------------------------


def test_base_sqlite_corrupt_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(StoreError) as caught:
        open_store(str(path))
    assert "not a usable diplonews store" in str(caught.value)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_base_sqlite_database_of_another_program_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    other.execute("INSERT INTO notes (text) VALUES ('mine')")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_store(str(path))
    assert "not a usable diplonews store" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_base_sqlite_missing_store_is_not_created_by_queries(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(StoreError) as caught:
        open_store(str(path), create=False)
    assert str(path) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


# --- PostgreSQL --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://x:s3cr3t-pw@127.0.0.1:1/db",
        "postgresql://x:s3cr3t%zz@127.0.0.1:1/db",  # libpq repeats a bad token it parses
        "postgres://127.0.0.1:1/db?password=s3cr3t-pw",
    ],
)
def test_base_postgres_unreachable_server_is_one_line_without_password(url: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert "\n" not in message
    assert "s3cr3t" not in message
    assert "127.0.0.1:1" in message


@pytest.mark.postgres
def test_base_postgres_location_hides_the_password(postgres_url: str) -> None:
    password = urlsplit(postgres_url).password
    store = open_store(postgres_url)
    try:
        assert not password or f":{password}@" not in store.location
        assert urlsplit(store.location).hostname == urlsplit(postgres_url).hostname
    finally:
        store.close()


@pytest.mark.postgres
def test_base_postgres_database_of_another_program_is_left_untouched(postgres_url: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as other:
        other.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        with pytest.raises(StoreError) as caught:
            open_store(postgres_url)
        tables = other.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchall()
    assert "not a usable diplonews store" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert tables == [("notes",)]


@pytest.mark.postgres
def test_base_postgres_text_columns_collate_by_code_point(postgres_url: str) -> None:
    store = open_store(postgres_url)
    try:
        loose = store.query(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND data_type = 'text' "
            "AND table_name <> 'schema_migrations' AND collation_name IS DISTINCT FROM 'C'"
        )
    finally:
        store.close()
    assert loose == []


@pytest.mark.postgres
def test_base_postgres_database_of_any_encoding_holds_vietnamese(
    new_postgres_database: Callable[..., AbstractContextManager[str]], seed_articles: list[Path]
) -> None:
    """A SQL_ASCII database (what a server initialised without a locale makes) still
    gives back text as written: the connection speaks UTF-8 whatever the database's
    encoding."""
    with new_postgres_database(clause="TEMPLATE template0 ENCODING 'SQL_ASCII' LOCALE 'C'") as url:
        store = open_store(url)
        try:
            api.ingest(store, seed_articles[:2], workers=1)
            titles = [a.title for i in (1, 2) if (a := api.article(store, i))]
            assert any("Hàn Quốc" in (title or "") for title in titles)
            assert api.search(store, "hàn quốc")
        finally:
            store.close()


@pytest.mark.postgres
def test_base_postgres_missing_store_is_not_created_by_queries(postgres_url: str) -> None:
    with pytest.raises(StoreError, match="no diplonews store"):
        open_store(postgres_url, create=False)
    import psycopg

    with psycopg.connect(postgres_url) as connection:
        tables = connection.execute(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    assert tables == (0,)
    open_store(postgres_url).close()  # ingest creates it
    open_store(postgres_url, create=False).close()


def test_base_migrating_twice_at_once_applies_each_version_once(store_url: str) -> None:
    first, second = open_store(store_url), open_store(store_url)  # both see the store current
    try:
        from diplonews.kb.store.base import migrate

        migrate(first)
        migrate(second)
        versions = first.query("SELECT version FROM schema_migrations ORDER BY version")
        assert versions == sorted(set(versions))
    finally:
        first.close()
        second.close()
