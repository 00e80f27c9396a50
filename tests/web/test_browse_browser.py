"""The browse lists in a real Chromium, at desktop (1366 px) and phone (390 px) widths,
as an analyst who reads no Vietnamese would use them: /events in English, filter by a
party, open an event, open its source article, read the line to cite it. Every step's
screenshot shows a page (not a blank), and at 390 px nothing is wider than the screen
(the table scrolls inside its own box).

Skipped when /usr/bin/chromium is missing, unless DIPLONEWS_REQUIRE_BROWSER=1."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from diplonews import api
from diplonews.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
DATA = Path(__file__).parent.parent / "data"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
WIDTHS = (1366, 390)
# Where the screenshots are kept for a person to look at (else a test's tmp_path).
SHOTS_ENV = "DIPLONEWS_BROWSE_SHOTS"

if not CHROMIUM.exists():
    if os.environ.get("DIPLONEWS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"DIPLONEWS_REQUIRE_BROWSER=1 but {CHROMIUM} is missing", pytrace=False)
    pytest.skip(f"browser tests need {CHROMIUM}", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")

from test_e2e import assert_not_blank  # tests/web is on the path (rootdir)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The application over the dev articles (with their URLs) and the seed articles."""
    path = tmp_path_factory.mktemp("browse-browser") / "kb.db"
    store = api.open_store(str(path))
    try:
        articles = sorted((DATA / "dev").glob("*.txt")) + sorted((DATA / "seeds").glob("*.txt"))
        api.ingest(store, articles, workers=1)
    finally:
        store.close()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(path), cache_mb=0), log_level="warning", ws="none")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def overflow(page: Any) -> int:
    """Pixels the page is wider than the window (0: no horizontal scrolling)."""
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


def shoot(page: Any, folder: Path, name: str, width: int) -> None:
    path = folder / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert_not_blank(path)
    if width <= 390:
        assert overflow(page) <= 0, f"{name}: wider than a {width} px screen"


@pytest.mark.parametrize("width", WIDTHS)
def test_browse_browser_from_the_events_list_to_a_cited_source(
    site: str, browser: Any, width: int, tmp_path: Path
) -> None:
    shots = Path(os.environ.get(SHOTS_ENV) or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{site}/events?lang=en")
        assert page.locator("h1").inner_text().startswith("Events")
        shoot(page, shots, "events", width)

        party = page.locator("details.facet", has=page.locator("summary", has_text="Party"))
        if width <= 390:  # folded on a phone, so that the table comes first
            assert party.get_attribute("open") is None
            party.locator("summary").click()
        korea = party.get_by_role("link", name="Korea", exact=True)
        count = int(korea.locator("xpath=following-sibling::span").inner_text())
        korea.click()
        page.wait_for_url(re.compile(r"party=KOR"))
        assert f"of {count}" in page.locator("p.summary").inner_text()
        assert "Party: Korea" in page.locator("p.filters").inner_text()
        rows = page.locator("table.browse-table tbody tr")
        assert rows.count() == min(count, 50)
        assert all("Korea" in t for t in rows.locator("td.col-parties").all_inner_texts())
        wrap = page.locator(".results .table-wrap")
        if width <= 390:  # the table is wider than the phone: it scrolls in its box
            assert wrap.evaluate("e => e.scrollWidth > e.clientWidth")
        shoot(page, shots, "events-korea", width)

        first = rows.first.locator("td.col-title a")
        title = first.inner_text()
        assert title[:1].isupper()  # composed from the record, not a fragment ("cuộc họp")
        first.click()
        page.wait_for_url(re.compile(r"/events/\d+"))
        assert page.locator("h1").inner_text() == title
        cite = page.locator("p.cite-line").inner_text()
        assert "diplonews: " + page.url.split("?")[0] in cite
        shoot(page, shots, "event", width)

        page.locator("section.source a.source-title").first.click()
        page.wait_for_url(re.compile(r"/articles/\d+"))
        outlet = page.locator("dl.fields dd").first.inner_text()
        cite = page.locator("p.cite-line").inner_text()
        assert outlet != "—" and cite.startswith(outlet)
        assert re.search(r"https?://\S+\. diplonews: http://127\.0\.0\.1:\d+/articles/\d+$", cite)
        assert "/tests/data/" not in page.content()
        shoot(page, shots, "article", width)
        assert not errors, errors
    finally:
        context.close()
