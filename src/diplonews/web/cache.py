"""Rendered pages and API answers kept until the store changes, shared by the server's
worker processes.

Readers ask for the same event, person and search pages again and again, while the
store changes only when an ingest commits. The server therefore keeps the GET answers
it rendered in a diskcache (SQLite) directory that all its worker processes share, so
a page is rendered once, not once per process. An answer is keyed by URL, language,
day ("planned meetings ahead" depends on today) and the store generation
(`api.generation`, raised by every ingest batch): after an ingest no old answer is
served again, and the oldest stored ones make room for new ones within the size
limit. A kept answer carries an ETag, so a browser that has the page gets a bodyless
304, and `X-Cache: hit` or `miss`.

Only complete 200 answers without cookies are kept; static files, streams and
anything larger than `MAX_ENTRY` pass through untouched.

Keeping an answer never makes a reader wait (`Keeper`): the event loop writes it only
when no other process holds the cache's write lock (a busy timeout of 0). Waiting on
the loop for the lock (a 0.25 s busy timeout, SQLite sleeping 1, 2, 5, 10… ms between
tries) stalled every request of the process: in `make load --once`, where every page
is a first render and both server processes keep pages all along, the two loops spent
a third of the run in `set`, p50 1-7 ms, p95 26 ms a page, for 0.3 ms of CPU.
While pages come fast (one within `BATCH_GAP` of the last) they wait, and the loop
writes them a batch at a time, GATHER s after the first, in one transaction (a page
written alone cost 0.16-0.18 ms of the server's CPU in such a run, mostly the
transaction around it); when another process holds the lock, the loop tries again
GATHER s later. The batches were a thread's before: it and the loop took the GIL from
each other at every SQLite statement, 1.3 voluntary context switches a first render
(0.2 now), and the cache cost a first render about 0.13-0.16 ms of CPU (0.07 now).
Pages handed from outside an event loop still go to that thread.

An answer is kept the second time a server process renders it (`Keeper.admit`), not
the first: most pages of a store are asked for once in a long while, and keeping each
first render cost the server CPU (0.07 ms a first render in a batch, about a twentieth
of one) and room in the cache, which then dropped pages asked for again to make room
for pages nobody asked for twice. A process remembers which keys it rendered (their
hashes, `ASKED` at most; forgotten all at once when full). A page rendered again with
the ETag a browser sends (it had the page) is answered 304 all the same.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
import threading
import time
import weakref
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import diskcache
from starlette.datastructures import Headers
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from diplonews import api
from diplonews.errors import DiplonewsError

MAX_ENTRY = 1024 * 1024  # bytes: a larger answer is served but not kept
# StaticFiles does its own validation; the sources' health changes without new articles.
UNCACHED_PREFIXES = ("/static/", "/swagger/", "/sources", "/api/sources")
KEPT_TYPES = (b"text/html", b"application/json")
ENV = "DIPLONEWS_PAGE_CACHE"  # the directory `serve` shares with its worker processes
# What reading or writing the cache may raise: a full disk, a file made unreadable, a
# lock held too long by another process. The page is served regardless.
CACHE_ERRORS = (sqlite3.Error, OSError, diskcache.Timeout)

Entry = tuple[int, list[tuple[bytes, bytes]], bytes, bytes]  # status, headers, body, etag
# An answer about one event, person or article (page or JSON) is tagged with it, so an
# editor's change drops exactly those (`forget`); every other answer is a list.
_ONE = re.compile(r"/(?:api/)?((?:events|people|articles)/[0-9]{1,18})")
LISTS = "lists"


def tag_of(path: str) -> str:
    match = _ONE.fullmatch(path)
    return match.group(1) if match else LISTS


def forget(pages: diskcache.Cache | Keeper, tags: list[str]) -> int:
    """Drop the kept answers of these events, people and articles ("events/12"), and
    the lists, which may show them; answers dropped."""
    if isinstance(pages, Keeper):
        return pages.forget({*tags, LISTS})
    dropped = 0
    for tag in {*tags, LISTS}:
        try:
            dropped += pages.evict(tag)
        except CACHE_ERRORS:  # pragma: no cover - a cache that cannot be written
            pass
    return dropped


MEMORY = Path("/dev/shm")  # a memory file system, where the system has one


def new_directory(max_bytes: int) -> str:
    """A new directory for the kept pages: in the folder $TMPDIR names, else in memory
    (/dev/shm) where it has room for them (four times the size limit: SQLite's
    write-ahead log comes on top), else in the system's temporary folder. Every page kept is written twice (the log, then its
    checkpoint): on a disk's file system that cost the kernel about 0.4 ms of CPU a
    first render (`make load --once`, one server process, 2026-12-06: 2.0-2.1 ms of
    server CPU a request with the pages kept in /tmp, 1.3-1.6 with the cache off,
    1.5-1.7 with the pages kept in /dev/shm)."""
    where = os.environ.get("TMPDIR") or None
    try:
        roomy = os.access(MEMORY, os.W_OK) and shutil.disk_usage(MEMORY).free > 4 * max_bytes
        if not where and roomy:
            where = str(MEMORY)
    except OSError:  # pragma: no cover - /dev/shm unreadable
        pass
    return tempfile.mkdtemp(prefix="diplonews-pages-", dir=where)


def open_pages(directory: str | None, max_bytes: int, timeout: float = 0.25) -> diskcache.Cache:
    """The shared page store in `directory`, else in a new temporary directory removed
    with the store (or at exit). `timeout`: s a write waits for another process's."""
    own = directory is None
    where = new_directory(max_bytes) if directory is None else directory
    pages = diskcache.Cache(
        where,
        size_limit=max_bytes,
        eviction_policy="least-recently-stored",  # a hit reads, never writes
        tag_index=True,  # `forget` drops an event's answers by its tag
        sqlite_synchronous=0,  # a cache: losing it in a crash costs a render
        timeout=timeout,  # s waiting on another process's write, then a miss (default: 60)
    )
    if own:
        weakref.finalize(pages, shutil.rmtree, where, True)
    return pages


