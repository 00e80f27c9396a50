"""The server's own time on each answer, only when asked for (load tests)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from diplonews.web import create_app
from diplonews.web.timing import ENV


def test_timing_off_by_default(client: TestClient) -> None:
    assert "server-timing" not in client.get("/").headers


def test_timing_on_says_the_application_time(web_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "1")
    with TestClient(create_app(web_db, cache_mb=1)) as timed:
        for url in ("/", "/", "/search?q=viet", "/no-such-page"):
            header = timed.get(url).headers.get("server-timing", "")
            assert re.fullmatch(r"app;dur=[0-9]+\.[0-9]{3}", header), (url, header)
