"""The sources page and its JSON twin (`web/sources.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diplonews import api
from diplonews.kb import feedstate
from diplonews.kb.feedstate import Fetched, Listed
from diplonews.web.app import create_app

EVIL = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def sources_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A store whose followed sources hold a stored page and a failed one."""
    path = str(tmp_path_factory.mktemp("sources") / "kb.db")
    store = api.open_store(path)
    try:
        feedstate.register(store, [("Báo Thử", "https://bao.example/rss", "rss")])
        listed = [
            Listed("https://bao.example/a.html", f"Tin {EVIL}"),
            Listed("https://bao.example/b.html", "Tin hỏng"),
        ]
        feedstate.record_poll(
            store,
            "Báo Thử",
            listed,
            etag='"1"',
            last_modified=None,
            next_poll="2099-01-01T00:00:00Z",
        )
        feedstate.page_fetched(
            store,
            Fetched(
                "https://bao.example/a.html",
                "https://bao.example/a.html",
                "https://bao.example/a.html",
                f"Báo {EVIL}",
                f"Tin {EVIL}",
                "2024-06-01",
                "Nội dung.",
            ),
        )
        with store.transaction():
            feedstate.pages_stored(store, ["https://bao.example/a.html"])
        feedstate.page_failed(store, "https://bao.example/b.html", "HTTP 404")
    finally:
        store.close()
    with TestClient(create_app(path)) as client:
        yield client


def test_sources_page_shows_health_last_update_and_pages(sources_client: TestClient) -> None:
    response = sources_client.get("/sources?lang=en")
    assert response.status_code == 200
    html = response.text
    assert "Followed sources" in html and "Last updated" in html
    assert "Báo Thử" in html and "HTTP 404" in html and "https://bao.example/a.html" in html
    assert EVIL not in html and "&lt;script&gt;" in html


def test_sources_page_in_vietnamese(sources_client: TestClient) -> None:
    assert "Nguồn tin theo dõi" in sources_client.get("/sources?lang=vi").text


def test_sources_json_twin(sources_client: TestClient) -> None:
    data = sources_client.get("/api/sources").json()
    assert data["last_updated"]
    (source,) = data["sources"]
    assert source["pages"] == {"seen": 0, "fetched": 0, "stored": 1, "failed": 1}
    assert {p["state"] for p in data["pages"]} == {"stored", "failed"}
    assert all("text" not in p for p in data["pages"])


def test_sources_page_of_a_store_without_sources(client: TestClient) -> None:
    response = client.get("/sources?lang=en")
    assert response.status_code == 200 and "No source followed yet" in response.text
    assert client.get("/api/sources").json() == {"last_updated": None, "sources": [], "pages": []}


def test_sources_labels_file_is_complete() -> None:
    labels = Path(__file__).parents[2] / "src" / "diplonews" / "web" / "labels_sources.tsv"
    rows = [line.split("\t") for line in labels.read_text(encoding="utf-8").splitlines()]
    assert all(len(row) == 3 for row in rows if not row[0].startswith("#"))
