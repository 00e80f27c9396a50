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
  not a party, like the UN; region; movement — an armed or political movement that
  is a side of peace talks, like GAM or the LTTE: known by name, not yet an event's
  party). `short_forms` only count inside compounds such as "Hàn-Việt"; `members`
  lists the states of a group, or of a bloc, whose members an event's parties leave
  out; code "-" marks a name that must not be read as a party, e.g. "Bán đảo Triều
  Tiên").
- titles.tsv: vi, en, level (head_of_state, head_of_government, minister,
  vice_minister, ambassador, official, party, military, legislature, local; "-"
  marks a phrase that contains a title but is not one, e.g. "Đại sứ quán").
- cities.tsv: name_en, country, names, capital ("yes" for a seat of government, which
  world news names for its state: "Bogota đang đàm phán với La Havana"), seat_of (the
  organisations headquartered there).
- venues.tsv: names, city (a well-known building that implies its city).
- series.tsv: series_en, names, parties (fixed-name recurring mechanisms).
- triggers.tsv: vi, kind, series_suffix, flags (words that report an event).
- credits.tsv: canonical, names (agencies and outlets credited as source).
- surnames.tsv: surname, country (a fallback for an official's country).
- documents.tsv: vi, en, topic (kinds of documents an event adopts: "Tuyên bố chung";
  topic: how the English kind takes its subject — "before" puts it first, "Cooperation
  Plan", else the preposition, "Memorandum of Understanding on …").
- document_words.tsv: vi, en, role (the words of a document's name, to put it in
  English: word, link, action, filler).
- mechanisms.tsv: vi, en, role (the words of a mechanism's name, to compose series
  names: head, modifier, filler).
- name_words.tsv: form, role (words around personal names: honorific, particle, stop,
  not_official, portfolio).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import permutations, product
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

import ahocorasick

from diplonews.errors import LexiconError
from diplonews.text import fold_lowered, fold_spelling, nfc

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
    "document_words.tsv",
    "name_words.tsv",
    "series_words.tsv",
    "mechanisms.tsv",
)


# Vietnamese number words up to twelve, as in "lần thứ hai" and "tháng mười một".
NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
}  # fmt: skip


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


# "ASEAN-Hàn Quốc", "ASEAN - Hàn Quốc": a dash that joins two words, spaced or not.
_JOINED_DASH_RE = re.compile(r"(?<=\w)-(?=\w)")


def dash_spacings(form: str, limit: int = 3) -> list[str]:
    """`form` with each dash that joins two words also written spaced ("ASEAN - Hàn
    Quốc"), every combination, for forms of up to `limit` such dashes."""
    parts = _JOINED_DASH_RE.split(form)
    if len(parts) == 1 or len(parts) - 1 > limit:
        return [form]
    variants = [parts[0]]
    for part in parts[1:]:
        variants = [v + joint + part for v in variants for joint in ("-", " - ")]
    return variants


def whole_word(text: str, start: int, end: int, size: int) -> bool:
    """Whether text[start:end] neither begins nor ends inside a word."""
    if start and text[start - 1].isalnum() and text[start].isalnum():
        return False
    return not (end < size and text[end].isalnum() and text[end - 1].isalnum())


