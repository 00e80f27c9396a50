"""The year an article is written in, from its own words: the anchor year.

The dates stage takes the published year when meta found one. Otherwise the first of
these rules that fires on the body gives it (`infer_anchor_year`); the order goes
from the most to the least direct statement of "now":

1. deictic: a full date or year the text calls "today"/"this year" —
   "chiều nay 23/7/2016", "năm nay (2020)", "năm 2020 này";
2. lead date: the latest full date (d/m/yyyy, "ngày 7 tháng 6 năm 2021") in the first
   three sentences — news leads date the story, while later full dates are often history
   ("lần thứ nhất diễn ra vào ngày 12/11/2015"), and the latest because a lead may recall
   the day being commemorated ("kỷ niệm 50 năm Ngày Giải phóng (30/4/1975-30/4/2025)");
   a date that names the day of a thing the lead recalls, an occurrence or a document
   ("vụ tấn công 11/9/2001", "cuộc trao đổi riêng ngày 5/11/1971", "văn bản số 123/GT
   ngày 8/4/2005"), is not the story's: the story tells its own day by the clause;
3. restated date: a yearless date that the text repeats elsewhere with its year;
4. anniversary range: "kỷ niệm 35 năm … (1989-2024)", "30 năm (1992-2022)" → the end
   year (when a count of years is given it must equal the span);
5. chairmanship: "Chủ tịch ASEAN (năm) 2020", "Năm ASEAN 2020", unless the sentence
   announces it ("sẽ", "sắp", "chuẩn bị", "tiếp nhận") or names two different years;
6. a term that has just begun: "tiếp nhận … giai đoạn 2021-2024" → the first year;
7. the meeting the story reports or leads up to, named with its year, when the text has
   yearless days to date: "chuẩn bị cho Hội nghị cấp cao ASEAN 16 … vào tháng 4/2010",
   "sẽ … tham dự Hội nghị … APEC 2017" (`_plan_year`).

Nothing else is guessed: a bare "năm 2016" or "kỷ niệm 40 năm" does not pin the year.
"""

from __future__ import annotations

import re
from typing import Any

from diplonews.extract.time_scan import RawTime, clause_tense, scan

