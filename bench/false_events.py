"""False events in news that is not about diplomacy: events per 1,000 articles.

    python bench/false_events.py [--corpus PATH] [--limit N] [--top K] [--all] [--list]

Reads the VNTC corpus (JSONL, one article a line with "text" and "category"; default
$DIPLONEWS_CORPUS, else shared/corpus/vntc_subset.jsonl beside the repository or a
folder above it), extracts every article of the sections that report little diplomacy
(life, science, business, law, health, sport, culture, computing) and counts the events
found there.

Not every such event is false: a trade minister's talks in a business article, or an
ASEAN summit recalled in a culture article, is a real diplomatic event. Each event read
by hand has a verdict in bench/data/false_events_judged.tsv (`real`, `false`, or
`arguable` where careful readers could differ), keyed by article, kind and the start
of its evidence sentence. The script prints per section the events found and how they
split; an event nobody has judged yet counts as false until someone reads it (`--list`
prints every event with its verdict and evidence). The rate to reach is false events
(unjudged included) per 1,000 articles, at most 1, with and without business, whose
trade talks and summits make most of its events real. Then the most frequent shapes of
the events that are not real: the shape noted in the verdict file, or for an unjudged
event its kind and the first words of its name. `--all` also reports the world and
politics sections, whose events are mostly real (for comparison only).
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
JUDGED = ROOT / "bench" / "data" / "false_events_judged.tsv"
VERDICTS = ("real", "arguable", "false")
EVIDENCE_KEY = 80  # characters of the evidence sentence that identify an event


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
# The shape of an unjudged event: its kind and the first words of its name, which start
# with the trigger ("hội nghị", "chuyến thăm", "tiếp") and go on with what the text calls it.
SHAPE_WORDS = 3


def shape(event: dict) -> str:
    words = re.findall(r"\w+", (event.get("name") or "").lower())[:SHAPE_WORDS]
    return f"{event.get('kind')}: {' '.join(words) or '-'}"


def key(doc_id: str, kind: str, evidence: str) -> tuple[str, str, str]:
    return doc_id, kind, " ".join(evidence.split())[:EVIDENCE_KEY].rstrip()


def load_judged(path: Path) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(article, kind, evidence start) → (verdict, shape) from the hand-judged file."""
    judged: dict[tuple[str, str, str], tuple[str, str]] = {}
    if not path.is_file():
        return judged
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "id\t")):
            continue
        doc_id, kind, evidence, verdict, note = (line.split("\t") + [""] * 5)[:5]
        if verdict not in VERDICTS:
            raise SystemExit(f"false_events: bad verdict {verdict!r} in {path}: {line[:80]}")
        judged[key(doc_id, kind, evidence)] = (verdict, note)
    return judged


def rate(count: int, articles: int) -> float:
    return 1000 * count / articles if articles else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    ap.add_argument("--top", type=int, default=20, help="how many shapes to print")
    ap.add_argument("--all", action="store_true", help="also report the diplomatic sections")
    ap.add_argument("--list", action="store_true", help="print every event with its verdict")
    ap.add_argument("--judged", type=Path, default=JUDGED, help="the verdicts file")
    args = ap.parse_args(argv)
    args.corpus = args.corpus or default_corpus()
    if not args.corpus.is_file():
        print(f"false_events: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    sections = NON_DIPLOMATIC + (DIPLOMATIC if args.all else ())
    judged = load_judged(args.judged)
    lex = load()
    articles: Counter[str] = Counter()
    found: Counter[str] = Counter()
    split: dict[str, Counter[str]] = defaultdict(Counter)  # section → verdict → count
    shapes: Counter[str] = Counter()
    example: dict[str, str] = {}
    per_section: dict[str, Counter[str]] = defaultdict(Counter)
    listing: list[str] = []
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
            doc_id = str(row.get("id", number))
            record = extract(row["text"], doc_id, lexicons=lex)
            for event in record.to_dict()["events"]:
                found[section] += 1
                if section not in NON_DIPLOMATIC:
                    continue
                evidence = event.get("evidence") or ""
                verdict, note = judged.get(key(doc_id, event["kind"], evidence), ("unjudged", ""))
                split[section][verdict] += 1
                if args.list:
                    listing.append(
                        f"{verdict:<9} {doc_id}\t{event['kind']}\t{event.get('name')}\t"
                        f"{event.get('parties')}\n          {' '.join(evidence.split())}"
                    )
                if verdict == "real":
                    continue
                shape_key = f"{verdict}: {note}" if note else f"{verdict}: {shape(event)}"
                shapes[shape_key] += 1
                per_section[shape_key][section] += 1
                example.setdefault(shape_key, f"{doc_id}: {' '.join(evidence.split())[:140]}")
    seconds = time.perf_counter() - started
    print(
        f"{'section':<20}{'articles':>9}{'events':>8}{'real':>6}{'arguable':>9}{'false':>6}"
        f"{'unjudged':>9}{'false/1,000':>13}"
    )
    for section in sections:
        n, s = articles[section], split[section]
        bad = s["false"] + s["unjudged"]
        tail = (
            f"{s['real']:>6}{s['arguable']:>9}{s['false']:>6}{s['unjudged']:>9}{rate(bad, n):>13.2f}"
            if section in NON_DIPLOMATIC
            else f"{'':>30}{rate(found[section], n):>13.2f}  (events, mostly real)"
        )
        print(f"{section:<20}{n:>9}{found[section]:>8}{tail}")

    def summary(label: str, names: list[str]) -> None:
        n = sum(articles[s] for s in names)
        total = Counter[str]()
        for s in names:
            total.update(split[s])
        bad = total["false"] + total["unjudged"]
        events = sum(found[s] for s in names)
        print(
            f"{label:<20}{n:>9}{events:>8}{total['real']:>6}{total['arguable']:>9}"
            f"{total['false']:>6}{total['unjudged']:>9}{rate(bad, n):>13.2f}"
            f"   (with arguable {rate(bad + total['arguable'], n):.2f}; target <= {TARGET:g})"
        )

    summary("non-diplomatic", list(NON_DIPLOMATIC))
    summary("  without business", [s for s in NON_DIPLOMATIC if s not in MIXED])
    if args.list:
        print("\nevery event in the non-diplomatic sections:")
        print("\n".join(listing))
    print(f"\nthe {args.top} most frequent shapes of events that are not real:")
    for shape_key, count in shapes.most_common(args.top):
        sections_seen = ", ".join(f"{s} {c}" for s, c in per_section[shape_key].most_common())
        print(f"{count:5}  {shape_key}   [{sections_seen}]")
        print(f"         e.g. {example[shape_key]}")
    print(f"\n{sum(articles.values())} articles in {seconds:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
