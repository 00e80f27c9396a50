"""Draw a reproducible sample of corpus articles for hand labelling.

    python bench/sample_corpus.py --out tests/data/fresh --prefix d --count 40

The articles come from the corpus's world and politics sections, are of ordinary
length and name a diplomatic act in their own words (a fixed list of trigger words,
never the extractor's output, so the sample is not biased towards what the extractor
already finds). Articles already in a gold set are left out. Each is written as
`<prefix>NN.txt` with its corpus id in `sources.tsv`.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "vntc_subset.jsonl"
SECTIONS = ("The gioi", "Chinh tri Xa hoi")
TRIGGERS = (
    "hội đàm",
    "hội kiến",
    "điện đàm",
    "chuyến thăm",
    "tiếp Đại sứ",
    "tiếp đại sứ",
    "thượng đỉnh",
    "Hội nghị cấp cao",
    "Hội nghị Cấp cao",
    "Bộ trưởng Ngoại giao",
    "Ngoại trưởng",
    "đàm phán",
    "gặp gỡ",
    "tiếp xúc",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--prefix", default="d")
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--min-chars", type=int, default=700)
    parser.add_argument("--max-chars", type=int, default=5000)
    args = parser.parse_args()
    taken = set()
    for sources in (ROOT / "tests" / "data").glob("*/sources.tsv"):
        for line in sources.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                taken.add(line.split("\t")[1].strip())
    pool = []
    with args.corpus.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            text = article["text"]
            if (
                article["category"] in SECTIONS
                and article["id"] not in taken
                and args.min_chars <= len(text) <= args.max_chars
                and any(trigger in text for trigger in TRIGGERS)
            ):
                pool.append((article["id"], text))
    chosen = random.Random(args.seed).sample(pool, args.count)
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for number, (corpus_id, text) in enumerate(chosen, start=1):
        name = f"{args.prefix}{number:02d}"
        (args.out / f"{name}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{name}\t{corpus_id}\n")
    (args.out / "sources.tsv").write_text("".join(rows), encoding="utf-8")
    print(f"{len(pool)} candidates, {len(chosen)} written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
