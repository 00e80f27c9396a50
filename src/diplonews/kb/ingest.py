"""Ingest: files in, the knowledge base up to date, incrementally and crash-safe.

A file whose size and modification time the store already holds is skipped unread;
a source (a file, or one line of a JSONL file) whose text is unchanged is skipped
unextracted. What is left is extracted (in worker processes when there is enough
of it), checked for duplicates (same text, or a near-duplicate by MinHash) and
written, `batch_size` articles per transaction. A file is marked as read in the
transaction that stores its last article, so a run that is killed leaves whole
articles only, and the next run picks up where it stopped.

No article stops a run: one whose extraction or storage fails is one message naming
its file, and the batch goes on without it (a batch whose transaction fails is
written again with each article in a savepoint). A source whose text the store holds
already is not extracted: its exact hash makes it a copy.
Another ingest into the same store is waited for: a batch is extracted first, then
written under the store's writer lock, and each source is looked up again under the
lock, so what the other run stored meanwhile is skipped, not stored twice. Worker
processes die with the run, however it ends (`die_with_parent`).

`ingest_prepared` stores articles extracted elsewhere (the Spark job's output) the
same way: same skipping of unchanged sources, dedupe, resolution and batches.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path

from diplonews.errors import DiplonewsError, InputError, StoreError
from diplonews.extract import extract_doc, extract_docs
from diplonews.extract.doc import Doc
from diplonews.extract.lexicons import Lexicons, load
from diplonews.extract.reading import JSONL_SUFFIXES, Source, iter_files, read_file
from diplonews.kb import corrections, dedupe, sources
from diplonews.kb.search import fold_fast
from diplonews.kb.store import Store, writes
from diplonews.kb.store.writes import Prepared
from diplonews.text import fold

# Articles per transaction: each commit rewrites the index pages its batch touched
# (random keys: hashes, band keys) and writes one full-text segment, so 500 cost 40%
# less per article to write than 200; the writer lock is held about 0.3 s a batch.
BATCH_SIZE = 500
# On SQLite, 1,000: its commit writes every page the batch dirtied to the WAL, two
# writes a page, and the band keys' b-tree, which grows with the store, is dirtied
# almost whole by any batch (over 10,000 corpus articles: 363 MB to the WAL at 500,
# 271 MB at 1,000, the commits' CPU 0.066 -> 0.041 ms an article); about 0.5 s a batch.
SQLITE_BATCH_SIZE = 1000
PARALLEL_FROM = 64  # articles in a batch from which worker processes pay off
# Articles sent to a worker at a time, extracted together (`prepare_many`): a task costs
# the pool's threads and pipes about 1.5 ms of CPU (worker and main process) whatever
# its size, so 100, not 25 (CPU an article outside tasks in the workers: 5,000 corpus
# articles 0.069-0.074 -> 0.050-0.055 ms; 20,000: 0.061-0.064 -> 0.050). The records
# are the same whatever the chunk (2,000 corpus articles by 1, 25 and 100).
CHUNK = 100
AHEAD = 2  # batches sent to the workers before the one being written
# How long a batch waits for another ingest's write to end before giving up; a batch
# holds the writer lock only while it writes (about a second for 500 articles).
LOCK_WAIT = 600  # seconds
YOUNG_OBJECTS = 50_000  # gc's first threshold during a run (new objects per collection)
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


@dataclass
class IngestReport:
    added: int = 0  # distinct articles stored
    duplicates: int = 0  # copies of an article already stored (same or near-same text)
    updated: int = 0  # sources whose text changed, or that an older diplonews extracted
    unchanged: int = 0  # sources skipped: file or text as already stored
    failed: int = 0  # inputs that could not be read or extracted
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.added + self.duplicates

    def to_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class _Pending:
    source: str
    item: Source
    content_hash: str
    state: str  # writes.source_state: "new", "replaced" or "refresh"
    article_id: int | None  # the article the source gave before
    stored_text: bool = False  # the store holds its text already: a copy, not extracted


@dataclass
class _Unextracted(Prepared):
    """A source whose text the store held when it was read: it becomes a copy of that
    article without being extracted, or is extracted when written if the article has
    gone meanwhile (`_Run.extracted`)."""

    item: Source | None = None


# --- extraction (in workers) ---------------------------------------------------------

_worker_lexicons: Lexicons | None = None


def _init_worker(lexicon_paths: tuple[str, ...], parent: int) -> None:
    global _worker_lexicons
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _worker_lexicons = load(lexicon_paths)


def die_with_parent(parent: int) -> None:
    """End this worker when the ingest that started it ends, even by SIGKILL (which
    leaves no one to shut the pool down): the kernel's parent-death signal on Linux, else
    a thread that watches the parent's pid."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the signal was set
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def prepare_source(
    item: Source, source: str, content_hash: str, lexicons: Lexicons | None = None
) -> Prepared | str:
    """Everything the store needs of one article, from its text alone (so it can run
    anywhere: a worker process, a Spark executor); an error message when it fails."""
    lex = lexicons or load()
    try:
        doc: Doc | Exception = extract_doc(
            item.text, item.doc_id, published=item.published, url=item.url, lexicons=lex
        )
    except Exception as exc:  # noqa: BLE001 -- a bug in a stage must not stop the run
        doc = exc
    return _prepared(item, source, content_hash, doc)