class Matcher:
    """Whole-word, longest-leftmost dictionary matching over one automaton.

    Values are lists of payloads, so one surface form may carry several meanings.
    Matching is case-sensitive on the NFC text unless `caseless` is set, in which
    case keys and text are read through `fold_spelling` (case, dashes, where the tone of
    "oa" sits; lengths are preserved for Vietnamese), and a dash joining two words also
    matches written spaced; with
    `exact_acronyms`, a form written in capitals only ("ARF", "SOM ASEAN") still
    matches only as written, so that a common word is not read as an acronym; with
    `overlapping`, every whole-word match is kept, one inside another too ("chí " in "đồng
    chí "), not the leftmost-longest only. With `text_ordered`, `find` reads the text
    with a copy of the automaton whose keys went in by how often their characters occur in
    news text (see `Scanner`): the same matches, found sooner.
    """

    def __init__(
        self,
        caseless: bool = False,
        exact_acronyms: bool = False,
        overlapping: bool = False,
        text_ordered: bool = False,
    ) -> None:
        self.caseless = caseless
        self.exact_acronyms = exact_acronyms
        self.overlapping = overlapping
        self.text_ordered = text_ordered
        self.automaton = ahocorasick.Automaton()
        self.searcher = self.automaton  # what `find` reads: the automaton, or its copy
        self.size = 0

    def add(self, form: str, payload: Any) -> None:
        if self.caseless and "-" in form:
            variants = dash_spacings(form)
            if len(variants) > 1:
                for variant in variants:
                    self._add(variant, payload)
                return
        self._add(form, payload)

    def _add(self, form: str, payload: Any) -> None:
        self.searcher = self.automaton  # a copy made by `finish` is out of date
        key = fold_spelling(form) if self.caseless else form
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
            self.searcher = _text_ordered(self.automaton) if self.text_ordered else self.automaton
        return self

    def find(self, text: str) -> list[tuple[int, int, list[Any]]]:
        """Leftmost-longest, non-overlapping, whole-word matches (start, end, payloads).

        The automaton's own `iter_long` picks the longest match at each point in C; a
        match that starts or ends inside a word, or an acronym written otherwise, is
        then dropped."""
        if not self.size:
            return []
        hay = fold_spelling(text) if self.caseless else text
        size = len(hay)
        found = []
        matches = self.searcher.iter(hay) if self.overlapping else self.searcher.iter_long(hay)
        for end_index, (length, payloads, spellings) in matches:
            start, end = end_index - length + 1, end_index + 1
            if not whole_word(hay, start, end, size):
                continue
            if self.caseless and spellings is not None and text[start:end] not in spellings:
                continue
            found.append((start, end, payloads))
        return found


def _text_ordered(automaton: ahocorasick.Automaton) -> ahocorasick.Automaton:
    """A copy of `automaton` whose keys were added by `_text_order`. The automaton looks a
    character up among a state's next characters one by one, in the order they were added,
    and a character that no key starts with is compared with every first character at
    the root: with the first characters that news text uses most (lower-case letters)
    first, the characters a key does start with cost a few comparisons instead of half
    the root's. The keys, and so the states, their links and every match, are the same:
    the outlets' pass over a page (`meta.credits`) costs about a tenth less."""
    ordered = ahocorasick.Automaton()
    for key, value in sorted(automaton.items(), key=lambda item: _text_order(item[0])):
        ordered.add_word(key, value)
    ordered.make_automaton()
    return ordered


def _leftmost_longest_of(
    matches: list[tuple[int, int, list[Any]]],
) -> list[tuple[int, int, list[Any]]]:
    """The leftmost-longest non-overlapping matches of one matcher, from its matches in
    the order an automaton's `iter` gives them (by end): what sorting them by start, the
    longer first, and taking each that starts past the last one taken gives, with a sort
    on the start alone (its key in C, not a Python call per match). The sort is stable
    and matches of one start come by growing end, so each longer match of the start
    just taken replaces it."""
    matches.sort(key=_START)
    chosen: list[tuple[int, int, list[Any]]] = []
    last_start, last_end = -1, -1
    for match in matches:
        start = match[0]
        if start >= last_end:
            chosen.append(match)
            last_start, last_end = start, match[1]
        elif start == last_start:
            chosen[-1] = match  # a longer match from the start just taken
            last_end = match[1]
    return chosen


# Its key in a body's cache of matches (`Lexicons.find_in`): (the body, its `lower()`).
LOWERED = "lexicons.lowered"
SCANNED = (
    "party_names",
    "titles",
    "places",
    "series",
    "triggers",
    "documents",
    "known_names",
    "honorifics",
)


