"""What a meeting's place says of it, once its place is settled (see placing.py).

An ASEAN summit is held in the member state that chairs ASEAN that year; one held in a
partner's city ("các nhà lãnh đạo … có mặt tại Melbourne để dự hội nghị thượng đỉnh
ASEAN") is that partner's special or commemorative summit with ASEAN, and the partner
is one of its parties. The host of a meeting, named as such after it ("Là nước chủ nhà
đăng cai tổ chức sự kiện này, Thủ tướng X …"), chairs it when X is an official of the
state it is held in.
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
