"""The drafts of the events stage: what the words around one cue say about it
(`Context`), and an event being built with what merging needs (`Draft`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from diplonews.extract.doc import Mention
from diplonews.extract.events.cues import Cue, Sentence
from diplonews.extract.record import Event


@dataclass
class Context:
    """What the words around one cue say about it, worked out once for its fields."""

    sentence: Sentence
    cue: Cue
    prev_end: int  # where the cue before it stops owning text
    subject: list[Mention]  # the sentence's subject, if it names one
    clause_start: int
    clause_end: int
    lead_start: int  # where the cue's own clause starts, after any reporting verb
    lead: str  # from there to the cue
    recent: str  # the last 200 characters of `lead`
    name: str | None
    name_parties: list[str]
    edition: int | None
    secondary: bool  # "nhân dịp dự X", "bên lề X": X is not the sentence's own event
    attend: bool  # "tham dự X": the subject takes part in X
    hosting: bool  # "đăng cai X": hosting says nothing of who takes part
    points_back: bool  # "hội nghị này", "Tại hội nghị": the event already reported


@dataclass
class Draft:
    """An event being built, with what it needs for merging."""

    event: Event
    cue: Cue
    sentence: int
    people: list[int] = field(default_factory=list)  # person indexes, order kept
    chairs: set[int] = field(default_factory=set)
    own_date: bool = False
    points_back: bool = False
    name_parties: list[str] = field(default_factory=list)
    setting: bool = False  # named as the setting of another event ("bên lề X", "nơi diễn ra X")
    counterpart: bool = False  # one of several counterparts listed after one verb
    undated: bool = False  # one of several events counted together: the text dates only the first
    leg: str | None = None  # the state of one leg of a tour ("thăm A, B và C")
    # days that a mention merged into this one gives in its own words ("… tham dự Hội nghị
    # BRICS tại Kazan từ ngày 23 đến ngày 24/10")
    own_days: set[str] = field(default_factory=set)
    sides_named: bool = False  # talks told between states or capitals (sides.py)
    # numbered by a count of rounds ("Ba vòng đàm phán …": 1, 2, 3): the number is this
    # draft's own, not a name's, so a mention it folds into does not take it
    counted_round: bool = False


def counterpart_of(
    draft: Draft, event: Event, cue: Cue, people: list[int], chairs: set[int]
) -> Draft:
    """One of the events a draft with several counterparts becomes ("hội đàm với A, B và
    C"): its own event, people and chairs, the rest of the draft as it was."""
    return replace(
        draft, event=event, cue=cue, people=people, chairs=chairs, counterpart=True, undated=False
    )
