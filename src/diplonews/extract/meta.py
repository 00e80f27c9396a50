"""Stage meta: when the article was published and which outlets it credits.

Owns `record.published` and `record.credits`. Both are read from the line map that
the clean stage made of the raw text (`Doc.layout`), so neither a banner's crawl date nor a date or a
photo credit in the related-news block after the body is taken; a weekday date set right
above the headline is the article's own header, not a banner.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, timedelta

from diplonews.extract.clean import (
    BANNER,
    BLANK,
    BODY,
    CAPTION,
    CREDIT,
    DATELINE,
    DATELINE_START_RE,
    END,
    LEAD_PREFIX_RE,
    TITLE,
    ends_sentence,
    layout,
)
from diplonews.extract.doc import CleanText, Doc, Line
from diplonews.extract.lexicons import NUMBER_WORDS, Lexicons

ISO_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:$|[T\s])")
# 02/07/2022, 2-7-2022, 02.07.2022 (day first, as Vietnamese pages write them).
DMY_RE = re.compile(r"(?<![\d/.\-])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?![\d/.\-])")
YMD_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "ngày 24 tháng 11 năm 2024", "24 tháng 11, 2024"
WORDY_RE = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)\s*(\d{4})", re.IGNORECASE)
# "Tháng mười một 24, 2024"
MONTH_WORDS = {**NUMBER_WORDS, "giêng": 1, "chạp": 12}  # "tháng giêng", "tháng chạp"
NAMED_MONTH_RE = re.compile(
    r"tháng\s+(mười một|mười hai|mười|một|giêng|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín|chạp|"
    r"\d{1,2})\s+(\d{1,2}),?\s+(\d{4})",
    re.IGNORECASE,
)
YEARS = range(1945, 2101)

# Credit contexts. "(Ảnh: Minh Đức/TTXVN)", "Ảnh: VGP", "Photo : YONHAP News", "Nguồn: …".
CREDIT_LABEL_RE = re.compile(
    r"(?:^|[^\w])(?:Ảnh|Nguồn|Photo|Source|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ|Ảnh tư liệu|"
    r"Video|Clip|Đồ họa|Đồ hoạ|Theo)\s*$",
    re.IGNORECASE,
)
CREDIT_VALUE_RE = re.compile(r"[^()|:]+")
LABEL_WINDOW = 24
PART_SPLIT_RE = re.compile(r"\s*(?:[/,;&]|\s[-–—]\s|[–—]|-(?=[A-ZĐ])|\svà\s)\s*")
PART_TRIM = " .:()[]\"'“”"
PART_SUFFIX_RE = re.compile(r"\s+(?:phát|cung cấp|gửi|chụp|đưa tin)$")
# In body sentences an outlet counts only as a source: "hãng thông tấn Yonhap cho hay",
# "phóng viên TTXVN tại Seoul", "theo Reuters", "tờ Korea Herald", "… AFP đưa tin".
CUE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:hãng thông tấn|hãng tin|thông tấn xã|phóng viên|PV|tờ|tờ báo|nhật báo|tạp chí|"
    r"báo|đài|kênh|kênh truyền hình|trang|trang tin|trang web|trang mạng|theo|dẫn|"
    r"dẫn nguồn|nguồn tin từ|trích dẫn|lược dịch từ|dịch từ)\s+$",
    re.IGNORECASE,
)
CUE_AFTER_RE = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?(?:(?:ngày|hôm|sáng|chiều|tối|trưa)\s+[\w/]+\s+)?"
    r"(?:đưa tin|cho hay|cho biết|loan tin|dẫn lời|dẫn nguồn|trích lời|trích dẫn|"
    r"đăng tải|tường thuật|phát đi)",
    re.IGNORECASE,
)
CUE_WINDOW = 30
# A bare outlet prefix before the lead: "VOV.VN - …", "TTO - …", "TGVN. …" (credited when
# the lexicon knows it).
BARE_PREFIX_RE = re.compile(r"^()([A-ZĐ][\w+&]*(?:\.[A-Za-z]{2,3})?)\s*(?:[-–—]|\.(?=\s))\s+(?=\S)")


def iso_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO 8601 at the precision given, or None when the parts are no date."""
    if year not in YEARS:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_hint(hint: str | None) -> str | None:
    """A metadata date ("2024-11-24T10:25:00+07:00", "24/11/2024") at its own precision."""
    if not hint:
        return None
    match = ISO_RE.match(hint)
    if match:
        year, month, day = match.groups()
        return iso_date(int(year), int(month) if month else None, int(day) if day else None)
    return parse_date(hint)


