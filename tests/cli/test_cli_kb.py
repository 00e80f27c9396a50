"""The knowledge-base commands through the real CLI: ingest, queries, export, and the
one-line errors for stores that cannot be used."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplonews.cli import main as cli


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the five seed articles, ingested through the CLI."""
    folder = tmp_path_factory.mktemp("cli")
    seeds = Path(__file__).parents[1] / "data" / "seeds"
    path = folder / "kb.db"
    result = CliRunner().invoke(cli.app, ["ingest", str(seeds), "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "5 articles added" in result.output
    return path


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.app, [str(a) for a in args], env={"COLUMNS": "250"})
    return result.exit_code, result.stdout, result.stderr


def test_reingest_reports_everything_unchanged(db: Path) -> None:
    seeds = Path(__file__).parents[1] / "data" / "seeds"
    code, _, err = run("ingest", seeds, "--db", db)
    assert code == 0
    assert "0 articles added" in err and "6 unchanged" in err  # 5 articles and gold.jsonl


def test_events_json_for_scripts(db: Path) -> None:
    code, out, _ = run(
        "events", "--party", "KOR", "--party", "ASEAN", "--format", "json", "--db", db
    )
    assert code == 0
    events = json.loads(out)
    assert events and all({"ASEAN", "KOR"} <= set(e["parties"]) for e in events)
    assert all(e["sources"] and e["id"] for e in events)


def test_events_table_with_filters(db: Path) -> None:
    code, out, _ = run(
        "events",
        "--series",
        "Đối thoại ASEAN-Hàn Quốc",
        "--from",
        "2020",
        "--to",
        "2021",
        "--db",
        db,
    )
    assert code == 0
    assert "2021-06-07" in out and "Yeo Seung-bae" in out


def test_event_shows_sources_and_evidence(db: Path) -> None:
    code, out, _ = run(
        "events", "--series", "ASEAN-Korea Summit", "--from", "2024", "-f", "json", "--db", db
    )
    (summit,) = json.loads(out)
    code, out, _ = run("event", str(summit["id"]), "--db", db)
    assert code == 0
    assert "Sources" in out and "lần thứ 25" in out
    code, _, err = run("event", "999999", "--db", db)
    assert code == 2 and "no event 999999" in err


def test_people_with_titles_over_time(db: Path) -> None:
    code, out, _ = run("people", "Yeo Seung bae", "--format", "json", "--db", db)
    assert code == 0
    (yeo,) = json.loads(out)
    assert yeo["name"] == "Yeo Seung-bae"
    assert {t["title"] for t in yeo["titles"]} >= {"Vice Foreign Minister"}
    assert len(yeo["events"]) == 3
    code, out, _ = run("people", "--db", db)
    assert code == 0 and "Yeo Seung-bae" in out
    code, _, err = run("people", "Nobody Atall", "--db", db)
    assert code == 2 and "no one named" in err


def test_timeline_between_two_parties(db: Path) -> None:
    code, out, _ = run("timeline", "--between", "ASEAN", "Hàn Quốc", "--format", "json", "--db", db)
    assert code == 0
    items = json.loads(out)
    assert items[0]["what"] == "milestone" and items[0]["date"] == "1989"
    code, _, err = run("timeline", "--between", "ASEAN", "Atlantis", "--db", db)
    assert code == 2 and "unknown party 'Atlantis'" in err


def test_series_and_search(db: Path) -> None:
    code, out, _ = run("series", "--db", db)
    assert code == 0 and "ASEAN-Korea Summit" in out
    code, out, _ = run("search", "doi thoai asean han quoc", "-f", "json", "--db", db)
    assert code == 0
    hits = json.loads(out)
    assert hits and {"kind", "id", "label", "snippet", "score"} <= set(hits[0])


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "graphml", "ics", "plover"])
def test_export_to_a_file(db: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    code, _, err = run("export", "--format", fmt, "--output", target, "--db", db)
    assert code == 0, err
    assert target.stat().st_size > 0
    assert not target.with_name(target.name + ".partial").exists()
    assert "records exported" in err


def test_export_unknown_format(db: Path) -> None:
    code, _, err = run("export", "--format", "xlsx", "--db", db)
    assert code == 2 and "unknown export format 'xlsx'" in err


def test_queries_never_create_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    code, _, err = run("events", "--db", missing)
    assert code == 2
    assert err.strip().count("\n") == 0 and "no such store" in err
    assert not missing.exists()


def test_a_corrupt_store_is_one_line_and_left_alone(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not a database at all\n" * 200)
    before = corrupt.read_bytes()
    for args in (["events"], ["ingest", str(Path(__file__).parents[1] / "data" / "seeds")]):
        code, _, err = run(*args, "--db", corrupt)
        assert code == 2
        assert err.strip().count("\n") == 0 and str(corrupt) in err
    assert corrupt.read_bytes() == before


def test_a_store_from_a_newer_version_is_refused(db: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    shutil.copy(db, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute(
            "INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01', '9.0')"
        )
    code, _, err = run("events", "--db", newer)
    assert code == 2 and "newer diplonews" in err and str(newer) in err


def test_db_from_the_environment(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLONEWS_DB", str(db))
    code, out, _ = run("series")
    assert code == 0 and "ASEAN-Korea Summit" in out


def test_ingest_through_the_console_script(tmp_path: Path) -> None:
    seeds = Path(__file__).parents[1] / "data" / "seeds"
    command = [sys.executable, "-c", "from diplonews.cli.main import main; main()"]
    done = subprocess.run(
        [*command, "ingest", str(seeds), "--db", str(tmp_path / "kb.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "5 articles added" in done.stderr


def test_serve_refuses_a_bad_cache_size_before_starting(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIPLONEWS_CACHE_MB", "lots")
    code, _, err = run("serve", "--db", db, "--port", "1")
    assert code == 2
    assert err.strip() == "diplonews: DIPLONEWS_CACHE_MB='lots': a number of MB is expected"
    code, _, err = run("serve", "--db", db, "--cache-mb", "-1")
    assert code == 2 and "--cache-mb" in err  # Typer's own range check


# --- a user's lexicon rows (--lexicon) ------------------------------------------------


def test_events_party_named_by_a_user_lexicon(user_lexicon_db: str, user_lexicon: Path) -> None:
    wonderland = ("events", "--party", "Xứ Sở Thần Tiên", "--db", user_lexicon_db)
    code, out, _ = run(*wonderland, "--lexicon", user_lexicon, "--format", "json")
    assert code == 0
    assert [(e["series"], e["parties"]) for e in json.loads(out)] == [
        ("Wonderland Tea Party", ["VNM", "XWL"])
    ]
    code, _, err = run(*wonderland)  # the shipped lexicons do not know it
    assert code == 2 and "unknown party 'Xứ Sở Thần Tiên'" in err


def test_timeline_and_series_with_a_user_lexicon(user_lexicon_db: str, user_lexicon: Path) -> None:
    code, out, _ = run(
        "timeline", "--between", "Việt Nam", "Wonderland", "--db", user_lexicon_db,
        "--lexicon", user_lexicon, "--format", "json",
    )  # fmt: skip
    assert code == 0 and [i["edition"] for i in json.loads(out)] == [3]
    code, out, _ = run(
        "series", "Tiệc trà Thần Tiên", "--db", user_lexicon_db, "--lexicon", user_lexicon,
        "--format", "json",
    )  # fmt: skip
    assert code == 0 and [s["series"] for s in json.loads(out)] == ["Wonderland Tea Party"]


def test_ask_with_a_user_lexicon(user_lexicon_db: str, user_lexicon: Path) -> None:
    question = ("ask", "Ai đồng chủ trì Tiệc trà Thần Tiên lần thứ 3?", "--db", user_lexicon_db)
    code, out, _ = run(*question, "--lexicon", user_lexicon, "--format", "json")
    answer = json.loads(out)
    assert code == 0 and answer["found"]
    assert "Alice Liddell" in answer["answer"] and "Bùi Thanh Sơn" in answer["answer"]
    code, out, _ = run(*question, "--format", "json")
    assert code == 1 and not json.loads(out)["found"]


def test_export_names_a_user_lexicons_parties(user_lexicon_db: str, user_lexicon: Path) -> None:
    code, out, _ = run("export", "-f", "plover", "--db", user_lexicon_db, "--lexicon", user_lexicon)
    assert code == 0
    [tea] = [r for r in map(json.loads, out.splitlines()) if "XWL" in r["parties"]]
    assert (tea["actor"], tea["recipient"]) == ("Vietnam", "Republic of Wonderland")
    code, out, _ = run("export", "-f", "plover", "--db", user_lexicon_db)
    [tea] = [r for r in map(json.loads, out.splitlines()) if "XWL" in r["parties"]]
    assert tea["recipient"] == "XWL"  # the shipped lexicons: the code as stored


@pytest.mark.parametrize(
    "command",
    [
        ["ingest", Path(__file__).parents[1] / "data" / "seeds"],
        ["events"],
        ["timeline", "--between", "ASEAN", "KOR"],
        ["series"],
        ["export", "-f", "jsonl"],
        ["ask", "Ai đồng chủ trì Đối thoại ASEAN-Hàn Quốc năm 2021?"],
        ["serve", "--port", "1"],
    ],
    ids=lambda command: str(command[0]),
)
def test_a_bad_lexicon_path_is_one_line(command: list[str | Path], tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    missing = tmp_path / "nope.tsv"
    code, out, err = run(*command, "--db", db, "--lexicon", missing)
    assert code == 2 and not out
    [line] = err.splitlines()
    assert line.startswith(f"diplonews: lexicon: {missing}: not a lexicon folder")
    assert not db.exists()  # refused before the store is opened (or made)


def test_serve_passes_its_lexicons_to_every_worker(
    db: Path, user_lexicon: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`serve` hands --lexicon to the worker processes in the environment, where
    `server_app` (what each worker runs) reads it."""
    import uvicorn

    from diplonews import api
    from diplonews.kb.store import ENV
    from diplonews.web import app as web_app
    from diplonews.web import cache

    for name in (ENV, web_app.LEXICON_ENV, cache.ENV):
        monkeypatch.setenv(name, "")  # restored after the test: serve sets them
    monkeypatch.setenv(web_app.CACHE_ENV, "0")  # no page cache to open (and leave open)
    served: list[api.Lexicons] = []
    monkeypatch.setattr(
        uvicorn, "run", lambda *args, **kwargs: served.append(web_app.server_app().state.lexicons)
    )
    code, _, err = run("serve", "--db", db, "--lexicon", user_lexicon, "--workers", "2")
    assert code == 0, err
    assert served == [api.load_lexicons([str(user_lexicon)])]
    assert "XWL" in served[0].parties


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--from", "2021-13-45"], "--from '2021-13-45': there is no month 13"),
        (["--to", "2021-02-30"], "--to '2021-02-30': day 30 is not in that month"),
        (["--from", "last year"], "--from must be a year or an ISO date"),
        (["--from", "2024", "--to", "2020"], "--from 2024 is after --to 2020: the period is empty"),
    ],
)
def test_events_bad_dates_and_empty_periods_are_one_line_errors(
    db: Path, args: list[str], reason: str
) -> None:
    code, out, err = run("events", *args, "--db", db)
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [f"diplonews: {reason}"] or reason in err
    assert len(err.strip().splitlines()) == 1


def test_ingest_of_a_missing_path_creates_nothing(tmp_path: Path) -> None:
    store = tmp_path / "new.db"
    code, _, err = run("ingest", tmp_path / "nonexistent", "--db", store)
    assert code == 2 and "nonexistent: no such file or folder" in err
    assert list(tmp_path.iterdir()) == []  # no database, no journal


def test_events_table_at_80_columns_cuts_no_word(db: Path) -> None:
    result = CliRunner().invoke(cli.app, ["events", "--db", str(db)], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    words = " ".join(lines).split()
    for whole in ("participants", "President", "Minister", "Summit", "Dialogue"):
        assert whole in words or any(w.startswith(whole) for w in words), whole
    for piece in ("Preside", "participa", "Minis", "Summ"):
        assert piece not in words
    assert "in_person" not in result.stdout and "in person" in result.stdout
    assert "25th ASEAN-Korea Summit" in " ".join(words)


def test_export_ics_include_past_keeps_the_days_that_have_passed(db: Path, tmp_path: Path) -> None:
    upcoming, every = tmp_path / "upcoming.ics", tmp_path / "every.ics"
    assert run("export", "-f", "ics", "-o", upcoming, "--db", db)[0] == 0
    assert run("export", "-f", "ics", "--include-past", "-o", every, "--db", db)[0] == 0
    assert upcoming.read_text().count("BEGIN:VEVENT") == 0  # the seeds' plans have passed
    text = every.read_text()
    assert text.count("BEGIN:VEVENT") > 0
    assert "DTSTART;VALUE=DATE:" in text and "SUMMARY:25th ASEAN-Korea Summit" not in text
