"""The cheaper forms of extraction's hot spots give what the forms they replace gave."""

from __future__ import annotations

import random

from diplonews.extract import clean, lexicons
from diplonews.extract.lexicons import LOWERED, Matcher, _leftmost_longest_of, lowered
from diplonews.text import fold_lowered, fold_spelling

LINES = [
    "Cập nhật lúc 10:30 ngày 12/3/2005",
    "Thứ hai, 14/01/2004 - 08:15 GMT+7",
    "Chưa hết nạn dân 'vây' doanh nghiệp(13/04/2004)",
    "Hà Nội, 12/3/2005",
    "Đăng ngày 2024-03-20T14:30:00+07:00 | Tháng 3 năm 2024",
    "Updated: 05/06/2021 (PM)",
    "12/3/2005 Hà Nội",
    "",
    # filler that stops mid-line: a date, then words that are no filler
    "Cập nhật lúc 10:30 ngày 12/3/2005 Thủ tướng Lào thăm Campuchia",
    "Thứ hai, 14/01/2004 - Hai bên đã ký hiệp định",
    "(13/04/2004) Ngoại trưởng Nga tới Bắc Kinh",
]


def test_filler_read_match_by_match_as_the_substitution_read_it() -> None:
    for line in LINES:
        assert clean._all_filler(line) == (not clean.DATE_FILLER_RE.sub("", line)), line


def _sorted_choice(matches: list[tuple[int, int, list[str]]]) -> list[tuple[int, int, list[str]]]:
    """The selection as it was: sorted by start, the longer first, each past the last."""
    chosen, last_end = [], -1
    for match in sorted(matches, key=lambda m: (m[0], m[0] - m[1])):
        if match[0] >= last_end:
            chosen.append(match)
            last_end = match[1]
    return chosen


def test_leftmost_longest_from_matches_in_end_order() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        spans = {(s, s + rng.randint(1, 6)) for s in (rng.randint(0, 30) for _ in range(8))}
        # an automaton gives matches by end (one start, one end: one key)
        matches = [(s, e, ["x"]) for s, e in sorted(spans, key=lambda span: span[1])]
        assert _leftmost_longest_of(list(matches)) == _sorted_choice(matches)


def test_text_ordered_matcher_finds_what_the_plain_one_finds() -> None:
    forms = [
        "TTXVN",
        "AFP",
        "AP",
        "Reuters",
        "Tuổi Trẻ",
        "VnExpress",
        "vnexpress.net",
        "Tân Hoa Xã",
    ]
    plain, ordered = Matcher(), Matcher(text_ordered=True)
    for matcher in (plain, ordered):
        for form in forms:
            matcher.add(form, form.upper())
        matcher.finish()
    assert ordered.searcher is not ordered.automaton
    texts = [
        "Theo AFP và TTXVN, hãng tin Reuters cho biết (Tuổi Trẻ, vnexpress.net).",
        "APEC không phải AP; TTXVNN, XAFP và Tân Hoa Xã đưa tin.",
        "Nguồn: VnExpress/AFP - AP",
    ]
    for text in texts:
        assert ordered.find(text) == plain.find(text)


def test_matcher_added_to_after_finish_reads_its_automaton() -> None:
    matcher = Matcher(text_ordered=True)
    matcher.add("AFP", "AFP")
    matcher.finish()
    matcher.add("AP", "AP")
    assert matcher.searcher is matcher.automaton


def test_a_body_is_lowered_once_and_only_for_itself() -> None:
    lex = lexicons.load()
    body = "Bộ trưởng Ngoại giao Nhật Bản thăm Hà Nội. Quan hệ Đối tác chiến lược."
    cache: dict[str, object] = {}
    lex.find_in(cache, "titles", body)
    assert cache[LOWERED] == (body, body.lower())
    # the kept lower case itself, not a new one equal to it
    assert lowered(cache, body) is cache[LOWERED][1]  # type: ignore[index]
    other = "Một văn bản KHÁC"
    assert lowered(cache, other) == other.lower()
    assert lowered({}, body) == body.lower()


def test_fold_lowered_is_fold_spelling_of_the_lowered_text() -> None:
    for text in ("Hoà bình và Thuỷ lợi – KHOẺ", "ASEAN—Hàn Quốc", "Quan hệ đối tác"):
        assert fold_lowered(text.lower()) == fold_spelling(text)