def parse_date(text: str) -> str | None:
    """The first full date written in a dateline or byline."""
    found: list[tuple[int, str]] = []
    for match in DMY_RE.finditer(text):
        value = iso_date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if value:
            found.append((match.start(), value))
            break
    for match in YMD_RE.finditer(text):
        value = iso_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if value:
            found.append((match.start(), value))
            break
    for match in WORDY_RE.finditer(text):
        value = iso_date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if value:
            found.append((match.start(), value))
            break
    for match in NAMED_MONTH_RE.finditer(text):
        word = match.group(1).lower()
        month = int(word) if word.isdigit() else MONTH_WORDS.get(word)
        value = iso_date(int(match.group(3)), month, int(match.group(2)))
        if value:
            found.append((match.start(), value))
            break
    return min(found)[1] if found else None


def published(doc: Doc, cleaned: CleanText) -> str | None:
    """Metadata first, then the crawler marker, then the article's own dateline."""
    hinted = parse_hint(doc.published_hint)
    if hinted:
        return hinted
    if cleaned.marker_date:
        value = parse_hint(cleaned.marker_date)
        if value:
            return value
    # Datelines above the body or below it; a dated line amid the paragraphs is a caption.
    lines = cleaned.lines
    body = [i for i, line in enumerate(lines) if line.kind == BODY]
    first, last = (body[0], body[-1]) if body else (len(lines), len(lines))
    for index, line in enumerate(lines):
        if line.kind == DATELINE and not first < index < last:
            value = parse_date(line.text)
            if value:
                return value
    return _after_standfirst(lines, body) or _header_date(lines)


def _after_standfirst(lines: Sequence[Line], body: list[int]) -> str | None:
    """The date of a timestamp set right under the standfirst ("VTV.vn - …", then
    "17/05/2025 06:30 GMT+7", then the story): pages that print the summary beside the
    headline put the article's time after it. Only a stamp (a clock time, a weekday or
    "Cập nhật"), right after a first paragraph that ends its sentence: a bare date there
    heads a letter or a schedule the lead announces ("… với nội dung như sau:")."""
    if len(body) < 2 or not ends_sentence(lines[body[0]].text):
        return None
    if SCHEDULE_RE.search(lines[body[0]].text):
        return None  # "… thông báo lịch trình chuyến thăm …": the dates of its programme
    for index in range(body[0] + 1, body[1]):
        line = lines[index]
        if line.kind == BLANK:
            continue
        if line.kind != DATELINE or not (
            STAMP_RE.search(line.text) or DATELINE_START_RE.match(line.text)
        ):
            return None
        if not _stamp_only(line.text):
            return None  # "14h30 ngày 5/3/2025, tại Trụ sở Chính phủ": an item, not a stamp
        return parse_date(line.text)
    return None


def _stamp_only(text: str) -> bool:
    """Whether a dated line holds only a stamp: its label, date, time, weekday and zone,
    and at most a source's name ("… 06:30 (GMT+7) | VTV.vn", "… - Theo TTXVN"), not the
    clause of a programme's item ("14h30 ngày 5/3/2025, tại Trụ sở Chính phủ")."""
    rest = STAMP_PARTS_RE.sub(" ", DATELINE_START_RE.sub("", text.split("|", 1)[0]))
    return not any(word[0].islower() for word in rest.split())


# A lead announcing a programme, whose items are dated lines ("… thông báo lịch trình
# chuyến thăm …"); not any "chương trình" (a programme of cooperation, an agenda).
SCHEDULE_RE = re.compile(
    r"\b(?:lịch trình|lịch làm việc|chương trình (?:chuyến thăm|chuyến công tác|làm việc"
    r"|hoạt động|chi tiết|cụ thể))\b",
    re.IGNORECASE,
)
# What a stamp line holds besides its label: dates, times, weekdays, the zone.
STAMP_PARTS_RE = re.compile(
    r"\d{1,4}(?:\s*[/.\-:h]\s*\d{1,4})*|\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật"
    r"|ngày|tháng|năm|lúc|GMT|UTC|AM|PM|SA|CH)\b|[+:,|/()\-–\s]",
    re.IGNORECASE,
)


# What makes a dated line a timestamp: "06:30", "14h30", "Thứ Sáu", "GMT" (or a label
# such as "Cập nhật", "Ngày đăng": `DATELINE_START_RE`).
STAMP_RE = re.compile(
    r"\b\d{1,2}[:h]\d{2}\b|\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])\b|\bchủ\s+nhật\b|GMT",
    re.IGNORECASE,
)


