"""The store means the same after a change of ingest or storage: compare two versions.

    python bench/same_contents.py --before-src OLD/src [--articles N] [--corpus FILE]
                                  [--postgres SERVER_URL]

Ingests the dev set (tests/data/dev), the sample articles and the first N articles of
the real corpus (default 2,000) into a new SQLite store with each version of diplonews
(this checkout, and the `src` folder of another, e.g. `git worktree add /tmp/old
d5dc5d7` then `--before-src /tmp/old/src`), then asks each store, through the version
that wrote it, for what a reader sees: the exports (jsonl, csv, graphml), every event
(`events --format json`), the people, and searches with and without diacritics. Prints
each comparison and exits with status 1 when one differs (its first differing line
shown). The ingest summaries (articles added, duplicates) must match as well.
With --postgres (a server URL whose role may CREATE DATABASE, e.g.
$DIPLONEWS_TEST_POSTGRES) each version writes into a new PostgreSQL database instead,
dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import default_corpus

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["asean", "han quoc", "Hàn Quốc", "doi thoai", "thu tuong", "hop tac kinh te", "my"]


def cli(src: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", "from diplonews.cli.main import main; main()", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    # An ingest exits with 2 when some inputs were not articles (the gold files); any
    # other command must succeed, or its view would be compared empty.
    if done.returncode not in ((0, 2) if args[0] == "ingest" else (0,)):
        sys.exit(f"same_contents: {' '.join(args)} with {src}: {done.stderr[-800:]}")
    return done.stdout if args[0] != "ingest" else done.stderr.strip().splitlines()[-1]


@contextmanager
def new_store(folder: Path, label: str, server: str | None) -> Iterator[str]:
    """A SQLite file in `folder`, or a new database on the PostgreSQL server."""
    if not server:
        yield str(folder / f"{label}.db")
        return
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    name = f"diplonews_same_{label}_{os.getpid()}_{random.randrange(10**6)}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'")
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def views(src: Path, db: str) -> dict[str, str]:
    seen = {f"export {f}": cli(src, "export", "--format", f, "--db", str(db)) for f in
            ("jsonl", "csv", "graphml")}  # fmt: skip
    seen["events"] = cli(src, "events", "--format", "json", "-n", "100000", "--db", str(db))
    seen["people"] = cli(
        src, "people", "--sort", "name", "--format", "json", "-n", "100000", "--db", str(db)
    )
    for query in QUERIES:
        seen[f"search {query!r}"] = cli(
            src, "search", query, "--format", "json", "-n", "50", "--db", str(db)
        )
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before-src", type=Path, required=True, help="the other version's src")
    parser.add_argument("--articles", type=int, default=2000, help="corpus articles added")
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--postgres", help="a PostgreSQL server URL: write there, not SQLite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplonews-same-") as tmp:
        folder = Path(tmp)
        subset = folder / "corpus.jsonl"
        with args.corpus.open(encoding="utf-8") as lines, subset.open("w") as out:
            for _, line in zip(range(args.articles), lines, strict=False):
                out.write(line)
        inputs = [str(ROOT / "tests" / "data" / "dev"), str(ROOT / "examples" / "articles")]
        inputs.append(str(subset))
        seen = {}
        for label, src in (("before", args.before_src.resolve()), ("after", ROOT / "src")):
            with new_store(folder, label, args.postgres) as db:
                summary = cli(src, "ingest", *inputs, "--db", db)
                print(f"{label}: {summary.split(' in ')[0]}")
                seen[label] = {"ingest": summary.split(" in ")[0], **views(src, db)}
        differs = 0
        for name, before in seen["before"].items():
            after = seen["after"][name]
            if before == after:
                size = len(json.loads(after)) if after.lstrip().startswith("[") else len(after)
                print(f"same: {name} ({size:,} {'items' if after.startswith('[') else 'chars'})")
                continue
            differs += 1
            first = next(
                (
                    i
                    for i, (a, b) in enumerate(zip(before.splitlines(), after.splitlines()))
                    if a != b
                ),
                min(len(before.splitlines()), len(after.splitlines())),
            )
            print(f"DIFFERS: {name}, line {first + 1}:")
            print("  before:", (before.splitlines()[first : first + 1] or [""])[0][:300])
            print("  after: ", (after.splitlines()[first : first + 1] or [""])[0][:300])
    print("the same contents" if not differs else f"{differs} views differ")
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