def prepare_many(
    pending: list[_Pending], lexicons: Lexicons | None = None
) -> Iterator[Prepared | str]:
    """`prepare_source` of each source, in order, extracted a few at a time (`extract_docs`,
    which keeps the lexicons' automaton in the processor's cache from one article to the
    next: 5% less CPU an article than one at a time)."""
    lex = lexicons or _worker_lexicons or load()
    extracted = extract_docs([p.item for p in pending], lexicons=lex)
    for p, (_, doc) in zip(pending, extracted, strict=True):
        yield _prepared(p.item, p.source, p.content_hash, doc)


def _prepared(
    item: Source, source: str, content_hash: str, doc: Doc | Exception | None
) -> Prepared | str:
    """What `prepare_source` gives for an extraction (or the exception it raised)."""
    if isinstance(doc, DiplonewsError):
        return f"{item.path}: {doc}"
    if not isinstance(doc, Doc):
        return f"{item.path}: internal error: {type(doc).__name__}: {doc}"
    title = doc.record.title or ""
    # What search indexes, done here, not in the writer; the body by a table lookup in
    # numpy (`fold_fast`, the same text), a fifth of the time of `fold`'s translate.
    folded = (fold(title), fold_fast(doc.body))
    signature = dedupe.signature_of_folded(folded[1] if doc.body else fold_fast(item.text))
    return Prepared(
        path=item.path,
        warnings=[f"{item.path}: {warning}" for warning in doc.warnings],
        source=source,
        doc_id=item.doc_id,
        url=item.url,
        content_hash=content_hash,
        record=doc.record.to_dict(),
        body=doc.body,
        spans=[e.evidence_span for e in doc.record.events],
        signature=signature,
        milestones=[m.to_dict() for m in doc.milestones],
        bands=dedupe.band_keys(signature),  # here, in the worker, not in the writer
        folded=folded,
    )


def _prepare_in_worker(chunk: list[_Pending]) -> list[Prepared | str]:
    return list(prepare_many(chunk))


def _unextracted(pending: _Pending) -> _Unextracted:
    item = pending.item
    return _Unextracted(
        source=pending.source,
        doc_id=item.doc_id,
        url=item.url,
        content_hash=pending.content_hash,
        record={},
        body="",
        spans=[],
        signature=b"",
        path=item.path,
        item=item,
    )


# --- the run -------------------------------------------------------------------------


