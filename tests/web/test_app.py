"""What a server process does at start-up: load what it keeps for life, then freeze it
out of the garbage collector's walks."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diplonews import api
from diplonews.errors import LexiconError
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


def test_app_loads_its_lexicons_once_with_the_users_rows(web_db: str, user_lexicon: Path) -> None:
    extended = web_app.create_app(web_db, lexicon_paths=[user_lexicon]).state.lexicons
    assert extended is api.load_lexicons([user_lexicon]) and "XWL" in extended.parties
    assert web_app.create_app(web_db).state.lexicons is load()  # the shipped set


def test_app_with_a_bad_lexicon_path_is_refused(web_db: str, tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="nope.tsv: not a lexicon folder"):
        web_app.create_app(web_db, lexicon_paths=[tmp_path / "nope.tsv"])


def test_a_server_process_settles_the_lexicons_serve_gave_it(
    user_lexicon_db: str, user_lexicon: Path, monkeypatch: pytest.MonkeyPatch, unfrozen: None
) -> None:
    monkeypatch.setenv(ENV, user_lexicon_db)
    monkeypatch.setenv(web_app.LEXICON_ENV, os.pathsep.join(["", str(user_lexicon), ""]))
    gc.unfreeze()
    with TestClient(web_app.server_app()) as client:
        lexicons = client.app.state.lexicons  # type: ignore[attr-defined]
        assert lexicons is api.load_lexicons([str(user_lexicon)])
        # What questions and pages derive from them was built before freezing.
        assert {"qa.folded", "api.party_names.en", "api.party_names.vi"} <= set(lexicons.derived)
        assert not any(kept is lexicons for kept in gc.get_objects())
        answer = client.get("/api/ask", params={"q": "Ai đồng chủ trì Tiệc trà Thần Tiên?"})
        assert "Alice Liddell" in answer.json()["answer"]
