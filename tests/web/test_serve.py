"""`diplonews serve` as a process: stopped by SIGTERM or SIGINT, with one server process
or several, it removes its page-cache directory."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx
import pytest


def cli() -> list[str]:
    script = Path(sys.executable).parent / "diplonews"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from diplonews.cli.main import main; main()"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("workers", "signum"),
    [(1, signal.SIGTERM), (1, signal.SIGINT), (2, signal.SIGTERM)],
)
def test_serve_removes_its_page_cache_when_stopped(
    web_db: str, tmp_path: Path, workers: int, signum: int
) -> None:
    port = free_port()
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {**os.environ, "TMPDIR": str(temporary)}
    environment.pop("DIPLONEWS_PAGE_CACHE", None)
    server = subprocess.Popen(
        [*cli(), "serve", "--db", web_db, "--port", str(port), "--workers", str(workers)]
        + ["--cache-mb", "8"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.communicate()[1]
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.1)
        (cache,) = temporary.glob("diplonews-pages-*")
        assert any(cache.iterdir())  # the page it just served, kept
        server.send_signal(signum)
        _, errors = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert server.returncode in (0, 128 + signum), errors
    assert "Traceback" not in errors
    assert not list(temporary.glob("diplonews-pages-*"))
