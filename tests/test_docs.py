"""The README documents every command and every option a user can type."""

from pathlib import Path

import pytest
import typer.main

from diplonews.cli import main as cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
COMMAND = typer.main.get_command(cli.app)
COMMANDS = sorted(COMMAND.commands)  # type: ignore[attr-defined]


def test_the_cli_has_the_knowledge_base_commands() -> None:
    assert {"extract", "eval", "ingest", "events", "event", "people", "timeline"} <= set(COMMANDS)
    assert {"series", "search", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"diplonews {name}" in README


@pytest.mark.parametrize(
    ("name", "option"),
    [
        (name, option)
        for name in COMMANDS
        for param in COMMAND.commands[name].params  # type: ignore[attr-defined]
        for option in param.opts
        if option.startswith("--") and option not in ("--help", "--format", "--db")
    ],
)
def test_every_option_is_in_the_readme(name: str, option: str) -> None:
    assert option in README, f"`diplonews {name} {option}` is not documented"
