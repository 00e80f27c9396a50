"""Ingest against bad luck and bad input: poison articles, an article the store refuses,
two ingests at once, a killed ingest's workers. `store` and `store_url` are each backend
in turn (conftest)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import corpus
from diplonews.extract import limits
from diplonews.kb.ingest import ingest
from diplonews.kb.store import Store, open_store, writes

# "The 99999999999999999999th ASEAN Summit opened in Jakarta …"
POISON_EDITION = """Hội nghị Cấp cao ASEAN lần thứ 99999999999999999999 khai mạc tại Jakarta

Ngày 10/5/2023, Hội nghị Cấp cao ASEAN lần thứ 99999999999999999999 đã khai mạc tại Jakarta, \
Indonesia, với sự tham dự của Thủ tướng Phạm Minh Chính.
"""
# "Vietnam-Korea trade reached 1,000,000,000,000,000,000 billion USD in 2023 … 86.4 billion
# USD in 2022": the impossible figure goes, the other one stays.
POISON_FIGURE = """Thương mại Việt Nam - Hàn Quốc tăng mạnh

Năm 2023, kim ngạch thương mại song phương Việt Nam - Hàn Quốc đạt \
1.000.000.000.000.000.000 tỷ USD, theo Bộ Công Thương. Năm 2022, kim ngạch thương mại song \
phương Việt Nam - Hàn Quốc đạt 86,4 tỷ USD.
"""
COMMAND = [sys.executable, "-c", "from diplonews.cli.main import main; main()", "ingest"]


def count(store: Store, sql: str, params: tuple[object, ...] = ()) -> int:
    return int(store.query(sql, params)[0][0])


def test_ingest_drops_impossible_values_with_a_line_naming_the_file(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "edition.txt").write_text(POISON_EDITION, encoding="utf-8")
    (folder / "figure.txt").write_text(POISON_FIGURE, encoding="utf-8")
    (folder / "good.txt").write_text(corpus.article(1), encoding="utf-8")
    messages: list[str] = []
    report = ingest(store, [folder], workers=1, on_error=messages.append)
    assert (report.added, report.failed) == (3, 0)
    assert count(store, "SELECT COUNT(*) FROM events WHERE series = 'ASEAN Summit'") == 1
    assert count(store, "SELECT COUNT(*) FROM events WHERE edition > ?", (limits.MAX_EDITION,)) == 0
    assert count(store, "SELECT COUNT(*) FROM figures WHERE value > ?", (limits.MAX_FIGURE,)) == 0
    assert count(store, "SELECT COUNT(*) FROM figures WHERE value = 86400000000") == 1
    assert any("edition.txt" in m and "edition 99999999999999999999 dropped" in m for m in messages)
    assert any("figure.txt" in m and "dropped" in m for m in messages)
    assert all("\n" not in m for m in messages)
    again = ingest(store, [folder], workers=1)
    assert (again.unchanged, again.added, again.failed) == (3, 0, 0)


def test_an_article_the_store_refuses_is_one_line_and_the_batch_goes_on(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    corpus.write(folder, 5)
    real = writes.Writer._add_contents

    def refusing(self: writes.Writer, article_id: int, item: writes.Prepared) -> None:
        real(self, article_id, item)  # half the article is written when the store refuses
        if item.doc_id == "a00002":
            raise OverflowError("Python int too large to convert to SQLite INTEGER")

    monkeypatch.setattr(writes.Writer, "_add_contents", refusing)
    messages: list[str] = []
    report = ingest(store, [folder], workers=1, on_error=messages.append)
    assert (report.added, report.failed) == (4, 1)
    (message,) = messages
    assert "a00002.txt" in message and "OverflowError" in message
    assert count(store, "SELECT COUNT(*) FROM articles") == 4
    assert count(store, "SELECT COUNT(*) FROM copies") == 4
    for table in ("mentions", "person_mentions", "figures", "minhash_bands"):
        orphans = count(
            store,
            f"SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.id = t.article_id)",
        )
        assert orphans == 0, table


def test_a_statement_the_database_refuses_fails_its_article_alone(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch is first written without savepoints (on PostgreSQL its statements
    pipelined: the refusal surfaces at a later statement); it is written again with a
    savepoint per article, and only the refused one is left out."""
    folder = tmp_path / "in"
    corpus.write(folder, 5)
    real = writes.Writer._add_contents

    def refusing(self: writes.Writer, article_id: int, item: writes.Prepared) -> None:
        real(self, article_id, item)
        if item.doc_id == "a00002":  # NOT NULL: refused by the database itself
            self.store.execute("INSERT INTO figures (article_id) VALUES (?)", (article_id,))

    monkeypatch.setattr(writes.Writer, "_add_contents", refusing)
    messages: list[str] = []
    report = ingest(store, [folder], workers=1, on_error=messages.append)
    assert (report.added, report.failed) == (4, 1)
    (message,) = messages
    assert "a00002.txt" in message
    assert count(store, "SELECT COUNT(*) FROM articles") == 4
    assert count(store, "SELECT COUNT(*) FROM copies") == 4


def test_two_concurrent_ingests_wait_for_each_other_and_store_each_article_once(
    store_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    total = 300  # two batches each, so the runs interleave
    corpus.write(folder, total)
    command = [*COMMAND, str(folder), "--db", store_url, "--workers", "1"]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, stderr
        assert "IntegrityError" not in stderr and "internal error" not in stderr
    store = open_store(store_url)
    try:
        assert count(store, "SELECT COUNT(*) FROM articles") == total
        assert count(store, "SELECT COUNT(*) FROM copies") == total
        assert count(store, "SELECT COUNT(*) FROM files") == total
    finally:
        store.close()


def _children(pid: int) -> set[int]:
    """The live processes whose parent is `pid` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rpartition(")")[2].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"  # a zombie is dead, waiting to be reaped


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_workers_do_not_outlive_a_killed_ingest(tmp_path: Path, signum: int) -> None:
    folder = tmp_path / "in"
    corpus.write(folder, 1000)
    command = [*COMMAND, str(folder), "--db", str(tmp_path / "kb.db"), "--workers", "2"]
    parent = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2 and parent.poll() is None:
            workers = _children(parent.pid)
            time.sleep(0.05)
        assert len(workers) == 2, "the ingest started no workers"
        os.kill(parent.pid, signum)
        parent.wait(timeout=60)
        time.sleep(1)
        assert [pid for pid in workers if _alive(pid)] == []
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