# The characters of Vietnamese news, folded as `Scanner` reads them, most frequent first
# (20,000 corpus articles of 2003-2006).
TEXT_ORDER = " nhtcigauđomàrưvláy,p.bskôếạdộêeệảóốớờấâủề0\nqịìểợậầơựxăíứởã1ọữ2ụúồổ\"ắòừ-ùặ53ẽũ)(/ỉửằ4ỏýễ:9é6ỹẫĩẩ87ỗẻwfzẳỷẹ%;?”ỳỡ“èõ'"
_START = itemgetter(0)
_UNREAD = "\x00"


class _Ranks(dict[int, str]):
    """`str.translate`'s table for `_text_order`: a character of TEXT_ORDER becomes the
    character numbered by its rank; any other becomes the character past every rank
    followed by itself (kept here once met). Strings compare by code point, a prefix
    first, so the translated keys sort in TEXT_ORDER first, then by code point."""

    def __missing__(self, char: int) -> str:
        self[char] = found = chr(len(TEXT_ORDER)) + chr(char)
        return found


_RANKS = _Ranks({ord(char): chr(rank) for rank, char in enumerate(TEXT_ORDER)})


def _text_order(key: str) -> str:
    """The sort key of a key by its characters' frequency in news text (TEXT_ORDER): one
    `translate` in C, not a Python step per character (sorting the lexicons' 22,000 keys
    by a list of ranks each took a fifth of their load)."""
    return key.translate(_RANKS)


class Scanner:
    """Several matchers' forms in one case-folded automaton, for one pass over a text.

    Each matcher keeps its own semantics: case-sensitive forms must match the text as
    written, and each matcher's matches are chosen leftmost-longest on their own (all of
    them kept for an `overlapping` matcher)."""

    def __init__(self, matchers: dict[str, Matcher]) -> None:
        self.names = tuple(matchers)
        self.overlapping = frozenset(name for name, m in matchers.items() if m.overlapping)
        self.automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, str | None, list[Any]]]] = {}
        for name, matcher in matchers.items():
            if not matcher.size:
                continue
            folded = matcher.caseless  # its keys are folded already
            for key, (_, payloads, spellings) in matcher.automaton.items():
                key = key if folded else fold_spelling(key)
                entries.setdefault(key, []).append((name, spellings, payloads))
        # The automaton looks a character up among a state's next characters one by one,
        # in the order they were added: keys go in by how often their characters occur in
        # news text, and the frequent characters no key starts with (the space first) get
        # a first state of their own, a key no text completes (`_UNREAD`) and whose
        # matches are none. A corpus article's pass costs 15% less.
        # Each key also says whether its first and last characters are letters or digits:
        # a match is then tested against the text's characters around it only where the
        # key's own edge could run on into a word (`scan`).
        starts = {key[0] for key in entries}
        unread = {char + _UNREAD: () for char in TEXT_ORDER if char not in starts}
        for key in sorted([*entries, *unread], key=_text_order):
            found = entries.get(key, unread.get(key))
            self.automaton.add_word(key, (len(key), found, key[0].isalnum(), key[-1].isalnum()))
        self.size = len(entries)
        if self.size:
            self.automaton.make_automaton()

    def scan(
        self, text: str, lowered: str | None = None
    ) -> dict[str, list[tuple[int, int, list[Any]]]]:
        """Each matcher's matches in `text` (`lowered`: `text.lower()`, when the caller
        has it)."""
        hay = fold_spelling(text) if lowered is None else fold_lowered(lowered)
        if not self.size or len(hay) != len(text):  # lower() changed offsets: match apart
            return {}
        size = len(hay)
        hits: dict[str, list[tuple[int, int, list[Any]]]] = {name: [] for name in self.names}
        for end_index, (length, found, head, tail) in self.automaton.iter(hay):
            # `whole_word`, inline: this loop runs for every hit of every article (half of
            # them inside a word: "ôn" in "không"); `head` and `tail` are the key's own
            # `hay[start].isalnum()` and `hay[end - 1].isalnum()`
            start = end_index - length + 1
            if head and start and hay[start - 1].isalnum():
                continue
            end = end_index + 1
            if tail and end < size and hay[end].isalnum():
                continue
            for name, spellings, payloads in found:
                if spellings is None or text[start:end] in spellings:
                    hits[name].append((start, end, payloads))
        for name, matches in hits.items():
            if len(matches) < 2 or name in self.overlapping:
                continue  # nothing to choose between
            hits[name] = _leftmost_longest_of(matches)
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
    capital: bool = False  # the seat of its state's government
    seat_of: tuple[str, ...] = ()  # the organisations headquartered there ("NATO", "UN")


