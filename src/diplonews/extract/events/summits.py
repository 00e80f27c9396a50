"""What a meeting's place says of it, once its place is settled (see placing.py).

An ASEAN summit is held in the member state that chairs ASEAN that year; one held in a
partner's city ("các nhà lãnh đạo … có mặt tại Melbourne để dự hội nghị thượng đỉnh
ASEAN") is that partner's special or commemorative summit with ASEAN, and the partner
is one of its parties. The host of a meeting, named as such after it ("Là nước chủ nhà
đăng cai tổ chức sự kiện này, Thủ tướng X …"), chairs it when X is an official of the
state it is held in. Those who meet on the sidelines of a gathering ("A và B đã có cuộc
gặp bên lề một hội nghị ở Geneva") were at it: they take part in it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from diplonews.extract.events import roles
from diplonews.extract.lexicons import City, Lexicons, Series
from diplonews.extract.record import Event, Participant

if TYPE_CHECKING:
    from diplonews.extract.events.drafts import Draft
    from diplonews.extract.events.reader import Reader

BLOC = "ASEAN"
BLOC_SUMMIT = "ASEAN Summit"
SPECIAL_ENDS = (" Special Summit", " Commemorative Summit")
# A sentence that names the host of an event told before it.
HOST_WORDS = ("chủ nhà", "đăng cai")
# "bên lề Hội nghị X", "bên lề một hội nghị ở Geneva": the gathering right after.
SIDELINES = re.compile(r"\bbên lề\s+(?:(?:một|các|cuộc|kỳ|phiên)\s+)?$", re.IGNORECASE)
SIDELINES_REACH = 20  # characters before the gathering's word searched for "bên lề"
HOST = re.compile(r"(?<!\w)(?:nước chủ nhà|chủ nhà|đăng cai(?: tổ chức)?)(?!\w)", re.IGNORECASE)


def _special_summits(lex: Lexicons) -> dict[str, Series]:
    """The bloc's special and commemorative summits, by partner: "AUS" → the
    ASEAN-Australia Special Summit."""
    found: dict[str, Series] = {}
    for _, payloads, _ in lex.series.automaton.values():
        for series in payloads:
            if (
                isinstance(series, Series)
                and series.name_en.endswith(SPECIAL_ENDS)
                and len(series.parties) == 2
                and BLOC in series.parties
            ):
                partner = next(p for p in series.parties if p != BLOC)
                found.setdefault(partner, series)
    return found


def city_of(lex: Lexicons, name: str | None) -> City | None:
    """The city record of an event's location (its English name)."""
    if not name:
        return None
    for start, end, payloads in lex.places.find(name):
        if start == 0 and end == len(name) and isinstance(payloads[0], City):
            return payloads[0]
    return None


def summit_abroad(reader: Reader, d: Draft) -> None:
    """An ASEAN summit held in a partner state's city is the partner's special summit."""
    event = d.event
    if event.series != BLOC_SUMMIT or event.edition is not None:
        return  # a numbered edition is the bloc's own summit, wherever the text places it
    city = city_of(reader.lex, event.location)
    bloc = reader.lex.party(BLOC)
    if city is None or not city.country or bloc is None or city.country in bloc.members:
        return
    special = reader.lex.derive("special_summits", _special_summits).get(city.country)
    if special is None:
        return
    event.series = special.name_en
    event.parties = sorted(set(event.parties) | set(special.parties))


# The gatherings of a mechanism that moves from host to host (SCHEMA series names).
GATHERING_ENDS = ("Summit", "Leaders' Meeting", "Ministers' Meeting")


