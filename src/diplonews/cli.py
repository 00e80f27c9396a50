"""The `diplonews` command: a thin shell over `reading`, `pipeline`, `evaluate` and `api`.

    diplonews extract PATH... [--format table|jsonl] [--lexicon PATH]...
    diplonews eval GOLD PRED [--json]
    diplonews ingest PATH... [--db URL]
    diplonews events [--party KOR --party ASEAN] [--series S] [--from 2020 --to 2024]
                     [--person NAME] [--status planned] [--kind visit] [--limit N]
    diplonews event ID · diplonews people [NAME] · diplonews timeline --between A B
    diplonews series [NAME] · diplonews search QUERY
    diplonews export --format jsonl|csv|graphml|ics|plover [--output FILE]

Query commands print a Rich table, or one JSON document with `--format json`; they
take `--db PATH_OR_URL` (else $DIPLONEWS_DB, else ./diplonews.db).

Every failure is one line on stderr (`diplonews: <path>: <reason>`), never a traceback.
`extract` exits 0 when it extracted at least one article, 2 when it extracted none.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from diplonews import __version__, evaluate, pipeline, render
from diplonews.errors import DiplonewsError, InputError
from diplonews.lexicons import load as load_lexicons
from diplonews.reading import iter_sources

PROGRESS_AFTER = 100  # articles done before a progress bar is worth showing

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Vietnamese news about diplomacy → one JSON record per article.",
)


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"


def reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) and exc.strerror else None) or str(exc)


def fail(message: str) -> typer.Exit:
    typer.echo(f"diplonews: {message}", err=True)
    return typer.Exit(2)


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:,.0f} articles/s", style="cyan")


def _show_progress() -> bool:
    return sys.stderr.isatty() and not sys.stdout.isatty()


class _Status:
    """One-line messages on stderr, plus a progress bar there once a long run is under way.

    The bar appears only when stderr is a terminal and stdout is not (the records
    go to a file or a pipe), after `PROGRESS_AFTER` articles: the corpus is
    streamed, so its size is not known in advance.
    """

    def __init__(self) -> None:
        self.enabled = _show_progress()
        self.done = 0
        self.bar: Progress | None = None

    def say(self, message: str) -> None:
        if self.bar:
            self.bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(message, err=True)

    def tick(self) -> None:
        self.done += 1
        if self.bar:
            self.bar.advance(self.bar.task_ids[0])
        elif self.enabled and self.done >= PROGRESS_AFTER:
            self.bar = Progress(
                TextColumn("extracting"),
                BarColumn(),
                TextColumn("{task.completed:,} articles"),
                RateColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
                redirect_stdout=False,  # the records must reach stdout, not the bar
                redirect_stderr=False,
            )
            self.bar.add_task("extract", total=None, completed=self.done)
            self.bar.start()

    def close(self) -> None:
        if self.bar:
            self.bar.stop()


def _writer(output_format: Format) -> Callable[[dict[str, Any]], None]:
    """Print one record as soon as it is done (streamed, flushed)."""
    if output_format is Format.table:
        console = Console(highlight=False)
        return lambda record: console.print(render.article(record))
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")  # JSON Lines is UTF-8 whatever the locale
    out = sys.stdout

    def write(record: dict[str, Any]) -> None:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()

    return write


def _version(value: bool) -> None:
    if value:
        typer.echo(f"diplonews {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Vietnamese news about diplomacy → one JSON record per article."""


@app.command()
def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Articles: .txt, .html/.htm or .jsonl files, or folders of them (walked recursively).",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="table: readable panels; jsonl: one JSON record per line."
        ),
    ] = Format.table,
    lexicon: Annotated[
        list[Path] | None,
        typer.Option(
            help="Extra lexicon rows: a folder of TSV files or one file named like a shipped one "
            "(countries.tsv, titles.tsv, …). Repeatable."
        ),
    ] = None,
) -> None:
    """Extract one record per article and print it as it is done."""
    try:
        lexicons = load_lexicons(lexicon or ())
    except (DiplonewsError, OSError, ValueError, KeyError) as exc:
        raise fail(f"lexicon: {reason(exc)}") from None
    emit = _writer(output_format)
    status = _Status()
    try:
        for item in iter_sources(paths):
            if isinstance(item, InputError):
                status.say(f"diplonews: {item}")
                continue
            try:
                record = pipeline.extract(
                    item.text,
                    item.doc_id,
                    published=item.published,
                    url=item.url,
                    lexicons=lexicons,
                ).to_dict()
            except DiplonewsError as exc:
                status.say(f"diplonews: {item.path}: {exc}")
                continue
            except Exception as exc:  # noqa: BLE001 -- a bug in a stage must not stop the others
                status.say(f"diplonews: {item.path}: internal error: {type(exc).__name__}: {exc}")
                continue
            emit(record)
            status.tick()
    finally:
        status.close()
    raise typer.Exit(0 if status.done else 2)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold records (JSONL).", show_default=False)],
    pred: Annotated[
        Path,
        typer.Argument(
            help="Predicted records (JSONL), e.g. from `diplonews extract --format jsonl`.",
            show_default=False,
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the flat figures as JSON.")
    ] = False,
) -> None:
    """Score predicted records against gold ones: P/R/F1 per set, accuracy per field."""
    try:  # evaluate's errors name the file and line at fault
        result = evaluate.score(evaluate.load_jsonl(gold), evaluate.load_jsonl(pred))
    except DiplonewsError as exc:
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(result.figures(), ensure_ascii=False))
    else:
        Console(highlight=False).print(render.report(result))


import diplonews.cli_spark  # noqa: F401 -- registers spark-extract (PySpark imported lazily)
from diplonews import cli_store  # noqa: F401 -- registers the knowledge-base commands


def main() -> None:
    """Console-script entry point: the app, with any escaped bug as one line, not a traceback."""
    try:
        app()
    except Exception as exc:  # noqa: BLE001 -- the promise: one line, never a traceback
        typer.echo(f"diplonews: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
