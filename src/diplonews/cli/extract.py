"""`diplonews extract` and `diplonews eval`: records of articles, and their scores."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from diplonews import extract as extraction
from diplonews.cli.common import (
    PROGRESS_AFTER,
    LexiconOption,
    RateColumn,
    app,
    fail,
    load_lexicons,
    show_progress,
)
from diplonews.errors import DiplonewsError, InputError
from diplonews.extract import evaluate
from diplonews.extract.doc import Doc
from diplonews.extract.reading import iter_sources


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"


class _Status:
    """One-line messages on stderr, plus a progress bar there once a long run is under way.

    The bar appears only when stderr is a terminal and stdout is not (the records
    go to a file or a pipe), after `PROGRESS_AFTER` articles: the corpus is
    streamed, so its size is not known in advance.
    """

    def __init__(self) -> None:
        self.enabled = show_progress()
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


def _writer(output_format: Format) -> Callable[[Doc], None]:
    """Print one record as soon as it is done (streamed, flushed). The table shows the
    milestones beside the record; JSON Lines is the record alone, the schema's shape."""
    if output_format is Format.table:
        from diplonews.cli import render  # names of parties via kb.titles: only for tables

        console = Console(highlight=False)
        return lambda doc: console.print(
            render.article(doc.record.to_dict(), [m.to_dict() for m in doc.milestones])
        )
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")  # JSON Lines is UTF-8 whatever the locale
    out = sys.stdout

    def write(doc: Doc) -> None:
        out.write(json.dumps(doc.record.to_dict(), ensure_ascii=False) + "\n")
        out.flush()

    return write


@app.command()
def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Articles: .txt, .html/.htm or .jsonl files, or folders of them (walked recursively).",
            show_default=False,
            readable=False,  # an unreadable file is one error line, not the usage panel
        ),
    ],
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="table: readable panels; jsonl: one JSON record per line (the schema's "
            "record). Default: table on a terminal, jsonl when the output is piped or saved.",
            show_default=False,
        ),
    ] = None,
    lexicon: LexiconOption = None,
) -> None:
    """Extract one record per article and print it as it is done."""
    lexicons = load_lexicons(lexicon)
    if output_format is None:  # `extract a.txt > a.jsonl` writes the contract's records
        output_format = Format.table if sys.stdout.isatty() else Format.jsonl
    emit = _writer(output_format)
    status = _Status()
    try:
        # a few articles at a time (see extract_docs), each printed in order as before
        for item, doc in extraction.extract_docs(iter_sources(paths), lexicons=lexicons):
            if isinstance(item, InputError) or doc is None:
                status.say(f"diplonews: {item}")
                continue
            if isinstance(doc, DiplonewsError):
                status.say(f"diplonews: {item.path}: {doc}")
                continue
            if isinstance(doc, Exception):  # a bug in a stage must not stop the others
                status.say(f"diplonews: {item.path}: internal error: {type(doc).__name__}: {doc}")
                continue
            for warning in doc.warnings:  # values left out of the record, and why
                status.say(f"diplonews: {item.path}: {warning}")
            emit(doc)
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
        from diplonews.cli import render

        Console(highlight=False).print(render.report(result))
