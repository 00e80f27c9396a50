"""Ingest: idempotent, incremental, crash-safe; duplicates stored once; events and
people resolved across articles. `store` is each backend in turn (conftest)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import corpus
from diplonews import __version__, api
from diplonews.errors import StoreError
from diplonews.kb import ingest as ingest_module
from diplonews.kb.ingest import SQLITE_BATCH_SIZE, ingest
from diplonews.kb.store import Store, open_store, writes

TABLES = ("articles", "copies", "events", "mentions", "people", "person_mentions", "figures")

ARTICLE_A = """Hàn Quốc và ASEAN thúc đẩy hợp tác
Thứ Ba, 08/06/2021 09:15
Ngày 7/6, Thứ trưởng Ngoại giao Hàn Quốc Kim Gunn đã đồng chủ trì Đối thoại ASEAN-Hàn Quốc \
lần thứ 24 theo hình thức trực tuyến cùng Thứ trưởng Ngoại giao Brunei Emaleen Abdul Rahman Teo.
Hai bên nhất trí tăng cường hợp tác ứng phó dịch bệnh và phục hồi kinh tế.
Theo Yonhap
"""
ARTICLE_B = """Đối thoại ASEAN-Hàn Quốc bàn về phục hồi sau đại dịch
Đối thoại ASEAN-Hàn Quốc lần thứ 24 đã diễn ra trực tuyến ngày 7/6/2021 dưới sự đồng chủ trì \
của Thứ trưởng Ngoại giao Hàn Quốc Kim Gun và Thứ trưởng Ngoại giao Brunei Emaleen Abdul Rahman Teo.
Các nước thành viên ASEAN đánh giá cao sáng kiến của Hàn Quốc về vaccine.
TTXVN
"""


def table_counts(store: Store) -> dict[str, int]:
    return {t: int(store.query(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in TABLES}


@pytest.fixture
def seeds(tmp_path: Path, seed_articles: list[Path]) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in seed_articles:
        shutil.copy(path, folder / path.name)
    return folder


def test_ingest_stores_every_article_with_its_events(store: Store, seeds: Path) -> None:
    report = ingest(store, [seeds], workers=1)
    assert (report.added, report.duplicates, report.failed) == (5, 0, 0)
    counts = table_counts(store)
    assert counts["articles"] == counts["copies"] == 5
    assert counts["events"] >= 5 and counts["mentions"] >= counts["events"]
    (extractor,) = store.query("SELECT DISTINCT extractor FROM articles")[0]
    assert extractor == __version__


def test_reingest_adds_nothing_and_reads_nothing(
    store: Store, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(store, [seeds], workers=1)
    before = table_counts(store)

    def unexpected_read(path: Path) -> None:
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr("diplonews.kb.ingest.read_file", unexpected_read)
    report = ingest(store, [seeds], workers=1)
    assert (report.added, report.unchanged) == (0, 5)
    assert table_counts(store) == before


def test_reingest_does_without_the_lexicons(
    store: Store, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing to extract or write: the shipped lexicons are not loaded (a quarter of a
    re-ingest's CPU), so a run over unchanged files is its start-up and a few reads."""
    ingest(store, [seeds], workers=1)

    def unexpected_load(extra: tuple[str, ...] = ()) -> None:
        raise AssertionError("the lexicons were loaded")

    monkeypatch.setattr("diplonews.kb.ingest.load", unexpected_load)
    report = ingest(store, [seeds], workers=1)
    assert (report.added, report.unchanged) == (0, 5)


def test_a_touched_file_with_the_same_text_is_not_extracted_again(
    store: Store, seeds: Path
) -> None:
    ingest(store, [seeds], workers=1)
    before = table_counts(store)
    path = min(seeds.glob("*.txt"))
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    report = ingest(store, [seeds], workers=1)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 5)
    assert table_counts(store) == before


