"""The Spark job behind `diplonews spark-extract`: an archive in, Parquet tables out.

There is no second extractor here. Each Python worker of each executor calls
`ingest.prepare_source` (the extraction pipeline, milestones and the MinHash
signature, exactly what `diplonews ingest` computes) on every article, with the
lexicons that ship inside the package, loaded once per worker process and kept
across its tasks (`tasks.py`: what runs on the executors; this module plans and
writes on the driver). Input is decoded by `reading.py`'s own functions over the bytes
Spark hands over, so an article gets the same text, doc_id and errors as anywhere.
Units go to the workers and rows come back as Arrow batches (`mapInArrow`): the
workers spend their time extracting, not pickling, and the JVM writes as they go.

Input (one folder or file, local or any Hadoop path): `.txt` and `.html` files (one
article each, read whole by Spark's `binaryFile` source), `.jsonl` files (one article
per line, read in splits by Spark's text source), or Parquet files with the JSONL
fields as columns. Every result row is
written once to OUTPUT/_extracted as it comes (nothing is held in memory), and the
tables are made from there:

- `articles/`, `events/`, `people/`: Parquet, partitioned by the article's
  publication year (`year=2021/`; unknown: `year=__HIVE_DEFAULT_PARTITION__`, read
  back as null), a file per year from each writing task (or per 100,000 rows).
  `articles` files are sorted by input path and line, the order `diplonews ingest`
  reads them in, so that `load` can merge them back in that order.
- `errors/`: one row (path, reason) per input that is not an article. A bad record
  never fails the job.

`python job.py INPUT OUTPUT` is the entry point for `spark-submit` (see README).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote

from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F

from diplonews.errors import DiplonewsError
from diplonews.extract import reading
from diplonews.spark.tasks import (
    ARTICLE_COLUMNS,
    ERROR,
    FILE,
    RESULT,
    ROW,
    SPLIT,
    SPLIT_UTF16,
    UNIT,
    UNIT_BATCH_ROWS,
    extract_batches,
    local_path,
)

APP_NAME = "diplonews spark-extract"
TABLES = ("articles", "events", "people", "errors")
BYTES_PER_PARTITION = 16 * 1024 * 1024  # of input: about 4,000 articles, 10 s of work
PARTITIONS_PER_CORE = 4  # at least, so that a slow partition does not hold a core idle
FIRST_ERRORS = 20  # error rows the report carries back to the driver
STAGING = "_extracted"  # under OUTPUT while the job runs: every result row, once
MAX_ROWS_PER_FILE = 100_000  # of an output table: a year's articles may span several files
FILE_OPEN_COST = 8 * 1024  # bytes a file counts for when scans are planned (Spark: 4 MB)


@dataclass(frozen=True)
class Options:
    input: str  # a folder or file: a local path or a Hadoop URI (hdfs://, s3a://, …)
    output: str  # the folder that receives the four tables
    partitions: int | None = None  # extraction tasks [default: by input size and cores]
    overwrite: bool = False  # replace the tables of an existing OUTPUT


@dataclass
class JobReport:
    articles: int = 0
    events: int = 0
    people: int = 0
    errors: int = 0
    partitions: int = 0
    seconds: float = 0.0
    extract_seconds: float = 0.0  # reading, extracting and writing every row once
    first_errors: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    def summary(self, output: str) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (
            f"{self.articles:,} articles, {self.events:,} events, {self.people:,} people, "
            f"{self.errors:,} errors in {self.seconds:.1f} s ({rate:,.0f} articles/s, "
            f"{self.partitions} partitions) → {output}"
        )


# --- on the driver -------------------------------------------------------------------


def _hadoop(spark: SparkSession, uri: str) -> tuple[Any, Any]:
    """The Hadoop FileSystem holding `uri`, and its Path (py4j objects)."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    path = jvm.org.apache.hadoop.fs.Path(uri)
    return path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), path


def _hidden(relative: str) -> bool:
    return any(part[:1] in (".", "_") for part in relative.split("/") if part)


