"""Stage dates: the year an article is written in, and every date it mentions.

`run` sets `Doc.anchor_year` and `Doc.times` (a list of `TimeMention` over `Doc.body`).
`time_scan.scan` finds the expressions as written (day, month, year, relative words)
without supplying any year; `resolve` dates them against the publication date or the
anchor year: the published year when meta found one, else the year the body itself pins
down (`anchor_year`).

A week ("tuần trước", "cuối tuần qua", "tuần tới") is dated to its month when the whole
week falls in one month of a day-precision publication date; it is `loose`: it dates an
event but is no evidence that the event took place.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from diplonews.extract.anchor_year import (
    anchor_from,
    infer_anchor_year,
    names_a_thing,
    recalls_history,
)
from diplonews.extract.clean import BODY, split_lead_prefix
from diplonews.extract.doc import CleanText, Doc, TimeMention
from diplonews.extract.lexicons import Lexicons
from diplonews.extract.time_scan import REL_DAY_OFFSET, WEEK_OFFSET, RawTime, clause_tense, scan

__all__ = ["find_times", "infer_anchor_year", "resolve", "run", "scan"]

# ---------------------------------------------------------------- resolution


def _parse_published(published: str | None) -> tuple[int, int | None, int | None] | None:
    try:
        numbers = [int(p) for p in (published or "").split("-")[:3]]
    except ValueError:
        return None  # None or "" too
    return (
        numbers[0],
        numbers[1] if len(numbers) > 1 else None,
        numbers[2] if len(numbers) > 2 else None,
    )


# Days before publication beyond which the story's opening day is of the year after.
NEW_YEAR_GAP = 350.0


def _year_for(
    text: str, raw: RawTime, pub: tuple[int, int | None, int | None], lead: bool = False
) -> int:
    """The year of a yearless day or month, given a publication date of month precision.

    The published year, unless that puts the date far from publication: after it in a
    report of the past (→ the year before), or well before it in a plan (→ the year after).
    `lead`: the date is the first the text gives, the story's own day.
    """
    year, pub_month, pub_day = pub
    assert pub_month is not None and raw.month is not None
    distance: float
    if raw.day is not None and pub_day is not None:
        distance = (raw.month - pub_month) * 30.5 + (raw.day - pub_day)  # days
        near, far, very_far = 15.0, 61.0, 300.0
    else:
        distance = raw.month - pub_month  # months
        near, far, very_far = 0.0, 2.0, 9.5
    if raw.relation == "future":
        return year + 1 if distance < -near else year
    if raw.relation == "past":
        return year - 1 if distance > near else year
    if -far <= distance <= far:
        return year
    if lead and raw.day is not None and pub_day is not None and distance < -NEW_YEAR_GAP:
        # "Tổng thống … tối ngày 5/1 đã hội nghị thượng đỉnh …" opening a story the page
        # dates 31/12: the story's own day is days after that date, not the January almost
        # a year before it, whatever the tense (a review of the year opens on no bare day)
        return year + 1
    tense = clause_tense(text, raw.start, raw.end)
    if distance > far and tense != "future":
        return year - 1
    if distance < -far and (tense == "future" or (tense is None and distance < -very_far)):
        return year + 1
    return year


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None or (month == 2 and day == 29 and not calendar.isleap(year)):
        return None  # no year, or 29/2 in a common year
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _resolve_one(
    text: str,
    raw: RawTime,
    pub: tuple[int, int | None, int | None] | None,
    anchor: int | None,
    lead: bool = False,
    story_year: int | None = None,
) -> TimeMention | None:
    value = end_value = None
    stated = raw.year is not None
    if raw.kind in ("day", "month"):
        assert raw.month is not None
        year = raw.year
        if year is None and raw.year_shift is not None:
            # "tháng 11 năm ngoái": the story's year moved (its publication year, else the
            # year the story is dated by)
            base = story_year or (pub[0] if pub is not None else anchor)
            year = base + raw.year_shift if base is not None else None
        elif year is None:
            year = (
                _year_for(text, raw, pub, lead)
                if pub is not None and pub[1] is not None
                else anchor
            )
        precision = raw.kind
        value = _iso(year, raw.month, raw.day)
        if raw.end_day is not None and year is not None:
            end_month = raw.end_month or raw.month
            end_year = raw.end_year or (year + 1 if end_month < raw.month else year)
            end_value = _iso(end_year, end_month, raw.end_day)
    elif raw.kind == "year":
        precision, value = "year", _iso(raw.year)
    elif raw.kind == "rel_year":
        precision = "year"
        offset = {"ngoái": -1, "trước": -1, "tới": 1, "sau": 1}.get(raw.word, 0)
        base = raw.year if raw.year is not None else (story_year or anchor)
        value = _iso(base + offset) if base is not None else None
    elif raw.kind == "rel_month":
        if pub is None or pub[1] is None:
            return None
        precision = "month"
        offset = {"trước": -1, "tới": 1, "sau": 1}.get(raw.word, 0)
        year, month = _shift_month(pub[0], pub[1], offset)
        value = _iso(year, month)
        if raw.day is not None and 1 <= raw.day <= calendar.monthrange(year, month)[1]:
            # "ngày 20 tháng trước": a day of that month
            precision, value = "day", _iso(year, month, raw.day)
    elif raw.kind == "ago":
        precision, value = _ago_value(raw, pub, anchor)
    elif raw.kind == "rel_weekday":
        value = _weekday_value(text, raw, pub)
        if value is None:
            return None
        precision = "day"
    elif raw.kind == "rel_week":
        precision, value = "month", _week_month(raw, pub)
        if value == "":
            return None
    else:  # rel_day: only against a day-precision publication date
        if pub is None or pub[1] is None or pub[2] is None:
            return None
        try:
            today = date(pub[0], pub[1], pub[2])
        except ValueError:
            return None
        offset = REL_DAY_OFFSET.get(raw.word, 0)
        precision, value = "day", (today + timedelta(days=offset)).isoformat()
    return TimeMention(
        raw.start,
        raw.end,
        value,
        end_value,
        precision,
        raw.relation,
        stated,
        text[raw.start : raw.end],
        raw.kind == "rel_week",
    )


def _ago_value(
    raw: RawTime, pub: tuple[int, int | None, int | None] | None, anchor: int | None
) -> tuple[str, str | None]:
    """Precision and value of "cách đây 2 năm", "ba tháng trước", "hai ngày trước": so
    many units before publication, at the unit's precision; a week dated to its month
    when the whole of it falls in one. Without the publication's day, days and weeks ago
    are in the story's year; without its month, months ago have no date. A count told
    roughly ("hơn 10 năm trước") has none either: the mention is kept all the same, so
    that no default dates the event it dates (the story's month is not "10 years ago")."""
    count, unit = raw.count, raw.word
    base = pub[0] if pub is not None else anchor
    if count is None or base is None:
        return "year", None
    if unit == "năm":
        return "year", _iso(base - count)
    if pub is not None and pub[1] is not None and unit == "tháng":
        return "month", _iso(*_shift_month(pub[0], pub[1], -count))
    if pub is None or pub[1] is None or pub[2] is None:
        return ("year", _iso(base)) if unit in ("ngày", "tuần") else ("month", None)
    try:
        today = date(pub[0], pub[1], pub[2])
    except ValueError:
        return "day", None
    if unit == "ngày":
        return "day", (today - timedelta(days=count)).isoformat()
    middle = today - timedelta(weeks=count)
    first, last = middle - timedelta(days=3), middle + timedelta(days=3)
    if (first.year, first.month) != (last.year, last.month):
        return "month", None
    return "month", f"{middle.year:04d}-{middle.month:02d}"


def _weekday_value(
    text: str, raw: RawTime, pub: tuple[int, int | None, int | None] | None
) -> str | None:
    """The day a weekday names, against a day-precision publication date only: the
    one of the week before or after when "tuần trước"/"tuần tới" says so, of this week
    for "tuần này" and for "này" (the coming one if that is past and the clause tells
    of a plan: "Thứ Hai này, X sẽ …" on a Wednesday), else the
    latest one up to publication, or the next one for a plan ("sẽ", "tới")."""
    if pub is None or pub[1] is None or pub[2] is None:
        return None
    try:
        today = date(pub[0], pub[1], pub[2])
    except ValueError:
        return None
    index, week = raw.word.split("|")
    target = int(index)
    monday = today - timedelta(days=today.weekday())
    if week in ("trước", "qua"):
        day = monday - timedelta(days=7 - target)
    elif week in ("tới", "sau"):
        day = monday + timedelta(days=7 + target)
    elif week == "này":
        day = monday + timedelta(days=target)
    elif week == "this":  # "thứ Bảy này": of this week, the next one when told as to come
        day = monday + timedelta(days=target)
        tense = clause_tense(text, raw.start, raw.end)
        if day < today and tense == "future":
            day += timedelta(days=7)
        elif day > today and tense == "past":
            day -= timedelta(days=7)  # "Chủ nhật này, … đã hội đàm" told on a Monday
    elif raw.relation == "future" or (
        raw.relation is None and clause_tense(text, raw.start, raw.end) == "future"
    ):
        day = today + timedelta(days=(target - today.weekday()) % 7 or 7)
    else:
        back = (today.weekday() - target) % 7
        day = today - timedelta(days=back or (7 if raw.relation == "past" else 0))
    return day.isoformat()


def _week_month(raw: RawTime, pub: tuple[int, int | None, int | None] | None) -> str | None:
    """The month of the week "tuần trước"/"tuần tới" names, against a day-precision
    publication date: "" when there is none, None when the week straddles two months.
    Of its end ("cuối tuần này") only the weekend counts, of its start ("đầu tuần tới")
    only Monday and Tuesday: a week of 27/10–2/11 has its weekend in November."""
    if pub is None or pub[1] is None or pub[2] is None:
        return ""
    try:
        today = date(pub[0], pub[1], pub[2])
    except ValueError:
        return ""
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=WEEK_OFFSET[raw.word])
    sunday = monday + timedelta(days=6)
    if raw.part == "cuối":
        monday += timedelta(days=5)  # Saturday
    elif raw.part == "đầu":
        sunday = monday + timedelta(days=1)  # Tuesday
    if (monday.year, monday.month) != (sunday.year, sunday.month):
        return None
    return f"{monday.year:04d}-{monday.month:02d}"


