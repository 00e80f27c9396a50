"""Throughput of `diplonews spark-extract` against one process, and where its time goes.

    python bench/bench_spark.py [--articles N] [--format txt|jsonl] [--keep] [--corpus DIR]
                                [--real [FILE]]

Writes N generated articles (default 100,000; bench/corpus.py) under /dev/shm where
there is one: `.txt` files, or with --format jsonl the same articles as JSONL files
of 10,000 lines. --real writes the real corpus instead (../shared/corpus/vntc_subset.jsonl,
or FILE), repeated with perturbations to N as bench/scale.py does, as JSONL files of
10,000 lines. Then, on this machine:

- the single-process baseline: an in-process loop of `reading.iter_sources` and
  `ingest.prepare_source` over the corpus, the very work each Spark task does per
  article (extraction, milestones, MinHash signature), lexicons loaded before timing;
- `spark-extract` on local[1] and on local[2], each in a child process of its own (a
  fresh JVM), with a breakdown of where the time goes, each step a Spark job of its
  own over the same input:
    start    the JVM and the SparkSession;
    read     listing and reading the files, splitting them into units, spreading them
             over the partitions (`read_units(...).count()`);
    no-op    the same, then a map that does no extraction but returns a row of the
             job's shape (the text as body), to a DataFrame written as Parquet, as the
             job writes its rows once: Python worker serialisation and Parquet;
    job      the whole `job.run`, in two steps: reading, extracting and writing the
             rows once (`extract`), then the four tables from those rows (`tables`).
  The extraction's own share is `extract - no-op`.

It prints articles/s for each, articles/s per core of Spark against the single process
(target: at least 70% on local[1], the figure free of contention), and the speed-up
from one core to two. Exit status 1 when the target is missed. --keep keeps the corpus
and the outputs and prints where.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGET_PER_CORE = 0.70  # Spark's articles/s per core over the single process's
JSONL_LINES = 10_000  # articles per JSONL file with --format jsonl


def write_input(folder: Path, count: int, fmt: str) -> Path:
    """The corpus as .txt files, or as JSONL files (converted from them); its folder."""
    from corpus import write_corpus

    texts = folder / "txt"
    write_corpus(texts, count)
    if fmt == "txt":
        return texts
    shards = folder / "jsonl"
    shards.mkdir()
    files = sorted(texts.glob("*.txt"))
    for start in range(0, len(files), JSONL_LINES):
        with (shards / f"{start // JSONL_LINES:04d}.jsonl").open("w", encoding="utf-8") as out:
            for path in files[start : start + JSONL_LINES]:
                item = {"id": path.stem, "text": path.read_text(encoding="utf-8")}
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    shutil.rmtree(texts)
    return shards


def single_process(source: Path, output: Path) -> dict[str, float]:
    """The per-article work of a Spark task, in this process, one article after another:
    reading and `ingest.prepare_source` (the plain loop), then the job's row of the
    article written to one Parquet file, as the job writes its rows once (with output)."""
    import pyarrow.parquet as pq

    from diplonews.extract import reading
    from diplonews.extract.lexicons import load
    from diplonews.kb import dedupe, ingest
    from diplonews.spark import tasks

    lexicons = load()
    dedupe.signature("một hai ba bốn năm sáu")  # imports datasketch before timing
    schema = tasks.arrow_schema(tasks.RESULT)
    rows: list[tuple[Any, ...]] = []
    done = failed = 0
    writing = 0.0
    started = time.perf_counter()
    with pq.ParquetWriter(output, schema) as parquet:
        for item in reading.iter_sources([source]):
            if isinstance(item, Exception):
                failed += 1
                continue
            hashed = dedupe.content_hash(item.text)
            prepared = ingest.prepare_source(item, item.path, hashed, lexicons)
            done += isinstance(prepared, ingest.Prepared)
            step = time.perf_counter()
            if isinstance(prepared, ingest.Prepared):
                rows.append(tasks.result_row(item.path, 0, prepared))
            if len(rows) == tasks.RESULT_BATCH_ROWS:
                parquet.write_batch(tasks.arrow_batch(rows, schema))
                rows = []
            writing += time.perf_counter() - step
        step = time.perf_counter()
        if rows:
            parquet.write_batch(tasks.arrow_batch(rows, schema))
    seconds = time.perf_counter() - started
    writing += time.perf_counter() - step
    return {
        "articles": done,
        "failed": failed,
        "seconds": seconds,
        "rate": done / seconds,
        "loop_seconds": seconds - writing,
        "loop_rate": done / (seconds - writing),
    }


# --- one Spark configuration, in a child process -------------------------------------


def _noop_batches(batches: Any) -> Any:
    """A row of the output's shape per unit, without extraction (the text as body)."""
    from diplonews.spark import tasks

    schema = tasks.arrow_schema(tasks.RESULT)
    body = tasks.ARTICLE_COLUMNS.index("body")
    record = tasks.ARTICLE_COLUMNS.index("record")
    empty = (None,) * (len(tasks.RESULT.fields) - 2)
    for batch in batches:
        rows = []
        for path, line, payload in zip(
            *(batch.column(name).to_pylist() for name in ("path", "line", "payload")), strict=True
        ):
            row = [path, line, *empty]
            row[body] = payload.decode("utf-8", "replace")
            row[record] = "{}"
            row[-3], row[-2] = [], []  # events, people
            rows.append(tuple(row))
        if rows:
            yield tasks.arrow_batch(rows, schema)


