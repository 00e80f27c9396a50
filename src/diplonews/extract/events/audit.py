"""A debug hook on the events stage: which gate dropped which candidate.

The gates that turn a cue or a draft down (a wish, a habit, a draft that says too little
to stand alone, …) call `dropped`. Nothing is recorded unless a script (bench/
audit_drops.py) sets `SINK` to a list: then each drop is appended as (gate, kind, cue
words, sentence with the cue marked ⟦…⟧, note), so the rejections can be counted and
read on unlabelled news. Off, a drop costs one function call and one test. Merging also reports each mention it folds
into an event already told ("merged", with that event), since folding two distinct
occurrences into one loses an event as surely as a gate.
"""

from __future__ import annotations

from typing import Any

SINK: list[tuple[str, str, str, str, str]] | None = None  # set only by an audit script


def dropped(gate: str, body: str, sentence: tuple[int, int], cue: Any, note: Any = "") -> None:
    """Record that `gate` dropped the cue `cue` (a Cue, or a (start, end) pair) told in
    the sentence at `sentence` (`note`: what the gate saw, e.g. a draft's parties)."""
    if SINK is None:
        return
    start, end = (cue.start, cue.end) if hasattr(cue, "start") else cue
    kind = getattr(cue, "kind", "")
    s, e = sentence
    marked = (
        f"{body[s:start]}⟦{body[start:end]}⟧{body[end:e]}" if s <= start <= end <= e else body[s:e]
    )
    SINK.append((gate, kind, body[start:end], marked, str(note)))
