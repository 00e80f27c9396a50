"""Vietnamese world knowledge, loaded once from the TSV files in `lexicons/`.

Every file is tab-separated with a header row; `#` starts a comment line; a cell
holding several surface forms separates them with `|`. Users add their own rows
with `--lexicon PATH` (a folder with files of the same names, or one file): its
rows are appended to the shipped ones. Surface forms are compiled into
Aho-Corasick automata that match whole words only.

Files and columns:
- countries.tsv / organisations.tsv: code, name_en, short_en, kind, names, short_forms,
  members (kind: state; bloc — a party in its own right, like ASEAN or EU; group —
  stands for its members, like the Mekong countries; org — an organisation that is
  not a party, like the UN; region. `short_forms` only count inside compounds such
  as "Hàn-Việt"; `members` lists the states of a group, or of a bloc, whose members
  an event's parties then leave out; code "-" marks a name that must not be read as a
  party, e.g. "Bán đảo Triều Tiên").
- titles.tsv: vi, en, level (head_of_state, head_of_government, minister,
  vice_minister, ambassador, official, party, military, legislature, local; "-"
  marks a phrase that contains a title but is not one, e.g. "Đại sứ quán").
- cities.tsv: name_en, country, names.
- venues.tsv: names, city (a well-known building that implies its city).
- series.tsv: series_en, names, parties (fixed-name recurring mechanisms).
- triggers.tsv: vi, kind, series_suffix, flags (words that report an event).
- credits.tsv: canonical, names (agencies and outlets credited as source).
- surnames.tsv: surname, country (a fallback for an official's country).
- documents.tsv: vi, en (kinds of documents an event adopts: "Tuyên bố chung").
- mechanisms.tsv: vi, en, role (the words of a mechanism's name, to compose series
  names: head, modifier, filler).
- name_words.tsv: form, role (words around personal names: honorific, particle, stop,
  not_official, portfolio).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick

from diplonews.errors import LexiconError

FILES = (
    "countries.tsv",
    "organisations.tsv",
    "titles.tsv",
    "cities.tsv",
    "venues.tsv",
    "series.tsv",
    "triggers.tsv",
    "credits.tsv",
    "surnames.tsv",
    "documents.tsv",
    "name_words.tsv",
    "mechanisms.tsv",
)


# Vietnamese number words up to twelve, as in "lần thứ hai" and "tháng mười một".
NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
}  # fmt: skip


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case without Vietnamese diacritics (đ → d): the key for lenient lookups."""
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d").replace("Đ", "d")
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def split_forms(cell: str | None) -> list[str]:
    return [nfc(f.strip()) for f in (cell or "").split("|") if f.strip()]


def read_rows(path: Path | Any) -> Iterator[dict[str, str]]:
    """Rows of one TSV file as dicts; comment and blank lines skipped."""
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise LexiconError(
                f"{getattr(path, 'name', path)}: row {number} has the wrong number of cells"
            )
        yield {k.strip(): (v or "").strip() for k, v in row.items()}


def whole_word(text: str, start: int, end: int, size: int) -> bool:
    """Whether text[start:end] neither begins nor ends inside a word."""
    if start and text[start - 1].isalnum() and text[start].isalnum():
        return False
    return not (end < size and text[end].isalnum() and text[end - 1].isalnum())


class Matcher:
    """Whole-word, longest-leftmost dictionary matching over one automaton.

    Values are lists of payloads, so one surface form may carry several meanings.
    Matching is case-sensitive on the NFC text unless `caseless` is set, in which
    case keys and text are lower-cased (lengths are preserved for Vietnamese); with
    `exact_acronyms`, a form written in capitals only ("ARF", "SOM ASEAN") still
    matches only as written, so that a common word is not read as an acronym.
    """

    def __init__(self, caseless: bool = False, exact_acronyms: bool = False) -> None:
        self.caseless = caseless
        self.exact_acronyms = exact_acronyms
        self.automaton = ahocorasick.Automaton()
        self.size = 0

    def add(self, form: str, payload: Any) -> None:
        key = form.lower() if self.caseless else form
        if not key:
            return
        # The spellings the text must show, or None for any case.
        exact = {form} if not self.caseless or (self.exact_acronyms and form.isupper()) else None
        if key in self.automaton:
            length, payloads, spellings = self.automaton.get(key)
            if payload not in payloads:
                payloads.append(payload)
            if spellings is not None:
                spellings = None if exact is None else spellings | exact
                self.automaton.add_word(key, (length, payloads, spellings))
        else:
            self.automaton.add_word(key, (len(key), [payload], exact))
            self.size += 1

    def finish(self) -> Matcher:
        if self.size:
            self.automaton.make_automaton()
        return self

    def find(self, text: str) -> list[tuple[int, int, list[Any]]]:
        """Leftmost-longest, non-overlapping, whole-word matches (start, end, payloads).

        The automaton's own `iter_long` picks the longest match at each point in C; a
        match that starts or ends inside a word, or an acronym written otherwise, is
        then dropped."""
        if not self.size:
            return []
        hay = text.lower() if self.caseless else text
        size = len(hay)
        found = []
        for end_index, (length, payloads, spellings) in self.automaton.iter_long(hay):
            start, end = end_index - length + 1, end_index + 1
            if not whole_word(hay, start, end, size):
                continue
            if self.caseless and spellings is not None and text[start:end] not in spellings:
                continue
            found.append((start, end, payloads))
        return found


