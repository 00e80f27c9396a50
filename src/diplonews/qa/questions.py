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
from typing import Any

from diplonews.extract.events import cues, mechanisms
from diplonews.extract.events.cues import ROMAN, parse_edition
from diplonews.extract.lexicons import NUMBER_WORDS, Lexicons, Matcher, load, read_rows
from diplonews.kb.store import Store, queries
from diplonews.qa import people
from diplonews.text import fold

_YEAR = r"((?:19|20)\d{2})"
_RANGE = re.compile(
    rf"(?:tu|from|giai doan|between)?\s*(?:nam\s+)?{_YEAR}\s*(?:-|–|den|toi|to|and|and)\s*(?:nam\s+)?{_YEAR}"
)
_SINCE = re.compile(rf"\b(?:sau|tu|since|after|from)\s+(?:nam\s+)?{_YEAR}")
_YEAR_ONLY = re.compile(rf"\b{_YEAR}\b")
_MONTHS = "january february march april may june july august september october november december"
_MONTH = {name: i + 1 for i, name in enumerate(_MONTHS.split())}
_MONTH_WORD = "|".join(_MONTH)
_DAY_VI = re.compile(rf"\b(\d{{1,2}})[/-](\d{{1,2}})[/-]{_YEAR}\b")  # 29/9/2020
_MONTH_VI = re.compile(
    rf"(?:\bthang\s+(\d{{1,2}})(?:\s*/\s*|\s+nam\s+|\s+)|(?<![\d/])(\d{{1,2}})/){_YEAR}\b"
)  # "tháng 8 năm 2025", "tháng 8/2025", "8/2025"
_DAY_EN = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_WORD}),?\s+{_YEAR}\b")
_DAY_EN2 = re.compile(rf"\b({_MONTH_WORD})\s+(\d{{1,2}}),?\s+{_YEAR}\b")
_MONTH_EN = re.compile(rf"\b({_MONTH_WORD}),?\s+(?:of\s+)?{_YEAR}\b")
_MONTH_ALONE = re.compile(rf"\b(?:in|hoi|vao)?\s*(?:({_MONTH_WORD})|thang\s+(\d{{1,2}}))\b(?!\s*/)")
_KINDS = (  # words that name the kind of event asked about (folded)
    (  # "những hội nghị nào … trong chuyến thăm": meetings asked, the visit is context
        "meeting",
        re.compile(
            r"\b(?:nhung|cac) (?:hoi nghi|cuoc gap|cuoc hop|cuoc hoi dam|cuoc hoi kien)\b"
            r"|\b(?:which|what) (?:\w+ )?(?:meetings|summits|conferences|talks)\b"
        ),
    ),
    (  # "trips abroad", "chuyến công du": visits and meetings away from home
        "trip",
        re.compile(
            r"\b(?:trips?|travels?|journeys?|abroad|overseas|chuyen di|chuyen cong du|cong du"
            r"|chuyen cong tac|(?:di|ra) nuoc ngoai)\b"
        ),
    ),
    ("call", re.compile(r"\b(?:dien dam|dien thoai|phone\w*|call(?:s|ed|ing)?\b(?! on))")),
    ("visit", re.compile(r"\b(?:tham(?! gia| du)|visit\w*|state visit)\b")),
)
_FOLDED_NUMBERS = {fold(k): v for k, v in NUMBER_WORDS.items()}  # "tu" → 4, "nam" → 5
_EDITION = re.compile(r"\b(?:lan thu|khoa|edition|ky)\s+(\w+)|\b(\d{1,3})(?:st|nd|rd|th)\b")
MAX_EDITION_DIGITS = 6  # a longer number is no edition (and would not fit an SQL integer)
_ENGLISH = re.compile(
    r"\b(?:who|what|when|where|which|how|did|does|is|was|were|are|has|have|list|the|"
    r"with|between|of|for|and|upcoming|planned|meetings?|visits?|visited|summits?|talks)\b"
)


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
    topic: str | None = None  # "trade", "investment", "visitors" or "exports"
    people: list[list[int]] = field(default_factory=list)  # one group per name written
    names: list[str] = field(default_factory=list)  # each name as the question writes it
    kind: str | None = None  # "call", "visit", "trip" or "meeting" when the question names one
    location: str | None = None  # a city the question names (English name)
    location_text: str | None = None  # that city as the question writes it
    location_country: str | None = None  # that city's country
    month: str | None = None  # "12": a month the question names without a year
    unknown_names: list[str] = field(default_factory=list)  # names the record lacks
    destination: str | None = None  # the party a visit asked about goes to ("thăm Angola")
    planned: bool = False  # the question asks about what is planned ("sắp tới", "was to")
    reference: list[str] = field(default_factory=list)  # parties measured from ("sau Cuba")
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)  # reads


