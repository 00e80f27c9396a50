"""End to end in a real browser: Debian's headless Chromium, driven by Playwright, over a
live uvicorn server of the seed articles. A reader searches without diacritics, follows
a relationship's timeline to an event, its evidence sentence and the article it comes
from, tries the extractor on a pasted article, and opens the graph; /docs renders
without any CDN. No step may log a console error, throw, or break the
Content-Security-Policy, and each step's screenshot must show a page, not a blank.

The pages keep to a selector contract: `form.search input[name=q]` in every header,
`.hit a` for search results, `.timeline-item a[href^="/events/"]` on a timeline,
`.source mark.evidence` on an event page, `mark.evidence#ev-{event id}` in an article,
`textarea[name=text]` and `button[type=submit]` in Try it with `.try-result` for its
result, and an `svg` of nodes on the graph.

Skipped when /usr/bin/chromium is missing, unless DIPLONEWS_REQUIRE_BROWSER=1 (CI),
which makes that a failure.
"""

from __future__ import annotations

import os
import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REQUIRE_BROWSER_ENV = "DIPLONEWS_REQUIRE_BROWSER"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000
MIN_COLOURS = 16  # a page of text and a few colours has hundreds (anti-aliasing)
MAX_SHARE_OF_ONE_COLOUR = 0.995  # the background may fill most, but not all, of a shot

if not CHROMIUM.exists() and os.environ.get(REQUIRE_BROWSER_ENV) != "1":
    pytest.skip(
        f"{CHROMIUM} is missing (apt-get install chromium); "
        f"{REQUIRE_BROWSER_ENV}=1 makes this a failure",
        allow_module_level=True,
    )

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

# A short article to paste into Try it: on 12 March 2024 in Hanoi, the Deputy Foreign
# Minister of Vietnam held talks with the Vice Foreign Minister of Korea.
SHORT_ARTICLE = (
    "Việt Nam và Hàn Quốc thúc đẩy hợp tác\n\n"
    "Ngày 12/3/2024, tại Hà Nội, Thứ trưởng Ngoại giao Đỗ Hùng Việt đã hội đàm với "
    "Thứ trưởng Ngoại giao Hàn Quốc Kim Hong-kyun.\n"
    "Hai bên nhất trí tăng cường hợp tác thương mại, đầu tư và chuyển đổi số.\n"
)

