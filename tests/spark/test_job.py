"""`diplonews spark-extract`: the same records as the single-process pipeline, bad
records as rows of `errors` (never a failed job), tables partitioned by year."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from diplonews import extract as extraction
from diplonews.cli.main import app
from diplonews.errors import InputError
from diplonews.extract import reading
from diplonews.kb import dedupe, ingest
from diplonews.spark import EXTRACTOR


def read_table(output: Path, name: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return pq.read_table(output / name).to_pylist()


def single_process(source: Path) -> tuple[dict[str, reading.Source], set[tuple[str, str]]]:
    """What `reading` gives for the same input: the articles by doc_id, and the errors."""
    found: dict[str, reading.Source] = {}
    errors = set()
    for item in reading.iter_sources([source]):
        if isinstance(item, InputError):
            errors.add((item.path, item.reason))
        else:
            found[item.doc_id] = item
    return found, errors


def assert_same_as_single_process(output: Path, source: Path, jsonl: bool) -> None:
    expected, _ = single_process(source)
    rows = read_table(output, "articles")
    assert sorted(r["doc_id"] for r in rows) == sorted(expected)
    for row in rows:
        item = expected[row["doc_id"]]
        record = extraction.extract(
            item.text, item.doc_id, published=item.published, url=item.url
        ).to_dict()
        assert row["record"] == json.dumps(record, ensure_ascii=False), item.doc_id
        key = f"{source}#{item.doc_id}" if jsonl else item.path
        prepared = ingest.prepare_source(item, key, dedupe.content_hash(item.text))
        assert not isinstance(prepared, str)
        assert (row["source"], row["content_hash"], row["url"]) == (
            prepared.source,
            prepared.content_hash,
            prepared.url,
        )
        assert row["body"] == prepared.body
        assert json.loads(row["spans"]) == [list(s) if s else None for s in prepared.spans]
        assert row["signature"] == prepared.signature
        assert json.loads(row["milestones"]) == prepared.milestones
        assert row["extractor"] == EXTRACTOR


def test_job_txt_records_are_the_single_process_ones(txt_output: Path, corpus_dir: Path) -> None:
    assert_same_as_single_process(txt_output, corpus_dir, jsonl=False)


def test_job_jsonl_records_are_the_single_process_ones(
    jsonl_output: Path, corpus_jsonl: Path
) -> None:
    assert_same_as_single_process(jsonl_output, corpus_jsonl, jsonl=True)
    page = next(r for r in read_table(jsonl_output, "articles") if r["doc_id"] == "page")
    assert page["title"] == "Việt Nam và Hàn Quốc tăng cường hợp tác"  # read from the HTML


def test_job_errors_table_holds_the_bad_records(
    txt_output: Path, corpus_dir: Path, jsonl_output: Path, corpus_jsonl: Path
) -> None:
    for output, source in ((txt_output, corpus_dir), (jsonl_output, corpus_jsonl)):
        _, expected = single_process(source)
        rows = read_table(output, "errors")
        assert {(r["path"], r["reason"]) for r in rows} == expected
        assert len(rows) == len(expected)
    reasons = {r["path"]: r["reason"] for r in read_table(txt_output, "errors")}
    assert reasons == {
        str(corpus_dir / "zz-bad" / "binary.txt"): "binary file",
        str(corpus_dir / "zz-bad" / "empty.txt"): "empty file",
    }
    reasons = {r["path"]: r["reason"] for r in read_table(jsonl_output, "errors")}
    assert reasons[f"{corpus_jsonl}:4"].startswith("invalid JSON")
    assert reasons[f"{corpus_jsonl}:5"] == 'no "text" or "html" field with content'
    assert reasons[f"{corpus_jsonl}:7"] == "not a JSON object"
    assert f"{corpus_jsonl}:6" not in reasons  # a blank line is no record


def test_job_partitions_every_table_by_publication_year(txt_output: Path) -> None:
    import pyarrow.parquet as pq

    for name in ("articles", "events", "people"):
        folders = {p.name for p in (txt_output / name).iterdir() if p.is_dir()}
        assert "year=2021" in folders and "year=__HIVE_DEFAULT_PARTITION__" in folders
        assert all(f.startswith("year=") for f in folders)
    published: dict[str, str | None] = {}
    for folder in (txt_output / "articles").glob("year=*"):
        year = folder.name.removeprefix("year=")
        for file in folder.glob("*.parquet"):
            for row in pq.read_table(file).to_pylist():
                published[row["doc_id"]] = row["published"]
                if year == "__HIVE_DEFAULT_PARTITION__":
                    assert row["published"] is None
                else:
                    assert row["published"][:4] == year
    assert len(published) == 30
    years = {r["doc_id"]: r["year"] for r in read_table(txt_output, "articles")}
    assert years == {d: int(p[:4]) if p else None for d, p in published.items()}
    articles = {r["source"]: r["year"] for r in read_table(txt_output, "articles")}
    for name in ("events", "people"):
        assert all(r["year"] == articles[r["source"]] for r in read_table(txt_output, name))


def test_job_articles_files_are_sorted_in_input_order(txt_output: Path) -> None:
    import pyarrow.parquet as pq

    files = sorted((txt_output / "articles").glob("year=*/*.parquet"))
    assert len(files) > 1
    for file in files:
        keys = [(r["path"].split("/"), r["line"]) for r in pq.read_table(file).to_pylist()]
        assert keys == sorted(keys)


def test_job_events_and_people_tables_follow_the_records(jsonl_output: Path) -> None:
    articles = {r["source"]: r for r in read_table(jsonl_output, "articles")}
    events: dict[str, list[dict[str, Any]]] = {}
    for row in read_table(jsonl_output, "events"):
        events.setdefault(row["source"], []).append(row)
    people: dict[str, list[dict[str, Any]]] = {}
    for row in read_table(jsonl_output, "people"):
        people.setdefault(row["source"], []).append(row)
    assert sum(len(v) for v in events.values()) >= 50
    for source, article in articles.items():
        record = json.loads(article["record"])
        spans = json.loads(article["spans"])
        rows = sorted(events.get(source, []), key=lambda r: r["position"])
        assert [r["position"] for r in rows] == list(range(len(record["events"])))
        for row, event, span in zip(rows, record["events"], spans, strict=True):
            assert row["doc_id"] == article["doc_id"]
            assert {k: row[k] for k in event} == event  # participants: structs as dicts
            assert [row["evidence_start"], row["evidence_end"]] == (span or [None, None])
        named = sorted(people.get(source, []), key=lambda r: r["position"])
        assert [{k: p[k] for k in ("name", "country", "titles")} for p in named] == (
            record["people"]
        )


def parsed(line: str) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return None


def test_job_reads_parquet_input_as_jsonl(
    run_job: Callable[[Path, Path], Any], jsonl_output: Path, corpus_jsonl: Path, tmp_path: Path
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    lines = corpus_jsonl.read_text("utf-8").splitlines()[:12]
    objects = [o for o in map(parsed, lines) if isinstance(o, dict) and "text" in o]
    objects[0]["published"] = "2021-06-08T09:15:00+07:00"
    source = tmp_path / "in" / "articles.parquet"
    source.parent.mkdir()
    table = pa.Table.from_pylist(objects)
    pq.write_table(table, source)
    report = run_job(source.parent, tmp_path / "out")
    assert report.errors == 1 and report.articles == len(objects) - 1
    (error,) = read_table(tmp_path / "out", "errors")
    position = next(n for n, o in enumerate(objects, 1) if not o["text"].strip())
    assert error == {
        "path": f"{source}:{position}",
        "reason": 'no "text" or "html" field with content',
    }
    from_jsonl = {r["doc_id"]: r["record"] for r in read_table(jsonl_output, "articles")}
    rows = read_table(tmp_path / "out", "articles")
    first = objects[0]["id"]
    for row in rows:
        assert row["source"] == f"{source}#{row['doc_id']}"
        if row["doc_id"] != first:
            assert row["record"] == from_jsonl[row["doc_id"]]
    dated = next(r for r in rows if r["doc_id"] == first)
    assert (dated["published"], dated["year"]) == ("2021-06-08", 2021)


def test_cli_spark_extract_writes_tables_and_refuses_an_existing_output(
    spark: Any, corpus_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for path in sorted((corpus_dir / "seeds").glob("*.txt"))[:2]:
        (source / path.name).write_bytes(path.read_bytes())
    (source / "empty.txt").write_bytes(b"")
    output = tmp_path / "out"
    args = ["spark-extract", str(source), str(output), "--partitions", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"diplonews: {source / 'empty.txt'}: empty file" in result.stderr
    assert "2 articles" in result.stderr and "1 errors" in result.stderr
    assert {p.name for p in output.iterdir()} == {"articles", "events", "people", "errors"}
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 2
    assert again.stderr == f"diplonews: {output} exists: give a new folder, or --overwrite\n"
    assert CliRunner().invoke(app, [*args, "--overwrite"]).exit_code == 0


def test_cli_spark_extract_names_a_missing_input(spark: Any, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["spark-extract", str(tmp_path / "nope"), str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.stderr == f"diplonews: {tmp_path / 'nope'}: no such file or directory\n"


def test_cli_spark_extract_without_pyspark_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import diplonews.spark

    for name in [m for m in sys.modules if m.split(".")[0] == "pyspark"] + ["pyspark"]:
        monkeypatch.setitem(sys.modules, name, None)  # import pyspark(.…) → ImportError
    monkeypatch.delitem(sys.modules, "diplonews.spark.job", raising=False)
    monkeypatch.delattr(diplonews.spark, "job", raising=False)
    result = CliRunner().invoke(app, ["spark-extract", str(tmp_path), str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr.startswith("diplonews: spark-extract needs PySpark and Java 17+")
    assert result.stderr.count("\n") == 1


def test_cli_does_not_import_pyspark() -> None:
    code = "import sys; from diplonews.cli.main import app; assert 'pyspark' not in sys.modules, 'pyspark imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_job_reports_files_it_does_not_read(
    run_job: Callable[[Path, Path], Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.TXT").write_text("Hà Nội. " * 100, encoding="utf-8")  # any case
    (folder / "small.txt").write_text("Hà Nội.", encoding="utf-8")
    monkeypatch.setattr(reading, "MAX_BYTES", 500)  # on the driver, which plans the read
    report = run_job(folder, tmp_path / "out")
    (error,) = read_table(tmp_path / "out", "errors")
    assert error["path"] == str(folder / "big.TXT")
    assert error["reason"].startswith("file larger than")
    assert report.errors == 1
    report = run_job(tmp_path / "in" / "small.txt", tmp_path / "one")
    assert (report.articles, report.errors) == (1, 0)
    (folder / "notes.md").write_text("# notes", encoding="utf-8")
    run_job(folder / "notes.md", tmp_path / "md")
    assert read_table(tmp_path / "md", "errors") == [
        {"path": str(folder / "notes.md"), "reason": "unsupported file type .md"}
    ]


def test_job_numbers_the_lines_of_a_jsonl_file_read_in_splits(
    run_job: Callable[[Path, Path], Any], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = []
    for number in range(1, 601):
        if number % 37 == 0:
            lines.append("   ")  # blank: counted, no record
        elif number % 53 == 0:
            lines.append("{not json")
        else:  # no id: the doc_id is the file's stem and the line's number
            text = f"Hà Nội, ngày {number}: hội đàm."
            lines.append(json.dumps({"text": text, "published": "2021-06-07"}))
    (folder / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "wide.jsonl").write_text("\n".join(lines[:300]), encoding="utf-16")
    report = run_job(folder, tmp_path / "out")  # 3 partitions: each file in several splits
    expected, errors = single_process(folder)
    rows = read_table(tmp_path / "out", "articles")
    assert {r["doc_id"]: r["line"] for r in rows} == {d: int(d.rsplit(":", 1)[1]) for d in expected}
    assert {(r["path"], r["reason"]) for r in read_table(tmp_path / "out", "errors")} == errors
    assert (str(folder / "wide.jsonl"), reading.UTF16_JSONL) in errors
    assert (report.articles, report.errors) == (len(expected), len(errors))
