"""How well `diplonews ask` answers what readers ask, over the 114 dev articles.

    python bench/eval_ask.py [--questions bench/data/questions.jsonl] [--db PATH]
                             [--show-misses] [--split] [--json] [--raise-floor]

Ingests tests/data/dev, recent and archive (the 114 articles of ../shared/dev) into a
temporary store (or reads `--db`), asks every question of the set and judges each
answer: a question marked `refuse` is right when the answer says the record does not
hold it (`found` false); any other is right when the answer is found, keeps evidence,
holds every `must` string (folded: case, diacritics and hyphens do not count; `a|b`
means either) and no words of the other language of its own (Vietnamese in an English
answer, English in a Vietnamese one; names and quoted sentences apart). Prints accuracy
overall, per intent, per language and for the refusals.

The questions were written from the articles as a reader would ask them, not from the
extractor's output; `answer` is what the article says. `--raise-floor` writes the
measured figures to bench/data/ask_floor.json when they are higher (a floor never goes
down: tests/qa/test_eval_ask.py fails below it).

`--split` says where each miss comes from: the same questions are asked of a second
store built from the gold records of the same articles (tests/data/*/gold.jsonl, the
record a careful reader writes). A miss that the gold store answers right comes from
extraction (the fact is missing or wrong in the store); one it misses too comes from
question understanding (or from a fact the gold record does not hold either).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diplonews import api
from diplonews.kb.store import Store, open_store
from diplonews.text import fold

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
QUESTIONS = DATA / "questions.jsonl"
FLOOR = DATA / "ask_floor.json"
ARTICLES = [ROOT / "tests" / "data" / part for part in ("dev", "recent", "archive")]
# Words an English answer must not carry: a Vietnamese fragment of an article.
VIETNAMESE = re.compile(
    r"(?i)\b(?:diễn ra|cuộc|hội nghị|hội đàm|thăm|tiếp|điện đàm|năm|tháng|ngày|đối thoại)\b"
)

# Words a Vietnamese answer must not carry: English wording of its own.
ENGLISH = re.compile(
    r"\b(?:the|took place|visited|was to|were|record|planned|between|meeting of)\b"
)


@dataclass
class Verdict:
    item: dict[str, Any]
    answer: dict[str, Any]
    right: bool
    why: str = ""


def build_store(path: Path) -> Store:
    """The 114 dev articles ingested into a new SQLite store at `path`."""
    store = open_store(str(path), create=True)
    files = sorted(str(p) for folder in ARTICLES for p in folder.glob("*.txt"))
    api.ingest(store, files, workers=1)
    return store


def build_gold_store(path: Path) -> Store:
    """The same articles, stored with their gold records instead of the extractor's:
    what the answers would be if extraction were perfect."""
    from diplonews.extract import extract_doc
    from diplonews.kb import dedupe
    from diplonews.kb.ingest import ingest_prepared
    from diplonews.kb.store.writes import Prepared

    gold: dict[str, dict[str, Any]] = {}
    for folder in ARTICLES:
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                gold[record["doc_id"]] = record
    items = []
    for folder in ARTICLES:
        for file in sorted(folder.glob("*.txt")):
            text = file.read_text(encoding="utf-8")
            doc = extract_doc(text, file.stem)
            record = gold.get(file.stem, doc.record.to_dict())
            spans: list[tuple[int, int] | None] = []
            for event in record.get("events", []):
                at = doc.body.find(event.get("evidence") or "\0")
                spans.append((at, at + len(event["evidence"])) if at >= 0 else None)
            items.append(
                Prepared(
                    source=str(file),
                    doc_id=file.stem,
                    url=None,
                    content_hash=f"gold:{file.stem}",
                    record=record,
                    body=doc.body,
                    spans=spans,
                    signature=dedupe.signature(doc.body or text),
                )
            )
    store = open_store(str(path), create=True)
    ingest_prepared(store, items)
    return store


def load_questions(path: Path = QUESTIONS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _plain(text: str) -> str:
    """Folded, hyphens and spacing evened out: what `must` strings are compared on."""
    text = fold(text).lower().replace("đ", "d")
    text = re.sub(r"[-–‑_()\[\]\"“”'’:;]", " ", text)
    return " " + " ".join(text.split()) + " "


def judge(item: dict[str, Any], answer: dict[str, Any]) -> Verdict:
    if item["refuse"]:
        ok = not answer["found"]
        return Verdict(item, answer, ok, "" if ok else "answered a question it should refuse")
    if not answer["found"]:
        return Verdict(item, answer, False, "refused")
    if not answer["evidence"]:
        return Verdict(item, answer, False, "no evidence")
    plain = _plain(answer["answer"])
    for must in item["must"]:
        if not any(_plain(alt).strip() in plain for alt in must.split("|")):
            return Verdict(item, answer, False, f"missing {must!r}")
    names = " ".join(p.get("name", "") for f in answer["facts"] for p in f.get("participants", []))
    if item["lang"] == "en":
        stray = [w for w in VIETNAMESE.findall(answer["answer"]) if w.lower() not in names.lower()]
        if stray:
            return Verdict(item, answer, False, f"Vietnamese in English answer: {stray[0]!r}")
    else:  # a Vietnamese answer's own words (quoted sentences apart) are Vietnamese
        own = re.sub(r"“[^”]*”", "", answer["answer"])
        stray = [w for w in ENGLISH.findall(own) if w.lower() not in names.lower()]
        if stray:
            return Verdict(item, answer, False, f"English in Vietnamese answer: {stray[0]!r}")
    return Verdict(item, answer, True)


def evaluate(store: Store, questions: list[dict[str, Any]]) -> list[Verdict]:
    verdicts = []
    for item in questions:
        answer = api.ask(store, item["q"]).to_dict()
        verdicts.append(judge(item, answer))
    return verdicts


def figures(verdicts: list[Verdict]) -> dict[str, Any]:
    """Accuracy overall, per intent, per language and for refusals."""

    def rate(group: list[Verdict]) -> float:
        return round(sum(v.right for v in group) / len(group), 3) if group else 0.0

    by_intent: dict[str, list[Verdict]] = defaultdict(list)
    by_lang: dict[str, list[Verdict]] = defaultdict(list)
    for v in verdicts:
        by_intent[v.item["intent"]].append(v)
        by_lang[v.item["lang"]].append(v)
    return {
        "overall": rate(verdicts),
        "refusals": rate([v for v in verdicts if v.item["refuse"]]),
        "answerable": rate([v for v in verdicts if not v.item["refuse"]]),
        "intent": {k: rate(g) for k, g in sorted(by_intent.items())},
        "lang": {k: rate(g) for k, g in sorted(by_lang.items())},
        "counts": {
            "questions": len(verdicts),
            "intent": {k: len(g) for k, g in sorted(by_intent.items())},
            "lang": {k: len(g) for k, g in sorted(by_lang.items())},
        },
    }


def _report(
    result: dict[str, Any],
    verdicts: list[Verdict],
    show_misses: bool,
    gold: dict[str, Verdict] | None = None,
) -> None:
    counts = result["counts"]
    right = sum(v.right for v in verdicts)
    print(f"overall     {result['overall']:.3f}  ({right}/{counts['questions']})")
    refusals = [v for v in verdicts if v.item["refuse"]]
    print(
        f"refusals    {result['refusals']:.3f}  ({sum(v.right for v in refusals)}/{len(refusals)})"
    )
    print(f"answerable  {result['answerable']:.3f}")
    print("\nper intent")
    for intent, score in result["intent"].items():
        print(f"  {intent:12} {score:.3f}  n={counts['intent'][intent]}")
    print("\nper language (vi_nd: Vietnamese typed without diacritics)")
    for lang, score in result["lang"].items():
        print(f"  {lang:12} {score:.3f}  n={counts['lang'][lang]}")
    if show_misses:
        print("\nmisses")
        for v in verdicts:
            if not v.right:
                print(f"- {v.item['id']} [{v.item['intent']}/{v.item['lang']}] {v.item['q']}")
                print(f"    expected: {v.item['answer']}")
                print(f"    got:      {v.answer['answer'][:300]}")
                print(f"    why:      {v.why}")
                if gold is not None:
                    source = "extraction" if gold[v.item["id"]].right else "understanding"
                    print(f"    from:     {source}")
    if gold is not None:
        misses = [v for v in verdicts if not v.right]
        extraction = [v for v in misses if gold[v.item["id"]].right]
        right_on_gold = sum(v.right for v in gold.values())
        print(
            f"\nmisses: {len(misses)}, from extraction {len(extraction)}, "
            f"from understanding {len(misses) - len(extraction)}; "
            f"over the gold records: {right_on_gold}/{len(gold)} right"
        )


def raise_floor(result: dict[str, Any], path: Path = FLOOR) -> dict[str, float]:
    """Floors move up to the measured figures, never down."""
    floor: dict[str, float] = json.loads(path.read_text()) if path.exists() else {}
    for key in ("overall", "refusals", "answerable"):
        floor[key] = max(floor.get(key, 0.0), result[key])
    for group in ("lang", "intent"):
        for name, score in result[group].items():
            floor[f"{group}.{name}"] = max(floor.get(f"{group}.{name}", 0.0), score)
    path.write_text(json.dumps(floor, indent=2, sort_keys=True) + "\n")
    return floor


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--db", type=Path, help="an existing store of the dev articles")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--raise-floor", action="store_true")
    parser.add_argument("--split", action="store_true", help="misses: extraction or not")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(args.db)) if args.db else build_store(Path(tmp) / "dev.db")
        questions = load_questions(args.questions)
        started = time.perf_counter()
        verdicts = evaluate(store, questions)
        elapsed = time.perf_counter() - started
        store.close()
        gold = None
        if args.split:
            gold_store = build_gold_store(Path(tmp) / "gold.db")
            gold = {v.item["id"]: v for v in evaluate(gold_store, questions)}
            gold_store.close()
    result = figures(verdicts)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _report(result, verdicts, args.show_misses, gold)
        print(f"\n{len(verdicts)} questions in {elapsed:.1f} s")
    if args.raise_floor:
        raise_floor(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
