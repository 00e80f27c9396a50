"""The question set of bench/eval_ask.py over the 114 dev articles: what `diplonews ask`
answers right never falls below the floors of bench/data/ask_floor.json (raised with
`python bench/eval_ask.py --raise-floor`, never lowered), and the set keeps its shape."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from diplonews.kb.store import Store

BENCH = Path(__file__).resolve().parents[2] / "bench"
DATA = Path(__file__).resolve().parents[1] / "data"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_eval_ask", BENCH / "eval_ask.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


EVAL = _load()
QUESTIONS: list[dict[str, Any]] = EVAL.load_questions()


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The 114 dev articles, ingested once for the session."""
    store = EVAL.build_store(tmp_path_factory.mktemp("eval_ask") / "dev.db")
    yield store
    store.close()


@pytest.fixture(scope="session")
def measured(dev_store: Store) -> dict[str, Any]:
    return dict(EVAL.figures(EVAL.evaluate(dev_store, QUESTIONS)))


def test_eval_ask_set_covers_every_intent_language_and_refusals() -> None:
    assert len(QUESTIONS) >= 150
    assert len({q["id"] for q in QUESTIONS}) == len(QUESTIONS)
    assert sum(q["refuse"] for q in QUESTIONS) >= 20
    languages = {q["lang"] for q in QUESTIONS}
    assert languages == {"vi", "vi_nd", "en"}
    intents = {q["intent"] for q in QUESTIONS if not q["refuse"]}
    assert {"met", "visit", "visitor_met", "envoys", "chair", "attend", "when", "where"} <= intents
    assert {"outcomes", "figures", "planned", "list", "count", "who_is"} <= intents


def test_eval_ask_questions_rest_on_dev_articles() -> None:
    articles = {
        p.stem for part in ("dev", "recent", "archive") for p in (DATA / part).glob("*.txt")
    }
    for question in QUESTIONS:
        assert set(question["docs"]) <= articles, question["id"]
        assert question["refuse"] or question["must"], question["id"]


@pytest.mark.parametrize("key", sorted(json.loads((BENCH / "data" / "ask_floor.json").read_text())))
def test_eval_ask_stays_above_its_floor(measured: dict[str, Any], key: str) -> None:
    floor = json.loads((BENCH / "data" / "ask_floor.json").read_text())[key]
    group, _, name = key.partition(".")
    value = measured[group][name] if name else measured[group]
    assert value >= floor, f"{key}: {value} fell below its floor {floor}"


def test_eval_ask_judges_english_answers_for_vietnamese_fragments() -> None:
    item = {"id": "x", "lang": "en", "refuse": False, "must": ["Park Jin"]}
    answer = {
        "answer": "Hội đàm diễn ra with Park Jin.",
        "found": True,
        "facts": [],
        "evidence": [{"sentence": "…"}],
    }
    assert not EVAL.judge(item, answer).right
    answer["answer"] = "Bùi Thanh Sơn held talks with Park Jin on 18 October 2022."
    assert EVAL.judge(item, answer).right


def test_eval_ask_judges_vietnamese_answers_for_english_wording() -> None:
    item = {"id": "x", "lang": "vi", "refuse": False, "must": ["Park Jin"]}
    answer = {
        "answer": "The meeting of Bùi Thanh Sơn and Park Jin took place ngày 18/10/2022.",
        "found": True,
        "facts": [],
        "evidence": [{"sentence": "…"}],
    }
    assert not EVAL.judge(item, answer).right
    answer["answer"] = "Bùi Thanh Sơn hội đàm với Park Jin ngày 18/10/2022: “the record”."
    assert EVAL.judge(item, answer).right
