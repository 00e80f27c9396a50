"""The store of the 114 dev articles that `make eval-ask` asks, built once for the
question tests that read it (they only ask; none writes)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from diplonews.kb.store import Store

BENCH = Path(__file__).resolve().parents[2] / "bench" / "eval_ask.py"


@pytest.fixture(scope="session")
def dev(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    spec = importlib.util.spec_from_file_location("bench_eval_ask_store", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    store = module.build_store(tmp_path_factory.mktemp("questions") / "dev.db")
    yield store
    store.close()
