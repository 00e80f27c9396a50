"""The knowledge base's storage: one small interface, two backends.

`open_store(url)` gives a `Store`: SQLite for a file path (the default,
`diplonews.db`, zero set-up), PostgreSQL for a `postgresql://` URL. Everything
above it (`writes`, `queries`) is written once, in SQL both backends run.
"""

from __future__ import annotations

import os

from diplonews.errors import StoreError
from diplonews.kb.store.base import Store, migrate

DEFAULT_PATH = "diplonews.db"
ENV = "DIPLONEWS_DB"

__all__ = ["DEFAULT_PATH", "ENV", "Store", "open_store", "store_location"]


def store_location(url: str | None) -> str:
    """The store to use: the given one, else $DIPLONEWS_DB, else ./diplonews.db."""
    return url or os.environ.get(ENV) or DEFAULT_PATH


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open (and bring up to date) the store at `url`. With `create=False` a missing
    SQLite file is an error rather than a new empty store: queries never create one."""
    target = store_location(url)
    if target.startswith(("postgresql://", "postgres://")):
        from diplonews.kb.store.postgres import PostgresStore

        store: Store = PostgresStore(target)
        if not create and not store.query(
            "SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ):
            store.close()
            raise StoreError(f"{store.location}: no diplonews store (run `diplonews ingest` first)")
    else:
        from diplonews.kb.store.sqlite import SQLiteStore

        store = SQLiteStore(target, create=create)
    try:
        migrate(store)
    except BaseException:
        store.close()
        raise
    return store