class _Run:
    def __init__(
        self,
        store: Store,
        lexicons: Lexicons | None,
        lexicon_paths: tuple[str, ...],
        workers: int,
        batch_size: int,
        on_error: Callable[[str], None],
        on_progress: Callable[[IngestReport], None],
    ) -> None:
        self.store = store
        self._lexicons = lexicons  # None: loaded when first needed (`lexicons`)
        self.frozen = False  # whether the run keeps what it loaded out of gc's scans
        self.lexicon_paths = lexicon_paths
        self.workers = workers
        self.batch_size = batch_size
        self.on_error = on_error
        self.on_progress = on_progress
        self.report = IngestReport()
        self.pending: list[_Pending] = []
        self.files_read: list[tuple[str, int, int]] = []  # wholly read, to mark
        self.pool: Executor | None = None
        # Batches sent to extraction and not yet written: (sources, their extractions,
        # the files read to their end with them).
        self.inflight: deque[
            tuple[list[_Pending], Iterator[Prepared | str], list[tuple[str, int, int]]]
        ] = deque()
        self.refreshing: set[int | None] = set()  # articles being extracted again this run
        self.began = False  # whether the batch being written began its transaction
        # Whether the search index merges as it goes (`Store.defer_merging`), as this run
        # last set it; None: not set yet (SQLite only: PostgreSQL has nothing to defer).
        self.merging: bool | None = None if store.dialect == "sqlite" else True
        self.urls = sources.SourceUrls(self.fail)  # each folder's sources.tsv (id, url)

    @property
    def lexicons(self) -> Lexicons:
        """The lexicons, loaded when an article is first extracted or written: a run
        that finds every file unchanged (a re-ingest) does without them, a quarter of
        its CPU. Frozen out of the garbage collector's scans with what was loaded
        before (`ingest`), and loaded before the worker processes fork, which share
        them."""
        if self._lexicons is None:
            self._lexicons = load(self.lexicon_paths)
            if self.frozen:
                gc.freeze()
        return self._lexicons

    def fail(self, message: str) -> None:
        self.report.failed += 1
        if len(self.report.errors) < 1000:
            self.report.errors.append(message)
        self.on_error(message)

    def read(self, path: Path) -> None:
        key = str(path.resolve())
        try:
            status = path.stat()
        except OSError as exc:
            self.fail(f"{path}: {exc.strerror or exc}")
            return
        if writes.file_unchanged(self.store, key, status.st_size, status.st_mtime_ns):
            self.report.unchanged += 1
            self.on_progress(self.report)
            return
        try:  # a file that cannot be opened is not marked as read: it is tried again
            with path.open("rb"):
                pass
        except OSError as exc:
            self.fail(f"{path}: {exc.strerror or exc}")
            return
        jsonl = path.suffix.lower() in JSONL_SUFFIXES
        read: list[tuple[str, Source, str]] = []  # looked up in the store together
        for item in read_file(path):
            if isinstance(item, InputError):
                self.fail(str(item))
                continue
            item = self.urls.complete(item, path)
            source = f"{key}#{item.doc_id}" if jsonl else key
            read.append((source, item, dedupe.content_hash(item.text)))
            if len(read) >= self.batch_size:
                self.admit_read(read, jsonl)
                read = []
        self.admit_read(read, jsonl)
        self.files_read.append((key, status.st_size, status.st_mtime_ns))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def admit_read(self, read: list[tuple[str, Source, str]], jsonl: bool) -> None:
        """Queue the sources read (source, item, content hash) that the store lacks or
        holds otherwise, their states looked up together: again after a batch is
        written meanwhile, as it may have stored some of them."""
        start = 0
        while start < len(read):
            states = writes.source_states(self.store, [(s, h) for s, _, h in read[start:]])
            stored = writes.stored_hashes(self.store, (h for _, _, h in read[start:]))
            for offset, (source, item, content_hash) in enumerate(read[start:]):
                admitted = self.admit(source, content_hash, states[offset])
                if admitted is not None:
                    state, article_id = admitted
                    copy = state != "refresh" and content_hash in stored
                    self.pending.append(
                        _Pending(source, item, content_hash, state, article_id, copy)
                    )
                if jsonl and len(self.pending) >= self.batch_size:
                    # A long JSONL file spans batches; it is marked with its last.
                    self.flush()
                    start += offset + 1
                    break
            else:
                return

    def admit(
        self, source: str, content_hash: str, known: tuple[str, int | None] | None = None
    ) -> tuple[str, int | None] | None:
        """What to do with a source (`writes.source_state`, or `known`, as looked up
        already), None when it is unchanged."""
        state, article_id = known or writes.source_state(self.store, source, content_hash)
        if state == "refresh" and article_id in self.refreshing:
            state = "unchanged"  # another copy of the same text is re-extracting it
        elif state == "refresh":
            self.refreshing.add(article_id)
        if state == "unchanged":
            self.report.unchanged += 1
            self.on_progress(self.report)
            return None
        return state, article_id

    def _extract(self, batch: list[_Pending]) -> Iterator[Prepared | str]:
        """The batch's extractions, in order: a source whose text the store holds is
        not extracted (an exact copy needs neither extraction nor MinHash)."""
        wanted = [p for p in batch if not p.stored_text]
        if len(wanted) == len(batch):
            return self._extract_all(batch)
        extracted = self._extract_all(wanted)
        return (_unextracted(p) if p.stored_text else next(extracted) for p in batch)

    def _extract_all(self, batch: list[_Pending]) -> Iterator[Prepared | str]:
        if self.workers > 1 and len(batch) >= PARALLEL_FROM:
            if self.pool is None:
                self.lexicons  # noqa: B018 -- loaded once, here, for the workers to share
                methods = multiprocessing.get_all_start_methods()
                context = multiprocessing.get_context("fork" if "fork" in methods else None)
                self.pool = ProcessPoolExecutor(
                    self.workers,
                    mp_context=context,
                    initializer=_init_worker,
                    initargs=(self.lexicon_paths, os.getpid()),
                )
            chunks = [batch[start : start + CHUNK] for start in range(0, len(batch), CHUNK)]
            return chain.from_iterable(self.pool.map(_prepare_in_worker, chunks))
        return prepare_many(batch, self.lexicons)

    def flush(self) -> None:
        """Send the pending sources to extraction, then write the batches sent before
        while the workers extract this one: with worker processes, up to `AHEAD` batches
        are extracted while one is written. Each batch is written whole, extracted
        first, so the writer lock is held only while writing."""
        batch, self.pending = self.pending, []
        files, self.files_read = self.files_read, []
        self.inflight.append((batch, self._extract(batch), files))
        while len(self.inflight) > (AHEAD if self.pool is not None else 0):
            self.write_extracted()

    def drain(self) -> None:
        """Write every batch sent to extraction."""
        while self.inflight:
            self.write_extracted()

    def write_extracted(self) -> None:
        batch, extracted, files = self.inflight.popleft()
        self.write(
            [
                (p.state, p.article_id, prepared)
                for p, prepared in zip(batch, extracted, strict=True)
            ],
            files,
        )

    def write(
        self,
        batch: list[tuple[str, int | None, Prepared | str]],
        files: list[tuple[str, int, int]] | None = None,
    ) -> None:
        """One transaction: a batch of (state, article it gave before, extraction), and
        the files read to their end (by default, those read since the last batch).

        A batch is first written without a savepoint per article: on PostgreSQL one
        costs round trips (its statements' results are waited for at its end), and on
        SQLite two statements and a copy of the batch's pending entries (`Writer.mark`),
        for articles that almost never fail. If any article fails, that transaction is
        rolled back and the batch written again with a savepoint each, which leaves out
        the failing articles alone. (In pipeline mode an article's error may only
        surface at a later statement, or at the commit.)"""
        if files is None:
            files, self.files_read = self.files_read, []
        saved = replace(self.report, errors=list(self.report.errors))
        messages: list[str] = []
        self.began = False
        try:
            self._write(batch, files, messages.append)
        except Exception:  # wherever an article's error surfaced
            if not self.began:  # no transaction (the lock waited for in vain): no retry
                raise
            self.report = saved
        else:
            for message in messages:
                self.on_error(message)
            return
        self._write(batch, files, self.on_error)

    def _write(
        self,
        batch: list[tuple[str, int | None, Prepared | str]],
        files: list[tuple[str, int, int]],
        on_error: Callable[[str], None],
    ) -> None:
        """`write`, with a savepoint per article unless `on_error` is not the run's
        (a first try on PostgreSQL: then an article's failure ends the transaction)."""
        careful = on_error is self.on_error
        with self.writing():
            merging = self.merging_wanted()
            if merging is not None:
                self.store.defer_merging(not merging)
            writer = writes.Writer(self.store, self.lexicons)
            # Looked up again under the writer lock: another ingest may have stored them.
            extracted = [prepared for _, _, prepared in batch if not isinstance(prepared, str)]
            lookups = writes.Lookups(self.store, extracted)
            ready = [p for p in extracted if not isinstance(p, _Unextracted)]
            writer.look_up_bands(ready)
            writer.look_up_people(ready)
            for state, article_id, prepared in batch:
                if isinstance(prepared, str):
                    self.report.failed += 1
                    if len(self.report.errors) < 1000:
                        self.report.errors.append(prepared)
                    on_error(prepared)
                    continue
                for warning in prepared.warnings:
                    on_error(warning)
                if careful:
                    self.store_safely(writer, lookups, prepared)
                else:
                    self.store_checked(writer, lookups, prepared)
                self.on_progress(self.report)
            # Editors' corrections, on top of what this batch rebuilt (kb/corrections.py).
            corrections.apply_after_batch(self.store, writer.dirty_events, writer.dirty_people)
            writer.finish()
            for key, size, mtime_ns in files:
                writes.mark_file(self.store, key, size, mtime_ns)
        if merging is not None:  # committed
            self.merging = merging

    def merging_wanted(self) -> bool | None:
        """How the batch about to be written sets the search index's merging (None: as
        it is): on with the run's first batch (resumed if a run killed before its end
        left it off), off once the run has written enough that `compact_after` will
        compact the index at its end. That stays true as the run goes on: what it
        writes can only raise its share of the store."""
        if self.merging is None:
            return True
        if not self.merging or self.store.dialect != "sqlite":
            return None
        return False if will_compact(self.store, self.report) else None

    def resume_merging(self) -> None:
        """Merging on again if this run deferred it and did not compact the index (a
        compaction that failed, a run stopped by an error): in a transaction of its own,
        unless the store fails."""
        if self.merging is False:
            try:
                with self.store.transaction():
                    self.store.defer_merging(False)
                self.merging = True
            except StoreError:
                pass

    @contextmanager
    def writing(self) -> Iterator[None]:
        """The batch's transaction, once the store's writer lock is free: another ingest
        writing into the same store is waited for, with a message every wait. (SQLite
        gives up on the lock after its busy timeout; PostgreSQL waits on its own.)"""
        started = time.monotonic()
        while True:
            entered = False
            try:
                with self.store.batch():
                    entered = self.began = True
                    yield
                return
            except StoreError as exc:
                waited = time.monotonic() - started
                if entered or "locked" not in str(exc) or waited > LOCK_WAIT:
                    raise
                self.on_error(
                    f"{self.store.location}: another ingest is writing into this store; "
                    f"waiting for it ({waited:.0f} s so far)"
                )

    def store_checked(
        self, writer: writes.Writer, lookups: writes.Lookups, prepared: Prepared
    ) -> None:
        """Store one article in the batch's transaction, no savepoint of its own."""
        state, article_id = lookups.source_state(prepared.source, prepared.content_hash)
        if state == "unchanged":
            self.report.unchanged += 1
            return
        self.store_one(writer, lookups, state, article_id, prepared)
        lookups.wrote(prepared.source, prepared.content_hash)

    def store_safely(
        self, writer: writes.Writer, lookups: writes.Lookups, prepared: Prepared
    ) -> None:
        """Store one article in a savepoint: if it fails, it alone is left out, with one
        message naming its file, and the batch goes on. A store that fails as a whole
        (a server gone) still stops the run."""
        # Looked up again under the writer lock: another ingest may have stored it since.
        state, article_id = lookups.source_state(prepared.source, prepared.content_hash)
        if state == "unchanged":
            self.report.unchanged += 1
            return
        mark = writer.mark()
        report = self.report  # PostgreSQL's errors come at the savepoint's end
        counted = (report.added, report.duplicates, report.updated)
        try:
            with self.store.transaction():
                self.store_one(writer, lookups, state, article_id, prepared)
            lookups.wrote(prepared.source, prepared.content_hash)
        except Exception as exc:  # noqa: BLE001 -- one article's content must not stop the run
            writer.forget_pending(mark)
            report.added, report.duplicates, report.updated = counted
            if isinstance(exc, StoreError):
                self.store.query("SELECT 1")  # raises if the store itself is gone
            where = prepared.path or prepared.source
            self.fail(f"{where}: cannot be stored: {type(exc).__name__}: {exc}")

    def store_one(
        self,
        writer: writes.Writer,
        lookups: writes.Lookups,
        state: str,
        article_id: int | None,
        prepared: Prepared,
    ) -> None:
        if state == "refresh" and article_id is not None:
            writer.refresh_article(article_id, self.extracted(writer, prepared))
            self.report.updated += 1
            return
        if state == "replaced":
            writer.forget_source(prepared.source)
            self.report.updated += 1
        copy_of = lookups.article_with_hash(prepared.content_hash)
        similarity = 1.0
        if copy_of is None:  # MinHash only when the exact hash does not settle it
            prepared = self.extracted(writer, prepared)
            near = writer.near_duplicate(prepared)
            if near:
                copy_of, similarity = near
        if copy_of is not None:
            writes.add_copy(
                self.store,
                prepared.source,
                copy_of,
                prepared.doc_id,
                prepared.url,
                prepared.content_hash,
                similarity,
            )
            self.report.duplicates += 1
        else:
            writer.add_article(prepared)
            self.report.added += 1

    def extracted(self, writer: writes.Writer, prepared: Prepared) -> Prepared:
        """`prepared`, extracted here if it was not (the article whose text it is has
        gone since it was read), its bands then looked up too."""
        if not isinstance(prepared, _Unextracted) or prepared.item is None:
            return prepared
        done = prepare_source(prepared.item, prepared.source, prepared.content_hash, self.lexicons)
        if isinstance(done, str):
            raise DiplonewsError(done)  # the savepoint undoes the article; one message
        if writer.stored is not None:
            writer.stored.update(writes.stored_bands(self.store, done.band_keys()))
        return done

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def batch_size_for(store: Store, asked: int | None = None) -> int:
    """Articles per transaction on this store: `asked`, or by default `BATCH_SIZE`
    (`SQLITE_BATCH_SIZE` on SQLite)."""
    if asked is None:
        return SQLITE_BATCH_SIZE if store.dialect == "sqlite" else BATCH_SIZE
    if asked < 1:
        raise ValueError(f"batch_size must be at least 1, not {asked}")
    return asked


