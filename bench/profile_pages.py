"""The cost of one first render of each kind of page `make load` asks for, in process:

    PYTHONPATH=src python bench/profile_pages.py STORE [--sample N] [--profile KIND]
                                                 [--save DIR] [--compare DIR]

It draws the pages as `bench/load_web.py --once` does (every event, the people they
name, a search for each with and without diacritics), takes N of each kind (default
300, the same ones each run), and asks the application for each once, through its ASGI
interface with no HTTP server and no page cache (what a first render costs the server
process: middleware, routes, queries, templates). It prints per kind the mean and p95
wall ms, CPU ms per page and the store queries per page, of the cheapest of --rounds
rounds (default 3: other work on the machine slows some down), page by page. --profile KIND runs the
kind's pages again under cProfile and prints the top functions (cumulative).

--save DIR writes each page's HTML into DIR (one file per page); --compare DIR renders
them again and reports every page whose HTML differs from the saved one (the check
that a speed-up changed nothing the reader sees).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import hashlib
import pstats
import random
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from diplonews.web.app import create_app
from load_web import KINDS, draw_urls


class Counted:
    """Counts the queries of the stores the application opened (`Store._run`)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.count = 0
        self.wrapped: set[int] = set()

    def wrap(self) -> None:
        for store in list(self.app.state.stores.opened):
            if id(store) in self.wrapped or not hasattr(store, "_run"):
                continue
            self.wrapped.add(id(store))
            run = store._run

            def counted(sql: str, params: Any, run: Any = run) -> Any:
                self.count += 1
                return run(sql, params)

            store._run = counted


async def ask(app: Any, url: str) -> tuple[int, bytes]:
    """One GET through the ASGI interface: (status, body)."""
    parts = urlsplit(url)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": parts.path,
        "raw_path": parts.path.encode(),
        "query_string": parts.query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"accept-encoding", b"gzip")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    body: list[bytes] = []
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(body)


def page_file(url: str) -> str:
    return hashlib.sha1(url.encode()).hexdigest()[:16] + ".html"


async def measure(app: Any, pages: dict[str, list[str]], args: argparse.Namespace) -> int:
    counted = Counted(app)
    for kind in KINDS:  # warm-up: templates compiled, stores opened, caches of the process
        for url in pages[kind][:3]:
            await ask(app, url)
    counted.wrap()
    differ = 0
    print(f"{'page':22} {'pages':>5} {'mean ms':>8} {'p95 ms':>7} {'CPU ms':>7} {'queries':>8}")
    for kind in KINDS:
        # Per page, its cheapest round: other work on the machine slows some rounds down
        # (caches, cores shared), never speeds one up.
        cpu_best = [float("inf")] * len(pages[kind])
        wall_best = [float("inf")] * len(pages[kind])
        queries = 0
        for round_ in range(args.rounds):
            for number, url in enumerate(pages[kind]):
                counted.count = 0
                cpu, started = time.thread_time(), time.perf_counter()
                status, html = await ask(app, url)
                wall_best[number] = min(wall_best[number], (time.perf_counter() - started) * 1000)
                cpu_best[number] = min(cpu_best[number], (time.thread_time() - cpu) * 1000)
                counted.wrap()
                if round_:
                    continue
                queries += counted.count
                if status != 200:
                    print(f"  {url}: HTTP {status}")
                if args.save:
                    (args.save / page_file(url)).write_bytes(url.encode() + b"\n" + html)
                if args.compare:
                    saved = (args.compare / page_file(url)).read_bytes().split(b"\n", 1)[1]
                    if saved != html:
                        differ += 1
                        if differ <= 5:
                            print(f"  differs: {url}")
        n = len(wall_best)
        walls = sorted(wall_best)
        print(
            f"{kind:22} {n:5} {sum(walls) / n:8.2f} {walls[int(0.95 * (n - 1))]:7.2f} "
            f"{sum(cpu_best) / n:7.3f} {queries / n:8.1f}"
        )
    if args.compare:
        total = sum(len(v) for v in pages.values())
        print(f"HTML compared with {args.compare}: {differ} of {total} pages differ")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.repeat):
            for url in pages[args.profile]:
                await ask(app, url)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats(args.sort).print_stats(args.top)
    return differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--sample", type=int, default=300, metavar="N")
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds over the pages; the cheapest is shown"
    )
    parser.add_argument(
        "--cache-mb",
        type=int,
        default=0,
        metavar="MB",
        help="a page cache (default none); each page is a miss in the first round only",
    )
    parser.add_argument("--profile", choices=KINDS)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--save", type=Path, metavar="DIR")
    parser.add_argument("--compare", type=Path, metavar="DIR")
    args = parser.parse_args()
    urls = draw_urls(args.store, every=True)
    rng = random.Random(0)
    pages = {
        kind: sorted(rng.sample(found, min(args.sample, len(found))))
        for kind, found in urls.items()
    }
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
    # settled: as a server process (lexicons frozen out of the garbage collector's reach)
    app = create_app(str(args.store), cache_mb=args.cache_mb, settled=True)

    async def run() -> int:
        async with app.router.lifespan_context(app):
            return await measure(app, pages, args)

    return 1 if asyncio.run(run()) else 0


if __name__ == "__main__":
    sys.exit(main())
