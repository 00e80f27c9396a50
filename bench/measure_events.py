"""Where the events stage loses gold events, and where its false ones come from, on the
odd halves of the labelled sets.

    python bench/measure_events.py [--sets dev,seeds,recent,...] [--list]

Reads every article of dev and seeds and the odd-numbered articles of the other labelled
sets (the half rules are developed on: even-numbered articles are never read), extracts
each with the events stage's audit hook on (diplonews.extract.events.audit) and with the
cues of every sentence noted, then pairs its events with the gold (evaluate.pair_events).
For each gold event missed it says what happened in the gold event's evidence sentence:

- `dropped:<gate>`: a cue of the event's kind there was turned down by that gate (the
  first such gate told, "merged" last: a fold is a loss only if nothing else dropped it);
- `told-other`: the sentence gave a predicted event, paired to another gold event or false
  (a wrong kind, a wrong date or side, one event where the gold has two);
- `cue-silent`: a cue fired there but no gate reported it and no event came of it (the
  quiet gates: "willing", "negated", a draft split or absorbed …);
- `no-cue`: no cue fired in the sentence (a verb or noun the triggers lack);
- `no-evidence`: the gold event's evidence is not a sentence of the body.

For each false event, the cue (kind and words) that told it; and for matched events the
count with the wrong kind and with the wrong status. These counts choose where a learned
component (bench/train_events.py) can help.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplonews.extract import evaluate, extract
from diplonews.extract.events import audit, merging
from diplonews.extract.events import reader as reader_module
from diplonews.extract.lexicons import load

DATA = ROOT / "tests" / "data"
WHOLE = ("seeds", "dev")  # developed on in full
HALVED = ("recent", "archive", "fresh", "blind", "cold", "sealed", "sealed2", "sealed3")
INVENTED = "invented"  # written for testing in the twelfth round: set A (sa…) developed, B held


def developed(name: str, stem: str) -> bool:
    """Whether rules may be developed on an article of set `name`: dev and seeds whole,
    the recent a-articles whole (their even half opened in the tenth round), the invented
    set A, else only the odd-numbered ones (the even ones are held)."""
    if name in WHOLE or (name == "recent" and stem.startswith("a")):
        return True
    if name == INVENTED:
        return stem.startswith("sa")
    number = re.search(r"(\d+)$", stem)
    return bool(number) and int(number.group(1)) % 2 == 1


GATE_ORDER_LAST = ("merged",)


def odd_articles(sets: list[str]) -> Iterator[tuple[str, Path, dict]]:
    """(set, article path, gold record) of dev and seeds, and of the odd-numbered articles
    of the other sets (set A of the invented ones): an even-numbered article (set B) is
    never opened."""
    for name in sets:
        folder = DATA / name
        if not (folder / "gold.jsonl").is_file():
            continue
        wanted = []
        for path in sorted(folder.glob("*.txt")):
            if name == INVENTED:
                if not developed(name, path.stem):
                    continue
            elif name not in WHOLE:
                number = re.search(r"(\d+)$", path.stem)
                if not number or int(number.group(1)) % 2 == 0:
                    continue
            wanted.append(path)
        keep = {p.stem for p in wanted}
        gold = {}
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            head = line[:200]
            found = re.search(r'"doc_id":\s*"([^"]+)"', head)
            if found and found.group(1) in keep:  # even records are skipped unparsed
                record = json.loads(line)
                gold[record["doc_id"]] = record
        for path in wanted:
            yield name, path, gold[path.stem]


def squash(text: str) -> str:
    return " ".join(text.replace("⟦", "").replace("⟧", "").split())


def evidence_of(event: dict) -> str:
    ev = event.get("evidence") or ""
    if isinstance(ev, list):
        ev = ev[0] if ev else ""
    return squash(str(ev))


def same_sentence(a: str, b: str) -> bool:
    """Whether two sentence texts are the same sentence (one may be cut or extended)."""
    if not a or not b:
        return False
    return a in b or b in a or a[:60] == b[:60]


class Watch:
    """Notes, while one article is extracted, every sentence's cues and every finished
    event's draft (cue), by monkeypatching two names of the events stage."""

    def __init__(self) -> None:
        self.cue_sentences: list[tuple[str, list]] = []
        self.event_cue: dict[int, object] = {}
        self._find = reader_module.find_cues
        self._finish = merging.finish

        def find(body, start, end, *rest):  # type: ignore[no-untyped-def]
            cues = self._find(body, start, end, *rest)
            if cues:
                self.cue_sentences.append(
                    (squash(body[start:end]), [(c.kind, body[c.start : c.end]) for c in cues])
                )
            return cues

        def finish(reader, d):  # type: ignore[no-untyped-def]
            event = self._finish(reader, d)
            self.event_cue[id(event)] = (d.cue.kind, reader.body[d.cue.start : d.cue.end])
            return event

        reader_module.find_cues = find
        merging.finish = finish


