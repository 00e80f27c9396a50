"""How each cost grows with the work: the scaling table of `make bench`, on real news.

    python bench/scale.py [--sizes 1000,5000,20000,100000] [--corpus FILE] [--generated]
                          [--postgres URL] [--no-postgres] [--calls N] [--json FILE] [--keep]

At each size N it takes the first N articles of the corpus (default
../shared/corpus/vntc_subset.jsonl: 20,000 Vietnamese news articles); past the corpus's
size it repeats it with perturbations (`perturbed`: years moved, every 15th word
swapped with the 7th after it, so each repetition is a distinct article to the exact
hash and to MinHash, not a near-duplicate). --generated uses bench/corpus.py's generated
articles instead (cleaner and more repetitive than real news: figures flatter). Each
size is written as one JSONL file into /dev/shm where there is one, and measured:

- extraction: `extract_doc` over the N articles in this process, one core (up to 20,000
  articles: the rate is flat past that);
- ingest: `diplonews ingest FILE --db NEW` as a child process, start-up included, into
  a new SQLite store and (with $DIPLONEWS_TEST_POSTGRES or --postgres) a new PostgreSQL
  database: articles/s, the CPU seconds of the child and its workers per article (and
  split: the child's own, sampled from /proc until it ends, its workers', and on a
  local PostgreSQL server the server's processes'), and the peak PSS of the child and
  its workers together (sampled from /proc);
- re-ingest of the same file, unchanged, into the same store (seconds, start-up included);
- store bytes per article: the whole store, and by table (`dbstat` on SQLite,
  `pg_total_relation_size` on PostgreSQL), beside the article text (UTF-8 bytes);
- queries through the library API, in process, p95 over --calls calls (default 200):
  events by party and year, search, person page (`api.person` and the events they
  attended), timeline between two parties.

The table is printed in Markdown (the README's scaling table is one such run); --json
writes every figure. Timing figures are those of the machine at the time: on a shared
machine run it when it is quiet (`uptime`), and compare CPU seconds per article, which
suffer less from other processes than wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import TreeMemory, cli_command
from diplonews import api
from diplonews.extract import extract_doc
from diplonews.extract.lexicons import load as load_lexicons
from diplonews.extract.reading import Source, read_file

ROOT = Path(__file__).resolve().parent.parent


def default_corpus() -> Path:
    """../shared/corpus/vntc_subset.jsonl beside the checkout (or beside a folder above
    it, for a git worktree), else $DIPLONEWS_CORPUS."""
    if os.environ.get("DIPLONEWS_CORPUS"):
        return Path(os.environ["DIPLONEWS_CORPUS"])
    for folder in ROOT.parents:
        candidate = folder / "shared" / "corpus" / "vntc_subset.jsonl"
        if candidate.is_file():
            return candidate
    return ROOT.parent / "shared" / "corpus" / "vntc_subset.jsonl"


SIZES = (1_000, 5_000, 20_000, 100_000)
EXTRACT_MAX = 20_000  # articles extracted in process for the extraction rate
CALLS = 200
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


# --- corpora ---------------------------------------------------------------------------


def corpus_lines(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def perturbed(record: dict[str, Any], round_: int) -> dict[str, Any]:
    """The `round_`-th repetition of an article: its years moved by `round_`, and every
    15th word swapped with the 7th after it (about 13% of the words moved, so most
    5-word shingles change: another article to MinHash, still Vietnamese news)."""
    text = _YEAR.sub(lambda m: str(int(m.group()) + round_), record["text"])
    words = text.split(" ")
    for i in range(round_ % 15, len(words) - 7, 15):
        words[i], words[i + 7] = words[i + 7], words[i]
    out = dict(record)
    out["id"] = f"{record['id']}#r{round_}"
    out["text"] = " ".join(words)
    return out


def real_articles(path: Path, count: int) -> Iterator[dict[str, Any]]:
    base = corpus_lines(path)
    for n in range(count):
        round_, index = divmod(n, len(base))
        yield base[index] if round_ == 0 else perturbed(base[index], round_)


def generated_articles(count: int) -> Iterator[dict[str, Any]]:
    from corpus import write_corpus

    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), count)
        for path in sorted(Path(folder).rglob("*.txt")):
            yield {"id": path.stem, "text": path.read_text(encoding="utf-8")}


def write_jsonl(records: Iterator[dict[str, Any]], path: Path) -> tuple[int, int]:
    """(articles, their text in UTF-8 bytes)."""
    count = size = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
            size += len(record["text"].encode("utf-8"))
    return count, size


# --- measurements ----------------------------------------------------------------------


@dataclass
class Ingest:
    seconds: float
    cpu_seconds: float  # the child and its workers, user + system
    peak_mb: float  # PSS of the child and its workers together, sampled
    summary: str
    main_cpu_seconds: float = 0.0  # the child alone (the reading and writing process)
    server_cpu_seconds: float | None = None  # a local PostgreSQL server's processes
    reingest_seconds: float = 0.0
    bytes_total: int = 0
    bytes_by_table: dict[str, int] = field(default_factory=dict)


class OwnCpu:
    """The CPU seconds of one process alone (not its children), sampled from
    /proc/PID/stat in a thread until it ends: the last sample misses at most `every`
    seconds of its CPU."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.path = Path(f"/proc/{pid}/stat")
        self.every = every
        self.seconds = 0.0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        while not self.done.is_set():
            try:  # utime and stime: fields 14 and 15, after the command's ")"
                fields = self.path.read_text().rsplit(")", 1)[1].split()
                self.seconds = (int(fields[11]) + int(fields[12])) / tick
            except (OSError, IndexError, ValueError):
                return
            self.done.wait(self.every)

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        return self.seconds