SCANNED = ("party_names", "titles", "places", "series", "triggers", "documents")


class Scanner:
    """Several matchers' forms in one case-folded automaton, for one pass over a text.

    Each matcher keeps its own semantics: case-sensitive forms must match the text as
    written, and each matcher's matches are chosen leftmost-longest on their own."""

    def __init__(self, matchers: dict[str, Matcher]) -> None:
        self.names = tuple(matchers)
        self.automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, str | None, list[Any]]]] = {}
        for name, matcher in matchers.items():
            if not matcher.size:
                continue
            for key, (_, payloads, spellings) in matcher.automaton.items():
                entries.setdefault(key.lower(), []).append((name, spellings, payloads))
        for key, found in entries.items():
            self.automaton.add_word(key, (len(key), found))
        self.size = len(entries)
        if self.size:
            self.automaton.make_automaton()

    def scan(self, text: str) -> dict[str, list[tuple[int, int, list[Any]]]]:
        hay = text.lower()
        if not self.size or len(hay) != len(text):  # lower() changed offsets: match apart
            return {}
        size = len(hay)
        hits: dict[str, list[tuple[int, int, list[Any]]]] = {name: [] for name in self.names}
        for end_index, (length, found) in self.automaton.iter(hay):
            start, end = end_index - length + 1, end_index + 1
            if not whole_word(hay, start, end, size):
                continue
            for name, spellings, payloads in found:
                if spellings is None or text[start:end] in spellings:
                    hits[name].append((start, end, payloads))
        for name, matches in hits.items():
            matches.sort(key=lambda m: (m[0], m[0] - m[1]))
            chosen, last_end = [], -1
            for match in matches:
                if match[0] >= last_end:
                    chosen.append(match)
                    last_end = match[1]
            hits[name] = chosen
        return hits


@dataclass(frozen=True)
class Party:
    code: str
    name_en: str
    short_en: str
    kind: str  # state, bloc, group, org, region
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Title:
    vi: str
    en: str
    level: str


@dataclass(frozen=True)
class City:
    name_en: str
    country: str


@dataclass(frozen=True)
class Series:
    name_en: str
    parties: tuple[str, ...]


@dataclass(frozen=True)
class Trigger:
    vi: str
    kind: str
    series_suffix: str
    flags: frozenset[str]


@dataclass(eq=False)  # hashed by identity: derived indexes are cached per instance
class Lexicons:
    """All lexicons, compiled. Build with `load()`; the default set is cached."""

    parties: dict[str, Party] = field(default_factory=dict)
    party_names: Matcher = field(default_factory=Matcher)  # form -> Party code
    party_short: dict[str, str] = field(default_factory=dict)  # compound-only form -> code
    party_forms: dict[str, list[str]] = field(default_factory=dict)  # code -> its names
    titles: Matcher = field(default_factory=Matcher)  # form -> Title
    places: Matcher = field(default_factory=Matcher)  # city or venue form -> City
    # form -> Series; outlets differ in capitals ("Hội nghị quan chức cao cấp ASEAN")
    series: Matcher = field(default_factory=lambda: Matcher(caseless=True, exact_acronyms=True))
    triggers: Matcher = field(default_factory=lambda: Matcher(caseless=True))  # -> Trigger
    credits: Matcher = field(default_factory=Matcher)  # form -> canonical
    surnames: dict[str, str] = field(default_factory=dict)  # surname -> country
    documents: Matcher = field(default_factory=lambda: Matcher(caseless=True))  # -> English kind
    name_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> forms
    # a mechanism's name words -> (English, role), for composed series names
    mechanisms: Matcher = field(default_factory=lambda: Matcher(caseless=True))
    scanner: Scanner | None = None  # the lexicons of SCANNED in one automaton

    def party(self, code: str) -> Party | None:
        return self.parties.get(code)

    def find_in(
        self, cache: dict[str, Any], name: str, text: str
    ) -> list[tuple[int, int, list[Any]]]:
        """`getattr(self, name).find(text)`, computed once per text through `cache`
        (stages share the matches over a document's body). The lexicons of the body are
        all found in one pass of one automaton: a pass costs about 10 ns a character
        whatever the automaton's size, so reading the text once beats reading it five
        times."""
        if name not in cache:
            if name in SCANNED and self.scanner is not None:
                cache.update(self.scanner.scan(text))
            if name not in cache:
                cache[name] = getattr(self, name).find(text)
        return cache[name]