# Reports the page's Content-Security-Policy violations on the console, where the
# console listener collects them with every other error. Injected by the browser
# itself (not a page script), so the policy does not apply to it.
CSP_REPORTER = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`
    + ` at ${e.sourceFile}:${e.lineNumber}`);
});
"""


# --- screenshots: decoded with zlib and struct, to tell a page from a blank -----------


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, the RGB(A) rows) of an 8-bit, non-interlaced RGB or RGBA PNG, as
    Chromium writes screenshots."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, "an unexpected PNG format"
    step = 3 if colour == 2 else 4  # bytes per pixel
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    rows, above = [], bytes(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        unfilter(kind, line, above, step)
        rows.append(bytes(line))
        above = rows[-1]
    return width, height, rows


def unfilter(kind: int, line: bytearray, above: bytes, step: int) -> None:
    """Undo one scanline's PNG filter in place (RFC 2083, 6.3)."""
    if kind == 0:
        return
    if kind == 2:  # Up: the commonest on screenshots, done a row at a time
        line[:] = bytes((x + b) & 255 for x, b in zip(line, above, strict=True))
        return
    for i in range(len(line)):
        left = line[i - step] if i >= step else 0
        if kind == 1:
            line[i] = (line[i] + left) & 255
        elif kind == 3:
            line[i] = (line[i] + (left + above[i]) // 2) & 255
        else:  # 4, Paeth
            up, corner = above[i], above[i - step] if i >= step else 0
            guess = left + up - corner
            near_left, near_up, near_corner = (
                abs(guess - left),
                abs(guess - up),
                abs(guess - corner),
            )
            if near_left <= near_up and near_left <= near_corner:
                line[i] = (line[i] + left) & 255
            elif near_up <= near_corner:
                line[i] = (line[i] + up) & 255
            else:
                line[i] = (line[i] + corner) & 255


def assert_not_blank(path: Path) -> None:
    """The screenshot shows something: many colours, none filling all of it."""
    width, height, rows = png_pixels(path.read_bytes())
    step = len(rows[0]) // width
    counts: dict[bytes, int] = {}
    for row in rows:
        for i in range(0, len(row), step):
            pixel = row[i : i + 3]
            counts[pixel] = counts.get(pixel, 0) + 1
    commonest = max(counts.values())
    assert len(counts) >= MIN_COLOURS, f"{path.name}: only {len(counts)} colours"
    assert commonest / (width * height) <= MAX_SHARE_OF_ONE_COLOUR, f"{path.name} is blank"


# --- the browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{REQUIRE_BROWSER_ENV}=1 but {CHROMIUM} is missing", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Tab:
    """A page in a fresh browser context, with what went wrong in it and its shots."""

    page: Page
    base: str
    shots: Path
    errors: list[str] = field(default_factory=list)
    taken: list[Path] = field(default_factory=list)

    def open(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        self.settle()

    def settle(self) -> None:
        self.page.wait_for_load_state("networkidle")

    def shot(self, name: str) -> Path:
        path = self.shots / f"{len(self.taken) + 1:02d}-{name}.png"
        self.page.screenshot(path=str(path))
        assert_not_blank(path)
        self.taken.append(path)
        return path

    def assert_clean(self) -> None:
        assert not self.errors, "errors in the browser:\n" + "\n".join(self.errors)


@pytest.fixture
def tab(browser: Browser, live_server: str, tmp_path: Path) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(CSP_REPORTER)
    page = context.new_page()
    opened = Tab(page, live_server, tmp_path)

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "assert"):
            where = message.location.get("url", "")
            if where == f"{live_server}/favicon.ico":
                return  # asked for by the browser itself, whatever the page links; no page
            opened.errors.append(f"console {message.type}: {message.text} ({where})")

    def on_page_error(error: Any) -> None:
        opened.errors.append(f"uncaught: {error}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    try:
        yield opened
    finally:
        context.close()


# --- the scenarios -------------------------------------------------------------------


def test_e2e_home_page(tab: Tab) -> None:
    tab.open("/")
    page = tab.page
    assert "diplonews" in page.title()
    assert page.locator("form.search input[name=q]").count() == 1
    tab.shot("home")
    tab.assert_clean()


def test_e2e_search_without_diacritics_finds_pham_minh_chinh(tab: Tab) -> None:
    from playwright.sync_api import expect

    tab.open("/")
    page = tab.page
    box = page.locator("form.search input[name=q]")
    box.fill("pham minh chinh")
    with page.expect_navigation():
        box.press("Enter")
    tab.settle()
    assert re.search(r"/search\?q=pham(\+|%20)minh(\+|%20)chinh", page.url), page.url
    hits = page.locator(".hit a")
    expect(hits.first).to_be_visible()
    assert "Phạm Minh Chính" in hits.all_inner_texts()
    tab.shot("search")
    tab.assert_clean()


def test_e2e_timeline_to_event_to_its_evidence_in_the_article(tab: Tab) -> None:
    from playwright.sync_api import expect

    tab.open("/timeline?between=ASEAN,KOR")
    page = tab.page
    tab.shot("timeline")
    # The 25th ASEAN-Korea Summit ("lần thứ 25": the 25th)
    summit = page.locator('.timeline-item a[href^="/events/"]', has_text="lần thứ 25").first
    expect(summit).to_be_visible()
    with page.expect_navigation():
        summit.click()
    tab.settle()
    match = re.search(r"/events/(\d+)$", page.url)
    assert match, page.url
    event_id = match.group(1)
    evidence = page.locator(".source mark.evidence")
    expect(evidence.first).to_be_visible()
    assert "lần thứ 25" in " ".join(evidence.all_inner_texts())
    tab.shot("event")

    source = page.locator(f'.source a[href^="/articles/"][href$="#ev-{event_id}"]').first
    with page.expect_navigation():
        source.click()
    tab.settle()
    assert re.search(rf"/articles/\d+#ev-{event_id}$", page.url), page.url
    marked = page.locator(f"mark.evidence#ev-{event_id}")
    expect(marked).to_be_visible()
    expect(marked).to_be_in_viewport()  # the link's fragment scrolled to it
    assert "lần thứ 25" in marked.inner_text()
    tab.shot("article")
    tab.assert_clean()


def test_e2e_try_it_extracts_a_pasted_article(tab: Tab) -> None:
    from playwright.sync_api import expect

    tab.open("/try")
    page = tab.page
    page.locator("textarea[name=text]").fill(SHORT_ARTICLE)
    tab.shot("try-form")
    submit = page.locator("form:has(textarea[name=text]) button[type=submit]")
    with page.expect_navigation():
        submit.click()
    tab.settle()
    marked = page.locator(".try-result mark.evidence")
    expect(marked.first).to_be_visible()
    assert "hội đàm" in " ".join(marked.all_inner_texts())  # "held talks"
    assert "Kim Hong-kyun" in page.locator(".try-result").inner_text()
    tab.shot("try-result")
    tab.assert_clean()


def test_e2e_graph_draws_the_parties_as_an_svg(tab: Tab) -> None:
    from playwright.sync_api import expect

    tab.open("/graph")
    page = tab.page
    svg = page.locator("main svg").first
    expect(svg).to_be_visible()
    nodes = page.locator("main svg .nodes [data-id]")
    assert {"ASEAN", "KOR", "VNM"} <= {
        nodes.nth(i).get_attribute("data-id") for i in range(nodes.count())
    }
    assert page.locator("main svg .edges line").count() >= 2  # ASEAN–Korea, Korea–Vietnam
    tab.shot("graph")
    tab.assert_clean()


def test_e2e_docs_render_from_this_site(tab: Tab) -> None:
    from playwright.sync_api import expect

    external: list[str] = []
    tab.page.on(
        "request",
        lambda request: (
            external.append(request.url) if not request.url.startswith(tab.base) else None
        ),
    )
    tab.open("/docs")
    operations = tab.page.locator(".swagger-ui .opblock")
    expect(operations.first).to_be_visible()
    assert operations.count() >= 10
    assert not [url for url in external if not url.startswith("data:")]
    tab.shot("docs")
    tab.assert_clean()


# --- the detectors themselves: a blank shot and a CSP violation are caught -----------


def test_e2e_a_blank_page_is_caught(tab: Tab) -> None:
    tab.page.set_content("<html><body></body></html>")
    with pytest.raises(AssertionError, match="colours|blank"):
        tab.shot("blank")


def test_e2e_a_csp_violation_is_caught(tab: Tab) -> None:
    tab.open("/")
    tab.page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "document.title = 'injected'";
                   document.body.append(s); }"""
    )
    tab.page.wait_for_timeout(200)
    assert tab.page.title() != "injected"
    assert any("CSP violation: script-src" in error for error in tab.errors), tab.errors
