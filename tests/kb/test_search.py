"""Folding and snippets: search must work with or without Vietnamese diacritics."""

import re

from hypothesis import given
from hypothesis import strategies as st

from diplonews.kb.search import _word_spans, fold_fast, fts5_query, snippet, terms, tsquery
from diplonews.text import fold


def test_fold_strips_every_vietnamese_mark_including_stacked_ones() -> None:
    assert fold("Phạm Minh Chính") == "pham minh chinh"
    assert fold("Đối thoại ASEAN-Hàn Quốc") == "doi thoai asean-han quoc"
    assert fold("Nguyễn Quốc Dũng, Thứ trưởng") == "nguyen quoc dung, thu truong"


@given(st.text())
def test_fold_keeps_one_character_for_one(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_terms_are_folded_words_once_each() -> None:
    assert terms("Đối thoại  đối THOẠI ASEAN–Hàn Quốc!") == ["doi", "thoai", "asean", "han", "quoc"]
    assert terms("  ,;  ") == []


def test_queries_quote_words_so_operators_are_plain_words() -> None:
    assert fts5_query(["near", 'a"b']) == '"near" AND "a""b"'
    assert fts5_query(["x", "y"], every=False) == '"x" OR "y"'
    assert tsquery(["o'neil", "x"]) == "'o''neil' & 'x'"


def test_snippet_marks_the_original_words_matched_without_diacritics() -> None:
    text = "Ngày 7/6, Thứ trưởng Ngoại giao Hàn Quốc Yeo Seung-bae đã đồng chủ trì Đối thoại."
    found = snippet(text, terms("han quoc doi thoai"))
    marked = [found.text[a:b] for a, b in found.marks]
    assert marked == ["Hàn", "Quốc", "Đối", "thoại"]


def test_snippet_cuts_a_window_around_the_densest_matches() -> None:
    text = "mở đầu " * 100 + "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25" + " kết thúc" * 100
    found = snippet(text, ["asean", "han", "quoc"], width=80)
    assert found.text.startswith("…") and found.text.endswith("…")
    assert "ASEAN-Hàn Quốc" in found.text
    assert [found.text[a:b] for a, b in found.marks] == ["ASEAN", "Hàn", "Quốc"]


def test_snippet_without_match_is_the_start_of_the_text() -> None:
    assert snippet("abc def", ["zzz"]).text == "abc def"
    assert snippet("", ["a"]).text == ""


# Letters that fold in every way: marks, stacked marks, case, đ/ð, ß and ẞ, a dotted
# capital I, word characters that are not letters, combining marks alone, a Kelvin sign,
# an ideograph (beyond the fast fold), a lone surrogate.
_TRICKY = "aAàẦạăđĐðÐeEếnNgGuUưỨyYýß ẞİi_0²-,.\n\u0301\u0323\u2013\u212a\u4e2d\ud800"


def _folded_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """The words as whole words of the folded text, longest first: the reference."""
    ordered = sorted(set(words), key=len, reverse=True)
    pattern = r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)"
    return [m.span() for m in re.finditer(pattern, fold(text))]


@given(st.text(alphabet=_TRICKY, max_size=60), st.text(alphabet=_TRICKY, max_size=20))
def test_search_finds_whole_words_as_in_the_folded_text(text: str, query: str) -> None:
    assert fold_fast(text) == fold(text)
    words = terms(query)
    if words:
        assert _word_spans(text, words) == _folded_spans(text, words)


def test_search_finds_whole_words_at_the_edges_and_after_marks() -> None:
    text = "Nguyễn Phú Trọng, nguyen; NGUYỄN_x anh Anh-anh ánh thanh"
    for query in ("nguyen", "anh", "nguyen anh", "trong phu", "x", "thanh anh"):
        words = terms(query)
        assert _word_spans(text, words) == _folded_spans(text, words)
    assert _word_spans("中 Ánh", ["anh"]) == [(2, 5)]  # beyond the fast fold
    for words in (["asean-han", "quoc"], ["an h", "anh"]):  # not words of terms(): a regex
        assert _word_spans("ASEAN-Hàn Quốc, an h anh", words) == _folded_spans(
            "ASEAN-Hàn Quốc, an h anh", words
        )
