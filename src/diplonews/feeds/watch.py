"""The poll rounds of `diplonews watch`: sources polled, new pages fetched, articles stored.

A round polls the sources that are due (conditional GET; a 304 lists nothing), records
the pages they list that the store does not know together with the listing's
validators, then takes every pending page: fetches it (see `http`), reads and
extracts it in a worker (see `pages`), keeps its text in the store at once, and
stores its article with the other pages of a batch in one transaction that also
marks them stored (`kb.feedstate` describes the states). A stop (SIGTERM) lets the
requests in flight go, stores what was read and returns: nothing is lost, and a page
whose text was kept is never fetched again.
"""

from __future__ import annotations

import asyncio
import calendar
import multiprocessing
import os
import time
from collections.abc import Callable, Coroutine, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from typing import Any, Self, TypeVar

from diplonews.errors import DiplonewsError, FeedError, StoreError
from diplonews.feeds import pages
from diplonews.feeds.config import Config, SourceConfig
from diplonews.feeds.http import Fetcher, FetchError, Response, gunzip
from diplonews.feeds.listing import Listing, keep, newest_sitemaps, read_feed, read_sitemap
from diplonews.kb import feedstate
from diplonews.kb.feedstate import Fetched, Page, now_iso
from diplonews.kb.ingest import ingest_prepared
from diplonews.kb.store import Store
from diplonews.kb.store.writes import Prepared

BATCH_SIZE = 50  # articles stored per transaction
BATCH_SECONDS = 5.0  # a batch waits no longer than this for more
MAX_ATTEMPTS = 4  # a page that failed this many times (in different rounds) is given up
MAX_POLL_BACKOFF = 24 * 3600.0
IDLE_CHECK = 60.0  # a service wakes at least this often to look for due work
HTML_TYPES = ("", "text/html", "application/xhtml+xml", "text/plain")

T = TypeVar("T")


class _Stopped(Exception):
    pass


@dataclass
class RoundReport:
    round: int = 0
    polled: int = 0  # sources polled
    poll_failures: int = 0
    not_modified: int = 0  # polls answered 304
    new_pages: int = 0  # pages listed that the store did not know
    fetched: int = 0
    added: int = 0  # distinct articles stored
    duplicates: int = 0  # copies of an article already stored
    failed: int = 0  # pages given up
    postponed: int = 0  # pages to try again in a later round
    seconds: float = 0.0
    fetch_seconds: float = 0.0  # requests on the wire, summed over concurrent ones
    extract_seconds: float = 0.0  # summed over workers
    ingest_seconds: float = 0.0
    stopped: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in data.items():
            if isinstance(value, float):
                data[key] = round(value, 3)
        return data


@dataclass
class _Batch:
    items: list[tuple[str, str, Prepared]] = field(default_factory=list)  # source, url, article
    started: float = 0.0