def child(master: str, source: str, output: str) -> dict[str, float]:
    """Time the steps on a fresh SparkSession; print them as JSON."""
    from diplonews.spark import job

    started = time.perf_counter()
    spark, _ = job.session(master)
    spark.sparkContext.setLogLevel("ERROR")
    times = {"start": time.perf_counter() - started}

    def units() -> Any:
        kind, explicit, size = job.inspect_input(spark, source)
        partitions = job.partitions_for(spark, size)
        times["partitions"] = float(partitions)
        return job.read_units(spark, source, kind, explicit, partitions), partitions

    step = time.perf_counter()
    frame, partitions = units()
    with job.planning(spark, partitions):
        times["units"] = float(frame.count())
    times["read"] = time.perf_counter() - step

    step = time.perf_counter()
    frame, partitions = units()
    with job.planning(spark, partitions):
        rows = frame.mapInArrow(_noop_batches, job.RESULT)
        rows.write.parquet(f"{output}/noop")  # as the job writes its rows once, before the tables
    times["noop"] = time.perf_counter() - step

    step = time.perf_counter()
    report = job.run(spark, job.Options(source, f"{output}/job"))
    times["job"] = time.perf_counter() - step
    times["extract"] = report.extract_seconds
    times["articles"] = float(report.articles)
    times["errors"] = float(report.errors)
    spark.stop()
    times["total"] = time.perf_counter() - started
    return times