def shipped_files() -> dict[str, Any]:
    folder = resources.files("diplonews") / "lexicons"
    return {name: folder / name for name in FILES}


def user_files(paths: Iterable[str | Path]) -> dict[str, list[Path]]:
    extra: dict[str, list[Path]] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for name in FILES:
                if (path / name).is_file():
                    extra.setdefault(name, []).append(path / name)
        elif path.is_file() and path.name in FILES:
            extra.setdefault(path.name, []).append(path)
        else:
            raise LexiconError(f"{path}: not a lexicon folder or one of {', '.join(FILES)}")
    return extra


def build(sources: dict[str, list[Any]]) -> Lexicons:
    lex = Lexicons()

    def rows(name: str) -> Iterator[dict[str, str]]:
        for source in sources.get(name, []):
            yield from read_rows(source)

    for name in ("countries.tsv", "organisations.tsv"):
        for row in rows(name):
            code = row["code"]
            if code != "-":
                lex.parties[code] = Party(
                    code,
                    row["name_en"],
                    row.get("short_en") or row["name_en"],
                    row.get("kind") or "state",
                    tuple(split_forms(row.get("members"))),
                )
            for form in split_forms(row.get("names")):
                lex.party_names.add(form, code)
                lex.party_forms.setdefault(code, []).append(form)
            for form in split_forms(row.get("short_forms")):
                lex.party_short[form] = code
    for row in rows("titles.tsv"):
        title = Title(nfc(row["vi"]), row["en"], row.get("level") or "official")
        lex.titles.add(title.vi, title)
        if title.vi[:1].isupper():  # titles open sentences capitalised or not
            lex.titles.add(title.vi[0].lower() + title.vi[1:], title)
        else:
            lex.titles.add(title.vi[0].upper() + title.vi[1:], title)
    cities: dict[str, City] = {}
    for row in rows("cities.tsv"):
        city = cities[row["name_en"]] = City(row["name_en"], row.get("country") or "")
        for form in split_forms(row.get("names")) + [row["name_en"]]:
            lex.places.add(form, city)
    for row in rows("venues.tsv"):  # a well-known building stands for its city
        venue_city = cities.get(row["city"]) or City(row["city"], "")
        for form in split_forms(row.get("names")):
            lex.places.add(form, venue_city)
    for row in rows("series.tsv"):
        series = Series(row["series_en"], tuple(split_forms(row.get("parties"))))
        for form in split_forms(row.get("names")):
            lex.series.add(form, series)
    for row in rows("triggers.tsv"):
        trigger = Trigger(
            nfc(row["vi"]),
            row["kind"],
            row.get("series_suffix") or "",
            frozenset(split_forms(row.get("flags"))),
        )
        lex.triggers.add(trigger.vi, trigger)
    for row in rows("credits.tsv"):
        for form in split_forms(row.get("names")) + [row["canonical"]]:
            lex.credits.add(form, row["canonical"])
    for row in rows("surnames.tsv"):
        for form in split_forms(row.get("surname")):
            lex.surnames[form] = row["country"]
    words: dict[str, list[str]] = {}
    for row in rows("name_words.tsv"):
        words.setdefault(row["role"], []).append(nfc(row["form"]))
    lex.name_words = {role: tuple(forms) for role, forms in words.items()}
    for row in rows("documents.tsv"):
        lex.documents.add(nfc(row["vi"]), row["en"])
    for row in rows("mechanisms.tsv"):
        lex.mechanisms.add(nfc(row["vi"]), (row["en"], row.get("role") or "modifier"))
    for matcher in (
        lex.mechanisms,
        lex.party_names,
        lex.titles,
        lex.places,
        lex.series,
        lex.triggers,
        lex.credits,
        lex.documents,
    ):
        matcher.finish()
    lex.scanner = Scanner({name: getattr(lex, name) for name in SCANNED})
    return lex


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...]) -> Lexicons:
    sources: dict[str, list[Any]] = {name: [path] for name, path in shipped_files().items()}
    for name, paths in user_files(extra).items():
        sources.setdefault(name, []).extend(paths)
    return build(sources)


def load(extra: Iterable[str | Path] = ()) -> Lexicons:
    """The shipped lexicons plus the user's own files, compiled once per set."""
    return _load_cached(tuple(str(p) for p in extra))