def host_state(reader: Reader, d: Draft) -> None:
    """A summit or ministers' meeting held in a city has the city's state among its
    parties, as its host: "Hội nghị Cấp cao APEC tại Hà Nội" (VNM), "hội nghị thượng đỉnh
    NATO tại Istanbul" (TUR). Not when the mechanism is a fixed set of states (G8, six-party
    talks), nor when a bloc among its parties counts the host as a member (an ASEAN summit
    in Vientiane: ASEAN stands for Laos), nor at the seat of an organisation among them
    (NATO in Brussels is at home: cities.tsv seat_of)."""
    event = d.event
    if event.kind != "meeting" or not event.series or not event.series.endswith(GATHERING_ENDS):
        return
    series = d.cue.series
    lex = reader.lex
    if (
        series
        and series.name_en == event.series
        and series.parties
        and all(getattr(lex.party(c), "kind", "") == "state" for c in series.parties)
    ):
        return
    city = city_of(lex, event.location)
    if city is None or not city.country or city.country in event.parties:
        return
    if any(code in city.seat_of for code in [*event.parties, *(series.parties if series else ())]):
        return  # "Hội nghị Bộ trưởng Ngoại giao NATO tại Brussels": at its own seat
    if any(city.country in (getattr(lex.party(c), "members", None) or ()) for c in event.parties):
        return
    event.parties = sorted([*event.parties, city.country])


def gathering(reader: Reader, d: Draft) -> bool:
    """Whether a meeting is a gathering that others meet on the sidelines of: one of a
    series, or of more than two sides, or of a bloc or an organisation."""
    e = d.event
    if e.kind != "meeting":
        return False
    kinds = {getattr(reader.lex.party(code), "kind", None) for code in e.parties}
    return bool(e.series) or len(e.parties) > 2 or bool(kinds - {"state", None})


def host_chairs(reader: Reader, drafts: list[Draft]) -> None:
    """The official named as host after a meeting ("Là nước chủ nhà …, Thủ tướng X")
    chairs the latest meeting before it held in X's state."""
    body = reader.body
    if not any(word in body for word in HOST_WORDS):
        return  # most articles: no scan
    people = reader.doc.record.people
    for start, end in reader.doc.sentences:
        hosting = [m.end() for m in HOST.finditer(body, start, end)]
        before = [d for d in drafts if d.event.kind == "meeting" and d.cue.start < start]
        if not hosting or not before:
            continue
        if any(start <= d.cue.start < hosting[0] for d in drafts):
            continue  # "có cuộc gặp với thủ tướng nước chủ nhà X": the host of its own event
        target = before[-1]
        if all(roles.verb_of_another_event(reader, at, target.cue) for at in hosting):
            continue  # "ủng hộ Việt Nam đăng cai Diễn đàn …": the host of another event
        city = city_of(reader.lex, target.event.location)
        if city is None or not city.country:
            continue
        for mention in reader.mentions_in(start, end):
            if not 0 <= mention.person < len(people):
                continue
            person = people[mention.person]
            if person.country == city.country:
                title = person.lead_title or next(iter(person.titles[-1:]), None)
                _make_chair(target.event, person.name, person.country, title)
                break


def _make_chair(event: Event, name: str, country: str | None, title: str | None) -> None:
    for participant in event.participants:
        if participant.name == name:
            participant.role = "chair"
            return
    event.participants.append(Participant(name, country, title, "chair"))
    if country and country not in event.parties:
        event.parties = sorted([*event.parties, country])


def sideline_attendees(reader: Reader, kept: list[Draft]) -> None:
    """A gathering kept as an event of its own, named after talks as the place they were
    held on its sidelines ("A và B đã có cuộc gặp bên lề một hội nghị ở Geneva", "A gặp B
    bên lề Hội nghị X") and naming no one of its own, has the people of those talks among
    its participants. Their states become its parties only when it has none: a partner met
    beside a bloc's summit is no side of that summit."""
    body = reader.body
    people = reader.doc.record.people
    for d in kept:
        if d.event.kind != "meeting" or d.people or d.points_back:
            continue
        if not SIDELINES.search(body, max(0, d.cue.start - SIDELINES_REACH), d.cue.start):
            continue
        talks = [
            x
            for x in reader.drafts
            if x.sentence == d.sentence and x.event.kind == "meeting" and not x.setting
        ]
        if not talks or talks[0].cue.start > d.cue.start:
            continue  # "Bên lề Hội nghị X, A tiếp B": B need not have come for X
        d.people = list(talks[0].people)
        if not d.event.parties:
            states = (people[p].country for p in d.people if 0 <= p < len(people))
            d.event.parties = sorted({c for c in states if c})
