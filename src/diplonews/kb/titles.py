"""Event titles that say what happened, in English and Vietnamese, composed from the record.

An event's `name` is the article's own wording ("cuộc họp", "cuộc điện đàm rất thành
công"): it tells a reader little and is in Vietnamese whatever the page's language. The
title is composed instead from what the record knows of the event (kind, status, series,
edition, parties, participants and their roles, location, format), the way a news desk
would write it:

- a meeting of a series: "25th ASEAN-Korea Summit" / "Hội nghị Cấp cao ASEAN-Hàn Quốc
  lần thứ 25";
- talks, and calls: "Talks: Tô Lâm – Hun Sen (call)" / "Hội đàm Tô Lâm – Hun Sen (điện
  đàm)";
- a reception (one official receives another): "Lương Cường receives Kim Yong Nam" /
  "Lương Cường tiếp Kim Yong Nam";
- a visit: "Kishida Fumio's official visit to Vietnam" / "Chuyến thăm chính thức Việt Nam
  của Kishida Fumio";
- a multilateral meeting outside any series: "Meeting of China, Japan, Korea and 3 other
  parties" / "Cuộc họp Trung Quốc, Nhật Bản, Hàn Quốc và 3 bên khác";
- a planned event is marked: "… (planned)" / "… (dự kiến)".

The Vietnamese names of parties, places, series and official titles come from the
lexicons (the user's `--lexicon` rows included where the compiled lexicons keep them),
so a Vietnamese page never shows "Korea" and an English one never shows "Hàn Quốc". The
only word read from the article's wording is the type of a visit ("chính thức",
"cấp Nhà nước", "làm việc"), a classification rather than a copy.

`event_title(event, "en")` takes a `StoredEvent`, an `EventSummary`, an extracted event or
the dict of any of them (`to_dict()`): fields an object lacks count as unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from diplonews.extract.lexicons import Lexicons, load, read_rows, shipped_files
from diplonews.text import fold

LANGUAGES = ("en", "vi")
HOME = "VNM"
BLOC_KINDS = ("bloc", "group")
MAX_LISTED = 4  # parties named in a multilateral meeting's title before "and N other parties"

# The type of a visit, from the words of its reported name (folded, no diacritics).
VISIT_TYPES = (
    ("cap nha nuoc", "state", "cấp Nhà nước"),
    ("chinh thuc", "official", "chính thức"),
    ("lam viec", "working", "làm việc"),
)
# How Vietnam's own officials are styled where another country's are not.
HOME_TITLES_VI = {"President": "Chủ tịch nước", "Vice President": "Phó Chủ tịch nước"}

WORDS = {
    "en": {
        "talks": "Talks: {sides}",
        "meeting": "Meeting: {sides}",
        "meeting_of": "Meeting of {names}",
        "meeting_by": "{names}'s meeting",
        "meeting_party": "Meeting with {names}",
        "meeting_bare": "Meeting",
        "reception": "{host} receives {guests}",
        "reception_party": "{host} receives a delegation from {party}",
        "visit_by": "{visitor}'s {type}visit to {place}",
        "visit_by_party": "{party} delegation's {type}visit to {place}",
        "visit_to": "{type}Visit to {place}",
        "visit_by_only": "{visitor}'s {type}visit",
        "visit_bare": "{type}Visit",
        "others": "{count} other parties",
        "and": " and ",
        "in": " in {place}",
        "call": "call",
        "online": "online",
        "planned": "planned",
    },
    "vi": {
        "talks": "Hội đàm {sides}",
        "meeting": "Cuộc gặp {sides}",
        "meeting_of": "Cuộc gặp giữa {names}",
        "meeting_by": "Cuộc gặp của {names}",
        "meeting_party": "Cuộc gặp với {names}",
        "meeting_bare": "Cuộc gặp",
        "reception": "{host} tiếp {guests}",
        "reception_party": "{host} tiếp đoàn {party}",
        "visit_by": "Chuyến thăm {type}{place} của {visitor}",
        "visit_by_party": "Chuyến thăm {type}{place} của đoàn {party}",
        "visit_to": "Chuyến thăm {type}{place}",
        "visit_by_only": "Chuyến thăm {type}của {visitor}",
        "visit_bare": "Chuyến thăm {type}",
        "others": "{count} bên khác",
        "and": " và ",
        "in": " tại {place}",
        "call": "điện đàm",
        "online": "trực tuyến",
        "planned": "dự kiến",
    },
}
VISIT_TYPE_EN = {"state": "state ", "official": "official ", "working": "working "}


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class _Names:
    """What titles need from the lexicons, in both languages, built once per set."""

    party_en: dict[str, str]
    party_vi: dict[str, str]
    party_kind: dict[str, str]
    english_party: dict[str, str]  # an English name or short name -> code
    series_vi: dict[str, str]  # series_en -> its first Vietnamese name
    words_vi: dict[str, str]  # an English word of a mechanism's name -> Vietnamese
    heads: frozenset[str]  # English words that head a mechanism's name
    city_vi: dict[str, str]
    city_country: dict[str, str]
    title_vi: dict[str, str]
    milestone_vi: dict[str, str]


def _spelled(form: str, names: Iterable[str]) -> str:
    """`form` as the series lexicon capitalises it inside a name ("hội nghị cấp cao" →
    "Hội nghị Cấp cao"), else with its first letter capitalised."""
    folded = form.casefold()
    for name in names:
        at = name.casefold().find(folded)
        if at >= 0 and (at == 0 or not name[at - 1].isalnum()):
            return _capital(name[at : at + len(form)])
    return _capital(form)


def _automaton_payloads(matcher: Any) -> Iterable[Any]:
    if not matcher.size:
        return ()
    return (payload for _, (_, payloads, _) in matcher.automaton.items() for payload in payloads)


def _build(lex: Lexicons) -> _Names:
    shipped = shipped_files()
    party_en: dict[str, str] = {}
    party_vi: dict[str, str] = {}
    party_kind: dict[str, str] = {}
    english_party: dict[str, str] = {}
    for code, party in lex.parties.items():
        party_en[code] = party.short_en or party.name_en or code
        forms = [f for f in lex.party_forms.get(code, []) if not f.isupper() or len(f) <= 6]
        party_vi[code] = _capital(forms[0]) if forms else party_en[code]
        party_kind[code] = party.kind
        for name in (party.name_en, party.short_en):
            if name:
                english_party.setdefault(name, code)
    series_vi: dict[str, str] = {}
    series_names: list[str] = []
    for row in read_rows(shipped["series.tsv"]):
        forms = [f.strip() for f in row.get("names", "").split("|") if f.strip()]
        series_names.extend(forms)
        vietnamese = [f for f in forms if f != row["series_en"]]
        if vietnamese:
            series_vi.setdefault(row["series_en"], _capital(vietnamese[0]))
    # the series of an organisation's own sessions (extract/events/sessions.py)
    for row in read_rows(resources.files("diplonews.extract") / "lexicons" / "sessions.tsv"):
        if row["series_en"] and row.get("name_vi"):
            series_vi.setdefault(row["series_en"], row["name_vi"])
    words_vi: dict[str, str] = {}
    heads = set()
    for row in read_rows(shipped["mechanisms.tsv"]):
        if row.get("role") == "filler" or row["en"] == "-":
            continue
        words_vi.setdefault(row["en"], _spelled(row["vi"], series_names))
        if row.get("role") == "head":
            heads.add(row["en"])
    for english, role in (payload for payload in _automaton_payloads(lex.mechanisms)):
        if role == "head":
            heads.add(english)
    for row in read_rows(shipped["triggers.tsv"]):  # "SOM", "Commemorative Summit"
        if row.get("series_suffix"):
            words_vi.setdefault(row["series_suffix"], _spelled(row["vi"], series_names))
    city_vi: dict[str, str] = {}
    city_country: dict[str, str] = {}
    for row in read_rows(shipped["cities.tsv"]):
        forms = [f.strip() for f in row.get("names", "").split("|") if f.strip()]
        vietnamese = [f for f in forms if not f.isupper() and f[:1].isupper()]
        city_vi.setdefault(row["name_en"], vietnamese[0] if vietnamese else row["name_en"])
        city_country.setdefault(row["name_en"], row.get("country", ""))
    for city in _automaton_payloads(lex.places):
        city_country.setdefault(city.name_en, city.country)
    title_vi: dict[str, str] = {}
    for row in read_rows(shipped["titles.tsv"]):
        if row.get("level") != "-" and row["vi"][:1].isupper():
            title_vi.setdefault(row["en"], row["vi"])
    for title in _automaton_payloads(lex.titles):
        if title.level != "-":
            title_vi.setdefault(title.en, _capital(title.vi))
    milestone_vi: dict[str, str] = {}
    milestones = resources.files("diplonews.extract") / "lexicons" / "milestones.tsv"
    if milestones.is_file():
        for row in read_rows(milestones):
            forms = [f.strip() for f in row.get("names", "").split("|") if f.strip()]
            if forms:
                milestone_vi.setdefault(row["label"], _capital(forms[0]))
    return _Names(
        party_en,
        party_vi,
        party_kind,
        english_party,
        series_vi,
        words_vi,
        frozenset(heads),
        city_vi,
        city_country,
        title_vi,
        milestone_vi,
    )


def _names(lexicons: Lexicons | None) -> _Names:
    lex = lexicons or load()
    return lex.derive("kb.titles", _build)


def _lang(language: str) -> str:
    return "vi" if language == "vi" else "en"


def party_name(code: str, language: str = "en", lexicons: Lexicons | None = None) -> str:
    """A party's name for a reader: "Korea" / "Hàn Quốc"; an unknown code as it is."""
    names = _names(lexicons)
    table = names.party_vi if _lang(language) == "vi" else names.party_en
    return table.get(code, code)


