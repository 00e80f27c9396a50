"""Reading a question: its intent and its slots (parties, series, edition, period,
people, topic), for `diplonews.qa.answers` to answer.

The intent comes from patterns over the folded question (`lexicons/questions.tsv`);
the slots from the extraction lexicons, matched on folded text too, so a question
typed without diacritics reads like one with them. A folded word that is also a
common word ("nam" in "nam 2021") is a party only when capitalised
(`lexicons/question_words.tsv`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from diplonews.extract.events import cues
from diplonews.extract.events.cues import ROMAN, parse_edition
from diplonews.extract.lexicons import NUMBER_WORDS, Lexicons, Matcher, load, read_rows
from diplonews.kb.resolve import loose_key
from diplonews.kb.store import Store
from diplonews.text import fold

_YEAR = r"((?:19|20)\d{2})"
_RANGE = re.compile(
    rf"(?:tu|from|giai doan|between)?\s*(?:nam\s+)?{_YEAR}\s*(?:-|–|den|toi|to|and|and)\s*(?:nam\s+)?{_YEAR}"
)
_SINCE = re.compile(rf"\b(?:sau|tu|since|after|from)\s+(?:nam\s+)?{_YEAR}")
_YEAR_ONLY = re.compile(rf"\b{_YEAR}\b")
_FOLDED_NUMBERS = {fold(k): v for k, v in NUMBER_WORDS.items()}  # "tu" → 4, "nam" → 5
_EDITION = re.compile(r"\b(?:lan thu|khoa|edition|ky)\s+(\w+)|\b(\d{1,3})(?:st|nd|rd|th)\b")
MAX_EDITION_DIGITS = 6  # a longer number is no edition (and would not fit an SQL integer)
_ENGLISH = re.compile(r"\b(?:who|what|when|where|which|how|did|does|is|was|list|the)\b")


@dataclass
class Question:
    text: str
    folded: str
    lang: str  # "vi" or "en": the language of the answer
    intent: str | None
    parties: list[str] = field(default_factory=list)
    series: str | None = None
    edition: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    person_ids: list[int] = field(default_factory=list)
    topic: str | None = None  # "trade" or "investment"


@lru_cache(maxsize=1)
def intents() -> list[tuple[str, re.Pattern[str]]]:
    source = resources.files("diplonews.extract") / "lexicons" / "questions.tsv"
    return [(row["intent"], re.compile(row["pattern"])) for row in read_rows(source)]


@dataclass(eq=False)
class FoldedLexicons:
    """Party names, meeting words and series names, matched on folded text."""

    english: Matcher  # party names in English, folded
    parties: Matcher  # every party name, folded: for questions typed without diacritics
    triggers: Matcher
    series: Matcher
    levels: dict[str, str]  # English title → level


def folded_lexicons(lex: Lexicons) -> FoldedLexicons:
    """The folded matchers of `lex`, built once and kept with it."""
    return lex.derive("qa.folded", _fold)


def _fold(lex: Lexicons) -> FoldedLexicons:
    english, parties = Matcher(caseless=True), Matcher(caseless=True)
    triggers, series = Matcher(caseless=True), Matcher(caseless=True)
    for code, party in lex.parties.items():
        for form in (party.name_en, party.short_en):
            english.add(fold(form), code)
        for form in (party.name_en, party.short_en, *lex.party_forms.get(code, [])):
            if form != code:
                parties.add(fold(form), code)
    for form, (_, payloads, _) in lex.triggers.automaton.items():
        for trigger in payloads:
            if trigger.kind != "-" and trigger.series_suffix not in ("", "-"):
                triggers.add(fold(form), trigger.series_suffix)
    for form, (_, payloads, _) in lex.series.automaton.items():
        for item in payloads:
            series.add(fold(form), item.name_en)
            series.add(fold(item.name_en), item.name_en)
    levels: dict[str, str] = {}
    for _, payloads, _ in lex.titles.automaton.values():
        for title in payloads:
            levels.setdefault(title.en, title.level)
    return FoldedLexicons(
        english.finish(), parties.finish(), triggers.finish(), series.finish(), levels
    )


def read(store: Store, text: str, lexicons: Lexicons | None = None) -> Question:
    """A question's intent and slots, with the names `lexicons` knows (None: the
    shipped set)."""
    lex = lexicons or load()
    folded_lex = folded_lexicons(lex)
    text = " ".join(text.split())
    folded = fold(text)  # one character for one: spans line up with `text`
    english = text.lower() == folded and bool(_ENGLISH.search(folded))
    intent = next((name for name, pattern in intents() if pattern.search(folded)), None)
    question = Question(text, folded, "en" if english else "vi", intent)
    question.parties = _parties(text, folded, lex, folded_lex)
    question.series = _stored_series(store, folded) or _series(
        folded, question.parties, folded_lex, lex
    )
    question.edition = _edition(folded)
    question.date_from, question.date_to = _period(folded)
    question.person_ids = _people(store, text)
    if re.search(r"\b(?:dau tu|fdi|invest\w*)\b", folded):
        question.topic = "investment"
    elif re.search(r"\b(?:thuong mai|kim ngach|trade)\b", folded):
        question.topic = "trade"
    return question


@lru_cache(maxsize=1)
def ambiguous_words() -> frozenset[str]:
    source = resources.files("diplonews.extract") / "lexicons" / "question_words.tsv"
    return frozenset(row["form"] for row in read_rows(source) if row["role"] == "ambiguous")


def _parties(text: str, folded: str, lex: Lexicons, folded_lex: FoldedLexicons) -> list[str]:
    """Parties as written (with diacritics), as codes in capitals, in compounds
    ("Hàn-ASEAN"), by English names, and, in a question typed without diacritics, by
    folded Vietnamese names — one that is also a common word ("nam") only when
    capitalised."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for start, end, codes in lex.party_names.find(text):
        found.append((start, codes[0]))
        taken.append((start, end))
    for match in re.finditer(r"\b[A-Z]{2,6}\b", text):
        party = lex.parties.get(match.group())
        if party and not any(a <= match.start() < b for a, b in taken):
            found.append((match.start(), party.code))
            taken.append(match.span())
    short = {fold(form): code for form, code in lex.party_short.items()}
    for match in re.finditer(r"[\w]+(?:-[\w]+)+", text):  # "Hàn-ASEAN", "han-asean"
        offset = match.start()
        for part in match.group().split("-"):
            code = lex.party_short.get(part) or short.get(fold(part))
            if code and not any(a <= offset < b for a, b in taken):
                found.append((offset, code))
                taken.append((offset, offset + len(part)))
            offset += len(part) + 1
    typed_without_marks = text.lower() == folded
    matcher = folded_lex.parties if typed_without_marks else folded_lex.english
    for start, end, codes in matcher.find(folded):
        if any(a < end and start < b for a, b in taken):
            continue
        written = text[start:end]
        if folded[start:end] in ambiguous_words() and not written[:1].isupper():
            continue
        found.append((start, codes[0]))
    kinds = ("state", "bloc", "group")
    codes = [c for _, c in sorted(found) if getattr(lex.parties.get(c), "kind", "") in kinds]
    return list(dict.fromkeys(codes))


