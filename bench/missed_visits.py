"""Sentences of world and politics news that may tell a trip the events stage misses.

    python bench/missed_visits.py [--corpus PATH] [--limit N] [--sample K] [--seed N]
                                  [--exclude TSV ...]

Extracts every article of the corpus sections "The gioi" and "Chinh tri Xa hoi", less the
articles any labelled set was drawn from (the ids in tests/data/*/sources.tsv and in each
`--exclude` file: held articles are never read), and lists each sentence where

- the people stage found a named official,
- a state or a city of a state other than that official's is named after the official,
- a verb of motion or presence ("tới", "đến", "sang", "có mặt", "công du", "ghé",
  "đặt chân", "đang/hiện/vừa ở", "bay", "viếng thăm", "rời", "dừng chân", "lên đường",
  "hạ cánh", "đi") stands within a few words before that place,

and no visit of the article has that sentence as its evidence. The list is for a reader
to judge by shared/gold/SCHEMA.md (a trip within one's own country, a private trip,
troops or goods sent, fleeing abroad are not visits); most of it is not a visit, and a
visit the article tells in another sentence is no miss either. It prints the count per
verb, then K sentences drawn at random.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from audit_drops import corpus_rows, labelled_ids
from diplonews.extract import extract_doc
from diplonews.extract.lexicons import load
from false_events import default_corpus

SECTIONS = ("The gioi", "Chinh tri Xa hoi")
# A verb of motion or presence, and the few words between it and the place.
NEAR_VERB = re.compile(
    r"\b(tới|đến|sang|có mặt|công du|ghé thăm|ghé|đặt chân|(?:đang|hiện|đã|vừa) ở|bay|"
    r"viếng thăm|rời|dừng chân|lên đường|hạ cánh|đi)\b[^.;,]{0,35}$"
)
NEAR_REACH = 45  # characters before a place that hold the verb
EXCERPT = 300  # characters of a sentence printed


def excluded_ids(extra: list[Path]) -> set[str]:
    """The labelled articles' ids, and those of each extra sources file."""
    ids = labelled_ids()
    for path in extra:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2:
                ids.add(parts[1].strip())
    return ids


def candidates(corpus: Path, limit: int | None, skip: set[str]) -> tuple[list[dict], int]:
    """Every candidate sentence (corpus id, verb, places, officials, sentence), and the
    number of articles read."""
    lex = load()
    found: list[dict] = []
    articles = 0
    for row in corpus_rows(corpus, SECTIONS, skip, limit):
        articles += 1
        doc = extract_doc(row["text"], row["id"].rsplit("/", 1)[-1], lexicons=lex)
        body, record = doc.body, doc.record
        told = {(e.evidence or "").strip() for e in record.events if e.kind == "visit"}
        places = [
            (s, e, getattr(p[0], "country", None))
            for s, e, p in lex.find_in(doc.matches, "places", body)
        ] + [
            (s, e, p[0])
            for s, e, p in lex.find_in(doc.matches, "party_names", body)
            if getattr(lex.party(p[0]), "kind", "") == "state"
        ]
        for start, end in doc.sentences:
            sentence = body[start:end].strip()
            named = [m for m in doc.mentions if start <= m.start < end and m.name]
            if not named or sentence in told:
                continue
            homes = {
                record.people[m.person].country for m in named if 0 <= m.person < len(record.people)
            }
            first = min(m.start for m in named)
            for s, e, code in places:
                if not (first < s < end) or not code or code in homes:
                    continue
                verb = NEAR_VERB.search(body, max(start, s - NEAR_REACH), s)
                if verb:
                    found.append(
                        {
                            "id": row["id"],
                            "verb": verb.group(1),
                            "place": body[s:e],
                            "officials": [m.name for m in named],
                            "sentence": sentence,
                        }
                    )
                    break
    return found, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None, help="articles to read")
    parser.add_argument("--sample", type=int, default=60, help="sentences printed")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[], help="sources.tsv")
    args = parser.parse_args()
    found, articles = candidates(
        args.corpus or default_corpus(), args.limit, excluded_ids(args.exclude)
    )
    verbs = Counter(c["verb"] for c in found)
    print(f"{articles} articles, {len(found)} sentences")
    print(", ".join(f"{verb} {n}" for verb, n in verbs.most_common()))
    rng = random.Random(args.seed)
    for c in rng.sample(found, min(args.sample, len(found))):
        print(f"- {c['id']} [{c['verb']} … {c['place']}] {', '.join(c['officials'])}")
        print(f"    {c['sentence'][:EXCERPT]}")


if __name__ == "__main__":
    main()