def place_name(city: str, language: str = "en", lexicons: Lexicons | None = None) -> str:
    """A city's name for a reader: "Hanoi" / "Hà Nội"; an unknown city as written."""
    if _lang(language) == "en":
        return city
    return _names(lexicons).city_vi.get(city, city)


def official_title(
    title: str, language: str = "en", country: str | None = None, lexicons: Lexicons | None = None
) -> str:
    """An official's title for a reader: "Prime Minister" / "Thủ tướng" (Vietnam's
    President is "Chủ tịch nước"); a title the lexicon lacks stays in English."""
    if _lang(language) == "en":
        return title
    if country == HOME and title in HOME_TITLES_VI:
        return HOME_TITLES_VI[title]
    return _names(lexicons).title_vi.get(title, title)


def milestone_label(label: str, language: str = "en", lexicons: Lexicons | None = None) -> str:
    """A milestone's label for a reader: "Strategic Partnership" / "Đối tác chiến lược"."""
    if _lang(language) == "en":
        return label
    return _names(lexicons).milestone_vi.get(label, label)


def series_title(series: str, language: str = "en", lexicons: Lexicons | None = None) -> str:
    """A series' name for a reader. English names are the record's own; Vietnamese ones
    are the series lexicon's first Vietnamese name, or composed from the English name of
    a "<Party>-<Party> <mechanism>" series ("ASEAN-Korea Summit" → "Hội nghị Cấp cao
    ASEAN-Hàn Quốc"), or the English name when neither works."""
    if _lang(language) == "en":
        return series
    names = _names(lexicons)
    if series in names.series_vi:
        return names.series_vi[series]
    return _compose_series_vi(series, names) or series


