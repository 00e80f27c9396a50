"""One language per page: how a page names events, parties, places, titles and counts.

A template gets `w`, a `Wording` in the page's language: `w.event(e)` is the event's
title composed from its record (`kb.titles`), `w.party("KOR")` is "Korea" or "Hàn
Quốc", `w.place("Hanoi")` "Hanoi" or "Hà Nội", `w.official("President", "VNM")` "President"
or "Chủ tịch nước", `w.series(...)` the series' name, `w.count(2, "meeting")` "2
meetings" (English plurals; Vietnamese has none), `w.value("format", "in_person")` a
field's readable value. Nothing on a page names a thing in the other language.
"""

from __future__ import annotations

import re
from typing import Any

from diplonews.errors import DiplonewsError
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


# Errors raised below the web layer in English, as the labels' `error_<key>` rows name
# them for a page in the reader's language (an error with a `key` of its own, such as
# `InvalidInput`, needs no pattern).
ERRORS = (
    (re.compile(r"unknown party '(?P<name>.*)'"), "unknown_party"),
    (re.compile(r"between needs two parties"), "between"),
    (re.compile(r"between needs two different parties"), "between_same"),
    (re.compile(r"person must be a person's number, not '(?P<value>.*)'"), "person_number"),
    (re.compile(r"no person (?P<value>.*)"), "no_person"),
    (re.compile(r"(?P<what>\w+) must be a year or an ISO date .*not '(?P<value>.*)'"), "bad_date"),
    (re.compile(r"(?P<what>\w+) must be (?:one of )?.*, not '(?P<value>.*)'"), "choice"),
)


def error_message(error: Exception, labels: dict[str, str], english: bool) -> str:
    """An error for a page: English as raised on an English page; on a Vietnamese one
    its `error_<key>` label filled in, else a general sentence (never English)."""
    if english and isinstance(error, DiplonewsError):
        return str(error)
    key = getattr(error, "key", "")
    params: dict[str, Any] = dict(getattr(error, "params", {}) or {})
    if not key:
        for pattern, name in ERRORS:
            found = pattern.search(str(error))
            if found:
                key, params = name, found.groupdict()
                break
    if not english and params.get("what"):  # "--from", "from": the filter's own label
        what = str(params["what"]).lstrip("-")
        names = (labels.get(f"{prefix}{what}") for prefix in ("tl_", "tl_filter_", "gr_"))
        params["what"] = next((name for name in names if name), what)
    template = labels.get(f"error_{key}") if key else None
    if template:
        try:
            return template.format(**params)
        except (KeyError, IndexError):
            pass
    return str(error) if english else labels["error_generic"]


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

    def noun(self, number: int, noun: str) -> str:
        """The noun for `number` of them: "meeting" for 1, "meetings" for 2; in
        Vietnamese "cuộc gặp" either way. `noun` names the labels' `n_<noun>` row."""
        word = self.labels.get(f"n_{noun}", noun)
        if self.lang == "en" and number != 1:
            word = self.labels.get(f"n_{noun}_plural") or plural(word)
        return word

    def count(self, number: int, noun: str) -> str:
        """ "1 meeting", "2 meetings"; "2 cuộc gặp"."""
        return f"{number} {self.noun(number, noun)}"

    def value(self, field: str, value: str | None) -> str:
        """A field's value for a reader: "in_person" → "in person" / "trực tiếp"."""
        if not value:
            return ""
        return self.labels.get(f"{field}_{value}", value.replace("_", " "))
