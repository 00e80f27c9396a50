"""The stages' contract: each reads only what the raw article or an earlier stage gives.

Like spaCy's `requires`/`assigns`, without a registry: every stage's `run` docstring
names what it reads and what it adds, and this test watches the stages run over the
gold articles to check both the order (no stage reads what a later stage writes) and
the docstrings (they say what the code does).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from diplonews.extract import STAGES, make_doc
from diplonews.extract.doc import Doc
from diplonews.extract.lexicons import Lexicons, load
from diplonews.extract.record import Article
from gold_data import gold_cases

# What make_doc fills in before any stage runs.
GIVEN = {"doc_id", "raw", "published_hint", "url"}
# The lexicon matches every stage shares through `Lexicons.find_in`: a cache, not an output.
SHARED = {"matches"}
DECLARED = re.compile(r"^\s*(Reads|Adds):\s*(.+?)\.?\s*$", re.MULTILINE)


class Watch:
    """Names read and written on a Doc and its record while one stage runs."""

    def __init__(self) -> None:
        self.reads: set[str] = set()
        self.writes: set[str] = set()


WATCH: list[Watch] = []


def _note(kind: str, name: str) -> None:
    """A read counts when the stage has not written the name itself before it."""
    if WATCH and not name.startswith("_") and name not in SHARED:
        watch = WATCH[-1]
        if kind == "writes" or name not in watch.writes:
            getattr(watch, kind).add(name)


class WatchedArticle(Article):
    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if not callable(value):
            _note("reads", f"record.{name}")
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        _note("writes", f"record.{name}")
        super().__setattr__(name, value)


class WatchedDoc(Doc):
    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if name != "record" and not callable(value):
            _note("reads", name)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        _note("writes", name)
        super().__setattr__(name, value)


def watched_doc(text: str, doc_id: str) -> WatchedDoc:
    plain = make_doc(text, doc_id)
    doc = WatchedDoc(doc_id=plain.doc_id, raw=plain.raw)
    record = WatchedArticle(doc_id=doc_id)
    object.__setattr__(doc, "record", record)
    return doc


def observed(lex: Lexicons) -> list[Watch]:
    """Per stage, what it read before writing and what it wrote, over every gold article."""
    per_stage = [Watch() for _ in STAGES]
    for text, gold in gold_cases():
        doc = watched_doc(text, gold["doc_id"])
        for stage, seen in zip(STAGES, per_stage, strict=True):
            WATCH.append(Watch())
            try:
                stage(doc, lex)
            finally:
                watch = WATCH.pop()
            seen.writes |= watch.writes
            seen.reads |= watch.reads
    return per_stage


@pytest.fixture(scope="module")
def stage_io() -> list[Watch]:
    return observed(load())


def test_stages_read_only_what_is_given_or_written_before(stage_io: list[Watch]) -> None:
    for index, (stage, watch) in enumerate(zip(STAGES, stage_io, strict=True)):
        later = set().union(*(w.writes for w in stage_io[index + 1 :]))
        assert not watch.reads & later, f"{stage.__module__} reads what a later stage writes"
        earlier = GIVEN.union(*(w.writes for w in stage_io[:index]))
        assert watch.reads <= earlier, (stage.__module__, sorted(watch.reads - earlier))


def declared(stage: Any) -> dict[str, set[str]]:
    doc = stage.__doc__ or ""
    found = {
        kind.lower(): {n.strip() for n in names.split(",")} for kind, names in DECLARED.findall(doc)
    }
    return {"reads": found.get("reads", set()), "adds": found.get("adds", set())}


@pytest.mark.parametrize("index", range(len(STAGES)), ids=[s.__module__ for s in STAGES])
def test_stages_docstring_says_what_the_stage_reads_and_adds(
    stage_io: list[Watch], index: int
) -> None:
    stage, watch = STAGES[index], stage_io[index]
    said = declared(stage)
    assert said["adds"] == watch.writes, (stage.__module__, sorted(watch.writes))
    assert said["reads"] == watch.reads, (stage.__module__, sorted(watch.reads))