def _reviews_the_year(
    first: RawTime, later: list[RawTime], pub: tuple[int, int | None, int | None] | None
) -> bool:
    """Whether a story opening on a yearless day ("Ngày 5/1, …") goes on to a later day of
    the publication year, months after that one and not after publication ("… Ngày 20/12,
    …" on a page of 28/12): a review of the year, its opening day of that year too."""
    if pub is None or pub[1] is None or pub[2] is None or first.kind != "day":
        return False
    if first.year is not None or first.month is None or first.day is None:
        return False
    start, end = (first.month, first.day), (pub[1], pub[2])
    return any(
        raw.kind == "day"
        and raw.year is None
        and raw.year_shift is None
        and raw.month is not None
        and raw.day is not None
        and raw.month > first.month + 1
        and start < (raw.month, raw.day) <= end
        for raw in later
    )


def _told_as_done(text: str, raw: RawTime) -> bool:
    return raw.relation != "future" and clause_tense(text, raw.start, raw.end) == "past"


def resolve(
    text: str, found: list[RawTime], published: str | None, anchor_year: int | None
) -> list[TimeMention]:
    """Date the expressions `scan` found, against the publication date or anchor year."""
    pub = _parse_published(published)
    anchor = anchor_year if anchor_year is not None else (pub[0] if pub else None)
    mentions = []
    review = bool(found) and _reviews_the_year(found[0], found[1:], pub)
    story_year = None
    for index, raw in enumerate(found):
        mention = _resolve_one(text, raw, pub, anchor, index == 0 and not review, story_year)
        if mention is not None:
            mentions.append(mention)
            # a lead day of the year after publication told as done ("tối ngày 5/1 đã hội
            # nghị" on a page of 31/12): the story is told in that year, and "ngày 1/11 năm
            # ngoái", "năm ngoái" count from it (not from a plan's day: "Ngày 5/1, Thủ
            # tướng sẽ thăm …" is told in the publication's year)
            if (
                index == 0
                and pub is not None
                and raw.year is None
                and mention.value
                and mention.value[:4] == str(pub[0] + 1)
                and _told_as_done(text, raw)
            ):
                story_year = pub[0] + 1
    return mentions


