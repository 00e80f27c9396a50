"""People named in a question, matched the way people type names: with or without
diacritics and hyphens ("Yeo Seung bae", "nguyen phu trong"), family name first or
last, the end or start of a longer name ("Lula da Silva"), a name as one article spelt
it (every spelling in the store counts), a short form ("Moon", "ông Chung": one
capitalised word that is part of a name), and the other-language names of
`lexicons/question_words.tsv` ("Xi Jinping" is "Tập Cận Bình").

The index of the store's names is built once per store generation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from diplonews.extract.lexicons import Lexicons, Matcher, read_rows
from diplonews.kb.resolve import loose_key
from diplonews.kb.store import Store, queries
from diplonews.text import fold

_WORD = re.compile(r"\w+")
_LONGEST = 6  # words in the longest name matched
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii"])


def _vietnamese(name: str) -> bool:
    return fold(name) != name.lower()


@dataclass
class NameIndex:
    full: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    part: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    single: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    events: dict[int, int] = field(default_factory=dict)
    words: dict[int, frozenset[str]] = field(default_factory=dict)  # id → its name's words


_CACHE: dict[tuple[str, int], NameIndex] = {}


def index(store: Store) -> NameIndex:
    key = (store.location, queries.generation(store))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _build(queries.person_names(store))
    return _CACHE[key]


def _build(names: list[tuple[int, str, int]]) -> NameIndex:
    built = NameIndex()
    for person_id, name, events in names:
        built.events[person_id] = max(events, built.events.get(person_id, 0))
        words = _WORD.findall(name)
        if not words:
            continue
        built.full[loose_key(name)].add(person_id)
        built.words[person_id] = frozenset(loose_key(w) for w in words)
        if len(words) >= 2:
            built.full[loose_key(" ".join(reversed(words)))].add(person_id)
        for size in range(2, len(words)):
            built.part[loose_key(" ".join(words[:size]))].add(person_id)
            built.part[loose_key(" ".join(words[-size:]))].add(person_id)
        bare = [w for w in words if len(w) > 1 and w.lower() not in _SUFFIXES]
        if 2 <= len(bare) < len(words):  # "George W. Bush" is "George Bush", "Marcos Jr." "Marcos"
            built.part[loose_key(" ".join(bare))].add(person_id)
        if len(bare) >= 3 and not _vietnamese(name):  # "Luiz Inacio Lula da Silva": "Luiz Silva"
            built.part[loose_key(f"{bare[0]} {bare[-1]}")].add(person_id)
        for word in words:
            if len(word) >= 3 and word[:1].isupper():
                built.single[loose_key(word)].add(person_id)
    return built


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Folded other-language name → the name the store holds."""
    source = resources.files("diplonews.qa") / "lexicons" / "question_words.tsv"
    return {
        fold(row["form"]).lower(): row["means"]
        for row in read_rows(source)
        if row["role"] == "person" and row.get("means")
    }


def find(
    store: Store, text: str, lex: Lexicons, known: frozenset[str] = frozenset()
) -> tuple[list[list[int]], list[str]]:
    """The people a question names, one group of person ids per name (a name the store
    holds under several ids gives them all), and each name as written. `known` are
    capitalised words that are no part of a name ("President")."""
    names = index(store)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    taken: set[int] = set()
    found: list[tuple[int, list[int], str]] = []
    folded = fold(text).lower()
    typed_lower = text == text.lower()
    for form, target in aliases().items():
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", folded):
            ids = names.full.get(loose_key(target))
            if ids:
                found.append((match.start(), sorted(ids), text[match.start() : match.end()]))
                taken |= {
                    i for i, (s, _, _) in enumerate(words) if match.start() <= s < match.end()
                }
    for table in (names.full, names.part):
        for size in range(_LONGEST, 1, -1):
            for start in range(len(words) - size + 1):
                span = set(range(start, start + size))
                if span & taken or not (typed_lower or words[start][2][:1].isupper()):
                    continue
                phrase = " ".join(w for _, _, w in words[start : start + size])
                ids = table.get(loose_key(phrase))
                if ids:
                    begin, end = words[start][0], words[start + size - 1][1]
                    best = _best(ids, names)
                    if not _vietnamese(phrase):  # "George Bush" is also the store's "Bush"
                        alone = names.full.get(loose_key(words[start + size - 1][2]), set())
                        best += sorted(alone - set(best))
                    found.append((begin, best, text[begin:end]))
                    taken |= span
    blocked = lexicon_spans(text, lex)

    def free_capital(i: int) -> bool:
        start, _, word = words[i]
        return (
            i not in taken
            and word[:1].isupper()
            and fold(word).lower() not in known
            and not any(a <= start < b for a, b in blocked)
        )

    for i, (start, end, word) in enumerate(words):
        if i in taken or len(word) < 3 or any(a <= start < b for a, b in blocked):
            continue
        if i == 0 and not foreign(word):  # a capital that only starts the question
            continue
        if not (word[:1].isupper() or (typed_lower and foreign(word))):
            continue
        if any(0 < j < len(words) and free_capital(j) for j in (i - 1, i + 1)):
            continue  # one word of a longer name the store does not hold ("John Smith")
        ids = names.single.get(loose_key(word))
        if ids:
            found.append((start, _best(ids, names, most=1), word))
            taken.add(i)
    found.sort()
    return [ids for _, ids, _ in found], [name for _, _, name in found]


