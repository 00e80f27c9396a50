"""Web fixtures: a store of the seed articles, the application over it, a TestClient,
and a live uvicorn server on a free loopback port (for the browser tests)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from diplonews import api
from diplonews.web import create_app
from diplonews.web.connections import OneWriteHttpTools

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
SEED_ARTICLES = 5
# s: the extraction time limit of the tests' applications. A new extraction worker takes
# seconds to start (many on a busy machine); the limit itself is tested with its own.
PATIENT = 300.0


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An SQLite store of the five seed articles, shared by the web tests (read-only:
    the API writes nothing)."""
    path = tmp_path_factory.mktemp("web") / "seeds.db"
    store = api.open_store(str(path))
    try:
        report = api.ingest(store, sorted(SEEDS.glob("*.txt")), workers=1)
    finally:
        store.close()
    assert report.added == SEED_ARTICLES
    return str(path)


@pytest.fixture(scope="module")
def web_app(web_db: str) -> FastAPI:
    """An application of its own for each module: its stores live and die with it."""
    return create_app(web_db, extract_seconds=PATIENT)


@pytest.fixture(scope="module")
def client(web_app: FastAPI) -> Iterator[TestClient]:
    """A TestClient with the application's lifespan started (and stopped afterwards)."""
    with TestClient(web_app) as opened:
        yield opened


@pytest.fixture(scope="module")
def user_lexicon_client(user_lexicon_db: str, user_lexicon: Path) -> Iterator[TestClient]:
    """A TestClient of the application over `user_lexicon_db`, made with the user's
    lexicon rows (`create_app(lexicon_paths=…)`)."""
    with TestClient(
        create_app(user_lexicon_db, lexicon_paths=[user_lexicon], extract_seconds=PATIENT)
    ) as opened:
        yield opened


def _loopback_socket() -> socket.socket:
    """A listening socket on a free loopback port, handed to uvicorn as is, so no other
    process can take the port between choosing it and binding it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    return sock


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """The base URL (http://127.0.0.1:PORT) of `app` served by uvicorn in a background
    thread, until the block ends."""
    sock = _loopback_socket()
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        http=OneWriteHttpTools,  # as `diplonews serve` runs it
        log_level="warning",
        ws="none",  # no websockets: nothing here uses them
        lifespan="on",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="live-server", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            pytest.fail("the live server did not start", pytrace=False)
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@pytest.fixture(scope="session")
def live_server(web_db: str) -> Iterator[str]:
    """The base URL of the application served by uvicorn in a background thread, for as
    long as the session needs it."""
    with serving(create_app(web_db, extract_seconds=PATIENT)) as base:
        yield base


@pytest.fixture(scope="session")
def serve_app() -> Callable[[FastAPI], AbstractContextManager[str]]:
    """`serving` for a test's own application: `with serve_app(app) as base: ...`."""
    return serving
