"""Load on the web pages: event, person and search pages under concurrent readers.

    python bench/load_web.py [--db FILE] [--articles N] [--clients C] [--seconds S]
                             [--profile FILE] [--keep]

Without --db it writes N generated articles (default 10,000; bench/corpus.py) into
/dev/shm where there is one and ingests them with `diplonews ingest` into a new SQLite
store, as bench/bench_store.py does. It then starts `diplonews serve` over the store as a
child process on a free loopback port and, for S seconds (default 30), has C clients
(default 50) each ask for one page after another over a kept-alive connection:

- event pages, `/events/{id}`, of events drawn at random offsets of the store;
- person pages, `/people/{id}`, of the officials those events name;
- search pages, `/search?q=…`, for those officials' names with their diacritics, and
  the same names and common words without them ("pham minh chinh", "doi thoai").

It prints requests/s and the p50/p95/p99 latency and the errors of each kind of page,
the server's CPU use, and exits with status 1 when a kind misses p95 <= 50 ms or any
request fails. --profile FILE samples the server with py-spy (`pip install py-spy`)
during the run: a flame graph for FILE.svg, collapsed stacks otherwise.

Only loopback traffic: the server listens on 127.0.0.1, the run stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx2 as httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import PLAIN_QUERIES, cli_command
from corpus import write_corpus
from diplonews import api
from diplonews.searching import fold

TARGET_P95_MS = 50.0
SAMPLE_PAGES, PAGE = 10, 200  # stored events the pages are drawn from
WARM_UP_REQUESTS = 20  # per kind, before the clock starts: templates compiled, caches warm
KINDS = ("event", "person", "search", "search, no diacritics")
LOOPBACK = re.compile(r"^http://(127(\.\d{1,3}){3}|localhost|\[::1\]):\d+/?$")


# --- the store and what to ask of it ---------------------------------------------------


def build_store(folder: Path, articles: int) -> Path:
    """A new SQLite store of `articles` generated articles, ingested by the CLI."""
    started = time.perf_counter()
    write_corpus(folder / "corpus", articles)
    print(f"corpus: {articles:,} articles in {time.perf_counter() - started:.1f} s", flush=True)
    db = folder / "store.db"
    started = time.perf_counter()
    done = subprocess.run(
        [*cli_command(), "ingest", str(folder / "corpus"), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"load_web: ingest failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    print(f"ingest: {time.perf_counter() - started:.1f} s; {summary}", flush=True)
    return db


def draw_urls(db: Path, seed: int = 0) -> dict[str, list[str]]:
    """The pages each kind of client asks for, drawn from what the store holds."""
    rng = random.Random(seed)
    store = api.open_store(str(db), create=False)
    try:
        stored = api.counts(store)["events"]
        events = []
        for _ in range(SAMPLE_PAGES):
            events += api.events(store, limit=PAGE, offset=rng.randrange(max(stored - PAGE, 1)))
    finally:
        store.close()
    people = {p.person_id: p.name for e in events for p in e.participants if p.person_id}
    if not events or not people:
        sys.exit(f"load_web: the store at {db} holds too few events and people to load")
    names = sorted(set(people.values()))
    return {
        "event": [f"/events/{e.id}" for e in events],
        "person": [f"/people/{i}" for i in sorted(people)],
        "search": [f"/search?q={quote(name)}" for name in names],
        "search, no diacritics": [
            f"/search?q={quote(query)}" for query in [fold(n) for n in names] + list(PLAIN_QUERIES)
        ],
    }


# --- the server -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(db: Path, log: Path) -> Iterator[tuple[str, int]]:
    """`diplonews serve` over `db` on a free loopback port: (base URL, pid). Its stderr
    goes to `log` (a pipe nobody reads would fill and stall the server)."""
    port = free_port()
    with log.open("w") as errors:
        child = subprocess.Popen(
            [*cli_command(), "serve", "--db", str(db), "--host", "127.0.0.1"]
            + ["--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if child.poll() is not None:
                sys.exit(f"load_web: the server stopped: {log.read_text()[-2000:]}")
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                sys.exit("load_web: the server did not answer within 30 s")
            time.sleep(0.1)
        yield base, child.pid
    finally:
        child.send_signal(signal.SIGINT)  # uvicorn shuts down gracefully on SIGINT
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, from /proc (0 where there is none)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


@contextmanager
def profiling(pid: int, seconds: float, output: Path | None) -> Iterator[None]:
    """py-spy sampling the server for the run, when asked for."""
    if output is None:
        yield
        return
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(spy).exists():
        sys.exit("load_web: --profile needs py-spy: pip install py-spy")
    fmt = "flamegraph" if output.suffix == ".svg" else "raw"
    recorder = subprocess.Popen(
        [spy, "record", "--pid", str(pid), "--duration", str(int(seconds)), "--rate", "200"]
        + ["--format", fmt, "--output", str(output), "--nonblocking", "--threads"],
        stdout=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        recorder.wait(timeout=seconds + 60)
        print(f"profile: {output}")


# --- the load -------------------------------------------------------------------------


@dataclass
class Tally:
    """What one kind of page did under load."""

    samples_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def fail(self, reason: str) -> None:
        self.errors[reason] = self.errors.get(reason, 0) + 1

    def percentile(self, share: float) -> float:
        ordered = sorted(self.samples_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def fetch(client: httpx.AsyncClient, url: str, tally: Tally) -> None:
    started = time.perf_counter()
    try:
        response = await client.get(url)
        body = response.content
    except httpx.HTTPError as exc:
        tally.fail(type(exc).__name__)
        return
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        tally.fail(f"HTTP {response.status_code}")
    elif b"</html>" not in body:
        tally.fail("incomplete page")
    else:
        tally.samples_ms.append(elapsed)


async def load(
    base: str, urls: dict[str, list[str]], clients: int, seconds: float, seed: int = 0
) -> tuple[dict[str, Tally], float]:
    """`clients` readers, each asking for one page after another until time is up; each
    asks for the kinds of page in turn, from its own point in the cycle. What each kind
    did, and the wall seconds the load took (the warm-up before it left out)."""
    tallies = {kind: Tally() for kind in KINDS}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        warm = Tally()
        for kind in KINDS:
            for url in urls[kind][:WARM_UP_REQUESTS]:
                await fetch(client, url, warm)
        if warm.errors:
            sys.exit(f"load_web: errors while warming up: {warm.errors}")

        started = time.perf_counter()
        deadline = started + seconds

        async def reader(number: int) -> None:
            rng = random.Random(seed * 1000 + number)
            turn = number
            while time.perf_counter() < deadline:
                kind = KINDS[turn % len(KINDS)]
                turn += 1
                await fetch(client, rng.choice(urls[kind]), tallies[kind])

        await asyncio.gather(*(reader(n) for n in range(clients)))
        return tallies, time.perf_counter() - started


# --- the report -----------------------------------------------------------------------


def report(
    tallies: dict[str, Tally], seconds: float, server_cpu: float | None, client_cpu: float
) -> bool:
    """Print the table; whether every target is met. `server_cpu`: None when the server
    is not this script's child."""
    rows = [("page", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "p95 target")]
    met = True
    total = 0
    for kind, tally in tallies.items():
        done = len(tally.samples_ms)
        total += done
        p95 = tally.percentile(0.95)
        errors = sum(tally.errors.values())
        ok = done > 0 and p95 <= TARGET_P95_MS and errors == 0
        met = met and ok
        rows.append(
            (
                kind,
                f"{done:,}",
                f"{done / seconds:,.0f}",
                f"{tally.percentile(0.5):.1f}",
                f"{p95:.1f}",
                f"{tally.percentile(0.99):.1f}",
                ", ".join(f"{n} {why}" for why, n in tally.errors.items()) or "0",
                f"<= {TARGET_P95_MS:.0f} {'ok' if ok else 'MISSED'}",
            )
        )
    every = Tally([s for t in tallies.values() for s in t.samples_ms])
    rows.append(
        (
            "all",
            f"{total:,}",
            f"{total / seconds:,.0f}",
            f"{every.percentile(0.5):.1f}",
            f"{every.percentile(0.95):.1f}",
            f"{every.percentile(0.99):.1f}",
            str(sum(sum(t.errors.values()) for t in tallies.values())),
            "",
        )
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    if server_cpu is not None:
        print(
            f"server CPU {server_cpu / seconds:.0%} of one core; "
            f"this load generator {client_cpu / seconds:.0%}; {os.cpu_count()} cores"
        )
    return met


def run(db: Path, clients: int, seconds: float, profile: Path | None, url: str | None) -> int:
    urls = draw_urls(db)
    print(
        "pages: "
        + ", ".join(f"{len(found):,} {kind}" for kind, found in urls.items())
        + f"; {clients} clients for {seconds:.0f} s",
        flush=True,
    )
    if url:  # a server started by hand, e.g. with several uvicorn workers
        tallies, wall = asyncio.run(load(url, urls, clients, seconds))
        met = report(tallies, wall, None, 0.0)
        print("targets met" if met else "below target")
        return 0 if met else 1
    log = Path(tempfile.mkstemp(prefix="diplonews-serve-", suffix=".log")[1])
    with serving(db, log) as (base, pid):
        print(f"server: {base} (pid {pid})", flush=True)
        with profiling(pid, seconds, profile):
            cpu_before, own_before = cpu_seconds(pid), time.process_time()
            tallies, wall = asyncio.run(load(base, urls, clients, seconds))
            server_cpu = cpu_seconds(pid) - cpu_before  # warm-up included: a few requests
            client_cpu = time.process_time() - own_before
    met = report(tallies, wall, server_cpu, client_cpu)
    lines = [
        line
        for line in log.read_text(errors="replace").splitlines()
        if not line.startswith("diplonews: serving ")
    ]
    if lines:
        print(f"server stderr ({len(lines)} lines, kept in {log}); the last:")
        print("\n".join(lines[-25:]))
    else:
        log.unlink()
    print("targets met" if met else "below target")
    return 0 if met else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing SQLite store (else one is built)")
    parser.add_argument(
        "--articles", type=int, default=10_000, metavar="N", help="articles to build it from"
    )
    parser.add_argument("--clients", type=int, default=50, metavar="C", help="concurrent readers")
    parser.add_argument(
        "--seconds", type=float, default=30.0, metavar="S", help="length of the run"
    )
    parser.add_argument("--profile", type=Path, metavar="FILE", help="sample the server (py-spy)")
    parser.add_argument("--keep", action="store_true", help="keep the built corpus and store")
    parser.add_argument(
        "--url",
        metavar="URL",
        help="load a server already running over --db on this machine (http://127.0.0.1:PORT)",
    )
    args = parser.parse_args()
    if args.clients < 1 or not 1 <= args.seconds <= 600:
        parser.error("--clients must be at least 1 and --seconds within 1..600")
    if args.url and not (args.db and LOOPBACK.match(args.url)):
        parser.error("--url needs --db, and a loopback address: http://127.0.0.1:PORT")
    if args.db:
        if not args.db.is_file():
            parser.error(f"no store at {args.db}")
        return run(args.db, args.clients, args.seconds, args.profile, args.url)
    if args.articles < 5:
        parser.error("--articles must be at least 5")
    shm = Path("/dev/shm")
    where = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    tmp = Path(tempfile.mkdtemp(prefix="diplonews-load-web-", dir=where))
    try:
        db = build_store(tmp, args.articles)
        return run(db, args.clients, args.seconds, args.profile, None)
    finally:
        if args.keep:
            print(f"kept: corpus and store under {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