# Intents a question about what is planned can ask ("Marcos sẽ gặp ai", "Where were
# they to meet"): answered by their own handler, from the planned events first.
_ASKS_ABOUT_PLANNED = ("met", "whom_met", "where", "when", "chair", "attend", "visit")


# Intents about what an official did, whom a question may name by office alone.
_BY_OFFICE = (
    "met",
    "whom_met",
    "visit",
    "envoys",
    "when",
    "where",
    "count",
    "list",
    "last",
    "who_is",
    "happened",
)


@lru_cache(maxsize=1)
def intents() -> list[tuple[str, re.Pattern[str]]]:
    source = resources.files("diplonews.qa") / "lexicons" / "questions.tsv"
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


def parse(store: Store, text: str, lexicons: Lexicons | None = None) -> Question:
    """A question's intent and slots, with the names `lexicons` knows (None: the
    shipped set)."""
    lex = lexicons or load()
    folded_lex = folded_lexicons(lex)
    text = " ".join(text.split())
    folded = fold(text)  # one character for one: spans line up with `text`
    marked = [w for w in re.findall(r"\w+", text) if fold(w) != w.lower()]
    english = bool(_ENGLISH.search(folded)) and all(w[:1].isupper() for w in marked)
    matched = [name for name, pattern in intents() if pattern.search(folded)]
    intent = matched[0] if matched else None
    if intent == "planned" and "list" not in matched:  # "se gap ai": planned is a slot
        asking = [m for m in matched if m in _ASKS_ABOUT_PLANNED]
        intent = asking[0] if asking else intent
    question = Question(text, folded, "en" if english else "vi", intent)
    question.planned = "planned" in matched
    question.parties = _parties(text, folded, lex, folded_lex)
    question.series = (
        _stored_series(store, folded)
        or _series(folded, question.parties, folded_lex, lex, _series_names(store))
        or (
            None
            if _asks_which_meeting(folded, folded_lex)
            else _acronym_series(store, text, folded, question.parties, lex)
        )
        or _mechanism_series(text, question.parties, lex)
    )
    question.edition = _edition(folded)
    question.date_from, question.date_to = _period(folded)
    known = lex.derive("qa.known_words", _known_words)
    question.people, question.names = people.find(store, text, lex, known)
    if not question.people and intent in _BY_OFFICE:  # "Ngoại trưởng Hàn Quốc gặp ai?"
        spans = _country_spans(text, folded, lex)
        question.people, question.names = people.by_title(store, text, question.parties, lex, spans)
    question.person_ids = list(dict.fromkeys(i for group in question.people for i in group))
    question.parties = _not_named_people(question.parties, question.names, text, lex)
    question.kind = next((kind for kind, words in _KINDS if words.search(folded)), None)
    question.reference = _reference(text, folded, question.parties, lex)
    question.parties = [p for p in question.parties if p not in question.reference]
    question.destination = _destination(text, folded, question.parties, lex)
    question.location, question.location_text, question.location_country = _location(
        text, folded, lex
    )
    if not question.date_from and (match := _MONTH_ALONE.search(folded)):
        month = _MONTH.get(match.group(1)) or int(match.group(2) or match.group(1))
        if 1 <= month <= 12:
            question.month = f"{month:02d}"
    question.unknown_names = _unknown_names(text, question.names, lex, folded_lex)
    if not (question.people or question.series) and intent in _ABOUT_SOMEONE:  # "… Macron …"
        question.unknown_names += _unknown_word(text, folded, lex)
    if question.location_text and _overlaps(question.location_text, question.names):
        question.location = question.location_text = question.location_country = None  # "Huệ"
    if re.search(r"\b(?:dau tu|fdi|invest\w*)\b", folded):
        question.topic = "investment"
    elif re.search(r"\b(?:khach|du khach|visitors?|tourists?)\b", folded):
        question.topic = "visitors"
    elif re.search(r"\b(?:xuat khau|exports?)\b", folded):
        question.topic = "exports"
    elif re.search(r"\b(?:thuong mai|kim ngach|trade)\b", folded):
        question.topic = "trade"
    elif re.search(r"\b(?:lao dong|workers?|labou?r)\b", folded):
        question.topic = "workers"
    elif re.search(r"\b(?:du hoc sinh|sinh vien|students?)\b", folded):
        question.topic = "students"
    return question