def find_times(
    text: str, published: str | None = None, anchor_year: int | None = None
) -> list[TimeMention]:
    """The temporal expressions of `text`, dated against the publication date or anchor year."""
    return resolve(text, scan(text), published, anchor_year)


FOUR_DIGITS = re.compile(r"[0-9]{4}")
# A series' year label heading a story of its year ("ASEAN 2020: Đối thoại …").
CHAIR_YEAR_LABEL = re.compile(r"\b(?:ASEAN|APEC|G20|G7)\s+((?:19|20)\d\d)\s*:")


def _dateline_days(layout: CleanText | None) -> list[RawTime]:
    """The day of a dateline the clean stage set aside with the outlet ("Hà Nội, 12/9
    (TTXVN) - …", "Bình Nhưỡng, 12/9 -"), scanned in the prefix's own text."""
    lines = layout.lines if layout is not None else ()
    lead = next((line.text for line in lines if line.kind == BODY), None)
    if lead is None or not any(map(str.isdigit, lead[:60])):
        return []
    prefix, rest = split_lead_prefix(lead)
    if not prefix or not rest:
        return []
    return [raw for raw in scan(prefix) if raw.kind == "day"]


def _lead_day(body: str, found: list[RawTime], first_end: int, anchor: int | None) -> str | None:
    """The day a story opens on when the page gives no publication date: the body's first
    date, a full one in its first sentence ("Chiều 15/3/2024, tại Phnom Penh, …"), of the
    year the story is written in, and neither history the lead recalls ("sinh ngày
    2/2/1952") nor the day of a thing it names ("vụ tấn công 11/9/2001"). Against it "tháng
    12 vừa qua" is of the year before and "hôm qua" the day before, as against a dateline."""
    raw = found[0] if found else None
    if raw is None or raw.kind != "day" or raw.year is None or raw.year != anchor:
        return None
    if raw.start >= first_end or raw.end_day is not None or raw.relation is not None:
        return None
    if names_a_thing(body, raw) or recalls_history(body, raw):
        return None
    return _iso(raw.year, raw.month, raw.day)


