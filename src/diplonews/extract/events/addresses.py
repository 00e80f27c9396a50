"""An official addressing the UN Security Council ("phát biểu trước Hội đồng Bảo an",
"Trong một diễn văn đọc trước HĐBA LHQ hôm qua, Bộ trưởng X …", "Trước Hội đồng Bảo an
LHQ, ông X đã trình bày …"): a session of the Council the official takes part in. The
Council named alone ("đưa vấn đề Iran ra trước Hội đồng Bảo an", "ghế thường trực tại
Hội đồng Bảo an") is a referral or a seat, not a session, so only an address counts.
(The General Assembly is a series of series.tsv and is read as such.)"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplonews.extract.lexicons import Trigger

if TYPE_CHECKING:
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader

COUNCIL = r"(?:Hội đồng [Bb]ảo an|HĐBA)"
# a speech, a briefing or a hearing given before or at the Council
ADDRESS = re.compile(
    r"\b(?:[Pp]hát biểu|[Tt]rình bày|[Dd]iễn văn(?:\s+đọc)?|[Bb]áo cáo|[Đđ]iều trần)"
    r"\s+(?:trước|tại)\s+(?:phiên họp\s+(?:của\s+)?|cuộc họp\s+(?:của\s+)?)?(" + COUNCIL + ")"
)
# "Trước Hội đồng Bảo an LHQ, ông Egeland đã trình bày …": the address opens the sentence
OPENING = re.compile(
    r"[Tt]rước\s+(" + COUNCIL + r")[^,.;]{0,40},[^.;]{0,80}?\b(?:trình bày|phát biểu|báo cáo)\b"
)

ADDRESS_TRIGGER = Trigger("Hội đồng Bảo an", "meeting", "", frozenset({"verb", "inperson"}))


def may_tell(body: str) -> bool:
    return "Hội đồng Bảo an" in body or "Hội đồng bảo an" in body or "HĐBA" in body


def addresses(reader: Reader) -> list[tuple[int, int, list[Trigger]]]:
    """A cue over the Council's name where an official addresses it."""
    body = reader.body
    if not may_tell(body):
        return []
    found = [(m.start(1), m.end(1), [ADDRESS_TRIGGER]) for m in ADDRESS.finditer(body)]
    for start, _ in reader.doc.sentences:
        m = OPENING.match(body, start)
        if m:
            found.append((m.start(1), m.end(1), [ADDRESS_TRIGGER]))
    return found


def add_council(d: Draft) -> None:
    """The Council is the other side of an address by a named speaker: the UN takes part
    as such. (With nobody named, the address stands or falls on its own words.)"""
    if d.cue.trigger is ADDRESS_TRIGGER and d.people and "UN" not in d.event.parties:
        d.event.parties = [*d.event.parties, "UN"]


def keep(d: Draft) -> bool:
    """An address with its speaker named is an event on its own."""
    return d.cue.trigger is ADDRESS_TRIGGER and bool(d.people)
