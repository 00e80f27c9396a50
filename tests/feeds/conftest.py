"""Fixtures of the watch tests: local news sites, and one watch round over a store."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sites import Site

from diplonews.feeds import config as feeds_config
from diplonews.feeds.watch import RoundReport, Watcher
from diplonews.kb.store import open_store


@pytest.fixture
def make_site() -> Iterator[Callable[..., Site]]:
    """`make_site(outlet, robots="")`: a new site on its own server (stopped after the test)."""
    servers: list[HTTPServer] = []

    def make(outlet: str = "Báo Thử", robots: str = "") -> Site:
        server = HTTPServer(host="127.0.0.1", threaded=True)
        server.start()
        servers.append(server)
        return Site(server, outlet, robots)

    yield make
    for server in servers:
        server.clear()
        if server.is_running():
            server.stop()


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