def _party_chain(text: str, names: _Names) -> tuple[list[str], str]:
    """The codes of the dash-joined party names that open `text`, and the rest."""
    codes: list[str] = []
    rest = text
    while True:
        found = None
        for name in sorted(names.english_party, key=len, reverse=True):
            if rest.startswith(name) and (len(rest) == len(name) or rest[len(name)] in "- "):
                found = name
                break
        if found is None:
            break
        codes.append(names.english_party[found])
        rest = rest[len(found) :]
        if not rest.startswith("-"):
            break
        rest = rest[1:]
    return codes, rest.strip()


def _compose_series_vi(series: str, names: _Names) -> str | None:
    codes, rest = _party_chain(series, names)
    codes = list(dict.fromkeys(codes))  # "CLV-Cambodia-Laos-Vietnam": one group
    if not codes or not rest:
        return None
    mechanism = _mechanism_vi(rest, names)
    if mechanism is None:
        return None
    return f"{mechanism} {'-'.join(names.party_vi.get(c, c) for c in codes)}"


def _mechanism_vi(english: str, names: _Names) -> str | None:
    """ "Defence Policy Dialogue" → "Đối thoại Chính sách Quốc phòng": the head first,
    then the modifiers in the reverse of the English order (hyphen-joined words keep
    theirs); acronyms ("SOM") stay as they are."""
    if english in names.words_vi and english in names.heads:
        return names.words_vi[english]
    words = english.split()
    head = None
    for start in range(len(words)):
        candidate = " ".join(words[start:])
        if candidate in names.heads and candidate in names.words_vi:
            head, words = names.words_vi[candidate], words[:start]
            break
    if head is None:
        if english in names.words_vi:  # a trigger's suffix: "Commemorative Summit"
            return names.words_vi[english]
        return None
    modifiers: list[str] = []
    at = 0
    while at < len(words):
        for end in range(len(words), at, -1):
            phrase = " ".join(words[at:end])
            translated = _modifier_vi(phrase, names)
            if translated is not None:
                modifiers.append(translated)
                at = end
                break
        else:
            return None
    return " ".join([head, *reversed(modifiers)])


