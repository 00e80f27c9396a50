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
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from diplonews.extract.lexicons import Lexicons, read_rows
from diplonews.kb import titles
from diplonews.kb.models import StoredEvent, StoredParticipant
from diplonews.qa.stated_days import stated_day
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

    def event_date(self, event: StoredEvent) -> str:
        """The event's date; for an event the record cannot date, the days its report
        states without a year ("from 19 to 22 February (the report gives no year)")."""
        day = None if event.date else stated_day(event)
        if day is None:
            return self.date(event.date)
        name = MONTHS[day.month - 1]
        if day.day is None:
            return self("date_noyear_month", month=day.month, month_name=name)
        if day.end_month is not None and day.end_day is not None:
            return self(
                "date_noyear_span",
                day=day.day,
                month=day.month,
                month_name=name,
                end_day=day.end_day,
                end_month=day.end_month,
                end_month_name=MONTHS[day.end_month - 1],
            )
        if day.end_day is not None:
            return self(
                "date_noyear_days",
                day=day.day,
                end_day=day.end_day,
                month=day.month,
                month_name=name,
            )
        return self("date_noyear_day", day=day.day, month=day.month, month_name=name)

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
        """'Korea' / 'Hàn Quốc' (kb/titles.py, the names event titles use)."""
        if not code:
            return ""
        return titles.party_name(code, self.lang, self.lex)

    def series(self, name: str) -> str:
        """'ASEAN-Korea Summit' / 'Hội nghị Cấp cao ASEAN-Hàn Quốc'."""
        return titles.series_title(name, self.lang, self.lex)

    def place(self, city: str | None) -> str:
        """'Hanoi' / 'Hà Nội'."""
        return titles.place_name(city, self.lang, self.lex) if city else ""

    def name(self, name: str) -> str:
        """A person's name as readers of the answer's language write it: in English the
        pinyin of a name Vietnamese articles give in Sino-Vietnamese ("Tập Cận Bình" is
        "Xi Jinping", lexicons/question_words.tsv)."""
        if self.lang != "en":
            return name
        return _english_names().get(name, name)

    def title(self, title: str | None, country: str | None = None) -> str:
        """'Prime Minister' / 'Thủ tướng' ('Chủ tịch nước' for Vietnam's President); a
        title the lexicons cannot put in Vietnamese is left out of a Vietnamese answer."""
        if not title:
            return ""
        if self.lang == "en":
            return title
        said = titles.official_title(title, "vi", country, self.lex)
        if said != title:
            return said
        return _vietnamese_titles(self.lex).get(title, "")

    def person(self, participant: StoredParticipant, *, with_title: bool = True) -> str:
        """'Cho Hyun (Foreign Minister, Korea)' / 'Cho Hyun (Ngoại trưởng, Hàn Quốc)'."""
        details = [self.title(participant.title, participant.country)] if with_title else []
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
        """The event's title composed from its record (kb/titles.py: "25th ASEAN-Korea
        Summit", "Talks: Tô Lâm – Hun Sen (call)", "Hội đàm Tô Lâm – Hun Sen (điện
        đàm)"), without the planned mark the answer's own sentence gives; in English,
        Chinese leaders by their pinyin names."""
        title = titles.event_title(replace(event, status="held"), self.lang, self.lex)
        if self.lang == "en":
            for vietnamese, english in _english_names().items():
                title = title.replace(vietnamese, english)
        return title


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    """Sino-Vietnamese name → the pinyin name English readers know."""
    source = resources.files("diplonews.qa") / "lexicons" / "question_words.tsv"
    found: dict[str, str] = {}
    for row in read_rows(source):
        if row["role"] == "person" and row.get("means") and fold(row["means"]) != row["means"]:
            found.setdefault(row["means"], row["form"])
    return found


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
            capitals = sum(c.isupper() for c in form)  # "Tổng thống" before "Tổng Thống"
            if best is None or (len(form), capitals) < (len(best), sum(c.isupper() for c in best)):
                found[title.en] = form
    return found
