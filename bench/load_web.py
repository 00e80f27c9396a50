"""Load on the web pages: event, person and search pages under concurrent readers.

    python bench/load_web.py [--db FILE] [--articles N] [--clients C] [--seconds S]
                             [--events E] [--workers N] [--cache-mb MB]
                             [--extract] [--soak-minutes M]
                             [--profile FILE] [--keep]

Without --db it builds a new SQLite store in /dev/shm where there is one, with
`diplonews ingest`: of the real corpus (../shared/corpus/vntc_subset.jsonl, 20,000
news articles; --corpus FILE) and the dev set (tests/data/dev), or with --generated of
N generated articles (--articles, default 10,000; bench/corpus.py). It then starts `diplonews serve` over the store as a
child process on a free loopback port and, for S seconds (default 30), has C clients
(default 50) each ask for one page after another over a kept-alive connection:

- event pages, `/events/{id}`, of E events (default 2,000) drawn at random offsets of
  the store;
- person pages, `/people/{id}`, of the officials those events name;
- search pages, `/search?q=…`, for those officials' names with their diacritics, and
  the same names and common words without them ("pham minh chinh", "doi thoai").

It waits until every server process accepts connections, then prints requests/s, the
share the server's page cache answered (X-Cache: hit), the p50/p95/p99 latency and the
errors of each kind of page, the server's own p50/p95 time for them (its Server-Timing
header, which the server it starts sends: web.timing), the server's CPU use (user and
system, and per request) and this script's,
the load average (the server and this script share the machine's cores with whatever
else runs), how the readers' connections were spread over the server processes, and
exits with status 1 when a kind misses p95 <= 50 ms or any request fails. The readers
are this script's own lean HTTP/1.1 client (`Reader`: a kept-alive connection each,
uvicorn's httptools parser; 0.09 ms of CPU a request where aiohttp took 0.2-0.3, on the
cores the server is measured on), timed from sending a request to the last byte of
its answer, a new connection's opening included. The more
events (--events), the more pages are asked for the first time, when the server has
to render them; --cache-mb 0 renders every request. --profile FILE samples the
server with py-spy (`pip install py-spy`) during the run: a flame graph for FILE.svg,
collapsed stacks otherwise.

--extract has one more client upload a maximum-size article (2 MB on a single line, the
slowest kind) to `POST /api/extract` again and again for the whole run: the readers'
figures are then those of requests answered while a server process extracts (in its
worker processes, within the time limit of one request; 200 and 503 both count as
answered), and the uploads' outcomes are reported on their own line.

--soak-minutes M (1..60) runs the load for M minutes instead of --seconds and prints the
server's resident memory every minute (the serve process and every process under it:
server processes, extraction workers), then its growth over the second half of the run.
With --events 20000 every page of the store is asked for, and with --extract large
extractions run all along: what a long-running server meets.

--once asks for every page of the store once, each a first render: every event (or E
with --events), every person those events name, and a search for each of them with
and without diacritics, shuffled, the 50 clients taking the next page until none is
left; it does this with the page cache on (--cache-mb) and again on a new server with
it off, and reports both (`make load`).

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
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import quote, urlsplit

import aiohttp
import httptools
import httpx2 as httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import PLAIN_QUERIES, cli_command
from corpus import write_corpus
from diplonews import api
from diplonews.kb.models import StoredEvent
from diplonews.text import fold
from scale import default_corpus

TARGET_P95_MS = 50.0
START_SECONDS = 120  # for the server to answer (a busy machine is slow to start it)
PAGE = 200  # stored events drawn at a time, from a random offset
WARM_UP_REQUESTS = 20  # per kind, before the clock starts: templates compiled, caches warm
WARM_UP_CONNECTIONS = 4  # the warm-up's, at once: a share for each server process
KINDS = ("event", "person", "search", "search, no diacritics")
MAX_TEXT = 2 * 1024 * 1024  # bytes: the largest article the server takes (web.deps.MAX_TEXT)
DEV_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"
SERVER_TIMING_ENV = "DIPLONEWS_SERVER_TIMING"  # web.timing: `Server-Timing: app;dur=MS`
SERVER_TIMING = re.compile(rb"\bapp;dur=([0-9.]+)")
T = TypeVar("T")
LOOPBACK = re.compile(r"^http://(127(\.\d{1,3}){3}|localhost|\[::1\]):\d+/?$")


# --- the store and what to ask of it ---------------------------------------------------


def build_store(folder: Path, articles: int, corpus: list[Path] | None = None) -> Path:
    """A new SQLite store, ingested by the CLI: of `corpus` (files and folders), else of
    `articles` generated articles."""
    if corpus is None:
        started = time.perf_counter()
        write_corpus(folder / "corpus", articles)
        print(f"corpus: {articles:,} articles in {time.perf_counter() - started:.1f} s")
        corpus = [folder / "corpus"]
    db = folder / "store.db"
    started = time.perf_counter()
    done = subprocess.run(
        [*cli_command(), "ingest", *map(str, corpus), "--db", str(db)],
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


def draw_urls(
    db: Path, event_pages: int = 2000, seed: int = 0, every: bool = False
) -> dict[str, list[str]]:
    """The pages each kind of client asks for, drawn from what the store holds: up to
    `event_pages` events (`every`: all of them), the people they name, and searches for
    those people."""
    rng = random.Random(seed)
    store = api.open_store(str(db), create=False)
    try:
        stored = api.counts(store)["events"]
        drawn: dict[int, StoredEvent] = {}
        if every:
            for offset in range(0, stored, PAGE):
                drawn.update((e.id, e) for e in api.events(store, limit=PAGE, offset=offset))
        for _ in range(0 if every else max(1, event_pages // PAGE)):
            offset = rng.randrange(max(stored - PAGE, 1))
            drawn.update((e.id, e) for e in api.events(store, limit=PAGE, offset=offset))
    finally:
        store.close()
    events = list(drawn.values())
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
def serving(db: Path, log: Path, workers: int, cache_mb: int) -> Iterator[tuple[str, int]]:
    """`diplonews serve` over `db` on a free loopback port: (base URL, pid). Its stderr
    goes to `log` (a pipe nobody reads would fill and stall the server)."""
    port = free_port()
    with log.open("w") as errors:
        child = subprocess.Popen(
            [*cli_command(), "serve", "--db", str(db), "--host", "127.0.0.1"]
            + ["--port", str(port), "--workers", str(workers), "--cache-mb", str(cache_mb)],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env={**os.environ, SERVER_TIMING_ENV: "1"},  # its own time on each answer
        )
    base = f"http://127.0.0.1:{port}"
    # One client for every try: each new one loads the system's CA certificates, 0.1 s
    # of CPU, which while the server starts took the cores it starts on.
    probe = httpx.Client(timeout=2)
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if child.poll() is not None:
                sys.exit(f"load_web: the server stopped: {log.read_text()[-2000:]}")
            try:
                if probe.get(base + "/").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                sys.exit(f"load_web: the server did not answer within {START_SECONDS} s")
            time.sleep(0.1)
        probe.close()
        every_process_accepting(child.pid, port, workers, deadline)
        yield base, child.pid
    finally:
        probe.close()
        child.send_signal(signal.SIGINT)  # uvicorn shuts down gracefully on SIGINT
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def every_process_accepting(pid: int, port: int, workers: int, deadline: float) -> None:
    """Wait until each of the `workers` server processes accepts connections. The
    server answers as soon as one has started; on a busy machine the others may take
    seconds more, and the readers' connections, opened at once, would all go to the
    first (seen: all 50 on one process for the first 10-18 s of a --once run, until
    `web.connections.Recycle` moved them). Checked by opening a few connections and
    seeing which processes accepted them."""
    while True:
        probes = [socket.create_connection(("127.0.0.1", port)) for _ in range(4 * workers)]
        try:
            time.sleep(0.1)  # for the processes to accept them
            holding = len(connections_by_process(pid, port))
        finally:
            for probe in probes:
                probe.close()
        if holding >= workers:
            return
        if time.monotonic() > deadline:
            sys.exit(f"load_web: {holding} of {workers} server processes accept connections")
        time.sleep(0.5)


def process_tree(pid: int) -> set[int]:
    """A process and its descendants (the server's worker processes), from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                parents[int(entry)] = int(stat.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = set(), {pid}
    while frontier:
        tree |= frontier
        frontier = {child for child, parent in parents.items() if parent in frontier} - tree
    return tree


def resident_mb(pid: int) -> tuple[float, list[float], float]:
    """Resident memory (VmRSS) of a process and its descendants, in MB: the sum, each
    process's (largest first), and the anonymous part of the sum (RssAnon: the heaps,
    not the files mapped, which the kernel can drop)."""
    sizes, anonymous = [], 0.0
    for member in process_tree(pid):
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        anon = re.search(r"^RssAnon:\s+(\d+) kB", status, re.MULTILINE)
        if found:
            sizes.append(int(found.group(1)) / 1024)
        if anon:
            anonymous += int(anon.group(1)) / 1024
    sizes.sort(reverse=True)
    return sum(sizes), sizes, anonymous


def cpu_seconds(pid: int) -> tuple[float, float]:
    """User and system CPU time so far of a process and its descendants (the server's
    worker processes), from /proc (0 where there is none)."""
    parents: dict[int, int] = {}
    times: dict[int, tuple[float, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        tick = os.sysconf("SC_CLK_TCK")
        times[int(entry)] = (int(fields[11]) / tick, int(fields[12]) / tick)
    tree, frontier = set(), {pid}
    while frontier:
        tree |= frontier
        frontier = {child for child, parent in parents.items() if parent in frontier} - tree
    user = sum(times.get(member, (0.0, 0.0))[0] for member in tree)
    system = sum(times.get(member, (0.0, 0.0))[1] for member in tree)
    return user, system


def connections_by_process(pid: int, port: int) -> list[int]:
    """Established connections to `port` each process under `pid` holds (the server
    processes'), most first: how the clients' kept-alive connections are spread."""
    established = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                established.add(fields[9])  # the socket's inode
    counts = []
    for member in process_tree(pid) - {pid}:
        try:
            links = [
                os.readlink(f"/proc/{member}/fd/{fd}") for fd in os.listdir(f"/proc/{member}/fd")
            ]
        except OSError:
            continue
        held = sum(1 for link in links if link.startswith("socket:[") and link[8:-1] in established)
        if held:
            counts.append(held)
    return sorted(counts, reverse=True)


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
        + ["--format", fmt, "--output", str(output), "--nonblocking", "--threads"]
        + ["--subprocesses"],  # the server's worker processes
        stdout=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        recorder.wait(timeout=seconds + 60)
        print(f"profile: {output}")


# --- the load -------------------------------------------------------------------------


def run_loop(main: Coroutine[Any, Any, T]) -> T:
    """`main` on uvloop where it is installed (it comes with `uvicorn[standard]`), else
    on asyncio's loop: the load generator shares the cores with the server it
    measures, and uvloop's transports cost it less CPU a request."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - Windows, or uvicorn without [standard]
        return asyncio.run(main)
    return uvloop.run(main)


@dataclass
class Tally:
    """What one kind of page did under load."""

    samples_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    kept: int = 0  # answers the server's page cache gave (X-Cache: hit)
    # the server's own ms for each answer that said it (Server-Timing), in no order
    server_ms: list[float] = field(default_factory=list)

    def fail(self, reason: str) -> None:
        self.errors[reason] = self.errors.get(reason, 0) + 1

    def percentile(self, share: float, samples: list[float] | None = None) -> float:
        ordered = sorted(self.samples_ms if samples is None else samples)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Connection(asyncio.Protocol):
    """One reader's kept-alive HTTP/1.1 connection: a GET at a time, its answer parsed
    by httptools (uvicorn's own parser) in the transport's callbacks.

    A lean client rather than aiohttp's: the load generator runs on the cores it
    measures the server on, and aiohttp took 0.19-0.29 ms of CPU a request (a fifth
    of the server's own), CPU the server then did not get. What a request is timed
    over is the same: from sending it (connecting first when the server closed the
    connection before) to the last byte of the answer read."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.answer: asyncio.Future[tuple[int, dict[bytes, bytes], bytes]] | None = None
        self.headers: dict[bytes, bytes] = {}
        self.body: list[bytes] = []
        self.open = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's: not a subclass
        self.open = True

    def connection_lost(self, exc: Exception | None) -> None:
        self.open = False
        self._fail(exc or ConnectionResetError("the server closed the connection"))

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._fail(exc)
            self.close()

    def on_message_begin(self) -> None:
        self.headers, self.body = {}, []

    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers[name.lower()] = value

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        if not self.parser.should_keep_alive():
            self.close()
        answer, self.answer = self.answer, None
        if answer is not None and not answer.done():
            status = self.parser.get_status_code()
            answer.set_result((status, self.headers, b"".join(self.body)))

    def _fail(self, exc: BaseException) -> None:
        answer, self.answer = self.answer, None
        if answer is not None and not answer.done():
            answer.set_exception(exc)

    def close(self) -> None:
        self.open = False
        if self.transport is not None:
            self.transport.close()


class Reader:
    """A reader's connection to the server, opened again whenever the server closed it
    (`web.connections.Recycle` asks for that every 25 requests)."""

    def __init__(self, base: str, timeout: float = 30.0) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.head = f"Host: {parts.netloc}\r\nUser-Agent: load_web\r\n\r\n".encode()
        self.timeout = timeout
        self.connection: Connection | None = None

    async def get(self, path: str) -> tuple[int, dict[bytes, bytes], bytes]:
        loop = asyncio.get_running_loop()
        if self.connection is None or not self.connection.open:
            _, self.connection = await loop.create_connection(Connection, self.host, self.port)
        connection = self.connection
        answer = connection.answer = loop.create_future()
        assert connection.transport is not None
        connection.transport.write(b"GET " + path.encode() + b" HTTP/1.1\r\n" + self.head)
        late = loop.call_later(self.timeout, connection._fail, TimeoutError())
        try:
            return await answer
        except BaseException:
            connection.close()  # an answer may yet come: not on this connection
            raise
        finally:
            late.cancel()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


async def warm_up(reader: Reader, urls: list[str], tally: Tally) -> None:
    for url in urls:
        await fetch(reader, url, tally)


@contextmanager
def readers_of(base: str, clients: int) -> Iterator[list[Reader]]:
    readers = [Reader(base) for _ in range(clients)]
    try:
        yield readers
    finally:
        for reader in readers:
            reader.close()


async def fetch(reader: Reader, url: str, tally: Tally) -> None:
    started = time.perf_counter()
    try:
        status, headers, body = await reader.get(url)
    except (TimeoutError, OSError, httptools.HttpParserError) as exc:
        tally.fail(type(exc).__name__)
        return
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        tally.fail(f"HTTP {status}")
    elif b"</html>" not in body:
        tally.fail("incomplete page")
    else:
        tally.samples_ms.append(elapsed)
        tally.kept += headers.get(b"x-cache") == b"hit"
        timed = SERVER_TIMING.search(headers.get(b"server-timing", b""))
        if timed:
            tally.server_ms.append(float(timed.group(1)))


def max_size_article() -> bytes:
    """Generated article sentences, all different, on one line, up to the most bytes the
    server takes: the slowest kind of article to extract (bench/bench_long.py's)."""
    from bench_long import one_line

    return one_line(MAX_TEXT / (1024 * 1024)).encode()


async def upload(session: aiohttp.ClientSession, article: bytes, tally: Tally) -> None:
    """One extraction of `article`; 200 and 503 (over the time limit) are answers."""
    form = aiohttp.FormData()
    form.add_field("file", article, filename="article.txt", content_type="text/plain")
    started = time.perf_counter()
    try:
        async with session.post("/api/extract", data=form) as response:
            await response.read()
            status = response.status
    except (TimeoutError, aiohttp.ClientError) as exc:
        tally.fail(type(exc).__name__)
        return
    tally.samples_ms.append((time.perf_counter() - started) * 1000)
    if status != 200:
        tally.fail(f"HTTP {status}")


@dataclass
class Watch:
    """What runs beside the readers: uploads of a maximum-size article (`extract`), and
    the server's memory each minute (`memory_of`, the serve process's pid)."""

    extract: bool = False
    memory_of: int | None = None
    spread_of: tuple[int, int] | None = None  # (serve's pid, port): connections per process
    spread: list[list[int]] = field(default_factory=list)  # every 2 s: connections each holds
    sampling_cpu: float = 0.0  # s of CPU the spread's samples took (not the load's)
    uploads: Tally = field(default_factory=Tally)
    resident: list[tuple[float, float, float]] = field(default_factory=list)  # min, MB, anon


async def load(
    base: str,
    urls: dict[str, list[str]],
    clients: int,
    seconds: float,
    seed: int = 0,
    watch: Watch | None = None,
    once: bool = False,
) -> tuple[dict[str, Tally], float]:
    """`clients` readers, each asking for one page after another until time is up; each
    asks for the kinds of page in turn, from its own point in the cycle. What each kind
    did, and the wall seconds the load took (the warm-up before it left out). `watch`:
    what else runs meanwhile, and what it saw.

    Each reader has a connection of its own (`Reader`, not aiohttp's nor httpx's: httpx
    spent about 2 ms of CPU a request, aiohttp 0.2-0.3, on the cores the server is
    measured on)."""
    tallies = {kind: Tally() for kind in KINDS}
    with readers_of(base, clients) as readers:
        # The warm-up over a few connections at once, so that each server process gets
        # some of it (one connection warmed one process; the other met its first pages
        # of each kind, its first statements, under the load).
        warm = Tally()
        warming = [url for kind in KINDS for url in urls[kind][:WARM_UP_REQUESTS]]
        few = readers[:WARM_UP_CONNECTIONS]
        await asyncio.gather(
            *(warm_up(reader, warming[n :: len(few)], warm) for n, reader in enumerate(few))
        )
        if warm.errors:
            sys.exit(f"load_web: errors while warming up: {warm.errors}")

        started = time.perf_counter()
        deadline = started + seconds

        queue: list[tuple[str, str]] = []  # --once: every page, shuffled, taken in turn
        if once:
            queue = [(kind, url) for kind in KINDS for url in urls[kind][WARM_UP_REQUESTS:]]
            random.Random(seed).shuffle(queue)
            queue.reverse()

        async def reader(number: int) -> None:
            rng = random.Random(seed * 1000 + number)
            turn = number
            while time.perf_counter() < deadline:
                if once:
                    if not queue:
                        return
                    kind, url = queue.pop()
                    await fetch(readers[number], url, tallies[kind])
                    continue
                kind = KINDS[turn % len(KINDS)]
                turn += 1
                await fetch(readers[number], rng.choice(urls[kind]), tallies[kind])

        async def uploader(seen: Watch) -> None:
            article = max_size_article()
            # A session of its own: the readers keep every connection of theirs busy.
            waiting = aiohttp.ClientTimeout(total=120)
            async with aiohttp.ClientSession(base, timeout=waiting) as own:
                while time.perf_counter() < deadline:
                    await upload(own, article, seen.uploads)

        async def memory(seen: Watch, pid: int) -> None:
            minute = 0
            while True:
                total, each, anonymous = resident_mb(pid)
                answered = sum(len(t.samples_ms) for t in tallies.values())
                seen.resident.append((minute, total, anonymous))
                shown = " + ".join(f"{size:.0f}" for size in each)
                print(
                    f"minute {minute}: server RSS {total:,.0f} MB ({shown}; anonymous "
                    f"{anonymous:,.0f}); {answered:,} requests answered, "
                    f"{len(seen.uploads.samples_ms)} extractions",
                    flush=True,
                )
                if time.perf_counter() + 60 > deadline + 1:
                    return
                minute += 1
                await asyncio.sleep(max(0.0, started + 60 * minute - time.perf_counter()))

        readers_done = asyncio.Event()

        async def spread(seen: Watch, pid: int, port: int) -> None:
            """Every 2 s while the readers read (they have all connected by the first),
            in a thread: reading /proc/net/tcp, thousands of lines once connections
            are recycled, took 20-50 ms, which on the event loop held every reader's
            answer that long (and their latencies with it). Its CPU is counted apart
            from the load generator's (`Watch.sampling_cpu`)."""

            def sample() -> list[int]:
                started = time.thread_time()
                try:
                    return connections_by_process(pid, port)
                finally:
                    seen.sampling_cpu += time.thread_time() - started

            while True:
                try:
                    await asyncio.wait_for(readers_done.wait(), 2.0)
                    return
                except TimeoutError:
                    seen.spread.append(await asyncio.to_thread(sample))

        extra = []
        if watch is not None and watch.spread_of is not None:
            extra.append(spread(watch, *watch.spread_of))
        if watch is not None and watch.extract:
            extra.append(uploader(watch))
        if watch is not None and watch.memory_of is not None:
            extra.append(memory(watch, watch.memory_of))
        beside = asyncio.gather(*extra)
        await asyncio.gather(*(reader(n) for n in range(clients)))
        readers_done.set()
        wall = time.perf_counter() - started  # the readers' time: an upload may go on
        await beside
        if watch is not None and watch.memory_of is not None:
            total, _, anonymous = resident_mb(watch.memory_of)
            watch.resident.append((wall / 60, total, anonymous))
            print(
                f"end ({wall / 60:.1f} min): server RSS {total:,.0f} MB "
                f"(anonymous {anonymous:,.0f})",
                flush=True,
            )
        return tallies, wall


# --- the report -----------------------------------------------------------------------


def report(
    tallies: dict[str, Tally],
    seconds: float,
    server_cpu: tuple[float, float] | None,
    client_cpu: float,
    warm_up: int = 0,
) -> bool:
    """Print the table; whether every target is met. `server_cpu`: user and system
    seconds, None when the server is not this script's child; `warm_up`: requests it
    served before the clock started (in its CPU, not in the table).

    "server p50/p95" is the server process's own time (its Server-Timing header, from
    the request reaching the application to the answer starting): the rest of a
    client's latency is waiting in socket queues, behind other requests in the
    server's event loop, and for the client's own process to run."""
    rows = [
        (
            "page",
            "requests",
            "req/s",
            "cached",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "server p50",
            "server p95",
            "errors",
            "p95 target",
        )
    ]
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
                f"{tally.kept / done:.0%}" if done else "-",
                f"{tally.percentile(0.5):.1f}",
                f"{p95:.1f}",
                f"{tally.percentile(0.99):.1f}",
                f"{tally.percentile(0.5, tally.server_ms):.2f}",
                f"{tally.percentile(0.95, tally.server_ms):.2f}",
                ", ".join(f"{n} {why}" for why, n in tally.errors.items()) or "0",
                f"<= {TARGET_P95_MS:.0f} {'ok' if ok else 'MISSED'}",
            )
        )
    every = Tally(
        [s for t in tallies.values() for s in t.samples_ms],
        server_ms=[s for t in tallies.values() for s in t.server_ms],
    )
    rows.append(
        (
            "all",
            f"{total:,}",
            f"{total / seconds:,.0f}",
            f"{sum(t.kept for t in tallies.values()) / total:.0%}" if total else "-",
            f"{every.percentile(0.5):.1f}",
            f"{every.percentile(0.95):.1f}",
            f"{every.percentile(0.99):.1f}",
            f"{every.percentile(0.5, every.server_ms):.2f}",
            f"{every.percentile(0.95, every.server_ms):.2f}",
            str(sum(sum(t.errors.values()) for t in tallies.values())),
            "",
        )
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    if server_cpu is not None:
        user, system = server_cpu
        served = total + warm_up
        per_request = (user + system) * 1000 / served if served else 0.0
        print(
            f"server CPU {(user + system) / seconds:.0%} of one core, {per_request:.2f} ms a "
            f"request (user {user * 1000 / max(served, 1):.2f}, system "
            f"{system * 1000 / max(served, 1):.2f}); this load generator "
            f"{client_cpu / seconds:.0%}, {client_cpu * 1000 / max(served, 1):.2f} ms a "
            f"request; {os.cpu_count()} cores; load average "
            f"{' '.join(f'{n:.1f}' for n in os.getloadavg())}"
        )
    return met


def run(db: Path, args: argparse.Namespace, url: str | None) -> int:
    """The load of the options in `args` on a server over `db` (started here, unless
    `url` names one already running)."""
    urls = draw_urls(db, args.events, every=args.once and not args.events_given)
    seconds = args.soak_minutes * 60 if args.soak_minutes else args.seconds
    if args.once:
        seconds = 600.0  # a limit: the run ends when every page has been asked for
    print(
        "pages: "
        + ", ".join(f"{len(found):,} {kind}" for kind, found in urls.items())
        + f"; {args.clients} clients for {seconds:.0f} s"
        + ("; one more uploading a 2 MB article again and again" if args.extract else ""),
        flush=True,
    )
    if url:  # a server started by hand, e.g. with several uvicorn workers
        watch = Watch(extract=args.extract)
        tallies, wall = run_loop(
            load(url, urls, args.clients, seconds, watch=watch, once=args.once)
        )
        met = report(tallies, wall, None, 0.0)
        report_watch(watch)
        print("targets met" if met else "below target")
        return 0 if met else 1
    log = Path(tempfile.mkstemp(prefix="diplonews-serve-", suffix=".log")[1])
    with serving(db, log, args.workers, args.cache_mb) as (base, pid):
        print(f"server: {base} (pid {pid})", flush=True)
        watch = Watch(extract=args.extract, memory_of=pid if args.soak_minutes else None)
        watch.spread_of = (pid, int(base.rsplit(":", 1)[1]))
        with profiling(pid, seconds, args.profile):
            cpu_before, own_before = cpu_seconds(pid), time.process_time()
            tallies, wall = run_loop(
                load(base, urls, args.clients, seconds, watch=watch, once=args.once)
            )
            cpu_after = cpu_seconds(pid)
            client_cpu = time.process_time() - own_before - watch.sampling_cpu
    server_cpu = (cpu_after[0] - cpu_before[0], cpu_after[1] - cpu_before[1])
    warm_up = sum(min(WARM_UP_REQUESTS, len(urls[kind])) for kind in KINDS)
    met = report(tallies, wall, server_cpu, client_cpu, warm_up)
    report_watch(watch)
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


def run_all(db: Path, args: argparse.Namespace, url: str | None) -> int:
    """`run`; with --once (on a server started here) again with the page cache off."""
    if not args.once or url or args.cache_mb == 0:
        return run(db, args, url)
    print(f"--- page cache on ({args.cache_mb} MB)", flush=True)
    status = run(db, args, url)
    print("--- page cache off (--cache-mb 0), a new server", flush=True)
    args.cache_mb = 0
    run(db, args, url)  # reported, not a target
    return status


def report_watch(watch: Watch) -> None:
    """How the connections were spread over the server processes, the uploads'
    outcomes, and the memory curve's growth over its second half."""
    if watch.spread:
        print(
            "readers' connections held by each server process, every 2 s: "
            + ", ".join("/".join(map(str, counts)) for counts in watch.spread)
            + f" (sampled in {watch.sampling_cpu * 1000:.0f} ms of CPU, not counted above)"
        )
    if watch.extract:
        done = watch.uploads
        answers = len(done.samples_ms)
        refused = ", ".join(f"{n} {why}" for why, n in done.errors.items()) or "none"
        print(
            f"2 MB extractions: {answers} answered (p50 {done.percentile(0.5) / 1000:.1f} s, "
            f"max {max(done.samples_ms, default=0) / 1000:.1f} s); not 200: {refused}"
        )
    if len(watch.resident) >= 3:
        curve = ", ".join(f"{total:,.0f}" for _, total, _ in watch.resident)
        half = watch.resident[len(watch.resident) // 2][1]
        last = watch.resident[-1][1]
        anonymous = ", ".join(f"{anon:,.0f}" for _, _, anon in watch.resident)
        print(f"server RSS each minute (MB): {curve}; anonymous: {anonymous}")
        print(f"second half of the run: {last - half:+,.0f} MB ({(last - half) / half:+.1%})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing SQLite store (else one is built)")
    parser.add_argument(
        "--articles", type=int, default=10_000, metavar="N", help="--generated articles"
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=default_corpus(),
        metavar="FILE",
        help="the real articles the store is built from (with the dev set)",
    )
    parser.add_argument(
        "--generated", action="store_true", help="build it of generated articles instead"
    )
    parser.add_argument(
        "--once",
        action="store_true",
        help="every page once (first renders), cache on then off; the default of `make load`",
    )
    parser.add_argument("--clients", type=int, default=50, metavar="C", help="concurrent readers")
    parser.add_argument(
        "--seconds", type=float, default=30.0, metavar="S", help="length of the run"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="server processes (`serve --workers`; default: the cores)",
    )
    parser.add_argument(
        "--events",
        type=int,
        default=None,
        metavar="E",
        help="events whose pages are asked for (with their people and searches for them; "
        "default 2,000, with --once every event)",
    )
    parser.add_argument(
        "--cache-mb",
        type=int,
        default=64,
        metavar="MB",
        help="the server's page cache (`serve --cache-mb`; 0: every page rendered)",
    )
    parser.add_argument(
        "--extract",
        action="store_true",
        help="one more client uploads a 2 MB one-line article to /api/extract all along",
    )
    parser.add_argument(
        "--soak-minutes",
        type=int,
        default=0,
        metavar="M",
        help="run M minutes (1..60, instead of --seconds), printing the server's RSS each minute",
    )
    parser.add_argument("--profile", type=Path, metavar="FILE", help="sample the server (py-spy)")
    parser.add_argument("--keep", action="store_true", help="keep the built corpus and store")
    parser.add_argument(
        "--url",
        metavar="URL",
        help="load a server already running over --db on this machine (http://127.0.0.1:PORT)",
    )
    args = parser.parse_args()
    args.events_given = args.events is not None
    if args.events is None:
        args.events = 2000
    if args.once and (args.soak_minutes or args.extract):
        parser.error("--once is not for --soak-minutes or --extract")
    if min(args.clients, args.workers, args.events) < 1 or args.cache_mb < 0:
        parser.error("--clients, --workers and --events must be at least 1, --cache-mb >= 0")
    if not 1 <= args.seconds <= 600:
        parser.error("--seconds must be within 1..600")
    if not 0 <= args.soak_minutes <= 60:
        parser.error("--soak-minutes must be within 1..60")
    if args.soak_minutes and args.url:
        parser.error("--soak-minutes measures a server it starts: not with --url")
    if args.url and not (args.db and LOOPBACK.match(args.url)):
        parser.error("--url needs --db, and a loopback address: http://127.0.0.1:PORT")
    if args.db:
        if not args.db.is_file():
            parser.error(f"no store at {args.db}")
        return run_all(args.db, args, args.url)
    if not args.generated and not args.corpus.is_file():
        parser.error(f"{args.corpus}: no such corpus (--corpus FILE, or --generated)")
    if args.articles < 5:
        parser.error("--articles must be at least 5")
    shm = Path("/dev/shm")
    where = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    tmp = Path(tempfile.mkdtemp(prefix="diplonews-load-web-", dir=where))
    try:
        corpus = None if args.generated else [args.corpus, *sorted(DEV_SET.glob("*.txt"))]
        db = build_store(tmp, args.articles, corpus)
        return run_all(db, args, None)
    finally:
        if args.keep:
            print(f"kept: corpus and store under {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
