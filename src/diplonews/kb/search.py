"""Full-text search that works with or without Vietnamese diacritics.

Both stores index *folded* text: lower case, every letter reduced to its base letter
("Phạm Minh Chính" → "pham minh chinh", "Đối thoại" → "doi thoai"). SQLite's FTS5
`remove_diacritics` does not reduce letters with two marks ("ố"), and PostgreSQL's
`unaccent` is an extension a team may not be allowed to install, so the folding is
done here, once, the same way for both. Folding keeps every character in place
(one character in, one out), so a match found in folded text highlights the same
offsets of the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from diplonews.text import fold

_WORD = re.compile(r"\w+")
MAX_TERMS = 16  # a query longer than this is cut: FTS cost grows with its terms


def terms(query: str) -> list[str]:
    """The folded words of a query, in order, each once."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(fold(unicodedata.normalize("NFC", query))):
        seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]


def fts5_query(words: list[str], *, every: bool = True) -> str:
    """An FTS5 MATCH expression for the words: each quoted (no operator injection),
    all required (`every`) or any."""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    return (" AND " if every else " OR ").join(quoted)


def fts5_phrase(words: list[str]) -> str:
    """An FTS5 MATCH expression for the words next to each other, in order."""
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


def tsquery_phrase(words: list[str]) -> str:
    """The same for PostgreSQL: each word followed by the next (`<->`)."""
    return " <-> ".join(tsquery([w]) for w in words)


def tsquery(words: list[str], *, every: bool = True) -> str:
    """A PostgreSQL `to_tsquery('simple', …)` expression for the words, quoted likewise."""
    quoted = ["'" + w.replace("'", "''").replace("\\", "") + "'" for w in words]
    return (" & " if every else " | ").join(quoted)


# A snippet folds the text it is cut from to find the query's words. `fold` is a
# `str.translate` by a lazily filled dict: about 45 ns a character, several times the
# finding. The code points below FAST_FOLD (Latin with Vietnamese, Greek, Cyrillic, the
# other alphabetic scripts, punctuation and symbols: every article of the corpus) are
# folded by one table lookup in numpy instead; a text with any other character (CJK
# ideographs) is folded by `fold`.
FAST_FOLD = 0x3000


@lru_cache(maxsize=1)
def _fold_table() -> npt.NDArray[np.uint32]:
    return np.array([ord(fold(chr(code))) for code in range(FAST_FOLD)], dtype=np.uint32)


def fold_fast(text: str) -> str:
    """`fold(text)`, the same characters, sooner for long texts."""
    try:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return fold(text)
    if not codes.size or codes.max() >= FAST_FOLD:
        return fold(text)
    return _fold_table()[codes].tobytes().decode("utf-32-le")


@lru_cache(maxsize=512)
def _alternatives(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words, longest first ("anh" before "an"), as one alternation of literals:
    the engine scans for their first letters, where a look-behind first has it try
    every word at every character."""
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


def _word_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the words are whole words of the folded text (no word character before or
    after), as `(?<!\\w)(?:words)(?!\\w)` finds them in `fold(text)`: a word is word
    characters, so a whole word is a maximal run of them; at its start the alternation
    takes the longest word that fits, the run's own if there is one; and no whole word
    starts inside a match turned down."""
    folded = fold_fast(text)
    end = len(folded)
    return [
        (a, b)
        for a, b in (m.span() for m in _alternatives(tuple(words)).finditer(folded))
        if (a == 0 or not _WORD_CHAR.match(folded, a - 1))
        and (b == end or not _WORD_CHAR.match(folded, b))
    ]


_WORD_CHAR = re.compile(r"\w")


@dataclass
class Snippet:
    """A window of the original text with the spans (offsets into `text`) that matched."""

    text: str
    marks: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "marks": [list(m) for m in self.marks]}


def snippet(text: str, words: list[str], width: int = 200) -> Snippet:
    """The part of `text` where the query's words are densest, with their spans marked.
    Words match whole words of the folded text, so "chinh" marks "Chính" but not
    "chính sách" inside "chínhsách"."""
    if not text:
        return Snippet("")
    hits = _word_spans(text, words) if words else []
    if not hits:
        return Snippet(text[:width] + ("…" if len(text) > width else ""))
    lead = width // 4  # context kept before the first match of the window
    best_start, best_count = hits[0][0], 0
    last = 0  # hits from `index` up to here end within the window starting at `index`
    for index, (start, _) in enumerate(hits):
        last = max(last, index)
        while last < len(hits) and hits[last][1] <= start + width - lead:
            last += 1
        if last - index > best_count:
            best_start, best_count = start, last - index
    start = max(0, best_start - lead)
    space = text.rfind(" ", 0, start)
    start = 0 if start == 0 or space < 0 else space + 1
    end = min(len(text), start + width)
    space = text.find(" ", end)
    end = len(text) if space < 0 else space
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    marks = [(s + shift, e + shift) for s, e in hits if s >= start and e <= end]
    return Snippet(prefix + text[start:end] + suffix, marks)
