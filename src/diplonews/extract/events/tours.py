"""A trip named by the world region it goes to: "chuyến công du châu Á", "công du Nam Á".

World news announces a leader's tour by its region before (or instead of) its stops:
"Ngoại trưởng Mỹ Condoleezza Rice bắt đầu chuyến công du châu Á", "Tổng thống Bush bắt
đầu công du Nam Á hôm nay". A region is no party, so the draft has the traveller's state
only and the merging stage's not-alone gate turned it down. A named official (or an
office with its state, "Ngoại trưởng Mỹ") travelling to a world region is a visit by
shared/gold/SCHEMA.md, with the traveller's state as its one party. The region is read
from the lexicon's non-party names (countries.tsv, code "-") and must end in a
continent or compass word, so "trung tâm", "miền Trung" and other blocked words are not
regions one tours.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplonews.extract.events import sides
from diplonews.extract.spans import within

if TYPE_CHECKING:
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader

# From the visit's word to the region: "chuyến công du (tới) (một số nước) châu Âu".
TO_REGION = re.compile(
    r"\s+(?:(?:tới|đến|sang|tại|khắp|vòng quanh)\s+)?"
    r"(?:(?:các|một số|nhiều|\d+|hai|ba|bốn|năm|sáu|bảy|tám)\s+(?:nước|quốc gia)\s+)?"
)
# A world region ends in a continent, a compass point or a sea: "châu Á", "Nam Á",
# "Trung Đông", "Mỹ Latinh", "vùng Vịnh", "Thái Bình Dương".
REGION_END = re.compile(
    r"(?:Á|Âu|Phi|Mỹ|Latinh|La-tinh|Latin|Đông|Dương|Vịnh|Caribe|Caribbean|Balkan"
    r"|Ban-căng)$"
)
TOUR_WORDS = ("công du", "chuyến thăm", "chuyến đi", "thăm")


def region_after(reader: Reader, d: Draft) -> bool:
    """Whether a world region stands right after the visit's words."""
    cue = d.cue
    gap = TO_REGION.match(reader.body, cue.end, cue.own_end)
    at = gap.end() if gap else cue.end
    return any(
        s == at and REGION_END.search(reader.body[s:e])
        for s, e in within(reader.regions, at, at + 1)
    )


def is_tour(reader: Reader, d: Draft) -> bool:
    """Whether a visit's words go on to a world region ("chuyến công du châu Á")."""
    cue = d.cue
    word = (cue.trigger.vi if cue.trigger else "").lower()
    if cue.kind != "visit" or "ceremony" in cue.flags or not any(w in word for w in TOUR_WORDS):
        return False
    return region_after(reader, d)


def by_office(reader: Reader, d: Draft) -> bool:
    """A tour of a world region whose traveller is an office named with its state and no
    holder ("Bộ trưởng Quốc phòng Mỹ đã bắt đầu chuyến công du vùng Vịnh"): a state's
    official travels, as the merging stage's test of an actor asks."""
    return not d.people and is_tour(reader, d) and sides.official_state(reader, d) is not None


def keep(reader: Reader, d: Draft) -> bool:
    """A tour of a world region by a named official of one state, or by an office named
    with its state; that state becomes the party when only the office names it."""
    if not is_tour(reader, d):
        return False
    people = reader.doc.record.people
    if d.people:
        states = {people[p].country or "" for p in d.people if 0 <= p < len(people)}
        return len(states) == 1 and "" not in states and not stops_told(reader, d, states)
    state = sides.official_state(reader, d)
    if state is None:
        return False
    d.event.parties = list(dict.fromkeys([*d.event.parties, state]))
    return True


# A stop of the tour named in the text: "Tại Ấn Độ, TT Bush …", "tới Tokyo".
STOP_LEAD = re.compile(r"\b(?:[Tt]ại|[Ởở]|tới|đến|sang|thăm)\s+(?:thủ đô\s+)?$")
STOP_REACH = 2  # sentences after the tour's that may name its stops
# "Chặng dừng chân đầu tiên là Brussels", "Điểm dừng chân cuối cùng là Washington": the
# text tells the tour by its stops (movements.tour_stops), even when the one named is home.
STOP_WORDS = re.compile(r"\b(?:[Cc]hặng|[Đđ]iểm) dừng chân\b")


def stops_told(reader: Reader, d: Draft, home: set[str]) -> bool:
    """Whether the text names a state the traveller goes to, or a stop of the tour, from
    the sentence before the tour's to the second after it ("Tại Ấn Độ, TT Bush mong muốn
    …"), or tells a visit of theirs to a state: the legs are the events then (one visit per
    country), not the tour."""
    if any(
        o is not d
        and o.event.kind == "visit"
        and set(o.people) & set(d.people)
        and set(o.event.parties) - home
        for o in reader.drafts
    ):
        return True
    sentences = reader.doc.sentences
    start = sentences[max(0, d.sentence - 1)][0]
    end = sentences[min(len(sentences) - 1, d.sentence + STOP_REACH)][1]
    if STOP_WORDS.search(reader.body, start, end):
        return True
    stops = [
        (s, code)
        for s, _, code in within(reader.parties, start, end)
        if getattr(reader.lex.party(code), "kind", "") == "state"
    ]
    stops += [
        (s, str(payloads[0].country))
        for s, _, payloads in within(reader.places, start, end)
        if getattr(payloads[0], "country", None)
    ]
    return any(
        code not in home and STOP_LEAD.search(reader.body, max(0, s - 16), s) for s, code in stops
    )
