"""`diplonews users …`: the accounts of editors and admins.

    diplonews users add NAME --role editor|admin [--db URL]
    diplonews users list · users passwd NAME · users remove NAME · users token NAME

A password is never an argument (it would stay in the shell's history and show in the
process list): it is asked for twice on a terminal, or read as two lines from standard
input when that is not a terminal, so scripts can make accounts. A token is printed once;
the store keeps only its hash.
"""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from diplonews import api
from diplonews.cli.common import app, fail
from diplonews.cli.kb import DbOption, FormatOption, Output, _opened, _show

users_app = typer.Typer(no_args_is_help=True, help="Accounts of the people who correct the record.")
app.add_typer(users_app, name="users")

NameArgument = Annotated[str, typer.Argument(help="The account's name.", show_default=False)]


def read_password() -> str:
    """A new password, typed twice (terminal) or given as two lines (stdin)."""
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        second = getpass.getpass("Password again: ")
    else:
        lines = sys.stdin.read().splitlines()
        if len(lines) < 2:
            raise fail("password: two lines expected on standard input (the password, twice)")
        first, second = lines[0], lines[1]
    if first != second:
        raise fail("password: the two entries differ")
    try:
        return api.accounts.check_password(first)
    except api.accounts.AccountError as exc:
        raise fail(str(exc)) from None


@users_app.command("add")
def add(
    name: NameArgument,
    role: Annotated[str, typer.Option(help="editor: corrects facts; admin: also manages users.")],
    db: DbOption = None,
) -> None:
    """Make an account (the password is asked for, never an argument)."""
    try:
        api.accounts.check_name(name)
    except api.accounts.AccountError as exc:
        raise fail(str(exc)) from None
    password = read_password()
    with _opened(db, create=True) as store:
        made = api.accounts.add_user(store, name, role, password)
    typer.echo(f"user {made.name} added ({made.role})", err=True)


@users_app.command("list")
def list_(db: DbOption = None, output: FormatOption = Output.table) -> None:
    """The accounts, with their roles."""
    with _opened(db) as store:
        found = api.accounts.users(store)

    def table() -> Table:
        shown = Table("name", "role", "created")
        for account in found:
            shown.add_row(account.name, account.role, account.created_at)
        return shown

    _show(output, [account.to_dict() for account in found], table)


@users_app.command("passwd")
def passwd(name: NameArgument, db: DbOption = None) -> None:
    """Set a new password (every session of the account ends)."""
    with _opened(db) as store:
        if api.accounts.user(store, name) is None:
            raise fail(f"no user {name!r}")
        password = read_password()
        api.accounts.set_password(store, name, password)
    typer.echo(f"password of {name} changed", err=True)


@users_app.command("remove")
def remove(name: NameArgument, db: DbOption = None) -> None:
    """Remove an account, its sessions and tokens (its corrections stay in the log)."""
    with _opened(db) as store:
        api.accounts.remove_user(store, name)
    typer.echo(f"user {name} removed", err=True)


@users_app.command("token")
def token(
    name: NameArgument,
    revoke: Annotated[bool, typer.Option(help="Revoke the account's tokens instead.")] = False,
    db: DbOption = None,
) -> None:
    """A new API token for scripts (`Authorization: Bearer …`), printed once."""
    with _opened(db) as store:
        if revoke:
            count = api.accounts.revoke_tokens(store, name)
            typer.echo(f"{count} token(s) of {name} revoked", err=True)
            return
        made = api.accounts.new_token(store, name)
    typer.echo(made)
    Console(stderr=True, highlight=False).print(
        "Shown once: the store keeps only its hash. Send it as 'Authorization: Bearer <token>'."
    )
