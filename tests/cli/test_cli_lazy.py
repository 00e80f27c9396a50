"""A run of `diplonews` imports only the module of its command (issue 14: start-up counts
in the speed of `extract`), and the table that says which module that is stays true."""

import importlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import typer.main

from diplonews.cli import main as cli

# "Prime Minister Phạm Minh Chính received the Korean ambassador in Hà Nội."
ARTICLE = "Thủ tướng Phạm Minh Chính tiếp Đại sứ Hàn Quốc tại Hà Nội.\n"


def registered_by_module() -> dict[str, str]:
    """Every command on the full app → the `diplonews.cli` module that registered it:
    a command's by its callback, a group's (`correct`, `users`) by the module holding
    its Typer."""
    app = cli.load_commands()
    found = {}
    for command in app.registered_commands:
        assert command.callback is not None
        name = command.name or typer.main.get_command_name(command.callback.__name__)
        found[name] = command.callback.__module__.rsplit(".", 1)[-1]
    for group in app.registered_groups:
        holders = [
            module
            for module in cli.COMMAND_MODULE_ORDER
            if group.typer_instance
            in vars(importlib.import_module(f"diplonews.cli.{module}")).values()
        ]
        assert len(holders) == 1, f"group {group.name}: held by {holders}"
        assert group.name is not None
        found[group.name] = holders[0]
    return found


def test_cli_lazy_table_names_the_module_of_every_command() -> None:
    assert cli.COMMAND_MODULES == registered_by_module()


def test_cli_lazy_every_command_module_is_loaded_for_help() -> None:
    assert set(cli.COMMAND_MODULE_ORDER) == set(cli.COMMAND_MODULES.values())


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ([], None),
        (["--help"], None),
        (["--version"], None),
        (["extract", "a.txt", "--format", "jsonl"], "extract"),
        (["--help", "eval"], None),
        (["eval", "--help"], "eval"),
        (["no-such-command"], "no-such-command"),
        (["--", "extract"], None),
    ],
)
def test_cli_lazy_command_name_is_the_first_word_not_an_option(
    args: list[str], name: str | None
) -> None:
    assert cli.command_name(args) == name


def run_main(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """The CLI's `main` in a fresh interpreter, which then prints the modules it loaded."""
    code = textwrap.dedent(
        f"""
        import sys
        sys.argv = ["diplonews", *{args!r}]
        from diplonews.cli.main import main
        try:
            main()
        except SystemExit as exc:
            assert not exc.code, exc.code
        print("MODULES", " ".join(sorted(sys.modules)))
        """
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        check=True,
        cwd=tmp_path,
    )


def loaded(stdout: str) -> set[str]:
    return set(stdout.rsplit("MODULES ", 1)[1].split())


def test_cli_lazy_extract_does_not_load_the_knowledge_base(tmp_path: Path) -> None:
    article = tmp_path / "tiny.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = run_main(["extract", str(article), "--format", "jsonl"], tmp_path)
    assert '"doc_id": "tiny"' in done.stdout
    modules = loaded(done.stdout)
    assert "diplonews.cli.extract" in modules
    for heavy in ("diplonews.kb", "diplonews.api", "diplonews.web", "numpy"):
        assert heavy not in modules, f"`diplonews extract` imported {heavy}"


def test_cli_lazy_help_lists_every_command(tmp_path: Path) -> None:
    done = run_main(["--help"], tmp_path)
    for name in cli.COMMAND_MODULES:
        assert f" {name} " in done.stdout, f"{name} is missing from `diplonews --help`"
