"""What a route needs from its request: the thread's store, the application's lexicons,
the reader's language, and the size limit of uploads (FastAPI dependencies and the
constants behind them)."""

from __future__ import annotations

import re
import sqlite3
import threading
import weakref
from typing import Annotated

from fastapi import Depends, Request

from diplonews.api import Lexicons
from diplonews.kb.store import Store, open_store

MAX_TEXT = 2 * 1024 * 1024  # bytes: an article pasted (UTF-8) or uploaded to extract
FORM = 64 * 1024  # bytes: a form's framing around the article (boundaries, other fields)
# bytes: a request body, so that a pasted article of MAX_TEXT fits: in a multipart form
# (the Try it page's) as it is, in a URL-encoded one (`curl -d`) as up to three times as
# many bytes ("%E1%BA%A7" for "ầ").
MAX_BODY = MAX_TEXT + FORM
MAX_URLENCODED_BODY = 3 * MAX_TEXT + FORM
LANGUAGES = ("vi", "en")
# A store id as a URL gives it: ASCII digits that fit a 64-bit SQL integer (no "²", no
# "٣", no 20 digits that SQLite or PostgreSQL would refuse with an error).
_ID = re.compile(r"[0-9]{1,18}")


def parse_id(text: str) -> int | None:
    """The id a path or query parameter names, None when it cannot be one."""
    return int(text) if _ID.fullmatch(text) else None


# KB of SQLite page cache per server thread (an ingest's connection keeps 64 MB): a
# server process keeps a store open in each of its threads for the thread's life, and
# every cache fills up to its size over a large store; the operating system's file cache
# below holds the pages all of them read.
THREAD_CACHE_KB = 8 * 1024


class Stores:
    """One open store per server thread: SQLite connections may not cross threads,
    and WAL lets every reader read while an ingest writes."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.local = threading.local()
        # Weakly: the store of a thread that ends goes with it (its connection closed),
        # rather than staying open for the application's life.
        self.opened: weakref.WeakSet[Store] = weakref.WeakSet()
        self.lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = open_store(self.url, create=False)
            connection = getattr(store, "connection", None)
            if isinstance(connection, sqlite3.Connection):
                connection.execute(f"PRAGMA cache_size = -{THREAD_CACHE_KB}")
            self.local.store = store
            with self.lock:
                self.opened.add(store)
        return store

    def close(self) -> None:
        with self.lock:
            for store in list(self.opened):
                store.close()
            self.opened.clear()
            # Threads outlive a lifespan (a server's pool, a test client's portal): each
            # opens a store again if the application starts again.
            self.local = threading.local()


def language(request: Request) -> str:
    """?lang= first (and it sticks, as a cookie), then the cookie, then Vietnamese."""
    wanted = request.query_params.get("lang") or request.cookies.get("lang") or "vi"
    return wanted if wanted in LANGUAGES else "vi"


def store_of(request: Request) -> Store:
    """The request thread's store (a FastAPI dependency)."""
    stores: Stores = request.app.state.stores
    return stores.get()


def loop_store(request: Request) -> Store:
    """The event loop thread's store, for `async def` routes.

    Pages whose work is bounded (one event, one person's latest events, 30 search hits:
    a few ms) run on the loop itself; a hop to the thread pool and back would cost
    about as much again. Pages that can take long stay plain `def` routes."""
    stores: Stores = request.app.state.stores
    return stores.get()


def app_lexicons(request: Request) -> Lexicons:
    """The lexicons `create_app` loaded for the application (with the user's rows): the
    one set every route reads names with."""
    lexicons: Lexicons = request.app.state.lexicons
    return lexicons


async def lexicons_of(request: Request) -> Lexicons:
    """`app_lexicons` as a FastAPI dependency (async: reading an attribute needs no
    hop to the thread pool)."""
    return app_lexicons(request)


LexiconsDep = Annotated[Lexicons, Depends(lexicons_of)]
