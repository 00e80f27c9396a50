"""The candidates the events stage drops, per gate, on unlabelled world and politics news.

    python bench/audit_drops.py [--corpus PATH] [--sections S ...] [--limit N]
                                [--sample K] [--seed N] [--gate G ...] [--tsv PATH]

Extracts every article of the corpus sections (default "The gioi" and "Chinh tri Xa
hoi"), less the articles any labelled set was drawn from (the ids in
tests/data/*/sources.tsv: held articles are never read), with the events stage's audit
hook on (diplonews.extract.events.audit). Each gate that turned a cue or a draft down
reports it; the script prints the drops per gate (and per cue kind), then K drops drawn
at random per gate, with the cue's words and its sentence, for a reader to judge by
shared/gold/SCHEMA.md. A drop is "covered" when the article still has an event of that
kind whose evidence is the same sentence (another cue of the sentence told it), so the
drop cost nothing.

Judgements go to bench/data/audit_drops_judged.tsv (gate, corpus id, cue kind, cue,
sentence excerpt, verdict, reason). Verdicts: `wrong` (a diplomatic event by
shared/gold/SCHEMA.md, dropped), `right`, `arguable`. The judged sample of 2026-12-06
is `--sample 20 --uncovered --seed 7 --gate not-alone plural hypothetical modal
home-only no-actor` at commit 4217355 (a later change to a gate changes its pool);
the "merged" rows (mentions folded into an event already told: a loss when the two
are distinct occurrences) are `--sample 20 --gate merged --seed 7`, and a second
sample of them `--sample 40 --gate merged --seed 31` at commit c45da81 (2026-12-07);
then `--gate not-alone merged --sample 30 --uncovered --seed 11` at commit 4087510 (not-alone:
1 wrong, 2 arguable of 30; merged: none of 30 wrong). Round 8 (x-gates): 40 uncovered
not-alone drops at f4dd458 (`random.Random(23).sample` of the `--tsv` rows; 2 wrong, 2
arguable), then `--gate not-alone plural --sample 30 --uncovered --seed 29` at 9bbdda0
(not-alone: 1 wrong, 3 arguable of 30; plural: 1 wrong, 5 arguable of 30), and the 7
drops that branch turned into events over the corpus (all 7 real).
`--tsv` writes every drop, to draw other samples from by hand.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from diplonews.extract import extract
from diplonews.extract.events import audit
from diplonews.extract.lexicons import load
from false_events import default_corpus

SECTIONS = ("The gioi", "Chinh tri Xa hoi")
EXCERPT = 300  # characters of a sentence printed


def labelled_ids() -> set[str]:
    """The corpus ids of every labelled article (dev, recent, archive, fresh, …)."""
    ids: set[str] = set()
    for sources in (ROOT / "tests" / "data").glob("*/sources.tsv"):
        for line in sources.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2:
                ids.add(parts[1].strip())
    return ids


def corpus_rows(
    corpus: Path, sections: tuple[str, ...], skip: set[str], limit: int | None
) -> Iterator[dict]:
    """The corpus rows of `sections`, less the `skip` ids, at most `limit` of them."""
    articles = 0
    with corpus.open(encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            if row.get("category") not in sections or row["id"] in skip:
                continue
            if limit is not None and articles >= limit:
                return
            articles += 1
            yield row


def collect(corpus: Path, sections: tuple[str, ...], limit: int | None) -> tuple[list, int]:
    """Every drop as (gate, kind, corpus id, cue words, sentence, covered), and the
    number of articles read."""
    lex = load()
    drops = []
    articles = 0
    for row in corpus_rows(corpus, sections, labelled_ids(), limit):
        articles += 1
        audit.SINK = []
        try:
            record = extract(row["text"], row["id"].rsplit("/", 1)[-1], lexicons=lex)
        finally:
            found, audit.SINK = audit.SINK, None
        told = {(e.kind, (e.evidence or "").strip()) for e in record.events}
        for gate, kind, words, sentence, note in found:
            plain = sentence.replace("⟦", "").replace("⟧", "").strip()
            covered = (kind, plain) in told
            drops.append((gate, kind, row["id"], words, sentence, covered, note))
    return drops, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--sections", nargs="+", default=list(SECTIONS))
    parser.add_argument("--limit", type=int, default=None, help="articles to read")
    parser.add_argument("--sample", type=int, default=5, help="drops printed per gate")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--gate", nargs="*", default=None, help="print samples of these only")
    parser.add_argument("--uncovered", action="store_true", help="sample uncovered drops only")
    parser.add_argument("--tsv", type=Path, default=None, help="write every drop here")
    args = parser.parse_args()
    corpus = args.corpus or default_corpus()
    began = time.perf_counter()
    drops, articles = collect(corpus, tuple(args.sections), args.limit)
    seconds = time.perf_counter() - began

    per_gate: Counter[str] = Counter(d[0] for d in drops)
    per_kind: dict[str, Counter[str]] = defaultdict(Counter)
    uncovered: Counter[str] = Counter()
    for gate, kind, _, _, _, covered, _ in drops:
        per_kind[gate][kind or "-"] += 1
        uncovered[gate] += not covered
    print(f"{articles} articles, {len(drops)} drops, {seconds:.1f}s")
    print(f"{'gate':20} {'drops':>6} {'uncovered':>9}  by cue kind")
    for gate, count in per_gate.most_common():
        kinds = ", ".join(f"{k} {n}" for k, n in per_kind[gate].most_common())
        print(f"{gate:20} {count:6d} {uncovered[gate]:9d}  {kinds}")

    rng = random.Random(args.seed)
    for gate, _ in per_gate.most_common():
        if args.gate is not None and gate not in args.gate:
            continue
        pool = [d for d in drops if d[0] == gate and not (args.uncovered and d[5])]
        print(f"\n== {gate}: {min(args.sample, len(pool))} of {len(pool)}")
        for _, kind, doc, words, sentence, covered, note in rng.sample(
            pool, min(args.sample, len(pool))
        ):
            mark = " (covered)" if covered else ""
            seen = f" {note}" if note else ""
            print(f"- {doc} [{kind} «{words}»{seen}]{mark}\n    {sentence[:EXCERPT]}")

    if args.tsv:
        with args.tsv.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter="\t")
            writer.writerow(["gate", "kind", "id", "cue", "covered", "note", "sentence"])
            for gate, kind, doc, words, sentence, covered, note in drops:
                writer.writerow([gate, kind, doc, words, int(covered), note, sentence])


if __name__ == "__main__":
    main()