def _stored_series(store: Store, folded: str) -> str | None:
    """The longest series name of the store that the question writes out."""
    names = [
        str(r[0])
        for r in store.query("SELECT DISTINCT series FROM events WHERE series IS NOT NULL")
    ]
    hits = [n for n in names if re.search(rf"(?<!\w){re.escape(fold(n))}(?!\w)", folded)]
    return max(hits, key=len) if hits else None


def _series(folded: str, codes: list[str], folded_lex: FoldedLexicons, lex: Lexicons) -> str | None:
    for _, _, suffixes in folded_lex.triggers.find(folded):
        named = cues.series_name(codes, suffixes[0], lex)
        if named:
            return named
    for _, _, names in folded_lex.series.find(folded):
        return str(names[0])
    return None


def _edition(folded: str) -> int | None:
    match = _EDITION.search(folded)
    if not match:
        return None
    word = match.group(1) or match.group(2)
    if word.isascii() and word.isdigit():  # "25"; not "²", which is a digit to Python
        return int(word) if len(word) <= MAX_EDITION_DIGITS else None
    if re.fullmatch(ROMAN, word.upper()):  # "xxv" (folded)
        return parse_edition(word.upper())
    return _FOLDED_NUMBERS.get(word)


def _period(folded: str) -> tuple[str | None, str | None]:
    if match := _RANGE.search(folded):
        return match.group(1), match.group(2)
    if match := _SINCE.search(folded):
        return match.group(1), None
    years = _YEAR_ONLY.findall(folded)
    if years:
        return years[0], years[0]
    return None, None


def _people(store: Store, text: str) -> list[int]:
    """People named in the question: the longest runs of words that are a stored name."""
    words = re.findall(r"[\w-]+", text)
    found: list[int] = []
    taken: set[int] = set()
    for size in (4, 3, 2):
        for start in range(len(words) - size + 1):
            if taken & set(range(start, start + size)):
                continue
            phrase = " ".join(words[start : start + size])
            rows = store.query(
                "SELECT id FROM people WHERE loose_key = ? ORDER BY id LIMIT 3",
                (loose_key(phrase),),
            )
            if rows:
                found += [int(r[0]) for r in rows]
                taken |= set(range(start, start + size))
    return list(dict.fromkeys(found))