# Anchor-year rules (see the module docstring).
_PAREN_RANGE = re.compile(r"\(\s*([0-9]{4})\s*[-–]\s*([0-9]{4})\s*\)")
_YEAR_COUNT = re.compile(r"(?<!\w)([0-9]{1,3})\s+năm(?!\w)|kỷ\s+niệm", re.IGNORECASE)
_ASEAN_YEAR = re.compile(r"ASEAN\s+(?:năm\s+)?([0-9]{4})(?![0-9])")
_CHAIR_BEFORE = re.compile(r"(?:chủ\s+tịch|năm)\s+$", re.IGNORECASE)
_CHAIR_FUTURE = re.compile(
    r"(?<!\w)(?:sẽ|sắp|chuẩn bị|tiếp nhận|kế nhiệm|năm tới)(?!\w)", re.IGNORECASE
)
_TERMS = (
    re.compile(r"iai\s+đoạn\s+([0-9]{4})\s*[-–]\s*([0-9]{4})(?![0-9])"),
    re.compile(r"hiệm\s+kỳ\s+([0-9]{4})\s*[-–]\s*([0-9]{4})(?![0-9])"),
)
_TERM_START = re.compile(
    r"(?<!\w)(?:tiếp nhận|đảm nhận|bắt đầu|khởi động|nhận bàn giao|chính thức trở thành)(?!\w)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
LEAD_SENTENCES = 3


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The sentence around `position` (str.find, not a regex scan: this is on the hot path)."""
    start = (
        max(
            text.rfind(". ", 0, position),
            text.rfind("! ", 0, position),
            text.rfind("? ", 0, position),
            text.rfind("\n", 0, position),
        )
        + 1
    )
    stops = [
        i
        for i in (
            text.find(". ", position),
            text.find("! ", position),
            text.find("? ", position),
            text.find("\n", position),
        )
        if i >= 0
    ]
    return start, min(stops) if stops else len(text)


def _lead_end(text: str) -> int:
    """The end of the first `LEAD_SENTENCES` sentences."""
    count, previous = 0, 0
    for m in _SENTENCE_END.finditer(text):
        if not text[previous : m.start()].isspace() and m.start() > previous:
            count += 1
            if count >= LEAD_SENTENCES:
                return m.end()
        previous = m.end()
    return len(text)


def _anniversary_year(text: str) -> int | None:
    for m in _PAREN_RANGE.finditer(text):
        first, last = int(m.group(1)), int(m.group(2))
        if not 0 < last - first <= 200:
            continue
        start, _ = _sentence_bounds(text, m.start())
        counts = list(_YEAR_COUNT.finditer(text, max(start, m.start() - 120), m.start()))
        if counts and (counts[-1].group(1) is None or int(counts[-1].group(1)) == last - first):
            return last
    return None


def _chair_year(text: str) -> int | None:
    years = set()
    for m in _ASEAN_YEAR.finditer(text):
        if not _CHAIR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        start, stop = _sentence_bounds(text, m.start())
        if not _CHAIR_FUTURE.search(text, start, stop):
            years.add(int(m.group(1)))
    return years.pop() if len(years) == 1 else None


def _term_year(text: str) -> int | None:
    for finder in _TERMS:
        for m in finder.finditer(text):
            first, last = int(m.group(1)), int(m.group(2))
            start, stop = _sentence_bounds(text, m.start())
            if 0 < last - first <= 10 and _TERM_START.search(text, start, stop):
                return first
    return None


# What a full date recalls rather than dates the story: a birth, a founding, a victory,
# an attack, the day a treaty was signed ("sinh ngày 2/2/1952", "chiến thắng 30-4-1975",
# "thành lập (3/2/1930)", "vụ khủng bố 11/9/2001").
_HISTORY_BEFORE = re.compile(
    r"(?<!\w)(?:sinh(?:\s+(?:từ|trước|sau))?|chiến thắng(?:\s+lịch sử)?|quốc khánh|giải phóng|"
    r"thành lập|thiết lập quan hệ(?:\s+ngoại giao)?|ra đời|qua đời|từ trần|hy sinh|khủng bố|"
    r"lên cầm quyền|cách đây[^,.;]{0,20}?,?|"
    r"ký(?:\s+kết)?|hồi)\s*\(?\s*(?:(?:ngày|hôm|đêm|sáng|chiều|tối)\s+)?$"
)
_HISTORY_AFTER = re.compile(r"\s*(?:lịch sử|đen tối|,\s*(?:tại|ở)\s+(?:xã|huyện|quận|tỉnh))")


# A date that names the day of a thing, not the time of its clause: after a noun of an
# occurrence ("vụ tấn công 11/9/2001", "sự kiện 11/9/2001", "thảm họa sóng thần ngày
# 26/12/2004", "cuộc trao đổi riêng ngày 5/11/1971", "vụ đánh bom hôm 12/10/2002", "một
# tháng giao tranh trên đảo Saipan từ 15/6 đến 9/7/1944") or a
# document's number ("văn bản số 123/GT-GTT ngày 8-4-2005", "Nghị định 66/2002/NĐ-CP ngày
# 1/7/2002") in its clause, with no verb told between them ("Cuộc gặp đã diễn ra ngày …"
# dates the clause). A story tells its own day by the clause ("Ngày 7/6/2005, …", "…
# hội đàm hôm 7/6"); a thing it names with its full date is one it recalls.
_THING_NOUN = re.compile(
    r"(?<!\w)(?:(?<!chức )(?<!nhiệm )(?<!dịch )(?<!phục )(?<!nghĩa )(?<!nghiệp )(?<!thời )"
    r"(?<!mùa )(?<!công )(?<!tài )(?<!đặc )(?<!quân )vụ(?!\s+(?:trưởng|(?-i:[A-ZĐ])))|sự kiện|sự cố|"
    r"biến cố|thảm họa|thảm hoạ|cuộc|trận"
    # fighting told by its length ("một tháng giao tranh"), not any conflict the clause
    # names ("giữa lúc xung đột leo thang hôm 5/9/2024" is the clause's own day)
    r"|(?:(?<=ngày )|(?<=tuần )|(?<=tháng )|(?<=năm ))(?:giao tranh|chiến tranh|chiến dịch|xung đột)"
    r")(?!\w)",
    re.IGNORECASE,
)
# "66/2002/NĐ-CP ngày", "số 123/GT-GTT ngày", "4219/BTNMT ngày", "05/1999 ngày": a code of
# digits, a year or capitals, never a lower-case word ("từ 25/8 đến 10/9 và đợt ba").
_DOCUMENT_NUMBER = re.compile(
    r"(?<![\w/])[0-9]+/(?:[0-9]{4}|[A-ZĐ])[0-9A-ZĐ/\-]*(?:\s?[A-ZĐ]{1,4})?\s+(?:ngày\s+)?$"
)
_CLAUSE_VERB = re.compile(
    r"(?<!\w)(?:đã|sẽ|đang|vừa|được|bị|là|diễn ra|tổ chức|khai mạc|bắt đầu|kết thúc)(?!\w)"
)
_CLAUSE_MARKS = ".;:,()\n"
THING_REACH = 100  # how far back in its clause the noun of the thing may stand


def names_a_thing(text: str, raw: RawTime | Any, occurrences_only: bool = False) -> bool:
    """Whether a full date is the day of an occurrence or a document its clause names
    (`raw`: anything with the date's `start` in `text`); `occurrences_only`: not a
    "cuộc"/"trận" (a meeting named with its day is still the story's day)."""
    floor = max(0, raw.start - THING_REACH)
    if _DOCUMENT_NUMBER.search(text, max(0, raw.start - 40), raw.start):
        return True
    clause = max(text.rfind(c, floor, raw.start) for c in _CLAUSE_MARKS) + 1
    start = max(clause, floor)
    noun = None
    for noun in _THING_NOUN.finditer(text[start : raw.start]):
        pass
    if noun is None or (occurrences_only and noun.group().lower() in ("cuộc", "trận")):
        return False
    return not _CLAUSE_VERB.search(text, start + noun.end(), raw.start)


def recalls_history(text: str, raw: RawTime) -> bool:
    """Whether a full date is history the text recalls, not the day it reports on."""
    before = text[max(0, raw.start - 48) : raw.start].lower()
    if _HISTORY_BEFORE.search(before):
        return True
    return bool(_HISTORY_AFTER.match(text, raw.end))


def anchor_from(text: str, found: list[RawTime]) -> int | None:
    year = _anchor_candidate(text, found)
    if year is not None and _contradicted(text, found, year):
        return None
    return year


# Words before a year that make it a plan, a deadline or a horizon, not a report.
_AHEAD_BEFORE = re.compile(
    r"(?<!\w)(?:đến|tới|trước|giai đoạn|kế hoạch|tầm nhìn|mục tiêu|dự kiến|sẽ|vào|từ|"
    r"năm học|mùa giải)\s+(?:(?:hết|cuối|đầu|giữa)\s+)?(?:năm|tháng|ngày)?\s*$"
    r"|[0-9]{4}\s*[-–]\s*$"
)
# A year this far after "now" that the text reports as past shows "now" is wrong.
CONTRADICTING_GAP = 3


def _contradicted(text: str, found: list[RawTime], year: int) -> bool:
    """Whether the text reports as past a year well after the candidate "now": a lead
    that opens on history ("Ngày 30/4/1975, …") in an article that goes on to 2005."""
    for raw in found:
        if (
            raw.kind in ("day", "month", "year")
            and raw.year is not None
            and raw.year >= year + CONTRADICTING_GAP
            and raw.relation not in ("future", "horizon")
            and not _AHEAD_BEFORE.search(text[max(0, raw.start - 30) : raw.start].lower())
            and clause_tense(text, raw.start, raw.end) != "future"
        ):
            return True
    return False


def _anchor_candidate(text: str, found: list[RawTime]) -> int | None:
    for raw in found:
        if raw.deictic and raw.year is not None:
            return raw.year
    dated = [
        (r, r.year)
        for r in found
        if r.kind == "day"
        and r.year is not None
        and (r.end_year is not None or not recalls_history(text, r))
    ]
    if dated:
        lead_end = _lead_end(text)
        lead = [
            raw.end_year or year
            for raw, year in dated
            if raw.start < lead_end and (raw.end_year is not None or not names_a_thing(text, raw))
        ]
        if lead:  # the latest: "kỷ niệm 50 năm (30/4/1975-30/4/2025)" is an article of 2025
            return max(lead)
        yearless = {(r.day, r.month) for r in found if r.kind == "day" and r.year is None}
        for raw, year in dated:
            if (raw.day, raw.month) in yearless:
                return year
    for rule in (_anniversary_year, _chair_year, _term_year):
        pinned = rule(text)
        if pinned is not None:
            return pinned
    if any(r.kind == "day" and r.year is None for r in found):
        pinned = _plan_year(text, found)
        if pinned is not None:
            return pinned
    return None


# The meeting a story leads up to, named with its year: "chuẩn bị cho Hội nghị cấp cao
# ASEAN 16 tại Hà Nội vào tháng 4/2010", "sẽ … tham dự Hội nghị … APEC 2017".
_MEETING_NOUN = re.compile(
    r"(?<!\w)(?:[Hh]ội nghị|[Hh]ội nghị cấp cao|[Tt]hượng đỉnh|[Kk]ỳ họp|[Đđ]ại hội|[Dd]iễn đàn|"
    r"[Đđ]ối thoại|[Hh]ội đàm)(?!\w)"
)
_RECALLING = re.compile(
    r"(?<!\w)(?:năm ngoái|từng|trước đó|hồi|kể từ|lần trước|trước đây|nhắc lại|nhớ lại|ôn lại)(?!\w)"
)
_PLAN_LEAD = re.compile(r"(?<!\w)(?:sẽ|dự kiến|chuẩn bị|sắp)(?!\w)")
_GOAL_BEFORE = re.compile(
    r"(?<!\w)(?:đến|tới|trước|giai đoạn|tầm nhìn|mục tiêu)\s+(?:(?:hết|cuối|đầu|giữa)\s+)?"
    r"(?:năm|tháng)?\s*$"
)
# "APEC 2017", "ASEAN 2020", "G20 2019": a meeting's label with its year.
# The year first (a digit, so the engine skips ahead fast), the label then looked at.
_YEAR_DIGITS = re.compile(r"(?:19|20)[0-9]{2}(?![0-9])(?<![0-9][0-9]{4})")
_LABEL_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,6}\s+$")


def _plan_year(text: str, found: list[RawTime]) -> int | None:
    """The year of the meeting the story is about or leads up to, when nothing else
    dates it: a month-and-year or a labelled year ("APEC 2017") after a meeting's name,
    in a clause that announces it ("sẽ", "dự kiến", "chuẩn bị cho") or in a sentence
    that reports it on a yearless day ("Chiều 15/11, … dự Hội nghị Cấp cao APEC 2023")
    and recalls nothing. It must be the latest year the text names and the only one so
    given; a goal ("đến năm 2020") is not a meeting."""
    years: set[int] = set()
    stated = [r.end_year or r.year for r in found if r.year is not None]
    candidates: list[tuple[int, int, int]] = [
        (r.start, r.end, r.year)
        for r in found
        if r.kind == "month" and r.year is not None and r.relation not in ("past", "horizon")
    ]
    candidates += [
        (m.start(), m.end(), int(m.group()))
        for m in _YEAR_DIGITS.finditer(text)
        if _LABEL_BEFORE.search(text, max(0, m.start() - 10), m.start())
    ]
    if not candidates:
        return None
    days = [r.start for r in found if r.kind == "day" and r.year is None]
    for start, _, year in candidates:
        clause_start = max(text.rfind(c, max(0, start - 240), start) for c in ".;!?\n") + 1
        meeting = None
        for meeting in _MEETING_NOUN.finditer(text, clause_start, start):
            pass
        if meeting is None or start - meeting.end() > 90:
            continue
        if _GOAL_BEFORE.search(text[max(0, start - 30) : start].lower()):
            continue
        if _PLAN_LEAD.search(text, clause_start, meeting.start()) is None:
            first, last = _sentence_bounds(text, start)
            if not any(first <= day < last for day in days) or _RECALLING.search(text, first, last):
                continue
        years.add(year)
    if len(years) != 1:
        return None
    year = years.pop()
    return year if all(y is None or y <= year for y in stated) else None


def infer_anchor_year(text: str) -> int | None:
    """The year the text itself pins down as "now", or None (see the module docstring)."""
    return anchor_from(text, scan(text))
