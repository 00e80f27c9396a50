"""Paths named on the command line that cannot be read as articles: each is one line on
stderr naming it, and the files after it are still read, by `extract` and `ingest`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplonews.cli import main as cli

# "Prime Minister Phạm Minh Chính received the Korean ambassador in Hà Nội."
ARTICLE = "Thủ tướng Phạm Minh Chính tiếp Đại sứ Hàn Quốc tại Hà Nội.\n"
COMMAND = [sys.executable, "-c", "from diplonews.cli.main import main; main()"]
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, with a time limit: reading a FIFO blocked."""
    return subprocess.run(
        [*COMMAND, *map(str, args)], capture_output=True, text=True, timeout=120, check=False
    )


def extract_args(*paths: Path) -> list[str | Path]:
    return ["extract", *paths, "--format", "jsonl"]


def ingest_args(tmp_path: Path, *paths: Path) -> list[str | Path]:
    return ["ingest", *paths, "--db", tmp_path / "kb.db", "--workers", "1"]


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_cli_a_fifo_is_not_read_and_the_next_file_is(
    tmp_path: Path, good: Path, command: str
) -> None:
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    args = extract_args(fifo, good) if command == "extract" else ingest_args(tmp_path, fifo, good)
    done = run(*args)
    assert done.returncode == 0, done.stderr
    assert f"diplonews: {fifo}: not a regular file" in done.stderr.splitlines()
    assert "Usage" not in done.stderr and "Traceback" not in done.stderr
    if command == "extract":
        assert '"doc_id": "good"' in done.stdout
    else:
        assert "1 articles added" in done.stderr


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_cli_a_dangling_symlink_is_one_line_and_the_next_file_is_read(
    tmp_path: Path, good: Path, command: str
) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "no-such-folder" / "article.txt")
    args = extract_args(link, good) if command == "extract" else ingest_args(tmp_path, link, good)
    done = run(*args)
    assert done.returncode == 0, done.stderr
    assert f"diplonews: {link}: no such file or directory" in done.stderr.splitlines()
    assert "Usage" not in done.stderr


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_cli_a_path_the_user_may_not_read_is_not_refused_as_a_usage_error(
    tmp_path: Path, good: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """click refused such a path with the usage panel before any file was read; whatever
    the user, the command now takes it and reads it itself (os.access says no here, as
    it does for a file mode 000 to anyone but root)."""
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("Hà Nội", "Seoul"), encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, **kw: Path(path) != other and real_access(path, mode)
    )
    args = extract_args(other, good) if command == "extract" else ingest_args(tmp_path, other, good)
    result = CliRunner().invoke(cli.app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    assert "Usage" not in result.output


@pytest.mark.skipif(AS_ROOT, reason="root reads a file of mode 000")
@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_cli_an_unreadable_file_is_one_line_and_the_next_file_is_read(
    tmp_path: Path, good: Path, command: str
) -> None:
    locked = tmp_path / "unreadable.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        args = (
            extract_args(locked, good)
            if command == "extract"
            else ingest_args(tmp_path, locked, good)
        )
        done = run(*args)
        assert done.returncode == 0, done.stderr
        assert f"diplonews: {locked}: Permission denied" in done.stderr.splitlines()
        assert "Usage" not in done.stderr
        if command == "ingest":  # not marked as read: once readable, the next run reads it
            locked.chmod(0o644)
            again = run(*args)
            assert "1 articles added" in again.stderr, again.stderr
    finally:
        locked.chmod(0o644)