def server_cpu(server: str) -> float | None:
    """CPU seconds so far of a PostgreSQL server on this machine: its processes alive
    and those its postmaster reaped (backends that ended); None when it is elsewhere or
    /proc does not show it. Other clients of the server count too."""
    import psycopg

    try:
        with psycopg.connect(server) as connection:  # its parent, while it lives
            row = connection.execute("SELECT pg_backend_pid()").fetchone()
            stat = Path(f"/proc/{int(row[0]) if row else 0}/stat").read_text()
        postmaster = int(stat.rsplit(")", 1)[1].split()[1])
        tick = os.sysconf("SC_CLK_TCK")
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            pid = int(stat.parent.name)
            if pid == postmaster:  # its own, and that of the children it reaped
                total += sum(int(f) for f in fields[11:15])
            elif int(fields[1]) == postmaster:
                total += int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError, psycopg.Error):
        return None
    return total / tick


def run_cli(args: list[str]) -> tuple[float, float, float, str, float]:
    """(wall s, CPU s of the child and its reaped workers, peak tree PSS MB, last line,
    CPU s of the child alone)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen([*cli_command(), *args], stdout=subprocess.DEVNULL, stderr=errors)
        memory = TreeMemory(child.pid)
        own = OwnCpu(child.pid)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        peak = memory.stop()
        main_cpu = own.stop()
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").strip().splitlines()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"scale: {' '.join(args)} failed: {lines[-3:]}")
    total = usage.ru_utime + usage.ru_stime
    return seconds, total, peak, lines[-1] if lines else "", main_cpu


def sqlite_tables(db: Path) -> dict[str, int]:
    """Bytes by table, its indexes and (for search) FTS5 shadow tables counted with it."""
    connection = sqlite3.connect(db)
    try:
        owner = dict(connection.execute("SELECT name, tbl_name FROM sqlite_master"))
        sizes: dict[str, int] = {}
        for name, size in connection.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
            table = owner.get(name, name)
            if table.startswith("search_") and table != "search_entries":
                table = "search"  # FTS5's search_data, search_idx, search_docsize, …
            sizes[table] = sizes.get(table, 0) + int(size)
    finally:
        connection.close()
    return dict(sorted(sizes.items(), key=lambda kv: -kv[1]))


def postgres_tables(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname = current_schema() ORDER BY 2 DESC"
        ).fetchall()
    return {name: int(size) for name, size in rows}


def ingest_sqlite(jsonl: Path, folder: Path) -> Ingest:
    db = folder / "store.db"
    for stale in folder.glob("store.db*"):
        stale.unlink()
    seconds, cpu, peak, summary, main_cpu = run_cli(["ingest", str(jsonl), "--db", str(db)])
    again, *_ = run_cli(["ingest", str(jsonl), "--db", str(db)])
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    tables = sqlite_tables(db)
    return Ingest(seconds, cpu, peak, summary, main_cpu, None, again, db.stat().st_size, tables)


def ingest_postgres(jsonl: Path, server: str) -> tuple[Ingest, str]:
    """Into a new database on the server (kept for the queries; dropped by `drop`)."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    name = f"diplonews_scale_{os.getpid()}_{random.randrange(10**6)}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'")
    url = urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    before = server_cpu(server)
    seconds, cpu, peak, summary, main_cpu = run_cli(["ingest", str(jsonl), "--db", url])
    after = server_cpu(server)
    used = after - before if before is not None and after is not None else None
    again, *_ = run_cli(["ingest", str(jsonl), "--db", url])
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    tables = postgres_tables(url)
    total = sum(tables.values())
    return Ingest(seconds, cpu, peak, summary, main_cpu, used, again, total, tables), url


