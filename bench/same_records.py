"""Extraction gives the same records after a speed-up: dump them, then compare two dumps.

    PYTHONPATH=OLD/src python bench/same_records.py --out before.jsonl [--articles N]
    PYTHONPATH=src     python bench/same_records.py --out after.jsonl  [--articles N]
    cmp before.jsonl after.jsonl

Extracts the seeds, the dev set, the odd-numbered recent and archive articles, the
sample articles and the first N articles of the real corpus (default: all of it), and
writes one JSON line per article: the record, the milestones, the warnings, and the
cleaned body with its sentence spans (so a difference shows which stage it comes from).
A speed-up must leave the two dumps byte-identical.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from diplonews import extract as extraction
from diplonews.extract import lexicons
from diplonews.extract.reading import Source, iter_sources
from scale import default_corpus

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ODD = re.compile(r"[abc]\d*[13579]\.txt$")


def article_paths() -> list[Path]:
    paths = [*sorted((DATA / "seeds").glob("*.txt")), *sorted((DATA / "dev").glob("*.txt"))]
    for folder in ("recent", "archive"):
        paths += [p for p in sorted((DATA / folder).glob("*.txt")) if ODD.search(p.name)]
    return paths + sorted((ROOT / "examples" / "articles").glob("*.txt"))


def sources(corpus: Path, count: int | None) -> Iterator[Source]:
    found = iter_sources([*article_paths()])
    from_corpus = itertools.islice(iter_sources([corpus]), count)
    for source in itertools.chain(found, from_corpus):
        if isinstance(source, Source):
            yield source


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="the dump to write")
    parser.add_argument("--articles", type=int, default=None, help="corpus articles (all)")
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    args = parser.parse_args()
    lex = lexicons.load()
    written = 0
    with args.out.open("w", encoding="utf-8") as out:
        for source in sources(args.corpus, args.articles):
            doc = extraction.extract_doc(
                source.text, source.doc_id, published=source.published, lexicons=lex
            )
            line = {
                "record": doc.record.to_dict(),
                "milestones": [m.to_dict() for m in doc.milestones],
                "warnings": doc.warnings,
                "body": doc.body,
                "sentences": doc.sentences,
            }
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
            written += 1
    print(f"{written:,} articles dumped to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