# s the keeping thread waits for another process's write lock before it gives up a batch
WRITER_WAIT = 1.0
MAX_WAITING = 512  # answers waiting for the keeping thread; more are not kept
# A page kept within BATCH_GAP s of the one before waits: the event loop (or, for pages
# handed from outside one, the thread) gathers pages for GATHER s more and writes them
# in one transaction: in process, 95 µs of CPU
# a page written alone, 50 µs in batches of ten or more (diskcache's BEGIN IMMEDIATE
# and COMMIT for each). Other processes see such a page GATHER s later; this one
# answers it from what waits (`get`).
BATCH_GAP = 0.05
GATHER = 0.02
# Keys a process remembers having rendered once (`Keeper.admit`): about 70 bytes each in
# a set of their hashes; when full they are forgotten together, and a page asked for again
# after that is kept on its next render.
ASKED = 65536
# The key under which `forget` notes when it dropped a tag, in the store all processes
# share: a process's thread does not write a page of that tag handed before then (the
# page was rendered before the change that made it stale). Not a page's key (those are
# paths).
FORGOTTEN = "\x00forgotten:"


class Keeper:
    """The shared page store as a server process uses it. `get` and `keep` come from
    the event loop and never wait: an answer is written at once when the write lock
    is free (a busy timeout of 0) and no other came just before it, else it waits and
    the loop writes all that waits in one transaction GATHER s later, trying again
    while another process holds the lock (`_flush_on_loop`); `keep` called outside an
    event loop hands it to a thread that waits for the lock instead. `get` finds
    waiting answers before they are written. `forget` drops answers (waiting ones too)
    by tag, under the lock every batch is written under, so an answer it drops is not
    written after."""

    def __init__(self, directory: str | None, max_bytes: int, wait: float = WRITER_WAIT) -> None:
        self.pages = open_pages(directory, max_bytes, timeout=0)  # the loop's: no wait
        self.directory = self.pages.directory
        # key → (answer, tag, time.time() it was handed): the time tells whether another
        # process forgot its tag after it was rendered (`FORGOTTEN`)
        self.waiting: dict[str, tuple[Entry, str, float]] = {}
        self.in_flight: dict[str, tuple[Entry, str, float]] = {}  # the batch being written
        self.last_kept = -BATCH_GAP  # time.monotonic() of the last `keep`
        self.lock = threading.Lock()  # over `waiting`
        self.writing = threading.Lock()  # held while a batch is written, and by `forget`
        self.wake = threading.Condition(self.lock)
        self.thread: threading.Thread | None = None  # keeps pages handed from threads
        # the next write of what waits on the event loop (pages kept from the loop)
        self.flush: asyncio.TimerHandle | None = None
        self.flush_loop: asyncio.AbstractEventLoop | None = None  # the loop `flush` is on
        self.closed = False
        # The same store for the thread and for `forget`: these wait for the lock.
        self.patient = diskcache.Cache(self.directory, timeout=wait)
        self.wait = wait
        self.asked: set[int] = set()  # hashes of the keys rendered once, not kept

    def admit(self, key: str) -> bool:
        """Whether to keep the answer just rendered under `key`: not the first time
        this process renders it (a page asked for once is never read from the cache;
        writing it cost CPU and another page's room), yes the second."""
        hashed = hash(key)
        if hashed in self.asked:
            self.asked.discard(hashed)
            return True
        if len(self.asked) >= ASKED:
            self.asked.clear()
        self.asked.add(hashed)
        return False

    def get(self, key: str) -> Entry | None:
        if self.waiting or self.in_flight:
            with self.lock:
                handed = self.waiting.get(key) or self.in_flight.get(key)
            if handed is not None:
                return handed[0]
        entry: Entry | None = self.pages.get(key)
        return entry

    def keep(self, key: str, entry: Entry, tag: str) -> None:
        """Write `entry` now if no other process is writing and no other answer came
        just before, else soon."""
        now = time.monotonic()
        coming_fast, self.last_kept = now - self.last_kept < BATCH_GAP, now
        if not coming_fast:
            try:
                self.pages.set(key, entry, tag=tag)
                return
            except diskcache.Timeout:  # the lock is another's: the thread waits for it
                pass
            except CACHE_ERRORS:  # full or broken: served all the same, not kept
                return
        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:  # called from a thread, not the server's loop
            loop = None
        with self.lock:
            if self.closed or len(self.waiting) >= MAX_WAITING:
                return
            self.waiting[key] = (entry, tag, time.time())
            if loop is not None and self.thread is None:
                if self.flush is None or self.flush_loop is not loop:
                    # none yet, or one left on a loop that stopped before it fired (an
                    # app run on a loop after another): it would never write them
                    if self.flush is not None:
                        self.flush.cancel()
                    self.flush = loop.call_later(GATHER, self._flush_on_loop)
                    self.flush_loop = loop
                return
            if self.thread is None:
                self.thread = threading.Thread(
                    target=self._write, name="diplonews-page-keeper", daemon=True
                )
                self.thread.start()
            self.wake.notify()

    def _flush_on_loop(self) -> None:
        """Write what waits in one transaction, on the event loop, without waiting: if
        another process holds the write lock (or `forget` is dropping pages here), try
        again GATHER s later. A thread woken for every batch cost more than the writing:
        it and the loop took the GIL from each other at every SQLite statement of
        either (1.3 voluntary context switches a request against 0.1 with the cache
        off, in `make load --once`)."""
        self.flush = None
        if not self.writing.acquire(blocking=False):
            self._flush_later()
            return
        try:
            with self.lock:
                batch, self.waiting = self.waiting, {}
                self.in_flight = batch
            if batch and not self._write_batch(batch, self.pages):
                with self.lock:  # locked by another process: these wait for the next try
                    self.waiting = {**batch, **self.waiting}
        finally:
            with self.lock:
                self.in_flight = {}
            self.writing.release()
        if self.waiting:
            self._flush_later()

    def _flush_later(self) -> None:
        with self.lock:
            if self.flush is not None or self.closed or self.thread is not None:
                return
            try:
                loop = asyncio.get_running_loop()
                self.flush = loop.call_later(GATHER, self._flush_on_loop)
                self.flush_loop = loop
            except RuntimeError:  # pragma: no cover - the loop has stopped: close() writes them
                pass

    def _write(self) -> None:
        while True:
            with self.lock:
                while not self.waiting and not self.closed:
                    self.wake.wait()
                if not self.waiting:  # closed, and nothing left
                    return
                gather = not self.closed
            if gather:  # more pages to write with these
                time.sleep(GATHER)
            with self.writing:  # `writing` before `lock`, as in `forget`
                with self.lock:
                    batch, self.waiting = self.waiting, {}
                    self.in_flight = batch
                if batch:
                    self._write_batch(batch)
                with self.lock:
                    self.in_flight = {}

    def _write_batch(
        self, batch: dict[str, tuple[Entry, str, float]], store: diskcache.Cache | None = None
    ) -> bool:
        """Write `batch` in one transaction of `store` (the thread's, which waits for the
        lock, unless given); False when the lock was another's (nothing written)."""
        store = self.patient if store is None else store
        try:
            with store.transact():
                for key, (entry, tag, handed) in batch.items():
                    forgotten = store.get(FORGOTTEN + tag)
                    if forgotten is not None and forgotten >= handed:
                        continue  # another process dropped this tag after the render
                    store.set(key, entry, tag=tag)
        except diskcache.Timeout:
            return False
        except CACHE_ERRORS:  # full or broken: those are not kept
            pass
        return True

    def forget(self, tags: Iterable[str]) -> int:
        """Drop the answers tagged so, kept or waiting; how many were kept."""
        tags = set(tags)
        dropped = 0
        with self.writing:
            with self.lock:
                self.waiting = {k: v for k, v in self.waiting.items() if v[1] not in tags}
            now = time.time()
            for tag in tags:
                try:
                    self.patient.set(FORGOTTEN + tag, now)  # for other processes' threads
                    dropped += self.patient.evict(tag)
                except CACHE_ERRORS:  # pragma: no cover - a cache that cannot be written
                    pass
        return dropped

    def close(self) -> None:
        """Write what waits (the thread finishes it, else it is written here, waiting
        for the lock), then close the store."""
        with self.lock:
            self.closed = True
            thread, self.thread = self.thread, None
            flush, self.flush = self.flush, None
            self.wake.notify()
        if flush is not None:
            flush.cancel()
        if thread is not None:
            thread.join(timeout=5 * self.wait)
        with self.writing:
            with self.lock:
                batch, self.waiting = self.waiting, {}
            if batch:
                self._write_batch(batch)
        self.patient.close()
        self.pages.close()
        with self.lock:
            self.closed = False  # reopens by itself if the application starts again


