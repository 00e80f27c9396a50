"""The `diplonews` command through its real entry points (CliRunner and the console script)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplonews import __version__
from diplonews import extract as extraction
from diplonews.cli import extract as cli_extract
from diplonews.cli import main as cli

SCHEMA_KEYS = {"doc_id", "title", "published", "credits", "body_end", "events", "people", "figures"}
# "Prime Minister Phạm Minh Chính received the Korean ambassador in Hà Nội."
ARTICLE = "Thủ tướng Phạm Minh Chính tiếp Đại sứ Hàn Quốc tại Hà Nội.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str | Path):
    return runner.invoke(cli.app, [str(a) for a in args])


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_cli_version(runner):
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"diplonews {__version__}"


def test_cli_extract_jsonl_has_schema_keys_for_every_seed(runner, seed_articles):
    result = run(runner, "extract", *seed_articles, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    out = records(result.stdout)
    assert [r["doc_id"] for r in out] == [p.stem for p in seed_articles]
    assert all(set(r) == SCHEMA_KEYS for r in out)
    assert result.stderr == ""


def test_cli_console_script_subprocess(seed_articles):
    script = Path(sys.executable).parent / "diplonews"
    done = subprocess.run(
        [script, "extract", *seed_articles, "--format", "jsonl"],
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [r["doc_id"] for r in records(done.stdout)] == [p.stem for p in seed_articles]
    assert done.stderr == ""


def test_cli_bad_file_among_good_is_one_stderr_line(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(runner, "extract", tmp_path, "-f", "jsonl")
    assert result.exit_code == 0
    assert [r["doc_id"] for r in records(result.stdout)] == ["a", "c"]
    assert result.stderr.splitlines() == [f"diplonews: {tmp_path / 'b.txt'}: binary file"]


def test_cli_only_bad_inputs_exit_2_without_traceback(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "data.xyz").write_text("x", encoding="utf-8")
    result = run(
        runner, "extract", tmp_path / "empty.txt", tmp_path / "data.xyz", tmp_path / "missing.txt"
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("diplonews: ") for line in lines)
    assert "Traceback" not in result.output


@pytest.mark.parametrize("stages", ["PAGE_STAGES", "BODY_STAGES"])
def test_cli_failure_inside_a_stage_is_one_line(runner, tmp_path, monkeypatch, stages):
    # the CLI extracts a few articles at a time (extraction.extract_docs): a stage that
    # fails on one of them, whether a page stage or a body stage, loses that one only
    def flaky(doc, lex):
        if doc.doc_id == "b":
            raise RuntimeError("stage exploded")

    monkeypatch.setattr(extraction, stages, (*getattr(extraction, stages), flaky))
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(runner, "extract", tmp_path, "-f", "jsonl")
    assert result.exit_code == 0
    assert [r["doc_id"] for r in records(result.stdout)] == ["a", "c"]
    assert result.stderr.splitlines() == [
        f"diplonews: {tmp_path / 'b.txt'}: internal error: RuntimeError: stage exploded"
    ]


def test_cli_table_format_prints_each_article(runner, seed_articles):
    result = run(runner, "extract", *seed_articles[:2], "--format", "table")
    assert result.exit_code == 0
    assert result.stdout.strip()
    assert all(p.stem in result.stdout for p in seed_articles[:2])


def test_cli_extract_piped_prints_the_schema_records(runner, seed_articles):
    # Output that is not a terminal (a pipe, a file) gets the contract's JSON Lines.
    result = run(runner, "extract", *seed_articles[:2])
    assert result.exit_code == 0
    assert [r["doc_id"] for r in records(result.stdout)] == [p.stem for p in seed_articles[:2]]


def test_cli_jsonl_input_lines(runner, tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "x1", "text": ARTICLE}) + "\nnot json\n", encoding="utf-8")
    result = run(runner, "extract", path, "-f", "jsonl")
    assert result.exit_code == 0
    assert [r["doc_id"] for r in records(result.stdout)] == ["x1"]
    assert result.stderr.startswith(f"diplonews: {path}:2: invalid JSON")


def test_cli_user_lexicon(runner, tmp_path):
    (tmp_path / "credits.tsv").write_text("canonical\tnames\nBaoMau\tBáo Mẫu\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(runner, "extract", tmp_path / "a.txt", "--lexicon", tmp_path, "-f", "jsonl")
    assert result.exit_code == 0, result.output


def test_cli_bad_lexicon_is_one_line(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(runner, "extract", tmp_path / "a.txt", "--lexicon", tmp_path / "nope.tsv")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("diplonews: lexicon: ")


def test_cli_eval_renders_report(runner, seeds_dir, tmp_path):
    gold = seeds_dir / "gold.jsonl"
    lines = gold.read_text(encoding="utf-8").splitlines()
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    result = run(runner, "eval", gold, pred)
    assert result.exit_code == 0, result.output
    for text in ("events", "F1", "date", "1.000", "SCORE events_f1="):
        assert text in result.stdout
    missing = [json.loads(line)["doc_id"] for line in lines[3:]]
    assert all(doc_id in result.stdout for doc_id in missing)


def test_cli_eval_json_prints_figures(runner, seeds_dir):
    gold = seeds_dir / "gold.jsonl"
    result = run(runner, "eval", gold, gold, "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert {"events_f1", "date_acc"} <= set(figures)
    assert all(value == pytest.approx(1.0) for value in figures.values())


def test_cli_eval_missing_file_is_one_line(runner, seeds_dir, tmp_path):
    result = run(runner, "eval", seeds_dir / "gold.jsonl", tmp_path / "none.jsonl")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("diplonews: ")
    assert str(tmp_path / "none.jsonl") in lines[0]


def test_cli_progress_bar_only_after_many_articles(monkeypatch):
    monkeypatch.setattr(cli_extract, "PROGRESS_AFTER", 3)
    status = cli_extract._Status()
    assert not status.enabled  # under pytest neither stream is a terminal
    status.enabled = True
    for _ in range(2):
        status.tick()
    assert status.bar is None
    for _ in range(3):
        status.tick()
    assert status.bar is not None
    assert status.bar.tasks[0].completed == 5
    status.close()


def test_cli_progress_bar_leaves_records_on_stdout(runner, seed_articles, monkeypatch):
    monkeypatch.setattr(cli_extract, "PROGRESS_AFTER", 2)
    monkeypatch.setattr(cli_extract, "show_progress", lambda: True)
    result = run(runner, "extract", *seed_articles, "-f", "jsonl")
    assert result.exit_code == 0
    assert [r["doc_id"] for r in records(result.stdout)] == [p.stem for p in seed_articles]


def test_cli_extract_table_shows_the_milestones_an_article_states(runner, tmp_path):
    text = "Tin\n\nHàn Quốc và ASEAN thiết lập quan hệ Đối tác Chiến lược Toàn diện năm 2024.\n"
    (tmp_path / "m.txt").write_text(text, encoding="utf-8")
    result = run(runner, "extract", tmp_path / "m.txt", "-f", "table")
    assert result.exit_code == 0
    assert "Milestones" in result.stdout and "Comprehensive Strategic Partnership" in result.stdout
    jsonl = run(runner, "extract", tmp_path / "m.txt", "-f", "jsonl")
    assert "milestones" not in records(jsonl.stdout)[0]
