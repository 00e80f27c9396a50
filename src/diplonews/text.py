"""Text helpers every layer shares: NFC, the one fold (and the spelling fold of lexicon
matching, which keeps diacritics), and the typography of web text.

Below everything else in the package: it imports nothing of diplonews.
"""

from __future__ import annotations

import re
import unicodedata


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class _FoldTable(dict[int, int]):
    """`str.translate` table built lazily: code point → its folded code point."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0].lower()[:1] or char
        if base in "đð":
            base = "d"
        self[code] = ord(base)
        return self[code]


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower case without diacritics (đ → d), one character for one: `len(fold(t)) ==
    len(t)`, so a match in folded text has the offsets of the original. The key of every
    lenient lookup (lexicons, names, search, questions). Give it NFC text."""
    return text.translate(_FOLD_TABLE)


# Vietnamese writes a tone on an open "oa", "oe" or "uy" either way: "hoà" and "hòa",
# "thuỷ" and "thủy", "khoẻ" and "khỏe" are one word. Caseless matching reads both as the
# second (the tone on the first vowel); one pair of letters for another keeps offsets.
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook, tilde, dot below
_TONE_PAIRS = {
    unicodedata.normalize("NFC", first + second + mark): unicodedata.normalize(
        "NFC", first + mark + second
    )
    for first, second in (("o", "a"), ("o", "e"), ("u", "y"))
    for mark in _TONES
}
# One pattern per first vowel: a pattern that opens with a letter is found by a plain
# character scan, one that opens with a class ("[ou]") tests every character against it,
# five times slower (two scans took 4 us an article, the one class 19 us).
_TONE_PAIR_RES = tuple(
    re.compile(
        first
        + "["
        + "".join(sorted({pair[1] for pair in _TONE_PAIRS if pair[0] == first}))
        + "](?!\\w)"
    )
    for first in sorted({pair[0] for pair in _TONE_PAIRS})
)
_OTHER_DASHES = ("\u2013", "\u2014", "\u2012", "\u2011")


def fold_spelling(text: str) -> str:
    """Lower case, one dash, and the tone of "oa"/"oe"/"uy" on its first vowel: the key
    of caseless lexicon matching. `len(fold_spelling(t)) == len(t)` for Vietnamese text."""
    return fold_lowered(text.lower())


def fold_lowered(text: str) -> str:
    """`fold_spelling` of a text already in lower case (`str.lower`), for a caller that
    keeps the lower-case text too."""
    for dash in _OTHER_DASHES:
        if dash in text:
            text = text.replace(dash, "-")
    for pattern in _TONE_PAIR_RES:  # one's changes leave the other's matches as they were
        text = pattern.sub(_tone_first, text)
    return text


def _tone_first(match: re.Match[str]) -> str:
    return _TONE_PAIRS.get(match.group(), match.group())


# Web text carries spaces of other widths (no-break above all: "tổ chức\xa0 cùng"),
# invisible characters, runs of spaces, and dashes of other kinds joining words
# ("ASEAN–Hàn Quốc", a non-breaking hyphen); rules and lexicons that read "word space
# word" or "ASEAN-Hàn Quốc" would miss them. Every article is read with plain single
# spaces, "\n" line breaks, and "-" joining words. `_PLAIN` says what each odd character
# becomes; one regular-expression pass finds them all (five took a twelfth of the time
# an article's extraction takes).
_PLAIN = {
    **dict.fromkeys("\r\v\f\x85\u2028\u2029", "\n"),  # line breaks ("\r\n" first, whole)
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),  # soft hyphen, zero-width, BOM
    **dict.fromkeys("\t\xa0\u1680\u202f\u205f\u3000", " "),  # spaces of other widths
    **dict.fromkeys("".join(map(chr, range(0x2000, 0x200B))), " "),
    **dict.fromkeys("\u2010\u2011\u2012", "-"),  # hyphen, non-breaking hyphen, figure dash
    "\u00d0": "Đ",  # Icelandic eth for Vietnamese D-stroke ("Ðọc thêm", "Ðức"): same glyph
    "\u00f0": "đ",
}
_ODD = re.compile("[" + re.escape("".join(_PLAIN)) + "]")
# The odd characters that `str.isprintable` passes (all the others it stops at): most
# articles have none of them, and the two tests in C cost a third of the pattern's scan.
_PRINTABLE_ODD = tuple(char for char in _PLAIN if char.isprintable())
# A dash between two words: "ASEAN–Hàn", "2020–2025" (the dash first: a fast scan).
_JOINING_DASH = re.compile(r"[\u2013\u2014](?<=\w[\u2013\u2014])(?=\w)")
_SPACE_RUN = re.compile(r" {2,}")


def normalize_typography(text: str) -> str:
    """`text` with plain single spaces, "\n" line breaks, no invisible characters, and
    "-" wherever a dash joins two words."""
    if "\r" in text:  # a one-character scan costs a tenth of replace's
        text = text.replace("\r\n", "\n")
    if not text.replace("\n", "").isprintable() or any(c in text for c in _PRINTABLE_ODD):
        text = _ODD.sub(lambda m: _PLAIN[m.group()], text)
    if "\u2013" in text or "\u2014" in text:  # most articles have no dash: skip the scan
        text = _JOINING_DASH.sub("-", text)
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


# Letters only Vietnamese writes: a lone syllable with them after a title is a word of an
# office's name ("Chủ tịch Lưỡng viện"), not a foreign leader's family name.
VIETNAMESE_ONLY = frozenset("ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơưăâêôĩũõãẽ")


def has_vietnamese_letters(word: str) -> bool:
    # a set operation in C: a generator over the letters cost a call per letter
    return not VIETNAMESE_ONLY.isdisjoint(word.lower())
