"""The list commands' shared part (`events`, `people`, `series` in `kb`, and `articles`
here): the same filters, order and pages as the web's browse lists (`api.browse`), and
the same rows as their .csv with `--format csv`."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from diplonews import api
from diplonews.cli.common import app, fail
from diplonews.errors import DiplonewsError

MAX_ROWS = 100_000  # as the web lists: the deepest row a command may reach


class ListOutput(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


ListFormatOption = Annotated[
    ListOutput,
    typer.Option(
        "--format", "-f", help="table: for reading; json: one JSON document; csv: the rows."
    ),
]
SortOption = Annotated[
    str | None,
    typer.Option(help="A column to sort by, '-' before it for descending (-date, name)."),
]
PageOption = Annotated[int, typer.Option(min=1, help="Which page of --limit rows.")]


def view(
    store: api.Store,
    table: str,
    params: list[tuple[str, str | None]],
    *,
    limit: int,
    page: int,
    lexicons: api.Lexicons | None = None,
) -> api.Listing:
    """Rows `limit` at a time, page `page`, of a list under the given filters (None
    values left out); a bad value is one line and exit status 2."""
    offset = (page - 1) * limit
    if offset + limit > MAX_ROWS:
        raise fail(f"--page {page} of {limit} rows reaches past row {MAX_ROWS:,}")
    given = [(name, value) for name, value in params if value]
    return api.browse(store, table, given, facets=False, window=(limit, offset), lexicons=lexicons)


def write_csv(listing: api.Listing) -> None:
    """The rows as the web's .csv has them (its columns, lists joined with "; ")."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", newline="")
    from diplonews.kb.browse import write_csv as write

    write(listing.rows, listing.columns, sys.stdout)


def footer(listing: api.Listing) -> None:
    """How many rows match, on stderr (so that stdout holds the table alone)."""
    shown = len(listing.rows)
    first = listing.view.offset + 1 if shown else 0
    more = " (--page for more)" if listing.view.offset + shown < listing.total else ""
    typer.echo(f"{first}–{listing.view.offset + shown} of {listing.total:,}{more}", err=True)


def articles_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, title="Articles", title_justify="left")
    table.add_column("id", justify="right", style="dim", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("title", overflow="fold", ratio=3)
    table.add_column("outlet", overflow="fold")
    table.add_column("events", justify="right", no_wrap=True)
    table.add_column("original", overflow="fold", ratio=2)
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["published"] or "?",
            row["title"],
            row["outlet"] or "",
            str(row["events"]),
            row["url"] or "",
        )
    return table


@app.command()
def articles(
    outlet: Annotated[
        str | None, typer.Option(help="An outlet, by name (VnExpress) or host (vnexpress.net).")
    ] = None,
    year: Annotated[str | None, typer.Option(help="The year published (2021).")] = None,
    sort: SortOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")] = 50,
    page: PageOption = 1,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Store: an SQLite file path or a postgresql:// URL "
            "[default: $DIPLONEWS_DB, else ./diplonews.db].",
            show_default=False,
        ),
    ] = None,
    output: ListFormatOption = ListOutput.table,
) -> None:
    """Articles, newest first, with their outlet and original URL: cite them as sources."""
    try:
        store = api.open_store(db, create=False)
    except DiplonewsError as exc:
        raise fail(str(exc)) from None
    try:
        found = view(
            store,
            "articles",
            [("outlet", outlet), ("year", year), ("sort", sort)],
            limit=limit,
            page=page,
        )
    except DiplonewsError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    if output is ListOutput.csv:
        write_csv(found)
    elif output is ListOutput.json:
        typer.echo(json.dumps(found.rows, ensure_ascii=False, indent=1))
    else:
        Console(highlight=False).print(articles_table(found.rows))
        footer(found)