class PageCache:
    """ASGI middleware over the application: answers what is kept for this store
    generation, keeps what it may."""

    def __init__(
        self, app: ASGIApp, stores: Any, pages: Keeper, languages: tuple[str, ...]
    ) -> None:
        self.app = app
        self.stores = stores  # web.app.Stores: the loop thread's store gives the generation
        self.pages = pages
        self.languages = languages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"].startswith(UNCACHED_PREFIXES)
            or scope.get("state", {}).get("viewer") is not None  # an editor's own pages
            or scope.get("state", {}).get("bearer")
        ):
            await self.app(scope, receive, send)
            return
        try:
            generation = api.generation(self.stores.get())
        except DiplonewsError:  # the application answers with the store's error
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key = self.key(scope, headers, generation)
        try:
            entry: Entry | None = self.pages.get(key)
        except CACHE_ERRORS:  # a cache that cannot be read is a miss, never an error
            entry = None
        if entry is not None:
            await replay(entry, headers.get("if-none-match"), send)
            return
        await self.app(
            scope,
            receive,
            self.keeping(key, send, tag_of(scope["path"]), headers.get("if-none-match")),
        )

    def key(self, scope: Scope, headers: Headers, generation: int) -> str:
        """What an answer depends on: the store generation, the URL, the language
        cookie, the day."""
        cookie = cookie_parser(headers.get("cookie", "")).get("lang")
        lang = cookie if cookie in self.languages else self.languages[0]
        query = scope["query_string"].decode("latin-1")
        return f"{generation} {date.today().isoformat()} {lang} {scope['path']}?{query}"

    def keeping(
        self, key: str, send: Send, tag: str = LISTS, if_none_match: str | None = None
    ) -> Send:
        """`send`, keeping a complete one-piece 200 answer once it has gone by (the
        second time this process renders it: `Keeper.admit`); a 304 instead when the
        reader has it (`if_none_match`)."""
        start: Message | None = None

        async def send_and_keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message  # held until the body shows whether it can be kept
                return
            if start is None:
                await send(message)
                return
            held, start = start, None
            if not (message["type"] == "http.response.body" and keepable(held, message)):
                await send(held)
                await send(message)
                return
            body = message.get("body", b"")
            digest = hashlib.blake2b(body, digest_size=12).hexdigest()
            etag = f'W/"{digest}"'.encode()
            headers = [*held["headers"], (b"etag", etag), (b"cache-control", b"no-cache")]
            if if_none_match is not None and not _tags(if_none_match).isdisjoint({etag, b"*"}):
                await not_modified(etag, b"miss", send)
            else:
                await send({**held, "headers": [*headers, (b"x-cache", b"miss")]})
                await send(message)
            # After the answer: the reader does not wait for it to be kept.
            if self.pages.admit(key):
                self.pages.keep(key, (held["status"], headers, body, etag), tag)

        return send_and_keep


