"""Reading a `spark-extract` output back into a store: `diplonews ingest --from-parquet`.

The `articles` table becomes `Prepared` articles, handed to `ingest.ingest_prepared`:
the same skipping of unchanged sources, duplicates, resolution of events and people
across articles, and transactions as `diplonews ingest`. They come in the order
`ingest` would have read the input in (path by path component, then line): the job
writes each file sorted that way, and this merges the files lazily, opening one only
when the merge reaches its first row, so memory holds a few batches, not the table.

PyArrow only: loading needs neither Spark nor Java. OUTPUT is a local folder or a URI
PyArrow reads (s3://, hdfs://, gs://).
"""

from __future__ import annotations

import heapq
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from diplonews.errors import DiplonewsError, InputError
from diplonews.kb.ingest import IngestReport, ingest_prepared
from diplonews.kb.store import Store
from diplonews.kb.store.writes import Prepared
from diplonews.spark import EXTRACTOR

COLUMNS = [
    "path",
    "line",
    "source",
    "doc_id",
    "url",
    "content_hash",
    "record",
    "body",
    "spans",
    "signature",
    "milestones",
]
BATCH_ROWS = 64  # rows read at a time from each open file

Key = tuple[tuple[str, ...], int]


class Table:
    """The data files of one table of an output folder (validated on opening)."""

    def __init__(self, output: str | Path, name: str) -> None:
        text = str(output)
        if "://" in text:
            self.fs, root = pafs.FileSystem.from_uri(text)
        else:
            self.fs, root = pafs.LocalFileSystem(), str(Path(text).resolve())
        self.root = f"{root.rstrip('/')}/{name}"
        self.where = f"{text.rstrip('/')}/{name}"
        info = self.fs.get_file_info(self.root)
        if info.type != pafs.FileType.Directory:
            raise DiplonewsError(f"{self.where}: no such table; is this a spark-extract output?")
        if self.fs.get_file_info(f"{self.root}/_SUCCESS").type != pafs.FileType.File:
            raise DiplonewsError(f"{self.where}: incomplete (no _SUCCESS): run spark-extract again")
        found = self.fs.get_file_info(pafs.FileSelector(self.root, recursive=True))
        self.files = sorted(
            f.path
            for f in found
            if f.type == pafs.FileType.File
            and f.path.endswith(".parquet")
            and not any(p[:1] in "._" for p in f.path[len(self.root) :].split("/") if p)
        )

    def open(self, path: str) -> pq.ParquetFile:
        return pq.ParquetFile(self.fs.open_input_file(path))


def _key(row: dict[str, Any]) -> Key:
    return tuple(str(row["path"]).split("/")), int(row["line"])


def _rows(table: Table, path: str, columns: list[str]) -> Iterator[dict[str, Any]]:
    for batch in table.open(path).iter_batches(batch_size=BATCH_ROWS, columns=columns):
        yield from batch.to_pylist()


def check_extractor(table: Table) -> None:
    """Every file has the columns; records of another diplonews would be stored as this
    one's: refused."""
    for path in table.files:
        file = table.open(path)
        missing = {"extractor", *COLUMNS} - set(file.schema_arrow.names)
        if missing:
            raise DiplonewsError(
                f"{path}: no column {', '.join(sorted(missing))}: not a spark-extract output"
            )
        column = file.read(columns=["extractor"]).column("extractor")
        versions = set(column.unique().to_pylist()) - {EXTRACTOR}
        if versions:
            raise DiplonewsError(
                f"{table.where}: extracted by diplonews {', '.join(sorted(map(str, versions)))}, "
                f"this is {EXTRACTOR}: run spark-extract again with this version"
            )


def article_rows(table: Table, columns: list[str] = COLUMNS) -> Iterator[dict[str, Any]]:
    """The table's rows in input order: a lazy merge of its files, each sorted."""
    firsts: list[tuple[Key, int, str]] = []
    for number, path in enumerate(table.files):
        first = next(_rows(table, path, ["path", "line"]), None)
        if first is not None:
            firsts.append((_key(first), number, path))
    waiting = deque(sorted(firsts))
    heads: list[tuple[Key, int, dict[str, Any], Iterator[dict[str, Any]]]] = []
    while heads or waiting:
        # A file whose first row comes before every open file's next row opens now.
        while waiting and (not heads or waiting[0][0] <= heads[0][0]):
            _, number, path = waiting.popleft()
            rows = _rows(table, path, columns)
            row = next(rows, None)
            if row is not None:
                heapq.heappush(heads, (_key(row), number, row, rows))
        _, number, row, rows = heapq.heappop(heads)
        yield row
        following = next(rows, None)
        if following is not None:
            heapq.heappush(heads, (_key(following), number, following, rows))


def prepared(row: dict[str, Any]) -> Prepared:
    return Prepared(
        source=row["source"],
        doc_id=row["doc_id"],
        url=row["url"],
        content_hash=row["content_hash"],
        record=json.loads(row["record"]),
        body=row["body"],
        spans=[(int(s[0]), int(s[1])) if s else None for s in json.loads(row["spans"])],
        signature=bytes(row["signature"]),
        milestones=json.loads(row["milestones"]),
    )


def read_prepared(output: str | Path) -> Iterator[Prepared | InputError]:
    """The articles of a spark-extract output, in input order (a row that cannot be
    read is an `InputError`). Raises `DiplonewsError` at once for a folder that is not
    a complete output of this diplonews version."""
    try:
        table = Table(output, "articles")
        check_extractor(table)
    except (OSError, pa.ArrowException) as exc:
        raise DiplonewsError(f"{output}: {exc}") from None
    return _prepared_rows(table)


def _prepared_rows(table: Table) -> Iterator[Prepared | InputError]:
    rows = article_rows(table)
    while True:
        try:
            row = next(rows, None)
        except (OSError, pa.ArrowException) as exc:  # a file gone or corrupt since opening
            raise DiplonewsError(f"{table.where}: {exc}") from None
        if row is None:
            return
        try:
            yield prepared(row)
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            yield InputError(f"{table.where}: {row.get('source')}", f"bad row: {exc}")


def ingest(
    store: Store,
    output: str | Path,
    *,
    lexicon_paths: Iterable[str | Path] = (),
    batch_size: int | None = None,
    on_error: Callable[[str], None] = lambda message: None,
    on_progress: Callable[[IngestReport], None] = lambda report: None,
) -> IngestReport:
    """Load a spark-extract output into the store, as `diplonews ingest` would have
    stored its input; re-running adds nothing."""
    return ingest_prepared(
        store,
        read_prepared(output),
        lexicon_paths=lexicon_paths,
        batch_size=batch_size,
        on_error=on_error,
        on_progress=on_progress,
    )
