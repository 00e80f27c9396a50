"""The store benchmark's corpus generator (bench/corpus.py): distinct, realistic, repeatable."""

from __future__ import annotations

import importlib.util
import itertools
import random
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from diplonews import extract as extraction
from diplonews.extract import lexicons

BENCH = Path(__file__).resolve().parent.parent / "bench"
ARTICLES = 200
SHINGLE = 5  # words per shingle, as near-duplicate detection counts them
DISTINCT_BELOW = 0.5  # Jaccard of two articles that are not copies of each other
ISO_DATE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
WORD_RE = re.compile(r"\w+")


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", BENCH / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


corpus = _load()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    corpus.write_corpus(folder, ARTICLES, seed=7)
    return folder


@pytest.fixture(scope="module")
def generated() -> list:
    return list(corpus.generate(ARTICLES, seed=7))


def shingles(text: str) -> set[tuple[str, ...]]:
    words = WORD_RE.findall(text.lower())
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def test_bench_corpus_writes_count_distinct_files(written: Path) -> None:
    files = sorted(written.glob("*.txt"))
    assert len(files) == ARTICLES
    assert len({f.read_bytes() for f in files}) == ARTICLES


def test_bench_corpus_same_seed_same_bytes(written: Path, tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path, ARTICLES, seed=7)
    for again in sorted(tmp_path.glob("*.txt")):
        assert again.read_bytes() == (written / again.name).read_bytes(), again.name
    other = next(corpus.generate(1, seed=8))
    assert other.text != (written / f"{other.name}.txt").read_text(encoding="utf-8")


def test_bench_corpus_articles_are_not_near_duplicates(generated: list) -> None:
    """Every pair but the deliberate copies shares under half of its 5-word shingles."""
    sets = {a.name: shingles(a.text) for a in generated}
    origin = {a.name: a.duplicate_of or a.name for a in generated}
    # Pairs that share any shingle, found through an inverted index rather than all
    # 19,900 pairs; then the shared count of the worst pairs is checked exactly.
    holders: dict[tuple[str, ...], list[str]] = {}
    for name, found in sets.items():
        for shingle in found:
            holders.setdefault(shingle, []).append(name)
    shared: Counter[tuple[str, str]] = Counter()
    for names in holders.values():
        if len(names) < 40:  # a stock phrase in most articles counts everywhere alike
            shared.update(itertools.combinations(names, 2))
    worst = 0.0
    for (a, b), _ in shared.most_common(500):
        if origin[a] == origin[b]:
            continue
        union = len(sets[a] | sets[b])
        worst = max(worst, len(sets[a] & sets[b]) / union)
    rng = random.Random(0)
    names = list(sets)
    for _ in range(2000):  # and a random sample, stock phrases included
        a, b = rng.sample(names, 2)
        if origin[a] != origin[b]:
            worst = max(worst, len(sets[a] & sets[b]) / len(sets[a] | sets[b]))
    assert worst < DISTINCT_BELOW


def test_bench_corpus_has_copies_and_second_reports() -> None:
    made = list(corpus.generate(1000, seed=3, duplicates=0.05, same_event=0.2))
    by_name = {a.name: a for a in made}
    copies = [a for a in made if a.duplicate_of]
    again = [a for a in made if a.same_event_as]
    assert 20 <= len(copies) <= 90 and 120 <= len(again) <= 280
    for copy in copies:
        original = by_name[copy.duplicate_of]
        ratio = len(shingles(copy.text) & shingles(original.text)) / len(
            shingles(copy.text) | shingles(original.text)
        )
        assert ratio >= 0.8, copy.name
    for second in again:
        first = by_name[second.same_event_as].events[0]
        told = second.events[0]
        assert (told.date, told.host, told.guest) == (first.date, first.host, first.guest)
    none = list(corpus.generate(50, duplicates=0, same_event=0))
    assert not any(a.duplicate_of or a.same_event_as for a in none)


def test_bench_corpus_extractor_finds_events_people_and_dates(generated: list) -> None:
    lex = lexicons.load()
    with_events = with_people = 0
    for article in generated:
        record = extraction.extract(article.text, article.name, lexicons=lex)
        assert record.published and ISO_DATE_RE.fullmatch(record.published)
        with_events += bool(record.events)
        names = {p.name for p in record.people}
        with_people += any(e.host.name in names for e in article.events)
        for event in record.events:
            assert event.date is None or ISO_DATE_RE.fullmatch(event.date), event.date
            if event.date:
                assert 2005 <= int(event.date[:4]) <= 2026
    assert with_events >= 0.7 * ARTICLES
    assert with_people >= 0.7 * ARTICLES