@dataclass(frozen=True)
class Series:
    name_en: str
    parties: tuple[str, ...]


@dataclass(frozen=True)
class Level:
    """A relationship level or role that a milestone names (milestones.tsv)."""

    kind: str  # "relations", "partnership" or "coordinator"
    label: str  # English; "" for a bare "quan hệ", labelled by its parties


@lru_cache(maxsize=1)
def relationship_levels() -> Matcher:
    """The level names of milestones.tsv, compiled once (kept apart from `Lexicons`, whose
    file list other stages own): milestones read them, and so do adopted documents'
    names ("Tuyên bố chung về quan hệ Đối tác toàn diện")."""
    matcher = Matcher(caseless=True)
    for row in read_rows(resources.files("diplonews.extract") / "lexicons" / "milestones.tsv"):
        level = Level(row["kind"], row["label"])
        for form in split_forms(row["names"]):
            matcher.add(form, level)
    return matcher.finish()


@dataclass(frozen=True)
class Trigger:
    vi: str
    kind: str
    series_suffix: str
    flags: frozenset[str]


T = TypeVar("T")


@dataclass(eq=False)  # compared and hashed by identity: two loads are two sets
class Lexicons:
    """All lexicons, compiled. Build with `load()`; each set of files is cached."""

    parties: dict[str, Party] = field(default_factory=dict)
    party_names: Matcher = field(default_factory=Matcher)  # form -> Party code
    party_short: dict[str, str] = field(default_factory=dict)  # compound-only form -> code
    party_forms: dict[str, list[str]] = field(default_factory=dict)  # code -> its names
    titles: Matcher = field(default_factory=Matcher)  # form -> Title
    places: Matcher = field(default_factory=Matcher)  # city or venue form -> City
    capitals: dict[str, City] = field(default_factory=dict)  # state code -> its capital
    # form -> Series; outlets differ in capitals ("Hội nghị quan chức cao cấp ASEAN")
    series: Matcher = field(default_factory=lambda: Matcher(caseless=True, exact_acronyms=True))
    triggers: Matcher = field(default_factory=lambda: Matcher(caseless=True))  # -> Trigger
    # form -> canonical; looked for over every page (`meta.credits`)
    credits: Matcher = field(default_factory=lambda: Matcher(text_ordered=True))
    surnames: dict[str, str] = field(default_factory=dict)  # surname -> country
    documents: Matcher = field(default_factory=lambda: Matcher(caseless=True))  # -> English kind
    document_topics: dict[str, str] = field(default_factory=dict)  # English kind -> "before"/"on"
    # the words of a document's name -> (English, role), to name it in English
    document_words: Matcher = field(default_factory=lambda: Matcher(caseless=True))
    name_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> forms
    # a mechanism's name words -> (English, role), for composed series names
    mechanisms: Matcher = field(default_factory=lambda: Matcher(caseless=True))
    # The full names (two words or more) of officials.tsv, as the news prints them
    known_names: Matcher = field(default_factory=Matcher)
    # name_words' honorifics with the space after, both capitalisations ("ông ", "Ông "):
    # where a name may follow. In the one pass over the body (a regex of its own cost 2.5%
    # of a corpus article's extraction), each one found even inside a longer one
    honorifics: Matcher = field(default_factory=lambda: Matcher(overlapping=True))
    scanner: Scanner | None = None  # the lexicons of SCANNED in one automaton
    # What higher layers build from these lexicons, by key: see `derive`.
    derived: dict[str, Any] = field(default_factory=dict, repr=False)

    def party(self, code: str) -> Party | None:
        return self.parties.get(code)

    def derive(self, key: str, build: Callable[[Lexicons], T]) -> T:
        """What `build` makes of these lexicons (a folded matcher for questions, an index
        of party names), built on first use and kept on this instance under `key`.

        Kept here rather than in a module-level cache so that it lives and dies with the
        lexicons it was made from: a user's `--lexicon` rows are another instance with
        its own derived data, and nothing can outlive its lexicons and be found again
        under a recycled `id()`. Keys name the owner ("qa.folded"); two threads may both
        build a missing one, and then both get the first one kept."""
        if key not in self.derived:
            self.derived.setdefault(key, build(self))
        found: T = self.derived[key]
        return found

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
                lowered = text.lower()
                cache[LOWERED] = (text, lowered)  # see `lowered`
                cache.update(self.scanner.scan(text, lowered))
            if name not in cache:
                cache[name] = getattr(self, name).find(text)
        found: list[tuple[int, int, list[Any]]] = cache[name]
        return found


