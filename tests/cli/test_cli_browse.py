"""The list commands with the web lists' filters: `events`, `people`, `series` and the
new `articles`, in a table, JSON or the CSV the web's .csv gives."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplonews import api
from diplonews.cli import main as cli

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dev articles (with dev/sources.tsv) and the seed articles."""
    path = tmp_path_factory.mktemp("cli-browse") / "kb.db"
    result = CliRunner().invoke(
        cli.app, ["ingest", str(DATA / "dev"), str(DATA / "seeds"), "--db", str(path)]
    )
    assert result.exit_code == 0, result.output
    return path


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.app, [str(a) for a in args], env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_cli_events_take_the_web_filters_and_give_its_csv(db: Path) -> None:
    code, out, err = run(
        "events",
        "--party",
        "Hàn Quốc",
        "--kind",
        "meeting",
        "-n",
        "500",
        "--format",
        "csv",
        "--db",
        db,
    )
    assert code == 0, err
    found = rows(out)
    store = api.open_store(str(db))
    try:
        same = api.browse(store, "events", [("party", "KOR"), ("kind", "meeting"), ("size", "200")])
    finally:
        store.close()
    assert [int(r["id"]) for r in found] == [r["id"] for r in same.rows]
    assert all("KOR" in r["parties"].split("; ") and r["kind"] == "meeting" for r in found)
    code, out, err = run(
        "events", "--outlet", "KBS World", "--sort", "date", "--format", "json", "--db", db
    )
    dates = [e["date"] for e in json.loads(out) if e["date"]]
    assert code == 0 and dates and dates == sorted(dates)


def test_cli_events_pages_and_the_count_on_stderr(db: Path) -> None:
    code, first, err = run("events", "-n", "3", "--format", "json", "--db", db)
    code2, second, _ = run("events", "-n", "3", "--page", "2", "--format", "json", "--db", db)
    assert code == code2 == 0
    ids = [e["id"] for e in json.loads(first)] + [e["id"] for e in json.loads(second)]
    assert len(set(ids)) == 6
    code, _, err = run("events", "-n", "3", "--db", db)
    assert code == 0 and "1–3 of" in err and "--page for more" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--from", "2021-13-45"], "--from '2021-13-45': there is no month 13"),
        (
            ["events", "--from", "2024", "--to", "2020"],
            "--from 2024 is after --to 2020: the period is empty",
        ),
        (["events", "--sort", "colour"], "sort: 'colour' is not a column to sort by"),
        (["events", "--year", "twenty"], "year: 'twenty' is not a year"),
        (["articles", "--year", "20"], "year: '20' is not a year"),
    ],
)
def test_cli_lists_refuse_bad_values_in_one_line(db: Path, args: list[str], message: str) -> None:
    code, out, err = run(*args, "--db", db)
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [f"diplonews: {err.strip().removeprefix('diplonews: ')}"]
    assert message in err


def test_cli_articles_give_outlet_and_original_url(db: Path) -> None:
    code, out, err = run("articles", "--outlet", "KBS World", "--format", "csv", "--db", db)
    assert code == 0, err
    found = rows(out)
    assert found and all(r["outlet"] == "KBS World" and "kbs.co.kr" in r["url"] for r in found)
    code, out, _ = run("articles", "-n", "100", "--format", "json", "--db", db)
    every = json.loads(out)
    assert code == 0 and all(a["title"] for a in every)  # seeds without a title: the lead's
    assert not any(str(DATA) in json.dumps(a) for a in every)
    code, out, _ = run("articles", "--db", db)
    assert code == 0 and "KBS World" in out


def test_cli_people_and_series_filters(db: Path) -> None:
    code, out, err = run("people", "--country", "KOR", "--format", "csv", "-n", "100", "--db", db)
    assert code == 0, err
    assert rows(out) and all(r["country"] == "KOR" for r in rows(out))
    code, out, _ = run("people", "--title", "Foreign Minister", "--format", "json", "--db", db)
    assert code == 0 and all(
        "Foreign Minister" in [t["title"] for t in p["titles"]] for p in json.loads(out)
    )
    code, out, _ = run("series", "--party", "KOR", "--format", "json", "--db", db)
    found = json.loads(out)
    assert code == 0 and found
    assert all(any("KOR" in e["parties"] for e in s["events"]) for s in found)