class Watcher:
    """One watch run over one store. Use as `async with Watcher(...) as watcher`."""

    def __init__(
        self,
        store: Store,
        config: Config,
        *,
        lexicon_paths: Iterable[str] = (),
        workers: int = 0,
        batch_size: int = BATCH_SIZE,
        on_event: Callable[[dict[str, Any]], None] = lambda event: None,
    ) -> None:
        self.store = store
        self.config = config
        self.sources = {s.name: s for s in config.sources}
        self.lexicon_paths = tuple(lexicon_paths)
        self.workers = workers
        self.batch_size = batch_size
        self.on_event = on_event
        self.stopping = asyncio.Event()
        self.db_lock = asyncio.Lock()
        self.batch = _Batch()
        self.rounds = 0
        self.fetcher: Fetcher | None = None
        self.pool: Executor | None = None

    async def __aenter__(self) -> Self:
        sources = [(s.name, s.url, s.kind) for s in self.config.sources]
        await self.db(feedstate.register, sources)
        if self.workers > 0:
            methods = multiprocessing.get_all_start_methods()
            self.pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("fork" if "fork" in methods else None),
                initializer=pages.init_worker,
                initargs=(self.lexicon_paths, os.getpid()),
            )
        else:
            pages.init_worker(self.lexicon_paths)
        self.fetcher = Fetcher(self.config.fetch)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.fetcher is not None:
            await self.fetcher.aclose()
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def stop(self) -> None:
        """Finish soon: no new request; what was read is stored."""
        self.stopping.set()

    # --- plumbing ----------------------------------------------------------------------

    async def db(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a store function in a thread, one at a time (never cancelled halfway)."""
        async with self.db_lock:
            return await asyncio.to_thread(function, self.store, *args, **kwargs)

    async def _run(self, function: Callable[..., T], *args: Any) -> T:
        """CPU work (reading and extracting pages) in the worker pool, or a thread."""
        if self.pool is not None:
            return await asyncio.get_running_loop().run_in_executor(self.pool, function, *args)
        return await asyncio.to_thread(function, *args)

    async def _unless_stopped(self, work: Coroutine[Any, Any, T]) -> T:
        task = asyncio.ensure_future(work)
        stop = asyncio.ensure_future(self.stopping.wait())
        done, _ = await asyncio.wait({task, stop}, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            stop.cancel()
            return task.result()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        raise _Stopped

    def _emit(self, event: str, **data: Any) -> None:
        self.on_event({"time": now_iso(), "event": event, **data})

    # --- rounds ------------------------------------------------------------------------

    async def due(self, once: bool) -> list[SourceConfig]:
        """Sources to poll now: those whose next poll has come; with `once`, every
        source not held back after failures (the timer that runs `--once` decides)."""
        states = {s.name: s for s in await self.db(feedstate.sources)}
        at = now_iso()
        found = []
        for source in self.config.sources:
            state = states.get(source.name)
            due = state is None or state.next_poll is None or state.next_poll <= at
            if due or once and state is not None and state.failures == 0:
                found.append(source)
        return found

    async def round(self, *, once: bool = False) -> RoundReport:
        """Poll the due sources, then fetch and store every pending page."""
        self.rounds += 1
        report = RoundReport(round=self.rounds)
        started = time.perf_counter()
        try:
            due = await self.due(once)
            await asyncio.gather(*(self.poll(source, report) for source in due))
            waiting = await self.db(feedstate.pending)
            if not self.stopping.is_set():
                self.batch = _Batch(started=time.perf_counter())
                await asyncio.gather(*(self.page(page, report) for page in waiting))
            await self.flush(report)
        finally:
            report.seconds = time.perf_counter() - started
            report.stopped = self.stopping.is_set()
        return report

    async def serve(self, on_round: Callable[[RoundReport], None]) -> None:
        """Poll each source at its own interval until `stop()`."""
        while not self.stopping.is_set():
            due = await self.due(once=False)
            waiting = await self.db(feedstate.pending)
            if due or waiting:
                on_round(await self.round())
            if self.stopping.is_set():
                break
            try:
                await asyncio.wait_for(self.stopping.wait(), await self._idle_seconds())
            except TimeoutError:
                pass

    async def _idle_seconds(self) -> float:
        states = await self.db(feedstate.sources)
        names = set(self.sources)
        polls = [s.next_poll for s in states if s.name in names and s.next_poll]
        if not polls:
            return 1.0
        soonest = calendar.timegm(time.strptime(min(polls), "%Y-%m-%dT%H:%M:%SZ"))
        return min(IDLE_CHECK, max(0.5, soonest - time.time()))

    # --- one source --------------------------------------------------------------------

    async def poll(self, source: SourceConfig, report: RoundReport) -> None:
        assert self.fetcher is not None
        states = {s.name: s for s in await self.db(feedstate.sources)}
        state = states[source.name]
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        limit = self.config.fetch.feed_bytes
        report.polled += 1
        try:
            response = await self._unless_stopped(
                self.fetcher.get(source.url, limit=limit, headers=headers)
            )
            if response.status == 304:
                report.not_modified += 1
                listed, etag, modified = [], state.etag, state.last_modified
            else:
                listed = await self._listing(source, response)
                etag = response.headers.get("etag")
                modified = response.headers.get("last-modified")
        except _Stopped:
            return
        except FeedError as exc:
            report.poll_failures += 1
            backoff = min(source.every * 2**state.failures, MAX_POLL_BACKOFF)
            retry_at = getattr(exc, "retry_at", None) or 0.0
            reason = getattr(exc, "reason", None) or str(exc)
            await self.db(
                feedstate.record_poll_failure,
                source.name,
                reason,
                now_iso(max(retry_at, time.time() + backoff)),
            )
            self._emit("poll", source=source.name, ok=False, error=reason)
            return
        new = await self.db(
            feedstate.record_poll,
            source.name,
            keep(source, listed),
            etag=etag,
            last_modified=modified,
            next_poll=now_iso(time.time() + source.every),
        )
        report.new_pages += new
        self._emit(
            "poll", source=source.name, ok=True, status=response.status, listed=len(listed), new=new
        )

    async def _listing(self, source: SourceConfig, response: Response) -> list[Any]:
        listing = await asyncio.to_thread(self._parse, source, response.body, response.url)
        found = list(listing.pages)
        if listing.sitemaps:  # a sitemap index: its newest sitemaps
            assert self.fetcher is not None
            for url in newest_sitemaps(source, listing.sitemaps):
                child = await self.fetcher.get(url, limit=self.config.fetch.feed_bytes)
                found += (await asyncio.to_thread(self._parse, source, child.body, url)).pages
        return found

    def _parse(self, source: SourceConfig, body: bytes, url: str) -> Listing:
        if body[:2] == b"\x1f\x8b":  # a .xml.gz served as it is
            body = gunzip(body, self.config.fetch.feed_bytes)
        if source.kind == "sitemap":
            return read_sitemap(body, url)
        return read_feed(body, url)

    # --- one page ----------------------------------------------------------------------

    async def page(self, page: Page, report: RoundReport) -> None:
        if self.stopping.is_set():
            return
        try:
            outcome = await self._outcome(page, report)
        except _Stopped:
            return
        except FetchError as exc:
            final = exc.retry_at is None or page.attempts + 1 >= MAX_ATTEMPTS
            await self.db(
                feedstate.page_failed,
                page.url,
                exc.reason,
                retry_at=None if final else now_iso(exc.retry_at),
            )
            if final:
                report.failed += 1
            else:
                report.postponed += 1
            self._emit("page", url=page.url, source=page.source, ok=False, error=exc.reason)
            return
        except (DiplonewsError, OSError, RuntimeError) as exc:
            if isinstance(exc, StoreError):
                raise
            await self._give_up(page, f"{type(exc).__name__}: {exc}", report)
            return
        if outcome is None:
            return
        if isinstance(outcome.prepared, str):
            await self._give_up(page, outcome.prepared, report)
            return
        self.batch.items.append((page.source, page.url, outcome.prepared))
        if len(self.batch.items) >= self.batch_size or (
            time.perf_counter() - self.batch.started > BATCH_SECONDS
        ):
            await self.flush(report)

    async def _give_up(self, page: Page, reason: str, report: RoundReport) -> None:
        await self.db(feedstate.page_failed, page.url, reason)
        report.failed += 1
        self._emit("page", url=page.url, source=page.source, ok=False, error=reason)

    async def _outcome(self, page: Page, report: RoundReport) -> pages.Outcome | None:
        """The page read and extracted: from its kept text, else fetched now (and its
        text kept before anything else happens)."""
        if page.state == "fetched" and page.text:
            kept = Fetched(
                page.url,
                page.url,
                page.canonical_url or page.url,
                page.outlet,
                page.title,
                page.published,
                page.text,
            )
            outcome = await self._run(pages.prepare_kept, kept)
            report.extract_seconds += outcome.seconds
            return outcome
        assert self.fetcher is not None
        response = await self._unless_stopped(
            self.fetcher.get(page.url, limit=self.config.fetch.page_bytes)
        )
        report.fetch_seconds += response.network_seconds
        if response.status != 200 or response.content_type not in HTML_TYPES:
            kind = response.content_type or f"HTTP {response.status}"
            raise FetchError(page.url, f"not a web page ({kind})")
        source = self.sources.get(page.source)
        outlet = source.outlet if source else None
        outcome = await self._run(
            pages.read_and_prepare, page.url, response.url, response.body, outlet
        )
        report.extract_seconds += outcome.seconds
        if outcome.fetched is None:
            raise FetchError(page.url, str(outcome.prepared))
        if outcome.fetched.outlet is None:
            outlet = page.source  # the config's name for the source, at least
            outcome = pages.Outcome(
                Fetched(**{**outcome.fetched.__dict__, "outlet": outlet}),
                outcome.prepared,
                outcome.seconds,
            )
        assert outcome.fetched is not None
        await self.db(feedstate.page_fetched, outcome.fetched)
        report.fetched += 1
        return outcome

    # --- storing -----------------------------------------------------------------------

    async def flush(self, report: RoundReport) -> None:
        batch, self.batch = self.batch, _Batch(started=time.perf_counter())
        if not batch.items:
            return
        started = time.perf_counter()
        added, duplicates = await self.db(self._store, batch.items)
        report.ingest_seconds += time.perf_counter() - started
        report.added += added
        report.duplicates += duplicates

    def _store(self, store: Store, items: list[tuple[str, str, Prepared]]) -> tuple[int, int]:
        """One transaction: the batch's articles (each page once: two listed URLs may
        be one canonical page) and their pages marked stored."""
        by_source: dict[str, tuple[list[Prepared], list[str]]] = {}
        keys: set[str] = set()
        for name, url, prepared in items:
            articles, urls = by_source.setdefault(name, ([], []))
            urls.append(url)
            if prepared.source not in keys:
                keys.add(prepared.source)
                articles.append(prepared)
        added = duplicates = 0
        with store.transaction():
            for name, (articles, urls) in by_source.items():
                result = ingest_prepared(store, articles, lexicon_paths=self.lexicon_paths)
                feedstate.count_added(store, name, result.added, result.duplicates)
                feedstate.pages_stored(store, urls)
                added += result.added
                duplicates += result.duplicates
        return added, duplicates
