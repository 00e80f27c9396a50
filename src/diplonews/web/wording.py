"""One language per page: how a page names events, parties, places, titles and counts.

A template gets `w`, a `Wording` in the page's language: `w.event(e)` is the event's
title composed from its record (`kb.titles`), `w.party("KOR")` is "Korea" or "Hàn
Quốc", `w.place("Hanoi")` "Hanoi" or "Hà Nội", `w.official("President", "VNM")` "President"
or "Chủ tịch nước", `w.series(...)` the series' name, `w.count(2, "meeting")` "2
meetings" (English plurals; Vietnamese has none), `w.value("format", "in_person")` a
field's readable value. Nothing on a page names a thing in the other language.
"""

from __future__ import annotations

from typing import Any

from diplonews.extract.lexicons import Lexicons
from diplonews.kb import titles

# English nouns whose plural is not noun + "s".
IRREGULAR = {"person": "people", "party": "parties", "country": "countries", "series": "series"}


def plural(noun: str) -> str:
    """The English plural of a noun ("meeting" → "meetings", "party" → "parties")."""
    if noun in IRREGULAR:
        return IRREGULAR[noun]
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


class Wording:
    """The page's language, its labels and its lexicons, for templates to name things."""

    def __init__(self, language: str, labels: dict[str, str], lexicons: Lexicons | None) -> None:
        self.lang = "en" if language == "en" else "vi"
        self.labels = labels
        self.lexicons = lexicons

    def event(self, event: Any) -> str:
        return titles.event_title(event, self.lang, self.lexicons)

    def party(self, code: str | None) -> str:
        return titles.party_name(code, self.lang, self.lexicons) if code else ""

    def parties(self, codes: list[str], sep: str = ", ") -> str:
        return sep.join(self.party(code) for code in codes)

    def place(self, city: str | None) -> str:
        return titles.place_name(city, self.lang, self.lexicons) if city else ""

    def official(self, title: str | None, country: str | None = None) -> str:
        return titles.official_title(title, self.lang, country, self.lexicons) if title else ""

    def series(self, name: str | None) -> str:
        return titles.series_title(name, self.lang, self.lexicons) if name else ""

    def milestone(self, label: str | None) -> str:
        return titles.milestone_label(label, self.lang, self.lexicons) if label else ""

    def count(self, number: int, noun: str) -> str:
        """ "1 meeting", "2 meetings"; "2 cuộc gặp". `noun` is a label key whose English
        value is the singular ("count_meeting" → "meeting"), or an English noun."""
        word = self.labels.get(f"n_{noun}", noun)
        if self.lang == "en" and number != 1:
            word = self.labels.get(f"n_{noun}_plural") or plural(word)
        return f"{number} {word}"

    def value(self, field: str, value: str | None) -> str:
        """A field's value for a reader: "in_person" → "in person" / "trực tiếp"."""
        if not value:
            return ""
        return self.labels.get(f"{field}_{value}", value.replace("_", " "))