_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


def foreign(word: str) -> bool:
    """A word typed in lower case that cannot be a Vietnamese syllable ("abe",
    "marcos", "obama"): in a question without diacritics it can only be a name."""
    folded = fold(word).lower().replace("đ", "d")
    return len(folded) >= 3 and not _SYLLABLE.fullmatch(folded)


def _best(ids: set[int], names: NameIndex, most: int = 3) -> list[int]:
    """The ids most present in events first: a short form names the best known, with
    the ids of the same name in another order ("Junichiro Koizumi", "Koizumi
    Junichiro")."""
    ranked = sorted(ids, key=lambda i: (-names.events.get(i, 0), i))
    kept = ranked[:most]
    same = {names.words.get(i) for i in kept}
    return kept + [i for i in ranked[most:] if names.words.get(i) in same]


def lexicon_spans(text: str, lex: Lexicons) -> list[tuple[int, int]]:
    """Spans of party, place and title names: a capitalised word in them ("Hàn",
    "Nam", "Tổng") is not a short form of a name."""
    spans = [(s, e) for s, e, _ in lex.party_names.find(text)]
    spans += [(s, e) for s, e, _ in lex.places.find(text)]
    spans += [(s, e) for s, e, _ in lex.titles.find(text)]
    spans += [(s, e) for s, e, _ in lex.series.find(text)]
    spans += [(s, e) for s, e, _ in lex.triggers.find(text)]
    spans += [(s, e) for s, e, _ in title_countries(text, lex)]
    spans += [m.span() for m in INSTITUTIONS.finditer(text)]
    return spans


# Institutions written with a capital whose first word is also a given name ("Ủy ban
# liên Chính phủ": the government, not Phạm Minh Chính).
INSTITUTIONS = re.compile(r"(?<!\w)(?:Chính (?:phủ|quyền|trị)|Chinh (?:phu|quyen|tri))(?!\w)")


def title_countries(text: str, lex: Lexicons) -> list[tuple[int, int, str]]:
    """Countries written by their short form right after a title ("Thủ tướng Anh",
    "Tổng thống Mỹ", "Ngoại trưởng Nhật"): a country, not a name."""
    found = []
    for _, end, _ in lex.titles.find(text):
        match = re.match(r"\s+(\w+)", text[end:])
        if match and (code := lex.party_short.get(match.group(1))):
            found.append((end + match.start(1), end + match.end(1), code))
    return found


# --- officials named by their office ------------------------------------------------


def by_title(
    store: Store,
    text: str,
    parties: list[str],
    lex: Lexicons,
    countries: list[tuple[int, int, str]],
) -> tuple[list[list[int]], list[str]]:
    """The officials a question names by office and country, without a name ("Ngoại
    trưởng Hàn Quốc", "the Japanese Prime Minister", "thu tuong nhat ban"; `countries`
    are the spans of the question's country names on its folded text): everyone
    the record holds with that title for that country, one group (the question's period
    then picks the one in office). An office inside a meeting's name ("Hội nghị Bộ
    trưởng Ngoại giao ASEAN") names nobody."""
    folded = fold(text).lower().replace("đ", "d")
    meetings = [(s, e) for s, e, _ in lex.series.find(text)]
    meetings += [(s, e) for s, e, _ in lex.triggers.find(text)]
    for start, end, titles in _folded_titles(lex).find(folded):
        if any(a <= start < b for a, b in meetings):
            continue
        near = [c for s, e, c in countries if 0 <= s - end <= 4 or 0 <= start - e <= 2]
        near = [c for c in near if c in parties]
        if not near:
            continue
        rows = store.query(
            "SELECT p.person_id, MAX(COALESCE(e.date, '')) AS latest FROM event_participants p "
            "JOIN events e ON e.id = p.event_id "
            "WHERE p.title = ? AND p.country = ? AND p.person_id IS NOT NULL "
            "GROUP BY p.person_id ORDER BY latest DESC, p.person_id",
            (str(titles[0]), near[0]),
        )
        ids = [int(r[0]) for r in rows]  # the latest in office first
        if ids:
            return [ids], [text[start:end]]
    return [], []


def _folded_titles(lex: Lexicons) -> Matcher:
    return lex.derive("qa.folded_titles", _build_folded_titles)


def _build_folded_titles(lex: Lexicons) -> Matcher:
    matcher = Matcher(caseless=True)
    for form, (_, payloads, _) in lex.titles.automaton.items():
        for title in payloads:
            if title.level in ("head_of_state", "head_of_government", "minister"):
                matcher.add(fold(form).lower().replace("đ", "d"), title.en)
                matcher.add(fold(title.en).lower(), title.en)
    return matcher.finish()