def lowered(cache: dict[str, Any], text: str) -> str:
    """`text.lower()`, made once: the lexicons' pass over a body (`Lexicons.find_in`)
    keeps it in the body's `cache`, and a later stage that reads the body in lower case
    takes it from there (a body's `lower` costs some 100,000 instructions)."""
    kept = cache.get(LOWERED)
    if kept is not None and kept[0] is text:
        return str(kept[1])
    return text.lower()


def shipped_files() -> dict[str, Any]:
    folder = resources.files("diplonews.extract") / "lexicons"
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
        city = cities[row["name_en"]] = City(
            row["name_en"],
            row.get("country") or "",
            (row.get("capital") or "") == "yes",
            tuple(split_forms(row.get("seat_of"))),
        )
        if city.capital and city.country:
            lex.capitals.setdefault(city.country, city)
        for form in split_forms(row.get("names")) + [row["name_en"]]:
            lex.places.add(form, city)
    for row in rows("venues.tsv"):  # a well-known building stands for its city
        venue_city = cities.get(row["city"]) or City(row["city"], "")
        for form in split_forms(row.get("names")):
            lex.places.add(form, venue_city)
    lex.party_names.finish()  # series spellings read party names in the forms
    spellings = SeriesSpellings(
        lex, [split_forms(row.get("forms")) for row in rows("series_words.tsv")]
    )
    for row in rows("series.tsv"):
        series = Series(row["series_en"], tuple(split_forms(row.get("parties"))))
        for form in split_forms(row.get("names")):
            for variant in spellings.variants(form):
                lex.series.add(variant, series)
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
    for form in lex.name_words.get("honorific", ()):
        for spelling in (form, form[:1].upper() + form[1:]):
            lex.honorifics.add(spelling + " ", True)
    for row in rows("documents.tsv"):
        lex.documents.add(nfc(row["vi"]), row["en"])
        lex.document_topics[row["en"]] = row.get("topic") or "on"
    for row in rows("document_words.tsv"):
        lex.document_words.add(nfc(row["vi"]), (row["en"], row.get("role") or "word"))
    for row in rows("mechanisms.tsv"):
        lex.mechanisms.add(nfc(row["vi"]), (row["en"], row.get("role") or "modifier"))
    # officials.tsv is read by the people stage (extract/officials.py); its full names are
    # also found here, in the one pass over the body, rather than in a pass of their own.
    # A form of one word is there because the news names that leader by it alone ("Putin",
    # "Bush"): it is found bare too, written with its capital (mentions.known_bare).
    for row in read_rows(resources.files("diplonews.extract") / "lexicons" / "officials.tsv"):
        for form in split_forms(row["names"]):
            lex.known_names.add(form, True)
    for matcher in (
        lex.known_names,
        lex.mechanisms,
        lex.party_names,
        lex.titles,
        lex.places,
        lex.series,
        lex.triggers,
        lex.credits,
        lex.documents,
        lex.document_words,
        lex.honorifics,
    ):
        matcher.finish()
    lex.scanner = Scanner({name: getattr(lex, name) for name in SCANNED})
    return lex


