"""The text PostgreSQL's `to_tsvector` is given for an entry (`postgres._words`): its
words as FTS5 sees them, whatever spaces separate them (the parser counts words)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplonews.kb.store.postgres import _NOT_WORD, _WORD, _words

# ASCII, Latin-1 and Vietnamese letters, the punctuation of news text, other scripts.
CHARS = st.sampled_from(
    [*map(chr, range(0x250)), *map(chr, range(0x2000, 0x2070)), "ệ", "đ", "一", "\u3000"]
)


def _as_before(text: str) -> str:
    """`_words` before it went by bytes: every non-word character of `_NOT_WORD` a
    space, single spaces between words."""
    spaced = text.translate(_NOT_WORD)
    if spaced.isascii():
        return " ".join(spaced.split())
    return " ".join(_WORD.findall(text))


@settings(max_examples=500, deadline=None)
@given(st.text(CHARS, max_size=60))
def test_words_are_those_of_before(text: str) -> None:
    assert _words(text).split() == _as_before(text).split()


def test_words_of_news_text() -> None:
    text = "Thu tuong “Phan Van Khai” tham vnexpress.net… 3.5 ty USD_nam\t2005"
    assert _words(text).split() == [
        "Thu", "tuong", "Phan", "Van", "Khai", "tham", "vnexpress", "net",
        "3", "5", "ty", "USD_nam", "2005",
    ]  # fmt: skip
    assert _words("Hà Nội, ngày 5") == "Hà Nội ngày 5"  # words outside ASCII: joined
