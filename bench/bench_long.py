"""Extraction time per MB of one long single-line article: is it linear in the length?

    python bench/bench_long.py [--sizes 0.1 1 5] [--repeats 3]

A page saved without line breaks, or a hostile upload, is one line of megabytes. The
input here is one line made of distinct generated articles (bench/corpus.py: real
sentences around made-up officials, dates, places and series), their sentences joined
by spaces, cut at a sentence end near each size. Each size is extracted in-process
(`diplonews.extract.extract_doc`) `--repeats` times and the fastest run is reported, as
seconds per MB. Target: linear within 2×, the slowest size's seconds per MB at most
twice the fastest's; the exit status is 1 when it is missed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate
from diplonews.extract import extract_doc
from diplonews.extract.lexicons import load

SIZES = (0.1, 1.0, 5.0)  # MB of UTF-8
REPEATS = 3
TARGET_SPREAD = 2.0  # slowest seconds/MB over fastest
MB = 1024 * 1024


def one_line(size_mb: float) -> str:
    """Distinct article sentences on one line, about `size_mb` MB of UTF-8."""
    wanted = int(size_mb * MB)
    parts: list[str] = []
    size = 0
    for article in generate(1_000_000, seed=1, duplicates=0.0, same_event=0.0):
        for line in article.text.split("\n"):
            line = line.strip()
            if line.endswith(".") and len(line) > 40:
                parts.append(line)
                size += len(line.encode()) + 1
        if size >= wanted:
            break
    text = " ".join(parts)
    cut = text.encode()[:wanted].decode(errors="ignore")
    return cut[: cut.rfind(". ") + 1] or cut


def best_time(text: str, repeats: int) -> tuple[float, int]:
    lexicons = load()
    best = float("inf")
    events = 0
    for _ in range(repeats):
        started = time.perf_counter()
        doc = extract_doc(text, "long", lexicons=lexicons)
        best = min(best, time.perf_counter() - started)
        events = len(doc.record.events)
    return best, events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=list(SIZES), metavar="MB")
    parser.add_argument("--repeats", type=int, default=REPEATS)
    args = parser.parse_args()
    extract_doc("Khởi động.", "warm-up", lexicons=load())  # lexicons compiled once, untimed
    per_mb = []
    print("single-line article   seconds   s/MB   events")
    for size in args.sizes:
        text = one_line(size)
        megabytes = len(text.encode()) / MB
        seconds, events = best_time(text, args.repeats)
        per_mb.append(seconds / megabytes)
        print(f"{megabytes:8.2f} MB {seconds:14.2f} {seconds / megabytes:7.2f} {events:8,}")
    spread = max(per_mb) / min(per_mb)
    verdict = "ok" if spread <= TARGET_SPREAD else "MISSED"
    print(f"spread of s/MB: {spread:.2f}x (target <= {TARGET_SPREAD:.0f}x): {verdict}")
    return 0 if spread <= TARGET_SPREAD else 1


if __name__ == "__main__":
    sys.exit(main())