def test_a_changed_file_replaces_its_article(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    ingest(store, [folder], workers=1)
    (folder / "a.txt").write_text(ARTICLE_A.replace("Brunei", "Lào"), encoding="utf-8")
    report = ingest(store, [folder], workers=1)
    assert (report.updated, report.added) == (1, 1)
    counts = table_counts(store)
    assert counts["articles"] == counts["copies"] == 1
    (event,) = api.events(store)
    assert event.parties == ["ASEAN", "KOR"]
    assert [s.doc_id for s in event.sources] == ["a"]
    assert "Lào" in (event.sources[0].evidence or "")


def test_a_syndicated_copy_is_stored_once_with_both_sources(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "yonhap.txt").write_text(ARTICLE_A, encoding="utf-8")
    copy = "BÁO QUỐC TẾ | Thế giới\n" + ARTICLE_A.replace("Theo Yonhap", "Nguồn: Yonhap/VNA")
    (folder / "vna.txt").write_text(copy, encoding="utf-8")
    (folder / "same.txt").write_text(ARTICLE_A, encoding="utf-8")
    report = ingest(store, [folder], workers=1)
    assert (report.added, report.duplicates) == (1, 2)
    (article_id,) = store.query("SELECT id FROM articles")[0]
    stored = api.article(store, article_id)
    assert stored is not None
    assert sorted(Path(c).name for c in stored.copies) == ["same.txt", "vna.txt", "yonhap.txt"]
    assert len(api.events(store)) == 1


def test_two_reports_of_one_event_become_one_event(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    ingest(store, [folder], workers=1)
    (event,) = api.events(store)
    assert event.series == "ASEAN-Korea Dialogue" and event.edition == 24
    assert event.date == "2021-06-07" and event.format == "online"
    assert sorted(s.doc_id for s in event.sources) == ["a", "b"]
    assert all(s.evidence for s in event.sources)
    names = sorted(p.name for p in event.participants)
    assert len(names) == 2 and "Emaleen Abdul Rahman Teo" in names
    (kim,) = api.people(store, "Kim Gun")
    assert {kim.name, *kim.aliases} == {"Kim Gunn", "Kim Gun"}
    assert kim.event_ids == [event.id]
    assert [t.title for t in kim.titles] == ["Vice Foreign Minister"]
    assert kim.titles[0].reports == 2


def test_titles_are_kept_with_the_dates_they_were_reported(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    later = (
        ARTICLE_A.replace("08/06/2021", "02/03/2023")
        .replace("7/6", "1/3")
        .replace(
            "Thứ trưởng Ngoại giao Hàn Quốc Kim Gunn",
            "Thứ trưởng Thứ nhất Bộ Ngoại giao Hàn Quốc Kim Gunn",
        )
        .replace("lần thứ 24", "lần thứ 26")
        .replace("dịch bệnh", "biến đổi khí hậu")
    )
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "c.txt").write_text(later, encoding="utf-8")
    ingest(store, [folder], workers=1)
    (kim,) = api.people(store, "Kim Gunn")
    assert [(t.title, t.first_seen) for t in kim.titles] == [
        ("Vice Foreign Minister", "2021-06-08"),
        ("First Vice Foreign Minister", "2023-03-02"),
    ]
    assert len(kim.event_ids) == 2


def test_jsonl_lines_are_sources_of_their_own(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [{"id": "a", "text": ARTICLE_A}, {"id": "b", "text": ARTICLE_B}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    assert ingest(store, [path], workers=1).added == 2
    rows[1]["text"] = ARTICLE_B.replace("vaccine", "y tế công cộng")
    rows.append({"id": "c", "text": corpus.article(1)})
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    report = ingest(store, [path], workers=1)
    assert (report.unchanged, report.updated, report.added) == (1, 1, 2)
    assert table_counts(store)["articles"] == 3


def test_bad_inputs_get_one_line_each_and_the_rest_is_stored(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "feed.jsonl").write_text('{"id": "x", "text": "Hà Nội"}\nnot json\n', "utf-8")
    messages: list[str] = []
    report = ingest(store, [folder, tmp_path / "missing"], workers=1, on_error=messages.append)
    assert report.added == 2
    assert report.failed == 4
    assert all("\n" not in m for m in messages)
    joined = "\n".join(messages)
    for name in ("empty.txt", "binary.txt", "feed.jsonl:2", "missing"):
        assert name in joined


class PowerCut(BaseException):
    """A crash: unlike an article's error (an Exception), it ends the run."""


def test_a_crash_mid_run_keeps_whole_batches_and_the_next_run_completes(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    corpus.write(folder, 10)
    real = writes.Writer.add_article
    calls = {"n": 0}

    def failing(self: writes.Writer, item: writes.Prepared) -> int:
        calls["n"] += 1
        if calls["n"] == 6:
            raise PowerCut  # the process dies: not an error of one article
        return real(self, item)

    monkeypatch.setattr(writes.Writer, "add_article", failing)
    with pytest.raises(PowerCut):
        ingest(store, [folder], workers=1, batch_size=4)
    assert table_counts(store)["articles"] == 4  # the first batch, whole
    assert store.query("SELECT COUNT(*) FROM files")[0][0] == 4
    monkeypatch.setattr(writes.Writer, "add_article", real)
    report = ingest(store, [folder], workers=1, batch_size=4)
    assert (report.added, report.unchanged) == (6, 4)
    assert table_counts(store)["articles"] == table_counts(store)["copies"] == 10


def test_worker_processes_give_the_same_store(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    corpus.write(folder, 80)
    results = []
    for workers in (1, 2):
        store = open_store(str(tmp_path / f"kb{workers}.db"))
        report = ingest(store, [folder], workers=workers)
        assert report.added == 80
        results.append(([e.to_dict() for e in api.events(store, limit=500)], table_counts(store)))
        store.close()
    assert results[0] == results[1]


def _wait_for_articles(db: Path, at_least: int, child: subprocess.Popen[bytes]) -> None:
    import sqlite3

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        try:
            with sqlite3.connect(db) as connection:
                if connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= at_least:
                    return
        except sqlite3.Error:
            pass
        time.sleep(0.05)


def test_kill_9_leaves_whole_articles_and_the_next_run_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    # Five batches: the kill lands after the first and well before the last.
    total = 5 * SQLITE_BATCH_SIZE
    corpus.write(folder, total)
    db = tmp_path / "kb.db"
    command = [sys.executable, "-c", "from diplonews.cli.main import main; main()", "ingest",
               str(folder), "--db", str(db), "--workers", "1"]  # fmt: skip
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_articles(db, SQLITE_BATCH_SIZE, child)
    child.send_signal(signal.SIGKILL)
    child.wait()
    store = open_store(str(db))
    try:
        stored = table_counts(store)["articles"]
        assert 0 < stored < total, "the kill came too late to test anything"
        orphans = store.query(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM copies c WHERE c.article_id = a.id)"
        )
        assert orphans[0][0] == 0
        report = ingest(store, [folder], workers=1)
        assert report.added + report.unchanged == total
        counts = table_counts(store)
        assert counts["articles"] == counts["copies"] == total
        clean = open_store(str(tmp_path / "clean.db"))
        ingest(clean, [folder], workers=1)
        assert table_counts(clean) == counts
        clean.close()
    finally:
        store.close()


def test_articles_of_an_older_diplonews_are_extracted_again_in_place(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "copy.txt").write_text(ARTICLE_A, encoding="utf-8")
    ingest(store, [folder], workers=1)
    before = table_counts(store)
    store.execute("UPDATE articles SET extractor = '0.0.1'")  # as an older version left it
    store.execute("UPDATE files SET extractor = '0.0.1'")
    report = ingest(store, [folder], workers=1)
    assert (report.updated, report.added, report.duplicates, report.unchanged) == (2, 0, 0, 1)
    assert table_counts(store) == before
    versions = {row[0] for row in store.query("SELECT extractor FROM articles")}
    assert versions == {__version__}
    (event,) = api.events(store)
    assert sorted(s.doc_id for s in event.sources) == ["a", "b"]
    (article_id,) = {s.article_id for s in event.sources if s.doc_id == "a"}
    stored = api.article(store, article_id)
    assert stored is not None and len(stored.copies) == 2  # the copy is kept


def test_batches_extracted_ahead_of_the_writer_give_the_same_store(tmp_path: Path) -> None:
    """Five batches, the workers extracting the next ones while one is written: the
    same store as one process batch by batch, syndicated copies found whether their
    original is in an earlier batch or in the same one (its bands not yet written)."""
    folder = tmp_path / "in"
    paths = corpus.write(folder, 450)
    for number in (3, 120, 121, 300):  # copies: in their original's batch and later
        text = paths[number].read_text(encoding="utf-8")
        (folder / f"z{number:05d}.txt").write_text(f"Theo TTXVN\n{text}\nNguồn: VNA", "utf-8")
        (folder / f"a{number:05d}b.txt").write_text(f"BÁO THẾ GIỚI\n{text}", "utf-8")
    results = []
    for workers in (1, 2):
        store = open_store(str(tmp_path / f"kb{workers}.db"))
        report = ingest(store, [folder], workers=workers, batch_size=100)
        assert (report.added, report.duplicates, report.failed) == (450, 8, 0)
        copies = store.query(
            "SELECT c.source, a.doc_id FROM copies c JOIN articles a ON a.id = c.article_id "
            "WHERE c.similarity < 1 OR c.doc_id <> a.doc_id ORDER BY c.source"
        )
        assert sorted(Path(source).stem[1:6] for source, _ in copies) == sorted(
            f"{n:05d}" for n in (3, 120, 121, 300) for _ in range(2)
        )
        assert all(Path(source).stem[1:6] == doc_id[1:] for source, doc_id in copies)
        bands = store.query("SELECT COUNT(DISTINCT article_id) FROM minhash_bands")[0][0]
        assert bands == 450
        results.append(([e.to_dict() for e in api.events(store, limit=1000)], table_counts(store)))
        store.close()
    assert results[0] == results[1]


def test_an_exact_copy_of_a_stored_article_is_not_extracted(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same text saved again under another name: its exact hash settles it, so it
    becomes a copy without extraction or MinHash, and the store is as if it had been
    extracted (a copy of similarity 1)."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (second / "a-again.txt").write_text(ARTICLE_A, encoding="utf-8")
    (second / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    ingest(store, [first], workers=1)
    extracted: list[str] = []
    real = ingest_module.prepare_many

    def counted(pending: list[Any], *args: object, **kwargs: object) -> object:
        extracted.extend(Path(p.item.path).name for p in pending)
        return real(pending, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest_module, "prepare_many", counted)
    report = ingest(store, [second], workers=1)
    assert (report.added, report.duplicates, report.failed) == (1, 1, 0)
    assert extracted == ["b.txt"]
    rows = store.query("SELECT source, similarity FROM copies")
    assert sorted((Path(source).name, similarity) for source, similarity in rows) == [
        ("a-again.txt", 1.0),
        ("a.txt", 1.0),
        ("b.txt", 1.0),
    ]


def test_a_copy_whose_article_went_meanwhile_is_extracted_when_written(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text the store held when it was read, whose article is gone when the batch is
    written (another ingest replaced it): it is extracted then, and stored in full."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    monkeypatch.setattr(writes, "stored_hashes", lambda store, hashes: set(hashes))
    report = ingest(store, [folder], workers=1)
    assert (report.added, report.duplicates, report.failed) == (1, 0, 0)
    (event,) = api.events(store)
    assert event.parties == ["ASEAN", "KOR"]
    bands = store.query("SELECT COUNT(DISTINCT article_id) FROM minhash_bands")[0][0]
    assert bands == 1


def test_a_batch_size_below_one_is_refused_before_anything_is_read(
    store: Store, seeds: Path
) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        ingest(store, [seeds], batch_size=0)
    assert table_counts(store)["articles"] == 0


def test_a_large_run_leaves_the_search_index_compacted(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that adds enough articles compacts the search index once; a second, small
    run does not."""
    for number in range(6):
        (tmp_path / f"article{number}.txt").write_text(
            ARTICLE_A.replace("Kim Gunn", f"Kim Gunn {number}").replace("24", str(30 + number)),
            encoding="utf-8",
        )
    compacted: list[int] = []
    compact = store.compact_search
    monkeypatch.setattr(store, "compact_search", lambda: (compacted.append(1), compact()))
    monkeypatch.setattr(ingest_module, "COMPACT_AFTER", 3)
    ingest(store, [tmp_path], workers=1, batch_size=1)
    assert compacted == [1]
    assert api.search(store, "kim gunn")
    (tmp_path / "article6.txt").write_text(ARTICLE_B, encoding="utf-8")
    ingest(store, [tmp_path], workers=1, batch_size=1)
    assert compacted == [1]  # one article added: below COMPACT_AFTER


def _automerge(store: Store) -> list[int]:
    return [int(row[0]) for row in store.query("SELECT v FROM search_config WHERE k = 'automerge'")]


def test_a_run_that_will_compact_defers_sqlite_merging_until_it_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once a run has written enough to compact the search index at its end, FTS5 stops
    merging its segments (the compaction rewrites them anyway); merging is on again
    after the run, and a search finds what a run merging all along finds."""
    for number in range(6):
        (tmp_path / f"article{number}.txt").write_text(
            ARTICLE_A.replace("Kim Gunn", f"Kim Gunn {number}").replace("24", str(30 + number)),
            encoding="utf-8",
        )
    monkeypatch.setattr(ingest_module, "COMPACT_AFTER", 3)
    store = open_store(str(tmp_path / "store.db"))
    seen: list[list[int]] = []
    set_merging = store.defer_merging
    monkeypatch.setattr(
        store, "defer_merging", lambda defer: (set_merging(defer), seen.append(_automerge(store)))
    )
    ingest(store, [tmp_path], workers=1, batch_size=1)
    # On at the first batch, off from the fourth (three written), on with the compaction
    # (and looked at once more as the run ends).
    assert seen == [[], [0], [4], [4]]
    assert _automerge(store) == [4]
    found = api.search(store, "kim gunn")
    assert len([hit for hit in found if hit.kind == "article"]) == 6
    other = open_store(str(tmp_path / "other.db"))
    monkeypatch.setattr(ingest_module, "COMPACT_AFTER", 10**9)
    ingest(other, [tmp_path], workers=1, batch_size=1)
    assert _automerge(other) == []  # never deferred: FTS5's default, unset
    assert [api.search(other, "kim gunn")] == [found]
    store.close()
    other.close()


def test_merging_left_off_by_a_killed_run_is_resumed_by_the_next(
    tmp_path: Path, seeds: Path
) -> None:
    store = open_store(str(tmp_path / "store.db"))
    with store.transaction():
        store.defer_merging(True)  # as a run killed after deferring it leaves the store
    assert _automerge(store) == [0]
    ingest(store, [seeds], workers=1)  # five articles: no compaction
    assert _automerge(store) == [4]
    store.close()


def test_compacting_sqlite_search_merges_its_segments_and_finds_the_same(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(str(tmp_path / "store.db"))
    monkeypatch.setattr(ingest_module, "COMPACT_AFTER", 10**9)
    ingest(store, [seeds], workers=1, batch_size=1)  # a segment an article
    queries = ("han quoc", "asean", "doi thoai", "pham minh chinh")
    before = [api.search(store, query) for query in queries]
    assert all(before)
    rows = store.query("SELECT count(*) FROM search_idx")[0][0]
    store.compact_search()
    assert store.query("SELECT count(*) FROM search_idx")[0][0] < rows
    assert [api.search(store, query) for query in queries] == before
    store.close()


def test_a_run_small_beside_the_store_does_not_compact() -> None:
    class Counting:
        calls = 0

        def query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[int]]:
            return [(100_000,)]

        def compact_search(self) -> None:
            self.calls += 1

    store = Counting()
    ingest_module.compact_after(store, ingest_module.IngestReport(added=5_000))  # type: ignore[arg-type]
    assert store.calls == 0  # 5,000 is less than a tenth of 100,000
    ingest_module.compact_after(store, ingest_module.IngestReport(added=10_000))  # type: ignore[arg-type]
    assert store.calls == 1


def test_a_compaction_that_fails_is_told_and_the_run_still_reports(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every batch is committed before the compaction: its failure (say, a role that does
    not own the index) leaves the run's articles and report whole."""
    for number in range(3):
        (tmp_path / f"article{number}.txt").write_text(
            ARTICLE_A.replace("Kim Gunn", f"Kim Gunn {number}").replace("24", str(30 + number)),
            encoding="utf-8",
        )

    def refuse() -> None:
        raise StoreError("must be owner of index search_document")

    monkeypatch.setattr(store, "compact_search", refuse)
    monkeypatch.setattr(ingest_module, "COMPACT_AFTER", 2)
    told: list[str] = []
    report = ingest(store, [tmp_path], workers=1, on_error=told.append)
    assert report.added == 3 and report.failed == 0
    assert told == ["search index left as it is: must be owner of index search_document"]
    assert store.query("SELECT count(*) FROM articles")[0][0] == 3
