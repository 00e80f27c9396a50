"""What every command shares: the Typer app, one-line failures, the `--lexicon` option
and the progress columns."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import ProgressColumn, Task
from rich.text import Text

from diplonews import __version__
from diplonews.errors import DiplonewsError
from diplonews.extract.lexicons import Lexicons
from diplonews.extract.lexicons import load as load_lexicon_files

PROGRESS_AFTER = 100  # articles done before a progress bar is worth showing

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Vietnamese news about diplomacy → one JSON record per article.",
)


def reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) and exc.strerror else None) or str(exc)


def fail(message: str) -> typer.Exit:
    typer.echo(f"diplonews: {message}", err=True)
    return typer.Exit(2)


LexiconOption = Annotated[
    list[Path] | None,
    typer.Option(
        help="Extra lexicon rows: a folder of TSV files or one file named like a shipped one "
        "(countries.tsv, titles.tsv, …). Repeatable."
    ),
]


def load_lexicons(paths: Sequence[Path] | None) -> Lexicons:
    """The shipped lexicons plus the rows of `--lexicon`, loaded once for the command:
    a bad path or a malformed file is one line naming it, exit status 2, before any
    work is done. From `extract.lexicons` (what `api.load_lexicons` calls), not `api`,
    so that `extract` does not load the knowledge base to start."""
    try:
        return load_lexicon_files(paths or ())
    except (DiplonewsError, OSError, ValueError, KeyError) as exc:
        raise fail(f"lexicon: {reason(exc)}") from None


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:,.0f} articles/s", style="cyan")


def show_progress() -> bool:
    return sys.stderr.isatty() and not sys.stdout.isatty()


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
