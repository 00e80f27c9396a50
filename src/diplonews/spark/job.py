"""The Spark job behind `diplonews spark-extract`: an archive in, Parquet tables out.

There is no second extractor here. Each Python worker of each executor calls
`ingest.prepare_source` (the extraction pipeline, milestones and the MinHash
signature, exactly what `diplonews ingest` computes) on every article, with the
lexicons that ship inside the package, loaded once per worker process and kept
across its tasks. Input is decoded by `reading.py`'s own functions over the bytes
Spark hands over, so an article gets the same text, doc_id and errors as anywhere.
Units go to the workers and rows come back as Arrow batches (`mapInArrow`): the
workers spend their time extracting, not pickling, and the JVM writes as they go.

Input (one folder or file, local or any Hadoop path): `.txt` and `.html` files (one
article each, read whole by Spark's `binaryFile` source), `.jsonl` files (one article
per line), or Parquet files with the JSONL fields as columns. Every result row is
written once to OUTPUT/_extracted as it comes (nothing is held in memory), and the
tables are made from there:

- `articles/`, `events/`, `people/`: Parquet, partitioned by the article's
  publication year (`year=2021/`; unknown: `year=__HIVE_DEFAULT_PARTITION__`, read
  back as null), a file per year (or per 100,000 rows). `articles` files are sorted by
  input path and line, the order `diplonews ingest` reads them in, so that `load` can
  merge them back in that order.
- `errors/`: one row (path, reason) per input that is not an article. A bad record
  never fails the job.

`python job.py INPUT OUTPUT` is the entry point for `spark-submit` (see README).
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote

import pyarrow as pa
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import to_arrow_schema
from pyspark.sql.types import (
    ArrayType,
    BinaryType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

from diplonews import __version__, dedupe, ingest, reading
from diplonews.errors import DiplonewsError, InputError
from diplonews.lexicons import Lexicons, load
from diplonews.store.writes import Prepared

APP_NAME = "diplonews spark-extract"
TABLES = ("articles", "events", "people", "errors")
BYTES_PER_PARTITION = 16 * 1024 * 1024  # of input: about 4,000 articles, 10 s of work
PARTITIONS_PER_CORE = 4  # at least, so that a slow partition does not hold a core idle
FIRST_ERRORS = 20  # error rows the report carries back to the driver
STAGING = "_extracted"  # under OUTPUT while the job runs: every result row, once
JSONL_MAX_BYTES = 2**31 - 1  # Spark reads a file whole into one value: at most this
MAX_ROWS_PER_FILE = 100_000  # of an output table: a year's articles may span several files
FILE_OPEN_COST = 8 * 1024  # bytes a file counts for when scans are planned (Spark: 4 MB)
UNIT_BATCH_ROWS = 256  # units per Arrow batch to a Python worker: about 1 MB, 1 s of work
RESULT_BATCH_ROWS = 64  # rows per Arrow batch back: the JVM writes while Python extracts

# A unit of work: (kind, path, line, payload). Files and Parquet rows are made units on
# the JVM side, JSONL lines by a Python worker; all go to the extraction as Arrow.
FILE, LINE, ROW, ERROR = "file", "line", "row", "error"
# The payload: the file's bytes, the line's, the row as a JSON object, or an error's reason.
Unit = tuple[str, str, int, bytes]
UNIT = StructType(
    [
        StructField("kind", StringType()),
        StructField("path", StringType()),  # a local path, or a URI
        StructField("line", IntegerType()),  # JSONL line or Parquet row from 1; 0: a file
        StructField("payload", BinaryType()),
    ]
)


def _strings() -> ArrayType:
    return ArrayType(StringType())


PARTICIPANT = StructType(
    [StructField(name, StringType()) for name in ("name", "country", "title", "role")]
)
EVENT = StructType(
    [
        StructField("position", IntegerType()),  # in the article's record
        StructField("kind", StringType()),
        StructField("status", StringType()),
        StructField("name", StringType()),
        StructField("series", StringType()),
        StructField("edition", IntegerType()),
        StructField("date", StringType()),
        StructField("format", StringType()),
        StructField("location", StringType()),
        StructField("parties", _strings()),
        StructField("participants", ArrayType(PARTICIPANT)),
        StructField("outcomes", _strings()),
        StructField("evidence", StringType()),
        StructField("evidence_start", IntegerType()),  # offsets into the article's body
        StructField("evidence_end", IntegerType()),
    ]
)
PERSON = StructType(
    [
        StructField("name", StringType()),
        StructField("country", StringType()),
        StructField("titles", _strings()),
    ]
)
# What the workers return, one row per unit: an article, or an error (`reason` set).
RESULT = StructType(
    [
        StructField("path", StringType()),  # the input file (an error: where, file:LINE)
        StructField("line", IntegerType()),  # JSONL line or Parquet row from 1; 0: a file
        StructField("source", StringType()),  # the store's key: the path, or path#doc_id
        StructField("doc_id", StringType()),
        StructField("url", StringType()),
        StructField("published", StringType()),
        StructField("year", IntegerType()),
        StructField("content_hash", StringType()),
        StructField("title", StringType()),
        StructField("record", StringType()),  # the SCHEMA.md record, as JSON
        StructField("body", StringType()),
        StructField("spans", StringType()),  # JSON: each event's [start, end] in body, or null
        StructField("signature", BinaryType()),  # MinHash of the body
        StructField("milestones", StringType()),  # JSON list
        StructField("extractor", StringType()),  # the diplonews version that extracted it
        StructField("events", ArrayType(EVENT)),
        StructField("people", ArrayType(PERSON)),
        StructField("reason", StringType()),
    ]
)
ARTICLE_COLUMNS = [f.name for f in RESULT.fields if f.name not in ("events", "people", "reason")]
_EMPTY_ARTICLE = (None,) * (len(ARTICLE_COLUMNS) - 2)  # the columns after path and line


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


# --- on the executors ----------------------------------------------------------------


def local_path(uri: str) -> str:
    """A local file's plain path ("file:/data/a.txt" → "/data/a.txt", as `ingest` keys
    it); any other URI as it is."""
    return re.sub(r"^file:(//(?=/))?", "", uri)


def units_of_file(path: str, data: bytes) -> Iterator[Unit]:
    """A file's units: itself (.txt, .html), or its lines (.jsonl)."""
    if PurePosixPath(path).suffix.lower() in reading.JSONL_SUFFIXES:
        for line in reading.jsonl_lines(io.BytesIO(data), path):
            if isinstance(line, InputError):
                yield (ERROR, line.path, 0, line.reason.encode())
            else:
                yield (LINE, path, line[0], line[1])
    else:
        yield (FILE, path, 0, data)


