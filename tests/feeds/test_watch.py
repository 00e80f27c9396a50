"""`diplonews.feeds.watch` against local sites: what a round fetches and stores."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable
from pathlib import Path

from sites import Site, page_html, rss_source, watch_round, write_config
from werkzeug import Request, Response

import corpus
from diplonews import api
from diplonews.kb.store import open_store


def test_watch_new_items_are_stored_once(
    store_url: str, make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site("Báo Thử")
    urls = [site.article(n) for n in range(3)]
    config = write_config(tmp_path / "feeds.toml", [rss_source(site)])
    first = watch_round(store_url, config)
    assert (first.new_pages, first.fetched, first.added, first.failed) == (3, 3, 3, 0)
    urls.append(site.article(3))
    second = watch_round(store_url, config)
    assert (second.new_pages, second.fetched, second.added) == (1, 1, 1)
    for url in urls[:3]:
        path = url.split(str(site.server.port), 1)[1]
        assert len(site.requests(path)) == 1
    store = open_store(store_url)
    try:
        assert api.counts(store)["articles"] == 4
        health = api.sources(store)[0]
        assert health.articles_added == 4 and health.last_error is None
        assert health.pages["stored"] == 4
        pages = api.source_pages(store, "Báo Thử")
        assert {p.outlet for p in pages} == {"Báo Thử"}
        assert all(p.article_id for p in pages)
        stored = api.article(store, pages[0].article_id or 0)
        assert stored is not None and stored.url in urls
    finally:
        store.close()


def _pages(store_url: str) -> dict[str, api.feedstate.Page]:
    store = open_store(store_url)
    try:
        return {p.url: p for p in api.source_pages(store, limit=1000)}
    finally:
        store.close()


def test_watch_sends_validators_and_a_304_lists_nothing(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site()
    site.article(1)
    config = write_config(tmp_path / "feeds.toml", [rss_source(site)])
    db = str(tmp_path / "store.db")
    watch_round(db, config)
    second = watch_round(db, config)
    assert (second.not_modified, second.new_pages, second.fetched) == (1, 0, 0)
    feeds = site.requests("/rss.xml")
    assert "If-None-Match" not in feeds[0].headers
    assert feeds[1].headers["If-None-Match"] == '"1"'


def test_watch_obeys_robots_txt(make_site: Callable[..., Site], tmp_path: Path) -> None:
    site = make_site(robots="User-agent: *\nDisallow: /rieng/\n")
    allowed = site.article(1)
    hidden = site.article(2, "/rieng/bai-2.html")
    config = write_config(tmp_path / "feeds.toml", [rss_source(site)])
    db = str(tmp_path / "store.db")
    report = watch_round(db, config)
    assert (report.added, report.failed) == (1, 1)
    assert site.requests("/rieng/bai-2.html") == []
    pages = _pages(db)
    assert pages[allowed].state == "stored"
    assert (pages[hidden].state, pages[hidden].reason) == ("failed", "disallowed by robots.txt")
    robots = site.requests("/robots.txt")
    assert len(robots) == 1 and "diplonews/" in robots[0].headers["User-Agent"]
    assert "https://example.org/diplonews-tests" in robots[0].headers["User-Agent"]


def test_watch_waits_as_a_429_retry_after_asks(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site()
    text = corpus.article(5)
    title, _, body = text.partition("\n")
    answers = iter([Response("chậm lại", status=429, headers={"Retry-After": "1"})])

    def busy_then_ok(request: Request) -> Response:
        return next(answers, None) or Response(
            page_html(title, body, outlet=site.outlet), content_type="text/html"
        )

    site.handle("/bai-5.html", busy_then_ok)
    site.list("/bai-5.html")
    config = write_config(tmp_path / "feeds.toml", [rss_source(site)])
    report = watch_round(str(tmp_path / "store.db"), config)
    assert (report.added, report.failed, report.postponed) == (1, 0, 0)
    assert len(site.requests("/bai-5.html")) == 2
    assert report.seconds >= 1.0  # the second request waited the second it was asked


def test_watch_gives_a_long_retry_after_to_a_later_round(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site()
    url = site.handle(
        "/bai-6.html", lambda request: Response("", status=503, headers={"Retry-After": "3600"})
    )
    site.list("/bai-6.html")
    config = write_config(tmp_path / "feeds.toml", [rss_source(site)], max_retry_wait="5s")
    db = str(tmp_path / "store.db")
    report = watch_round(db, config)
    assert (report.added, report.postponed) == (0, 1)
    page = _pages(db)[url]
    assert page.state == "seen" and page.reason is not None and "Retry-After 3600" in page.reason
    assert page.retry_at is not None and page.retry_at > page.seen_at  # type: ignore[operator]
    assert len(site.requests("/bai-6.html")) == 1
    assert watch_round(db, config).fetched == 0  # not before the time it asked for
    assert len(site.requests("/bai-6.html")) == 1


def test_watch_stops_a_slow_response_and_a_huge_one(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site()

    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response(page_html("Chậm", "Nội dung.", outlet="x"), content_type="text/html")

    slow_url = site.handle("/cham.html", slow)
    huge_url = site.handle(
        "/lon.html", lambda request: Response("<p>" + "a" * 300_000, content_type="text/html")
    )
    bomb = gzip.compress(b"<p>" + b"0" * 20_000_000)
    bomb_url = site.handle(
        "/bom.html",
        lambda request: Response(
            bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
        ),
    )
    for path in ("/cham.html", "/lon.html", "/bom.html"):
        site.list(path)
    config = write_config(
        tmp_path / "feeds.toml",
        [rss_source(site)],
        timeout="500ms",
        retries=0,
        page_bytes=100_000,
    )
    db = str(tmp_path / "store.db")
    started = time.monotonic()
    report = watch_round(db, config)
    assert time.monotonic() - started < 5
    assert (report.added, report.failed, report.postponed) == (0, 2, 1)
    pages = _pages(db)
    assert pages[slow_url].state == "seen" and "timed out" in (pages[slow_url].reason or "")
    assert pages[huge_url].state == "failed" and "larger than 100,000 bytes" in (
        pages[huge_url].reason or ""
    )
    assert pages[bomb_url].state == "failed" and "once decompressed" in (
        pages[bomb_url].reason or ""
    )


def test_watch_refuses_a_redirect_to_a_private_address_or_another_scheme(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site()
    private = site.handle(
        "/chuyen.html",
        lambda request: Response("", status=302, headers={"Location": "http://10.1.2.3/bai.html"}),
    )
    local = site.handle(
        "/tep.html",
        lambda request: Response("", status=301, headers={"Location": "file:///etc/passwd"}),
    )
    for path in ("/chuyen.html", "/tep.html"):
        site.list(path)
    config = write_config(tmp_path / "feeds.toml", [rss_source(site)])
    db = str(tmp_path / "store.db")
    report = watch_round(db, config)
    assert (report.added, report.failed) == (0, 2)
    pages = _pages(db)
    assert pages[private].state == "failed"
    assert "10.1.2.3 is a non-public address" in (pages[private].reason or "")
    assert pages[local].reason == "only http and https URLs are fetched"


def test_watch_stores_one_story_from_two_outlets_as_one_article_two_copies(
    store_url: str, make_site: Callable[..., Site], tmp_path: Path
) -> None:
    first, second = make_site("Báo Một"), make_site("Báo Hai")
    one = first.article(7, "/the-gioi/han-quoc-asean.html")
    two = second.article(7, "/quoc-te/hop-tac-han-quoc.html")
    config = write_config(tmp_path / "feeds.toml", [rss_source(first), rss_source(second)])
    report = watch_round(store_url, config)
    assert (report.added, report.duplicates) == (1, 1)
    store = open_store(store_url)
    try:
        assert api.counts(store)["articles"] == 1
        health = {s.name: s for s in api.sources(store)}
        assert health["Báo Một"].articles_added + health["Báo Hai"].articles_added == 1
        assert health["Báo Một"].copies_added + health["Báo Hai"].copies_added == 1
        pages = {p.url: p for p in api.source_pages(store)}
        assert pages[one].article_id == pages[two].article_id
        assert (pages[one].outlet, pages[two].outlet) == ("Báo Một", "Báo Hai")
        article = api.article(store, pages[one].article_id or 0)
        assert article is not None and sorted(article.copies) == sorted([one, two])
    finally:
        store.close()
