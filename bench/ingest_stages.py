"""Where an ingested article's CPU goes, stage by stage (issue 14).

    python bench/ingest_stages.py [--articles N] [--corpus FILE] [--statements] [--whole]

Runs each stage of `diplonews ingest` in this one process over the first N articles of
the corpus (default 5,000) and prints CPU milliseconds an article (process time, which
the machine's other load distorts less than the wall clock): reading the JSONL lines,
their content hashes, a worker's chunks pickled there and back, extraction
(`extract_docs`, `ingest.CHUNK` at a time as the workers do), the rest of a worker's
work (folding, the MinHash signature, its band keys, the record as dicts), and the
writer: the batches written into a new SQLite store as `ingest` writes them
(`batch_size_for` it).
`--statements` times the writer's SQL statements apart (the commits included), the
costliest first. `--whole` then runs the real `ingest` of the same articles with two
worker processes and splits its CPU: the main process (reading, writing, the pool's
threads, start-up), and the workers' extraction, the rest of their tasks, and what
they spend outside tasks (the pool's pickling and pipes).
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from diplonews.extract import extract_docs
from diplonews.extract.lexicons import load
from diplonews.extract.reading import read_file
from diplonews.kb import dedupe, ingest
from diplonews.kb.search import fold_fast
from diplonews.kb.store import open_store
from diplonews.text import fold
from scale import default_corpus

spent: dict[str, float] = {}


def timed(stage: str, work: Callable[[], Any]) -> Any:
    started = time.process_time()
    result = work()
    spent[stage] = spent.get(stage, 0.0) + time.process_time() - started
    return result


class TimedConnection:
    """A sqlite3 connection whose statements are timed by their text."""

    def __init__(self, connection: Any, times: dict[str, list[float]]) -> None:
        self.connection = connection
        self.times = times

    def __getattr__(self, name: str) -> Any:
        return getattr(self.connection, name)

    def _timed(self, sql: str, rows: int, work: Callable[[], Any]) -> Any:
        started = time.process_time()
        result = work()
        key = re.sub(r"\(\?(, ?\?)*\)", "(?…)", " ".join(sql.split()))[:90]
        entry = self.times.setdefault(key, [0, 0.0])
        entry[0] += rows
        entry[1] += time.process_time() - started
        return result

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self._timed(sql, 1, lambda: self.connection.execute(sql, params))

    def executemany(self, sql: str, rows: Any) -> Any:
        rows = list(rows)
        return self._timed(sql, len(rows), lambda: self.connection.executemany(sql, rows))


def stages(corpus: Path, count: int, statements: bool, folder: str) -> None:
    lexicons = load()
    gc.freeze()
    gc.set_threshold(ingest.YOUNG_OBJECTS, *gc.get_threshold()[1:])
    key = str(corpus.resolve())
    items = timed("main: reading the JSONL lines", lambda: list(islice(read_file(corpus), count)))
    count = len(items)
    hashes = timed("main: content hashes", lambda: [dedupe.content_hash(i.text) for i in items])
    pending = [
        ingest._Pending(f"{key}#{item.doc_id}", item, content_hash, "new", None)
        for item, content_hash in zip(items, hashes, strict=True)
    ]
    chunks = [pending[at : at + ingest.CHUNK] for at in range(0, count, ingest.CHUNK)]
    sent = timed("main: chunks pickled", lambda: [pickle.dumps(c, -1) for c in chunks])
    timed("worker: chunks unpickled", lambda: [pickle.loads(c) for c in sent])
    prepared: list[list[Any]] = []
    for chunk in chunks:
        docs = timed(
            "worker: extraction",
            lambda chunk=chunk: list(extract_docs([p.item for p in chunk], lexicons=lexicons)),
        )
        prepared.append(
            timed(
                "worker: the rest (fold, MinHash, band keys, dicts)",
                lambda chunk=chunk, docs=docs: [
                    ingest._prepared(p.item, p.source, p.content_hash, doc)
                    for p, (_, doc) in zip(chunk, docs, strict=True)
                ],
            )
        )
        for _, doc in docs:  # its parts again, apart (not counted in the rest)
            if not isinstance(doc, Exception):
                folded = timed(
                    "  of which: folding",
                    lambda d=doc: (fold(d.record.title or ""), fold_fast(d.body)),
                )
                signature = timed(
                    "  of which: signature", lambda f=folded[1]: dedupe.signature_of_folded(f)
                )
                timed("  of which: band keys", lambda s=signature: dedupe.band_keys(s))
    back = timed("worker: results pickled", lambda: [pickle.dumps(p, -1) for p in prepared])
    results = timed("main: results unpickled", lambda: [r for p in back for r in pickle.loads(p)])
    print(
        f"pickled bytes an article: to a worker {sum(map(len, sent)) / count:,.0f}, "
        f"back {sum(map(len, back)) / count:,.0f}"
    )
    store = open_store(os.path.join(folder, "stages.db"))
    times: dict[str, list[float]] = {}
    if statements:
        store.connection = TimedConnection(store.connection, times)  # type: ignore[attr-defined]
    size = ingest.batch_size_for(store)

    def write() -> ingest.IngestReport:
        run = ingest._Run(store, lexicons, (), 1, size, lambda m: None, lambda r: None)
        for at in range(0, len(results), size):
            batch = results[at : at + size]
            ingest.writes.source_states(store, [(p.source, p.content_hash) for p in batch])
            ingest.writes.stored_hashes(store, (p.content_hash for p in batch))
            run.write([("new", None, p) for p in batch], [])
        return run.report

    report = timed(f"main: writer ({size} a transaction)", write)
    store.close()
    print(f"{count:,} articles: {report.to_dict()}")
    for stage, seconds in spent.items():
        print(f"{stage:55s} {seconds / count * 1e3:7.3f} ms")
    for sql, (rows, seconds) in sorted(times.items(), key=lambda kv: -kv[1][1])[:25]:
        print(f"  {seconds / count * 1e3:7.4f} ms {rows:8,} rows  {sql}")


_real_extract, _real_task = ingest.extract_docs, ingest._prepare_in_worker
_worker_totals = [0.0, 0.0]  # in a worker: CPU s of extraction, of whole tasks
_worker_folder: list[str] = []


def _timed_extract(*args: Any, **kwargs: Any) -> list[Any]:
    started = time.process_time()
    done = list(_real_extract(*args, **kwargs))
    _worker_totals[0] += time.process_time() - started
    return done


def _timed_task(chunk: list[Any]) -> list[Any]:
    """A worker's task, timed, its totals kept in a file per worker (forked workers
    inherit these replacements; pickled by name, they are found here)."""
    started = time.process_time()
    done = _real_task(chunk)
    _worker_totals[1] += time.process_time() - started
    Path(_worker_folder[0], f"worker.{os.getpid()}").write_text(
        f"{_worker_totals[0]} {_worker_totals[1]}"
    )
    return done


def _worker_timing(folder: str) -> None:
    """Time extraction and whole tasks inside the workers."""
    _worker_folder.append(folder)
    ingest.extract_docs = _timed_extract  # type: ignore[assignment]
    ingest._prepare_in_worker = _timed_task


def whole(corpus: Path, count: int, folder: str) -> None:
    lines = Path(folder, "articles.jsonl")
    with corpus.open("rb") as source, lines.open("wb") as target:
        target.writelines(islice(source, count))
    _worker_timing(folder)
    before = resource.getrusage(resource.RUSAGE_SELF)
    store = open_store(os.path.join(folder, "whole.db"))
    load_before = os.getloadavg()[0]
    report = ingest.ingest(store, [lines], workers=2)
    store.close()
    main = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    extracting = tasks = 0.0
    for path in Path(folder).glob("worker.*"):
        first, second = map(float, path.read_text().split())
        extracting, tasks = extracting + first, tasks + second
    done = report.added + report.duplicates
    per = 1e3 / max(done, 1)
    main_cpu = main.ru_utime + main.ru_stime - before.ru_utime - before.ru_stime
    worker_cpu = workers.ru_utime + workers.ru_stime
    print(
        f"whole ingest, two workers, load {load_before:.1f} -> {os.getloadavg()[0]:.1f}: "
        f"{done:,} articles in {report.seconds:.1f} s; CPU ms an article: "
        f"main process {main_cpu * per:.3f}, workers {worker_cpu * per:.3f} (extraction "
        f"{extracting * per:.3f}, the rest of their tasks {(tasks - extracting) * per:.3f}, "
        f"outside tasks {(worker_cpu - tasks) * per:.3f}), all {(main_cpu + worker_cpu) * per:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--statements", action="store_true")
    parser.add_argument("--whole", action="store_true")
    args = parser.parse_args()
    corpus = args.corpus or default_corpus()
    with tempfile.TemporaryDirectory() as folder:
        stages(corpus, args.articles, args.statements, folder)
        if args.whole:
            whole(corpus, args.articles, folder)


if __name__ == "__main__":
    main()