async def replay(entry: Entry, if_none_match: str | None, send: Send) -> None:
    status, headers, body, etag = entry
    if if_none_match is not None and not _tags(if_none_match).isdisjoint({etag, b"*"}):
        await not_modified(etag, b"hit", send)
        return
    headers = [*headers, (b"x-cache", b"hit")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def not_modified(etag: bytes, cached: bytes, send: Send) -> None:
    """A bodyless 304: the reader's copy (`etag`) is the page."""
    validators = [(b"etag", etag), (b"cache-control", b"no-cache"), (b"x-cache", cached)]
    await send({"type": "http.response.start", "status": 304, "headers": validators})
    await send({"type": "http.response.body", "body": b""})


def keepable(start: Message, body: Message) -> bool:
    if start["status"] != 200 or body.get("more_body", False):
        return False
    if len(body.get("body", b"")) > MAX_ENTRY:
        return False
    content_type = b""
    for name, value in start["headers"]:
        if name.lower() == b"set-cookie":
            return False
        if name.lower() == b"content-type":
            content_type = value
    return content_type.startswith(KEPT_TYPES)


def _tags(if_none_match: str) -> set[bytes]:
    """The entity tags an If-None-Match header lists, as weak tags (GET compares
    weakly); "*" stays "*"."""
    tags = set()
    for listed in if_none_match.split(","):
        tag = listed.strip().encode("latin-1", "replace")
        tags.add(tag if tag.startswith(b"W/") or tag == b"*" else b"W/" + tag)
    return tags