_TO = re.compile(
    r"\b(?:tham(?! gia| du)|visit\w*|den|toi|sang|to|trip to|travel\w* to|went to|go to)\s+"
)


# "thăm nước nào sau Cuba", "Which country will he visit after Cuba?": the party is
# where the question measures from, not a party of the events asked about.
_FROM = re.compile(
    r"\b(?:sau|truoc|ngoai|after|before|besides|except|other than)\s+"
    r"(?:khi\s+)?(?:(?:tham|tai|o|tu|visiting|leaving|in)\s+)?$"
)


def _reference(text: str, folded: str, parties: list[str], lex: Lexicons) -> list[str]:
    """Parties the question names right after 'sau', 'trước', 'after', 'before'."""
    spans = [(s, codes[0]) for s, _, codes in lex.party_names.find(text)]
    spans += [(s, codes[0]) for s, _, codes in folded_lexicons(lex).parties.find(folded)]
    found = [c for s, c in spans if c in parties and _FROM.search(folded[max(0, s - 30) : s])]
    return list(dict.fromkeys(found))


def _destination(text: str, folded: str, parties: list[str], lex: Lexicons) -> str | None:
    """The party a visit goes to: the first party named right after a word of
    visiting ("thăm Angola", "visit to Vietnam", "thăm cấp Nhà nước Việt Nam")."""
    spans = [(s, codes[0]) for s, _, codes in lex.party_names.find(text)]
    spans += [(s, codes[0]) for s, _, codes in folded_lexicons(lex).parties.find(folded)]
    spans += [(s, code) for s, _, code in people.title_countries(text, lex)]
    spans = sorted((s, c) for s, c in spans if c in parties)
    for match in _TO.finditer(folded):
        after = [c for s, c in spans if 0 <= s - match.end() <= 25]
        if after:
            return after[0]
    return None


def _country_spans(text: str, folded: str, lex: Lexicons) -> list[tuple[int, int, str]]:
    """Every country name of the question, as written, folded, after a title or as a
    demonym ("Korean"), with its span."""
    lowered = folded.lower()
    spans = [(s, e, codes[0]) for s, e, codes in lex.party_names.find(text)]
    spans += [(s, e, codes[0]) for s, e, codes in folded_lexicons(lex).parties.find(folded)]
    spans += people.title_countries(text, lex)
    spans += find_demonyms(lowered, lex)
    return spans


def _overlaps(place: str, names: list[str]) -> bool:
    """A city the question seems to name is a word of a person's name ("Huệ", "that
    Luong" in "… that Luong Cuong held talks with")."""
    words = {w for w in fold(place).lower().split() if len(w) >= 3}
    return any(place in n or words & set(fold(n).lower().split()) for n in names)


def _not_named_people(parties: list[str], names: list[str], text: str, lex: Lexicons) -> list[str]:
    """Parties whose only mention is inside a person's name ("Nam" in "Trương Quang
    Hoài Nam") are not parties of the question."""
    if not names:
        return parties
    rest = text
    for name in names:
        rest = rest.replace(name, " ")
    kept = _parties(rest, fold(rest), lex, folded_lexicons(lex))
    return [p for p in parties if p in kept]


