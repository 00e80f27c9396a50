"""Train and cross-validate a learned gate of the events stage on the odd halves.

    python bench/train_events.py --gate {not-alone,plural,reject,status,kind}
        [--cv] [--auc] [--threshold T ...] [--l2 L] [--min-count N] [--seeds S ...]
        [--without FAMILY ...] [--judged] [--with-kept] [--write PATH] [--eval-parts]
        [--listing K [--corpus-limit N]]

Decisions tried, each at one place of the stage, by wrapping the rule that decides it
(nothing of src/ changes; the wrappers are set here):
- `not-alone`: a draft merging drops because it shares no event and no rule keeps it
  alone (wraps context_sides.keep, the last test before the drop) may be kept;
- `plural`: a cue the reader drops after "các/những" (wraps Reader.plural_held) may be read;
- `reject`: an event merging accepts (wraps merging.has_actor, its last test) may be dropped;
- `status`, `kind`: a matched event's status (planned or held) or kind (visit or meeting)
  decided by a model that sees the rules' decision among its features (`decision_cv`).

Reads dev and seeds whole and the odd-numbered articles of the other labelled sets (the
even-numbered ones are never opened: see measure_events.odd_articles). For each article it
extracts once as the rules decide, noting the features (learned_features.py) of every
candidate at that place, then once per candidate with that candidate alone turned the
other way: it is a positive example when that adds a matched gold event (for `reject`:
when dropping the event loses no matched one, a false event), a negative one otherwise.
A logistic model (L2, full-batch gradient descent from zero weights, a fixed number of
steps: deterministic) is fitted on the features seen at least `--min-count` times.
`--judged` adds the drops of bench/data/audit_drops_judged.tsv (corpus articles) to every
training set; `--with-kept` (not-alone) adds the drafts a rule keeps alone.

`--cv` estimates on the odd side alone: the articles are split in two by a seeded shuffle
(several seeds), a model is trained on one half and the extractor, with that model, is
scored on the other, against the extractor with none (events, participants and parties
F1, averaged). `--auc` gives the ranking on held-out halves (AUC, and the share of
positives among the five candidates scored highest in each half). `--eval-parts` fits on
every article and prints bench/eval_parts.py with the model on (look at its even figures
a few times at most); `--listing K` what the model changes on unlabelled world and
politics news; `--write PATH` the weights (feature, weight; #bias and #threshold rows).

Findings of 2026-12-07 (x-learn; l2 0.01, min-count 2): not-alone 211 candidates, 22
positive, held-out AUC 0.71, top-5 0.16-0.22, events F1 of the held-out half falls at
every threshold; plural 32 candidates, 2 positive; reject 314, 31 positive, AUC 0.68,
top-5 0.34, F1 falls; status 0.88-0.945 right against the rules' 0.953; kind at best
the rules' 0.973. No learned gate beat the rules.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import learned_features as readmit
from diplonews.extract import evaluate, extract
from diplonews.extract.events import context_sides, merging
from diplonews.extract.events.reader import Reader
from diplonews.extract.lexicons import load
from measure_events import HALVED, WHOLE, odd_articles

LEX = load()


class Hook:
    """Notes each candidate's features and turns the one numbered `target` the other way
    (or, given a model, the ones it scores above its threshold)."""

    def __init__(self) -> None:
        self.seen: list[list[str]] = []
        self.target = -1
        self.model: tuple[dict[str, float], float, float] | None = None

    def decide(self, names: list[str]) -> bool:
        self.seen.append(names)
        if self.model is not None:
            weights, bias, threshold = self.model
            return readmit.score(names, weights, bias) > threshold
        return len(self.seen) - 1 == self.target


HOOK = Hook()


def install(gate: str) -> None:
    """Wrap the rule that decides `gate` so that HOOK sees (and may turn) its candidates."""
    if gate == "not-alone":
        keep = context_sides.keep

        def keep_or_learned(reader, d, kept):  # type: ignore[no-untyped-def]
            return keep(reader, d, kept) or HOOK.decide(readmit.draft_features(reader, d))

        context_sides.keep = keep_or_learned
    elif gate == "plural":
        held = Reader.plural_held

        def held_or_learned(self, cue, start, end):  # type: ignore[no-untyped-def]
            if held(self, cue, start, end):
                return True
            index = [s for s, _ in self.doc.sentences].index(start)
            return HOOK.decide(readmit.cue_features(self, cue, start, end, index))

        Reader.plural_held = held_or_learned  # type: ignore[method-assign]
    elif gate == "reject":
        has_actor = merging.has_actor

        def actor_and_not_rejected(reader, d, event):  # type: ignore[no-untyped-def]
            if not has_actor(reader, d, event):
                return False
            return not HOOK.decide(readmit.draft_features(reader, d))

        merging.has_actor = actor_and_not_rejected
    else:
        raise SystemExit(f"unknown gate {gate!r}")


def run(text: str, stem: str, target: int = -1, model=None) -> tuple[list[dict], list]:  # type: ignore[no-untyped-def]
    HOOK.seen, HOOK.target, HOOK.model = [], target, model
    events = extract(text, stem, lexicons=LEX).to_dict().get("events", [])
    return events, HOOK.seen


def matched(gold: list[dict], pred: list[dict]) -> int:
    return len(evaluate.pair_events(gold, pred))


def examples(
    articles: list[tuple[str, str, str, dict]], reject: bool
) -> list[tuple[str, list[str], int]]:
    """(article key, features, label) of every candidate."""
    out = []
    for key, stem, text, gold in articles:
        ge = gold.get("events", [])
        base, seen = run(text, stem)
        base_matched = matched(ge, base)
        for k, names in enumerate(seen):
            pred, _ = run(text, stem, k)
            now = matched(ge, pred)
            out.append((key, names, int(now >= base_matched if reject else now > base_matched)))
    return out


def kept_alone_examples(
    articles: list[tuple[str, str, str, dict]],
) -> list[tuple[str, list[str], int]]:
    """`--with-kept` (not-alone): the drafts a rule keeps alone (keep_alone, world.keep, …)
    as training rows too, so that the model sees what an event told alone looks like:
    positive when an event of the draft's kind and sentence is matched to the gold."""
    noted: list[Any] = []
    keep_alone = merging.keep_alone

    def noting(reader, d):  # type: ignore[no-untyped-def]
        noted.append((d, readmit.draft_features(reader, d)))
        return keep_alone(reader, d)

    merging.keep_alone = noting
    out = []
    try:
        for key, stem, text, gold in articles:
            noted.clear()
            pred, _ = run(text, stem)
            ge = gold.get("events", [])
            hits = {
                (pred[j]["kind"], pred[j].get("evidence"))
                for _, j in evaluate.pair_events(ge, pred)
            }
            for d, names in noted:
                if any(names == seen for seen in HOOK.seen):
                    continue  # dropped after all: a candidate, labelled by examples()
                out.append((key, names, int((d.event.kind, d.event.evidence) in hits)))
    finally:
        merging.keep_alone = keep_alone
    return out


