"""Field-by-field evaluation of article records against a gold set.

This module owns the figures `diplonews eval GOLD PRED` reports. They agree, figure for
figure, with the reference scorer `../shared/eval/score.py`, so a score measured on a
user's own gold set means what the project's published scores mean.

Records are compared as plain dicts, not `models.Article`: a prediction with a malformed
field has to lose points on that field, not fail to load.

How records are compared (see also SCHEMA.md, "How the scorer compares"):
- sets (events, parties, participants, credits, people, figures) get micro-averaged
  precision, recall and F1 over the whole corpus;
- accuracies are over every gold item: a gold event with no predicted counterpart counts
  wrong in each event field, a gold participant in `role`, a gold person in
  `person_country`; predictions for doc_ids absent from the gold are ignored;
- events are first paired by affinity (date, participants, parties, series), so an event
  with one wrong field is one field error, not a missed event plus an extra one.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplonews.errors import DiplonewsError

Record = dict[str, Any]

SET_FIELDS = ("events", "events_strict", "parties", "participants", "credits", "people", "figures")
ACCURACY_FIELDS = (
    "published", "title", "body_end", "kind", "status", "series", "edition", "date",
    "format", "location", "role", "person_country",
)  # fmt: skip
# The event fields a missed gold event gets wrong, one error each.
EVENT_FIELDS = ("kind", "status", "edition", "date", "format", "series", "location")
# The figures of the one-line summary, in the reference scorer's order.
HEADLINE_FIGURES = (
    "events_f1", "events_strict_f1", "participants_f1", "parties_f1",
    "date_acc", "published_acc", "body_end_acc", "people_f1",
)  # fmt: skip

# Similarity above which a title / last sentence counts as right: a dropped quote mark
# is not an extraction error, a different sentence is.
TITLE_RATIO = 0.95
BODY_END_RATIO = 0.9
# Relative tolerance on figure values: 196.64 billion written as 196640000000.0001 is right.
FIGURE_TOLERANCE = 1e-6

_SEPARATORS = re.compile(r"[-‐‑–—_.·']")
_SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------- text keys


def fold(text: object) -> str:
    """Case-, hyphen- and dot-blind form, so "Yeo Seung-bae" meets "yeo seung bae"."""
    lowered = unicodedata.normalize("NFC", str(text or "")).lower()
    return _SPACES.sub(" ", _SEPARATORS.sub(" ", lowered)).strip()


def name_key(text: object) -> str:
    """`fold` without Vietnamese diacritics (đ → d): two names are one person iff keys agree.

    Articles print the same name with and without marks ("Nguyễn"/"Nguyen"). Since the key
    is computed from `fold`, equal folds give equal keys, so comparing keys is exactly
    "same with or without diacritics", and it is an equivalence: matching by key is safe.
    """
    decomposed = unicodedata.normalize("NFD", fold(text)).replace("đ", "d")
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def same_name(a: object, b: object) -> bool:
    """Whether two printed names denote the same person (case/hyphen/diacritic-blind)."""
    return name_key(a) == name_key(b)


def close_text(gold: object, pred: object, ratio: float) -> bool:
    """Whether a predicted sentence is the gold one up to small copying differences."""
    g, p = fold(gold).rstrip(" ./"), fold(pred).rstrip(" ./")
    if not g or not p:
        return g == p
    # Argument order and autojunk as in the reference: SequenceMatcher is not symmetric.
    return g == p or difflib.SequenceMatcher(None, g, p).ratio() >= ratio


def codes(values: Iterable[object] | None) -> set[str]:
    """Country/bloc codes as a set: case and stray blanks are not errors."""
    return {str(v).strip().upper() for v in values or [] if str(v).strip()}


# ---------------------------------------------------------------- counters


@dataclass
class PRF:
    """Micro-averaged precision / recall / F1: counts add up over the whole corpus."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def add_keys(self, gold: Iterable[Any], pred: Iterable[Any]) -> None:
        """Count two multisets of comparison keys: each key matches at most once."""
        gold_keys, pred_keys = Counter(gold), Counter(pred)
        hits = sum((gold_keys & pred_keys).values())
        self.add(hits, pred_keys.total() - hits, gold_keys.total() - hits)

    def add_greedy(
        self, gold: Sequence[Any], pred: Sequence[Any], same: Callable[[Any, Any], bool]
    ) -> None:
        """Count items under a match that is not an equivalence (a tolerance).

        Each gold item, in order, takes the first unused predicted item it matches; the
        reference scorer pairs this way, and with a tolerance the order can matter.
        """
        unused = list(pred)
        hits = 0
        for item in gold:
            index = next((i for i, other in enumerate(unused) if same(item, other)), None)
            if index is not None:
                del unused[index]
                hits += 1
        self.add(hits, len(unused), len(gold) - hits)

    @property
    def p(self) -> float:
        """Precision; 1.0 when nothing was predicted (nothing predicted wrongly)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self) -> float:
        """Recall; 1.0 when the gold has nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class Acc:
    """Share of gold items whose field was predicted right."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += bool(ok)
        self.total += 1

    @property
    def value(self) -> float:
        """Accuracy; 1.0 when the gold has no such item."""
        return self.right / self.total if self.total else 1.0


@dataclass
class Report:
    """Everything `score` measured: corpus figures plus a per-document breakdown.

    `per_doc[doc_id]` holds `missing` (no prediction for the doc) and the events
    `matched` (gold/pred pairs, with `strict` when every strict field agrees), `missed`
    (gold only) and `extra` (predicted only), each event given by its name and date.
    """

    sets: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in SET_FIELDS})
    accuracies: dict[str, Acc] = field(default_factory=lambda: {k: Acc() for k in ACCURACY_FIELDS})
    missing: list[str] = field(default_factory=list)
    per_doc: dict[str, dict[str, Any]] = field(default_factory=dict)

    def figures(self) -> dict[str, float]:
        """Flat figures keyed as in the reference scorer (`events_f1`, `date_acc`, …)."""
        flat: dict[str, float] = {}
        for name, prf in self.sets.items():
            flat[f"{name}_p"], flat[f"{name}_r"], flat[f"{name}_f1"] = prf.p, prf.r, prf.f1
        for name, acc in self.accuracies.items():
            flat[f"{name}_acc"] = acc.value
        return flat

    def headline(self) -> str:
        """The reference scorer's last line, so logs and gates can grep either tool."""
        flat = self.figures()
        return "SCORE " + " ".join(f"{k}={flat[k]:.3f}" for k in HEADLINE_FIGURES)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: figures, raw counts, missing docs and the per-doc breakdown."""
        return {
            "figures": self.figures(),
            "sets": {k: {"tp": v.tp, "fp": v.fp, "fn": v.fn} for k, v in self.sets.items()},
            "accuracies": {
                k: {"right": v.right, "total": v.total} for k, v in self.accuracies.items()
            },
            "missing": list(self.missing),
            "per_doc": self.per_doc,
        }


# ---------------------------------------------------------------- loading


def load_jsonl(path: str | Path) -> list[Record]:
    """Read one record per line; blank lines are skipped, anything else must be an object."""
    records: list[Record] = []
    try:
        with open(path, encoding="utf-8-sig") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DiplonewsError(f"{path}:{number}: invalid JSON ({exc.msg})") from exc
                if not isinstance(record, dict):
                    raise DiplonewsError(f"{path}:{number}: expected a JSON object per line")
                records.append(record)
    except OSError as exc:
        raise DiplonewsError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise DiplonewsError(f"{path}: not UTF-8 ({exc.reason})") from exc
    return records


# ---------------------------------------------------------------- events


def participant_names(event: Record) -> list[Any]:
    return [p.get("name", "") for p in event.get("participants") or []]


def affinity(gold: Record, pred: Record) -> float:
    """How alike two events are; 0 means they cannot be the same occurrence.

    Two events may pair only if they share a date (or month), a participant, a series,
    or, both undated, a party and a kind; and undated-or-differently-dated events must
    share a party. The weights favour the date and the people, which identify an
    occurrence best. Terms are summed in the reference's order so ties come out equal.
    """
    gold_names, pred_names = participant_names(gold), participant_names(pred)
    pred_keys = {name_key(n) for n in pred_names}
    shared = sum(name_key(n) in pred_keys for n in gold_names)
    distinct = {fold(n) for n in gold_names} | {fold(n) for n in pred_names}
    name_overlap = shared / max(len(distinct), 1)

    gold_parties, pred_parties = codes(gold.get("parties")), codes(pred.get("parties"))
    party_overlap = len(gold_parties & pred_parties) / max(len(gold_parties | pred_parties), 1)

    gold_date, pred_date = gold.get("date"), pred.get("date")
    same_date = bool(gold_date) and gold_date == pred_date
    same_month = bool(gold_date and pred_date) and str(gold_date)[:7] == str(pred_date)[:7]
    same_series = bool(gold.get("series")) and fold(gold.get("series")) == fold(pred.get("series"))
    same_kind = gold.get("kind") == pred.get("kind")
    same_status = gold.get("status") == pred.get("status")
    undated_alike = not gold_date and not pred_date and party_overlap > 0 and same_kind

    if not (same_date or same_month or shared or same_series or undated_alike):
        return 0.0
    if not (same_date or same_month) and party_overlap == 0:
        return 0.0
    return (
        3 * same_date + 1 * same_month + 3 * name_overlap + 2 * party_overlap
        + 1 * same_series + 0.5 * same_kind + 0.5 * same_status
    )  # fmt: skip


def pair_events(gold: Sequence[Record], pred: Sequence[Record]) -> list[tuple[int, int]]:
    """Pair gold and predicted events (by index), most alike first, each used once.

    Equal affinities go to the later gold event, then the later predicted one: the
    reference's tie order, which decides pairs among same-day events with no names.
    """
    candidates = sorted(
        ((affinity(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for strength, i, j in candidates:
        if strength <= 0:
            break
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        pairs.append((i, j))
    return pairs


def strict_match(gold: Record, pred: Record) -> bool:
    """Whether a pair agrees on everything that says which event it is and who took part."""
    return (
        gold.get("kind") == pred.get("kind")
        and gold.get("status") == pred.get("status")
        and gold.get("date") == pred.get("date")
        and codes(gold.get("parties")) == codes(pred.get("parties"))
        and sorted(map(name_key, participant_names(gold)))
        == sorted(map(name_key, participant_names(pred)))
    )


def _brief(event: Record) -> dict[str, Any]:
    return {"name": event.get("name"), "date": event.get("date")}


def _first_named(items: Iterable[Record], name: object) -> Record | None:
    """The first person or participant with this name: the one the gold entry is judged by."""
    key = name_key(name)
    return next((item for item in items if name_key(item.get("name")) == key), None)


def _score_events(report: Report, gold: list[Record], pred: list[Record]) -> dict[str, Any]:
    sets, acc = report.sets, report.accuracies
    pairs = pair_events(gold, pred)
    strict = [strict_match(gold[i], pred[j]) for i, j in pairs]
    sets["events"].add(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    hits = sum(strict)
    sets["events_strict"].add(hits, len(pred) - hits, len(gold) - hits)

    for i, j in pairs:
        g, p = gold[i], pred[j]
        for key in ("kind", "status", "edition", "date", "format"):
            acc[key].add(g.get(key) == p.get(key))
        acc["series"].add(fold(g.get("series")) == fold(p.get("series")))
        acc["location"].add(name_key(g.get("location")) == name_key(p.get("location")))
        sets["parties"].add_keys(codes(g.get("parties")), codes(p.get("parties")))
        sets["participants"].add_keys(
            map(name_key, participant_names(g)), map(name_key, participant_names(p))
        )
        for person in g.get("participants") or []:
            match = _first_named(p.get("participants") or [], person.get("name"))
            acc["role"].add(match is not None and person.get("role") == match.get("role"))

    # Unpaired events still count: their fields are missed (gold) or extra (predicted).
    missed = sorted(set(range(len(gold))) - {i for i, _ in pairs})
    extra = sorted(set(range(len(pred))) - {j for _, j in pairs})
    for i in missed:
        for key in EVENT_FIELDS:
            acc[key].add(False)
        sets["parties"].add(0, 0, len(codes(gold[i].get("parties"))))
        people = participant_names(gold[i])
        sets["participants"].add(0, 0, len(people))
        for _ in people:
            acc["role"].add(False)
    for j in extra:
        sets["parties"].add(0, len(codes(pred[j].get("parties"))), 0)
        sets["participants"].add(0, len(participant_names(pred[j])), 0)

    return {
        "matched": [
            {"gold": _brief(gold[i]), "pred": _brief(pred[j]), "strict": ok}
            for (i, j), ok in sorted(zip(pairs, strict, strict=True))
        ],
        "missed": [_brief(gold[i]) for i in missed],
        "extra": [_brief(pred[j]) for j in extra],
    }


# ---------------------------------------------------------------- records


def _figure_keys(
    doc_id: object, figures: Iterable[Record], *, gold: bool
) -> list[tuple[float, str]]:
    """(value, unit) pairs; a predicted figure without a numeric value is simply dropped."""
    keys = []
    for figure in figures:
        value: Any = figure.get("value")
        if not gold and not isinstance(value, (int, float)):
            continue
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError) as exc:
            if not gold:
                continue
            raise DiplonewsError(f"gold {doc_id}: figure value {value!r} is not a number") from exc
        keys.append((number, fold(figure.get("unit"))))
    return keys


def _same_figure(gold: tuple[float, str], pred: tuple[float, str]) -> bool:
    return gold[1] == pred[1] and abs(gold[0] - pred[0]) <= FIGURE_TOLERANCE * max(abs(gold[0]), 1)


def _score_record(report: Report, gold: Record, pred: Record) -> dict[str, Any]:
    sets, acc = report.sets, report.accuracies
    acc["published"].add((gold.get("published") or None) == (pred.get("published") or None))
    acc["title"].add(close_text(gold.get("title"), pred.get("title"), TITLE_RATIO))
    acc["body_end"].add(close_text(gold.get("body_end"), pred.get("body_end"), BODY_END_RATIO))
    sets["credits"].add_keys(
        map(fold, gold.get("credits") or []), map(fold, pred.get("credits") or [])
    )

    gold_people, pred_people = gold.get("people") or [], pred.get("people") or []
    sets["people"].add_keys(
        (name_key(x.get("name")) for x in gold_people),
        (name_key(x.get("name")) for x in pred_people),
    )
    for person in gold_people:
        match = _first_named(pred_people, person.get("name"))
        acc["person_country"].add(
            match is not None and codes([person.get("country")]) == codes([match.get("country")])
        )

    doc_id = gold.get("doc_id")
    sets["figures"].add_greedy(
        _figure_keys(doc_id, gold.get("figures") or [], gold=True),
        _figure_keys(doc_id, pred.get("figures") or [], gold=False),
        _same_figure,
    )
    return _score_events(report, gold.get("events") or [], pred.get("events") or [])


def score(gold: list[Record], pred: list[Record]) -> Report:
    """Compare predicted records with gold ones, document by document (joined on doc_id).

    A gold doc with no prediction is scored against an empty record and listed in
    `missing`; when a doc_id is predicted twice, the last record counts.
    """
    predicted = {record.get("doc_id"): record for record in pred}
    report = Report()
    for number, gold_record in enumerate(gold, 1):
        doc_id = gold_record.get("doc_id")
        if doc_id is None:
            raise DiplonewsError(f"gold record {number} has no doc_id")
        pred_record = predicted.get(doc_id)
        if pred_record is None:
            report.missing.append(doc_id)
        breakdown = _score_record(report, gold_record, {} if pred_record is None else pred_record)
        report.per_doc[doc_id] = {"missing": pred_record is None, **breakdown}
    return report
