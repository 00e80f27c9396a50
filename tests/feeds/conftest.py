"""Fixtures of the watch tests: local news sites (one watch round is `sites.watch_round`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytest_httpserver import HTTPServer
from sites import Site


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