def inspect_input(spark: SparkSession, uri: str) -> tuple[str, bool, int]:
    """("files" or "parquet", whether INPUT is one file, its size in bytes). A folder is
    Parquet when the first article-like file found under it is a `.parquet` one."""
    fs, path = _hadoop(spark, uri)
    if not fs.exists(path):
        raise DiplonewsError(f"{uri}: no such file or directory")
    status = fs.getFileStatus(path)
    size = int(fs.getContentSummary(path).getLength())
    if status.isFile():
        return ("parquet" if uri.lower().endswith(".parquet") else "files"), True, size
    root = status.getPath().toUri().getPath().rstrip("/")
    found = fs.listFiles(path, True)
    while found.hasNext():
        name = found.next().getPath().toUri().getPath()
        suffix = PurePosixPath(name).suffix.lower()
        if _hidden(name[len(root) :]) or suffix not in reading.SUPPORTED | {".parquet"}:
            continue
        return ("parquet" if suffix == ".parquet" else "files"), False, size
    return "files", False, size


def _glob(suffixes: Iterable[str]) -> str:
    """A Hadoop glob of file names with these suffixes, in any case: "*.{[tT][xX][tT],…}"."""
    names = (
        "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in suffix[1:])
        for suffix in sorted(suffixes)
    )
    return "*.{" + ",".join(names) + "}"


def _fits(path: Column, length: Column) -> Column:
    """Whether a file is read: an article up to reading's limit, a JSONL file always (it
    is read in splits, its lines up to reading's limit)."""
    return _is_jsonl(path) | (length <= reading.MAX_BYTES)


def _is_jsonl(path: Column) -> Column:
    return F.lower(path).rlike("|".join(rf"\{suffix}$" for suffix in reading.JSONL_SUFFIXES))


def _error_units(path: Column, reason: Column) -> list[Column]:
    """The UNIT columns of an error found on the JVM side (the reason as payload)."""
    return [
        F.lit(ERROR).alias("kind"),
        path.alias("path"),
        F.lit(0).alias("line"),
        F.encode(reason, "UTF-8").alias("payload"),
    ]


def _too_large() -> Column:
    return F.lit(f"file larger than {reading.MAX_BYTES // (1024 * 1024)} MB")


def _listed(spark: SparkSession, files: DataFrame) -> list[str]:
    """Every file the listing found, as local paths: empty ones too, which Spark's scans
    leave out while `ingest` reports them."""
    uris = files._jdf.inputFiles()  # %-escaped
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    try:  # one call over py4j rather than one per file (Scala 2.13: Spark 4)
        names = str(jvm.scala.collection.immutable.ArraySeq.unsafeWrapArray(uris).mkString("\n"))
        found = names.split("\n") if names else []
    except Exception:  # noqa: BLE001 -- an older Scala: file by file
        found = [str(uri) for uri in uris]
    return [local_path(unquote(uri)) for uri in found]


def partitions_for(spark: SparkSession, size: int) -> int:
    """Extraction tasks by default: a few per core, more for a big input."""
    cores = spark.sparkContext.defaultParallelism
    return max(PARTITIONS_PER_CORE * cores, math.ceil(size / BYTES_PER_PARTITION))


@contextmanager
def described(spark: SparkSession, what: str) -> Iterator[None]:
    """The Spark jobs run meanwhile carry `what` as their description (UI, event log)."""
    spark.sparkContext.setJobDescription(f"diplonews: {what}")
    try:
        yield
    finally:
        spark.sparkContext.setJobDescription(None)  # type: ignore[arg-type]


@contextmanager
def planning(spark: SparkSession, partitions: int) -> Iterator[None]:
    """Settings of the jobs run meanwhile: file scans in about `partitions` partitions of
    similar size (Spark's defaults make one of 32 small files: a task, and its cost, per
    100 kB), and Arrow batches to Python of UNIT_BATCH_ROWS units."""
    settings = {
        "spark.sql.files.minPartitionNum": str(partitions),
        "spark.sql.files.openCostInBytes": str(FILE_OPEN_COST),
        "spark.sql.execution.arrow.maxRecordsPerBatch": str(UNIT_BATCH_ROWS),
    }
    before = {key: spark.conf.get(key, None) for key in settings}
    for key, value in settings.items():
        spark.conf.set(key, value)
    try:
        yield
    finally:
        for key, old in before.items():
            if old is None:
                spark.conf.unset(key)
            else:
                spark.conf.set(key, old)


