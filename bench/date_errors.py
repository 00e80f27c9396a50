"""Date errors of the events stage on the developed articles, classified.

    python bench/date_errors.py [--pred FILE] [--dump FILE] [--list]

Over the developed articles only (seeds, dev, recent a01–a30 and the odd b, and the odd
halves of archive, fresh, blind, cold, sealed, sealed2, sealed3; never the held halves
nor sealed4), pairs gold and predicted events as the scorer does and classifies every
gold event whose date is not right: unpaired, null where gold has a date, a date where
gold has none, wrong day / month / year, the publication date taken for the event, a
range's end taken for its start, a relative word resolved wrong, a date carried over
from another event. The classes are heuristics over the gold evidence sentence; --list
prints each case with the sentence and both dates so the counts can be checked by eye.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from diplonews.extract import evaluate, extract
from measure_events import HALVED, INVENTED, WHOLE, developed

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def developed_articles() -> list[tuple[str, Path]]:
    """(folder, article path) of every article rules may be developed on."""
    return [
        (folder, path)
        for folder in (*WHOLE, *HALVED, INVENTED)
        for path in sorted((DATA / folder).glob("*.txt"))
        if developed(folder, path.stem)
    ]


def part(folder: str, doc_id: str) -> str:
    if folder == "recent":
        return "recent"
    if folder in ("seeds", "dev"):
        return "dev"
    if folder == INVENTED:
        return "invented"
    return "archive"


RELATIVE = re.compile(
    r"\b(hôm qua|hôm nay|hôm kia|ngày mai|tuần trước|tuần qua|tuần này|tuần tới|tuần sau|"
    r"cuối tuần|đầu tuần|tháng trước|tháng này|tháng tới|tháng sau|năm ngoái|năm nay|năm tới|"
    r"sáng nay|chiều nay|tối nay|trưa nay|đêm qua|tối qua|sáng qua|chiều qua|vừa qua|mới đây|"
    r"thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật|trước đó|cùng ngày|hôm sau|ngày hôm sau|"
    r"ngày mai|sắp tới|tới đây)\b",
    re.IGNORECASE,
)
RANGE = re.compile(r"\b\d{1,2}\s*(?:-|–|đến|tới)\s*\d{1,2}\s*/\s*\d{1,2}|từ (?:ngày )?\d{1,2}")
DAY_MONTH = re.compile(
    r"\b(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?\b|ngày (\d{1,2}) tháng (\d{1,2})"
)


def explicit_days(text: str) -> set[tuple[int, int]]:
    out = set()
    for m in DAY_MONTH.finditer(text or ""):
        d, mo = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(5))
        if d and mo and 1 <= int(d) <= 31 and 1 <= int(mo) <= 12:
            out.add((int(d), int(mo)))
    return out


def classify(gold: dict, pred: dict | None, published: str | None, text: str) -> str:
    gd, pd = gold.get("date"), (pred or {}).get("date")
    ev = gold.get("evidence") or ""
    if pred is None:
        return "unpaired"
    if gd == pd:
        return "right"
    if gd and not pd:
        return "null where gold dated"
    if pd and not gd:
        return "date where gold null"
    assert gd and pd
    if published and pd == published[: len(pd)] and gd != published[: len(gd)]:
        return "publication date taken"
    if len(gd) != len(pd) and (gd.startswith(pd) or pd.startswith(gd)):
        return "precision differs"
    if gd[:4] != pd[:4]:
        return "wrong year"
    if len(pd) == 10 and len(gd) == 10:
        pday = (int(pd[8:]), int(pd[5:7]))
        gday = (int(gd[8:]), int(gd[5:7]))
        days_ev = explicit_days(ev)
        if pday in days_ev and gday in days_ev and RANGE.search(ev):
            return "range start vs end"
        if gday not in days_ev and RELATIVE.search(ev):
            return "relative word resolved wrong"
        if pday not in days_ev and pday in explicit_days(text):
            return "carried over from another event"
    if gd[:7] != pd[:7]:
        return "wrong month"
    return "wrong day in month"


def predict(paths: list[tuple[str, Path]]) -> dict[str, dict]:
    return {p.stem: extract(p.read_text(encoding="utf-8"), p.stem).to_dict() for _, p in paths}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pred", type=Path, help="read predicted records from this JSONL")
    parser.add_argument("--dump", type=Path, help="write predicted records to this JSONL")
    parser.add_argument("--list", action="store_true", help="print every case")
    parser.add_argument("--only", help="list only this class")
    args = parser.parse_args()
    paths = developed_articles()
    if args.pred:
        preds = {r["doc_id"]: r for r in evaluate.load_jsonl(args.pred)}
    else:
        preds = predict(paths)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for record in preds.values():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    golds: dict[str, dict] = {}
    for folder in {f for f, _ in paths}:
        for record in evaluate.load_jsonl(DATA / folder / "gold.jsonl"):
            golds[record["doc_id"]] = record
    counts: dict[str, Counter] = {}
    for folder, path in paths:
        gold, pred = golds[path.stem], preds.get(path.stem, {})
        text = path.read_text(encoding="utf-8")
        gev, pev = gold.get("events") or [], pred.get("events") or []
        paired = {i: j for i, j in evaluate.pair_events(gev, pev)}
        spare = [p for j, p in enumerate(pev) if j not in paired.values()]
        for i, g in enumerate(gev):
            p = pev[paired[i]] if i in paired else None
            kind = classify(g, p, gold.get("published"), text)
            if kind == "unpaired":  # what would pair it: a like event of ours, or none
                like = [
                    q
                    for q in spare
                    if evaluate.codes(q.get("parties")) & evaluate.codes(g.get("parties"))
                ]
                if like:
                    kind = "unpaired: a like event of ours dated otherwise"
                    p = like[0]
                else:
                    kind = "unpaired: missed by the events stage"
                # a missed event whose gold date is null would have had it right if found
                kind += " (gold dated)" if g.get("date") else " (gold null)"
            counts.setdefault(part(folder, path.stem), Counter())[kind] += 1
            if args.list and kind != "right" and (not args.only or args.only == kind):
                pdate = p.get("date") if p else "-"
                print(
                    f"[{kind}] {path.stem} pub={gold.get('published')} "
                    f"{g.get('kind')}/{g.get('status')} gold={g.get('date')} ours={pdate}"
                    f" ourstatus={p.get('status') if p else '-'} parties={g.get('parties')}"
                )
                print(f"    gold: {g.get('evidence')}")
                if p:
                    print(f"    ours: {p.get('evidence')}")
        for j, p in enumerate(pev):
            if j not in paired.values():
                counts.setdefault(part(folder, path.stem), Counter())["(extra predicted)"] += 1
                if args.list and (not args.only or args.only == "extra"):
                    print(
                        f"[extra] {path.stem} {p.get('kind')} ours={p.get('date')} "
                        f"parties={p.get('parties')}\n    ours: {p.get('evidence')}"
                    )
    total: Counter = Counter()
    for name, counter in sorted(counts.items()):
        total.update(counter)
        gold_n = sum(v for k, v in counter.items() if not k.startswith("("))
        print(f"== {name}: {gold_n} gold events, date right {counter['right'] / gold_n:.3f}")
        for kind, n in counter.most_common():
            print(f"   {n:4d}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
