"""Extraction quality per part of the gold set, and the gap between two halves.

    python bench/eval_parts.py [--data tests/data] [--json]

Scores the extractor (events, people and the relationship figures) on each folder of
tests/data (seeds; dev = v01–v24; recent = the a/b articles of 2011–2025 from 40
outlets; archive = full-length 2003–2006 news; fresh = 40 world and politics articles
of the corpus drawn by bench/sample_corpus.py and labelled by the project, not by the
issue's authors; blind = 48 more such articles, drawn and labelled the same way a day
later; cold = 96 more, drawn and labelled the same way on 2026-12-07 at the start of the
next round; sealed = 48 more, drawn and labelled at the start of the round after, kept
unread for the whole of it and scored at its start and end; sealed2, sealed3 and sealed4
= 48 more each, the same one, two and three rounds later; invented = recent-style news
written for testing in the twelfth round, set A developed on, set B held), then on two halves of recent +
archive, of fresh, of blind, of cold, of sealed, of sealed2, of sealed3 and of sealed4:
odd-numbered articles (the half rules are developed on) and even-numbered ones (the half
kept for checking). Since the tenth round the even a-articles of recent are developed on
too, so "recent b even" is the recent news nobody has looked at. The gap between the
halves is the honest estimate of what articles nobody looked at will score; report both.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from diplonews.extract import evaluate, extract

ROOT = Path(__file__).resolve().parent.parent
# figures_f1: the relationship figures (value and unit), kept apart from the headline.
FIGURES = evaluate.HEADLINE_FIGURES[:5] + ("people_f1", "figures_f1")


def records(folder: Path) -> tuple[list[dict], list[dict]]:
    gold = evaluate.load_jsonl(folder / "gold.jsonl")
    pred = [
        extract(path.read_text(encoding="utf-8"), path.stem).to_dict()
        for path in sorted(folder.glob("*.txt"))
    ]
    return gold, pred


def half(records: list[dict], odd: bool) -> list[dict]:
    keep = []
    for record in records:
        number = re.search(r"(\d+)$", record["doc_id"])
        if number and (int(number.group(1)) % 2 == 1) == odd:
            keep.append(record)
    return keep


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data")
    parser.add_argument("--json", action="store_true", help="one JSON object of the figures")
    args = parser.parse_args()
    table: dict[str, dict[str, float]] = {}
    unseen_gold: list[dict] = []
    unseen_pred: list[dict] = []
    # the folders labelled by the project, each halved on its own
    own: dict[str, tuple[list[dict], list[dict]]] = {}
    recent_b: tuple[list[dict], list[dict]] | None = None
    for name in (
        "seeds",
        "dev",
        "recent",
        "archive",
        "fresh",
        "blind",
        "cold",
        "sealed",
        "sealed2",
        "sealed3",
        "sealed4",
        "invented",
    ):
        if not (args.data / name / "gold.jsonl").is_file():
            continue
        gold, pred = records(args.data / name)
        table[name] = evaluate.score(gold, pred).figures()
        if name in ("recent", "archive"):
            unseen_gold += gold
            unseen_pred += pred
        if name == "recent":
            recent_b = (
                [r for r in gold if r["doc_id"].startswith("b")],
                [r for r in pred if r["doc_id"].startswith("b")],
            )
        if name in ("fresh", "blind", "cold", "sealed", "sealed2", "sealed3", "sealed4"):
            own[name] = (gold, pred)
        if name == "invented":
            # two writers' sets: A is developed on, B is held
            for letter in ("a", "b"):
                table[f"invented {letter.upper()}"] = evaluate.score(
                    [r for r in gold if r["doc_id"].startswith("s" + letter)],
                    [r for r in pred if r["doc_id"].startswith("s" + letter)],
                ).figures()
    for label, odd in (("odd half", True), ("even half", False)):
        table[label] = evaluate.score(half(unseen_gold, odd), half(unseen_pred, odd)).figures()
    if recent_b:
        # the recent news nobody has developed on since the tenth round opened a-even
        table["recent b even"] = evaluate.score(
            half(recent_b[0], False), half(recent_b[1], False)
        ).figures()
    for name, (gold, pred) in own.items():
        for label, odd in ((f"{name} odd", True), (f"{name} even", False)):
            table[label] = evaluate.score(half(gold, odd), half(pred, odd)).figures()
    if args.json:
        print(json.dumps({k: {f: round(v[f], 3) for f in FIGURES} for k, v in table.items()}))
        return 0
    print(f"{'set':<13}" + "".join(f"{f:>18}" for f in FIGURES))
    for name, figures in table.items():
        print(f"{name:<13}" + "".join(f"{figures[f]:>18.3f}" for f in FIGURES))
    for odd_label, even_label in (
        ("odd half", "even half"),
        ("fresh odd", "fresh even"),
        ("blind odd", "blind even"),
        ("cold odd", "cold even"),
        ("sealed odd", "sealed even"),
        ("sealed2 odd", "sealed2 even"),
        ("sealed3 odd", "sealed3 even"),
        ("sealed4 odd", "sealed4 even"),
    ):
        if odd_label in table:
            odd, even = table[odd_label], table[even_label]
            gap = "  ".join(f"{f} {odd[f] - even[f]:+.3f}" for f in FIGURES)
            print(f"gap ({odd_label} - {even_label}): {gap}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
