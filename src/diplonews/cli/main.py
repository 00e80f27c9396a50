"""The `diplonews` command: a thin shell over `extract` and `api`, one module per group of commands.

    diplonews extract PATH... [--format table|jsonl] [--lexicon PATH]...
    diplonews eval GOLD PRED [--json]
    diplonews ingest PATH... [--db URL]
    diplonews events [--party KOR --party ASEAN] [--series S] [--from 2020 --to 2024]
                     [--person NAME] [--status planned] [--kind visit] [--limit N]
    diplonews event ID · diplonews people [NAME] · diplonews timeline --between A B
    diplonews series [NAME] · diplonews search QUERY · diplonews ask QUESTION
    diplonews export --format jsonl|csv|graphml|ics|plover [--output FILE]

Query commands print a Rich table, or one JSON document with `--format json`; they
take `--db PATH_OR_URL` (else $DIPLONEWS_DB, else ./diplonews.db). Those that read
names or answer (events, timeline, series, export, ask, serve) take `--lexicon PATH`
as extract and ingest do.

Every failure is one line on stderr (`diplonews: <path>: <reason>`), never a traceback.
`extract` exits 0 when it extracted at least one article, 2 when it extracted none.
"""

from __future__ import annotations

import sys

import typer

# Each command module registers its commands on `app` when imported.
from diplonews.cli import correct, extract, feeds, kb, spark, users  # noqa: F401
from diplonews.cli.common import app


def main() -> None:
    """Console-script entry point: the app, with any escaped bug as one line, not a traceback."""
    try:
        app()
    except Exception as exc:  # noqa: BLE001 -- the promise: one line, never a traceback
        typer.echo(f"diplonews: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