def run_child(master: str, source: Path, output: Path) -> dict[str, float]:
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}
    command = [sys.executable, __file__, "--child", master, str(source), str(output)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"bench: {master} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# --- the report ------------------------------------------------------------------------


def write_real(folder: Path, count: int, corpus: Path) -> Path:
    """The real corpus, repeated with perturbations to `count`, as JSONL shards."""
    from scale import real_articles

    shards = folder / "jsonl"
    shards.mkdir()
    out = None
    for n, record in enumerate(real_articles(corpus, count)):
        if n % JSONL_LINES == 0:
            if out is not None:
                out.close()
            out = (shards / f"{n // JSONL_LINES:04d}.jsonl").open("w", encoding="utf-8")
        assert out is not None
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out is not None:
        out.close()
    return shards


def bench(count: int, fmt: str, keep: bool, corpus: Path | None, real: Path | None = None) -> int:
    shm = Path("/dev/shm")
    folder = Path(
        tempfile.mkdtemp(prefix="diplonews-bench-spark-", dir=shm if shm.is_dir() else None)
    )
    try:
        if real is not None:
            print(f"writing {count:,} articles of {real} to {folder} …", flush=True)
            source = write_real(folder, count, real)
        elif corpus is None:
            print(f"writing {count:,} articles ({fmt}) to {folder} …", flush=True)
            source = write_input(folder, count, fmt)
        else:
            source = corpus.resolve()
        print("single process …", flush=True)
        single = single_process(source, folder / "single.parquet")
        runs = {}
        for cores in (1, 2):
            print(f"spark local[{cores}] …", flush=True)
            runs[cores] = run_child(f"local[{cores}]", source, folder / f"out{cores}")
        met = report(single, runs)
        if keep:
            print(f"kept: {folder}")
        return 0 if met else 1
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def report(single: dict[str, float], runs: dict[int, dict[str, float]]) -> bool:
    base = single["rate"]
    print()
    print(
        f"single process: {single['articles']:,.0f} articles in {single['seconds']:.1f} s = "
        f"{base:,.0f} articles/s with its output written ({single['loop_rate']:,.0f} "
        f"articles/s for the plain loop of reading and prepare_source alone)"
    )
    print()
    header = ("", *(f"local[{c}]" for c in runs))
    lines = [
        ("JVM + SparkSession start, s", *(f"{r['start']:.1f}" for r in runs.values())),
        ("partitions", *(f"{r['partitions']:.0f}" for r in runs.values())),
        ("read + split + spread, s", *(f"{r['read']:.1f}" for r in runs.values())),
        ("no-op map + rows to Parquet, s", *(f"{r['noop']:.1f}" for r in runs.values())),
        ("job: extract (read, extract, rows), s", *(f"{r['extract']:.1f}" for r in runs.values())),
        ("job: the four tables, s", *(f"{r['job'] - r['extract']:.1f}" for r in runs.values())),
        ("whole job, s", *(f"{r['job']:.1f}" for r in runs.values())),
        (
            "extraction alone (extract − no-op), s",
            *(f"{r['extract'] - r['noop']:.1f}" for r in runs.values()),
        ),
        (
            "articles (errors)",
            *(f"{r['articles']:,.0f} ({r['errors']:.0f})" for r in runs.values()),
        ),
        ("job articles/s", *(f"{r['articles'] / r['job']:,.0f}" for r in runs.values())),
        (
            "articles/s start included",
            *(f"{r['articles'] / r['total']:,.0f}" for r in runs.values()),
        ),
        (
            "per core vs single process",
            *(f"{r['articles'] / r['job'] / c / base:.0%}" for c, r in runs.items()),
        ),
    ]
    width = max(len(line[0]) for line in lines)
    for line in (header, *lines):
        print(f"{line[0]:<{width}}  " + "  ".join(f"{cell:>14}" for cell in line[1:]))
    one, two = (runs[c]["articles"] / runs[c]["job"] for c in (1, 2))
    per_core = one / base
    print()
    print(f"speed-up local[1] → local[2]: {two / one:.2f}×")
    verdict = "met" if per_core >= TARGET_PER_CORE else "MISSED"
    print(
        f"per-core throughput on local[1]: {per_core:.0%} of one process writing its output "
        f"(target ≥ {TARGET_PER_CORE:.0%}): {verdict}; {one / single['loop_rate']:.0%} of the "
        "plain loop"
    )
    return per_core >= TARGET_PER_CORE


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        print(json.dumps(child(*sys.argv[2:5])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, metavar="N", help="corpus size")
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt", help="input files")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and the outputs")
    parser.add_argument(
        "--corpus", type=Path, metavar="DIR", help="articles already written (--articles ignored)"
    )
    parser.add_argument(
        "--real",
        nargs="?",
        const="",  # `--real` alone: the default corpus (a Path type would make "" into ".")
        metavar="FILE",
        help="the real corpus repeated to N (default ../shared/corpus/vntc_subset.jsonl)",
    )
    args = parser.parse_args()
    if args.articles < 10:
        parser.error("--articles must be at least 10")
    real = Path(args.real) if args.real else None
    if args.real == "":
        from scale import default_corpus

        real = default_corpus()
    if real is not None and not real.is_file():
        parser.error(f"{real}: no such corpus")
    return bench(args.articles, args.format, args.keep, args.corpus, real)


if __name__ == "__main__":
    sys.exit(main())
