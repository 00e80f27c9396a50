"""The parties and participants of the events that are found, error by error.

    python bench/side_errors.py [--dump FILE] [--list] [--part recent]

Over the developed articles only (seeds, dev, the odd halves, recent a01-a30), pairs gold
and predicted events as the scorer does and, for each pair, lists the missing and extra
parties and participants with the gold evidence sentence, each error put in a category:

  host-of-visit        a visit's host state (the state of its place) missing
  state-of-official    the state of a named participant missing
  bloc-vs-members      a bloc or organisation where the gold has its members, or back
  state-in-sentence    a state the sentence names is added, not a side (topic, place)
  state-elsewhere      a state the sentence does not name is added or missing
  name-form            the same person under another form (one missing, one extra)
  home-side-missing    a missing participant whose state is the host or who chairs
  mentioned-not-present an extra participant named in the sentence (only mentioned)
  participant-elsewhere an extra or missing participant the sentence does not name
Counts per part (seeds, dev, recent, archive, fresh, blind, cold, sealed...).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from diplonews.extract import evaluate, extract
from diplonews.extract.lexicons import load
from measure_events import HALVED, INVENTED, WHOLE, developed

PARTS = (*WHOLE, *HALVED, INVENTED)


def pairs(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """The gold and predicted events paired as the scorer pairs them."""
    return [(gold[i], pred[j]) for i, j in evaluate.pair_events(gold, pred)]


def records(data: Path) -> dict[str, dict]:
    out = {}
    for folder in PARTS:
        gold = {g["doc_id"]: g for g in evaluate.load_jsonl(data / folder / "gold.jsonl")}
        for path in sorted((data / folder).glob("*.txt")):
            if developed(folder, path.stem):
                text = path.read_text(encoding="utf-8")
                out[f"{folder}/{path.stem}"] = {
                    "gold": gold[path.stem],
                    "pred": extract(text, path.stem).to_dict(),
                }
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "tests" / "data")
    ap.add_argument("--dump", type=Path, help="read records from this JSON (else extract)")
    ap.add_argument("--list", action="store_true", help="print every error")
    ap.add_argument("--part", help="only this part")
    ap.add_argument("--category", help="only list this category")
    args = ap.parse_args()
    lex = load()
    city_state = {}
    for path in [ROOT / "src/diplonews/extract/lexicons/cities.tsv"]:
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            if line and not line.startswith("#"):
                cells = line.split("\t")
                city_state[cells[0]] = cells[1]

    def states_in(text: str) -> set[str]:
        found = set()
        for _s, _e, payload in lex.party_names.find(text or ""):
            for code in payload:
                found.add(getattr(code, "code", code))
        return found

    def members(code: str) -> set[str]:
        party = lex.party(code)
        return set(party.members) if party else set()

    recs = json.loads(args.dump.read_text()) if args.dump else records(args.data)
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    pairs_n: collections.Counter = collections.Counter()
    for key, rec in recs.items():
        part = key.split("/")[0]
        if args.part and part != args.part:
            continue
        gold, pred = rec["gold"], rec["pred"]
        for g, p in pairs(gold.get("events") or [], pred.get("events") or []):
            pairs_n[part] += 1
            gp, pp = evaluate.codes(g.get("parties")), evaluate.codes(p.get("parties"))
            sentence = g.get("evidence") or ""
            named = states_in(sentence)
            gnames = [x for x in g.get("participants") or []]
            pnames = [x for x in p.get("participants") or []]
            miss_people = [
                x
                for x in gnames
                if not any(evaluate.same_name(x["name"], y["name"]) for y in pnames)
            ]
            extra_people = [
                y
                for y in pnames
                if not any(evaluate.same_name(x["name"], y["name"]) for x in gnames)
            ]
            errors = []
            host = city_state.get(g.get("location") or "") or city_state.get(
                p.get("location") or ""
            )
            for m in sorted(gp - pp):
                if any(m in members(x) for x in pp - gp) or any(x in members(m) for x in pp - gp):
                    cat = "bloc-vs-members (missing)"
                elif any(x.get("country") == m for x in gnames):
                    cat = "state-of-official missing"
                elif g.get("kind") == "visit" and host == m:
                    cat = "host-of-visit missing"
                elif m in named:
                    cat = "state-in-sentence missing"
                else:
                    cat = "state-elsewhere missing"
                errors.append((cat, f"-party {m}"))
            for x in sorted(pp - gp):
                if any(x in members(m) for m in gp - pp) or any(m in members(x) for m in gp - pp):
                    cat = "bloc-vs-members (extra)"
                elif any(y.get("country") == x for y in extra_people):
                    cat = "state of an extra participant"
                elif x in named:
                    cat = "state-in-sentence extra"
                else:
                    cat = "state-elsewhere extra"
                errors.append((cat, f"+party {x}"))
            paired_form = set()
            for x in miss_people:
                last = evaluate.name_key(x["name"]).split()
                twin = next(
                    (
                        y
                        for y in extra_people
                        if id(y) not in paired_form
                        and last
                        and (
                            last[-1] in evaluate.name_key(y["name"]).split()
                            or last[0] in evaluate.name_key(y["name"]).split()
                        )
                    ),
                    None,
                )
                if twin is not None:
                    paired_form.add(id(twin))
                    errors.append(("name-form", f"~{x['name']} / {twin['name']}"))
                    continue
                if x.get("role") == "chair" or (host and x.get("country") == host):
                    cat = "home-side-missing"
                elif (
                    evaluate.name_key(x["name"]).split()[-1] in evaluate.name_key(sentence).split()
                ):
                    cat = "participant-in-sentence missing"
                else:
                    cat = "participant-elsewhere missing"
                errors.append((cat, f"-person {x['name']} ({x.get('country')},{x.get('role')})"))
            for y in extra_people:
                if id(y) in paired_form:
                    continue
                tokens = evaluate.name_key(y["name"]).split()
                if tokens and tokens[-1] in evaluate.name_key(sentence).split():
                    cat = "mentioned-not-present"
                else:
                    cat = "participant-elsewhere extra"
                errors.append((cat, f"+person {y['name']} ({y.get('country')},{y.get('role')})"))
            for cat, _ in errors:
                counts[part][cat] += 1
            if (
                args.list
                and errors
                and (not args.category or any(c == args.category for c, _ in errors))
            ):
                print(
                    f"== {key} {g.get('kind')} {g.get('date')} gold={sorted(gp)} pred={sorted(pp)} loc={g.get('location')}"
                )
                print(f"   G: {sentence[:300]}")
                if p.get("evidence") != sentence:
                    print(f"   P: {(p.get('evidence') or '')[:300]}")
                print(
                    "   gold people:",
                    [(x["name"], x.get("country"), x.get("role")) for x in gnames],
                )
                for cat, what in errors:
                    print(f"   [{cat}] {what}")
    cats = sorted({c for part in counts.values() for c in part})
    parts = [p for p in PARTS if p in pairs_n]
    print(f"{'category':<34}" + "".join(f"{p[:7]:>8}" for p in parts) + f"{'all':>7}")
    print(
        f"{'(paired events)':<34}"
        + "".join(f"{pairs_n[p]:>8}" for p in parts)
        + f"{sum(pairs_n.values()):>7}"
    )
    for c in cats:
        row = [counts[p][c] for p in parts]
        print(f"{c:<34}" + "".join(f"{v:>8}" for v in row) + f"{sum(row):>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