def drop_postgres(server: str, url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def extraction_rate(jsonl: Path, limit: int) -> float:
    lexicons = load_lexicons()
    items = [
        i for _, i in zip(range(limit), read_file(jsonl), strict=False) if isinstance(i, Source)
    ]
    extract_doc(items[0].text, items[0].doc_id, lexicons=lexicons)  # warm
    started = time.process_time()
    for item in items:
        extract_doc(
            item.text, item.doc_id, published=item.published, url=item.url, lexicons=lexicons
        )
    return len(items) / (time.process_time() - started)


def p95(calls: list[Callable[[], object]]) -> float:
    calls[0]()
    samples = []
    for call in calls:
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]


def query_p95(url: str, calls: int, seed: int = 0) -> dict[str, float]:
    """p95 ms of each kind of query, its parameters drawn from what the store holds."""
    rng = random.Random(seed)
    store = api.open_store(url, create=False)
    try:
        events = api.events(store, limit=5000)
        dated = [e for e in events if e.date and e.parties]
        people = sorted(
            {(p.person_id, p.name) for e in events for p in e.participants if p.person_id}
        )
        pairs = [e.parties[:2] for e in dated if len(e.parties) >= 2] or [["VNM", "CHN"]]
        words = ["viet nam", "hop tac", "doi thoai", "thu tuong", "kinh te", "trung quoc"]
        words += [p.name for p in api.people(store, limit=50)]

        def party_year() -> Callable[[], object]:
            event = rng.choice(dated) if dated else None
            year = int(event.date[:4]) if event and event.date else 2005
            party = rng.choice(event.parties) if event else "VNM"
            return lambda: api.events(store, parties=[party], year_from=year, year_to=year)

        def person_page() -> Callable[[], object]:
            person_id, name = rng.choice(people) if people else (1, "")
            return lambda: (
                api.person(store, person_id),
                api.met_with(store, person_id),
                api.events(store, person=name),
            )

        def timeline() -> Callable[[], object]:
            a, b = rng.choice(pairs)
            return lambda: list(api.timeline(store, a, b))

        def search() -> Callable[[], object]:
            query = rng.choice(words)
            return lambda: api.search(store, query)

        return {
            "events by party+year": p95([party_year() for _ in range(calls)]),
            "search": p95([search() for _ in range(calls)]),
            "person page": p95([person_page() for _ in range(calls)]),
            "timeline": p95([timeline() for _ in range(calls)]),
        }
    finally:
        store.close()


# --- the run ---------------------------------------------------------------------------


