"""What runs on Spark's executors: units of input in, rows of extraction out.

Each Python worker calls `ingest.prepare_source` on every unit (a file, a JSONL line
or a Parquet row), with the lexicons shipped inside the package, loaded once per
worker and kept across its tasks; units arrive and rows leave as Arrow batches. The
schemas here are the contract between these functions and the driver's `job.py`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import pyarrow as pa
from pyspark.sql.pandas.types import to_arrow_schema
from pyspark.sql.types import (
    ArrayType,
    BinaryType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

from diplonews.errors import InputError
from diplonews.extract import reading
from diplonews.extract.lexicons import Lexicons, load
from diplonews.kb import dedupe, ingest
from diplonews.kb.store.writes import Prepared
from diplonews.spark import EXTRACTOR

UNIT_BATCH_ROWS = 256  # units per Arrow batch to a Python worker: about 1 MB, 1 s of work
RESULT_BATCH_ROWS = 64  # rows per Arrow batch back: the JVM writes while Python extracts


# A unit of work: (kind, path, line, payload), made on the JVM side, sent to the
# extraction as Arrow. A JSONL file is read in splits of about the same size (Spark's
# text source: lines without their "\n"); the JVM knows how many lines come before
# each split, the worker counts the lines within it (`numbered`).
FILE, LINE, ROW, ERROR = "file", "line", "row", "error"
SPLIT, SPLIT_UTF16 = "split", "split-utf16"  # a line of a JSONL split (line: lines before it)
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
        StructField("extractor", StringType()),  # spark.EXTRACTOR: version and MinHash scheme
        StructField("events", ArrayType(EVENT)),
        StructField("people", ArrayType(PERSON)),
        StructField("reason", StringType()),
    ]
)
ARTICLE_COLUMNS = [f.name for f in RESULT.fields if f.name not in ("events", "people", "reason")]
_EMPTY_ARTICLE = (None,) * (len(ARTICLE_COLUMNS) - 2)  # the columns after path and line


# --- on the executors ----------------------------------------------------------------


def local_path(uri: str) -> str:
    """A local file's plain path ("file:/data/a.txt" → "/data/a.txt", as `ingest` keys
    it); any other URI as it is."""
    return re.sub(r"^file:(//(?=/))?", "", uri)


def numbered(unit: Unit, counted: dict[tuple[str, int], int]) -> Unit | None:
    """A line of a JSONL split (SPLIT) as `reading.jsonl_lines` gives it: a LINE unit
    numbered from 1 in its file, an ERROR unit, or None for a blank line and for the
    lines of a UTF-16 file (one error for the file, at its first line). The lines of a
    split reach a task together and in order: `counted` holds how many were seen."""
    kind, path, before, payload = unit
    place = counted.get((path, before), 0) + 1
    counted[(path, before)] = place
    number = before + place
    if kind == SPLIT_UTF16:
        return (ERROR, path, 0, reading.UTF16_JSONL.encode()) if number == 1 else None
    if len(payload) > reading.MAX_BYTES:
        return (ERROR, f"{path}:{number}", 0, reading.LINE_TOO_LARGE.encode())
    if not payload.strip():
        return None
    return (LINE, path, number, payload)


def extract_batches(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """mapInArrow over units: one RESULT row per unit, sent back RESULT_BATCH_ROWS at a
    time so the JVM writes while Python extracts. Never raises on a record."""
    lexicons = load()  # cached: once per Python worker, which Spark reuses across tasks
    schema = arrow_schema(RESULT)
    rows: list[tuple[Any, ...]] = []
    counted: dict[tuple[str, int], int] = {}
    for batch in batches:
        columns = (batch.column(name).to_pylist() for name in UNIT.fieldNames())
        for given in zip(*columns, strict=True):
            unit = numbered(given, counted) if given[0] in (SPLIT, SPLIT_UTF16) else given
            if unit is None:  # a blank line, or a line of a UTF-16 file
                continue
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
        EXTRACTOR,
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
