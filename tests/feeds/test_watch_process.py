"""`diplonews watch` as a process: killed with -9 in the middle of a round, and stopped
by SIGTERM when it runs as a service. Each time, the next run loses nothing and
fetches nothing it had recorded."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sites import Site, page_html, rss_source, write_config
from werkzeug import Request, Response

import corpus
from diplonews.kb.store import open_store

COMMAND = [sys.executable, "-c", "from diplonews.cli.main import main; main()", "watch"]


def _slow_site(site: Site, count: int, delay: float) -> list[str]:
    """`count` articles, each answered after `delay` seconds; their paths."""
    paths = []
    for number in range(count):
        title, _, body = corpus.article(number).partition("\n")
        page = page_html(title, body, outlet=site.outlet)

        def answer(request: Request, page: str = page) -> Response:
            time.sleep(delay)
            return Response(page, content_type="text/html")

        path = f"/bai-{number}.html"
        site.handle(path, answer)
        site.list(path, title)
        paths.append(path)
    return paths


def _states(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        try:
            return dict(connection.execute("SELECT url, state FROM feed_pages").fetchall())
        except sqlite3.OperationalError:  # not made yet
            return {}


def _wait(
    db: Path, child: subprocess.Popen[bytes], done: Callable[[dict[str, str]], bool]
) -> dict[str, str]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        states = _states(db)
        if done(states):
            return states
        if child.poll() is not None:
            pytest.fail(f"watch ended early (exit status {child.returncode})")
        time.sleep(0.02)
    pytest.fail("watch did not get there within a minute")


def _survivors(marker: str, seconds: float = 2.0) -> list[int]:
    """Processes whose command line holds `marker`, still alive after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        alive = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    cmdline = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                if marker.encode() in cmdline:
                    alive.append(int(entry.name))
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


def _requested(site: Site, paths: list[str]) -> dict[str, int]:
    counts = dict.fromkeys(paths, 0)
    for request, _ in site.server.log:
        if request.path in counts:
            counts[request.path] += 1
    return counts


def test_watch_killed_mid_round_resumes_without_losing_or_refetching(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site()
    total = 40
    paths = _slow_site(site, total, 0.05)
    config = write_config(tmp_path / "feeds.toml", [rss_source(site)], per_host=2)
    db = tmp_path / "store.db"
    command = [*COMMAND, "--config", str(config), "--db", str(db), "--once", "--workers", "1"]
    child = subprocess.Popen(command, env=_env(), stderr=subprocess.DEVNULL)
    _wait(db, child, lambda s: sum(v != "seen" for v in s.values()) >= 10)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert _survivors(str(config)) == [], "a worker outlived the killed watch"
    before = _states(db)  # what the killed run had committed
    kept = {url for url, state in before.items() if state in ("fetched", "stored")}
    assert len(before) == total and 10 <= len(kept) < total, "the kill missed the round"
    first = _requested(site, paths)
    site.server.log.clear()

    done = subprocess.run(command, check=False, env=_env(), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    after = _states(db)
    assert set(after.values()) == {"stored"}
    again = _requested(site, paths)
    for url in kept:
        assert again[url.split(str(site.server.port), 1)[1]] == 0, f"{url} fetched twice"
    assert all(first[p] + again[p] >= 1 for p in paths)
    store = open_store(str(db))
    try:
        articles = store.query("SELECT COUNT(*) FROM articles")[0][0]
        copies = store.query("SELECT COUNT(*) FROM copies")[0][0]
        assert (articles, copies) == (total, total)
    finally:
        store.close()


def test_watch_service_stops_on_sigterm_with_its_state_saved(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site()
    total = 30
    paths = _slow_site(site, total, 0.2)
    config = write_config(tmp_path / "feeds.toml", [rss_source(site, every="1h")], per_host=1)
    db = tmp_path / "store.db"
    command = [*COMMAND, "--config", str(config), "--db", str(db), "--log-json", "--workers", "0"]
    log = tmp_path / "watch.log"
    with log.open("wb") as err:
        child = subprocess.Popen(command, env=_env(), stderr=err)
        _wait(db, child, lambda s: sum(v != "seen" for v in s.values()) >= 3)
        stopped_at = time.monotonic()
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=30)
    assert child.returncode == 0, log.read_text()
    assert time.monotonic() - stopped_at < 5
    lines = log.read_text().splitlines()
    assert '"event": "round"' in lines[-1] and '"stopped": true' in lines[-1]
    states = _states(db)
    assert set(states.values()) == {"seen", "stored"}  # what was read was stored at the stop
    assert 3 <= sum(v == "stored" for v in states.values()) < total
    kept = {url for url, state in states.items() if state != "seen"}
    with sqlite3.connect(db) as connection:
        (last_success,) = connection.execute("SELECT last_success FROM feed_sources").fetchone()
    assert last_success is not None
    site.server.log.clear()

    done = subprocess.run(
        [*command, "--once"], check=False, env=_env(), capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert set(_states(db).values()) == {"stored"}
    again = _requested(site, paths)
    assert all(again[url.split(str(site.server.port), 1)[1]] == 0 for url in kept)
