"""Where a corpus article's extraction goes, stage by stage.

    python bench/extract_stages.py [--articles N] [--every K] [--corpus FILE] [--upto STEP]

Extracts N articles of the corpus (default 500), one in every K (default 40: taken evenly
over the 20,000 of all sections), as `extract_docs` does (the pages of a batch read,
then their bodies looked up in the lexicons' automaton, then the body stages article by
article), and prints the process time of each step in ms an article: make_doc+clean,
meta, the lexicons' pass (find_in), dates, people, events (with the dating it sets off),
figures, milestones, limits.

For instruction counts, which the machine's load does not move, run it under cachegrind
with `--upto STEP` (the steps above, numbered from 1; 0 extracts nothing: start-up and
the reading of the articles) and subtract the counts of consecutive steps:

    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no \\
        python bench/extract_stages.py --upto 9

(9: the whole extraction; 0: what to subtract for it.)
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from diplonews import extract
from diplonews.extract import clean, lexicons, limits, meta, windows
from diplonews.extract.reading import Source, iter_sources
from scale import default_corpus

STEPS = (
    "clean",
    "meta",
    "find_in",
    "dates",
    "people",
    "events",
    "figures",
    "milestones",
    "limits",
)


def sample(corpus: Path, count: int, every: int) -> list[Source]:
    sources = (s for s in iter_sources([corpus]) if isinstance(s, Source))
    return list(islice(islice(sources, 0, None, every), count))


def run(sources: list[Source], upto: int) -> dict[str, float]:
    """Seconds of process time each step took over `sources`, running steps 1..upto."""
    lex = lexicons.load()
    spent = dict.fromkeys(STEPS, 0.0)
    clock = time.process_time
    body_steps = list(zip(STEPS[3:], (*extract.BODY_STAGES, limits.run), strict=True))
    for first in range(0, len(sources), extract.BATCH):
        docs = []
        for source in sources[first : first + extract.BATCH]:
            started = clock()
            doc = extract.make_doc(
                source.text, source.doc_id, published=source.published, url=source.url
            )
            clean.run(doc, lex)
            read = clock()
            spent["clean"] += read - started
            if upto >= 2:
                meta.run(doc, lex)
                spent["meta"] += clock() - read
            docs.append(doc)
        if upto >= 3:
            started = clock()
            for doc in docs:
                if len(doc.body) <= windows.WINDOW:
                    lex.find_in(doc.matches, "titles", doc.body)
            spent["find_in"] += clock() - started
        for doc in docs:
            for number, (name, stage) in enumerate(body_steps, start=4):
                if upto < number:
                    break
                started = clock()
                if len(doc.body) <= windows.WINDOW:
                    stage(doc, lex)
                else:  # a body read in pieces: each stage over each piece
                    windows.run(doc, lex, [stage])
                spent[name] += clock() - started
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--every", type=int, default=40, help="one article in every K")
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--upto", type=int, default=len(STEPS), help="the last step run")
    args = parser.parse_args()
    sources = sample(args.corpus, args.articles, args.every)
    lexicons.load()  # start-up: in the count of --upto 0 too
    if args.upto <= 0:
        return 0
    spent = run(sources, args.upto)
    count = max(len(sources), 1)
    for name, seconds in spent.items():
        print(f"{name:<11} {seconds / count * 1000:7.3f} ms an article")
    print(
        f"{'total':<11} {sum(spent.values()) / count * 1000:7.3f} ms an article, {count:,} articles"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