# A run that added this many articles, and at least a tenth of the store, leaves the
# search index compacted: SQLite's FTS5 writes a segment a batch and a search reads each
# (20,000 corpus articles: 8 segments; one makes a search page 0.25 ms cheaper, for
# 0.3 s of CPU once). The tenth keeps the cost in step with what the run added.
COMPACT_AFTER = 2_000


def compact_after(
    store: Store, report: IngestReport, on_error: Callable[[str], None] = lambda message: None
) -> None:
    """Compact the search index when the run wrote enough of it to be worth it (articles
    added or re-extracted). Every batch is committed by then: a compaction that fails (a
    role that does not own the index, a lock held too long) is told, not raised."""
    try:
        if will_compact(store, report):
            store.compact_search()
    except StoreError as error:
        on_error(f"search index left as it is: {error}")


def will_compact(store: Store, report: IngestReport) -> bool:
    """Whether a run that has written what `report` counts compacts the search index at
    its end: at least `COMPACT_AFTER` articles added or re-extracted, and a tenth of the
    store."""
    written = report.added + report.updated
    if written < COMPACT_AFTER:
        return False
    return written * 10 >= int(store.query("SELECT count(*) FROM articles")[0][0])


def default_workers() -> int:
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    lexicon_paths: Iterable[str | Path] = (),
    workers: int | None = None,
    batch_size: int | None = None,
    on_error: Callable[[str], None] = lambda message: None,
    on_progress: Callable[[IngestReport], None] = lambda report: None,
) -> IngestReport:
    """Bring the store up to date with the articles under `paths`, `batch_size` per
    transaction (by default `batch_size_for` the store)."""
    extra = tuple(str(p) for p in lexicon_paths)
    run = _Run(
        store,
        load(extra) if extra else None,  # a bad file fails now; the shipped ones, later
        extra,
        default_workers() if workers is None else workers,
        batch_size_for(store, batch_size),
        on_error,
        on_progress,
    )
    started = time.perf_counter()
    gc.freeze()  # what is loaded (lexicons, modules) is not scanned by every collection
    run.frozen = True
    thresholds = gc.get_threshold()
    # A young collection per 50,000 new objects, not 700: unpickling a chunk of results
    # made 500 collections per 5,000 articles, 1% of the run's CPU.
    gc.set_threshold(YOUNG_OBJECTS, *thresholds[1:])
    try:
        for item in iter_files(paths):
            if isinstance(item, InputError):
                run.fail(str(item))
            else:
                run.read(item)
        if run.pending or run.files_read:
            run.flush()
        run.drain()
        compact_after(store, run.report, on_error)
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
        run.resume_merging()
        run.close()
        run.report.seconds = time.perf_counter() - started
    return run.report


