"""The day an undated event's report states, when the record can give no year.

Many archive articles carry no publication date and never write the year: the record's
date is then null (SCHEMA: month-day precision is not ISO), yet the evidence sentence
says "từ ngày 19 đến 22/2". An analyst asking "when" should read those days, marked as
lacking a year, not "the record gives no date". The day is taken from the evidence
only when it is plainly the event's: the time expression inside or right after the
event's own words, or the only one the sentence has.
"""

from __future__ import annotations

from dataclasses import dataclass

from diplonews.extract.time_scan import RawTime, scan
from diplonews.kb.models import StoredEvent

NEAR_NAME = 40  # characters after the event's words a time expression may start at


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
