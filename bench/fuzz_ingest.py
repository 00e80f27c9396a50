"""Fuzz ingest: thousands of mutated articles into a fresh store; the run must go to the end.

    python bench/fuzz_ingest.py [--articles 10000] [--seed 0] [--postgres URL] [--no-sqlite] [--keep]

Real articles (examples/articles, tests/data and ../shared/corpus/vntc_subset.jsonl)
are mutated as careless crawlers and attackers do: impossible numbers (editions,
figures, dates, years), long lines (a page without line breaks, a line of megabytes),
binary junk (NUL and control bytes, random bytes), truncation (mid-word, mid-UTF-8
sequence), odd Unicode (zero-width and direction marks, decomposed NFD, full-width
digits, combining marks, emoji, private-use), emptiness; 10% go into JSONL files, with
odd ids and JSON escapes of NUL and lone surrogates. `diplonews ingest` (the real
command, `--workers 2`) loads them into a fresh SQLite store, and into a fresh
PostgreSQL database on the server of `--postgres` (created and dropped here).

It prints, per backend, the count of sources stored (articles and duplicates) and
refused, each refusal reason with its count, and the values dropped from the records
stored (limits.py's warnings). Exit status 1 when the ingest fails, when a line says
"internal error", or when stored + refused is not the number of sources.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "vntc_subset.jsonl"
CORPUS_FALLBACK = Path("/work/shared/corpus/vntc_subset.jsonl")
JSONL_SHARE = 0.10
CORPUS_ARTICLES = 3000  # taken from the corpus, spread over it
PER_JSONL = 100  # sources per JSONL file
# Lines that are notes about an article stored, not refusals: values limits.py dropped,
# a long body read in pieces (windows.py), a wait for another writer.
NOTES = (" dropped", " characters read in ", "waiting for it")

ODD = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202e", "\ufeff", "\u00ad",
       "\u2028", "\u2029", "\ue000", "\U0001f600", "\u0301\u0301\u0301", "\ufffd", "\x85"]  # fmt: skip
HUGE = [
    "Hội nghị Cấp cao ASEAN lần thứ 99999999999999999999 khai mạc tại Jakarta.",
    (
        "Kim ngạch thương mại song phương Việt Nam - Hàn Quốc đạt "
        "1.000.000.000.000.000.000 tỷ USD năm 2023."
    ),
    "Ngày 99/99/99999, Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Hàn Quốc.",
    "Kỳ họp lần thứ " + "9" * 400 + " của Ủy ban hỗn hợp diễn ra tại Hà Nội.",
    "Vốn đầu tư của Hàn Quốc vào Việt Nam đạt " + "9" * 300 + " tỷ USD.",
    "Năm 99999, kim ngạch thương mại hai chiều Việt Nam - Nhật Bản đạt 50 tỷ USD.",
    "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ -5 diễn ra ngày 0/0/2021.",
    "Lượng khách du lịch Hàn Quốc đến Việt Nam đạt 1e308 triệu lượt người năm 2019.",
]


def load_sources(seed: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").rglob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data").rglob("*.txt"))
    ]
    corpus = CORPUS if CORPUS.exists() else CORPUS_FALLBACK
    if corpus.exists():
        lines = corpus.read_bytes().splitlines()
        step = max(1, len(lines) // CORPUS_ARTICLES)
        for line in lines[::step][:CORPUS_ARTICLES]:
            text = json.loads(line).get("text")
            if text:
                texts.append(text)
    random.Random(seed).shuffle(texts)
    return texts


def mutate(text: str, rng: random.Random) -> tuple[str, bytes]:
    """(mutation name, the article's bytes)."""
    kind = rng.choice(
        ["none", "huge", "huge", "long_line", "junk", "truncate", "unicode", "unicode", "mixed"]
    )
    if kind == "mixed":
        kind = "mixed"
        text = _huge(text, rng)
        text = _odd(text, rng)
        return kind, _truncate(text.encode(), rng)
    if kind == "huge":
        return kind, _huge(text, rng).encode()
    if kind == "long_line":
        return kind, _long_line(text, rng).encode()
    if kind == "junk":
        return kind, _junk(text.encode(), rng)
    if kind == "truncate":
        return kind, _truncate(text.encode(), rng)
    if kind == "unicode":
        return kind, _odd(text, rng).encode("utf-8", "surrogatepass")
    return kind, text.encode()


def _huge(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        lines.insert(rng.randint(1, len(lines)), rng.choice(HUGE))
    text = "\n".join(lines)
    if rng.random() < 0.5:  # every number of the article made enormous
        text = re.sub(r"\d+", lambda m: m.group() + "0" * rng.randint(10, 40), text)
    return text


def _long_line(text: str, rng: random.Random) -> str:
    one = " ".join(line.strip() for line in text.split("\n") if line.strip())
    target = rng.choice([30_000, 100_000, 300_000]) if rng.random() < 0.97 else 2_000_000
    repeats = max(1, target // max(1, len(one)))
    return " ".join([one] * repeats)


def _junk(data: bytes, rng: random.Random) -> bytes:
    choice = rng.random()
    if choice < 0.3:  # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 5000)))
    if choice < 0.6:  # a few NUL or control bytes inside good text
        out = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            out.insert(rng.randrange(len(out) + 1), rng.choice([0, 1, 7, 8, 27, 127]))
        return bytes(out)
    if choice < 0.8:  # random byte flips (invalid UTF-8)
        out = bytearray(data)
        for _ in range(rng.randint(1, 50)):
            if out:
                out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    return b"" if rng.random() < 0.5 else b" \n\t\r\n" * rng.randint(1, 100)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randint(0, max(0, len(data) - 1))]


def _odd(text: str, rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.25:
        text = unicodedata.normalize("NFD", text)
    elif choice < 0.4:  # full-width digits
        text = text.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    chars = list(text)
    for _ in range(rng.randint(5, 200)):
        if chars:
            chars.insert(rng.randrange(len(chars)), rng.choice(ODD))
    return "".join(chars)


def build(folder: Path, count: int, seed: int) -> Counter[str]:
    rng = random.Random(seed)
    sources = load_sources(seed)
    kinds: Counter[str] = Counter()
    jsonl_rows: list[bytes] = []
    for number in range(count):
        kind, data = mutate(sources[number % len(sources)], rng)
        kinds[kind] += 1
        if rng.random() < JSONL_SHARE:
            jsonl_rows.append(_jsonl_row(number, data, rng))
            if len(jsonl_rows) == PER_JSONL:
                (folder / f"feed{number:05d}.jsonl").write_bytes(b"\n".join(jsonl_rows) + b"\n")
                jsonl_rows = []
        else:
            (folder / f"{number:05d}.txt").write_bytes(data)
    if jsonl_rows:
        (folder / "feed_last.jsonl").write_bytes(b"\n".join(jsonl_rows) + b"\n")
    return kinds


def _jsonl_row(number: int, data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    ident: object = f"fuzz-{number}"
    roll = rng.random()
    if roll < 0.05:
        ident = 10**30 + number  # a number too big for any integer column
    elif roll < 0.1:
        ident = "id-" + "x" * rng.choice([300, 5000]) + str(number)
    row = json.dumps({"id": ident, "text": text, "published": "2023-05-10"}, ensure_ascii=True)
    if rng.random() < 0.1:  # escapes no file can hold: NUL, a lone surrogate
        row = row.replace('"text": "', '"text": "\\u0000\\ud800', 1)
    if rng.random() < 0.03:
        row = row[: len(row) // 2]  # a cut line: invalid JSON
    return row.encode()


def reason_of(line: str) -> str:
    """A refusal's reason without its particulars (paths, numbers, quoted text)."""
    reason = line.split(": ", 2)[-1] if line.count(": ") >= 2 else line
    reason = re.sub(r"\d[\d,.]*", "N", reason)
    return re.sub(r"\(.*", "", reason).strip()[:90]


def ingest(folder: Path, url: str, total: int) -> bool:
    command = [sys.executable, "-c", "from diplonews.cli.main import main; main()", "ingest",
               str(folder), "--db", url, "--workers", "2"]  # fmt: skip
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    summary = next((x for x in done.stderr.splitlines() if " articles added, " in x), "")
    lines = [line for line in done.stderr.splitlines() if line.startswith("diplonews: ")]
    numbers = [int(n.replace(",", "")) for n in re.findall(r"([\d,]+) (?:articles added|duplicates|failed)", summary)]  # fmt: skip
    added, duplicates, failed = numbers if len(numbers) == 3 else (0, 0, 0)
    notes = [line for line in lines if any(mark in line for mark in NOTES)]
    dropped = Counter(reason_of(line) for line in notes)
    refused = Counter(reason_of(line) for line in lines if line not in notes)
    internal = [line for line in lines if "internal error" in line]
    print(f"\n== {url.split('@')[-1]}: exit {done.returncode} in {seconds:.0f} s")
    print(f"sources {total:,}: stored {added + duplicates:,} ({added:,} articles, "
          f"{duplicates:,} duplicates), refused {failed:,}")  # fmt: skip
    print("refused, by reason:")
    for reason, n in refused.most_common():
        print(f"  {n:6,}  {reason}")
    print(f"notes on stored records ({sum(dropped.values()):,}), by reason:")
    for reason, n in dropped.most_common(15):
        print(f"  {n:6,}  {reason}")
    ok = done.returncode == 0 and not internal and added + duplicates + failed == total
    if not ok:
        print("FAILED:", done.stderr[-2000:] if done.returncode else internal[:5])
    return ok


def _postgres_database(server: str) -> tuple[str, str]:
    import psycopg

    name = f"diplonews_fuzz_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return name, re.sub(r"/[^/?]*(\?|$)", f"/{name}\\1", server, count=1)


def _drop(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--postgres", metavar="URL", default=os.environ.get("DIPLONEWS_TEST_POSTGRES")
    )
    parser.add_argument("--keep", action="store_true", help="keep the articles and the store")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="diplonews-fuzz-"))
    folder = work / "articles"
    folder.mkdir()
    kinds = build(folder, args.articles, args.seed)
    print(f"{args.articles:,} mutated articles in {folder}: " + ", ".join(f"{k} {n:,}" for k, n in kinds.most_common()))  # fmt: skip
    ok = args.no_sqlite or ingest(folder, str(work / "fuzz.db"), args.articles)
    if args.postgres:
        name, url = _postgres_database(args.postgres)
        try:
            ok = ingest(folder, url, args.articles) and ok
        finally:
            _drop(args.postgres, name)
    if args.keep:
        print(f"kept: {work}")
    else:
        import shutil

        shutil.rmtree(work)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