def _modifier_vi(phrase: str, names: _Names) -> str | None:
    if re.fullmatch(r"[A-Z0-9+]+", phrase):  # an acronym reads the same: "SOM", "2+2"
        return phrase
    if phrase in names.words_vi:
        return names.words_vi[phrase]
    if "-" in phrase:
        parts = [_modifier_vi(part, names) for part in phrase.split("-")]
        if all(parts):
            return "-".join(p for p in parts if p)
    return None


# --- events ---


def _field(event: Any, name: str, default: Any = None) -> Any:
    if isinstance(event, Mapping):
        return event.get(name, default)
    return getattr(event, name, default)


@dataclass
class _Person:
    name: str
    country: str | None
    title: str | None
    role: str


def _participants(event: Any) -> list[_Person]:
    people = []
    for item in _field(event, "participants") or []:
        name = (_field(item, "name") or "").strip()
        if name:
            people.append(
                _Person(
                    name,
                    _field(item, "country"),
                    _field(item, "title"),
                    _field(item, "role") or "participant",
                )
            )
    return people


def _ordered(parties: Iterable[str], names: _Names) -> list[str]:
    """Parties as a title lists them: blocs and groups first, then Vietnam, then the rest
    in the record's order (as composed series names list them)."""
    known = list(dict.fromkeys(p for p in parties if p))
    first = [p for p in known if names.party_kind.get(p) in BLOC_KINDS]
    home = [p for p in known if p == HOME and p not in first]
    return first + home + [p for p in known if p not in first and p not in home]


