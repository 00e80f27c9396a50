"""Tests of diplonews.extract.evaluate: behaviour on small cases, agreement with the reference scorer."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplonews.errors import DiplonewsError
from diplonews.extract.evaluate import ACCURACY_FIELDS, EVENT_FIELDS, SET_FIELDS, load_jsonl, score

DATA = Path(__file__).parents[1] / "data"
GOLD_FILES = (DATA / "seeds" / "gold.jsonl", DATA / "dev" / "gold.jsonl")
# The reference scorer lives in shared/, beside the repository (here and in CI).
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"
needs_reference = pytest.mark.skipif(
    not REFERENCE.is_file(), reason=f"reference scorer not found at {REFERENCE}"
)


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return [record for path in GOLD_FILES for record in load_jsonl(path)]


def _event(**fields: Any) -> dict[str, Any]:
    event = {
        "kind": "meeting", "status": "held", "name": "Hội đàm", "series": None, "edition": None,
        "date": "2024-05-02", "format": "in_person", "location": "Hanoi",
        "parties": ["KOR", "VNM"], "participants": [], "outcomes": [], "evidence": "",
    }  # fmt: skip
    event.update(fields)
    return event


def _person(name: str, country: str, role: str = "participant") -> dict[str, Any]:
    return {"name": name, "country": country, "title": "Minister", "role": role}


def _record(doc_id: str = "d1", **fields: Any) -> dict[str, Any]:
    record = {
        "doc_id": doc_id, "title": "Tiêu đề", "published": "2024-05", "credits": ["VNA"],
        "body_end": "Câu cuối.", "events": [], "people": [], "figures": [],
    }  # fmt: skip
    record.update(fields)
    return record


# ---------------------------------------------------------------- behaviour


def test_evaluate_perfect_prediction_scores_one(gold):
    report = score(gold, copy.deepcopy(gold))
    assert report.figures() == {key: 1.0 for key in report.figures()}
    assert set(report.sets) == set(SET_FIELDS)
    assert set(report.accuracies) == set(ACCURACY_FIELDS)
    assert report.missing == []
    assert all(not doc["missed"] and not doc["extra"] for doc in report.per_doc.values())
    assert report.headline().startswith("SCORE events_f1=1.000 events_strict_f1=1.000")


def test_evaluate_missing_doc_is_listed_and_scored_empty(gold):
    dropped = next(r for r in gold if r["events"] and r["people"])
    report = score(gold, [r for r in gold if r is not dropped])
    assert report.missing == [dropped["doc_id"]]
    assert report.per_doc[dropped["doc_id"]]["missing"] is True
    assert len(report.per_doc[dropped["doc_id"]]["missed"]) == len(dropped["events"])
    events, people = report.sets["events"], report.sets["people"]
    assert (events.p, people.p) == (1.0, 1.0)
    assert events.fn == len(dropped["events"]) and events.r < 1.0
    assert people.fn == len(dropped["people"])
    assert report.accuracies["body_end"].right == len(gold) - 1


def test_evaluate_predictions_for_unknown_docs_are_ignored():
    gold = [_record("d1")]
    report = score(gold, [_record("d1"), _record("elsewhere", events=[_event()])])
    assert report.figures()["events_p"] == 1.0 and report.missing == []


def test_evaluate_extra_event_lowers_precision_only():
    people = [_person("Park Jin", "KOR"), _person("Bùi Thanh Sơn", "VNM")]
    gold = [_record(events=[_event(participants=people)])]
    extra = _event(kind="call", date="2023-01-09", parties=["USA", "VNM"], name="Điện đàm",
                   participants=[_person("Antony Blinken", "USA")])  # fmt: skip
    report = score(gold, [_record(events=[_event(participants=people), extra])])
    events = report.sets["events"]
    assert (events.tp, events.fp, events.fn) == (1, 1, 0)
    assert events.p == 0.5 and events.r == 1.0
    assert report.sets["participants"].r == 1.0 and report.sets["participants"].p < 1.0
    assert all(acc.value == 1.0 for acc in report.accuracies.values())
    assert report.per_doc["d1"]["extra"] == [{"name": "Điện đàm", "date": "2023-01-09"}]


def test_evaluate_missed_event_counts_wrong_in_every_event_field():
    kept = _event(participants=[_person("Park Jin", "KOR", "chair")])
    lost = _event(date="2024-09", status="planned", name="Hội nghị Cấp cao",
                  participants=[_person("Yoon Suk-yeol", "KOR"), _person("Võ Văn Thưởng", "VNM")])  # fmt: skip
    report = score([_record(events=[kept, lost])], [_record(events=[kept])])
    for key in EVENT_FIELDS:
        acc = report.accuracies[key]
        assert (acc.right, acc.total) == (1, 2), key
    role = report.accuracies["role"]
    assert (role.right, role.total) == (1, 3)
    participants = report.sets["participants"]
    assert (participants.tp, participants.fp, participants.fn) == (1, 0, 2)
    assert report.per_doc["d1"]["missed"] == [{"name": "Hội nghị Cấp cao", "date": "2024-09"}]


def test_evaluate_names_match_without_diacritics_case_or_hyphens():
    gold_people = [_person("Nguyễn Phú Trọng", "VNM", "chair"), _person("Yeo Seung-bae", "KOR")]
    pred_people = [_person("NGUYEN PHU TRONG", "VNM", "chair"), _person("yeo seung bae", "kor")]
    gold = [_record(events=[_event(participants=gold_people)], people=gold_people)]
    pred = [_record(events=[_event(participants=pred_people)], people=pred_people)]
    report = score(gold, pred)
    for key in ("participants", "people", "events_strict"):
        assert report.sets[key].f1 == 1.0, key
    assert report.accuracies["role"].value == 1.0
    assert report.accuracies["person_country"].value == 1.0


def test_evaluate_d_with_stroke_matches_plain_d():
    gold = [_record(people=[_person("Đặng Hoàng Giang", "VNM")])]
    pred = [_record(people=[_person("Dang Hoang Giang", "VNM")])]
    assert score(gold, pred).sets["people"].f1 == 1.0


def test_evaluate_figures_compare_value_and_unit_with_tolerance():
    trade = {"what": "trade", "value": 196640000000, "unit": "USD", "year": 2023}
    gold = [_record(figures=[trade])]

    def figures_f1(value: Any, unit: str) -> tuple[int, int, int]:
        prf = score(gold, [_record(figures=[{**trade, "value": value, "unit": unit}])])
        return prf.sets["figures"].tp, prf.sets["figures"].fp, prf.sets["figures"].fn

    assert figures_f1(196640000000.5, "usd") == (1, 0, 0)  # within 1e-6 relative
    assert figures_f1(196700000000, "USD") == (0, 1, 1)
    assert figures_f1(196640000000, "VND") == (0, 1, 1)
    assert figures_f1("196640000000", "USD") == (0, 0, 1)  # not a number: dropped


def test_evaluate_dates_need_exact_match_to_be_right():
    gold = [_record(events=[_event(date="2024-05-02")])]
    report = score(gold, [_record(events=[_event(date="2024-05-03")])])
    assert report.sets["events"].f1 == 1.0  # same month: still the same event
    assert report.accuracies["date"].value == 0.0
    assert report.sets["events_strict"].f1 == 0.0


def test_evaluate_load_jsonl_names_file_and_line(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"doc_id": "a"}\n\n{"doc_id": \n', encoding="utf-8")
    with pytest.raises(DiplonewsError, match=r"pred\.jsonl:3: invalid JSON"):
        load_jsonl(path)
    path.write_text('{"doc_id": "a"}\n\n[1]\n', encoding="utf-8")
    with pytest.raises(DiplonewsError, match=r"pred\.jsonl:3: expected a JSON object"):
        load_jsonl(path)
    with pytest.raises(DiplonewsError, match="cannot read"):
        load_jsonl(tmp_path / "absent.jsonl")


def test_evaluate_load_jsonl_skips_blank_lines(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text('\n{"doc_id": "a"}\n  \n{"doc_id": "b"}\n', encoding="utf-8")
    assert [r["doc_id"] for r in load_jsonl(path)] == ["a", "b"]


# ---------------------------------------------------------------- agreement with score.py


def _unmark(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def _events(records: list[dict[str, Any]]):
    return [(r, e) for r in records for e in r.get("events") or []]


def _drop_events(records):
    for record in records:
        record["events"] = record["events"][1:]
    return records


def _shift_dates(records):
    for _, event in _events(records):
        if event["date"] and len(event["date"]) == 10:
            event["date"] = event["date"][:8] + f"{int(event['date'][8:]) % 28 + 1:02d}"
        elif event["date"]:
            event["date"] = None
    return records


def _rename_participants(records):
    for index, (_, event) in enumerate(_events(records)):
        for person in event["participants"]:
            person["name"] = _unmark(person["name"]).upper() if index % 2 else "Kim Someone"
    return records


def _extra_people(records):
    for record in records:
        record["people"].append({"name": "Lê Văn Mới", "country": "VNM", "titles": []})
        for person in record["people"][:1]:
            person["country"] = "USA"
    return records


def _reorder_and_duplicate(records):
    for record in records:
        record["events"].reverse()
        if record["events"]:
            twin = copy.deepcopy(record["events"][0])
            twin["participants"] = []
            record["events"].append(twin)
    return records


def _sloppy_text(records):
    for record in records:
        record["title"] = (record["title"] or "")[:-3] or None
        record["body_end"] = (record["body_end"] or "").rstrip(".") + " /"
        record["credits"] = [c.lower() for c in record["credits"]] + ["AFP"]
        record["published"] = None
    return records


def _empty(records):
    return [{"doc_id": r["doc_id"]} for r in records[::2]]


PERTURBATIONS = [
    lambda records: records,
    _drop_events,
    _shift_dates,
    _rename_participants,
    _extra_people,
    _reorder_and_duplicate,
    _sloppy_text,
    _empty,
]


def _clip(text: str | None, rng: random.Random) -> str:
    """A prefix of the text: near the similarity thresholds of title and body_end."""
    text = text or ""
    return text[: round(len(text) * rng.uniform(0.7, 1.0))]


def _perturb(records: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """A plausible bad extraction: every kind of error the scorer distinguishes, at random."""
    out = []
    for record in copy.deepcopy(records):
        if rng.random() < 0.1:
            continue
        events = []
        for event in record["events"]:
            if rng.random() < 0.15:
                continue
            if rng.random() < 0.2:
                event["date"] = rng.choice(
                    [None, "2021-06", "2020-10-19", (event["date"] or "")[:7]]
                )
            if rng.random() < 0.15:
                event["kind"] = rng.choice(["meeting", "visit", "call"])
            if rng.random() < 0.1:
                event["status"] = "planned" if event["status"] == "held" else "held"
            if rng.random() < 0.1:
                event["series"] = rng.choice([None, (event["series"] or "x").upper()])
            if rng.random() < 0.1:
                event["edition"] = (event["edition"] or 0) + 1
            if rng.random() < 0.1:
                event["format"] = rng.choice([None, "online", "in_person"])
            if rng.random() < 0.1:
                event["location"] = rng.choice([None, "Hà Nội", "seoul", "Busan"])
            if rng.random() < 0.2:
                event["parties"] = rng.sample(["KOR", "vnm", "ASEAN", "USA", " CHN "], 2)
            for person in event["participants"]:
                if rng.random() < 0.2:
                    person["name"] = rng.choice([_unmark(person["name"]), "Ai Đó", ""])
                if rng.random() < 0.15:
                    person["role"] = "chair" if person["role"] == "participant" else "participant"
            if rng.random() < 0.15:
                event["participants"].append(_person("Kim Jong-un", "PRK"))
            events.append(event)
            if rng.random() < 0.1:
                events.append(copy.deepcopy(event) | {"date": rng.choice([None, "2019-01-01"])})
        rng.shuffle(events)
        record["events"] = events
        people = [p for p in record["people"] if rng.random() > 0.15]
        for person in people:
            if rng.random() < 0.15:
                person["name"] = _unmark(person["name"]).lower()
            if rng.random() < 0.15:
                person["country"] = rng.choice([None, "usa", "KOR"])
        if rng.random() < 0.2:
            people.append({"name": "Trần Văn Khác", "country": "VNM", "titles": []})
        record["people"] = people
        for figure in record["figures"]:
            figure["value"] = rng.choice(
                [figure["value"], figure["value"] * (1 + 1e-7), figure["value"] + 1e3, "12", None]
            )
            if rng.random() < 0.2:
                figure["unit"] = rng.choice(["usd", "VND", "people"])
        if rng.random() < 0.5:
            record["title"] = rng.choice([None, "Tin khác", _clip(record["title"], rng)])
        if rng.random() < 0.5:
            record["body_end"] = rng.choice([None, _clip(record["body_end"], rng)])
        if rng.random() < 0.2:
            record["published"] = rng.choice([None, "2021", "2025-10-29"])
        if rng.random() < 0.2:
            record["credits"] = rng.sample(["VNA", "vietnam+", "Yonhap", "AFP"], 2)
        out.append(record)
    rng.shuffle(out)
    return out


def _check_against_reference(gold_path: Path, pred: list[dict[str, Any]], folder: Path) -> None:
    pred_path = folder / "pred.jsonl"
    pred_path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pred), encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, str(REFERENCE), str(gold_path), str(pred_path), "--json"],
        capture_output=True, text=True, check=True, encoding="utf-8",
    )  # fmt: skip
    theirs, end = json.JSONDecoder().raw_decode(run.stdout)
    report = score(load_jsonl(gold_path), load_jsonl(pred_path))
    mine = report.figures()
    assert set(mine) == set(theirs)
    disagree = {k: (round(mine[k], 4), theirs[k]) for k in mine if round(mine[k], 4) != theirs[k]}
    assert not disagree
    assert report.headline() == run.stdout[end:].strip().splitlines()[-1]


@pytest.fixture(scope="module")
def gold_path(gold, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold), "utf-8")
    return path


@needs_reference
@pytest.mark.parametrize("perturb", PERTURBATIONS, ids=lambda f: getattr(f, "__name__", "same"))
def test_evaluate_agrees_with_reference_on_hand_perturbations(gold, gold_path, tmp_path, perturb):
    _check_against_reference(gold_path, perturb(copy.deepcopy(gold)), tmp_path)


@needs_reference
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rng=st.randoms(use_true_random=False))
def test_evaluate_agrees_with_reference_on_random_perturbations(gold, gold_path, rng):
    with tempfile.TemporaryDirectory() as folder:
        _check_against_reference(gold_path, _perturb(gold, rng), Path(folder))
