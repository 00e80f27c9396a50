"""What a server process does at start-up: load what it keeps for life, then freeze it
out of the garbage collector's walks."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from diplonews.extract.lexicons import load
from diplonews.kb.store import ENV
from diplonews.web import app as web_app


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Give the objects a test froze back to the collector."""
    yield
    gc.unfreeze()


def test_a_server_process_freezes_what_it_loaded(
    web_db: str, monkeypatch: pytest.MonkeyPatch, unfrozen: None
) -> None:
    monkeypatch.setenv(ENV, web_db)
    gc.unfreeze()
    with TestClient(web_app.server_app()) as client:
        assert gc.get_freeze_count() > 50_000  # the lexicons, loaded before freezing
        lexicons = load()
        assert not any(kept is lexicons for kept in gc.get_objects())  # out of the walks
        question = "Ai đồng chủ trì Đối thoại ASEAN-Hàn Quốc năm 2021?"
        answer = client.get("/api/ask", params={"q": question}).json()
        assert answer["found"] and "Yeo Seung-bae" in answer["answer"]


def test_an_application_for_tests_freezes_nothing(web_db: str) -> None:
    before = gc.get_freeze_count()
    with TestClient(web_app.create_app(web_db)) as client:
        assert client.get("/api/stats").status_code == 200
    assert gc.get_freeze_count() == before


def test_the_store_of_a_thread_that_ended_is_closed(web_db: str) -> None:
    """A server thread's store lives as long as the thread (TestClient and thread
    pools make and end threads); one left open per thread would run out of files."""
    stores = web_app.Stores(web_db)
    kept = []
    worker = threading.Thread(target=lambda: kept.append(id(stores.get())))
    worker.start()
    worker.join()
    gc.collect()
    assert kept and len(stores.opened) == 0
    mine = stores.get()
    assert list(stores.opened) == [mine]
    stores.close()
