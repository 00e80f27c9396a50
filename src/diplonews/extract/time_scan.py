"""Temporal expressions as written: days, months, years and relative words, no year supplied.

`scan` finds them and their relation to "now" ("tới", "vừa qua", "dự kiến"); the dates
stage resolves them against the publication date or the anchor year. Every finder regex
starts with a literal ("/", "háng", "ăm", "nay", …), so the engine skips through the
text at memchr speed and only the few hits are looked at closely.

Full dates next to a clock time or a weekday ("Thứ Bảy, 14/03/2026, 06:41",
"09:06 - 20/03/2024") are page datelines (crawl or related-news dates), not
expressions of the article: they are skipped everywhere.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# ---------------------------------------------------------------- finders
# A digit, a separator, a digit: where a numeric date may be ("7/6", "29-9", "24.6").
_SEPARATORS = (
    re.compile(r"/(?=[0-9])(?<=[0-9]/)"),
    re.compile(r"-(?=[0-9])(?<=[0-9]-)"),
    re.compile(r"\.(?=[0-9])(?<=[0-9]\.)"),
)
_NUMERIC = re.compile(
    r"(?<![\w.,:/\-–])(?P<d1>[0-9]{1,2})"
    r"(?:(?:\s*[-–]\s*|\s+(?:đến|tới|và)\s+(?:ngày\s+)?)(?P<d2>[0-9]{1,2}))?(?P<sep>[/.\-])"
    r"(?P<m>[0-9]{1,2})(?:(?P=sep)(?P<y>[0-9]{4})(?![0-9])|(?![0-9]|[/.\-][0-9]))"
)
# A range across months, "30/8-2/9", "30.8 – 2.9.2024": the first day and the last.
_CROSS_MONTH = re.compile(
    r"(?<![\w.,:/\-–])(?P<d1>[0-9]{1,2})(?P<sep>[/.])(?P<m>[0-9]{1,2})\s*[-–]\s*"
    r"(?P<d2>[0-9]{1,2})(?P=sep)(?P<m2>[0-9]{1,2})(?:(?P=sep)(?P<y>[0-9]{4}))?(?![0-9]|[/.\-][0-9])"
)
# The second date of "30/4/1975-30/4/2025": after a year and a dash, a full date only.
_AFTER_YEAR = re.compile(r"[0-9]{4}[-–]$")
_NUMERIC_AFTER_YEAR = re.compile(
    r"(?P<d1>[0-9]{1,2})(?P<d2>)(?P<sep>[/.\-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})(?![0-9])"
)
_RANGE_HEAD = re.compile(r"[0-9]{1,2}(?:\s*[-–]\s*|\s+(?:đến|tới|và)\s+(?:ngày\s+)?)$")
# A list of days in one month, "(hai) ngày 11, 12/9", "các ngày 11, 12 và 13/9": the first
# day and the last, as a range (after "ngày" or "hôm", so "Điều 11, 12/2005" is no date).
_LIST_HEAD = re.compile(
    r"(?:(?<=[Nn]gày )|(?<=[Hh]ôm ))[0-9]{1,2}(?:\s*,\s*[0-9]{1,2})*(?:\s*,\s*|\s+và\s+)$"
)
_LISTED = re.compile(
    r"(?P<d1>[0-9]{1,2})(?:\s*,\s*[0-9]{1,2})*(?:\s*,\s*|\s+và\s+)(?P<d2>[0-9]{1,2})"
    r"(?P<sep>[/.\-])(?P<m>[0-9]{1,2})(?:(?P=sep)(?P<y>[0-9]{4})(?![0-9])|(?![0-9]|[/.\-][0-9]))"
)
# "tháng 8", "tháng 4/2024", "tháng 6 năm 2021", "tháng Ba năm 2024", "tháng trước" (after
# the T of "tháng"). Months in words are capitalised ("tháng Năm" is May, "tháng năm" is
# time); "tháng Giêng" and "tháng Chạp" name lunar months and are left out.
_MONTH = re.compile(
    r"háng(?:\s+(?:(?:(?P<m>[0-9]{1,2})|(?P<mw>Mười\s+Một|Mười\s+Hai|Một|Hai|Ba|Tư|Năm|Sáu|Bảy"
    r"|Tám|Chín|Mười)(?!\w))(?:\s*(?:[/.\-]|,?\s*năm\s+)(?P<y>[0-9]{4}))?(?![0-9/])"
    r"|(?P<w>trước|tới|sau(?!\s+khi)|này)(?!\w))"
    # a part of the story's month, its number left out: "hồi đầu tháng, …", "vào cuối tháng."
    r"|(?P<bare>)(?=[,.;:)]))"
)
# What names that part: "đầu tháng", "giữa tháng", "cuối tháng".
# Not "hồi cuối tháng": the end of a month already past, told early in the next one, is
# as often last month's as this one's.
MONTH_PART = re.compile(r"(?<!\w)(?:đầu|giữa|(?<!hồi )(?<!Hồi )cuối)\s+$", re.IGNORECASE)
_MONTH_WORDS = ("Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười")
_WORD_MONTHS = {
    word: number for number, word in enumerate((*_MONTH_WORDS, "Mười Một", "Mười Hai"), 1)
}
# "(8/2014)", "(12-2014)": a month and year in brackets after what they date.
_BRACKET_MONTH = re.compile(r"\((?P<m>[0-9]{1,2})[/.\-](?P<y>(?:19|20)[0-9]{2})\)")
# "ngày 7", "ngày 7-9", "ngày 7 và 8", "ngày 7 đến ngày 9" just before a "tháng 6"; also
# after a part of the day ("chiều 7 tháng 6", "chiều nay 7 tháng 6"), "từ" ("từ 23-26
# tháng 7") or a weekday ("Thứ Tư, 20 tháng 3 năm 2024"), as some outlets write the dates
# others write 7/6.
# A bare "3 tháng 2" stays a duration.
_DAY_BEFORE_MONTH = re.compile(
    r"(?:(?<!\w)(?:[Nn]gày|[Mm]ùng|[Mm]ồng|[Tt]ừ|[Hh]ôm|(?:[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Đđ]êm)"
    r"(?:\s+(?:sớm|muộn))?(?:\s+nay)?)\s+"
    r"|(?<!\w)(?:[Tt]hứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ\s+[Nn]hật),\s*)"
    r"(?P<d1>[0-9]{1,2})(?:\s*(?:-|–|và|đến|tới)\s*(?:ngày\s+)?(?P<d2>[0-9]{1,2}))?\s+$"
)
# A quarter of a year written with the year after a slash, "quý I/2026", "quý 4/2025": the
# year ("quý IV năm 2025" is found by its "năm 2025").
_QUARTER = re.compile(
    r"(?<!\w)[Qq]uý\s+(?:I{1,3}|IV|[1-4])\s*/\s*(?P<y>(?:19|20)[0-9]{2})(?![0-9])"
)
# "năm 2023", "năm ngoái", "năm nay (2020)" (after the N of "năm").
_YEAR = re.compile(
    r"ăm\s+(?:(?P<y>[0-9]{4})(?![0-9])(?P<this>\s+này(?!\w))?"
    r"|(?P<w>ngoái|nay|tới|sau(?!\s+khi)|trước)(?!\w)"
    r"(?:\s*[,(–-]\s*(?:năm\s+)?(?P<ny>[0-9]{4})(?![0-9])\)?)?)"
)
# Words before "năm 1980" that make it a decade: "những năm 1980", "thập niên 1990" ("các
# năm 2003 và 2004" lists years).
_DECADE_BEFORE = re.compile(r"(?<!\w)(?:[Nn]hững|[Tt]hập (?:niên|kỷ))\s+$")
# "hồi năm 2004 này": a past time, whatever the case or spacing of "hồi"
_PAST_HOI = re.compile(r"(?<!\w)[Hh]ồi\s+$")
# "hôm nay", "chiều nay", "tối qua": the head word is checked in C by lookbehinds.
_REL_DAY = tuple(
    re.compile(word + r"(?!\w)(?:" + "|".join(f"(?<=(?i:{head}) {word})" for head in heads) + ")")
    for word, heads in (
        ("nay", ("hôm", "sáng", "chiều", "tối", "trưa", "đêm", "khuya", "sớm", "muộn")),
        ("qua", ("hôm", "sáng", "chiều", "tối", "trưa", "đêm", "khuya", "sớm", "muộn")),
        ("mai", ("ngày", "sáng", "chiều", "tối", "trưa", "đêm")),
        ("kia", ("hôm",)),
    )
)
REL_DAY_OFFSET = {"nay": 0, "qua": -1, "mai": 1, "kia": -2}
_RECENT = re.compile(r"ần\s+đây(?!\w)")
# "tuần trước", "tuần qua", "cuối tuần này", "tuần tới" (after the T of "tuần"); not "tuần
# trước đó", "tuần sau khi" (counted from the story) nor "hai tuần tới" (a length).
_WEEK = re.compile(r"uần\s+(?P<w>này|trước|qua|tới|sau)(?!\w)(?!\s+(?:đó|khi|nữa)(?!\w))")
WEEK_OFFSET = {"này": 0, "trước": -1, "qua": -1, "tới": 1, "sau": 1}
# "thứ Hai", "hôm thứ ba", "Chủ nhật tuần trước" (after the T of "thứ" or the C of "chủ").
_WEEKDAY = re.compile(
    r"hứ\s+(?P<w>Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy|[2-7])(?!\w)|hủ\s+[Nn]hật(?!\w)"
)
_WEEKDAY_INDEX = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5}
# Words before a weekday that make it a day: "hôm thứ Ba", "vào thứ Sáu", "sáng thứ Hai".
WEEKDAY_CONTEXT = frozenset({"hôm", "vào", "sáng", "chiều", "tối", "trưa", "đêm", "từ", "đến"})
# … and words before "thứ hai" that make it an ordinal: "lần thứ hai", "khóa thứ ba".
ORDINAL_BEFORE = frozenset({"lần", "khóa", "khoá", "kỳ", "hạng", "vị", "đứng", "nhiệm", "là"})
_WEEKDAY_AFTER = re.compile(
    r"\s+(?:tuần\s+(?P<week>này|trước|qua|tới|sau)|(?P<past>vừa\s+qua)|(?P<next>(?:sắp\s+)?tới)"
    r"|(?P<this>này))(?!\w)"
)
# "cách đây 2 năm", "10 năm trước", "ba tháng về trước", "hai ngày trước đây": so long
# before "now" (after the C of "cách", or the unit's first letter before "trước"). Not
# "2 năm trước khi …", "10 năm trước đó" (before another time), "hai ngày trước cuộc
# bầu cử" (before an event): after "trước" comes the clause's end, "đây" or a place.
_AGO_COUNT = (
    r"(?:(?P<q>hơn|gần|khoảng|chừng|ngót|chưa đầy|đúng|tròn)\s+)?"
    r"(?P<n>[0-9]{1,3}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười một|mười hai|vài|mấy)"
    r"\s+(?P<u>ngày|tuần|tháng|năm)"
)
_AGO_BEFORE = re.compile(r"ách\s+đây\s+" + _AGO_COUNT + r"(?!\w)")
_AGO_AFTER = re.compile(
    r"(?P<t>rước(?:\s+đây|\s+về\s+trước)?)(?=\s*(?:[,.;:!?)\n]|$|(?:tại|ở|và|nhưng|thì|là)\s))"
)
_AGO_UNIT_BEFORE = re.compile(r"(?:^|(?<=\W))" + _AGO_COUNT + r"\s+(?:về\s+)?t$", re.IGNORECASE)
# "tăng 5% so với một năm trước": a comparison, not a time something happened.
_AGO_COMPARED = re.compile(
    r"(?<!\w)so(?:\s+với)?(?:\s+(?:thời điểm|cùng kỳ|mức))?\s+$", re.IGNORECASE
)
AGO_NUMBERS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
}  # fmt: skip
_DATE_FOLLOWS = re.compile(r"\s*[,(]?\s*(?:ngày\s+)?[0-9]")
_DATE_AFTER = re.compile(r"\s*\(?\s*(?:ngày\s+)?[0-9]")

# Word lists for the checks around a hit (lower case, punctuation stripped).
DAY_PARTS = frozenset({"sáng", "chiều", "tối", "trưa", "đêm", "khuya"})
# … early or late in it: "sáng sớm 11/9", "tối muộn 11/9", "sớm nay" (early this morning).
DAY_PART_DEGREES = frozenset({"sớm", "muộn"})
# Words of a date phrase that join the date's span: "sáng nay", "chiều ngày", "hôm qua".
DATE_PHRASE = DAY_PARTS | {"rạng", "hôm", "ngày", "nay", "qua", "mai", "kia"}
# A bare d/m is a date after one of these.
DATE_CONTEXT = DATE_PHRASE | {"từ", "đến", "tới", "vào", "sau", "trước", "mùng", "mồng"}
# … or before one of these: "cuộc hội đàm 10/9 vừa qua", "Hội nghị 25/11 tới".
_MARKED_AFTER = re.compile(r"\s+(?:vừa\s+qua|sắp\s+tới|tới)(?!\w)")
# … or in a dateline, after a place and before the agency and the dash, or after the
# agency: "Hà Nội, 12/9 (TTXVN) -", "Bình Nhưỡng, 12/9 -", "Hà Nội (TTXVN) 12/9 -".
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]\s")
# … and not after one of these: "Quảng trường 26/3", "đường 30/4".
PLACE_WORDS = frozenset(
    {"trường", "đường", "phố", "cầu", "viên", "sân", "phường", "xã", "khu", "quận", "huyện", "số"}
)
NUMBER_WORDS = frozenset(
    {
        "một",
        "hai",
        "ba",
        "bốn",
        "năm",
        "sáu",
        "bảy",
        "tám",
        "chín",
        "mười",
        "vài",
        "mấy",
        "nhiều",
        "các",
        "những",
        "mỗi",
        "hàng",
    }
)
WEEKDAYS = frozenset({"hai", "ba", "tư", "năm", "sáu", "bảy"})
_PUNCT = "()[],;:\"'“”‘’"
_CLOCK = re.compile(r"[0-9]{1,2}:[0-9]{2}")

# Relation to "now": markers after the expression, then before it.
_FUTURE_AFTER = re.compile(
    r"\s*\)?\s*(?:sắp\s+tới|tới\s+đây|(?P<to>tới)(?!\s+(?:nay|giờ|bây giờ)(?!\w)))(?!\w)\s*"
)
# "tới" followed by a place or a visit is the verb "to arrive", not "coming".
_ARRIVE = re.compile(r"(?:sân bay|thăm|dự|thủ đô|thành phố|tỉnh|trụ sở|nơi)(?!\w)")
_PAST_AFTER = re.compile(
    r"\s*\)?\s*(?:vừa\s+qua|(?:tới|đến)\s+(?:nay|giờ)(?!\w)|qua(?=\s*[,.;)\n]|\s*$)|trước(?=\s*[,.;)\n]|\s*$))"
)
_RANGE_GAP = re.compile(r"\s*(?:đến|tới|–|-)\s*")
_YEAR_GAP = re.compile(r" +")
_MONTH_JOIN = re.compile(r"\s*(?:đến|tới|–|-|và|,)\s*(?:cuối\s+|đầu\s+|giữa\s+)?")
# The year a relative word names, from "now": "tháng 11 năm ngoái", "20/11 năm ngoái".
YEAR_SHIFT = {"ngoái": -1, "trước": -1, "nay": 0, "tới": 1, "sau": 1}
_PAST_TENSE = re.compile(r"(?<!\w)(?:đã|vừa|từng)(?!\w)")  # over lower-cased text
# "sắp xếp" (to arrange) is not "sắp" (about to).
_FUTURE_TENSE = re.compile(r"(?<!\w)(?:sẽ|dự kiến|sắp(?!\s+xếp)|kế hoạch)(?!\w)")
_FUTURE_BEFORE = re.compile(r"(?<!\w)(?:dự kiến|sắp(?!\s+xếp))(?!\w)")


@dataclass(slots=True)
class RawTime:
    """An expression as written, before any year is supplied."""

    start: int
    end: int
    kind: str  # "day", "month", "year", "rel_month", "rel_year", "rel_day", "rel_weekday",
    # "rel_week", "ago" (so many days, weeks, months or years before "now": `word` the
    # unit, `count` how many, None when the text says it only roughly: "hơn 10 năm")
    core: int  # where the date itself starts (after "sáng nay", "ngày", …)
    day: int | None = None
    month: int | None = None
    year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None  # a range's end year when it is written ("1975-…/2025")
    word: str = ""  # for the relative kinds: "nay", "ngoái", "qua", …
    relation: str | None = None
    deictic: bool = False  # the text calls this year or date "now"
    # years from "now" a day or month is told in: "tháng 11 năm ngoái" is -1, "tháng 3
    # năm nay" 0, "tháng 9 năm tới" +1 (None: no such word)
    year_shift: int | None = None
    count: int | None = None  # for "ago": how many units
    # for "rel_week": the part of the week told, "cuối" (its weekend: "cuối tuần qua") or
    # "đầu" (its first days: "đầu tuần tới"), else ""
    part: str = ""


_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid_day(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month]


def _word_starts(text: str, index: int, letters: str) -> bool:
    """Is text[index] one of `letters` and the first letter of a word?"""
    return index >= 0 and text[index] in letters and (index == 0 or not text[index - 1].isalnum())


def _words_before(text: str, pos: int, count: int) -> list[str]:
    """Up to `count` words just before `pos`, nearest first, lower case, punctuation stripped.

    A token of punctuation only ("(", "–") is dropped. Cheaper than a backward regex.
    """
    tokens = text[max(0, pos - 12 * count) : pos].rsplit(None, count)
    words = [t.strip(_PUNCT).lower() for t in reversed(tokens[-count:])]
    return [w for w in words if w]


def _start_of(text: str, pos: int, words: list[str]) -> int:
    """Where the run of `words` (nearest first, as `_words_before` gave them) starts."""
    chunk = text[max(0, pos - 12 * len(words) - 12) : pos].lower()
    end = len(chunk)
    for word in words:
        found = chunk.rfind(word, 0, end)
        if found < 0:
            break
        end = found
    return pos - len(chunk) + end


def _early_or_late(words: list[str]) -> bool:
    """Whether the words before a date (nearest first) are "sáng sớm", "tối muộn", …"""
    return len(words) >= 2 and words[0] in DAY_PART_DEGREES and words[1] in DAY_PARTS


def _at_sentence_start(text: str, pos: int) -> bool:
    index = pos - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] in ".!?\n–—"


def _is_dateline(text: str, start: int, end: int, words: list[str]) -> bool:
    """A full date beside a clock time or after a weekday: page furniture."""
    if ":" in text[max(0, start - 9) : start] and _CLOCK.search(text, max(0, start - 9), start):
        return True
    after = text[end : end + 9].lstrip(" ,|–-")
    if _CLOCK.match(after):
        return True
    weekday = len(words) >= 2 and (
        (words[0] in WEEKDAYS and words[1] == "thứ") or (words[0] == "nhật" and words[1] == "chủ")
    )
    # "Chiều thứ Ba, 10/9/2024, Thủ tướng …": a part of the day before the weekday makes
    # it the story's own date, not a page's
    return weekday and not (len(words) >= 3 and words[2] in DATE_CONTEXT)


def _numeric_at(text: str, sep: int) -> RawTime | None:
    """The numeric date around the separator at `sep`, if it is one."""
    start = sep
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    cross = _CROSS_MONTH.match(text, start)
    if cross is not None:
        return _cross_month_at(text, cross)
    listed = (
        _LIST_HEAD.search(text, max(0, start - 30), start)
        if "," in text[max(0, start - 12) : start]
        else None
    )
    head = listed or _RANGE_HEAD.search(text, max(0, start - 14), start)
    m = (
        (_LISTED.match(text, listed.start()) if listed else None)
        or (_NUMERIC.match(text, head.start()) if head else None)
        or _NUMERIC.match(text, start)
    )
    if m is None and _AFTER_YEAR.search(text, max(0, start - 5), start):
        m = _NUMERIC_AFTER_YEAR.match(text, start)
    if m is None or m.end() <= sep:
        return None
    d1, month = int(m["d1"]), int(m["m"])
    d2 = int(m["d2"]) if m["d2"] else None
    year = int(m["y"]) if m["y"] else None
    if not _valid_day(d1, month) or (d2 is not None and (d2 <= d1 or not _valid_day(d2, month))):
        return None
    return _day_raw(text, m, d1, month, year, d2)


def _cross_month_at(text: str, m: re.Match[str]) -> RawTime | None:
    """ "từ ngày 30/8-2/9": a range into the next month, dated by its first day."""
    d1, month, d2, month2 = int(m["d1"]), int(m["m"]), int(m["d2"]), int(m["m2"])
    if not (_valid_day(d1, month) and _valid_day(d2, month2)) or month2 not in (
        month % 12 + 1,
        month,
    ):
        return None
    if month2 == month and d2 <= d1:
        return None
    end_year = int(m["y"]) if m["y"] else None
    if end_year is not None and not 1900 <= end_year <= 2100:
        return None
    year = end_year - 1 if end_year is not None and month2 < month else end_year
    raw = _day_raw(text, m, d1, month, year, d2)
    if raw is not None:
        raw.end_month = month2
        raw.end_year = end_year if end_year != year else None
    return raw


def _day_raw(
    text: str, m: re.Match[str], d1: int, month: int, year: int | None, d2: int | None
) -> RawTime | None:
    """A day expression from its numbers, if the words before it make it a date."""
    if year is not None and not 1900 <= year <= 2100:
        return None
    start, end = m.start(), m.end()
    words = _words_before(text, start, 4)
    if _early_or_late(words):
        words = words[1:]  # "sáng sớm 11/9": the part of the day dates it
    last = words[0] if words else ""
    if last in PLACE_WORDS:
        return None  # "Quảng trường 26/3", "đường 30/4"
    weekday = len(words) >= 2 and (
        (last in WEEKDAYS and words[1] == "thứ") or (last == "nhật" and words[1] == "chủ")
    )  # "thứ Hai (11/9)", "Chủ nhật, 10/9"
    bracketed = text[start - 1 : start] == "(" and text[end : end + 1] == ")"  # "Thủ tướng (10/9)"
    if (
        year is None
        and last not in DATE_CONTEXT
        and not weekday
        and not bracketed
        and not _at_sentence_start(text, start)
        and not _MARKED_AFTER.match(text, end)
        and not (text[start - 2 : start] in (", ", ") ") and _DATELINE_AFTER.match(text, end))
    ):
        return None  # "24/7", "3-1", "1.5" without a date word before or after them
    if year is not None and _is_dateline(text, start, end, words):
        return None
    deictic = False
    phrase = 0
    while phrase < len(words) and (
        words[phrase] in DATE_PHRASE or _early_or_late(words[phrase:])
    ):  # "Chiều nay", "Đêm muộn ngày": the words of the date phrase join its span
        phrase += 1
    if phrase:
        deictic = year is not None and "nay" in words[:phrase]
        start = _start_of(text, start, words[:phrase])
        if text[end : end + 1] == ")" and "(" in text[start : m.start()]:
            end += 1  # "Chiều nay (26/3)"
    return RawTime(start, end, "day", m.start(), d1, month, year, d2, deictic=deictic)


def _month_at(text: str, m: re.Match[str]) -> RawTime | None:
    start = m.start() - 1
    if not _word_starts(text, start, "tT"):
        return None
    if m["bare"] is not None:
        if not MONTH_PART.search(text, max(0, start - 8), start):
            return None
        return RawTime(start, m.end(), "rel_month", start, word="này")
    if not (m["m"] or m["mw"]):
        if _duration(text, start, m["w"]):
            # "ngày 20 tháng trước": the 20th of last month, not "20 months ago"
            day = _DAY_BEFORE_MONTH.search(text, max(0, start - 24), start)
            if day is None or day["d2"] or not 1 <= int(day["d1"]) <= 31:
                return None
            return RawTime(
                day.start(), m.end(), "rel_month", day.start(), day=int(day["d1"]), word=m["w"]
            )
        return RawTime(start, m.end(), "rel_month", start, word=m["w"])
    month = int(m["m"]) if m["m"] else _WORD_MONTHS[" ".join(m["mw"].split())]
    if not 1 <= month <= 12:
        return None
    year = int(m["y"]) if m["y"] else None
    index = start - 1
    while index >= 0 and text[index] == " ":
        index -= 1
    if index >= 0 and text[index].isdigit():  # "ngày 7 tháng 6", "ngày 7-9 tháng 6"
        day = _DAY_BEFORE_MONTH.search(text, max(0, start - 24), start)
        if day is None:
            return None  # "6 tháng 5 ngày"? a duration, not a date
        d1 = int(day["d1"])
        d2 = int(day["d2"]) if day["d2"] else None
        if not _valid_day(d1, month) or (
            d2 is not None and (d2 <= d1 or not _valid_day(d2, month))
        ):
            return None
        return RawTime(day.start(), m.end(), "day", day.start(), d1, month, year, d2)
    return RawTime(start, m.end(), "month", start, None, month, year)


def _candidates(text: str) -> list[RawTime]:
    found: list[RawTime] = []
    seps = sorted(h.start() for finder in _SEPARATORS for h in finder.finditer(text))
    covered = -1
    for sep in seps:
        if sep < covered:
            continue
        raw = _numeric_at(text, sep)
        if raw is not None:
            found.append(raw)
            covered = raw.end
    for m in _MONTH.finditer(text):
        raw = _month_at(text, m)
        if raw is not None:
            found.append(raw)
    for m in _BRACKET_MONTH.finditer(text):
        month = int(m["m"])
        if 1 <= month <= 12:
            found.append(RawTime(m.start(), m.end(), "month", m.start(), None, month, int(m["y"])))
    if "uý" in text:
        for m in _QUARTER.finditer(text):
            found.append(RawTime(m.start(), m.end(), "year", m.start(), year=int(m["y"])))
    for m in _YEAR.finditer(text):
        start = m.start() - 1
        if not _word_starts(text, start, "nN"):
            continue
        if m["y"]:
            year = int(m["y"])
            if year % 10 == 0 and _DECADE_BEFORE.search(text, max(0, start - 16), start):
                continue  # "những năm 1980", "thập niên 1990": a decade, no year of its own
            if 1900 <= year <= 2100:
                # "năm 2020 này" is now, but not "hồi năm 2004 này" (a past time, the "này"
                # closing a noun phrase before it: "Người từng hụt chức … hồi năm 2004 này")
                deictic = bool(m["this"]) and not _PAST_HOI.search(text, max(0, start - 8), start)
                found.append(RawTime(start, m.end(), "year", start, year=year, deictic=deictic))
        elif not _duration(text, start, m["w"]):
            stated = int(m["ny"]) if m["ny"] and m["w"] == "nay" else None
            found.append(
                RawTime(
                    start,
                    m.end() if stated else m.end("w"),
                    "rel_year",
                    start,
                    year=stated,
                    word=m["w"],
                    deictic=stated is not None,
                )
            )
    for finder in _REL_DAY:
        for m in finder.finditer(text):
            if _DATE_AFTER.match(text, m.end()):
                continue  # "sáng nay 19-10": the date itself follows
            words = _words_before(text, m.start(), 2)
            joined = words[1:2] in (["ngày"], ["rạng"]) or _early_or_late(words)
            start = _start_of(text, m.start(), words if joined else words[:1])
            found.append(RawTime(start, m.end(), "rel_day", start, word=m.group()))
    for m in _RECENT.finditer(text):
        if _word_starts(text, m.start() - 1, "gG"):
            found.append(RawTime(m.start() - 1, m.end(), "rel_year", m.start() - 1, word="gần đây"))
    for m in _WEEK.finditer(text):
        start = m.start() - 1
        if _word_starts(text, start, "tT"):
            words = _words_before(text, start, 1)
            if not (words and (words[0].isdigit() or words[0] in NUMBER_WORDS)):
                part = words[0] if words and words[0] in ("cuối", "đầu") else ""
                if part:
                    start = _start_of(text, start, words)
                found.append(RawTime(start, m.end(), "rel_week", start, word=m["w"], part=part))
    for m in _WEEKDAY.finditer(text):
        raw = _weekday_at(text, m)
        if raw is not None:
            found.append(raw)
    found += _ago(text)
    found.sort(key=lambda r: (r.start, -r.end))
    kept: list[RawTime] = []
    for raw in found:
        if not kept or raw.start >= kept[-1].end:
            kept.append(raw)
    return kept


def _ago_raw(text: str, start: int, end: int, m: re.Match[str]) -> RawTime:
    number = m["n"].lower()
    count = int(number) if number.isdigit() else AGO_NUMBERS.get(number)
    if m["q"] and m["q"].lower() not in ("đúng", "tròn"):
        count = None  # "hơn 10 năm trước": roughly, no year to give
    return RawTime(start, end, "ago", start, word=m["u"].lower(), relation="past", count=count)


# Words before "20 tháng trước" that make the number a day ("ngày 20 tháng trước": the
# 20th of last month) or the count a length or a comparison ("trong 5 năm trước", "từ
# 10 năm trước", "cao hơn 2 năm trước"), not a time so long ago.
_NOT_AGO_BEFORE = frozenset(
    {"ngày", "mùng", "mồng", "hôm", "sáng", "chiều", "tối", "trưa", "đêm", "trong", "từ"}
)
# … and words before "hơn" that make it "more than" a comparison, not "over (10 years)".
_COMPARATIVES = frozenset(
    {"cao", "thấp", "nhiều", "ít", "lớn", "nhỏ", "mạnh", "yếu", "tốt", "kém", "xa", "gần"}
)


def _not_ago(text: str, count: re.Match[str]) -> bool:
    """Whether the words before a count "… N năm trước" make it no time so long ago."""
    words = _words_before(text, count.start(), 1)
    if words and words[0] in _NOT_AGO_BEFORE:
        return True
    return (count["q"] or "").lower() == "hơn" and bool(words) and words[0] in _COMPARATIVES


def _ago(text: str) -> list[RawTime]:
    """ "cách đây 2 năm", "10 năm trước": so long before "now" (see `_AGO_BEFORE`)."""
    found = []
    for m in _AGO_BEFORE.finditer(text):
        if _word_starts(text, m.start() - 1, "cC"):
            found.append(_ago_raw(text, m.start() - 1, m.end(), m))
    for m in _AGO_AFTER.finditer(text):
        t = m.start() - 1
        if not _word_starts(text, t, "t"):
            continue
        count = _AGO_UNIT_BEFORE.search(text, max(0, t - 40), t + 1)
        if (
            count is not None
            and not _AGO_COMPARED.search(text, max(0, count.start() - 24), count.start())
            and not _not_ago(text, count)
        ):
            found.append(_ago_raw(text, count.start(), m.end("t"), count))
    return found


def _weekday_at(text: str, m: re.Match[str]) -> RawTime | None:
    """ "hôm thứ Ba", "thứ Sáu tuần trước", "Chủ nhật tới": a weekday named as a day.

    A capitalised name is a weekday unless an ordinal word comes before it ("lần thứ
    Hai" is rare; "lần thứ hai" is not); a lower-case one or a digit needs a day word
    before it ("hôm thứ ba") or "tuần" after. A weekday followed by its date ("thứ Hai
    (11/9)") leaves the dating to the date."""
    start = m.start() - 1
    if not _word_starts(text, start, "tTcC"):
        return None
    name = m["w"]
    index = (
        6
        if name is None
        else _WEEKDAY_INDEX.get(name.lower(), int(name) - 2 if name.isdigit() else -1)
    )
    if index < 0:
        return None
    words = _words_before(text, start, 1)
    last = words[0] if words else ""
    if last in ORDINAL_BEFORE:
        return None
    after = _WEEKDAY_AFTER.match(text, m.end())
    capitalised = name is None or name[:1].isupper()
    # "này" admits only a "Thứ" written capitalised ("Thứ bảy này, …"): "chuyến thăm thứ
    # hai này" is the second visit
    this = bool(after and after["this"]) and text[start].isupper()
    if not (capitalised or last in WEEKDAY_CONTEXT or (after and after["week"]) or this):
        return None
    if _DATE_FOLLOWS.match(text, m.end()):
        return None
    end = after.end() if after else m.end()
    # "thứ Bảy này": the one of this week, or the coming one (dates.resolve): "this"
    week = (after["week"] or ("this" if after["this"] else None)) if after else None
    relation = None
    if after is not None:
        if week in ("trước", "qua") or after["past"]:
            relation = "past"
        elif week in ("tới", "sau") or after["next"]:
            relation = "future"
    raw = RawTime(start, end, "rel_weekday", start, word=f"{index}|{week or ''}")
    raw.relation = relation
    return raw


def _duration(text: str, start: int, word: str) -> bool:
    """ "30 năm tới", "10 năm trước", "6 tháng sau": a length of time, not a date."""
    if word not in ("tới", "sau", "trước"):
        return False
    words = _words_before(text, start, 2)
    if words[1:2] == ["tháng"] and words[0].isdigit():
        return False  # "tháng 2 năm tới": a month of next year, not "2 năm tới"
    return bool(words) and (words[0].isdigit() or words[0] in NUMBER_WORDS)


_RELATION_OF_WORD = {
    "ngoái": "past",
    "trước": "past",
    "tới": "future",
    "sau": "future",
    "qua": "past",
    "kia": "past",
    "mai": "future",
    "gần đây": "past",
}


# A year that is a goal or a vision, not a time something happens: "Tầm nhìn Cộng đồng
# ASEAN sau năm 2025", "hướng tới kỷ niệm 70 năm quan hệ vào năm 2025", "mục tiêu đến 2030".
_HORIZON_BEFORE = re.compile(
    r"(?:(?<!\w)(?:[Tt]ầm nhìn|hướng tới|hướng đến|mục tiêu|phấn đấu)[^,;.()]{0,60}"
    r"|(?<!\w)sau)\s+(?:năm\s+)?$"
)


def _relate(text: str, raw: RawTime, floor: int) -> None:
    """Set the expression's relation to "now", extending it over a trailing marker.

    `floor` is the end of the previous expression: a "dự kiến" before it belongs to it.
    """
    if raw.kind == "ago":
        return  # past by its words
    if raw.kind in ("rel_month", "rel_year", "rel_day", "rel_week"):
        raw.relation = _RELATION_OF_WORD.get(raw.word)
        return
    if raw.kind == "rel_weekday":
        return  # set from the words after it (`_weekday_at`)
    if raw.kind == "year":
        before = text[max(0, raw.start - 5) : raw.start]
        if ("đến" in before or "tới" in before) and _words_before(text, raw.start, 1)[0] in (
            "đến",
            "tới",
        ):
            raw.relation = "future"  # "kế hoạch hợp tác đến năm 2020": a horizon
        elif _HORIZON_BEFORE.search(text, max(0, raw.start - 70), raw.start):
            raw.relation = "horizon"  # "Tầm nhìn … sau năm 2025": a goal, dating nothing
        return
    end = raw.end
    after = text[end : end + 30]  # the substring tests spare most regex calls
    future = _FUTURE_AFTER.match(after) if "tới" in after else None
    if future and not (
        future["to"]
        and (after[future.end() : future.end() + 1].isupper() or _ARRIVE.match(after, future.end()))
    ):
        raw.relation, raw.end = "future", end + len(future.group().rstrip())
        return
    past = (
        _PAST_AFTER.match(after)
        if ("qua" in after or "trước" in after or "nay" in after or "giờ" in after)
        else None
    )
    if past:
        raw.relation, raw.end = "past", end + len(past.group())
        return
    before = text[max(0, raw.start - 24) : raw.start]
    if "ồi" in before or "rước đó" in before:  # "hồi", and "Hồi" opening a sentence
        words = _words_before(text, raw.start, 4)
        if "hồi" in words[:3] or any(
            words[i] == "đó" and words[i + 1] == "trước" for i in range(len(words) - 1)
        ):
            raw.relation = "past"  # "hồi tháng 7", "Trước đó, chiều 18-10"
            return
    clause = text[max(floor, raw.core - 100, 0) : raw.core]
    if "ự kiến" in clause or "ắp" in clause:
        cut = max(
            clause.rfind("."),
            clause.rfind(";"),
            clause.rfind("\n"),
            clause.rfind("!"),
            clause.rfind("?"),
        )
        if _FUTURE_BEFORE.search(clause.lower(), cut + 1):
            raw.relation = "future"  # "dự kiến vào tháng 4/2024"


def scan(text: str) -> list[RawTime]:
    """Every temporal expression of `text`, as written (no year supplied)."""
    found = _candidates(text)
    floor = 0
    for raw in found:
        _relate(text, raw, floor)
        floor = raw.end
    # "từ 31-5 đến 2-6": two day expressions joined by "đến" become one range.
    merged: list[RawTime] = []
    for raw in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.kind == raw.kind == "day"
            and last.end_day is None
            and raw.end_day is None
            and _RANGE_GAP.fullmatch(text, last.end, raw.start)
            and (last.year is None or raw.year is None or last.year <= raw.year)
        ):
            last.end, last.end_day, last.end_month = raw.end, raw.day, raw.month
            if last.year is not None and raw.year is not None and raw.year != last.year:
                last.end_year = raw.year
            last.year = last.year if last.year is not None else raw.year
            last.relation = last.relation or raw.relation
        elif (
            last is not None
            and last.kind in ("day", "month")
            and raw.kind == "year"
            and last.year is None
            and _YEAR_GAP.fullmatch(text, last.end, raw.start)
        ):
            last.end, last.year = raw.end, raw.year  # "ngày 9/5 năm 2023": one date
        elif (
            last is not None
            and last.kind in ("day", "month")
            and raw.kind == "rel_year"
            and last.year is None
            and last.year_shift is None
            and raw.word in YEAR_SHIFT
            and _YEAR_GAP.fullmatch(text, last.end, raw.start)
        ):
            # "tháng 11 năm ngoái", "tháng 3 năm nay (2005)": one date, its year told
            # against "now" (or written after it)
            last.end, last.year = raw.end, raw.year
            last.year_shift = None if raw.year is not None else YEAR_SHIFT[raw.word]
            last.relation = last.relation or raw.relation
        else:
            merged.append(raw)
    for last, raw in itertools.pairwise(merged):
        if (
            last.kind == raw.kind == "month"
            and last.year is None
            and raw.year is not None
            and _MONTH_JOIN.fullmatch(text, last.end, raw.start)
        ):
            # "từ tháng 3 đến tháng 5/2005", "tháng 3 và tháng 4/2005": the year written
            # once, after the last month, is the first's too (the year before, when the
            # months run over the new year: "tháng 11 đến tháng 2/2005")
            last.year = (
                raw.year - 1 if last.month and raw.month and last.month > raw.month else raw.year
            )
    for raw in merged:
        if (
            raw.end_year is not None
            and raw.year is not None
            and raw.end_year > raw.year
            and (raw.end_day, raw.end_month) == (raw.day, raw.month)
        ):
            raw.relation = "horizon"  # "(8/5/1989-8/5/2024)": years since a day, no event's day
    return merged


def clause_tense(text: str, start: int, end: int) -> str | None:
    """ "past" or "future" when the clause around an expression says only one of them."""
    clause_start = max(text.rfind(c, max(0, start - 200), start) for c in ".!?;\n") + 1
    stops = [i for i in (text.find(c, end, end + 200) for c in ".!?;\n") if i >= 0]
    clause = text[max(clause_start, start - 200) : min(stops) if stops else end + 200].lower()
    past, future = bool(_PAST_TENSE.search(clause)), bool(_FUTURE_TENSE.search(clause))
    if past == future:
        return None
    return "past" if past else "future"