_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+")
_QUESTION_WORDS = frozenset(
    [
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "which",
        "what",
        "how",
        "did",
        "does",
        "do",
        "is",
        "was",
        "were",
        "the",
        "a",
        "an",
        "and",
        "of",
        "in",
        "on",
        "at",
        "to",
        "with",
        "for",
        "by",
        "from",
        "ai",
        "khi",
        "nao",
        "o",
        "dau",
    ]
)


def _unknown_names(
    text: str, names: list[str], lex: Lexicons, folded_lex: FoldedLexicons
) -> list[str]:
    """Runs of capitalised words without diacritics ("Aslan Maskhadov") that are no
    name the record holds, no party, place, title or series: a person the record does
    not know, whom an answer must not leave out."""
    known = lex.derive("qa.known_words", _known_words)
    unknown = []
    for match in _NAME_RUN.finditer(text):
        run = match.group()
        words = [w for w in re.findall(r"[\w'’.-]+", run)]
        if fold(run) != run.lower() or any(run in n or n in run for n in names):
            continue  # Vietnamese (titles, places) or a name the record holds
        rest = [w for w in words if fold(w).strip(".").lower() not in known]
        if len(rest) >= 2:
            unknown.append(" ".join(rest))
    return unknown


# Intents whose question is about someone: a single unknown name there is that someone.
_ABOUT_SOMEONE = ("met", "whom_met", "visit", "when", "where", "who_is", "envoys", "planned")
# Words without diacritics that are no Vietnamese syllable yet no name either.
_LOANWORDS = frozenset(
    ["online", "video", "covid", "fta", "cptpp", "rcep", "oda", "fdi", "usd", "euro"]
)


def _unknown_word(text: str, folded: str, lex: Lexicons) -> list[str]:
    """One word that can only be a name the record does not hold: capitalised, without
    diacritics, no party, place, title, series or question word ("Macron" in "When did
    Macron visit Vietnam?"), or, in Vietnamese typed without diacritics, a word that is
    no Vietnamese syllable ("macron tham viet nam khi nao")."""
    known = lex.derive("qa.known_words", _known_words) | _LOANWORDS
    blocked = people.lexicon_spans(text, lex)
    blocked += [(a, b) for a, b, _ in folded_lexicons(lex).parties.find(folded)]
    blocked += [(a, b) for a, b, _ in lex.derive("qa.folded_places", _folded_places).find(folded)]
    typed_lower = text == text.lower()
    vietnamese = typed_lower and not _ENGLISH.search(folded)
    found = []
    for i, match in enumerate(re.finditer(r"[\w'’]+", text)):
        word, start = match.group(), match.start()
        bare = fold(word).lower().strip("'’-")
        if len(bare) < 3 or bare in known or fold(word) != word.lower() or bare.isdigit():
            continue
        if any(a <= start < b for a, b in blocked):
            continue
        if vietnamese and people.foreign(word) or not typed_lower and word[:1].isupper() and i > 0:
            found.append(word)
    return found[:1]


def _known_words(lex: Lexicons) -> frozenset[str]:
    """Capitalised English words that are not personal names: parties, cities, titles,
    series, months, question words."""
    words: set[str] = set(_QUESTION_WORDS) | set(_MONTH)
    forms: list[str] = []
    for party in lex.parties.values():
        forms += [party.name_en, party.short_en, party.code]
    for _, payloads, _ in lex.places.automaton.values():
        forms += [city.name_en for city in payloads]
    for _, payloads, _ in lex.titles.automaton.values():
        forms += [title.en for title in payloads]
    for _, payloads, _ in lex.series.automaton.values():
        forms += [item.name_en for item in payloads]
    for form in forms:
        words |= {fold(w).lower() for w in re.findall(r"[\w'’.-]+", form or "")}
        words |= {fold(w).lower() for w in re.findall(r"[\w'’]+", form or "")}  # "Lancang"
    words |= set(all_demonyms(lex)[0])
    return frozenset(words)


