"""Extraction for `POST /api/extract` and the page `/try`, away from the event loop.

Extraction is CPU work on untrusted text of up to 2 MB (`deps.MAX_TEXT`): run on the event loop it
would hold every other request of the server process for as long as it takes (a 1.9 MB
line once held `/api/stats` for 16 s). So each server process extracts in a few worker
processes of its own, made on the first extraction, one `ProcessPoolExecutor` of one
worker per slot:

- at most `EXTRACT_WORKERS` extractions run at once in a server process; a request that
  finds no free slot within the time limit is answered 503;
- an extraction that has not finished `EXTRACT_SECONDS` after the request asked for it is
  answered 503, and its worker is killed and replaced: no worker stays stuck on a bad
  article, and the other slots go on;
- a worker is replaced after `TASKS_PER_WORKER` extractions, so what a large one left in
  its memory does not stay for the server's life;
- the workers die with their server process (a parent-death signal on Linux), and the
  application's lifespan stops them.

A worker reads an uploaded file too (decoding, HTML to text), and loads the application's
lexicons from their paths once.
"""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import os
import signal
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from diplonews import api
from diplonews.errors import DiplonewsError

EXTRACT_SECONDS = 20.0  # the time limit of one extraction request, waiting included
EXTRACT_WORKERS = 2  # extractions running at once in one server process
TASKS_PER_WORKER = 50  # extractions before a worker is replaced by a fresh one
_PR_SET_PDEATHSIG = 1  # prctl(2)


class Overloaded(DiplonewsError):
    """The server cannot extract this article now: over the time limit, or every
    worker busy (answered 503). Here rather than in `errors`: only the web answers it."""

    status = 503

    def __init__(self, message: str, reason: str, seconds: float) -> None:
        super().__init__(message)
        self.reason = reason  # the label of the message on a page (web/labels.tsv)
        self.seconds = seconds


@dataclass(frozen=True)
class Submitted:
    """What a request gives to extract: pasted text, or an uploaded file's bytes."""

    text: str = ""
    data: bytes | None = None  # an uploaded file, decoded in the worker
    suffix: str = ""  # the file's, lower case: .txt, .html, ...
    name: str = "upload"  # the file's name, for messages


def _start_worker(lexicon_paths: tuple[str, ...], parent: int) -> None:
    """Die with the server process (Linux), and load the lexicons before the first
    article rather than during it."""
    if sys.platform == "linux":
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # no prctl: the lifespan still stops the worker
            pass
        if os.getppid() != parent:  # the parent died before the signal was asked for
            os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in a terminal: the server decides
    api.load_lexicons(lexicon_paths)


def _extract(submitted: Submitted, lexicon_paths: tuple[str, ...]) -> api.Preview | str:
    """In a worker: the preview, or the message of the error that refused the input
    (a string: exception classes with their own arguments do not all cross processes)."""
    from diplonews.extract.reading import decode_upload

    try:
        text = submitted.text
        if submitted.data is not None:
            text = decode_upload(submitted.data, submitted.suffix, submitted.name)
        return api.preview(text, lexicons=api.load_lexicons(lexicon_paths))
    except DiplonewsError as exc:
        return str(exc) or type(exc).__name__


class _Slot:
    """One worker process, made when first needed and remade after it was killed."""

    def __init__(self, lexicon_paths: tuple[str, ...]) -> None:
        self.lexicon_paths = lexicon_paths
        self.pool: ProcessPoolExecutor | None = None

    def submit(self, submitted: Submitted) -> Future[api.Preview | str]:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(
                max_workers=1,
                # Not fork: the server process has threads (and fork warns about them).
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.lexicon_paths, os.getpid()),
                max_tasks_per_child=TASKS_PER_WORKER,
            )
        return self.pool.submit(_extract, submitted, self.lexicon_paths)

    def stop(self, *, kill: bool) -> None:
        """Stop the worker: at once (`kill`: it is stuck), or once its work is done."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        # The executor offers no way to stop a running task (Python 3.14 adds
        # kill_workers): its processes are killed by hand.
        processes = list(getattr(pool, "_processes", {}).values())
        if kill:
            for process in processes:
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)

    @property
    def pids(self) -> list[int]:
        pool = self.pool
        processes = getattr(pool, "_processes", None) or {}
        return [p.pid for p in processes.values() if p.pid is not None]


def _must_go(future: Future[api.Preview | str] | None) -> bool:
    """Whether the worker of a finished request must be replaced: still at work (past the
    limit, or its request went away), or dead."""
    if future is None or not future.done():
        return True
    return not future.cancelled() and isinstance(future.exception(), BrokenProcessPool)


class Extractions:
    """The extraction slots of one server process (`app.state.extractions`)."""

    def __init__(
        self,
        lexicon_paths: tuple[str, ...] = (),
        *,
        seconds: float = EXTRACT_SECONDS,
        workers: int = EXTRACT_WORKERS,
    ) -> None:
        self.seconds = seconds
        self.slots = [_Slot(lexicon_paths) for _ in range(workers)]
        self._free: asyncio.LifoQueue[_Slot] | None = None  # made in the loop that uses it
        self._loop: asyncio.AbstractEventLoop | None = None

    def _queue(self) -> asyncio.LifoQueue[_Slot]:
        """The free slots, as a queue of the running loop (a test client may run the
        application in one loop after another)."""
        loop = asyncio.get_running_loop()
        if self._free is None or self._loop is not loop:
            # Last in, first out: the worker used last (started, warm) takes the next
            # article; a second one starts only when two extractions overlap.
            self._free, self._loop = asyncio.LifoQueue(), loop
            for slot in reversed(self.slots):
                self._free.put_nowait(slot)
        return self._free

    async def preview(self, submitted: Submitted) -> api.Preview:
        """Extract in a worker within the time limit; `Overloaded` past it, the
        refusal's `DiplonewsError` for input that is not an article."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.seconds
        free = self._queue()
        try:
            slot = await asyncio.wait_for(free.get(), self.seconds)
        except TimeoutError:
            raise Overloaded(
                f"the server is busy extracting other articles ({len(self.slots)} at once "
                f"at most); try again in a minute",
                "error_busy",
                self.seconds,
            ) from None
        future: Future[api.Preview | str] | None = None
        try:
            future = slot.submit(submitted)
            outcome = await asyncio.wait_for(
                asyncio.wrap_future(future), max(deadline - loop.time(), 0.001)
            )
        except TimeoutError:
            raise Overloaded(
                f"extraction stopped after {self.seconds:g} s, the time limit of one "
                f"request: split the article, or extract it with `diplonews extract`",
                "error_too_slow",
                self.seconds,
            ) from None
        except BrokenProcessPool:
            raise Overloaded(
                "the extraction worker stopped (out of memory?); try again",
                "error_worker",
                self.seconds,
            ) from None
        finally:
            if _must_go(future):
                slot.stop(kill=True)
            free.put_nowait(slot)
        if isinstance(outcome, str):
            raise DiplonewsError(outcome)
        return outcome

    def close(self) -> None:
        """Stop every worker (the application's lifespan ends)."""
        for slot in self.slots:
            slot.stop(kill=False)
        self._free = self._loop = None

    @property
    def pids(self) -> list[int]:
        """The worker processes running now (for tests)."""
        return [pid for slot in self.slots for pid in slot.pids]
