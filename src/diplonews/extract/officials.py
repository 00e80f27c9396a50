"""Officials of other states by name: who serves which state, and which spellings are one.

The news often names a foreign leader without the state ("Tổng thống Joe Biden", "Chủ tịch
Hồ Cẩm Đào" in news from Beijing) or in two spellings ("Lý Hiển Long" and "Lee Hsien
Loong"). officials.tsv holds the facts (a person, an office, a state, the years held); the
people stage asks it for a named person's state when the text gives none, and whether two
names are one person. Looked up by the folded words of a name: no scan of the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from rapidfuzz.distance import Levenshtein

from diplonews.extract.lexicons import Lexicons, read_rows, split_forms
from diplonews.text import fold

FILE = "officials.tsv"


def name_key(name: str) -> tuple[str, ...]:
    """A name's words, folded: "G.W.Bush" and "G. W. Bush" are one key."""
    return tuple(fold(name).replace("-", " ").replace(".", " ").split())


@dataclass(frozen=True)
class Office:
    person: int  # the row's person, shared by every row that lists the same first name
    title: str
    state: str
    start: int
    end: int | None  # None: still held

    def held_in(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)


MIN_NEAR_WORDS = 2  # a lone family name is too short to say whose it is by spelling
LONG_WORD = 7  # letters from which a word may differ by two (a doubled or dropped letter)


def near_word(a: str, b: str) -> bool:
    """Whether two folded words are one spelled apart by a letter (by two in a long word)."""
    if a == b:
        return True
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 2:
        return False
    limit = 2 if min(len(a), len(b)) >= LONG_WORD else 1
    return Levenshtein.distance(a, b, score_cutoff=limit) <= limit


def shape(key: tuple[str, ...]) -> tuple[int, str, str]:
    """A name's number of words and the first letters of its first and last words, which
    a misspelling by a letter a word keeps (`near_word` keeps each word's first letter)."""
    return len(key), key[0][:1], key[-1][:1]


def served(offices: list[Office], year: int | None) -> str | None:
    """The one state (or organisation) these offices serve, in `year` when it is known
    and they served several; None when the facts leave a choice."""
    if year is not None and len({o.state for o in offices}) > 1:
        offices = [o for o in offices if o.held_in(year)]
    states = {o.state for o in offices}
    return states.pop() if len(states) == 1 else None


@dataclass
class Officials:
    by_key: dict[tuple[str, ...], list[Office]] = field(default_factory=dict)
    # the keys by their shape (`shape`): where a name misspelled by a letter a word can be
    # looked for
    by_shape: dict[tuple[int, str, str], list[tuple[str, ...]]] = field(default_factory=dict)

    def offices(self, name: str) -> list[Office]:
        return self.by_key.get(name_key(name), [])

    def state_of(self, name: str, year: int | None = None) -> str | None:
        """The one state (or organisation) the person serves, in `year` when it is known
        and the person served several; None when the facts leave a choice."""
        return served(self.offices(name), year)

    def person_of(self, name: str) -> int | None:
        offices = self.offices(name)
        return offices[0].person if offices else None

    def near_state_of(self, name: str, year: int | None = None) -> str | None:
        """The state of the one official whose listed name this one misspells by a letter
        a word ("Mikhail Saakasvili", "Gerhart Schroeder", "Donald Rumsfelf"), or None:
        the press's spellings of a foreign name vary more than the lexicon can list."""
        key = name_key(name)
        if len(key) < MIN_NEAR_WORDS or key in self.by_key:
            return None
        found: set[str] = set()
        for known in self.by_shape.get(shape(key), ()):
            if near_word(key[-1], known[-1]) and all(
                near_word(a, b) for a, b in zip(key[:-1], known[:-1], strict=True)
            ):
                found.add(served(self.by_key[known], year) or "")
        if len(found) != 1:
            return None
        return found.pop() or None


def build(lex: Lexicons) -> Officials:
    officials = Officials()
    people: dict[str, int] = {}
    path = resources.files("diplonews.extract") / "lexicons" / FILE
    for row in read_rows(path):
        forms = split_forms(row["names"])
        if not forms:
            continue
        person = people.setdefault(forms[0], len(people))
        start, _, end = row["years"].partition("-")
        office = Office(person, row["office"], row["state"], int(start), int(end) if end else None)
        for form in forms:
            offices = officials.by_key.setdefault(name_key(form), [])
            if office not in offices:
                offices.append(office)
    for key in officials.by_key:
        officials.by_shape.setdefault(shape(key), []).append(key)
    return officials


def load(lex: Lexicons) -> Officials:
    """The officials lexicon, built once per set of lexicons."""
    return lex.derive("people.officials", build)