class _Composer:
    def __init__(self, event: Any, language: str, names: _Names) -> None:
        self.lang = _lang(language)
        self.words = WORDS[self.lang]
        self.names = names
        self.kind = _field(event, "kind") or "meeting"
        self.status = _field(event, "status") or "held"
        self.series = _field(event, "series")
        self.edition = _field(event, "edition")
        self.format = _field(event, "format")
        self.location = _field(event, "location")
        self.reported = _field(event, "name") or ""
        self.parties = _ordered(_field(event, "parties") or [], names)
        self.people = _participants(event)

    # names
    def party(self, code: str | None) -> str:
        if not code:
            return ""
        table = self.names.party_vi if self.lang == "vi" else self.names.party_en
        return table.get(code, code)

    def place(self, city: str) -> str:
        return self.names.city_vi.get(city, city) if self.lang == "vi" else city

    def person(self, person: _Person) -> str:
        """The name, with the title before a name of one word ("President Putin")."""
        if " " in person.name or not person.title:
            return person.name
        if self.lang == "vi":
            if person.country == HOME and person.title in HOME_TITLES_VI:
                title = HOME_TITLES_VI[person.title]
            else:
                title = self.names.title_vi.get(person.title, "")
            return f"{title} {person.name}" if title else person.name
        return f"{person.title} {person.name}"

    def joined(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + self.words["and"] + items[-1]

    # the title
    def title(self) -> str:
        marks: list[str]
        if self.kind == "visit":
            text, marks = self.visit(), []
        elif self.series:
            text, marks = self.series_title(), []
        elif self.kind == "call":
            text, marks = self.talks(), [self.words["call"]]
        else:
            text, marks = self.meeting()
        if self.kind != "call" and self.format == "online":
            marks.append(self.words["online"])
        if self.status == "planned":
            marks.append(self.words["planned"])
        return f"{text} ({', '.join(marks)})" if marks else text

    def series_title(self) -> str:
        if self.lang == "vi":
            name = self.names.series_vi.get(self.series) or (
                _compose_series_vi(self.series, self.names) or self.series
            )
            return f"{name} lần thứ {self.edition}" if self.edition else name
        return f"{ordinal(self.edition)} {self.series}" if self.edition else self.series

    def sides(self) -> list[tuple[str | None, list[_Person]]]:
        """Each party with its named participants, in title order; participants whose
        country is not a party form sides of their own."""
        sides: dict[str | None, list[_Person]] = {code: [] for code in self.parties}
        for person in self.people:
            sides.setdefault(person.country, []).append(person)
        return list(sides.items())

    def side_name(self, code: str | None, people: list[_Person]) -> str:
        return self.person(people[0]) if people else self.party(code)

    def talks(self) -> str:
        sides = [(code, people) for code, people in self.sides() if code or people]
        named = [self.side_name(code, people) for code, people in sides]
        if len(named) >= 2:
            return self.words["talks"].format(sides=" – ".join(named[:2]))
        return self.lone(named)

    def lone(self, named: list[str]) -> str:
        """A meeting with one side only: its officials, or its party."""
        people = [self.person(p) for p in self.people]
        if len(people) >= 2:
            return self.words["meeting_of"].format(names=self.joined(people))
        if people:
            return self.words["meeting_by"].format(names=people[0]) + self.where()
        if named:
            return self.words["meeting_party"].format(names=named[0]) + self.where()
        return self.words["meeting_bare"] + self.where()

    def where(self) -> str:
        return self.words["in"].format(place=self.place(self.location)) if self.location else ""

    def meeting(self) -> tuple[str, list[str]]:
        if len(self.parties) > 2:
            listed = [self.party(code) for code in self.parties[:MAX_LISTED]]
            extra = len(self.parties) - MAX_LISTED
            if extra > 1:
                listed.append(self.words["others"].format(count=extra))
            elif extra == 1:
                listed.append(self.party(self.parties[-1]))
            return self.words["meeting_of"].format(names=self.joined(listed)) + self.where(), []
        chairs = [p for p in self.people if p.role == "chair"]
        if len(chairs) == 1:
            host = chairs[0]
            guests = [p for p in self.people if p is not host and p.country != host.country]
            guests = guests or [p for p in self.people if p is not host]
            if guests:
                return self.words["reception"].format(
                    host=self.person(host), guests=self.joined([self.person(g) for g in guests])
                ), []
            other = [c for c in self.parties if c != host.country]
            if other:
                return self.words["reception_party"].format(
                    host=self.person(host), party=self.party(other[0])
                ), []
        sides = [(code, people) for code, people in self.sides() if code or people]
        if len(sides) >= 2:
            if all(people for _, people in sides[:2]):
                return self.talks(), []
            named = [self.side_name(code, people) for code, people in sides[:2]]
            return self.words["meeting"].format(sides=" – ".join(named)) + self.where(), []
        return self.lone([self.side_name(c, p) for c, p in sides]), []

    def visit_type(self) -> str:
        folded = fold(self.reported)
        for words, english, vietnamese in VISIT_TYPES:
            if words in folded:
                return VISIT_TYPE_EN[english] if self.lang == "en" else vietnamese + " "
        return ""

    def visit(self) -> str:
        destination = self.names.city_country.get(self.location or "") or None
        visitors = [p for p in self.people if p.role != "chair"]
        if destination is None:
            hosts = {p.country for p in self.people if p.role == "chair" and p.country}
            visitor_countries = {p.country for p in visitors if p.country}
            candidates = [c for c in self.parties if c in hosts] or [
                c for c in self.parties if c not in visitor_countries
            ]
            destination = candidates[0] if len(candidates) == 1 else None
        visitors = [p for p in visitors if p.country != destination or destination is None]
        visit_type = self.visit_type()
        place = (
            self.party(destination)
            if destination
            else (self.place(self.location) if self.location else "")
        )
        if visitors:
            lead = self.person(visitors[0])
            if place:
                return self.words["visit_by"].format(visitor=lead, type=visit_type, place=place)
            return _capital(self.words["visit_by_only"].format(visitor=lead, type=visit_type))
        others = [c for c in self.parties if c != destination]
        if place and len(others) == 1:
            return _capital(
                self.words["visit_by_party"].format(
                    type=visit_type, place=place, party=self.party(others[0])
                )
            )
        if place:
            return _capital(self.words["visit_to"].format(type=visit_type, place=place))
        return _capital(self.words["visit_bare"].format(type=visit_type).strip())


def event_title(event: Any, language: str = "en", lexicons: Lexicons | None = None) -> str:
    """The title of an event in `language` ("en" or "vi"), composed from its record."""
    return _Composer(event, language, _names(lexicons)).title()


def event_titles(event: Any, lexicons: Lexicons | None = None) -> dict[str, str]:
    """The title in both languages: {"en": …, "vi": …}."""
    names = _names(lexicons)
    return {lang: _Composer(event, lang, names).title() for lang in LANGUAGES}