def _story_day(published: str | None, dateline: str | None) -> str | None:
    """The day "hôm nay" names: the dateline's, when it is a day of the publication's
    month or the one before (a story told one day, published the next), else the
    publication date."""
    if dateline is None or not published:
        return published or dateline
    if len(published) == 10 and published[:4] == dateline[:4] and dateline <= published:
        return dateline
    return published


# A chronology: lines that open on their day ("16/10: Mỹ thông báo …", "Ngày 7/7 - …",
# "23/8 -- …") under year headings ("Năm 1939", "2003:") or after an entry with its year.
TIMELINE_ENTRY = re.compile(
    r"[ \t]*(?:[Nn]gày\s+)?[0-9]{1,2}(?:\s*[-–]\s*[0-9]{1,2})?[/.\-](?P<m>[0-9]{1,2})"
    r"(?:[/.\-](?P<y>(?:19|20)[0-9]{2}))?[ \t]*(?::|-{1,2}|–|—)[ \t]"
)
# What follows an entry's day: "16/10: …", "23/8 -- …", "Ngày 7/7 - …".
TIMELINE_MARK = re.compile(r"[ \t]*(?::|-{1,2}|–|—)[ \t]")
TIMELINE_HEADING = re.compile(r"[ \t]*(?:[Nn]ăm\s+)?(?P<y>(?:19|20)[0-9]{2})[ \t]*:?[ \t]*$")
TIMELINE_ENTRIES = 3  # so many entry lines make a chronology


