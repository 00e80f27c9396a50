"""The package's layers, as docs/architecture.md draws them, kept by import-linter.

The contracts live in pyproject.toml ([tool.importlinter]): extract → kb → qa → api →
web/spark → cli, each importing only from below it, and no import circle anywhere.
"""

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def test_layers_every_import_contract_is_kept(tmp_path: Path) -> None:
    code = lint_imports(
        config_filename=str(ROOT / "pyproject.toml"), cache_dir=str(tmp_path), no_logo=True
    )
    assert code == 0, "an import crosses a layer or closes a circle (output above)"
