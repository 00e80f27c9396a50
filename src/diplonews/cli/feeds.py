"""`diplonews watch` (follow feeds and sitemaps) and `diplonews sources` (their health).

`watch` is a thin shell over `diplonews.feeds.watch`: it reads the config, opens the
store, runs one round (`--once`) or rounds until SIGTERM or Ctrl-C, and reports: a
line per round on a terminal, structured log lines otherwise (JSON with
`--log-json`). `sources` reads the state through `api`.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from diplonews import api
from diplonews.cli.common import LexiconOption, app, fail, load_lexicons
from diplonews.cli.kb import DbOption, FormatOption, LimitOption, Output, _opened, _show
from diplonews.errors import DiplonewsError
from diplonews.kb.feedstate import now_iso
from diplonews.kb.ingest import default_workers

if TYPE_CHECKING:
    from diplonews.feeds.watch import RoundReport, Watcher


class _Log:
    """Where watch reports: a line per round for a person, or one structured line per
    event (JSON, or key=value) for a journal."""

    def __init__(self, json_lines: bool) -> None:
        self.json = json_lines
        self.terminal = sys.stderr.isatty() and not json_lines

    def event(self, event: dict[str, Any]) -> None:
        if self.terminal:
            if event.get("ok") is False:
                where = event.get("url") or event.get("source")
                typer.echo(f"diplonews: {where}: {event.get('error')}", err=True)
            return
        self.line(event)

    def line(self, event: dict[str, Any]) -> None:
        if self.json:
            typer.echo(json.dumps(event, ensure_ascii=False), err=True)
        else:
            typer.echo(" ".join(f"{k}={_logfmt(v)}" for k, v in event.items()), err=True)

    def round(self, report: RoundReport) -> None:
        if self.terminal:
            typer.echo(_round_line(report), err=True)
        else:
            self.line({"time": now_iso(), "event": "round", **report.to_dict()})


def _logfmt(value: Any) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if not text or " " in text or '"' in text else text


def _round_line(r: RoundReport) -> str:
    polled = f"{r.polled} sources polled" + (
        f" ({r.poll_failures} failed)" if r.poll_failures else ""
    )
    parts = [
        f"round {r.round}",
        polled,
        f"{r.new_pages} new pages",
        f"{r.fetched} fetched",
        f"{r.added} articles + {r.duplicates} copies stored",
    ]
    if r.failed or r.postponed:
        parts.append(f"{r.failed} failed, {r.postponed} for later")
    parts.append(f"{r.seconds:.1f} s" + (" (stopped)" if r.stopped else ""))
    return " · ".join(parts)


@app.command()
def watch(
    config: Annotated[
        Path,
        typer.Option(
            "--config",
            help="The TOML file of sources to follow (docs/feeds.md).",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    once: Annotated[
        bool, typer.Option("--once", help="One round (what is new), then exit: for cron or timers.")
    ] = False,
    log_json: Annotated[
        bool, typer.Option("--log-json", help="Log one JSON object per line on stderr.")
    ] = False,
    lexicon: LexiconOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=0, help="Extraction processes (0: in this one) [default: the cores, at most 4]."
        ),
    ] = None,
) -> None:
    """Follow the RSS/Atom feeds and sitemaps of a config file, politely, and store the
    articles they list as they appear.

    State is kept in the store: a run stopped by SIGTERM, Ctrl-C or even kill -9 goes on
    where it stopped, without losing a page or fetching a stored one again."""
    # Imported here: the HTTP client and parsers cost the other commands nothing.
    from diplonews.feeds import config as feeds_config
    from diplonews.feeds.watch import Watcher

    try:
        settings = feeds_config.load(config)
    except DiplonewsError as exc:
        raise fail(str(exc)) from None
    load_lexicons(lexicon)
    log = _Log(log_json)
    with _opened(db, create=True) as store:
        watcher = Watcher(
            store,
            settings,
            lexicon_paths=[str(p) for p in lexicon or ()],
            workers=default_workers() if workers is None else workers,
            on_event=log.event,
        )
        asyncio.run(_watch(watcher, once, log))


async def _watch(watcher: Watcher, once: bool, log: _Log) -> None:
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, watcher.stop)
    if not watcher.config.fetch.contact:
        log.event(
            {
                "event": "warning",
                "ok": False,
                "source": "config",
                "error": "no [fetch] contact: site owners cannot reach you (see docs/feeds.md)",
            }
        )
    async with watcher:
        if once:
            log.round(await watcher.round(once=True))
        else:
            await watcher.serve(log.round)


@app.command()
def sources(
    name: Annotated[
        str | None, typer.Argument(help="One source: its latest pages.", show_default=False)
    ] = None,
    db: DbOption = None,
    output: FormatOption = Output.table,
    limit: LimitOption = 50,
) -> None:
    """The sources `watch` follows and their health (last success, last error, articles
    added); with NAME, the source's latest pages (URL, outlet, state, article)."""
    with _opened(db) as store:
        if name is None:
            found = api.sources(store)
            updated = api.last_updated(store)
            _show(
                output,
                {"last_updated": updated, "sources": [s.to_dict() for s in found]},
                lambda: _sources_table(found, updated),
            )
            return
        if name not in {s.name for s in api.sources(store)}:
            raise fail(f"no source named {name!r} (diplonews sources lists them)")
        listed = api.source_pages(store, name, limit)
        _show(output, [p.to_dict() for p in listed], lambda: _pages_table(name, listed))


def _sources_table(found: list[Any], updated: str | None) -> Table:
    table = Table(title=f"Sources (last updated {updated or 'never'})", title_justify="left")
    for column in ("source", "kind", "last success", "last error", "failures", "next poll"):
        table.add_column(column)
    table.add_column("articles", justify="right")
    table.add_column("pages stored / waiting / failed", justify="right")
    for s in found:
        error = f"{s.last_error_at}: {s.last_error}" if s.last_error else ""
        waiting = s.pages.get("seen", 0) + s.pages.get("fetched", 0)
        table.add_row(
            s.name,
            s.kind,
            s.last_success or "never",
            error,
            str(s.failures),
            s.next_poll or "",
            f"{s.articles_added} (+{s.copies_added} copies)",
            f"{s.pages.get('stored', 0)} / {waiting} / {s.pages.get('failed', 0)}",
        )
    return table


def _pages_table(name: str, listed: list[Any]) -> Table:
    table = Table(title=f"Latest pages of {name}", title_justify="left")
    for column in ("seen", "state", "outlet", "title", "URL", "article"):
        table.add_column(column, overflow="fold")
    for p in listed:
        state = f"{p.state}: {p.reason}" if p.reason else p.state
        title = p.title or p.listed_title or ""
        article = str(p.article_id) if p.article_id else ""
        table.add_row(
            p.seen_at or "", state, p.outlet or "", title, p.canonical_url or p.url, article
        )
    return table
