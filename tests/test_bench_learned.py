"""The learned gates tried on the events stage (bench/learned_features.py,
bench/train_events.py): features named the same on every run, a deterministic fit, and a
weights file that is checked with a clear error when malformed."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from diplonews.errors import LexiconError
from diplonews.extract import extract
from diplonews.extract.events import context_sides

BENCH = Path(__file__).resolve().parent.parent / "bench"
DEV = Path(__file__).resolve().parent / "data" / "dev"


@pytest.fixture
def learned(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))
    monkeypatch.delitem(sys.modules, "learned_features", raising=False)
    import learned_features as module

    return module


def test_weights_file_read_back(learned: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "weights.tsv"
    learned.write(path, {"cue=hội đàm": 1.25, "plural=True": -0.5}, -2.0, 0.5)
    weights, bias, threshold = learned.parse(path.read_text(encoding="utf-8"), str(path))
    assert weights == {"cue=hội đàm": 1.25, "plural=True": -0.5}
    assert (bias, threshold) == (-2.0, 0.5)
    assert learned.score(["cue=hội đàm", "unknown=1"], weights, bias) == pytest.approx(-0.75)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("#bias\t0\n#threshold\t0\ncue=gặp\t1\t2\n", "expected 'feature<TAB>weight'"),
        ("#bias\t0\n#threshold\t0\ncue=gặp\tmany\n", "is not a number"),
        ("#bias\t0\n#threshold\t0\ncue=gặp\tnan\n", "is not finite"),
        ("#bias\t0\n#threshold\t0\ncue=gặp\t1\ncue=gặp\t2\n", "given twice"),
        ("#bias\t0\ncue=gặp\t1\n", "needs a #bias row and a #threshold row"),
    ],
)
def test_malformed_weights_file(learned: ModuleType, text: str, says: str) -> None:
    with pytest.raises(LexiconError, match=says):
        learned.parse(text, "weights.tsv")


def test_fit_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))
    for name in ("learned_features", "measure_events", "train_events"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    import train_events

    rows = [(["a", "b"], 1), (["a"], 0), (["b", "c"], 1), (["c"], 0), (["a", "c"], 0)]
    first = train_events.fit(rows, 0.01, 1, steps=50)
    assert first == train_events.fit(rows, 0.01, 1, steps=50)
    weights, _ = first
    assert weights["b"] > 0 > weights["c"]


def test_draft_features_of_a_dropped_draft(
    learned: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An invented visit of envoys no one is said to send ("chuyến thăm của đoàn đặc phái
    viên" with no leader nor state after it; v02's is kept, envoys of a named leader being
    his state's visitors) is dropped by the not-alone gate: its features are read off the
    stage and come out the same on a second run."""
    seen: list[list[str]] = []
    keep = context_sides.keep

    def noting(reader, d, kept):  # type: ignore[no-untyped-def]
        told = keep(reader, d, kept)
        if not told:
            seen.append(learned.draft_features(reader, d))
        return told

    monkeypatch.setattr(context_sides, "keep", noting)
    text = (
        "Ngoại trưởng Hàn Quốc Cho Hyun cho biết chuyến thăm của đoàn đặc phái viên đã thành "
        "công tốt đẹp."
    )
    extract(text, "t", published="2025-08-04")
    first = list(seen)
    seen.clear()
    extract(text, "t", published="2025-08-04")
    assert first and first == seen
    visit = next(names for names in first if "kind=visit" in names)
    assert "cue=chuyến thăm" in visit
    assert any(name.startswith("parties=") for name in visit)