def _file_units(spark: SparkSession, uri: str, explicit: bool, partitions: int) -> DataFrame:
    """Units of .txt, .html and .jsonl files. Folders are walked recursively; hidden
    files (. and _) and other kinds of files are skipped unread, as by `ingest`. A .txt
    or .html file is read whole, and only when `_fits`; the others (and empty files) are
    error units. A .jsonl file is read in splits, line by line (`_jsonl_units`)."""

    def scan(suffixes: Iterable[str]) -> DataFrame:
        reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
        if not explicit:
            reader = reader.option("pathGlobFilter", _glob(suffixes))
        return reader.load(uri)  # lists the files

    files = scan(reading.SUPPORTED)
    listed = _listed(spark, files)
    jsonl = sum(PurePosixPath(p).suffix.lower() in reading.JSONL_SUFFIXES for p in listed)
    articles = len(listed) - jsonl
    path = F.regexp_replace(files["path"], r"^file:(//(?=/))?", "")  # local_path
    parts: list[DataFrame] = []
    if articles:
        texts = files if not jsonl else scan(reading.TEXT_SUFFIXES | reading.HTML_SUFFIXES)
        text_path = F.regexp_replace(texts["path"], r"^file:(//(?=/))?", "")
        parts.append(
            texts.where(texts["length"] <= reading.MAX_BYTES).select(
                F.lit(FILE).alias("kind"),
                text_path.alias("path"),
                F.lit(0).alias("line"),
                texts["content"].alias("payload"),
            )
        )
    if jsonl:
        parts.append(_jsonl_units(spark, uri, explicit))
    # Not read: too large (found by their length alone), or empty (left out by Spark's
    # scans, so found by what the listing holds and the scan does not).
    parts.append(
        files.where(~_fits(path, files["length"])).select(*_error_units(path, _too_large()))
    )
    with described(spark, "list the input"):
        scanned = files.count()  # no content read
    if scanned < len(listed):
        everything = spark.createDataFrame([(p,) for p in listed], "path string")
        empty = everything.join(files.select(path.alias("path")), "path", "left_anti")
        parts.append(empty.select(*_error_units(F.col("path"), F.lit("empty file"))))
    return _union(parts)


def _file_path(metadata_path: str) -> Column:
    """A scan's `_metadata.file_path` (a %-escaped URI) as a local path or plain URI."""
    path = F.expr(f"url_decode(replace({metadata_path}, '+', '%2B'))")
    return F.regexp_replace(path, r"^file:(//(?=/))?", "")


def _jsonl_units(spark: SparkSession, uri: str, explicit: bool) -> DataFrame:
    """The lines of the .jsonl files, read in splits of about the same size by Spark's
    text source (no file is read whole, none waits for another: each task extracts
    its split's lines as it reads them). A first job, on the JVM alone, counts the
    lines of each split, so that each line gets its number in its file (SPLIT units
    carry the lines before their split), and finds the UTF-16 files by their first
    line."""
    reader = spark.read.format("text").option("lineSep", "\n").option("recursiveFileLookup", "true")
    if not explicit:
        reader = reader.option("pathGlobFilter", _glob(reading.JSONL_SUFFIXES))
    lines = reader.load(uri).select(
        _file_path("_metadata.file_path").alias("path"),
        F.col("_metadata.file_block_start").alias("start"),
        F.col("value").cast("binary").alias("payload"),
    )
    with described(spark, "count the lines of each split"):
        found = (
            lines.withColumn("order", F.monotonically_increasing_id())
            .groupBy("path", "start")
            .agg(
                F.count("*").alias("lines"),
                F.min_by(F.substring("payload", 1, 2), "order").alias("head"),
            )
            .collect()
        )
    splits: list[tuple[str, int, int, bool]] = []
    before = 0
    utf16 = {r["path"] for r in found if r["start"] == 0 and reading.starts_utf16(r["head"])}
    for number, r in enumerate(sorted(found, key=lambda r: (r["path"], r["start"]))):
        if number == 0 or r["path"] != splits[-1][0]:
            before = 0
        splits.append((r["path"], r["start"], before, r["path"] in utf16))
        before += r["lines"]
    if not splits:
        return spark.createDataFrame([], UNIT)
    index = spark.createDataFrame(splits, "path string, start long, before int, utf16 boolean")
    # A broadcast join: each task keeps its lines in the order they are read.
    numbered = lines.join(F.broadcast(index), ["path", "start"])
    return numbered.select(
        F.when(numbered["utf16"], F.lit(SPLIT_UTF16)).otherwise(F.lit(SPLIT)).alias("kind"),
        "path",
        numbered["before"].alias("line"),
        "payload",
    )


