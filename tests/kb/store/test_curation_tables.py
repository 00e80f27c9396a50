"""Migration 0006 (accounts and corrections) on both backends: applied to a store made
before it without losing what the store holds, and the migration runner applies any
shipped migration a store lacks, even one numbered below the latest applied (two
branches' migrations merged in either order)."""

from __future__ import annotations

from diplonews import api
from diplonews.kb import accounts, corrections
from diplonews.kb.store import open_store
from diplonews.kb.store.base import migrations

CURATION_TABLES = (
    "curation_marks", "correction_state", "corrections", "login_failures", "sessions",
    "api_tokens", "users",
)  # fmt: skip
VERSION = 6


def _versions(url: str) -> list[int]:
    store = open_store(url)
    try:
        return [int(r[0]) for r in store.query("SELECT version FROM schema_migrations")]
    finally:
        store.close()


def test_curation_tables_added_to_an_older_store(store_url: str) -> None:
    store = open_store(store_url)
    try:
        store.execute(
            "INSERT INTO files (path, size, mtime_ns, extractor) VALUES ('kept', 1, 1, 'x')"
        )
        for table in CURATION_TABLES:  # as a store made before migration 0006 was
            store.execute(f"DROP TABLE {table}")
        store.execute("DELETE FROM schema_migrations WHERE version = ?", (VERSION,))
    finally:
        store.close()
    store = open_store(store_url)  # brought up to date on opening
    try:
        assert store.query("SELECT path FROM files") == [("kept",)]
        assert not accounts.has_accounts(store)
        accounts.add_user(store, "ann", "editor", "a long password")
        assert corrections.changes(store) == []
        assert corrections.apply_all(store).to_dict() == {"applied": 0, "vanished": 0}
    finally:
        store.close()
    assert sorted(_versions(store_url)) == [v for v, _, _ in migrations(store.dialect)]


def test_curation_runner_applies_a_missing_lower_migration(store_url: str) -> None:
    store = open_store(store_url)
    try:
        store.execute("DROP TABLE generation")  # migration 0003's table
        store.execute("DELETE FROM schema_migrations WHERE version = 3")
    finally:
        store.close()
    store = open_store(store_url)
    try:
        assert api.generation(store) == 0
    finally:
        store.close()
    assert 3 in _versions(store_url)
