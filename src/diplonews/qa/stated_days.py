"""The day an undated event's report states, when the record can give no year.

Many archive articles carry no publication date and never write the year: the record's
date is then null (SCHEMA: month-day precision is not ISO), yet the evidence sentence
says "từ ngày 19 đến 22/2". An analyst asking "when" should read those days, marked as
lacking a year, not "the record gives no date". The day is taken from the evidence
only when it is plainly the event's: the time expression inside or right after the
event's own words, the only one the sentence has, or, for a held event, the one the
sentence opens with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplonews.extract.time_scan import RawTime, scan
from diplonews.kb.models import StoredEvent
from diplonews.kb.store import Store, queries

NEAR_NAME = 40  # characters after the event's words a time expression may start at
# a year in digits, alone or ending a date ("năm 2015", "21/8/2015"), not a part of a
# longer number ("12.2015", "1,2015 tỷ")
_YEAR = re.compile(r"(?<![\w.,])(19[4-9][0-9]|20[0-9][0-9])(?!\d)")


@dataclass(frozen=True)
class StatedDay:
    """Days and month as written, without a year: 19–22/2, 25/11, 6 (a month alone)."""

    month: int
    day: int | None = None
    end_day: int | None = None
    end_month: int | None = None


def _yearless(raw: RawTime) -> bool:
    return (
        raw.kind in ("day", "month")
        and raw.year is None
        and raw.month is not None
        and raw.relation != "horizon"
    )


def _stated(raw: RawTime) -> StatedDay:
    assert raw.month is not None
    end_month = raw.end_month if raw.end_month not in (None, raw.month) else None
    end_day = raw.end_day if raw.end_day != raw.day or end_month else None
    return StatedDay(raw.month, raw.day, end_day, end_month)


def _in_sentence(event: StoredEvent, sentence: str) -> StatedDay | None:
    found = [raw for raw in scan(sentence) if _yearless(raw)]
    if not found:
        return None
    at = sentence.find(event.name) if event.name else -1
    if at >= 0:
        close = [r for r in found if at <= r.start <= at + len(event.name or "") + NEAR_NAME]
        if close:
            return _stated(close[0])
    if len(found) == 1 and not any(raw.year for raw in scan(sentence)):
        return _stated(found[0])
    opening = found[0]
    if (
        event.status == "held"
        and not sentence[: opening.start].strip(" \"'“(-–")
        and at > opening.end
    ):
        # "Tối 7/9, Tổng thống … đã đến Hà Nội, bắt đầu chuyến thăm … từ ngày 7-11/9":
        # the time a sentence opens with dates what it reports as done. Not a plan: a
        # plan's sentence often opens with the day it was announced.
        return _stated(opening)
    return None


def stated_day(event: StoredEvent) -> StatedDay | None:
    """The yearless day or month the event's reports give, when they agree; None when
    the record has a date, or no report states one, or reports state different ones."""
    if event.date:
        return None
    days = {
        day
        for source in event.sources
        if source.evidence and (day := _in_sentence(event, source.evidence)) is not None
    }
    return days.pop() if len(days) == 1 else None


def latest_years(store: Store, event: StoredEvent) -> set[int]:
    """For each article reporting the undated event, the latest year it names: news
    tells the past and its own year, so an article naming 2015 last was written in 2015
    or soon after, and its yearless days are not of 2010 nor of 2021. Empty when no
    article names a year."""
    ids = sorted({s.article_id for s in event.sources if s.article_id is not None})
    years = set()
    for article in queries.articles_by_id(store, ids):
        if article.published:
            years.add(int(article.published[:4]))
        elif named := [int(y) for y in _YEAR.findall(article.body)]:
            years.add(max(named))
    return years
