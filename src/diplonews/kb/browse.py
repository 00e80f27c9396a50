"""Records found the way users name things: parties ("KOR", "Korea", "Hàn Quốc",
"han quoc") and series ("Đối thoại ASEAN-Hàn Quốc" is the ASEAN-Korea Dialogue), and
events filtered by them. The API and the answers to questions both read through here."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from diplonews.errors import DiplonewsError
from diplonews.extract.events import cues
from diplonews.extract.lexicons import Lexicons, load
from diplonews.kb.models import StoredEvent
from diplonews.kb.store import Store, queries
from diplonews.kb.store.queries import EventFilter
from diplonews.text import fold

_DATE_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


# --- names as users write them -------------------------------------------------------


def _party_index(lexicons: Lexicons) -> dict[str, str]:
    """Folded names and codes → code; built once per set of lexicons (`Lexicons.derive`)."""
    index: dict[str, str] = {}
    for code, party in lexicons.parties.items():
        for form in (party.name_en, party.short_en, *lexicons.party_forms.get(code, [])):
            index.setdefault(fold(form), code)
    for code in lexicons.parties:
        index[fold(code)] = code
    return index


def party_codes(names: Iterable[str], lexicons: Lexicons | None = None) -> list[str]:
    """Party codes for names as a user writes them; an unknown name is an error."""
    lex = lexicons or load()
    index = lex.derive("kb.party_index", _party_index)
    codes = []
    for name in names:
        code = name.strip() if name.strip() in lex.parties else index.get(fold(name.strip()))
        if code is None:
            raise DiplonewsError(f"unknown party {name!r}: give a code (KOR) or a name (Korea)")
        codes.append(code)
    return codes


def series_name(text: str, lexicons: Lexicons | None = None) -> str:
    """The canonical series a user means, named the way extraction names it: a
    meeting word and the parties ("Hội nghị Cấp cao Hàn-ASEAN" → "ASEAN-Korea
    Summit"), or a fixed name the lexicon knows; otherwise the text as given (the
    English name, matched case-insensitively)."""
    lex = lexicons or load()
    codes = [code for _, _, found in lex.party_names.find(text) for code in found]
    for piece in re.split(r"[-–—\s]+", text):
        if piece in lex.party_short:
            codes.append(lex.party_short[piece])
    for _, _, triggers in lex.triggers.find(text):
        suffixes = [t.series_suffix for t in triggers if t.series_suffix not in ("", "-")]
        composed = cues.series_name(codes, suffixes[0], lex) if suffixes else None
        if composed:
            return composed
    for _, _, found in lex.series.find(text):
        return str(found[0].name_en)
    return text.strip()


def date_bound(value: str | int | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    if not _DATE_BOUND.fullmatch(text):
        raise DiplonewsError(f"{what} must be a year or an ISO date (2021, 2021-06), not {text!r}")
    return text


# --- events -------------------------------------------------------------------------


def events(
    store: Store,
    *,
    parties: Sequence[str] = (),
    series: str | None = None,
    year_from: str | int | None = None,
    year_to: str | int | None = None,
    person: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    newest_first: bool = True,
    limit: int = 100,
    offset: int = 0,
    lexicons: Lexicons | None = None,
) -> list[StoredEvent]:
    """Events with every given party, of a series, in a period, attended by a person;
    party and series names read with `lexicons` (None: the shipped set)."""
    lex = lexicons or load()
    where = EventFilter(
        parties=party_codes(parties, lex) if parties else (),
        series=series_name(series, lex) if series else None,
        date_from=date_bound(year_from, "--from"),
        date_to=date_bound(year_to, "--to"),
        person_ids=queries.find_people(store, person) if person else None,
        status=status,
        kind=kind,
        newest_first=newest_first,
        limit=limit,
        offset=offset,
    )
    return queries.events(store, where)
