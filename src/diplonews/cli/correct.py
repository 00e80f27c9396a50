"""`diplonews correct …`: corrections from the command line, into the same append-only
log the web editors write (`diplonews.kb.corrections`).

    diplonews correct event ID --set date=2021-06-09 --set location=Seoul --reason WHY
    diplonews correct participant ID NAME --add|--remove|--role chair --reason WHY
    diplonews correct verify event|person ID [--undo] --reason WHY
    diplonews correct reject ID --reason WHY
    diplonews correct merge event|person KEEP OTHER --reason WHY
    diplonews correct split PERSON NAME... --reason WHY
    diplonews correct person ID --set name=… --set title=… --reason WHY
    diplonews correct log [--author A] [--kind event] [--state vanished] · correct review
    diplonews correct export [-o FILE] · correct import FILE · correct apply
"""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from diplonews import api
from diplonews.cli.common import app, fail, reason
from diplonews.cli.kb import DbOption, FormatOption, LimitOption, Output, _opened, _show
from diplonews.errors import DiplonewsError

correct_app = typer.Typer(
    no_args_is_help=True, help="Correct and verify facts: an append-only log, re-applied on ingest."
)
app.add_typer(correct_app, name="correct")

ReasonOption = Annotated[
    str, typer.Option("--reason", "-r", help="Why (kept in the log).", show_default=False)
]
AuthorOption = Annotated[
    str | None,
    typer.Option(help="Who makes the change [default: cli:$USER].", show_default=False),
]
SetOption = Annotated[
    list[str], typer.Option("--set", help="FIELD=VALUE (repeatable); lists comma-separated.")
]
KindArgument = Annotated[str, typer.Argument(help="event or person.")]


def _author(author: str | None) -> str:
    return author or f"cli:{getpass.getuser()}"


