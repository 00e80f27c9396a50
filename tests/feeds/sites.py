"""Made-up news sites for the watch tests: a local HTTP server each (pytest-httpserver),
serving an RSS feed or a sitemap, article pages made from `corpus.article`, and a
robots.txt; and the config file that follows them."""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import corpus
from diplonews.feeds import config as feeds_config
from diplonews.feeds.watch import RoundReport, Watcher
from diplonews.kb.store import open_store

FETCH = {  # polite settings made fast for tests; loopback allowed, nothing else private
    "contact": "https://example.org/diplonews-tests",
    "allow_networks": ["127.0.0.0/8"],
    "rate": 1000,
    "per_host": 4,
    "timeout": "3s",
    "backoff": "20ms",
    "retries": 2,
    "http2": False,
}


def page_html(title: str, body: str, *, outlet: str, canonical: str | None = None) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in body.splitlines() if line)
    link = f'<link rel="canonical" href="{html.escape(canonical)}">' if canonical else ""
    return (
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>{link}"
        f"<meta property='og:site_name' content='{html.escape(outlet)}'>"
        "<meta property='article:published_time' content='2024-06-01T08:00:00+07:00'>"
        f"</head><body><nav><a href='/'>{html.escape(outlet)}</a> · Thế giới · Thời sự</nav>"
        f"<article><h1>{html.escape(title)}</h1>\n{paragraphs}</article>"
        "<footer>Bản quyền thuộc về tòa soạn. Liên hệ quảng cáo.</footer></body></html>"
    )


def rss(items: Iterable[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{html.escape(title)}</title><link>{html.escape(url)}</link>"
        "<pubDate>Sat, 01 Jun 2024 08:00:00 +0700</pubDate></item>"
        for url, title in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>Thế giới</title><link>http://example.org/</link>{entries}</channel></rss>"
    )


class Site:
    """One outlet on its own local server."""

    def __init__(self, server: HTTPServer, outlet: str, robots: str = "") -> None:
        self.server = server
        self.outlet = outlet
        self.feed_items: list[tuple[str, str]] = []
        server.expect_request("/robots.txt").respond_with_data(
            robots or "User-agent: *\nDisallow:\n", content_type="text/plain"
        )
        server.expect_request("/rss.xml").respond_with_handler(self._feed)

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def article(self, number: int, path: str | None = None, *, text: str | None = None) -> str:
        """Serve article `number` (or `text`) at `path`, list it in the feed; its URL."""
        path = path or f"/the-gioi/bai-{number}.html"
        text = text or corpus.article(number)
        title, _, body = text.partition("\n")
        page = page_html(title, body, outlet=self.outlet, canonical=self.url(path))
        self.server.expect_request(path).respond_with_data(page, content_type="text/html")
        self.list(path, title)
        return self.url(path)

    def list(self, path: str, title: str = "Bài viết") -> None:
        self.feed_items.append((self.url(path), title))

    def handle(self, path: str, handler: Callable[[Request], Response]) -> str:
        self.server.expect_request(path).respond_with_handler(handler)
        return self.url(path)

    def _feed(self, request: Request) -> Response:
        body = rss(self.feed_items)
        etag = f'"{len(self.feed_items)}"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type="application/rss+xml", headers={"ETag": etag})

    def requests(self, path: str) -> list[Request]:
        return [request for request, _ in self.server.log if request.path == path]


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_config(path: Path, sources: list[dict[str, Any]], **fetch: Any) -> Path:
    lines = ["[fetch]"]
    lines += [f"{key} = {toml_value(value)}" for key, value in {**FETCH, **fetch}.items()]
    for source in sources:
        lines += ["", "[[source]]"]
        lines += [f"{key} = {toml_value(value)}" for key, value in source.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rss_source(site: Site, name: str | None = None, **options: Any) -> dict[str, Any]:
    return {"name": name or site.outlet, "url": site.url("/rss.xml"), "kind": "rss", **options}


def watch_round(store_url: str, config_path: Path, *, once: bool = True) -> RoundReport:
    """One watch round in this process (extraction in a thread)."""
    config = feeds_config.load(config_path)

    async def main() -> RoundReport:
        store = open_store(store_url)
        try:
            async with Watcher(store, config, workers=0) as watcher:
                return await watcher.round(once=once)
        finally:
            store.close()

    return asyncio.run(main())
