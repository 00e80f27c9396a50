"""The cheaper forms of extraction's hot spots give what the forms they replace gave."""

from __future__ import annotations

import random
import re

from diplonews.extract import clean, figures, lexicons
from diplonews.extract.events import cues, movements
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


# The twelfth round's forms: the lexicons' keys sorted by a translated string, the
# lookbehinds of MOVE, LOCATION_LEAD and _WORD_FACTOR tested after the character they
# stood before, EXCLUDED_BEFORE asked where its words stand, SECONDARY and HOSTING searched
# from where their words can start.

OLD_GOING = r"(?:(?<=lên đường )|(?<=sẽ )|(?<=dự kiến )|(?<=dự định )|(?<=kế hoạch ))đi"
LOOKBEHINDS_FIRST = {  # the form each pattern had, by what it has now
    cues.GOING: OLD_GOING,
    r"xuống(?:(?<=hạ cánh xuống)|(?<=an toàn xuống)|(?<=đáp xuống)|(?<=máy bay xuống)"
    r"|(?<=chuyên cơ xuống))": r"(?<=hạ cánh )xuống|(?<=an toàn )xuống|(?<=đáp )xuống"
    r"|(?<=máy bay )xuống|(?<=chuyên cơ )xuống",
    r"ở(?:(?<=đang ở)|(?<=hiện ở))": r"(?<=đang )ở|(?<=hiện )ở",
    r"từ(?:(?<=vừa từ)|(?<=đã từ)|(?<=mới từ)))": r"(?<=vừa )từ|(?<=đã )từ|(?<=mới )từ)",
    r"[gG](?<!\w[gG])ấp": r"(?<!\w)[gG]ấp",
}
PIECES = [
    "sẽ đi ", "Sẽ đi ", "dự kiến đi ", "lên đường đi ", "kế hoạch đi ", "đi ", "đang ở ",
    "hiện ở ", "Hiện Ở ", "ở ", "tại ", "vừa từ ", "đã từ ", "mới từ ", "từ ", "hạ cánh xuống ",
    "máy bay xuống ", "đáp xuống ", "an toàn xuống ", "chuyên cơ xuống ", "xuống ", "tới ",
    "trở về nước từ ", "thủ đô ", "thành phố cảng ", "sân bay quốc tế ", "miền nam ", "dừng chân là ",
    "gấp đôi ", "Gấp ba ", "tăng gấp rưỡi", "ngấp ba ", "gấp bốn lần ", "Hà Nội", "Bình Nhưỡng",
    " ", "  ", "\n", ", ", "ông Kim ", "khách sạn ", "x",
]  # fmt: skip


def _old_form(pattern: re.Pattern[str]) -> re.Pattern[str]:
    text = pattern.pattern
    for new, old in LOOKBEHINDS_FIRST.items():
        text = text.replace(new, old)
    assert text != pattern.pattern
    return re.compile(text, pattern.flags)


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(1, 9))) for _ in range(count)]


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_lookbehinds_after_their_word_match_as_before() -> None:
    windows = ((movements.MOVE, movements.MOVE_REACH), (cues.LOCATION_LEAD, 60))
    for pattern, reach in windows:
        old = _old_form(pattern)
        for text in _texts(400, 11):
            for at in range(len(text) + 1):
                lo = max(0, at - reach)
                assert _same(pattern.search(text, lo, at), old.search(text, lo, at)), text[lo:at]
    old = _old_form(figures._WORD_FACTOR)
    for text in _texts(3000, 12):
        new_found = [(m.span(), m.groups()) for m in figures._WORD_FACTOR.finditer(text)]
        assert new_found == [(m.span(), m.groups()) for m in old.finditer(text)], text


def test_excluded_before_as_its_pattern() -> None:
    pieces = [
        "theo lời mời của ", "thay mặt ", "thay mặt cho ", "lời chào của ", "của đoàn Nga ",
        "Sáng kiến hợp tác của ", "chính quyền Tổng thống Mỹ của ", "của", "thay ", "mặt ",
        "Tổng thống ", "; ", ". ", ", ", " ", "\n", "x" * 50,
    ]  # fmt: skip
    rng = random.Random(13)
    for _ in range(1000):
        body = "".join(rng.choices(pieces, k=rng.randint(1, 10)))
        for at in range(len(body) + 1):
            expected = cues.EXCLUDED_BEFORE.search(body, max(0, at - 110), at) is not None
            assert cues.excluded_before(body, at) == expected, body[:at]


def test_last_words_search_as_the_whole_text() -> None:
    pieces = [
        "nhân dịp tham dự ", "Bên Lề ", "bên lề", "trong khuôn khổ ", "tiếp nối các hoạt động",
        "tiến tới ", "để dự", "đăng cai tổ chức ", "tổ chức thành công", "chuẩn bị cho ",
        "Đăng cai", " ", "   ", "\n", "\t", "ông ", "x", "a" * 30,
    ]  # fmt: skip
    rng = random.Random(14)
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 8)))
        for pattern, longest in (
            (cues.SECONDARY, cues.SECONDARY_LONGEST),
            (cues.HOSTING, cues.HOSTING_LONGEST),
        ):
            found = pattern.search(text, cues.last_words(text, longest))
            assert _same(found, pattern.search(text)), text


def test_text_order_sorts_as_the_ranks_did() -> None:
    ranks = {char: rank for rank, char in enumerate(lexicons.TEXT_ORDER)}

    def by_ranks(key: str) -> list[int]:
        return [ranks.get(char, len(ranks) + ord(char)) for char in key]

    alphabet = [*lexicons.TEXT_ORDER[:30], "A", "Z", "Đ", "\x00", "\U0010ffff", "~", "ẞ"]
    rng = random.Random(15)
    keys = {"".join(rng.choices(alphabet, k=rng.randint(0, 6))) for _ in range(20000)}
    assert sorted(keys, key=lexicons._text_order) == sorted(keys, key=by_ranks)