def measure(sets: list[str], listing: bool) -> None:
    lex = load()
    watch = Watch()
    miss_why: Counter[str] = Counter()
    miss_why_kind: Counter[tuple[str, str]] = Counter()
    false_cue: Counter[str] = Counter()
    false_kind: Counter[str] = Counter()
    drops_all: Counter[str] = Counter()
    wrong_kind = wrong_status = matched = gold_total = pred_total = 0
    status_pairs: Counter[tuple[str, str]] = Counter()
    kind_pairs: Counter[tuple[str, str]] = Counter()
    articles = 0
    for name, path, gold in odd_articles(sets):
        articles += 1
        watch.cue_sentences, watch.event_cue = [], {}
        audit.SINK = []
        try:
            record = extract(path.read_text(encoding="utf-8"), path.stem, lexicons=lex)
        finally:
            found, audit.SINK = audit.SINK, None
        pred_events = record.events
        pred = record.to_dict().get("events", [])
        cues_of = [watch.event_cue.get(id(e), ("?", "?")) for e in pred_events]
        ge = gold.get("events", [])
        gold_total += len(ge)
        pred_total += len(pred)
        pairs = evaluate.pair_events(ge, pred)
        paired_gold = {i for i, _ in pairs}
        paired_pred = {j for _, j in pairs}
        for gate, *_ in found:
            drops_all[gate] += 1
        drops = [(gate, kind, words, squash(sentence)) for gate, kind, words, sentence, _ in found]
        for i, g in enumerate(ge):
            if i in paired_gold:
                continue
            ev = evidence_of(g)
            why = "no-evidence"
            if ev:
                gates = [d[0] for d in drops if same_sentence(ev, d[3]) and d[1] == g["kind"]]
                gates = [x for x in gates if x not in GATE_ORDER_LAST] + [
                    x for x in gates if x in GATE_ORDER_LAST
                ]
                told = [j for j, p in enumerate(pred) if same_sentence(ev, evidence_of(p))]
                any_gate = [d[0] for d in drops if same_sentence(ev, d[3])]
                if gates:
                    why = f"dropped:{gates[0]}"
                elif told:
                    why = "told-other"
                elif any_gate:
                    why = f"dropped-other-kind:{any_gate[0]}"
                elif any(same_sentence(ev, text) for text, _ in watch.cue_sentences):
                    why = "cue-silent"
                else:
                    why = "no-cue"
            miss_why[why] += 1
            miss_why_kind[(why, g["kind"])] += 1
            if listing:
                print(f"MISS {name}/{path.stem} {g['kind']}/{g.get('status')} [{why}] {ev[:160]}")
        for j, p in enumerate(pred):
            if j in paired_pred:
                continue
            kind, words = cues_of[j]
            false_cue[f"{kind}:{str(words).lower()}"] += 1
            false_kind[p["kind"]] += 1
            if listing:
                print(
                    f"FALSE {name}/{path.stem} {p['kind']}/{p.get('status')} «{words}» {evidence_of(p)[:160]}"
                )
        for i, j in pairs:
            matched += 1
            if ge[i]["kind"] != pred[j]["kind"]:
                wrong_kind += 1
                kind_pairs[(ge[i]["kind"], pred[j]["kind"])] += 1
            if ge[i].get("status") != pred[j].get("status"):
                wrong_status += 1
                status_pairs[(str(ge[i].get("status")), str(pred[j].get("status")))] += 1
    print(
        f"{articles} articles; gold events {gold_total}, predicted {pred_total}, matched {matched}"
    )
    print(f"missed {sum(miss_why.values())}:")
    for why, n in miss_why.most_common():
        kinds = ", ".join(f"{k} {c}" for (w, k), c in miss_why_kind.most_common() if w == why)
        print(f"  {why:32} {n:4d}  ({kinds})")
    print(f"false {sum(false_cue.values())}: by kind {dict(false_kind.most_common())}")
    for cue, n in false_cue.most_common(25):
        print(f"  {cue:40} {n:3d}")
    print(f"matched with the wrong kind {wrong_kind} {dict(kind_pairs)}")
    print(f"matched with the wrong status {wrong_status} (gold, pred) {dict(status_pairs)}")
    print(f"all drops reported by the gates: {dict(drops_all.most_common())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=",".join((*WHOLE, *HALVED, INVENTED)))
    parser.add_argument("--list", action="store_true", help="print every miss and false event")
    args = parser.parse_args()
    measure(args.sets.split(","), args.list)


if __name__ == "__main__":
    main()
