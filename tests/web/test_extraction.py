"""Extraction off the event loop (`web.extraction`): articles of up to 2 MB, pasted or
uploaded, extracted in worker processes within a time limit per request, while the
server goes on answering every other request."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import httpx2 as httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import corpus
from diplonews.web import create_app
from diplonews.web.deps import MAX_TEXT
from diplonews.web.extraction import Extractions

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
LIVE_LIMIT = 10.0  # s: the time limit of the live server's extractions
# s: the time limit where a test wants its extraction done: a worker's start (Python, the
# lexicons) takes seconds, many on a busy machine.
GENEROUS = 300.0


def seed_text() -> str:
    return min(SEEDS.glob("*.txt")).read_text(encoding="utf-8")


def exactly(text: str, size: int) -> str:
    """`text` repeated to exactly `size` UTF-8 bytes (cut at a character boundary)."""
    data = (text * (size // len(text.encode()) + 1)).encode()[:size]
    cut = data.decode("utf-8", errors="ignore")
    return cut + " " * (size - len(cut.encode()))


def one_line(size: int) -> str:
    """An article of `size` bytes on a single line, of sentences all different (no
    repeat to cut short): the slowest kind to extract, a second or two for 2 MB."""
    parts, total, number = [], 0, 0
    while total < size:
        parts.append(" ".join(corpus.article(number).split()))
        total += len(parts[-1].encode()) + 1
        number += 1
    return exactly(" ".join(parts), size)


def paragraphs(size: int) -> str:
    return exactly(seed_text() + "\n", size)


def alive(pid: int) -> bool:
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text().casefold()
    except OSError:
        return False


@pytest.fixture(scope="module")
def extracting(web_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(web_db, extract_seconds=GENEROUS)) as client:
        yield client


def extractions(client: TestClient) -> Extractions:
    found: Extractions = client.app.state.extractions  # type: ignore[attr-defined]
    return found


def test_extraction_runs_in_a_worker_process(extracting: TestClient) -> None:
    response = extracting.post("/api/extract", data={"text": seed_text()})
    assert response.status_code == 200
    assert response.json()["record"]["events"]
    pids = extractions(extracting).pids
    assert pids and all(alive(pid) for pid in pids)
    assert extracting.post("/api/extract", data={"text": seed_text()}).status_code == 200
    assert extractions(extracting).pids == pids  # one after another: the same warm worker


@pytest.mark.parametrize("url", ["/api/extract", "/try"])
def test_extraction_takes_a_pasted_article_of_2_mb(extracting: TestClient, url: str) -> None:
    text = paragraphs(MAX_TEXT)
    assert len(text.encode()) == MAX_TEXT
    for send in ({"files": {"text": (None, text)}}, {"data": {"text": text}}):
        response = extracting.post(url, **send)  # type: ignore[arg-type]
        assert response.status_code == 200, response.text[:300]


@pytest.mark.parametrize("url", ["/api/extract", "/try"])
def test_extraction_takes_an_uploaded_file_of_2_mb(extracting: TestClient, url: str) -> None:
    data = paragraphs(MAX_TEXT).encode()
    response = extracting.post(url, files={"file": ("article.txt", data, "text/plain")})
    assert response.status_code == 200, response.text[:300]


@pytest.mark.parametrize("url", ["/api/extract", "/try"])
def test_extraction_refuses_an_article_over_2_mb_with_413(extracting: TestClient, url: str) -> None:
    text = paragraphs(MAX_TEXT) + "ư"  # two bytes more
    for send in (
        {"files": {"text": (None, text)}},
        {"data": {"text": text}},
        {"files": {"file": ("article.txt", text.encode(), "text/plain")}},
    ):
        response = extracting.post(url, **send)  # type: ignore[arg-type]
        assert response.status_code == 413
        if url.startswith("/api/"):
            assert "larger than 2,097,152 bytes" in response.json()["detail"]
        else:
            assert "2 MB" in response.text
        assert response.headers["x-content-type-options"] == "nosniff"


def test_extraction_over_the_time_limit_is_503_and_its_worker_replaced(web_db: str) -> None:
    with TestClient(create_app(web_db, extract_seconds=GENEROUS)) as client:
        assert client.post("/api/extract", data={"text": seed_text()}).status_code == 200
        pool = extractions(client)
        before = set(pool.pids)
        pool.seconds = 0.05
        response = client.post("/api/extract", files={"text": (None, one_line(MAX_TEXT))})
        assert response.status_code == 503
        assert "0.05 s, the time limit of one request" in response.json()["detail"]
        assert response.headers["x-content-type-options"] == "nosniff"
        page = client.post("/try", files={"text": (None, one_line(MAX_TEXT))})
        assert page.status_code == 503
        assert "0.05" in page.text and "content-security-policy" in page.headers
        assert not any(alive(pid) for pid in before)  # killed, not left working
        pool.seconds = GENEROUS
        again = client.post("/api/extract", data={"text": seed_text()})
        assert again.status_code == 200  # a new worker took its place
        assert set(pool.pids).isdisjoint(before)


def test_extraction_workers_stop_with_the_application(web_db: str) -> None:
    with TestClient(create_app(web_db, extract_seconds=GENEROUS)) as client:
        assert client.post("/api/extract", data={"text": seed_text()}).status_code == 200
        pids = extractions(client).pids
        assert pids
    assert not any(alive(pid) for pid in pids)


def test_extraction_refusals_come_back_from_the_worker(extracting: TestClient) -> None:
    binary = extracting.post("/api/extract", files={"file": ("a.txt", b"\0\1\2", "text/plain")})
    assert binary.status_code == 400
    assert "binary" in binary.json()["detail"]


def test_readers_are_answered_while_a_2_mb_article_is_extracted(
    web_db: str, serve_app: Callable[[FastAPI], AbstractContextManager[str]]
) -> None:
    """The server process extracting the largest article it takes goes on answering
    other requests: extraction runs in a worker, not on the event loop."""
    app = create_app(web_db, extract_seconds=GENEROUS)
    with serve_app(app) as base:
        with httpx.Client(base_url=base, timeout=GENEROUS) as client:  # a worker started
            assert client.post("/api/extract", data={"text": seed_text()}).status_code == 200
        app.state.extractions.seconds = LIVE_LIMIT
        outcome: list[int] = []

        def extract() -> None:
            with httpx.Client(base_url=base, timeout=60) as client:
                response = client.post("/api/extract", files={"text": (None, one_line(MAX_TEXT))})
                outcome.append(response.status_code)

        uploading = threading.Thread(target=extract)
        uploading.start()
        answered = 0
        with httpx.Client(base_url=base, timeout=10) as reader:
            time.sleep(0.1)  # the upload on its way
            while uploading.is_alive():
                for url in ("/api/stats", "/events/1", "/search?q=pham+minh+chinh"):
                    assert reader.get(url).status_code == 200
                    answered += uploading.is_alive()
        uploading.join()
    assert outcome and outcome[0] in (200, 503)  # done, or stopped at the time limit
    # Functional, not timed (the machine may be busy): on a blocked event loop the
    # readers would be answered only once the extraction ended.
    assert answered >= 3, "no reader was answered while the article was extracted"
