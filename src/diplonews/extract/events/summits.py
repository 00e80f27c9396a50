"""What a meeting's place says of it, once its place is settled (see placing.py).

An ASEAN summit is held in the member state that chairs ASEAN that year; one held in a
partner's city ("các nhà lãnh đạo … có mặt tại Melbourne để dự hội nghị thượng đỉnh
ASEAN") is that partner's special or commemorative summit with ASEAN, and the partner
is one of its parties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplonews.extract.lexicons import City, Lexicons, Series

if TYPE_CHECKING:
    from diplonews.extract.events.reader import Draft, Reader

BLOC = "ASEAN"
BLOC_SUMMIT = "ASEAN Summit"
SPECIAL_ENDS = (" Special Summit", " Commemorative Summit")


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