class SeriesSpellings:
    """The ways articles write one mechanism's name, from the one form series.tsv gives.

    Parties joined by dashes come in any order and under any of their compound names
    ("Hội nghị Cấp cao ASEAN-Hàn Quốc" is also "… Hàn-ASEAN"), and words that
    series_words.tsv lists as interchangeable stand for each other ("Hội nghị Cấp cao" and
    "Hội nghị Thượng đỉnh"). Case, dashes and tone placement are the matcher's own folds."""

    MAX_VARIANTS = 2048  # per form: a safety bound far above any real name's count
    MAX_CHAIN_ORDERS = 3  # parties in a chain up to which every order is written

    def __init__(self, lex: Lexicons, groups: list[list[str]]) -> None:
        self.lex = lex
        self.groups = [
            (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, g)) + r")(?!\w)", re.IGNORECASE), g)
            for g in groups
            if len(g) > 1
        ]
        self.compound: dict[str, list[str]] = {}
        for code, forms in lex.party_forms.items():
            self.compound[code] = list(dict.fromkeys(forms[:2]))
        for form, code in lex.party_short.items():
            self.compound.setdefault(code, []).append(form)

    def variants(self, form: str) -> list[str]:
        found = [form]
        for pattern, group in self.groups:
            found = [v for f in found for v in self._swapped(f, pattern, group)]
        out = dict.fromkeys(v for f in found for v in self._party_orders(f))
        return list(out)[: self.MAX_VARIANTS]

    @staticmethod
    def _swapped(form: str, pattern: re.Pattern[str], group: list[str]) -> list[str]:
        match = pattern.search(form)
        if match is None:
            return [form]
        head, tail = form[: match.start()], form[match.end() :]
        return [head + word + tail for word in group]

    def _party_spans(self, form: str) -> list[tuple[int, int, str]]:
        spans = [(s, e, codes[0]) for s, e, codes in self.lex.party_names.find(form)]
        for word in re.finditer(r"\w+", form):
            code = self.lex.party_short.get(word.group())
            if code and not any(s <= word.start() < e for s, e, _ in spans):
                spans.append((word.start(), word.end(), code))
        return sorted(s for s in spans if s[2] != "-")

    def _party_orders(self, form: str) -> list[str]:
        spans = self._party_spans(form)
        chain: list[tuple[int, int, str]] = []
        for span in spans:
            if chain and form[chain[-1][1] : span[0]].strip() == "-":
                chain.append(span)
            elif len(chain) < 2:
                chain = [span]
            else:
                break
        if len(chain) < 2 or any(code not in self.compound for *_, code in chain):
            return [form]
        codes = [code for *_, code in chain]
        orders = permutations(codes) if len(codes) <= self.MAX_CHAIN_ORDERS else [codes]
        head, tail = form[: chain[0][0]], form[chain[-1][1] :]
        out = [form]
        for order in orders:
            for names in product(*(self.compound[code] for code in order)):
                out.append(head + "-".join(names) + tail)
        return list(dict.fromkeys(out))


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...]) -> Lexicons:
    sources: dict[str, list[Any]] = {name: [path] for name, path in shipped_files().items()}
    for name, paths in user_files(extra).items():
        sources.setdefault(name, []).extend(paths)
    return build(sources)


def load(extra: Iterable[str | Path] = ()) -> Lexicons:
    """The shipped lexicons plus the user's own files, compiled once per set."""
    return _load_cached(tuple(str(p) for p in extra))
