"""The words of answers: dates written for people, event titles composed from the
record's fields, officials with their titles and countries, lists and plurals, in
Vietnamese or English.

An answer never quotes an article's own event name in English: the title is composed
from the kind, series, edition, participants and parties ("the phone call between Cho
Hyun and Bùi Thanh Sơn", "the 28th ASEAN Plus Three Summit"). Sentences are rows of
`lexicons/answers.tsv`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from diplonews.extract.lexicons import Lexicons, read_rows
from diplonews.kb.models import StoredEvent, StoredParticipant
from diplonews.text import fold

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@lru_cache(maxsize=1)
def sentences() -> dict[str, dict[str, str]]:
    source = resources.files("diplonews.qa") / "lexicons" / "answers.tsv"
    table: dict[str, dict[str, str]] = {"vi": {}, "en": {}}
    for row in read_rows(source):
        table["vi"][row["key"]] = row["vi"]
        table["en"][row["key"]] = row["en"]
    return table


@dataclass
class Words:
    """Everything an answer is written with, in one language."""

    lang: str
    lex: Lexicons

    @property
    def say(self) -> dict[str, str]:
        return sentences()[self.lang]

    def __call__(self, key: str, **fields: object) -> str:
        return self.say[key].format(**fields)

    # --- dates -------------------------------------------------------------------

    def date(self, iso: str | None) -> str:
        """'on 27 November 2019' / 'ngày 27/11/2019', at the precision the record has."""
        if not iso:
            return self.say["date_unknown"]
        parts = iso.split("-")
        year = parts[0]
        if len(parts) == 1:
            return self("date_year", year=year)
        month = int(parts[1])
        if len(parts) == 2:
            name = MONTHS[month - 1] if 1 <= month <= 12 else str(month)
            return self("date_month", month=month, month_name=name, year=year)
        day = int(parts[2])
        name = MONTHS[month - 1] if 1 <= month <= 12 else str(month)
        return self("date_day", day=day, month=month, month_name=name, year=year)

    def seen(self, first: str | None, last: str | None) -> str:
        """' (16 January 2020)', ' (2019 – 2021)': when the record saw a title held,
        nothing when it does not say."""
        dates = [self.bare_date(d) for d in dict.fromkeys([first, last]) if d]
        return f" ({' – '.join(dates)})" if dates else ""

    def bare_date(self, iso: str) -> str:
        """'16 January 2020' / '16/1/2020': a date without its preposition."""
        said = self.date(iso)
        for word in ("on ", "in ", "ngày ", "tháng ", "năm "):
            if said.startswith(word) and not (word == "tháng " and "/" not in said):
                return said[len(word) :] if word != "tháng " else said
        return said

    def period(self, date_from: str | None, date_to: str | None) -> str:
        if date_from and date_from == date_to:
            return " " + self.date(date_from)
        if date_from or date_to:
            start = self.date(date_from) if date_from else "…"
            end = self.date(date_to) if date_to else "…"
            return " " + self("period_from_to", start=start, end=end)
        return ""

    # --- parties, people ---------------------------------------------------------

    def country(self, code: str | None) -> str:
        if not code:
            return ""
        return _country_names(self.lex, self.lang).get(code, code)

    def name(self, name: str) -> str:
        """A person's name as readers of the answer's language write it: in English the
        pinyin of a name Vietnamese articles give in Sino-Vietnamese ("Tập Cận Bình" is
        "Xi Jinping", lexicons/question_words.tsv)."""
        if self.lang != "en":
            return name
        return _english_names().get(name, name)

    def title(self, title: str | None) -> str:
        if not title:
            return ""
        if self.lang == "en":
            return title
        return _vietnamese_titles(self.lex).get(title, "")

    def person(self, participant: StoredParticipant, *, with_title: bool = True) -> str:
        """'Cho Hyun (Foreign Minister, Korea)' / 'Cho Hyun (Ngoại trưởng, Hàn Quốc)'."""
        details = [self.title(participant.title)] if with_title else []
        details.append(self.country(participant.country))
        details = [d for d in details if d]
        name = self.name(participant.name)
        return f"{name} ({', '.join(details)})" if details else name

    def join(self, items: Sequence[str]) -> str:
        items = [i for i in dict.fromkeys(items) if i]
        if not items:
            return "—"
        if len(items) == 1:
            return items[0]
        return ", ".join(items[:-1]) + f" {self.say['and']} " + items[-1]

    def count(self, number: int, what: str) -> str:
        """'1 phone call', '2 phone calls', '2 cuộc điện đàm'."""
        key = f"{what}_one" if number == 1 else f"{what}_many"
        return f"{number} {self.say[key]}"

    # --- events ------------------------------------------------------------------

    def event(self, event: StoredEvent) -> str:
        """The event's title composed from its fields."""
        if event.series:
            return self._series(event)
        people = [self.name(p.name) for p in event.participants]
        if event.kind == "visit":
            visitors = [p for p in event.participants if p.role != "chair"] or event.participants
            visitor_countries = {p.country for p in visitors if p.country}
            hosts = [c for c in event.parties if c not in visitor_countries] or event.parties
            where = self.join([self.country(c) for c in hosts])
            if visitors:
                who = self.join([self.name(p.name) for p in visitors])
                return self("title_visit", who=who, where=where)
            return self("title_visit_nobody", where=where)
        key = "title_call" if event.kind == "call" else "title_meeting"
        if len(people) >= 2:
            return self(key, a=people[0], b=self.join(people[1:]))
        sides = self.join([self.country(c) for c in event.parties])
        return self(f"{key}_parties", sides=sides)

    def _series(self, event: StoredEvent) -> str:
        series = event.series or ""
        if self.lang == "vi" and event.name:
            name = event.name[:1].upper() + event.name[1:]
            if event.edition and "lần thứ" not in name and str(event.edition) not in name:
                name += f" lần thứ {event.edition}"
            return name
        if event.edition:
            return self("title_series_edition", edition=_ordinal(event.edition), series=series)
        return self("title_series", series=series)


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    """Sino-Vietnamese name → the pinyin name English readers know."""
    source = resources.files("diplonews.qa") / "lexicons" / "question_words.tsv"
    found: dict[str, str] = {}
    for row in read_rows(source):
        if row["role"] == "person" and row.get("means") and fold(row["means"]) != row["means"]:
            found.setdefault(row["means"], row["form"])
    return found


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _country_names(lex: Lexicons, lang: str) -> dict[str, str]:
    return lex.derive(f"qa.country_names.{lang}", lambda lx: _build_country_names(lx, lang))


def _build_country_names(lex: Lexicons, lang: str) -> dict[str, str]:
    names = {}
    for code, party in lex.parties.items():
        forms = lex.party_forms.get(code) if lang == "vi" else None
        name = forms[0] if forms else party.short_en or party.name_en or code
        names[code] = name[:1].upper() + name[1:]
    return names


def _vietnamese_titles(lex: Lexicons) -> dict[str, str]:
    """English title → the shortest Vietnamese form the titles lexicon gives it."""
    return lex.derive("qa.vietnamese_titles", _build_vietnamese_titles)


def _build_vietnamese_titles(lex: Lexicons) -> dict[str, str]:
    found: dict[str, str] = {}
    for form, (_, payloads, _) in lex.titles.automaton.items():
        for title in payloads:
            if title.level == "-" or not form[:1].isupper():
                continue
            best = found.get(title.en)
            if best is None or len(form) < len(best):
                found[title.en] = form
    return found
