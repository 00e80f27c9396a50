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
from diplonews.cli import browse as browsing
from diplonews.cli import render
from diplonews.cli.common import LexiconOption, RateColumn, app, fail, load_lexicons, reason
from diplonews.errors import DiplonewsError
from diplonews.kb.formats import FORMATS
from diplonews.kb.ingest import IngestReport
from diplonews.kb.store import Store
from diplonews.kb.titles import event_title


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
    if lexicon:  # a bad --lexicon fails here, before the store is made; the shipped
        load_lexicons(lexicon)  # ones load when an article is extracted (not on a re-ingest)
    missing = [str(p) for p in paths or [] if not (p.exists() or p.is_symlink())]
    if paths and len(missing) == len(paths):  # nothing to read: no empty store made
        raise fail(f"{', '.join(missing)}: no such file or folder")
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
    year: Annotated[str | None, typer.Option(help="In this year (2021).")] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Reported by this outlet (VnExpress, vnexpress.net).")
    ] = None,
    sort: browsing.SortOption = None,
    oldest_first: Annotated[bool, typer.Option(help="Chronological order.")] = False,
    limit: LimitOption = 50,
    page: browsing.PageOption = 1,
    db: DbOption = None,
    lexicon: LexiconOption = None,
    output: browsing.ListFormatOption = browsing.ListOutput.table,
) -> None:
    """Events, newest first, filtered by party, series, period, year, person, status,
    kind and outlet: the /events list of the web, a page of --limit rows at a time."""
    lexicons = load_lexicons(lexicon)
    filters: list[tuple[str, str | None]] = [("party", p) for p in party or ()]
    filters += [
        ("series", series),
        ("from", date_from),
        ("to", date_to),
        ("person", person),
        ("status", status),
        ("kind", kind),
        ("year", year),
        ("outlet", outlet),
        ("sort", sort or ("date" if oldest_first else "-date")),
    ]
    with _opened(db) as store:
        listing = browsing.view(store, "events", filters, limit=limit, page=page, lexicons=lexicons)
    found = listing.items
    if output is browsing.ListOutput.csv:
        browsing.write_csv(listing)
        return
    _show(
        Output(output.value),
        [e.to_dict() for e in found],
        lambda: render.stored_events(found, lexicons=lexicons),
    )
    if output is browsing.ListOutput.table:
        browsing.footer(listing)


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
    country: Annotated[str | None, typer.Option(help="Of this country (KOR, Korea).")] = None,
    title: Annotated[
        str | None, typer.Option(help="Ever reported with this title (Foreign Minister).")
    ] = None,
    party: Annotated[
        str | None, typer.Option(help="Took part in an event with this party.")
    ] = None,
    sort: browsing.SortOption = None,
    page: browsing.PageOption = 1,
    limit: LimitOption = 20,
    db: DbOption = None,
    lexicon: LexiconOption = None,
    output: browsing.ListFormatOption = browsing.ListOutput.table,
) -> None:
    """People: titles over time (first and last reported) and events attended; with
    --country, --title, --party or --sort, the /people list of the web."""
    if country or title or party or sort or page > 1 or output is browsing.ListOutput.csv:
        lexicons = load_lexicons(lexicon)
        filters = [
            ("name", name),
            ("country", country),
            ("title", title),
            ("party", party),
            ("sort", sort),
        ]
        with _opened(db) as store:
            listing = browsing.view(
                store, "people", filters, limit=limit, page=page, lexicons=lexicons
            )
            chosen = api.people_by_id(store, [row["id"] for row in listing.rows])
        if output is browsing.ListOutput.csv:
            browsing.write_csv(listing)
            return
        _show(
            Output(output.value),
            [p.to_dict() for p in chosen],
            lambda: render.stored_people(chosen),
        )
        if output is browsing.ListOutput.table:
            browsing.footer(listing)
        return
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
    shown = Output(output.value)
    if not name:
        _show(shown, data, lambda: render.stored_people(found))
    else:
        _show(shown, data, lambda: render.person_details(found, attended, met))


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
    _show(output, [i.to_dict() for i in items], lambda: render.timeline(items, a, b, lexicons))