def _location(text: str, folded: str, lex: Lexicons) -> tuple[str | None, str | None, str | None]:
    """A city the question names, as written or folded ("Hà Nội", "ha noi", "Seoul"):
    its English name, the words the question uses and its country. A city that is also
    a party ("Singapore") is the party."""
    parties = [(s, e) for s, e, _ in lex.party_names.find(text)]
    parties += [(s, e) for s, e, _ in folded_lexicons(lex).parties.find(folded)]
    for start, end, found in lex.places.find(text):
        if not any(a < end and start < b for a, b in parties):
            return str(found[0].name_en), text[start:end], str(found[0].country)
    if text.lower() != folded:  # typed with diacritics: "hòa bình" is peace, not Hòa Bình
        return None, None, None
    cities = lex.derive("qa.folded_places", _folded_places)
    for start, end, found in cities.find(folded):
        if not any(a < end and start < b for a, b in parties):
            name, country = found[0]
            return str(name), text[start:end], str(country)
    return None, None, None


def _folded_places(lex: Lexicons) -> Matcher:
    matcher = Matcher(caseless=True)
    for form, (_, payloads, _) in lex.places.automaton.items():
        for city in payloads:
            if len(form) > 3:
                matcher.add(fold(form), (city.name_en, city.country))
            matcher.add(fold(city.name_en), (city.name_en, city.country))
    return matcher.finish()


@lru_cache(maxsize=1)
def ambiguous_words() -> frozenset[str]:
    source = resources.files("diplonews.qa") / "lexicons" / "question_words.tsv"
    return frozenset(row["form"] for row in read_rows(source) if row["role"] == "ambiguous")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """'korean' → KOR: English words for a country's people, longest first."""
    source = resources.files("diplonews.qa") / "lexicons" / "question_words.tsv"
    rows = [r for r in read_rows(source) if r["role"] == "demonym"]
    return {
        fold(r["form"]).lower(): r["means"] for r in sorted(rows, key=lambda r: -len(r["form"]))
    }


def all_demonyms(lex: Lexicons) -> tuple[dict[str, str], re.Pattern[str]]:
    """The listed demonyms and those English forms from a state's name by the regular
    endings ("Moldova" → "moldovan", "Brazil" → "brazilian", "Israel" → "israeli"; a
    form two states would give is left out), with one pattern that finds them all."""
    return lex.derive("qa.demonyms", _build_demonyms)


def _build_demonyms(lex: Lexicons) -> tuple[dict[str, str], re.Pattern[str]]:
    derived: dict[str, set[str]] = {}
    for party in lex.parties.values():
        if party.kind != "state":
            continue
        for name in {party.name_en, party.short_en}:
            name = fold(name or "").lower()
            if not re.fullmatch(r"[a-z]{4,}", name):
                continue
            if name.endswith("a"):
                forms = [name + "n"]
            elif name.endswith("i"):
                forms = [name + "an"]
            elif name[-1] not in "eouy":
                forms = [name + "ian", name + "i"]
            else:
                forms = []
            for form in forms:
                derived.setdefault(form, set()).add(party.code)
    found = {form: next(iter(codes)) for form, codes in derived.items() if len(codes) == 1}
    found.update(demonyms())
    ordered = sorted(found, key=lambda f: (-len(f), f))
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in ordered) + r")\b")
    return found, pattern


def find_demonyms(folded: str, lex: Lexicons) -> list[tuple[int, int, str]]:
    """The demonyms of a folded question, with their spans and states."""
    found, pattern = all_demonyms(lex)
    return [(m.start(), m.end(), found[m.group()]) for m in pattern.finditer(folded.lower())]


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
    for start, end, country in people.title_countries(text, lex):
        if not any(a <= start < b for a, b in taken):
            found.append((start, country))
            taken.append((start, end))
    series = [(s, e, hits[0].parties) for s, e, hits in lex.series.find(text)]
    for match in re.finditer(r"\b[A-Z]{2,6}\b", text):
        party = lex.parties.get(match.group())
        if any(a <= match.start() < b and match.group() not in p for a, b, p in series):
            continue  # a word of a series' name, not its party ("SOM" in "ASEAN SOM")
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
    blocs = [  # spans of blocs ("ASEAN"): a common word right after one is a party
        span
        for span, (_, code) in zip(taken, found, strict=True)
        if getattr(lex.parties.get(code), "kind", "") == "bloc"
    ]
    typed_without_marks = text.lower() == folded
    matcher = folded_lex.parties if typed_without_marks else folded_lex.english
    for start, end, codes in matcher.find(folded):
        if any(a < end and start < b for a, b in taken):
            continue
        written = text[start:end]
        beside = any(0 <= start - b <= 3 for _, b in blocs)  # right after "ASEAN"
        if folded[start:end] in ambiguous_words() and not (written[:1].isupper() or beside):
            continue  # "nam 2021" is a year, "asean uc" Australia beside ASEAN
        found.append((start, codes[0]))
        taken.append((start, end))
        if getattr(lex.parties.get(codes[0]), "kind", "") == "bloc":
            blocs.append((start, end))
    if text.lower() == folded:  # English, or Vietnamese without diacritics
        for start, end, code in find_demonyms(folded, lex):
            if not any(a <= start < b for a, b in taken):
                found.append((start, code))
                taken.append((start, end))
    kinds = ("state", "bloc", "group")
    codes = [c for _, c in sorted(found) if getattr(lex.parties.get(c), "kind", "") in kinds]
    return list(dict.fromkeys(codes))


