"""The knowledge-base commands of `diplonews`: ingest, query, export.

Each command opens the store, calls one `api` function and renders the result: a
Rich table, or with `--format json` one JSON document for scripts. Store errors
(corrupt file, unreachable server, newer schema) are one line and exit status 2.
Commands that read names or answer take `--lexicon` as `extract` does: the set is
loaded once, first, and passed to every `api` call.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, RenderableType
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from diplonews import api
from diplonews.cli import render
from diplonews.cli.common import LexiconOption, RateColumn, app, fail, load_lexicons, reason
from diplonews.errors import DiplonewsError
from diplonews.kb.formats import FORMATS
from diplonews.kb.ingest import IngestReport
from diplonews.kb.store import Store


class Output(str, Enum):
    table = "table"
    json = "json"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store: an SQLite file path or a postgresql:// URL "
        "[default: $DIPLONEWS_DB, else ./diplonews.db].",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Output, typer.Option("--format", "-f", help="table: for reading; json: one JSON document.")
]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")]


@contextmanager
def _opened(db: str | None, *, create: bool = False) -> Iterator[Store]:
    try:
        store = api.open_store(db, create=create)
    except DiplonewsError as exc:
        raise fail(str(exc)) from None
    try:
        yield store
    except DiplonewsError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()


def _show(output: Output, data: Any, table: Callable[[], RenderableType]) -> None:
    if output is Output.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        Console(highlight=False).print(table())


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Articles: .txt, .html or .jsonl files, or folders of them.",
            show_default=False,
            readable=False,  # an unreadable file is one error line, not the usage panel
        ),
    ] = None,
    db: DbOption = None,
    lexicon: LexiconOption = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Extraction processes [default: the cores, at most 4]."),
    ] = None,
    from_parquet: Annotated[
        str | None,
        typer.Option(
            "--from-parquet",
            metavar="OUTPUT",
            help="Instead of PATHs: the articles a `diplonews spark-extract` wrote to OUTPUT.",
        ),
    ] = None,
) -> None:
    """Extract articles into the store, resolving events and people across them.

    Re-running adds nothing: unchanged files are skipped unread. Each batch of
    articles is one transaction, so an interrupted run resumes where it stopped."""
    if bool(paths) == bool(from_parquet):
        raise fail("give the articles' PATHs, or --from-parquet OUTPUT (not both)")
    load_lexicons(lexicon)  # a bad --lexicon fails here, before the store is made
    if from_parquet:
        try:
            from diplonews.spark import load as parquet  # PyArrow: an optional dependency
        except ImportError as exc:
            raise fail(
                f"--from-parquet needs PyArrow: pip install 'diplonews[spark]' ({exc})"
            ) from None
    console = Console(stderr=True, highlight=False)
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        TextColumn("{task.fields[done]:,} articles"),
        RateColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not sys.stderr.isatty(),
    )
    task = progress.add_task("ingest", total=None, done=0)

    def tick(report: IngestReport) -> None:
        done = report.processed + report.unchanged
        progress.update(task, completed=done, done=done)

    def complain(message: str) -> None:
        progress.console.print(
            f"diplonews: {message}", markup=False, highlight=False, soft_wrap=True
        )

    with _opened(db, create=True) as store:
        try:
            with progress:
                if from_parquet:
                    report = parquet.ingest(
                        store,
                        from_parquet,
                        lexicon_paths=lexicon or (),
                        on_error=complain,
                        on_progress=tick,
                    )
                else:
                    report = api.ingest(
                        store,
                        paths or [],
                        lexicon_paths=lexicon or (),
                        workers=workers,
                        on_error=complain,
                        on_progress=tick,
                    )
        except KeyboardInterrupt:
            counts = api.counts(store)
            typer.echo(
                f"diplonews: interrupted; the store holds {counts['articles']:,} articles, "
                "whole; run the same command again to go on",
                err=True,
            )
            raise typer.Exit(130) from None
        except (OSError, ValueError) as exc:
            raise fail(f"lexicon: {reason(exc)}") from None
        rate = report.processed / report.seconds if report.seconds else 0.0
        typer.echo(
            f"{report.added:,} articles added, {report.duplicates:,} duplicates, "
            f"{report.updated:,} updated, {report.unchanged:,} unchanged, "
            f"{report.failed:,} failed in {report.seconds:.1f} s ({rate:,.0f} articles/s) "
            f"→ {store.location}",
            err=True,
        )
    nothing = report.processed == 0 and report.unchanged == 0
    raise typer.Exit(2 if nothing and report.failed else 0)


@app.command()
def events(
    party: Annotated[
        list[str] | None,
        typer.Option("--party", "-p", help="A party that took part (KOR, Korea, Hàn Quốc…)."),
    ] = None,
    series: Annotated[
        str | None, typer.Option(help="A series: 'ASEAN-Korea Dialogue' or its Vietnamese name.")
    ] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="From this year or date (2020, 2021-06).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Up to this year or date, included.")
    ] = None,
    person: Annotated[str | None, typer.Option(help="An official who took part.")] = None,
    status: Annotated[str | None, typer.Option(help="held or planned.")] = None,
    kind: Annotated[str | None, typer.Option(help="meeting, visit or call.")] = None,
    oldest_first: Annotated[bool, typer.Option(help="Chronological order.")] = False,
    limit: LimitOption = 50,
    db: DbOption = None,
    lexicon: LexiconOption = None,
    output: FormatOption = Output.table,
) -> None:
    """Events, newest first, filtered by party, series, period, person, status."""
    lexicons = load_lexicons(lexicon)
    with _opened(db) as store:
        found = api.events(
            store,
            parties=party or (),
            series=series,
            year_from=date_from,
            year_to=date_to,
            person=person,
            status=status,
            kind=kind,
            newest_first=not oldest_first,
            limit=limit,
            lexicons=lexicons,
        )
    _show(output, [e.to_dict() for e in found], lambda: render.stored_events(found))


@app.command()
def event(
    event_id: Annotated[int, typer.Argument(help="The event's id.", show_default=False)],
    db: DbOption = None,
    output: FormatOption = Output.table,
) -> None:
    """One event: every field, every source article and its evidence sentence."""
    with _opened(db) as store:
        found = api.event(store, event_id)
    if found is None:
        raise fail(f"no event {event_id}")
    _show(output, found.to_dict(), lambda: render.stored_event(found))


@app.command()
def people(
    name: Annotated[
        str | None, typer.Argument(help="A name, spelt any way; none: the most reported.")
    ] = None,
    limit: LimitOption = 20,
    db: DbOption = None,
    output: FormatOption = Output.table,
) -> None:
    """People: titles over time (first and last reported) and events attended."""
    with _opened(db) as store:
        found = api.people(store, name, limit)
        if name and not found:
            raise fail(f"no one named {name!r} in the store")
        attended = {p.id: api.events_by_id(store, p.event_ids) for p in found} if name else {}
        met = {p.id: api.met_with(store, p.id) for p in found} if name else {}
    data = [
        {
            **p.to_dict(),
            "events": [e.to_dict() for e in attended.get(p.id, [])],
            "met_most": [{"person_id": i, "name": n, "events": k} for i, n, k in met.get(p.id, [])],
        }
        for p in found
    ]
    if not name:
        _show(output, data, lambda: render.stored_people(found))
    else:
        _show(output, data, lambda: render.person_details(found, attended, met))


@app.command()
def timeline(
    between: Annotated[
        tuple[str, str],
        typer.Option("--between", help="The two sides: --between ASEAN KOR.", show_default=False),
    ],
    db: DbOption = None,
    lexicon: LexiconOption = None,
    output: FormatOption = Output.table,
) -> None:
    """A relationship over time: meetings, visits, calls, milestones, planned meetings."""
    a, b = between
    lexicons = load_lexicons(lexicon)
    with _opened(db) as store:
        items = api.timeline(store, a, b, lexicons=lexicons)
    _show(output, [i.to_dict() for i in items], lambda: render.timeline(items, a, b))


@app.command("series")
def series_(
    name: Annotated[str | None, typer.Argument(help="A series; none: all of them.")] = None,
    db: DbOption = None,
    lexicon: LexiconOption = None,
    output: FormatOption = Output.table,
) -> None:
    """Recurring mechanisms and their editions over time."""
    lexicons = load_lexicons(lexicon)
    with _opened(db) as store:
        found = api.series(store, name, lexicons=lexicons)
    data = [{"series": r.series, "events": [e.to_dict() for e in r.events]} for r in found]
    _show(output, data, lambda: render.series(found))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words, with or without diacritics.")],
    limit: LimitOption = 20,
    db: DbOption = None,
    output: FormatOption = Output.table,
) -> None:
    """Ranked full-text search over articles, events and people."""
    with _opened(db) as store:
        found = api.search(store, query, limit)
    _show(output, [h.to_dict() for h in found], lambda: render.hits(found))


@app.command()
def export(
    export_format: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write [default: stdout].")
    ] = None,
    level: Annotated[
        str, typer.Option(help="graphml only: 'parties' (states, blocs) or 'people'.")
    ] = "parties",
    db: DbOption = None,
    lexicon: LexiconOption = None,
    verified_only: Annotated[
        bool, typer.Option(help="Only the events and people an editor verified.")
    ] = False,
) -> None:
    """The whole store as JSONL, CSV, GraphML (Gephi), iCalendar (planned) or PLOVER."""
    if export_format not in FORMATS:
        raise fail(f"unknown export format {export_format!r}; choose one of {', '.join(FORMATS)}")
    lexicons = load_lexicons(lexicon)
    with _opened(db) as store:
        if output is None:
            if hasattr(sys.stdout, "reconfigure"):
                sys.stdout.reconfigure(encoding="utf-8", newline="")
            written = api.export(
                store, export_format, sys.stdout, level=level, lexicons=lexicons,
                verified_only=verified_only,
            )  # fmt: skip
        else:
            partial = output.with_name(output.name + ".partial")
            try:
                with partial.open("w", encoding="utf-8", newline="") as out:
                    written = api.export(
                        store, export_format, out, level=level, lexicons=lexicons,
                        verified_only=verified_only,
                    )  # fmt: skip
                partial.replace(output)  # a failed export leaves no half file behind
            except OSError as exc:
                partial.unlink(missing_ok=True)
                raise fail(f"{output}: {reason(exc)}") from None
    typer.echo(f"{written:,} records exported", err=True)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Server processes [default: the cores, at most 4]."),
    ] = None,
    cache_mb: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="MB of rendered pages the server processes share until the store "
            "changes [default: $DIPLONEWS_CACHE_MB, else 64; 0: render every request].",
        ),
    ] = None,
    lexicon: LexiconOption = None,
) -> None:
    """Serve the web pages and the JSON API (OpenAPI at /docs) over the store."""
    import os
    import shutil
    import signal
    import tempfile

    import uvicorn

    from diplonews.kb.ingest import default_workers
    from diplonews.kb.store import ENV
    from diplonews.web import app as web_app
    from diplonews.web import cache

    paths = [str(path) for path in lexicon or ()]
    if any(os.pathsep in path for path in paths):
        raise fail(f"lexicon: a path with {os.pathsep!r} in it cannot be served: rename it")
    load_lexicons(lexicon)  # a bad --lexicon fails here, once, rather than in each worker
    with _opened(db):  # the store must open before the server says it is up
        pass
    url = api.store_location(db)
    # Each worker process builds the application from these.
    os.environ[ENV] = url
    os.environ[web_app.LEXICON_ENV] = os.pathsep.join(paths)
    if cache_mb is not None:
        os.environ[web_app.CACHE_ENV] = str(cache_mb)
    try:  # a bad $DIPLONEWS_CACHE_MB fails here, once, rather than in each worker
        web_app.cache_size(None)
    except DiplonewsError as exc:
        raise fail(str(exc)) from None
    pages = tempfile.mkdtemp(prefix="diplonews-pages-")
    os.environ[cache.ENV] = pages
    typer.echo(f"diplonews: serving {url} at http://{host}:{port}/", err=True)
    # uvicorn stops gracefully on SIGTERM and SIGINT, then raises the signal again with the
    # handler it found: the default one would end the process before `finally` removes
    # the page cache. This one ends it through `finally`.
    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        uvicorn.run(
            "diplonews.web.app:server_app",
            factory=True,
            host=host,
            port=port,
            workers=workers or default_workers(),
            log_level="warning",
        )
    except _Stopped as stopped:
        raise typer.Exit(128 + stopped.signum) from None  # as a shell shows a signal
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        shutil.rmtree(pages, ignore_errors=True)


class _Stopped(Exception):
    """`serve` was asked to stop by a signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: object) -> None:
    raise _Stopped(signum)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question, in Vietnamese or English.")],
    db: DbOption = None,
    lexicon: LexiconOption = None,
    output: FormatOption = Output.table,
) -> None:
    """Answer a question from the record, with the evidence sentences behind it."""
    lexicons = load_lexicons(lexicon)
    with _opened(db) as store:
        answer = api.ask(store, question, lexicons=lexicons)
    _show(output, answer.to_dict(), lambda: render.answer(answer))
    raise typer.Exit(0 if answer.found else 1)
