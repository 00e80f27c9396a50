"""Throughput of `diplonews spark-extract` against one process, and where its time goes.

    python bench/bench_spark.py [--articles N] [--format txt|jsonl] [--keep] [--corpus DIR]
                                [--real [FILE]] [--cpu [MASTERS]]

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

--cpu measures CPU seconds instead of wall time, for a machine shared with other work
(where wall-clock rates mean nothing): the single process's CPU seconds for its loop,
then for each master (default local[2]) one `job.run` in a child process, with its CPU
seconds by role (driver, JVM, Python workers; `spark_cpu.py` says how each is
counted), the task timeline of Spark's event log (the idle task slots and the CPU spent
meanwhile, by stage) and an estimate of the per-core efficiency the job would have on
a quiet machine with as many cores as slots (target ≥ 80% on local[2]). CPU seconds
grow too when other processes share the cores (caches, hyperthreads): compare runs
made at the same load, one after the other.
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
TARGET_PER_CORE_QUIET = 0.80  # local[2], per core, estimated from CPU seconds (--cpu)
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
    cpu_started = time.process_time()
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
    cpu = time.process_time() - cpu_started
    writing += time.perf_counter() - step
    return {
        "cpu": cpu,
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


# --- CPU accounting (--cpu), for a shared machine -------------------------------------


def cpu_child(master: str, source: str, output: str) -> dict[str, float]:
    """The job as `spark-extract` runs it, with the moments of its steps (epoch s)."""
    moments = {"started": time.time()}
    from diplonews.spark import job

    spark, _ = job.session(master)
    moments["session"] = time.time()
    report = job.run(spark, job.Options(source, output))
    moments["ran"] = time.time()
    spark.stop()
    moments["stopped"] = time.time()
    return {
        **moments,
        "articles": float(report.articles),
        "errors": float(report.errors),
        "partitions": float(report.partitions),
    }


def cpu_run(master: str, source: Path, folder: Path) -> dict[str, Any]:
    """One job in a child process, measured in CPU seconds (see spark_cpu.py)."""
    import spark_cpu

    slug = master.replace("[", "").replace("]", "").replace("*", "all")
    events = folder / f"events-{slug}"
    events.mkdir()
    submit = (
        f"--conf spark.eventLog.enabled=true --conf spark.eventLog.dir=file://{events} "
        "--conf spark.eventLog.compress=false --conf spark.eventLog.rolling.enabled=false pyspark-shell"
    )
    env = {
        **os.environ,
        "PYSPARK_PYTHON": sys.executable,
        "SPARK_LOCAL_IP": "127.0.0.1",
        "PYSPARK_SUBMIT_ARGS": submit,
    }
    command = [sys.executable, __file__, "--cpu-child", master, str(source), str(folder / slug)]
    started = time.perf_counter()
    out, total, sampler = spark_cpu.run_measured(command, env)
    wall = time.perf_counter() - started
    moments = json.loads(out.strip().splitlines()[-1])
    stages = spark_cpu.read_event_log(events)
    slots = int(master[len("local[") : -1]) if master[len("local[") : -1].isdigit() else 2
    steps = spark_cpu.running(t for stage in stages.values() for t in stage.tasks)
    session, ran = moments["session"], moments["ran"]
    run_gaps = spark_cpu.gaps(steps, slots, sampler, session, ran)
    first, last = sampler.samples[0][0], sampler.samples[-1][0]
    whole_gaps = spark_cpu.gaps(steps, slots, sampler, first, last)
    in_run = {r: sampler.at(ran)[r] - sampler.at(session)[r] for r in spark_cpu.ROLES}
    sampled = sum(sampler.samples[-1][1].values())
    return {
        "master": master,
        "slots": slots,
        "wall": wall,
        "run_wall": ran - session,
        "cpu": total,
        "unsampled": total - sampled,
        "run_cpu": sum(in_run.values()),
        "run_by_role": in_run,
        "run_gaps": run_gaps,
        "whole_gaps": whole_gaps,
        "stages": spark_cpu.report_lines(stages, sampler, slots),
        **{k: moments[k] for k in ("articles", "errors", "partitions")},
    }


def cpu_bench(source: Path, folder: Path, masters: list[str]) -> int:
    import spark_cpu

    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    print("single process …", flush=True)
    single = single_process(source, folder / "single.parquet")
    base = single["cpu"]
    print(
        f"single process: {single['articles']:,.0f} articles, {base:.1f} CPU s with its output "
        f"written ({single['articles'] / base:,.0f} articles per CPU s; "
        f"{single['seconds']:.1f} s wall)"
    )
    met = True
    for master in masters:
        print(f"\nspark {master} …", flush=True)
        r = cpu_run(master, source, folder)
        slots, run_gaps, whole_gaps = r["slots"], r["run_gaps"], r["whole_gaps"]
        roles = ", ".join(f"{k} {v:.1f}" for k, v in r["run_by_role"].items())
        print(
            f"{r['articles']:,.0f} articles ({r['errors']:.0f} errors), "
            f"{r['partitions']:.0f} partitions; wall {r['wall']:.1f} s (job {r['run_wall']:.1f} s; "
            f"meaningless on a busy machine)"
        )
        print(
            f"CPU s: whole child {r['cpu']:.1f} (not seen by the sampler: {r['unsampled']:.1f}); "
            f"job.run {r['run_cpu']:.1f} = {roles}"
        )
        print(
            f"idle slots during job.run: {run_gaps.slot_seconds:.1f} slot-s over "
            f"{run_gaps.seconds:.1f} s of {r['run_wall']:.1f} s, CPU meanwhile {run_gaps.cpu:.1f} s"
        )
        for line in r["stages"]:
            print("  " + line)
        per_cpu = base / r["run_cpu"]
        quiet = spark_cpu.quiet_estimate(base, r["run_cpu"], run_gaps.cpu, slots)
        gap_whole = whole_gaps.cpu + max(r["unsampled"], 0.0)
        quiet_whole = spark_cpu.quiet_estimate(base, r["cpu"], gap_whole, slots)
        print(
            f"one process's CPU / job.run's CPU: {per_cpu:.0%}; on a quiet {slots}-core machine "
            f"(estimate): {quiet:.0%} per core for job.run, {quiet_whole:.0%} with the JVM's "
            f"start and stop (target ≥ {TARGET_PER_CORE_QUIET:.0%})"
        )
        met = met and quiet >= TARGET_PER_CORE_QUIET
    return 0 if met else 1


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


def bench(
    count: int,
    fmt: str,
    keep: bool,
    corpus: Path | None,
    real: Path | None = None,
    cpu: list[str] | None = None,
) -> int:
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
        if cpu:
            return cpu_bench(source, folder, cpu)
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
    if len(sys.argv) == 5 and sys.argv[1] == "--cpu-child":
        print(json.dumps(cpu_child(*sys.argv[2:5])))
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
    parser.add_argument(
        "--cpu",
        nargs="?",
        const="local[2]",
        metavar="MASTERS",
        help="CPU accounting instead of wall time, for a shared machine: the single process "
        "and each master (comma-separated, default local[2]) in CPU seconds, with idle slots",
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
    masters = args.cpu.split(",") if args.cpu else None
    return bench(args.articles, args.format, args.keep, args.corpus, real, masters)


if __name__ == "__main__":
    sys.exit(main())
