"""The `diplonews` command: a thin shell over `extract` and `api`, one module per group of commands.

    diplonews extract PATH... [--format table|jsonl] [--lexicon PATH]...
    diplonews eval GOLD PRED [--json]
    diplonews ingest PATH... [--db URL]
    diplonews events [--party KOR --party ASEAN] [--series S] [--from 2020 --to 2024]
                     [--person NAME] [--status planned] [--kind visit] [--limit N]
    diplonews event ID · diplonews people [NAME] · diplonews timeline --between A B
    diplonews series [NAME] · diplonews search QUERY · diplonews ask QUESTION
    diplonews articles [--outlet NAME] [--year Y] [--sort -published] [--format csv]
    diplonews export --format jsonl|csv|graphml|ics|plover [--output FILE]

Query commands print a Rich table, or one JSON document with `--format json`; they
take `--db PATH_OR_URL` (else $DIPLONEWS_DB, else ./diplonews.db). Those that read
names or answer (events, timeline, series, export, ask, serve) take `--lexicon PATH`
as extract and ingest do.

Every failure is one line on stderr (`diplonews: <path>: <reason>`), never a traceback.
`extract` exits 0 when it extracted at least one article, 2 when it extracted none.

A run imports only the module of its command (`COMMAND_MODULES`): start-up counts in
the speed of `extract` over a few files (issue 14).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

import typer

from diplonews.cli import common

# The module of `diplonews.cli` that registers each command on `app` when imported: a run
# imports only the one its command needs, so `extract` never loads the store, search
# (numpy) or the web stack. tests/cli/test_cli_lazy.py checks the table against the modules.
COMMAND_MODULES = {
    "articles": "browse",
    "correct": "correct",
    "extract": "extract",
    "eval": "extract",
    "watch": "feeds",
    "sources": "feeds",
    "ingest": "kb",
    "events": "kb",
    "event": "kb",
    "people": "kb",
    "timeline": "kb",
    "series": "kb",
    "search": "kb",
    "export": "kb",
    "serve": "kb",
    "ask": "kb",
    "spark-extract": "spark",
    "users": "users",
}
# Every command module, in the order whose registrations give the order of `--help`.
COMMAND_MODULE_ORDER = ("browse", "correct", "extract", "feeds", "kb", "spark", "users")


def command_name(args: Sequence[str]) -> str | None:
    """The command a command line names: its first word that is not an option (the
    root's options, --version and --help, take no value). None when there is none or
    `--help` comes first: the root's help lists every command."""
    for arg in args:
        if arg in ("--", "--help"):
            return None
        if not arg.startswith("-"):
            return arg
    return None


def load_commands(args: Sequence[str] | None = None) -> typer.Typer:
    """`app` with the commands `args` need registered: the command's own module, or
    all of them for help, no command or a name no module defines (so the usage panel
    and "No such command" list every command). None stands for all."""
    module = COMMAND_MODULES.get(command_name(args) or "") if args is not None else None
    for name in (module,) if module else COMMAND_MODULE_ORDER:
        importlib.import_module(f"diplonews.cli.{name}")
    return common.app


def __getattr__(name: str) -> typer.Typer:
    """`diplonews.cli.main.app` (as the tests and CliRunner use it): the app with every
    command registered."""
    if name == "app":
        return load_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point: the app, with any escaped bug as one line, not a traceback."""
    try:
        load_commands(sys.argv[1:])()
    except Exception as exc:  # noqa: BLE001 -- the promise: one line, never a traceback
        typer.echo(f"diplonews: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