_SERIES_CACHE: dict[tuple[str, int], list[tuple[str, str]]] = {}


def _series_forms(store: Store) -> list[tuple[str, str]]:
    """(folded name, name) of every series the store holds, read once per generation."""
    key = (store.location, queries.generation(store))
    if key not in _SERIES_CACHE:
        _SERIES_CACHE.clear()
        rows = store.query("SELECT DISTINCT series FROM events WHERE series IS NOT NULL")
        _SERIES_CACHE[key] = [(fold(str(r[0])), str(r[0])) for r in rows]
    return _SERIES_CACHE[key]


def _series_names(store: Store) -> frozenset[str]:
    return frozenset(name for _, name in _series_forms(store))


def _stored_series(store: Store, folded: str) -> str | None:
    """The longest series name of the store that the question writes out."""
    hits = [
        name
        for form, name in _series_forms(store)
        if form in folded and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", folded)
    ]
    return max(hits, key=len) if hits else None


_SUMMIT = re.compile(r"\b(?:summit|leaders|thuong dinh|cap cao|lanh dao)\b")
_MINISTERS = re.compile(r"\b(?:ministers?|ministerial|bo truong|ngoai truong)\b")


def _acronym_series(
    store: Store, text: str, folded: str, parties: list[str], lex: Lexicons
) -> str | None:
    """A series named by its body's acronym and a meeting word ("the APEC summit",
    "hội nghị cấp cao G20"): the one series of the store with that acronym, naming
    every other party of the question, of the level the question names."""
    for acronym in re.findall(r"\b[A-Z][A-Z0-9]{1,5}\b", text):
        others = [lex.parties[c].short_en for c in parties if c != acronym and c in lex.parties]
        held = [
            n
            for _, n in _series_forms(store)
            if re.search(rf"\b{acronym}\b", n) and all(o and o in n for o in others)
        ]
        if _SUMMIT.search(folded):
            held = [n for n in held if re.search(r"Summit|Leaders", n)] or held
        elif _MINISTERS.search(folded):
            held = [n for n in held if "Minister" in n] or held
        if len(held) == 1:
            return held[0]
    return None


# A meeting word the question asks about rather than names: "tổ chức hội nghị nào",
# "cuộc họp gì", "which summit", "what meeting".
_ASKS_WHICH_AFTER = re.compile(r"\s+(?:nao|gi)\b", re.IGNORECASE)
_WHICH_MEETING_EN = re.compile(
    r"\b(?:which|what)\s+(?:summit|meeting|conference|talk|dialogue|forum|session)s?\b",
    re.IGNORECASE,
)
_ASKS_WHICH_BEFORE = re.compile(r"\b(?:which|what)\s+$", re.IGNORECASE)


def _asked_about(folded: str, start: int, end: int) -> bool:
    return bool(_ASKS_WHICH_AFTER.match(folded, end) or _ASKS_WHICH_BEFORE.search(folded, 0, start))