def ingest_prepared(
    store: Store,
    items: Iterable[Prepared | InputError],
    *,
    lexicon_paths: Iterable[str | Path] = (),
    batch_size: int | None = None,
    on_error: Callable[[str], None] = lambda message: None,
    on_progress: Callable[[IngestReport], None] = lambda report: None,
) -> IngestReport:
    """Bring the store up to date with articles extracted elsewhere (`Prepared`, in the
    order `ingest` would read them), as `ingest` does with its own: a source whose text
    the store holds is skipped, copies are found, `batch_size` per transaction (by
    default `batch_size_for` the store)."""
    extra = tuple(str(p) for p in lexicon_paths)
    batch_size = batch_size_for(store, batch_size)
    run = _Run(store, load(extra), extra, 1, batch_size, on_error, on_progress)
    started = time.perf_counter()
    batch: list[tuple[str, int | None, Prepared | str]] = []
    try:
        for item in items:
            if isinstance(item, InputError):
                run.fail(str(item))
                continue
            admitted = run.admit(item.source, item.content_hash)
            if admitted is not None:
                batch.append((*admitted, item))
            if len(batch) >= batch_size:
                run.write(batch)
                batch = []
        if batch:
            run.write(batch)
        compact_after(store, run.report, on_error)
    finally:
        run.resume_merging()
        run.close()
        run.report.seconds = time.perf_counter() - started
    return run.report
