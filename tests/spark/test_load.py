"""`diplonews ingest --from-parquet`: a spark-extract output gives the store that
`diplonews ingest` of the same articles gives, and loading it again adds nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from diplonews import api
from diplonews.cli.main import app
from diplonews.errors import DiplonewsError
from diplonews.kb.store import Store, open_store
from diplonews.spark import EXTRACTOR


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two new SQLite stores: one for `api.ingest`, one for the Parquet load."""
    direct, loaded = open_store(str(tmp_path / "direct.db")), open_store(str(tmp_path / "p.db"))
    try:
        yield direct, loaded
    finally:
        direct.close()
        loaded.close()


def snapshot(store: Store) -> dict[str, Any]:
    """What a user sees of the store: counts, every event, every person, every copy."""
    return {
        "counts": api.counts(store),
        "events": [e.to_dict() for e in api.events(store, newest_first=False, limit=10_000)],
        "people": [p.to_dict() for p in api.people(store, limit=10_000)],
        "copies": store.query("SELECT source, article_id, doc_id, similarity FROM copies"),
        "milestones": [m.to_dict() for m in api.milestones(store)],
    }


def load(store: Store, output: Path) -> api.IngestReport:
    from diplonews.spark import load as parquet

    return parquet.ingest(store, output)


@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_load_gives_the_store_ingest_gives(
    kind: str, request: pytest.FixtureRequest, stores: tuple[Store, Store]
) -> None:
    source = request.getfixturevalue("corpus_dir" if kind == "txt" else "corpus_jsonl")
    output = request.getfixturevalue(f"{kind}_output")
    direct, loaded = stores
    expected = api.ingest(direct, [source], workers=1)
    report = load(loaded, output)
    assert (report.added, report.duplicates, report.updated) == (
        expected.added,
        expected.duplicates,
        expected.updated,
    )
    assert report.failed == 0  # the input's bad records stayed in the errors table
    assert snapshot(loaded) == snapshot(direct)
    assert snapshot(loaded)["counts"]["events"] > 40


def test_load_again_adds_nothing(txt_output: Path, corpus_dir: Path, tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "store.db"))
    try:
        first = load(store, txt_output)
        before = snapshot(store)
        again = load(store, txt_output)
        assert (again.added, again.duplicates, again.updated, again.failed) == (0, 0, 0, 0)
        assert again.unchanged == first.processed == 30
        assert (first.added, first.duplicates) == (29, 1)
        assert snapshot(store) == before
        # The sources are the keys `ingest` gives the same files: it finds nothing new.
        report = api.ingest(store, [corpus_dir], workers=1)
        assert (report.added, report.duplicates, report.updated) == (0, 0, 0)
        assert snapshot(store) == before
    finally:
        store.close()


def test_cli_ingest_from_parquet(txt_output: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    result = CliRunner().invoke(app, ["ingest", "--from-parquet", str(txt_output), "--db", db])
    assert result.exit_code == 0, result.output
    assert "29 articles added, 1 duplicates" in result.stderr
    again = CliRunner().invoke(app, ["ingest", "--from-parquet", str(txt_output), "--db", db])
    assert "0 articles added" in again.stderr and "30 unchanged" in again.stderr


def test_cli_ingest_wants_paths_or_parquet(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    for args in (["ingest", "--db", db], ["ingest", str(tmp_path), "--from-parquet", "x"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2
        assert result.stderr == (
            "diplonews: give the articles' PATHs, or --from-parquet OUTPUT (not both)\n"
        )


# --- the loader on its own: PyArrow, no Spark ----------------------------------------


def write_table(output: Path, files: dict[str, list[tuple[str, int]]], **fields: Any) -> None:
    """A made-up articles table: one Parquet file per name, rows of (path, line)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = None
    for name, keys in files.items():
        rows = [
            {
                "path": path,
                "line": line,
                "source": f"{path}#{line}",
                "doc_id": f"{Path(path).stem}:{line}",
                "url": None,
                "content_hash": f"{path}:{line}",
                "record": json.dumps({"doc_id": f"{path}:{line}", "events": []}),
                "body": "",
                "spans": "[]",
                "signature": b"",
                "milestones": "[]",
                "extractor": EXTRACTOR,
                **fields,
            }
            for path, line in keys
        ]
        file = output / "articles" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pylist(rows, schema=schema)
        schema = table.schema  # the first file's, for an empty one
        pq.write_table(table, file)
    (output / "articles" / "_SUCCESS").write_bytes(b"")


@pytest.mark.usefixtures("arrow")
def test_load_reads_rows_in_input_order(tmp_path: Path) -> None:
    from diplonews.spark.load import read_prepared

    write_table(
        tmp_path,
        {
            "year=2021/part-00000.parquet": [("/a/b.jsonl", 2), ("/a/c.txt", 0)],
            "year=2022/part-00000.parquet": [("/a/b.jsonl", 1), ("/a/b.jsonl", 10)],
            "year=2021/part-00001.parquet": [("/a/d/e.txt", 0), ("/a-b/a.txt", 0)],
            "year=2022/part-00001.parquet": [("/a/d.txt", 0)],
            "year=2023/part-00009.parquet": [],
            "year=2021/_hidden.parquet": [("/0.txt", 0)],
        },
    )
    order = [p.source for p in read_prepared(tmp_path) if not isinstance(p, Exception)]
    assert order == [
        "/a/b.jsonl#1",
        "/a/b.jsonl#2",
        "/a/b.jsonl#10",
        "/a/c.txt#0",
        "/a/d/e.txt#0",  # the folder d before d.txt, as a walk of /a gives them
        "/a/d.txt#0",
        "/a-b/a.txt#0",
    ]


@pytest.mark.usefixtures("arrow")
def test_load_refuses_an_output_of_another_version(tmp_path: Path) -> None:
    from diplonews.spark.load import read_prepared

    write_table(tmp_path, {"part-0.parquet": [("/a.txt", 0)]}, extractor="0.0.1")
    with pytest.raises(DiplonewsError, match="extracted by diplonews 0.0.1, this is"):
        read_prepared(tmp_path)


@pytest.mark.usefixtures("arrow")
def test_load_refuses_an_incomplete_or_missing_output(tmp_path: Path) -> None:
    from diplonews.spark.load import read_prepared

    with pytest.raises(DiplonewsError, match="no such table"):
        read_prepared(tmp_path)
    write_table(tmp_path, {"part-0.parquet": [("/a.txt", 0)]})
    (tmp_path / "articles" / "_SUCCESS").unlink()
    with pytest.raises(DiplonewsError, match=r"incomplete \(no _SUCCESS\)"):
        read_prepared(tmp_path)


@pytest.mark.usefixtures("arrow")
def test_load_reports_a_bad_row_and_goes_on(tmp_path: Path) -> None:
    from diplonews.spark.load import read_prepared

    write_table(tmp_path, {"part-0.parquet": [("/a.txt", 0)]}, record="{not json")
    (item,) = read_prepared(tmp_path)
    assert isinstance(item, DiplonewsError)
    assert str(item).startswith(f"{tmp_path / 'articles'}: /a.txt#0: bad row: ")