def _spread(units: DataFrame, partitions: int) -> DataFrame:
    """Units over `partitions` partitions by a hash of where they come from: as even as
    round-robin, without the sort of every unit that round-robin does first (Spark
    sorts the rows of each task so that a retried task spreads them the same way)."""
    return units.repartition(partitions, "path", "line")


def _union(parts: list[DataFrame]) -> DataFrame:
    union = parts[0]
    for part in parts[1:]:
        union = union.unionByName(part)
    return union


def read_units(
    spark: SparkSession, uri: str, kind: str, explicit: bool, partitions: int
) -> DataFrame:
    """The input (as `inspect_input` found it) as units of work (UNIT), spread over about
    `partitions` partitions. Run its jobs inside `planning(spark, partitions)`."""
    if kind == "parquet":
        frame = (
            spark.read.option("recursiveFileLookup", "true")
            .option("pathGlobFilter", "*.parquet")
            .parquet(uri)
        )
        wanted_columns = ("id", "text", "html", "url", "published")
        fields = [c for c in frame.columns if c in wanted_columns]
        # A row as the JSON object of a JSONL line: nulls left out, dates as ISO strings.
        units = frame.select(
            F.lit(ROW).alias("kind"),
            _file_path("_metadata.file_path").alias("path"),
            (F.col("_metadata.row_index") + 1).cast("int").alias("line"),
            F.encode(F.to_json(F.struct(*fields)), "UTF-8").alias("payload"),
        )
        count = units.rdd.getNumPartitions()
        if count < partitions:
            return _spread(units, partitions)
        if count > 2 * partitions:
            return units.coalesce(partitions)  # adjacent partitions together, no shuffle
        return units
    if explicit and PurePosixPath(uri).suffix.lower() not in reading.SUPPORTED:
        suffix = PurePosixPath(uri).suffix.lower() or "(no extension)"
        return spark.createDataFrame(
            [(ERROR, local_path(uri), 0, f"unsupported file type {suffix}".encode())], UNIT
        )
    return _file_units(spark, uri, explicit, partitions)


def _order(frame: DataFrame) -> list[Column]:
    """The order `ingest` reads inputs in: path by path component, then line."""
    return [F.split(frame["path"], "/"), frame["line"]]


def run(spark: SparkSession, options: Options) -> JobReport:
    """Extract INPUT into the four tables under OUTPUT."""
    started = time.perf_counter()
    out_fs, out_path = _hadoop(spark, options.output)
    if out_fs.exists(out_path) and not options.overwrite:
        raise DiplonewsError(f"{options.output} exists: give a new folder, or --overwrite")
    kind, explicit, size = inspect_input(spark, options.input)
    partitions = options.partitions or partitions_for(spark, size)
    table = options.output.rstrip("/") + "/"
    with planning(spark, partitions):
        units = read_units(spark, options.input, kind, explicit, partitions)
        # Extracted once, written as it comes (nothing held in memory, however large the
        # input), then read back column by column for each table.
        extracted = units.mapInArrow(extract_batches, RESULT)
        with described(spark, "extract"):
            extracted.write.mode("overwrite").parquet(table + STAGING)
    extract_seconds = time.perf_counter() - started
    try:
        write_tables(spark, table, "overwrite" if options.overwrite else "errorifexists")
    finally:
        staging_fs, staging = _hadoop(spark, table + STAGING)
        staging_fs.delete(staging, True)
    # From the Parquet footers: a count reads no column, and a schema given (any column)
    # reads a table without rows, which has no file to infer one from.
    with described(spark, "count the rows"):
        counts = {
            name: spark.read.schema("path string").parquet(table + name).count() for name in TABLES
        }
        first = spark.read.schema("path string, reason string").parquet(table + "errors")
        first_errors = first.limit(FIRST_ERRORS).collect()
    return JobReport(
        articles=counts["articles"],
        events=counts["events"],
        people=counts["people"],
        errors=counts["errors"],
        partitions=partitions,
        seconds=time.perf_counter() - started,
        extract_seconds=extract_seconds,
        first_errors=[(str(r["path"]), str(r["reason"])) for r in first_errors],
    )


