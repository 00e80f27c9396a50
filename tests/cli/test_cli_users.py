"""`diplonews users` and `diplonews correct` through the real CLI: passwords from
standard input (never an argument), tokens printed once, corrections logged, exported,
imported into a new store and re-applied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplonews import api
from diplonews.cli import main as cli
from diplonews.kb import accounts

SEEDS = Path(__file__).parents[1] / "data" / "seeds"
PASSWORD = "a long password"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "kb.db"
    result = CliRunner().invoke(cli.app, ["ingest", str(SEEDS), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str | Path, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli.app, [str(a) for a in args], input=stdin, env={"COLUMNS": "250"}
    )
    return result.exit_code, result.stdout, result.stderr


def test_cli_users_add_reads_the_password_twice_from_stdin(db: Path) -> None:
    code, _, err = run("users", "add", "ann", "--role", "editor", "--db", db,
                       stdin=f"{PASSWORD}\n{PASSWORD}\n")  # fmt: skip
    assert code == 0, err
    store = api.open_store(str(db))
    try:
        assert accounts.authenticate(store, "ann", PASSWORD) is not None
    finally:
        store.close()
    code, out, _ = run("users", "list", "--format", "json", "--db", db)
    assert [(u["name"], u["role"]) for u in json.loads(out)] == [("ann", "editor")]


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (f"{PASSWORD}\n{PASSWORD}x\n", "differ"),
        (f"{PASSWORD}\n", "two lines"),
        ("short\nshort\n", "at least 10"),
    ],
)
def test_cli_users_add_refuses_bad_passwords(db: Path, stdin: str, message: str) -> None:
    code, _, err = run("users", "add", "ann", "--role", "editor", "--db", db, stdin=stdin)
    assert code == 2 and message in err
    assert run("users", "list", "--format", "json", "--db", db)[1].strip() == "[]"


def test_cli_users_password_is_never_an_argument(db: Path) -> None:
    code, _, err = run("users", "add", "ann", "--role", "editor", "--password", PASSWORD,
                       "--db", db)  # fmt: skip
    assert code != 0 and "--password" in err


def test_cli_users_passwd_token_remove(db: Path) -> None:
    run("users", "add", "ad", "--role", "admin", "--db", db, stdin=f"{PASSWORD}\n{PASSWORD}\n")
    new = PASSWORD + " two"
    assert run("users", "passwd", "ad", "--db", db, stdin=f"{new}\n{new}\n")[0] == 0
    code, out, err = run("users", "token", "ad", "--db", db)
    token = out.strip()
    assert code == 0 and token.startswith("dn_") and "once" in err
    store = api.open_store(str(db))
    try:
        assert accounts.authenticate(store, "ad", new) is not None
        assert accounts.token_user(store, token) is not None
    finally:
        store.close()
    assert run("users", "remove", "ad", "--db", db)[0] == 0
    code, _, err = run("users", "remove", "ad", "--db", db)
    assert code == 2 and "no user 'ad'" in err


def test_cli_correct_log_export_import(db: Path, tmp_path: Path) -> None:
    code, out, _ = run("events", "--person", "Yeo Seung-bae", "--format", "json", "--db", db)
    event = next(e for e in json.loads(out) if e["date"] == "2021-06-07")
    code, _, err = run("correct", "event", event["id"], "--set", "date=2021-06-08",
                       "--set", "location=Seoul", "--reason", "release", "--author", "ann",
                       "--db", db)  # fmt: skip
    assert code == 0, err
    assert run("correct", "verify", "event", event["id"], "--reason", "ok", "--db", db)[0] == 0
    code, _, err = run("correct", "event", event["id"], "--set", "date=2021-02-30",
                       "--reason", "x", "--db", db)  # fmt: skip
    assert code == 2 and "date: no such day" in err
    code, out, _ = run("correct", "log", "--format", "json", "--db", db)
    assert [(c["field"], c["new"]) for c in json.loads(out)] == [
        ("verified", True),
        ("location", "Seoul"),
        ("date", "2021-06-08"),
    ]
    log = tmp_path / "log.jsonl"
    assert run("correct", "export", "--output", log, "--db", db)[0] == 0
    rebuilt = tmp_path / "rebuilt.db"
    assert run("ingest", SEEDS, "--db", rebuilt)[0] == 0
    code, _, err = run("correct", "import", log, "--db", rebuilt)
    assert code == 0 and "3 corrections imported" in err and "0 to review" in err
    code, out, _ = run("export", "--format", "jsonl", "--verified-only", "--db", rebuilt)
    [line] = out.splitlines()
    assert json.loads(line)["date"] == "2021-06-08" and json.loads(line)["verified"]
    code, _, err = run("correct", "review", "--db", rebuilt)
    assert code == 0 and "0 correction(s) to review" in err


def test_cli_serve_private_needs_an_account(db: Path) -> None:
    code, _, err = run("serve", "--private", "--db", db)
    assert code == 2 and "--private: the store has no accounts" in err
