"""The page cache: answers kept per store generation, shared by processes, revalidated
with ETags, never mixing languages, never keeping what it must not."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import diskcache
import pytest
from fastapi.testclient import TestClient

from diplonews import api
from diplonews.errors import DiplonewsError
from diplonews.web import app as web_app
from diplonews.web import cache, create_app

SEEDS = Path(__file__).parent.parent / "data" / "seeds"

EXTRA = (
    "Ngày 9/6/2021, Bộ trưởng Ngoại giao Việt Nam Bùi Thanh Sơn đã điện đàm với Ngoại "
    "trưởng Hàn Quốc Chung Eui-yong về hợp tác phòng chống dịch COVID-19.\n"
)


@pytest.fixture
def seeds_db(tmp_path: Path) -> str:
    """A store of the seed articles of its own: these tests write to it."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    path = tmp_path / "store.db"
    store = api.open_store(str(path))
    try:
        api.ingest(store, [folder], workers=1)
    finally:
        store.close()
    return str(path)


@pytest.fixture
def cached(seeds_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "pages"))
    with TestClient(create_app(seeds_db, cache_mb=8)) as client:
        yield client


def _first_event(db: str) -> int:
    store = api.open_store(db, create=False)
    try:
        return api.events(store, limit=1)[0].id
    finally:
        store.close()


def test_a_page_rendered_twice_is_then_answered_from_the_cache(
    cached: TestClient, seeds_db: str
) -> None:
    url = f"/events/{_first_event(seeds_db)}"
    first, second, third = cached.get(url), cached.get(url), cached.get(url)
    assert first.status_code == second.status_code == third.status_code == 200
    assert [a.headers["x-cache"] for a in (first, second, third)] == ["miss", "miss", "hit"]
    assert first.content == second.content == third.content
    assert first.headers["etag"] == second.headers["etag"] == third.headers["etag"]
    for answer in (first, third):  # kept answers carry the security headers too
        assert "script-src 'self'" in answer.headers["content-security-policy"]
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["cache-control"] == "no-cache"


def test_a_page_asked_for_once_is_not_kept(
    cached: TestClient, seeds_db: str, tmp_path: Path
) -> None:
    """Keeping a first render costs the server CPU and the cache room; only the second
    render of a page is kept."""
    url = f"/events/{_first_event(seeds_db)}"
    assert cached.get(url).headers["x-cache"] == "miss"
    pages = diskcache.Cache(str(tmp_path / "pages"))
    try:
        assert len(pages) == 0
        assert cached.get(url).headers["x-cache"] == "miss"
        cached.app.state.pages.close()  # what waits is written
        assert len(pages) == 1
    finally:
        pages.close()


def test_a_process_forgets_what_it_rendered_once_when_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "ASKED", 2)
    keeper = cache.Keeper(str(tmp_path / "pages"), 1024 * 1024)
    try:
        assert [keeper.admit(k) for k in ("a", "b", "a")] == [False, False, True]
        # "b" and "c" remembered, then forgotten together to make room for "d"
        assert [keeper.admit(k) for k in ("c", "d", "b", "d")] == [False, False, False, True]
    finally:
        keeper.close()