def write_tables(spark: SparkSession, table: str, mode: str) -> None:
    """The four tables under `table` from the rows staged there. Each task writes the
    rows of its share of the staged files, a file per year it meets (no shuffle: every
    row is read once and written once, by as many tasks as there are cores), articles
    sorted in input order within each file, for `load` to merge."""
    cores = spark.sparkContext.defaultParallelism
    with planning(spark, cores):
        results = spark.read.parquet(table + STAGING)
        ok = F.col("reason").isNull()
        articles = results.where(ok).select(*ARTICLE_COLUMNS)
        with described(spark, "write articles"):
            (
                articles.sortWithinPartitions("year", *_order(articles))
                .write.mode(mode)
                .option("maxRecordsPerFile", MAX_ROWS_PER_FILE)
                .partitionBy("year")
                .parquet(table + "articles")
            )
        keys = ["doc_id", "source", "year"]
        events = results.where(ok).select(*keys, F.explode("events").alias("item"))
        people = results.where(ok).select(*keys, F.posexplode("people").alias("position", "item"))
        for name, rows in (("events", events), ("people", people)):
            with described(spark, f"write {name}"):
                (
                    rows.select(*[c for c in rows.columns if c != "item"], "item.*")
                    .write.mode(mode)
                    .option("maxRecordsPerFile", MAX_ROWS_PER_FILE)
                    .partitionBy("year")
                    .parquet(table + name)
                )
        errors = results.where(~ok).select("path", "line", "reason").coalesce(1)
        errors = errors.sortWithinPartitions(*_order(errors))
        with described(spark, "write errors"):
            errors.select("path", "reason").write.mode(mode).parquet(table + "errors")


def session(master: str | None = None) -> tuple[SparkSession, bool]:
    """The active Spark session, or a new one on `master`; True when it is new (the
    caller stops it). A local master binds to 127.0.0.1 and runs this interpreter."""
    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    builder = SparkSession.builder.appName(APP_NAME)
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1").config(
            "spark.driver.bindAddress", "127.0.0.1"
        )
    builder = builder.config("spark.ui.showConsoleProgress", str(sys.stderr.isatty()).lower())
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True


def extract(options: Options, master: str | None = None) -> JobReport:
    """`run` on the active session, or on a new one on `master`, stopped afterwards."""
    spark, new = session(master)
    try:
        return run(spark, options)
    finally:
        if new:
            spark.stop()


def main(argv: list[str] | None = None) -> int:
    """spark-submit's entry point: `spark-submit … job.py INPUT OUTPUT [options]`."""
    parser = argparse.ArgumentParser(prog="diplonews-spark", description=__doc__.split("\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--partitions", type=int, default=None, metavar="N")
    parser.add_argument("--overwrite", action="store_true")
    args = parser.parse_args(argv)
    options = Options(args.input, args.output, args.partitions, args.overwrite)
    try:
        report = extract(options)
    except DiplonewsError as exc:
        print(f"diplonews: {exc}", file=sys.stderr)
        return 2
    for path, reason in report.first_errors:
        print(f"diplonews: {path}: {reason}", file=sys.stderr)
    print(report.summary(args.output), file=sys.stderr)
    return 0 if report.articles else 2


if __name__ == "__main__":
    # Run the imported module's main: the functions Spark ships to the executors must be
    # diplonews.spark.job's (imported there by name), not copies of __main__'s.
    from importlib import import_module

    sys.exit(import_module("diplonews.spark.job").main())