def judged_examples(gate: str) -> list[tuple[str, list[str], int]]:
    """Training rows from bench/data/audit_drops_judged.tsv: the drops of `gate` judged on
    corpus articles no labelled set holds ("wrong": an event, positive; "right": not one,
    negative; "arguable" rows are left out), each found again by extracting its article
    (its k-th candidate is the k-th drop the audit hook reports at that gate)."""
    import csv
    import json

    from diplonews.extract.events import audit
    from false_events import default_corpus

    wanted: dict[str, list[tuple[str, str, int]]] = {}
    with (ROOT / "bench" / "data" / "audit_drops_judged.tsv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            if row["gate"] == gate and row["verdict"] in ("wrong", "right"):
                label = int(row["verdict"] == "wrong")
                wanted.setdefault(row["id"], []).append((row["cue"], row["sentence"], label))
    out = []
    with default_corpus().open(encoding="utf-8") as corpus:
        for line in corpus:
            head = json.loads(line)
            if head["id"] not in wanted:
                continue
            audit.SINK = []
            try:
                run(head["text"], head["id"].rsplit("/", 1)[-1])
            finally:
                found, audit.SINK = audit.SINK, None
            drops = [f for f in found if f[0] == gate]
            if len(drops) != len(HOOK.seen):
                continue  # the candidates and the drops do not line up: leave the article
            for cue, sentence, label in wanted[head["id"]]:
                for (_, _, words, marked, _), names in zip(drops, HOOK.seen, strict=True):
                    if words == cue and marked[:120] == sentence[:120]:
                        out.append((f"judged/{head['id']}", names, label))
                        break
    return out


def decision_cv(
    articles, field: str, value: str, l2: float, min_count: int, seeds: list[int]
) -> None:  # type: ignore[no-untyped-def]
    """`--gate status` / `--gate kind`: for the matched events, whether a model that decides
    `field` (gold `value` or not; the rules' own decision is one of its features) is right
    more often than the rules on held-out halves. The model overrides the rules only when
    its log-odds pass a margin either way."""
    seen: list[tuple[list[str], str, object, object]] = []
    has_actor = merging.has_actor

    def noting(reader, d, event):  # type: ignore[no-untyped-def]
        told = has_actor(reader, d, event)
        if told:
            seen.append((readmit.draft_features(reader, d), event.kind, event.evidence, event.name))
        return told

    merging.has_actor = noting
    rows = []
    for key, stem, text, gold in articles:
        seen.clear()
        pred = extract(text, stem, lexicons=LEX).to_dict().get("events", [])
        ge = gold.get("events", [])
        for i, j in evaluate.pair_events(ge, pred):
            p = pred[j]
            names = next(
                (
                    n
                    for n, kind, evidence, name in seen
                    if (kind, evidence, name) == (p["kind"], p.get("evidence"), p.get("name"))
                ),
                None,
            )
            if names is not None:
                rows.append(
                    (key, names, int(ge[i].get(field) == value), int(p.get(field) == value))
                )
    print(
        f"{field}: {len(rows)} matched events, rules right on {sum(y == r for _, _, y, r in rows)}"
    )
    keys = [a[0] for a in articles]
    for margin in (0.0, 1.0, 2.0):
        right = rules = total = 0
        for seed in seeds:
            order = keys[:]
            random.Random(seed).shuffle(order)
            first = set(order[: len(order) // 2])
            for side in (True, False):
                weights, bias = fit(
                    [(n, y) for k, n, y, _ in rows if (k in first) == side], l2, min_count
                )
                for k, n, y, r in rows:
                    if (k in first) == side:
                        continue
                    z = readmit.score(n, weights, bias)
                    decided = 1 if z > margin else 0 if z < -margin else r
                    right += decided == y
                    rules += r == y
                    total += 1
        print(f"margin {margin}: model right {right / total:.4f}, rules {rules / total:.4f}")


def listing(gate: str, model, sample: int, limit: int) -> None:  # type: ignore[no-untyped-def]
    """What the model changes on unlabelled world and politics news (audit_drops.py's
    articles): the events its run adds or loses against the rules' run, counted, and
    `sample` of them drawn at random (seed 5) with their sentences, for a reader to judge."""
    from audit_drops import SECTIONS, corpus_rows, labelled_ids
    from false_events import default_corpus

    changed = []
    articles = candidates = 0
    for row in corpus_rows(default_corpus(), SECTIONS, labelled_ids(), limit):
        articles += 1
        stem = row["id"].rsplit("/", 1)[-1]
        with_model, seen = run(row["text"], stem, -1, model)
        candidates += len(seen)
        rules, _ = run(row["text"], stem)
        told = Counter((e["kind"], e.get("evidence")) for e in rules)
        now = Counter((e["kind"], e.get("evidence")) for e in with_model)
        changed += [(row["id"], "+", k) for k in (now - told).elements()]
        changed += [(row["id"], "-", k) for k in (told - now).elements()]
    added = sum(c[1] == "+" for c in changed)
    print(
        f"{gate}: {articles} world/politics articles, {candidates} candidates; "
        f"events added {added}, lost {len(changed) - added}"
    )
    for doc, sign, (kind, evidence) in random.Random(5).sample(changed, min(sample, len(changed))):
        print(f"{sign} {doc} [{kind}]\n    {str(evidence)[:300]}")


def auc(scored: list[tuple[float, int]]) -> float:
    pos = [s for s, y in scored if y]
    neg = [s for s, y in scored if not y]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / max(1, len(pos) * len(neg))


def fit(rows: list[tuple[list[str], int]], l2: float, min_count: int, steps: int = 400):  # type: ignore[no-untyped-def]
    """Logistic regression by full-batch gradient descent (deterministic)."""
    counts = Counter(n for names, _ in rows for n in set(names))
    vocab = sorted(n for n, c in counts.items() if c >= min_count)
    index = {n: i for i, n in enumerate(vocab)}
    xs = [sorted({index[n] for n in names if n in index}) for names, _ in rows]
    ys = [y for _, y in rows]
    w = [0.0] * len(vocab)
    b = 0.0
    rate = 0.5
    m = max(len(rows), 1)
    for _ in range(steps):
        gw = [0.0] * len(vocab)
        gb = 0.0
        for x, y in zip(xs, ys, strict=True):
            z = b + sum(w[i] for i in x)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            gb += g
            for i in x:
                gw[i] += g
        b -= rate * gb / m
        for i in range(len(w)):
            w[i] -= rate * (gw[i] / m + l2 * w[i])
    return {vocab[i]: w[i] for i in range(len(w)) if abs(w[i]) > 1e-6}, b


def score_set(articles, model) -> tuple[dict[str, float], int]:  # type: ignore[no-untyped-def]
    gold, pred = [], []
    kept = 0
    for _, stem, text, g in articles:
        events, _ = run(text, stem, -1, model)
        if model is not None:
            kept += abs(len(events) - len(run(text, stem)[0]))
        gold.append(g)
        pred.append({**g, "events": events, "doc_id": stem})
        # only events are compared here; people etc. are the gold's own
    figures = evaluate.score(gold, pred).figures()
    return figures, kept


def load_articles(sets: list[str]) -> list[tuple[str, str, str, dict]]:
    return [
        (f"{name}/{path.stem}", path.stem, path.read_text(encoding="utf-8"), gold)
        for name, path, gold in odd_articles(sets)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=",".join(WHOLE + HALVED))
    parser.add_argument(
        "--gate", choices=("not-alone", "plural", "reject", "status", "kind"), required=True
    )
    parser.add_argument("--cv", action="store_true")
    parser.add_argument("--auc", action="store_true")
    parser.add_argument("--write", type=Path, default=None)
    parser.add_argument("--threshold", type=float, nargs="+", default=[0.0])
    parser.add_argument("--l2", type=float, default=0.01)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument(
        "--eval-parts",
        action="store_true",
        help="fit on every article, then print bench/eval_parts.py with the model applied",
    )
    parser.add_argument(
        "--listing",
        type=int,
        default=0,
        help="fit on every article, then print this many of the candidates the model turns "
        "on the world and politics news of the corpus (audit_drops.py's articles)",
    )
    parser.add_argument("--corpus-limit", type=int, default=3000)
    parser.add_argument("--with-kept", action="store_true", help="train on kept-alone drafts too")
    parser.add_argument("--judged", action="store_true", help="train on the judged drops too")
    parser.add_argument("--without", nargs="*", default=[], help="feature families left out")
    args = parser.parse_args()
    readmit.LEFT_OUT = tuple(f"{family}=" for family in args.without)
    articles = load_articles(args.sets.split(","))
    if args.gate in ("status", "kind"):
        value = "planned" if args.gate == "status" else "visit"
        decision_cv(articles, args.gate, value, args.l2, args.min_count, args.seeds)
        return
    install(args.gate)
    rows = examples(articles, args.gate == "reject")
    extra = judged_examples(args.gate) if args.judged else []
    if extra:
        print(f"judged drops: {len(extra)} found, {sum(r[2] for r in extra)} positive")
    if args.with_kept:
        kept_rows = kept_alone_examples(articles)
        print(f"kept alone: {len(kept_rows)}, {sum(r[2] for r in kept_rows)} positive")
        extra += kept_rows
    held = {a[0] for a in articles}
    by_key: dict[str, list[tuple[list[str], int]]] = {}
    for key, names, label in rows:
        by_key.setdefault(key, []).append((names, label))
    print(
        f"{args.gate}: {len(articles)} articles, {len(rows)} candidates, "
        f"{sum(r[2] for r in rows)} positive"
    )
    keys = [a[0] for a in articles]
    if args.auc:
        aucs, top, drawn = [], 0, 0
        for seed in args.seeds:
            order = keys[:]
            random.Random(seed).shuffle(order)
            first = set(order[: len(order) // 2])
            for side in (True, False):
                train = [(n, y) for k, n, y in rows if (k in first) == side]
                # extra rows of the held-out articles (--with-kept) stay out of training
                train += [(n, y) for k, n, y in extra if k not in held or (k in first) == side]
                test = [(n, y) for k, n, y in rows if (k in first) != side]
                weights, bias = fit(train, args.l2, args.min_count)
                scored = sorted(
                    ((readmit.score(n, weights, bias), y) for n, y in test), reverse=True
                )
                aucs.append(auc(scored))
                top += sum(y for _, y in scored[:5])
                drawn += min(5, len(scored))
        print(
            f"held-out AUC {sum(aucs) / len(aucs):.3f}, positives among the top 5 {top / drawn:.2f}"
        )
    if args.cv:
        figures = ("events_f1", "participants_f1", "parties_f1")
        for threshold in args.threshold:
            total: Counter[str] = Counter()
            kept_all = 0
            for seed in args.seeds:
                order = keys[:]
                random.Random(seed).shuffle(order)
                halves = [set(order[: len(order) // 2]), set(order[len(order) // 2 :])]
                for train, test in ((halves[0], halves[1]), (halves[1], halves[0])):
                    train_rows = [r for k in sorted(train) for r in by_key.get(k, [])]
                    train_rows += [(n, y) for k, n, y in extra if k not in test]
                    weights, bias = fit(train_rows, args.l2, args.min_count)
                    test_articles = [a for a in articles if a[0] in test]
                    base, _ = score_set(test_articles, None)
                    new, kept = score_set(test_articles, (weights, bias, threshold))
                    kept_all += kept
                    for f in figures:
                        total[f] += new[f] - base[f]
            n = 2 * len(args.seeds)
            gains = "  ".join(f"{f} {total[f] / n:+.4f}" for f in figures)
            print(
                f"threshold {threshold:+.2f}: mean gain on the held-out half {gains}; "
                f"events added {kept_all / n:.1f} per half"
            )
    if args.eval_parts:
        import eval_parts

        weights, bias = fit([(n, y) for _, n, y in rows + extra], args.l2, args.min_count)
        HOOK.model = (weights, bias, args.threshold[0])
        HOOK.seen = []
        sys.argv = ["eval_parts.py"]
        eval_parts.main()
        print(f"{len(HOOK.seen)} candidates scored")
    if args.listing:
        weights, bias = fit([(n, y) for _, n, y in rows + extra], args.l2, args.min_count)
        listing(args.gate, (weights, bias, args.threshold[0]), args.listing, args.corpus_limit)
    if args.write:
        weights, bias = fit([(n, y) for _, n, y in rows + extra], args.l2, args.min_count)
        readmit.write(args.write, weights, bias, args.threshold[0])
        print(f"wrote {args.write} ({len(weights)} weights)")
        top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:25]
        for n, w in top:
            print(f"  {w:+.3f} {n}")


if __name__ == "__main__":
    main()
