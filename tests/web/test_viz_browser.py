"""The timeline and graph scripts in a real Chromium: they run without a console
error, filter and zoom the timeline (mirroring the filters in the URL), light up
and drag graph nodes, and the pages fit a phone.

Skipped when /usr/bin/chromium is missing, unless DIPLONEWS_REQUIRE_BROWSER=1."""

from __future__ import annotations

import os
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
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    if os.environ.get("DIPLONEWS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"DIPLONEWS_REQUIRE_BROWSER=1 but {CHROMIUM} is missing", pytrace=False)
    pytest.skip(f"browser tests need {CHROMIUM}", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The application over the seed and dev articles, served by uvicorn in a thread."""
    path = tmp_path_factory.mktemp("viz-browser") / "kb.db"
    store = api.open_store(str(path))
    try:
        articles = sorted((DATA / "seeds").glob("*.txt")) + sorted((DATA / "dev").glob("*.txt"))
        api.ingest(store, articles, workers=1)
    finally:
        store.close()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(path)), log_level="warning", ws="none", lifespan="on")
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


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    """A page at desktop width that records console errors and uncaught exceptions
    (the browser's own request for /favicon.ico aside)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on(
        "console",
        lambda m: (
            page.errors.append(m.text)
            if m.type == "error" and "favicon" not in m.location.get("url", "")
            else None
        ),
    )
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def shown(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".timeline-item", "els => els.filter(e => !e.hidden).map(e => e.dataset.key)"
    )


def dots(page: Any) -> tuple[str, str]:
    """The earliest and the latest event placed at a day (a dot)."""
    keys = page.eval_on_selector_all(
        ".tl-mark[data-shape=dot]",
        "els => els.sort((a, b) => a.dataset.t0 - b.dataset.t0).map(e => e.dataset.key)",
    )
    return keys[0], keys[-1]


def mark_x(page: Any, key: str) -> float:
    return float(page.get_attribute(f".tl-mark[data-key='{key}'] .shape", "cx"))


def test_viz_browser_timeline_filters_without_reloading(site: str, tab: Any) -> None:
    tab.goto(f"{site}/timeline?between=ASEAN,KOR")
    everything = shown(tab)
    tab.evaluate("window.stayed = true")
    tab.select_option(".tl-filters select[name=status]", "planned")
    planned = shown(tab)
    assert 0 < len(planned) < len(everything)
    statuses = tab.eval_on_selector_all(
        ".timeline-item:not([hidden])[data-what=event]", "els => els.map(e => e.dataset.status)"
    )
    assert set(statuses) == {"planned"}
    assert tab.evaluate("window.stayed") is True  # filtered in place
    assert tab.url.endswith("/timeline?between=ASEAN%2CKOR&status=planned")
    hidden_marks = tab.eval_on_selector_all(".tl-mark.off", "els => els.length")
    assert hidden_marks == len(everything) - len(planned)
    tab.fill(".tl-filters input[name=from]", "2021")
    tab.fill(".tl-filters input[name=to]", "2021")
    tab.wait_for_function("() => location.search.includes('to=2021')")
    assert tab.eval_on_selector(".tl-svg", "s => s.querySelectorAll('.tl-tick').length") > 0
    ticks = tab.eval_on_selector_all(".tl-tick", "els => els.map(e => e.textContent)")
    assert ticks[0] == "01/2021" and ticks[-1] == "01/2022", ticks  # the year asked for
    assert "Hiển thị" in tab.text_content(".tl-count")
    assert tab.errors == []


def test_viz_browser_timeline_widening_a_filter_asks_the_server(site: str, tab: Any) -> None:
    tab.goto(f"{site}/timeline?between=ASEAN,KOR&status=planned")
    few = len(shown(tab))
    with tab.expect_navigation():
        tab.select_option(".tl-filters select[name=status]", "")
    assert tab.url.endswith("/timeline?between=ASEAN%2CKOR")
    assert len(shown(tab)) > few
    assert tab.errors == []


def test_viz_browser_timeline_zooms(site: str, tab: Any) -> None:
    tab.goto(f"{site}/timeline?between=ASEAN,KOR")
    assert tab.is_visible(".tl-zoom")
    first = tab.text_content(".tl-tick")
    early, late = dots(tab)
    gap = mark_x(tab, late) - mark_x(tab, early)
    tab.click(".tl-zoom button[data-zoom=in]")
    assert mark_x(tab, late) - mark_x(tab, early) == pytest.approx(2 * gap, rel=0.02)
    box = tab.locator(".tl-svg").bounding_box()
    tab.mouse.move(box["x"] + box["width"] * 0.9, box["y"] + box["height"] / 2)
    tab.mouse.wheel(0, -400)
    tab.wait_for_timeout(50)
    assert mark_x(tab, late) - mark_x(tab, early) > 2.5 * gap
    # a drag pans, and does not open the mark it started on
    before = mark_x(tab, early)
    tab.mouse.move(box["x"] + 300, box["y"] + box["height"] / 2)
    tab.mouse.down()
    tab.mouse.move(box["x"] + 500, box["y"] + box["height"] / 2, steps=5)
    tab.mouse.up()
    assert mark_x(tab, early) > before
    tab.click(".tl-zoom button[data-zoom=reset]")
    assert tab.text_content(".tl-tick") == first
    assert mark_x(tab, late) - mark_x(tab, early) == pytest.approx(gap, rel=0.02)
    assert "/timeline" in tab.url
    assert tab.errors == []


def test_viz_browser_timeline_item_link_opens_the_event(site: str, tab: Any) -> None:
    tab.goto(f"{site}/timeline?between=ASEAN,KOR")
    link = tab.locator('.timeline-item a[href^="/events/"]').first
    href = link.get_attribute("href")
    link.click()
    tab.wait_for_url(f"{site}{href}")
    assert tab.errors == [] or all("404" in e for e in tab.errors)


def test_viz_browser_graph_lights_up_and_drags(site: str, tab: Any) -> None:
    tab.goto(f"{site}/graph")
    tab.hover(".node[data-id=KOR] circle")
    assert "hovering" in tab.get_attribute(".gr-svg", "class")
    hot = tab.eval_on_selector_all(
        ".edge.hot", "els => els.map(e => [e.dataset.source, e.dataset.target])"
    )
    assert hot and all("KOR" in pair for pair in hot)
    before = tab.get_attribute(".node[data-id=KOR]", "transform")
    box = tab.locator(".node[data-id=KOR] circle").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    tab.mouse.move(x, y)
    tab.mouse.down()
    tab.mouse.move(x - 80, y + 60, steps=6)
    tab.mouse.up()
    assert tab.get_attribute(".node[data-id=KOR]", "transform") != before
    assert tab.url == f"{site}/graph"  # a drag is not a click on the link
    line = tab.locator(".edge[data-source=ASEAN][data-target=KOR] .edge-line")
    assert float(line.get_attribute("x2")) < x  # the edge followed its node
    tab.click(".node[data-id=JPN] circle")
    tab.wait_for_url(f"{site}/graph?level=parties&focus=JPN")
    assert tab.is_visible(".gr-focus")
    assert tab.errors == []


@pytest.mark.parametrize("url", ["/timeline?between=ASEAN,KOR", "/graph?focus=KOR"])
def test_viz_browser_pages_fit_a_phone(site: str, browser: Any, url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site + url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if "timeline" in url:
        width = page.eval_on_selector(".tl-svg", "s => s.getBoundingClientRect().width")
        assert 300 <= width <= 390
        assert page.get_attribute(".tl-svg", "width") == str(round(width))  # drawn 1:1
    context.close()
    assert errors == []
