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


@lru_cache(maxsize=64)
def _matcher(words: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words among `words` in folded text, longest first ("anh" before "an")."""
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def _word_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the words are whole words of the folded text, as `_matcher` finds them,
    without compiling a regular expression for each new query. A word of word
    characters only (as `terms` makes them) is whole where it is a maximal run of word
    characters: each word's places are found by `str.find` and kept where no word
    character is next to them; two words' places cannot overlap."""
    folded = fold_fast(text)
    if not all(_WORD.fullmatch(word) for word in words):
        return [m.span() for m in _matcher(tuple(words)).finditer(folded)]
    end = len(folded)
    spans = []
    for word in set(words):
        at = folded.find(word)
        while at >= 0:
            after = at + len(word)
            if (at == 0 or not _is_word_char(folded[at - 1])) and (
                after == end or not _is_word_char(folded[after])
            ):
                spans.append((at, after))
            at = folded.find(word, at + 1)
    spans.sort()
    return spans


def _is_word_char(char: str) -> bool:
    """`\\w` of a regular expression over str: alphanumeric (str.isalnum) or "_"."""
    return char.isalnum() or char == "_"


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