@app.command("series")
def series_(
    name: Annotated[str | None, typer.Argument(help="A series; none: all of them.")] = None,
    party: Annotated[
        str | None, typer.Option(help="Only series whose events have this party.")
    ] = None,
    kind: Annotated[str | None, typer.Option(help="Only series of this kind of event.")] = None,
    sort: browsing.SortOption = None,
    db: DbOption = None,
    lexicon: LexiconOption = None,
    output: browsing.ListFormatOption = browsing.ListOutput.table,
) -> None:
    """Recurring mechanisms and their editions over time; with --party, --kind or
    --sort (or --format csv), the /series list of the web."""
    lexicons = load_lexicons(lexicon)
    if party or kind or sort or output is browsing.ListOutput.csv:
        filters = [("party", party), ("kind", kind), ("sort", sort)]
        with _opened(db) as store:
            listing = browsing.view(store, "series", filters, limit=1000, page=1, lexicons=lexicons)
            wanted = [row["series"] for row in listing.rows]
            if name:
                wanted = [s for s in wanted if s == api.series_name(name, lexicons)]
            found = [r for s in wanted for r in api.series(store, s, lexicons=lexicons)]
        if output is browsing.ListOutput.csv:
            listing.rows = [row for row in listing.rows if row["series"] in wanted]
            browsing.write_csv(listing)
            return
    else:
        with _opened(db) as store:
            found = api.series(store, name, lexicons=lexicons)
    data = [{"series": r.series, "events": [e.to_dict() for e in r.events]} for r in found]
    _show(Output(output.value), data, lambda: render.series(found))


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
        events = api.events_by_id(store, [h.id for h in found if h.kind == "event"])
    titles = {e.id: " · ".join(filter(None, [e.date, event_title(e)])) for e in events}
    _show(output, [h.to_dict() for h in found], lambda: render.hits(found, titles))


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
    include_past: Annotated[
        bool,
        typer.Option(
            "--include-past",
            help="ics only: also the days that have passed (held events, stale plans); "
            "by default only planned events from today on.",
        ),
    ] = False,
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
                store,
                export_format,
                sys.stdout,
                level=level,
                lexicons=lexicons,
                include_past=include_past,
                verified_only=verified_only,
            )
        else:
            partial = output.with_name(output.name + ".partial")
            try:
                with partial.open("w", encoding="utf-8", newline="") as out:
                    written = api.export(
                        store,
                        export_format,
                        out,
                        level=level,
                        lexicons=lexicons,
                        include_past=include_past,
                        verified_only=verified_only,
                    )
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
    private: Annotated[
        bool, typer.Option(help="Reading needs a login too (see `diplonews users`).")
    ] = False,
) -> None:
    """Serve the web pages and the JSON API (OpenAPI at /docs) over the store."""
    import os
    import shutil
    import signal

    import uvicorn

    from diplonews.kb.ingest import default_workers
    from diplonews.kb.store import ENV
    from diplonews.web import app as web_app
    from diplonews.web import cache

    paths = [str(path) for path in lexicon or ()]
    if any(os.pathsep in path for path in paths):
        raise fail(f"lexicon: a path with {os.pathsep!r} in it cannot be served: rename it")
    load_lexicons(lexicon)  # a bad --lexicon fails here, once, rather than in each worker
    with _opened(db) as store:  # the store must open before the server says it is up
        if private and not api.accounts.has_accounts(store):
            raise fail("--private: the store has no accounts (add one: diplonews users add)")
    os.environ[web_app.PRIVATE_ENV] = "1" if private else ""
    url = api.store_location(db)
    # Each worker process builds the application from these.
    os.environ[ENV] = url
    os.environ[web_app.LEXICON_ENV] = os.pathsep.join(paths)
    if cache_mb is not None:
        os.environ[web_app.CACHE_ENV] = str(cache_mb)
    try:  # a bad $DIPLONEWS_CACHE_MB fails here, once, rather than in each worker
        kept_mb = web_app.cache_size(None)
    except DiplonewsError as exc:
        raise fail(str(exc)) from None
    pages = cache.new_directory(kept_mb * 1024 * 1024)  # in memory where there is room
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
            # uvicorn's httptools protocol, each answer's head and body sent in one write
            http="diplonews.web.connections:OneWriteHttpTools",
            log_level="warning",
            # At "warning" no request is logged, but uvicorn would still format each
            # one's client and path for the logger that drops them.
            access_log=False,
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