def split_jsonl_batches(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """mapInArrow over JSONL files (path, content): their lines as units."""
    schema = arrow_schema(UNIT)
    for batch in batches:
        paths, contents = batch.column("path").to_pylist(), batch.column("content").to_pylist()
        units = [
            u for path, data in zip(paths, contents, strict=True) for u in units_of_file(path, data)
        ]
        for start in range(0, len(units), RESULT_BATCH_ROWS):
            yield arrow_batch(units[start : start + RESULT_BATCH_ROWS], schema)


def extract_batches(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """mapInArrow over units: one RESULT row per unit, sent back RESULT_BATCH_ROWS at a
    time so the JVM writes while Python extracts. Never raises on a record."""
    lexicons = load()  # cached: once per Python worker, which Spark reuses across tasks
    schema = arrow_schema(RESULT)
    rows: list[tuple[Any, ...]] = []
    for batch in batches:
        columns = (batch.column(name).to_pylist() for name in UNIT.fieldNames())
        for unit in zip(*columns, strict=True):
            try:
                rows.append(_extract(unit, lexicons))
            except Exception as exc:  # noqa: BLE001 -- one bad record must not fail the job
                reason = f"internal error: {type(exc).__name__}: {exc}"
                rows.append(_error(unit[1], unit[2], reason))
            if len(rows) == RESULT_BATCH_ROWS:
                yield arrow_batch(rows, schema)
                rows = []
    if rows:
        yield arrow_batch(rows, schema)


@cache
def arrow_schema(schema: StructType) -> pa.Schema:
    return to_arrow_schema(schema)


def arrow_batch(rows: list[tuple[Any, ...]], schema: pa.Schema) -> pa.RecordBatch:
    """Rows (tuples in the schema's order; nested structs as tuples) as one Arrow batch."""
    columns = zip(*rows, strict=True)
    return pa.RecordBatch.from_arrays(
        [
            pa.array(values, type=column.type)
            for values, column in zip(columns, schema, strict=True)
        ],
        schema=schema,
    )


def _extract(unit: Unit, lexicons: Lexicons) -> tuple[Any, ...]:
    kind, path, line, payload = unit
    if kind == ERROR:
        return _error(path, line, payload.decode())
    try:
        if kind == FILE:
            item = reading.source_from_bytes(payload, path)
        elif kind == LINE:
            item = reading.source_from_json_line(payload, path, line)
        else:  # ROW: a Parquet row as a JSON object, nulls left out
            item = reading.source_from_object(json.loads(payload), path, line)
    except InputError as exc:
        return _error(exc.path, line, exc.reason)
    source = path if kind == FILE else f"{path}#{item.doc_id}"
    prepared = ingest.prepare_source(item, source, dedupe.content_hash(item.text), lexicons)
    if isinstance(prepared, str):  # "where: reason"
        return _error(item.path, line, prepared.removeprefix(f"{item.path}: "))
    return result_row(path, line, prepared)


def result_row(path: str, line: int, prepared: Prepared) -> tuple[Any, ...]:
    """An extracted article as a RESULT row (also what the benchmark's single process
    writes, so that both write the same)."""
    record = prepared.record
    published = record.get("published")
    spans = prepared.spans
    return (
        path,
        line,
        prepared.source,
        prepared.doc_id,
        prepared.url,
        published,
        int(published[:4]) if published and published[:4].isdigit() else None,
        prepared.content_hash,
        record.get("title"),
        json.dumps(record, ensure_ascii=False),
        prepared.body,
        json.dumps([list(span) if span else None for span in spans]),
        prepared.signature,
        json.dumps(prepared.milestones, ensure_ascii=False),
        __version__,
        [
            _event_row(position, event, spans[position] if position < len(spans) else None)
            for position, event in enumerate(record.get("events") or [])
        ],
        [
            (p["name"], p.get("country"), list(p.get("titles") or []))
            for p in record.get("people") or []
        ],
        None,
    )


def _event_row(
    position: int, event: dict[str, Any], span: tuple[int, int] | None
) -> tuple[Any, ...]:
    return (
        position,
        event["kind"],
        event.get("status"),
        event.get("name"),
        event.get("series"),
        event.get("edition"),
        event.get("date"),
        event.get("format"),
        event.get("location"),
        list(event.get("parties") or []),
        [
            (p["name"], p.get("country"), p.get("title"), p.get("role"))
            for p in event.get("participants") or []
        ],
        list(event.get("outcomes") or []),
        event.get("evidence"),
        span[0] if span else None,
        span[1] if span else None,
    )


def _error(path: str, line: int, reason: str) -> tuple[Any, ...]:
    return (path, line, *_EMPTY_ARTICLE, None, None, reason)


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
    """Whether a file is read: an article up to reading's limit, a JSONL file up to Spark's."""
    return F.when(_is_jsonl(path), length <= JSONL_MAX_BYTES).otherwise(length <= reading.MAX_BYTES)


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


def _too_large(path: Column) -> Column:
    mb = reading.MAX_BYTES // (1024 * 1024)
    return F.when(_is_jsonl(path), F.lit("JSONL file larger than 2 GB: split it")).otherwise(
        F.lit(f"file larger than {mb} MB")
    )


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
    files (. and _) and other kinds of files are skipped unread, as by `ingest`. A file
    is read whole, and only when `_fits`; the others (and empty ones) are error units."""

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
        shards = files if not articles else scan(reading.JSONL_SUFFIXES)
        shard_path = F.regexp_replace(shards["path"], r"^file:(//(?=/))?", "")
        contents = shards.where(shards["length"] <= JSONL_MAX_BYTES).select(
            shard_path.alias("path"), "content"
        )
        # A JSONL file is read by one task: its lines are spread over the partitions.
        parts.append(contents.mapInArrow(split_jsonl_batches, UNIT).repartition(partitions))
    # Not read: too large (found by their length alone), or empty (left out by Spark's
    # scans, so found by what the listing holds and the scan does not).
    parts.append(
        files.where(~_fits(path, files["length"])).select(*_error_units(path, _too_large(path)))
    )
    scanned = files.count()  # no content read
    if scanned < len(listed):
        everything = spark.createDataFrame([(p,) for p in listed], "path string")
        empty = everything.join(files.select(path.alias("path")), "path", "left_anti")
        parts.append(empty.select(*_error_units(F.col("path"), F.lit("empty file"))))
    return _union(parts)


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
            F.expr("url_decode(replace(_metadata.file_path, '+', '%2B'))").alias("path"),
            (F.col("_metadata.row_index") + 1).cast("int").alias("line"),
            F.encode(F.to_json(F.struct(*fields)), "UTF-8").alias("payload"),
        )
        units = units.withColumn("path", F.regexp_replace("path", r"^file:(//(?=/))?", ""))
        count = units.rdd.getNumPartitions()
        if count < partitions:
            return units.repartition(partitions)
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
        extracted.write.mode("overwrite").parquet(table + STAGING)
    extract_seconds = time.perf_counter() - started
    try:
        write_tables(spark, table, "overwrite" if options.overwrite else "errorifexists")
    finally:
        staging_fs, staging = _hadoop(spark, table + STAGING)
        staging_fs.delete(staging, True)
    # From the Parquet footers: a count reads no column, and a schema given (any column)
    # reads a table without rows, which has no file to infer one from.
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
    """The four tables under `table` from the rows staged there."""
    results = spark.read.parquet(table + STAGING)
    ok = F.col("reason").isNull()
    # One task per year writes its files (a few files rather than partitions × years),
    # articles sorted in input order within each file, for `load` to merge.
    articles = results.where(ok).select(*ARTICLE_COLUMNS).repartition("year")
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
        (
            rows.select(*[c for c in rows.columns if c != "item"], "item.*")
            .repartition("year")
            .write.mode(mode)
            .option("maxRecordsPerFile", MAX_ROWS_PER_FILE)
            .partitionBy("year")
            .parquet(table + name)
        )
    errors = results.where(~ok).select("path", "line", "reason").coalesce(1)
    errors = errors.sortWithinPartitions(*_order(errors))
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