def _header_date(lines: Sequence[Line]) -> str | None:
    """The date of a weekday line set right above the title ("Thứ Ba, 12/09/2023 - 14:30",
    then the headline): the article's own header. A site banner's date (the day the page
    was fetched) stands above the site's menus and contacts, not against the headline; and
    a header is not weeks after a full date the lead gives ("Ngày 1/11/2023, …" under a
    banner of 24/11/2024 was fetched a year later)."""
    previous = None
    for index, line in enumerate(lines):
        if line.kind == BLANK:
            continue
        if line.kind != TITLE:
            previous = line
            continue
        if previous is None or previous.kind != BANNER:
            return None
        value = parse_date(previous.text)
        lead = next((x.text for x in lines[index + 1 :] if x.kind == BODY), "")
        stated = parse_date(lead[:HEADER_LEAD_REACH])
        if value and stated and not stated <= value <= _days_after(stated, HEADER_LAG_DAYS):
            return None
        return value
    return None


HEADER_LEAD_REACH = 200  # the lead's first sentence or so
HEADER_LAG_DAYS = 31  # a story published this long after the day its lead gives, at most


def _days_after(value: str, days: int) -> str:
    try:
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    except ValueError:
        return value


def lookup(lex: Lexicons, part: str) -> str | None:
    """The canonical outlet a whole credit part names ("TTXVN" → VNA), if any."""
    part = PART_SUFFIX_RE.sub("", part.strip(PART_TRIM)).strip(PART_TRIM)
    if not part:
        return None
    automaton = lex.credits.automaton
    for key in (part, part.removeprefix("www."), part.title() if part.isupper() else ""):
        if key and lex.credits.size and key in automaton:
            payloads = automaton.get(key)[1]
            return str(payloads[0])
    return None


def _field_credits(lex: Lexicons, text: str, found: list[tuple[int, str]], base: int) -> None:
    colon = text.find(":")
    while colon >= 0:
        label = CREDIT_LABEL_RE.search(text, max(0, colon - LABEL_WINDOW), colon)
        value_match = CREDIT_VALUE_RE.match(text, colon + 1) if label else None
        colon = text.find(":", colon + 1)
        if value_match is None:
            continue
        value = value_match.group()
        offset = value_match.start()
        for part in PART_SPLIT_RE.split(value):
            name = lookup(lex, part)
            if name:
                found.append((base + offset + value.find(part), name))


def _has_cue(text: str, start: int, end: int) -> bool:
    return CUE_BEFORE_RE.search(text, max(0, start - CUE_WINDOW), start) is not None or (
        CUE_AFTER_RE.match(text, end, end + CUE_WINDOW) is not None
    )


def credits(lex: Lexicons, cleaned: CleanText, raw: str) -> list[str]:
    """Outlets credited as source, in order of first appearance, once each."""
    found: list[tuple[int, str]] = []
    lines = cleaned.lines
    body = [line for line in lines if line.kind == BODY]
    if body:  # "(VOV5) - …", "VOV.VN - …" before the lead
        lead = body[0]
        prefix = LEAD_PREFIX_RE.match(lead.text) or BARE_PREFIX_RE.match(lead.text)
        if prefix:
            group = 1 if prefix.group(1) else 2
            for part in PART_SPLIT_RE.split(prefix.group(group)):
                name = lookup(lex, part)
                if name:
                    found.append((lead.start + prefix.start(group), name))
    for line in lines:
        if line.kind in (BODY, CAPTION, CREDIT, DATELINE) and ":" in line.text:
            _field_credits(lex, line.text, found, line.start)
    # Outlet names anywhere before the related-news block: whole credit and byline lines
    # count; body sentences only where they cite the outlet as their source.
    end = next((line.start for line in lines if line.kind == END), len(raw))
    starts = [line.start for line in lines]
    for start, stop, payloads in lex.credits.find(raw[:end]):
        index = bisect_right(starts, start) - 1
        if index < 0:
            continue
        line = lines[index]
        if line.kind in (CREDIT, DATELINE) or line.kind == BODY and _has_cue(raw, start, stop):
            found.append((start, str(payloads[0])))
    found.sort(key=lambda item: item[0])
    seen: list[str] = []
    for _position, name in found:
        if name not in seen:
            seen.append(name)
    return seen


def run(doc: Doc, lex: Lexicons) -> None:
    """When the article was published and whom it credits, from the line map.

    Reads: layout, published_hint, raw.
    Adds: record.credits, record.published.
    """
    cleaned = doc.layout if doc.layout is not None else layout(doc.raw)
    doc.record.published = published(doc, cleaned)
    doc.record.credits = credits(lex, cleaned, doc.raw)
