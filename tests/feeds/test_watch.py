"""`diplonews.feeds.watch` against local sites: what a round fetches and stores."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import watch_round
from sites import Site, rss_source, write_config

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