@dataclass
class Row:
    size: int
    text_bytes: int
    extract_per_s: float | None
    backend: str
    ingest: Ingest
    queries: dict[str, float]

    def line(self) -> str:
        ing = self.ingest
        per = ing.bytes_total / self.size
        q = self.queries
        extract = f"{self.extract_per_s:,.0f}" if self.extract_per_s else "–"
        return (
            f"| {self.size:,} | {self.backend} | {extract} | {self.size / ing.seconds:,.0f} "
            f"| {ing.cpu_seconds * 1000 / self.size:.2f} | {per:,.0f} "
            f"({per / (self.text_bytes / self.size):.2f}×) | {ing.peak_mb:,.0f} "
            f"| {ing.reingest_seconds:.2f} | " + " | ".join(f"{v:.1f}" for v in q.values()) + " |"
        )


HEADER = (
    "| articles | store | extraction art/s (1 core) | ingest art/s | ingest CPU ms/art "
    "| store bytes/art (× text) | peak PSS MB | re-ingest s | events party+year p95 ms "
    "| search p95 ms | person page p95 ms | timeline p95 ms |\n"
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="article counts")
    parser.add_argument(
        "--corpus", type=Path, default=default_corpus(), help="JSONL of real articles"
    )
    parser.add_argument("--generated", action="store_true", help="bench/corpus.py's articles")
    parser.add_argument("--postgres", help="server URL (default $DIPLONEWS_TEST_POSTGRES)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--calls", type=int, default=CALLS, help="calls per kind of query")
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and stores")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    server = (
        None if args.no_postgres else args.postgres or os.environ.get("DIPLONEWS_TEST_POSTGRES")
    )
    if not args.generated and not args.corpus.is_file():
        sys.exit(f"scale: {args.corpus}: no such corpus (--corpus FILE, or --generated)")
    shm = Path("/dev/shm")
    work = Path(tempfile.mkdtemp(prefix="diplonews-scale-", dir=shm if shm.is_dir() else None))
    print(f"# {os.cpu_count()} cores, {cpu_model()}; load average {os.getloadavg()[0]:.1f}")
    print(f"# corpus: {'generated' if args.generated else args.corpus}; in {work}", flush=True)
    rows: list[Row] = []
    try:
        for size in sizes:
            jsonl = work / f"corpus_{size}.jsonl"
            source = (
                generated_articles(size) if args.generated else real_articles(args.corpus, size)
            )
            count, text_bytes = write_jsonl(source, jsonl)
            rate = extraction_rate(jsonl, min(count, EXTRACT_MAX)) if count <= EXTRACT_MAX else None
            folder = work / f"sqlite_{size}"
            folder.mkdir()
            result = ingest_sqlite(jsonl, folder)
            rows.append(Row(count, text_bytes, rate, "SQLite", result,
                            query_p95(str(folder / "store.db"), args.calls)))  # fmt: skip
            print(rows[-1].line(), f"<!-- {result.summary} -->", flush=True)
            if server:
                pg, url = ingest_postgres(jsonl, server)
                try:
                    rows.append(Row(count, text_bytes, rate, "PostgreSQL", pg,
                                    query_p95(url, args.calls)))  # fmt: skip
                finally:
                    drop_postgres(server, url)
                print(rows[-1].line(), f"<!-- {pg.summary} -->", flush=True)
            if not args.keep:
                shutil.rmtree(folder)
                jsonl.unlink()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"# load average at the end {os.getloadavg()[0]:.1f}")
    print(HEADER)
    for row in rows:
        print(row.line())
    print()
    for row in rows:
        per = {t: round(b / row.size) for t, b in list(row.ingest.bytes_by_table.items())[:8]}
        print(f"{row.backend} {row.size:,}: bytes/article by table {per}")
    for row in rows:
        print(f"{row.backend} {row.size:,}: {cpu_split(row)}")
    print(
        f"# peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
    )
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=1))
    return 0


def cpu_split(row: Row) -> str:
    """Ingest CPU ms per article by process."""
    ing = row.ingest
    per = 1000 / row.size
    split = (
        f"ingest CPU ms/article: main process {ing.main_cpu_seconds * per:.2f}, "
        f"workers {(ing.cpu_seconds - ing.main_cpu_seconds) * per:.2f}"
    )
    if ing.server_cpu_seconds is not None:
        split += f", PostgreSQL server {ing.server_cpu_seconds * per:.2f}"
    return split


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    sys.exit(main())
