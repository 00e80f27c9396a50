"""The gold articles of tests/data and the reference scorer's text comparison, shared by
the golden tests of several stages."""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).parent / "data"


def gold_cases() -> list[tuple[str, dict]]:
    """(raw text, gold record) for every seed and dev article."""
    cases = []
    for folder in ("seeds", "dev"):
        for line in (DATA / folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                text = (DATA / folder / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
                cases.append((text, record))
    return cases


def fold(text: str | None) -> str:
    """As the reference scorer (shared/eval/score.py) folds text before comparing."""
    text = unicodedata.normalize("NFC", str(text or "")).lower()
    text = re.sub(r"[-‐‑–—_.·']", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def close_text(a: str | None, b: str | None, ratio: float = 0.9) -> bool:
    """The reference scorer's comparison of title and body_end."""
    a, b = fold(a).rstrip(" ./"), fold(b).rstrip(" ./")
    if not a or not b:
        return a == b
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= ratio
