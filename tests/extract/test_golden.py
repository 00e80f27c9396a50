"""Golden-file tests: the extractor against the hand-made gold records.

A quality gate in the manner of trafilatura's `eval_gate.py`: every figure named in
`eval_baseline.json` must stay at or above its floor, measured with our own
`diplonews.extract.evaluate` (which agrees with the shared scorer, see test_evaluate.py).
"""

import json
from pathlib import Path

import pytest

from diplonews.extract import evaluate, extract

DATA = Path(__file__).parents[1] / "data"
BASELINE = json.loads(
    (Path(__file__).parents[1] / "eval_baseline.json").read_text(encoding="utf-8")
)


def predict(folder: Path) -> list[dict]:
    return [
        extract(path.read_text(encoding="utf-8"), path.stem).to_dict()
        for path in sorted(folder.glob("*.txt"))
    ]


# every labelled folder with floors in eval_baseline.json ("_comment" aside)
FOLDERS = [name for name in BASELINE if not name.startswith("_")]


@pytest.fixture(scope="module", params=FOLDERS)
def scored(request: pytest.FixtureRequest) -> tuple[str, evaluate.Report]:
    folder = DATA / request.param
    gold = evaluate.load_jsonl(folder / "gold.jsonl")
    return request.param, evaluate.score(gold, predict(folder))


def test_golden_quality_gate(scored: tuple[str, evaluate.Report]) -> None:
    name, report = scored
    figures = report.figures()
    below = {
        key: round(figures[key], 3) for key, floor in BASELINE[name].items() if figures[key] < floor
    }
    assert not below, f"{name}: below the floor of eval_baseline.json: {below}"


def test_golden_every_gold_article_has_a_record(scored: tuple[str, evaluate.Report]) -> None:
    _, report = scored
    assert report.missing == []


@pytest.mark.parametrize("doc_id", ["v22", "v23", "v24"])
def test_golden_no_event_invented_for_articles_without_one(doc_id: str) -> None:
    path = DATA / "dev" / f"{doc_id}.txt"
    record = extract(path.read_text(encoding="utf-8"), doc_id)
    assert record.events == []


def test_golden_seed_summit_record() -> None:
    """The 25th ASEAN-Korea summit: series, edition, parties and the adopted statement."""
    path = DATA / "seeds" / "004_955376071938104d.txt"
    record = extract(path.read_text(encoding="utf-8"), path.stem)
    summit = record.events[0]
    assert (summit.kind, summit.status, summit.series, summit.edition) == (
        "meeting",
        "held",
        "ASEAN-Korea Summit",
        25,
    )
    assert summit.parties == ["ASEAN", "KOR"]
    assert summit.outcomes and summit.outcomes[0].startswith("Joint Statement")
    assert {f.value for f in record.figures} >= {196_640_000_000, 11_000_000_000}


def test_golden_records_serialise_to_the_schema_shape() -> None:
    gold = evaluate.load_jsonl(DATA / "seeds" / "gold.jsonl")
    for record in predict(DATA / "seeds"):
        assert set(record) == set(gold[0])
        for event in record["events"]:
            assert set(event) == set(gold[0]["events"][0])


def test_golden_every_labelled_folder_has_floors() -> None:
    # a labelled folder without floors would never be scored by the gate
    labelled = {path.parent.name for path in DATA.glob("*/gold.jsonl")}
    assert labelled == set(FOLDERS)