def test_a_browser_with_a_page_not_kept_yet_gets_304(cached: TestClient) -> None:
    etag = cached.get("/search?q=asean").headers["etag"]
    again = cached.get("/search?q=asean", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag and again.headers["x-cache"] == "miss"
    other = cached.get("/search?q=asean", headers={"If-None-Match": 'W/"other"'})
    assert other.status_code == 200 and other.content


def test_a_browser_with_the_page_gets_304(cached: TestClient) -> None:
    cached.get("/search?q=han quoc")  # rendered twice: kept
    etag = cached.get("/search?q=han quoc").headers["etag"]
    again = cached.get("/search?q=han quoc", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["x-content-type-options"] == "nosniff"
    other = cached.get("/search?q=han quoc", headers={"If-None-Match": 'W/"other"'})
    assert other.status_code == 200 and other.content


def test_an_ingest_makes_every_kept_page_stale(
    cached: TestClient, seeds_db: str, tmp_path: Path
) -> None:
    before = cached.get("/api/stats").json()
    cached.get("/api/stats")  # rendered twice: kept
    assert cached.get("/api/stats").headers["x-cache"] == "hit"
    store = api.open_store(seeds_db, create=False)
    try:
        generation = api.generation(store)
        extra = tmp_path / "extra.txt"
        extra.write_text(EXTRA, encoding="utf-8")
        assert api.ingest(store, [extra], workers=1).added == 1
        assert api.generation(store) > generation
    finally:
        store.close()
    after = cached.get("/api/stats")
    assert after.headers["x-cache"] == "miss"
    assert after.json()["articles"] == before["articles"] + 1


def test_languages_are_kept_apart(cached: TestClient) -> None:
    for _ in range(2):  # rendered twice: kept
        vietnamese = cached.get("/search?q=asean", headers={"Cookie": "lang=vi"})
    english = cached.get("/search?q=asean", headers={"Cookie": "lang=en"})
    assert english.headers["x-cache"] == "miss"  # not the Vietnamese page
    cached.get("/search?q=asean", headers={"Cookie": "lang=en"})
    assert english.text != vietnamese.text
    assert 'lang="en"' in english.text and 'lang="vi"' in vietnamese.text
    assert cached.get("/search?q=asean", headers={"Cookie": "lang=en"}).headers["x-cache"] == "hit"
    unknown = cached.get("/search?q=asean", headers={"Cookie": "lang=xx"})  # read as Vietnamese
    assert unknown.headers["x-cache"] == "hit" and unknown.text == vietnamese.text


def test_what_must_not_be_kept_is_not(cached: TestClient) -> None:
    switched = cached.get("/search?q=asean&lang=en")  # sets the language cookie
    assert "set-cookie" in switched.headers and "x-cache" not in switched.headers
    missing = cached.get("/events/999999")
    assert missing.status_code == 404 and "x-cache" not in missing.headers
    assert "x-cache" not in cached.get("/static/style.css").headers
    assert "x-cache" not in cached.post("/api/extract", data={"text": EXTRA}).headers


def test_server_processes_share_what_they_render(
    seeds_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two applications over one directory, as `serve --workers 2` runs them: a page
    one renders (twice: then it is kept), the other answers from the cache."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "pages"))
    url = f"/events/{_first_event(seeds_db)}"
    with TestClient(create_app(seeds_db)) as one, TestClient(create_app(seeds_db)) as two:
        assert [one.get(url).headers["x-cache"] for _ in range(2)] == ["miss", "miss"]
        one.app.state.pages.close()  # what waits is written (reopens by itself)
        assert two.get(url).headers["x-cache"] == "hit"


def test_a_broken_cache_never_breaks_a_page(
    seeds_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setenv(cache.ENV, str(tmp_path / "pages"))
    monkeypatch.setattr(diskcache.Cache, "set", broken)
    monkeypatch.setattr(diskcache.Cache, "get", broken)
    with TestClient(create_app(seeds_db)) as client:
        answers = [client.get("/search?q=asean") for _ in range(2)]
    assert all(a.status_code == 200 and "Kết quả" in a.text for a in answers)
    assert [a.headers["x-cache"] for a in answers] == ["miss", "miss"]


def test_cache_of_zero_renders_every_request(seeds_db: str) -> None:
    with TestClient(create_app(seeds_db, cache_mb=0)) as client:
        answers = [client.get("/api/stats") for _ in range(2)]
    assert all(a.status_code == 200 and "x-cache" not in a.headers for a in answers)


def test_cache_size_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(web_app.CACHE_ENV, raising=False)
    assert web_app.cache_size(None) == web_app.DEFAULT_CACHE_MB
    assert web_app.cache_size(5) == 5
    monkeypatch.setenv(web_app.CACHE_ENV, "12")
    assert web_app.cache_size(None) == 12
    monkeypatch.setenv(web_app.CACHE_ENV, "lots")
    with pytest.raises(DiplonewsError, match="DIPLONEWS_CACHE_MB"):
        web_app.cache_size(None)
    with pytest.raises(DiplonewsError, match=">= 0"):
        web_app.cache_size(-1)


def test_only_whole_small_answers_are_kept() -> None:
    html = [(b"content-type", b"text/html; charset=utf-8")]
    start = {"type": "http.response.start", "status": 200, "headers": html}
    body = {"type": "http.response.body", "body": b"<html></html>"}
    assert cache.keepable(start, body)
    assert not cache.keepable({**start, "status": 404}, body)
    assert not cache.keepable(start, {**body, "more_body": True})  # a stream
    assert not cache.keepable(start, {**body, "body": b"x" * (cache.MAX_ENTRY + 1)})
    assert not cache.keepable({**start, "headers": [*html, (b"set-cookie", b"a=b")]}, body)
    assert not cache.keepable({**start, "headers": [(b"content-type", b"text/css")]}, body)


def test_the_size_limit_holds(tmp_path: Path) -> None:
    pages = cache.open_pages(str(tmp_path / "pages"), max_bytes=200_000)
    try:
        for n in range(100):
            pages.set(f"page {n}", (200, [], b"x" * 10_000, b'W/"x"'))
        assert pages.volume() < 400_000  # diskcache culls as it goes, oldest first
        assert pages.get("page 99") is not None and pages.get("page 0") is None
    finally:
        pages.close()


def test_kept_pages_live_in_memory_unless_tmpdir_says_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a disk, every page kept costs the kernel SQLite's writes: /dev/shm where there
    is one with room, $TMPDIR when set."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    named = Path(cache.new_directory(8 * 1024 * 1024))
    assert named.parent == tmp_path
    monkeypatch.delenv("TMPDIR")
    unnamed = Path(cache.new_directory(8 * 1024 * 1024))
    try:
        if cache.MEMORY.is_dir() and shutil.disk_usage(cache.MEMORY).free > 64 * 1024 * 1024:
            assert unnamed.parent == cache.MEMORY
    finally:
        shutil.rmtree(unnamed)


def test_keeping_a_page_never_waits_for_another_process(tmp_path: Path) -> None:
    """While another server process writes, a page is handed to the keeping thread
    (the event loop goes on serving), which writes it once the lock is free."""
    directory = str(tmp_path / "pages")
    keeper = cache.Keeper(directory, 8 * 1024 * 1024, wait=60)
    other = diskcache.Cache(directory)  # another server process's view of the pages
    entry = (200, [(b"content-type", b"text/html")], b"<html></html>", b'W/"x"')
    try:
        with other.transact():  # the other process holds the write lock
            keeper.keep("/events/1", entry, "events/1")
            keeper.keep("/people/2", entry, "people/2")
            assert other.get("/people/2") is None  # not written: waiting
        keeper.close()  # what waits is written first
        assert other.get("/events/1") == other.get("/people/2") == entry
    finally:
        other.close()


def test_forgetting_drops_pages_waiting_to_be_kept(tmp_path: Path) -> None:
    directory = str(tmp_path / "pages")
    keeper = cache.Keeper(directory, 8 * 1024 * 1024, wait=60)
    other = diskcache.Cache(directory)
    entry = (200, [(b"content-type", b"text/html")], b"<html></html>", b'W/"x"')
    try:
        with other.transact():
            keeper.keep("/events/1", entry, "events/1")
            keeper.keep("/people/2", entry, "people/2")
            keeper.keep("/events", entry, cache.LISTS)
        cache.forget(keeper, ["events/1"])  # waiting or written by now: dropped either way
        keeper.close()
        assert other.get("/events/1") is None and other.get("/events") is None
        assert other.get("/people/2") == entry
    finally:
        other.close()


def test_pages_that_come_fast_are_written_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page kept alone is written at once (another process answers it next); pages
    that follow it within BATCH_GAP go to the keeping thread, which writes them
    together, one transaction for all: this process answers them meanwhile from what
    waits, and the others once they are written."""
    directory = str(tmp_path / "pages")
    keeper = cache.Keeper(directory, 8 * 1024 * 1024)
    other = diskcache.Cache(directory)  # another server process's view of the pages
    entry = (200, [(b"content-type", b"text/html")], b"<html></html>", b'W/"x"')
    transactions = []
    write_batch = keeper._write_batch

    def counted(batch: dict[str, tuple[cache.Entry, str, float]]) -> None:
        transactions.append(sorted(batch))
        write_batch(batch)

    monkeypatch.setattr(keeper, "_write_batch", counted)
    try:
        keeper.keep("/events/1", entry, "events/1")
        assert other.get("/events/1") == entry  # alone: written at once
        for n in range(2, 12):
            keeper.keep(f"/events/{n}", entry, f"events/{n}")
        assert all(keeper.get(f"/events/{n}") == entry for n in range(1, 12))
        keeper.close()  # what waits is written first
        assert all(other.get(f"/events/{n}") == entry for n in range(1, 12))
        assert sum(map(len, transactions)) == 10 and len(transactions) <= 2
    finally:
        other.close()


def test_pages_kept_on_the_event_loop_are_written_there_in_batches(tmp_path: Path) -> None:
    """On the server's event loop, pages that come fast are written by the loop itself
    GATHER s later, in one transaction, with no thread; while another process holds
    the write lock they wait (the loop does not) and are written at a later try; a
    page forgotten meanwhile is not written."""
    directory = str(tmp_path / "pages")
    keeper = cache.Keeper(directory, 8 * 1024 * 1024)
    other = diskcache.Cache(directory)  # another server process's view of the pages
    entry = (200, [(b"content-type", b"text/html")], b"<html></html>", b'W/"x"')

    async def serving() -> None:
        keeper.keep("/events/1", entry, "events/1")
        assert other.get("/events/1") == entry  # alone: written at once
        with other.transact():  # the other process holds the write lock
            for n in range(2, 12):
                keeper.keep(f"/events/{n}", entry, f"events/{n}")
            started = time.monotonic()
            await asyncio.sleep(3 * cache.GATHER)  # the loop tries, and goes on
            assert time.monotonic() - started < 0.5
            assert all(keeper.get(f"/events/{n}") == entry for n in range(1, 12))
        cache.forget(keeper, ["events/11"])
        for _ in range(100):
            await asyncio.sleep(cache.GATHER)
            if other.get("/events/10") is not None:
                break
        assert all(other.get(f"/events/{n}") == entry for n in range(2, 11))
        assert other.get("/events/11") is None

    try:
        asyncio.run(serving())
        assert keeper.thread is None and not keeper.waiting
    finally:
        keeper.close()
        other.close()


def test_a_page_rendered_before_another_process_forgot_it_is_not_kept(tmp_path: Path) -> None:
    """Process B hands a page to its thread; process A, where an editor changed that
    event, forgets the tag before B's thread writes: the stale page must not land."""
    directory = str(tmp_path / "pages")
    writer = cache.Keeper(directory, 8 * 1024 * 1024)  # B
    editor = cache.Keeper(directory, 8 * 1024 * 1024)  # A
    entry = (200, [(b"content-type", b"text/html")], b"<html>old</html>", b'W/"x"')
    try:
        writer.keep("/events", entry, cache.LISTS)  # alone: written at once
        writer.keep("/events/12", entry, "events/12")  # fast after it: handed to the thread
        cache.forget(editor, ["events/12"])
        writer.close()  # the thread writes what waits
        assert editor.get("/events/12") is None
        # a page rendered after the change is kept as before
        writer.keep("/events/12", entry, "events/12")
        writer.close()
        assert editor.get("/events/12") == entry
    finally:
        writer.close()
        editor.close()


def test_pages_waiting_for_a_loop_that_stopped_are_written_on_the_next_one(tmp_path: Path) -> None:
    """An app run on one event loop after another (a test client without `with`): the
    write planned on a loop that stopped before it fired must not leave later pages
    waiting for ever."""
    directory = str(tmp_path / "pages")
    keeper = cache.Keeper(directory, 8 * 1024 * 1024)
    other = diskcache.Cache(directory)
    entry = (200, [(b"content-type", b"text/html")], b"<html></html>", b'W/"x"')

    async def first() -> None:
        keeper.keep("/a", entry, "a")
        keeper.keep("/b", entry, "b")  # came fast: waits for the loop, which stops now

    async def second() -> None:
        keeper.keep("/c", entry, "c")
        keeper.keep("/d", entry, "d")
        for _ in range(100):
            await asyncio.sleep(cache.GATHER)
            if other.get("/d") is not None:
                break

    try:
        asyncio.run(first())
        asyncio.run(second())
        assert all(other.get(key) == entry for key in ("/b", "/d"))
        assert not keeper.waiting
    finally:
        keeper.close()
        other.close()
