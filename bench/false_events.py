"""False events in news that is not about diplomacy: events per 1,000 articles.

    python bench/false_events.py [--corpus PATH] [--limit N] [--top K] [--all]

Reads the VNTC corpus (JSONL, one article a line with "text" and "category"; default
$DIPLONEWS_CORPUS, else shared/corpus/vntc_subset.jsonl beside the repository or a
folder above it), extracts every article of
the sections that report no diplomacy (life, science, business, law, health, sport,
culture, computing) and counts the events found there: each is a false event. Prints
the rate per 1,000 articles, per section and overall, and the most frequent false-event
shapes (kind and trigger word or name), with one example each. `--all` also reports
the world and politics sections, whose events are mostly real (for comparison only).
Target: at most 1 false event per 1,000 non-diplomatic articles.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplonews.extract import extract
from diplonews.extract.lexicons import load

CORPUS_NAME = Path("shared") / "corpus" / "vntc_subset.jsonl"


def default_corpus() -> Path:
    """$DIPLONEWS_CORPUS, else shared/corpus/ beside the repository or a folder above it."""
    if os.environ.get("DIPLONEWS_CORPUS"):
        return Path(os.environ["DIPLONEWS_CORPUS"])
    for folder in ROOT.parents:
        if (folder / CORPUS_NAME).is_file():
            return folder / CORPUS_NAME
    return ROOT.parent / CORPUS_NAME


NON_DIPLOMATIC = (
    "Doi song",
    "Khoa hoc",
    "Kinh doanh",
    "Phap luat",
    "Suc khoe",
    "The thao",
    "Van hoa",
    "Vi tinh",
)
DIPLOMATIC = ("The gioi", "Chinh tri Xa hoi")
MIXED = ("Kinh doanh",)  # business: trade talks and summits are real diplomacy there
TARGET = 1.0  # false events per 1,000 non-diplomatic articles
# The shape of an event: its kind and the first words of its name, which start with the
# trigger ("hội nghị", "chuyến thăm", "tiếp") and go on with what the text calls it.
SHAPE_WORDS = 3


def shape(event: dict) -> str:
    words = re.findall(r"\w+", (event.get("name") or "").lower())[:SHAPE_WORDS]
    return f"{event.get('kind')}: {' '.join(words) or '-'}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    ap.add_argument("--top", type=int, default=20, help="how many shapes to print")
    ap.add_argument("--all", action="store_true", help="also report the diplomatic sections")
    args = ap.parse_args(argv)
    args.corpus = args.corpus or default_corpus()
    if not args.corpus.is_file():
        print(f"false_events: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    sections = NON_DIPLOMATIC + (DIPLOMATIC if args.all else ())
    lex = load()
    articles: Counter[str] = Counter()
    found: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    example: dict[str, str] = {}
    per_section: dict[str, Counter[str]] = defaultdict(Counter)
    started = time.perf_counter()
    with args.corpus.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            if args.limit and number >= args.limit:
                break
            row = json.loads(line)
            section = row.get("category", "")
            if section not in sections:
                continue
            articles[section] += 1
            record = extract(row["text"], str(row.get("id", number)), lexicons=lex)
            for event in record.to_dict()["events"]:
                found[section] += 1
                if section in NON_DIPLOMATIC:
                    key = shape(event)
                    shapes[key] += 1
                    per_section[key][section] += 1
                    example.setdefault(key, f"{row.get('id')}: {event.get('evidence', '')[:140]}")
    seconds = time.perf_counter() - started
    print(f"{'section':<20}{'articles':>9}{'events':>8}{'per 1,000':>11}")
    for section in sections:
        n = articles[section]
        rate = 1000 * found[section] / n if n else 0.0
        print(f"{section:<20}{n:>9}{found[section]:>8}{rate:>11.2f}")
    total = sum(articles[s] for s in NON_DIPLOMATIC)
    false = sum(found[s] for s in NON_DIPLOMATIC)
    rate = 1000 * false / total if total else 0.0
    print(f"{'non-diplomatic':<20}{total:>9}{false:>8}{rate:>11.2f}   (target <= {TARGET:g})")
    # Business news also carries trade diplomacy (WTO rounds, APEC, a minister's talks),
    # so the rate without it says how much of the rest is noise.
    rest = [s for s in NON_DIPLOMATIC if s not in MIXED]
    total_rest = sum(articles[s] for s in rest)
    false_rest = sum(found[s] for s in rest)
    rate_rest = 1000 * false_rest / total_rest if total_rest else 0.0
    print(f"{'  without business':<20}{total_rest:>9}{false_rest:>8}{rate_rest:>11.2f}")
    print(f"\nthe {args.top} most frequent false-event shapes:")
    for key, count in shapes.most_common(args.top):
        sections_seen = ", ".join(f"{s} {c}" for s, c in per_section[key].most_common())
        print(f"{count:5}  {key}   [{sections_seen}]")
        print(f"         e.g. {example[key]}")
    print(f"\n{sum(articles.values())} articles in {seconds:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