def _timeline_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of each entry line of a chronology told in order of time: an
    entry without its year is in the year of the heading or entry before it, or the next
    one when its month comes before that entry's ("27/12: …" then "2/1/2003: …" then
    "6/1: …"). Empty unless the text is such a chronology, its years never going back."""
    spans: list[tuple[int, int, int]] = []
    year = month = None
    entries = 0
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        heading = TIMELINE_HEADING.fullmatch(line)
        entry = None if heading else TIMELINE_ENTRY.match(line)
        if entry and not 1 <= int(entry["m"]) <= 12:
            entry = None  # "27-29: …": days of the month before, no month of their own
        if heading:
            if year is not None and int(heading["y"]) < year:
                return []  # a chronology told backwards
            year, month = int(heading["y"]), None
        elif entry:
            entries += 1
            stated = int(entry["y"]) if entry["y"] else None
            if stated is not None:
                if year is not None and stated < year:
                    return []
                year = stated
            elif year is not None and month is not None and int(entry["m"]) < month:
                year += 1
            month = int(entry["m"])
            if year is not None:
                spans.append((start, end, year))
        start = end + 1
    return spans if entries >= TIMELINE_ENTRIES else []


def _date_timeline(text: str, found: list[RawTime]) -> None:
    """Give the days and months of a chronology's entries the year of their entry."""
    heads = 0  # the days found that open a line as an entry's head (most articles: none)
    for raw in found:
        if raw.kind == "day" and TIMELINE_MARK.match(text, raw.end):
            before = text.rfind("\n", max(0, raw.start - 12), raw.start)
            if (before >= 0 or raw.start < 12) and not text[before + 1 : raw.start].strip(" \t"):
                heads += 1
    if heads < TIMELINE_ENTRIES:
        return
    spans = _timeline_years(text)
    if not spans:
        return
    for raw in found:
        if raw.kind not in ("day", "month") or raw.year is not None or raw.year_shift is not None:
            continue
        for start, end, year in spans:
            if start <= raw.start < end:
                raw.year = year
                break


def run(doc: Doc, lex: Lexicons) -> None:
    """Every date the body mentions, resolved against the year the article is written in.

    A dateline's day, set aside with the outlet before the lead, dates the lead when
    the lead's first sentence gives no date of its own: it stands at offset 0, an empty
    span, as the day the story is told. The work is done when a later stage first reads
    the dates (`Doc.defer_dating`), from what this stage reads now.

    Reads: asides, body, layout, record.published, record.title, sentences.
    Adds: anchor_year, times.
    """
    body, asides, layout, published = doc.body, list(doc.asides), doc.layout, doc.record.published
    title = doc.record.title
    first_end = doc.sentences[0][1] if doc.sentences else 0
    doc.defer_dating(lambda: dating(body, asides, layout, published, first_end, title))


def dating(
    body: str,
    asides: list[str],
    layout: CleanText | None,
    published: str | None,
    first_end: int,
    title: str | None = None,
) -> tuple[int | None, list[TimeMention]]:
    """The anchor year and the dates of `body` (see `run`); `first_end`: where the lead's
    first sentence ends; `title`: the headline, whose series label ("ASEAN 2020: Tổng
    thống Hàn Quốc sẽ tham gia …") gives the year of a story that states none."""
    found = scan(body)
    dateline = _dateline_days(layout)
    pub = _parse_published(published)
    anchor_year = pub[0] if pub else anchor_from(body, found)
    if anchor_year is None:
        anchor_year = next((raw.year for raw in dateline if raw.year is not None), None)
    if anchor_year is None and title and FOUR_DIGITS.search(title):
        label = CHAIR_YEAR_LABEL.search(title)  # "ASEAN 2020: …" heading the story itself
        anchor_year = int(label.group(1)) if label else None
    if anchor_year is None:  # "[ASEAN 2020: …]": an inline link of the same story
        for aside in asides:
            if FOUR_DIGITS.search(aside) is None:
                continue  # every rule of anchor_from needs a year written in digits
            label = CHAIR_YEAR_LABEL.search(aside)
            anchor_year = int(label.group(1)) if label else anchor_from(aside, scan(aside))
            if anchor_year:
                break
    _date_timeline(body, found)
    day = (
        _iso(dateline[0].year or anchor_year, dateline[0].month, dateline[0].day)
        if dateline
        else None
    )
    # "hôm qua", "sáng nay" count from the dateline's day, the day the story is told
    # ("Hà Nội, 12/9 (TTXVN) - Chiều nay, …" republished on the 13th), else from publication
    now = _story_day(published, day)
    if now is None:
        now = _lead_day(body, found, first_end, anchor_year)
    times = resolve(body, found, now, anchor_year)
    if dateline and not any(t.start < first_end and t.value for t in times):
        raw, value = dateline[0], day
        if value is not None:
            mention = TimeMention(0, 0, value, None, "day", None, raw.year is not None, "")
            times.insert(0, mention)
    return anchor_year, times