def _asks_which_meeting(folded: str, folded_lex: FoldedLexicons) -> bool:
    """The question asks which meeting ("hội nghị nào", "which summit"): a body's
    acronym in it names a side, not a series."""
    return bool(_WHICH_MEETING_EN.search(folded)) or any(
        _asked_about(folded, s, e) for s, e, _ in folded_lex.triggers.find(folded)
    )


def _series(
    folded: str,
    codes: list[str],
    folded_lex: FoldedLexicons,
    lex: Lexicons,
    stored: frozenset[str] = frozenset(),
) -> str | None:
    """The series a question names: composed from its parties and a meeting word
    ("ASEAN-Korea Summit"), or a series name of the lexicon ("Hội nghị Cấp cao
    ASEAN+3"). A party that only says whose delegation is meant ("Đoàn Việt Nam … tại
    Hội nghị Cấp cao ASEAN+3") is no part of the name: among the readings, the first
    that the store holds wins."""
    composed: list[str] = []
    for start, end, suffixes in folded_lex.triggers.find(folded):
        if _asked_about(folded, start, end):
            continue  # "hội nghị nào", "which summit": the question asks for the event
        composed.append(cues.series_name(codes, suffixes[0], lex) or "")
        for code in codes:  # the same name without one of the parties
            rest = [c for c in codes if c != code]
            composed.append(cues.series_name(rest, suffixes[0], lex) or "")
    named = [str(names[0]) for _, _, names in folded_lex.series.find(folded)]
    readings = [c for c in composed[:1] + named + composed[1:] if c]
    held = [r for r in readings if r in stored]
    if held:
        return held[0]
    return readings[0] if readings else None


def _mechanism_series(text: str, codes: list[str], lex: Lexicons) -> str | None:
    """A mechanism the series lexicon does not list, named by its words before its
    parties ("Ủy ban liên Chính phủ Việt Nam - Campuchia"), composed as the extractor
    composes it ("Vietnam-Cambodia Intergovernmental Committee")."""
    if len(codes) < 2:
        return None
    party_starts = sorted(s for s, _, _ in lex.party_names.find(text))
    for start, end, payloads in lex.mechanisms.find(text):
        if payloads[0][1] != "head" or not text[start].isupper() or not text[:start].strip():
            continue  # a name is written with capitals (not the question's first word)
        after = next((s for s in party_starts if s >= end), None)
        name = mechanisms.compose(text[start:after], codes, lex) if after else None
        if name:
            return name
    return None


def _edition(folded: str) -> int | None:
    """The first edition the question writes ("kỳ họp lần thứ 48": 48, not "họp")."""
    for match in _EDITION.finditer(folded):
        word = match.group(1) or match.group(2)
        if word.isascii() and word.isdigit():  # "25"; not "²", a digit to Python
            if len(word) <= MAX_EDITION_DIGITS:
                return int(word)
        elif re.fullmatch(ROMAN, word.upper()):  # "xxv" (folded)
            return parse_edition(word.upper())
        elif word in _FOLDED_NUMBERS:
            return _FOLDED_NUMBERS[word]
    return None


def _period(folded: str) -> tuple[str | None, str | None]:
    """The period a question names: a day, a month, a year or a range of years, as ISO
    prefixes."""
    day = None
    if match := _DAY_VI.search(folded):
        day = f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"
    elif match := _DAY_EN.search(folded):
        day = f"{match.group(3)}-{_MONTH[match.group(2)]:02d}-{int(match.group(1)):02d}"
    elif match := _DAY_EN2.search(folded):
        day = f"{match.group(3)}-{_MONTH[match.group(1)]:02d}-{int(match.group(2)):02d}"
    elif match := _MONTH_EN.search(folded):
        day = f"{match.group(2)}-{_MONTH[match.group(1)]:02d}"
    elif (match := _MONTH_VI.search(folded)) and 1 <= int(match.group(1) or match.group(2)) <= 12:
        day = f"{match.group(3)}-{int(match.group(1) or match.group(2)):02d}"
    if day:
        return day, day
    if match := _RANGE.search(folded):
        return match.group(1), match.group(2)
    if match := _SINCE.search(folded):
        return match.group(1), None
    years = _YEAR_ONLY.findall(folded)
    if years:
        return years[0], years[0]
    return None, None