def _pairs(settings: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for setting in settings:
        name, equals, value = setting.partition("=")
        if not equals:
            raise fail(f"--set {setting!r}: FIELD=VALUE expected")
        pairs.append((name.strip(), value.strip()))
    if not pairs:
        raise fail("nothing to change: give --set FIELD=VALUE")
    return pairs


def _record(db: str | None, changes: list[dict[str, Any]]) -> None:
    with _opened(db) as store:
        for change in changes:
            outcome = api.corrections.record(store, **change)
            made = outcome.correction
            typer.echo(
                f"correction {made.id}: {made.kind} {made.label} {made.action} "
                f"{made.field or ''} -> {made.state}",
                err=True,
            )


@correct_app.command("event")
def event(
    event_id: int,
    settings: SetOption,
    why: ReasonOption,
    author: AuthorOption = None,
    db: DbOption = None,
) -> None:
    """Set fields of an event: kind, status, name, date, format, location, series,
    edition, parties, outcomes."""
    changes = [
        {"author": _author(author), "kind": "event", "ref": event_id, "action": "set",
         "field": name, "value": value, "reason": why}
        for name, value in _pairs(settings)
    ]  # fmt: skip
    _record(db, changes)


@correct_app.command("person")
def person(
    person_id: int,
    settings: SetOption,
    why: ReasonOption,
    author: AuthorOption = None,
    db: DbOption = None,
) -> None:
    """Set the canonical spelling (name), title or country of a person."""
    changes = [
        {"author": _author(author), "kind": "person", "ref": person_id, "action": "set",
         "field": name, "value": value, "reason": why}
        for name, value in _pairs(settings)
    ]  # fmt: skip
    _record(db, changes)


@correct_app.command("participant")
def participant(
    event_id: int,
    name: str,
    why: ReasonOption,
    add: Annotated[bool, typer.Option("--add", help="Add this participant.")] = False,
    remove: Annotated[bool, typer.Option("--remove", help="Remove this participant.")] = False,
    role: Annotated[str | None, typer.Option(help="chair or participant.")] = None,
    title: Annotated[str | None, typer.Option(help="Title, when adding.")] = None,
    country: Annotated[str | None, typer.Option(help="Country code, when adding.")] = None,
    author: AuthorOption = None,
    db: DbOption = None,
) -> None:
    """Add or remove a participant of an event, or change their role."""
    if add + remove > 1 or (not add and not remove and role is None):
        raise fail("give one of --add, --remove or --role")
    op = "add" if add else "remove" if remove else "role"
    value = {"op": op, "name": name, "role": role, "title": title, "country": country}
    _record(db, [{"author": _author(author), "kind": "event", "ref": event_id,
                  "action": "participant", "value": value, "reason": why}])  # fmt: skip


@correct_app.command("verify")
def verify(
    kind: KindArgument,
    ref: int,
    why: ReasonOption,
    undo: Annotated[bool, typer.Option(help="Withdraw the verified mark.")] = False,
    author: AuthorOption = None,
    db: DbOption = None,
) -> None:
    """Mark an event or person as checked by a person."""
    _record(db, [{"author": _author(author), "kind": kind, "ref": ref, "action": "verify",
                  "value": not undo, "reason": why}])  # fmt: skip


@correct_app.command("reject")
def reject(
    event_id: int, why: ReasonOption, author: AuthorOption = None, db: DbOption = None
) -> None:
    """Not a diplomatic event: its status becomes "rejected" and lists leave it out."""
    _record(db, [{"author": _author(author), "kind": "event", "ref": event_id,
                  "action": "reject", "reason": why}])  # fmt: skip


@correct_app.command("merge")
def merge(
    kind: KindArgument,
    keep: int,
    other: int,
    why: ReasonOption,
    author: AuthorOption = None,
    db: DbOption = None,
) -> None:
    """Merge OTHER into KEEP: two events that are one, two spellings of one person."""
    _record(db, [{"author": _author(author), "kind": kind, "ref": keep, "action": "merge",
                  "value": other, "reason": why}])  # fmt: skip


@correct_app.command("split")
def split(
    person_id: int,
    names: Annotated[list[str], typer.Argument(help="The spellings that are someone else.")],
    why: ReasonOption,
    author: AuthorOption = None,
    db: DbOption = None,
) -> None:
    """Split a wrongly merged person: these spellings become a person of their own."""
    _record(db, [{"author": _author(author), "kind": "person", "ref": person_id,
                  "action": "split", "value": names, "reason": why}])  # fmt: skip


def _table(found: list[Any]) -> Table:
    shown = Table("id", "at", "author", "target", "change", "old → new", "reason", "state")
    for c in found:
        change = f"{c.action} {c.field or ''}".strip()
        values = (
            f"{json.dumps(c.old, ensure_ascii=False)} → {json.dumps(c.new, ensure_ascii=False)}"
        )
        shown.add_row(str(c.id), c.at, c.author, c.label, change, values[:80], c.reason, c.state)
    return shown


@correct_app.command("log")
def log(
    author: Annotated[str | None, typer.Option(help="Made by this account.")] = None,
    kind: Annotated[str | None, typer.Option(help="event or person.")] = None,
    action: Annotated[str | None, typer.Option(help="set, participant, verify, …")] = None,
    state: Annotated[str | None, typer.Option(help="applied or vanished.")] = None,
    since: Annotated[str | None, typer.Option(help="Made at or after (ISO date or time).")] = None,
    limit: LimitOption = 100,
    db: DbOption = None,
    output: FormatOption = Output.table,
) -> None:
    """The corrections, newest first."""
    where = api.corrections.ChangeFilter(author, kind, action, None, state, since, limit)
    with _opened(db) as store:
        found = api.corrections.changes(store, where)
    _show(output, [c.to_dict() for c in found], lambda: _table(found))


@correct_app.command("review")
def review(db: DbOption = None, output: FormatOption = Output.table) -> None:
    """Corrections whose target vanished at the last ingest: to redo or let go."""
    with _opened(db) as store:
        found = api.corrections.review(store)
    _show(output, [c.to_dict() for c in found], lambda: _table(found))
    typer.echo(f"{len(found)} correction(s) to review", err=True)


@correct_app.command("apply")
def apply(db: DbOption = None) -> None:
    """Apply the whole log again (ingest does it by itself)."""
    with _opened(db) as store, store.transaction():
        report = api.corrections.apply_all(store)
        store.execute("UPDATE generation SET value = value + 1 WHERE id = 1")
    typer.echo(f"{report.applied} applied, {report.vanished} to review", err=True)


@correct_app.command("export")
def export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write [default: stdout].")
    ] = None,
    db: DbOption = None,
) -> None:
    """The log as JSONL, oldest first (for `correct import` into another store)."""
    with _opened(db) as store:
        lines = [
            json.dumps(item, ensure_ascii=False) + "\n"
            for item in api.corrections.export_log(store)
        ]
    try:
        if output is None:
            sys.stdout.write("".join(lines))
        else:
            output.write_text("".join(lines), encoding="utf-8")
    except OSError as exc:
        raise fail(f"{output}: {reason(exc)}") from None
    typer.echo(f"{len(lines)} corrections exported", err=True)


@correct_app.command("import")
def import_(path: Path, db: DbOption = None) -> None:
    """Add an exported log's corrections (those already here are skipped) and apply."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise fail(f"{path}: {reason(exc)}") from None
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise fail(f"{path}:{number}: not JSON ({exc})") from None
        if not isinstance(item, dict):
            raise fail(f"{path}:{number}: a JSON object expected")
        items.append(item)
    with _opened(db) as store:
        try:
            added, skipped = api.corrections.import_log(store, items, str(path))
        except DiplonewsError as exc:
            raise fail(str(exc)) from None
        vanished = len(api.corrections.review(store))
    typer.echo(
        f"{added} corrections imported, {skipped} already here, {vanished} to review", err=True
    )
