"""Speed and memory of the knowledge base: ingest, re-ingest and queries.

    python bench/bench_store.py [--articles N] [--repeats R] [--keep]

Writes a corpus of N distinct generated articles (default 10,000; bench/corpus.py, with
its 2% near-duplicates and 10% second reports of an event) and a corpus of its first
N/5, into /dev/shm where there is one, so the figures measure the store rather than a
cold disk. Then it measures, on this machine:

- `diplonews ingest FOLDER --db FILE` into a fresh SQLite store, as a child process,
  start-up included, at N/5 and N articles: wall seconds and peak memory, both the
  child's own peak RSS (os.wait4, as bench/bench.py reads it) and the peak PSS of the
  child and its extraction workers together, sampled from /proc. Flat memory across
  the two sizes shows the corpus is streamed, not held.
- the same command again over the same folder and store: wall seconds, and the store's
  counts, which must not change;
- queries through the library API on the N-article store, in-process: p50 and p95 over
  at least 200 calls of each kind (events by parties and years, by series, by person;
  people by name; search without diacritics; the ASEAN-Korea timeline; questions to
  `api.ask`, of every kind, half without diacritics, target p95 <= 100 ms).

--queries-only DB measures the queries alone, on a store kept earlier.

Ingest runs are repeated (default 2, fresh store each time) and the fastest is
reported, as timeit does: this shared VM's speed wanders from minute to minute. It
prints a table of figure, value, target and whether it is met, and exits with status 1
when a target is missed. --keep keeps the corpus and the store and prints where.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus
from diplonews import api
from diplonews.extract.lexicons import load as load_lexicons
from diplonews.text import fold

TARGET_INGEST_S = 60.0  # the full corpus, start-up included
TARGET_RSS_MB = 400.0  # at both sizes, the child alone and with its workers
TARGET_REINGEST_S = 10.0
TARGET_P95_MS = 20.0
TARGET_ASK_P95_MS = 100.0  # a question: reading it, then several queries
QUERY_CALLS = 200  # per kind of query
REPEATS = 2  # ingest runs per size; the fastest is reported
SAMPLE_PAGES, PAGE = 10, 200  # stored events the query parameters are drawn from
# Words a user types without diacritics ("đối thoại" → "doi thoai").
PLAIN_QUERIES = (
    "doi thoai",
    "hoi dam",
    "thuong mai",
    "dau tu",
    "bien doi khi hau",
    "chuyen doi so",
    "doi tac chien luoc toan dien",
    "kim ngach thuong mai",
)


def cli_command() -> list[str]:
    """The installed console script beside this interpreter, else the module itself."""
    script = Path(sys.executable).parent / "diplonews"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from diplonews.cli.main import main; main()"]


class TreeMemory:
    """Samples the memory of a process and its descendants from /proc, in a thread.

    Each process counts its proportional set size (PSS: private pages, plus shared ones
    divided among the processes sharing them), so worker processes forked from the
    parent do not count the pages they share with it twice, as summed RSS would.
    """

    def __init__(self, pid: int, every: float = 0.1) -> None:
        self.pid, self.every, self.peak_mb = pid, every, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, self._tree_rss() / (1024 * 1024))
            self._stop.wait(self.every)

    def _tree_rss(self) -> int:
        parents: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", "rb") as stat:
                        # pid (comm) state ppid …: comm may hold spaces, so split after ')'
                        parents[int(entry)] = int(stat.read().rsplit(b")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        tree, frontier = {self.pid}, [self.pid]
        while frontier:
            parent = frontier.pop()
            for pid, ppid in parents.items():
                if ppid == parent and pid not in tree:
                    tree.add(pid)
                    frontier.append(pid)
        total = 0
        for pid in tree:
            try:
                with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
                    for line in rollup:
                        if line.startswith(b"Pss:"):
                            total += int(line.split()[1]) * 1024
                            break
            except (OSError, IndexError, ValueError):
                continue
        return total

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb


@dataclass
class Run:
    seconds: float
    rss_mb: float  # the child's own peak resident set size (wait4)
    tree_mb: float  # the peak PSS of the child and its workers together (sampled)
    status: int
    errors: list[str] = field(default_factory=list)  # "diplonews: <path>: <reason>" lines
    summary: str = ""  # its last other stderr line: "1,976 articles added, 24 duplicates …"


def run_ingest(folder: Path, db: Path) -> Run:
    """One `diplonews ingest FOLDER --db DB` child, measured."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(
            [*cli_command(), "ingest", str(folder), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        memory = TreeMemory(child.pid)
        # wait4 gives this child's own rusage (its largest process, workers included once
        # reaped); the tree sampler adds the workers up while they run.
        _, wait_status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        tree_mb = memory.stop()
        child.returncode = os.waitstatus_to_exitcode(wait_status)
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").splitlines()
    rss_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    failures = [line for line in lines if line.startswith("diplonews: ")]
    others = [line for line in lines if not line.startswith("diplonews: ")]
    summary = others[-1] if others else ""
    return Run(seconds, rss_mb, tree_mb, child.returncode, failures, summary)


def fresh_ingest(folder: Path, db: Path, repeats: int) -> Run:
    """The fastest of `repeats` ingests, each into a new store at `db`."""
    best = None
    for _ in range(repeats):
        for stale in db.parent.glob(db.name + "*"):  # the file and its -wal, -shm
            stale.unlink()
        run = run_ingest(folder, db)
        if best is None or run.seconds < best.seconds:
            best = run
    assert best is not None
    return best


def counts(db: Path) -> dict[str, int]:
    store = api.open_store(str(db), create=False)
    try:
        return api.counts(store)
    finally:
        store.close()


@dataclass
class Latency:
    name: str
    samples_ms: list[float]
    results: int  # rows returned over all calls: a query that finds nothing proves little
    target_ms: float | None = TARGET_P95_MS  # p95 target, if any

    def percentile(self, share: float) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(
    name: str, calls: list[Callable[[], list[object]]], target_ms: float | None = TARGET_P95_MS
) -> Latency:
    calls[0]()  # warm: lexicons loaded, statements prepared
    samples, results = [], 0
    for call in calls:
        started = time.perf_counter()
        found = call()
        samples.append((time.perf_counter() - started) * 1000)
        results += len(found)
    return Latency(name, samples, results, target_ms)


def measure_queries(db: Path, calls: int, seed: int = 0) -> list[Latency]:
    """p50/p95 of each kind of query, parameters drawn from what the store holds."""
    rng = random.Random(seed)
    store = api.open_store(str(db), create=False)
    try:
        # Pages at random offsets: the newest events alone would cover a year or two.
        stored = api.counts(store)["events"]
        sample = []
        for _ in range(SAMPLE_PAGES):
            offset = rng.randrange(max(stored - PAGE, 1))
            sample += api.events(store, limit=PAGE, offset=offset)
        dated = [e for e in sample if e.date and len(e.parties) >= 2]
        series = sorted({e.series for e in sample if e.series})
        names = sorted({p.name for e in sample for p in e.participants if p.person_id})
        if not (dated and series and names):
            sys.exit(f"bench: the store at {db} holds too little to query")

        def by_parties() -> Callable[[], list[object]]:
            event = rng.choice(dated)
            year = int(event.date[:4]) if event.date else 2020
            pair = rng.sample(event.parties, 2)
            return lambda: list(
                api.events(store, parties=pair, year_from=year - 1, year_to=year + 1)
            )

        def pick(
            values: list[str], query: Callable[[str], list[object]]
        ) -> Callable[[], list[object]]:
            value = rng.choice(values)
            return lambda: list(query(value))

        plain_names = [fold(n) for n in names]
        plain = plain_names + list(PLAIN_QUERIES)
        questions = questions_about(dated, series, names, rng)

        def ask_call(pool: list[str]) -> Callable[[], list[object]]:
            question = rng.choice(pool)
            return lambda: [api.ask(store, question)]

        return [
            timed("events(parties, years)", [by_parties() for _ in range(calls)]),
            timed(
                "events(series)",
                [pick(series, lambda s: api.events(store, series=s)) for _ in range(calls)],
            ),
            timed(
                "events(person)",
                [pick(names, lambda n: api.events(store, person=n)) for _ in range(calls)],
            ),
            timed(
                "people(name, half without diacritics)",
                [pick(names + plain_names, lambda n: api.people(store, n)) for _ in range(calls)],
            ),
            timed(
                "search(no diacritics)",
                [pick(plain, lambda q: api.search(store, q)) for _ in range(calls)],
            ),
            timed(
                'timeline("ASEAN", "KOR")',
                [lambda: list(api.timeline(store, "ASEAN", "KOR")) for _ in range(calls)],
                target_ms=None,
            ),
            timed(
                "ask(question, half without diacritics)",
                [ask_call(questions) for _ in range(calls)],
                target_ms=TARGET_ASK_P95_MS,
            ),
        ]
    finally:
        store.close()


def questions_about(
    dated: list[Any], series: list[str], names: list[str], rng: random.Random
) -> list[str]:
    """Questions of each kind `diplonews ask` answers, about what the store holds."""
    lex = load_lexicons()
    short = {code: p.short_en for code, p in lex.parties.items()}
    asked = []
    for event in rng.sample(dated, min(40, len(dated))):
        a, b = (short.get(c, c) for c in event.parties[:2])
        year = event.date[:4]
        asked += [
            f"When did {a} and {b} last meet?",
            fold(f"Lần gần nhất {a} và {b} gặp nhau là khi nào?"),
            f"How many meetings between {a} and {b} from {int(year) - 2} to {year}?",
            f"Which meetings are planned next for {a} and {b}?",
        ]
    for name in rng.sample(series, min(20, len(series))):
        asked += [f"Who chaired the {name}?", f"Where was the {name} held?"]
    for name in rng.sample(names, min(20, len(names))):
        asked += [f"Who is {name}?", fold(f"{name} đã gặp những ai?")]
    return asked


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.met = True

    def add(self, figure: str, value: str, target: str = "", ok: bool | None = None) -> None:
        mark = "" if ok is None else ("ok" if ok else "MISSED")
        self.met = self.met and ok is not False
        self.rows.append((figure, value, target, mark))

    def print(self) -> None:
        widths = [
            max(len(r[i]) for r in [("figure", "value", "target", "ok"), *self.rows])
            for i in range(4)
        ]
        for row in [("figure", "value", "target", "ok"), *self.rows]:
            print(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )


def report_ingest(table: Table, label: str, run: Run, target_s: float | None) -> None:
    """The rows of one measured ingest; failures and a non-zero exit miss a target."""
    table.add(
        f"{label}: wall s",
        f"{run.seconds:.1f}",
        f"<= {target_s:.0f}" if target_s else "",
        run.seconds <= target_s if target_s else None,
    )
    table.add(
        f"{label}: peak RSS MB, child (wait4)",
        f"{run.rss_mb:.0f}",
        f"<= {TARGET_RSS_MB:.0f}",
        run.rss_mb <= TARGET_RSS_MB,
    )
    table.add(
        f"{label}: peak PSS MB, child + workers",
        f"{run.tree_mb:.0f}",
        f"<= {TARGET_RSS_MB:.0f}",
        run.tree_mb <= TARGET_RSS_MB,
    )
    if run.status != 0 or run.errors:
        table.add(
            f"{label}: exit status, failures", f"{run.status}, {len(run.errors)}", "0, 0", False
        )
        print(f"{label}: exit status {run.status}; {run.errors[:1]}")


def bench(total: int, repeats: int, keep: bool) -> int:
    shm = Path("/dev/shm")
    where = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    tmp = Path(tempfile.mkdtemp(prefix="diplonews-bench-store-", dir=where))
    table = Table()
    try:
        small = max(total // 5, 1)
        started = time.perf_counter()
        write_corpus(tmp / "small", small)  # the same seed: the first N/5 of the full one
        write_corpus(tmp / "full", total)
        print(
            f"corpus: {small:,} and {total:,} generated articles written in "
            f"{time.perf_counter() - started:.1f} s under {tmp}; ingest best of {repeats}",
            flush=True,
        )
        db = tmp / "store.db"
        for size, folder in ((small, tmp / "small"), (total, tmp / "full")):
            run = fresh_ingest(folder, db, repeats)
            print(f"ingest {size:,}: {run.seconds:.1f} s; {run.summary}", flush=True)
            label = f"ingest {size:,} articles"
            # The wall target is for the full corpus; the small run is there for memory.
            report_ingest(table, label, run, TARGET_INGEST_S if size == total else None)
            found = counts(db)
            table.add(f"{label}: articles/s", f"{size / run.seconds:,.0f}")
            table.add(
                f"{label}: stored articles / events / people",
                f"{found['articles']:,} / {found['events']:,} / {found['people']:,}",
            )

        before = counts(db)
        again = min((run_ingest(tmp / "full", db) for _ in range(repeats)), key=lambda r: r.seconds)
        print(f"re-ingest {total:,}: {again.seconds:.1f} s; {again.summary}", flush=True)
        report_ingest(table, f"re-ingest {total:,}", again, TARGET_REINGEST_S)
        after = counts(db)
        changed = [f"{k} {before[k]}->{after.get(k)}" for k in before if before[k] != after.get(k)]
        table.add(
            f"re-ingest {total:,}: store counts changed",
            ", ".join(changed) or "none",
            "none",
            not changed,
        )

        add_latencies(table, db)
    finally:
        if keep:
            print(f"kept: corpus and store under {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print()
    table.print()
    print("targets met" if table.met else "below target")
    return 0 if table.met else 1


def add_latencies(table: Table, db: Path) -> None:
    for latency in measure_queries(db, QUERY_CALLS):
        p95 = latency.percentile(0.95)
        calls = len(latency.samples_ms)
        table.add(
            f"{latency.name}: p50 / p95 ms ({calls} calls, {latency.results / calls:.1f} rows)",
            f"{latency.percentile(0.5):.1f} / {p95:.1f}",
            f"p95 <= {latency.target_ms:.0f}" if latency.target_ms else "",
            (p95 <= latency.target_ms and latency.results > 0) if latency.target_ms else None,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, metavar="N", help="corpus size")
    parser.add_argument(
        "--repeats", type=int, default=REPEATS, metavar="R", help="ingest runs per size"
    )
    parser.add_argument("--keep", action="store_true", help="keep the corpus and the store")
    parser.add_argument(
        "--queries-only",
        type=Path,
        metavar="DB",
        help="only the query latencies, on an existing store (e.g. one kept by --keep)",
    )
    args = parser.parse_args()
    if args.queries_only:
        table = Table()
        add_latencies(table, args.queries_only)
        table.print()
        return 0 if table.met else 1
    if args.articles < 5:
        parser.error("--articles must be at least 5")
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    return bench(args.articles, args.repeats, args.keep)


if __name__ == "__main__":
    sys.exit(main())
