"""Shared fixtures: the test data folders (tests/data; never modified by tests)."""

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def seeds_dir() -> Path:
    """The five seed articles (`*.txt`) with their gold records (`gold.jsonl`)."""
    return DATA / "seeds"


@pytest.fixture
def dev_dir() -> Path:
    """The dev articles (`v*.txt`) with their gold records (`gold.jsonl`)."""
    return DATA / "dev"


@pytest.fixture
def seed_articles(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))
