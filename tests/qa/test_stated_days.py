"""Days an undated event's report states without a year: answered as such, never
guessed when the sentence holds other days, and never over a date the record has."""

from __future__ import annotations

import pytest

from diplonews.extract.lexicons import load
from diplonews.kb.models import Source, StoredEvent
from diplonews.qa.stated_days import StatedDay, stated_day
from diplonews.qa.wording import Words

# Sentences written for these tests, in the style of 2000s news without a year.
RANGE = "Ông Wang Jiarui sẽ thăm Bắc Triều Tiên từ ngày 19 đến 22/2, các nguồn tin cho biết."
ANNOUNCED = "Bộ Ngoại giao ngày 2/6 thông báo ông Kim sẽ thăm Nhật Bản từ ngày 10/6."
MONTH = "Thứ trưởng Choi Su Hon tới Cuba tháng 6 vừa qua."
WITH_YEAR = "Hai bên đã gặp nhau ngày 5/3 năm 2004 tại Bắc Kinh."
ACROSS = "Ông Lee sẽ thăm Nga từ ngày 30/8 đến 2/9."


def _event(*sentences: str, name: str | None = None, date: str | None = None) -> StoredEvent:
    sources = [Source(article_id=i, doc_id=f"t{i}", evidence=s) for i, s in enumerate(sentences)]
    return StoredEvent(id=1, kind="visit", status="planned", name=name, date=date, sources=sources)


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (_event(RANGE, name="thăm Bắc Triều Tiên"), StatedDay(month=2, day=19, end_day=22)),
        # the event's own days, not the announcement's
        (_event(ANNOUNCED, name="thăm Nhật Bản"), StatedDay(month=6, day=10)),
        (_event(MONTH), StatedDay(month=6)),
        (_event(ACROSS), StatedDay(month=8, day=30, end_day=2, end_month=9)),
    ],
)
def test_the_days_a_report_states(event: StoredEvent, expected: StatedDay) -> None:
    assert stated_day(event) == expected


@pytest.mark.parametrize(
    "event",
    [
        _event(ANNOUNCED),  # two days and no event words to tell them apart
        _event(WITH_YEAR),  # a full date: the record would have it
        _event(RANGE, MONTH),  # two reports stating different days
        _event(RANGE, date="2005-02-19"),  # the record's own date comes first
        _event("Ông Kim đã tới Bình Nhưỡng."),
    ],
)
def test_no_day_is_guessed(event: StoredEvent) -> None:
    assert stated_day(event) is None


def test_answers_write_the_days_without_a_year() -> None:
    lex = load()
    event = _event(RANGE, name="thăm Bắc Triều Tiên")
    english = Words("en", lex).event_date(event)
    assert english == "from 19 to 22 February (the report gives no year)"
    vietnamese = Words("vi", lex).event_date(event)
    assert vietnamese == "từ ngày 19 đến 22/2 (bài báo không ghi năm)"
    assert Words("en", lex).event_date(_event(MONTH)) == "in June (the report gives no year)"
    assert Words("en", lex).event_date(_event("Ông Kim đã tới Bình Nhưỡng.")) == (
        "on a date the record does not give"
    )


OPENED = (
    "Chiều 14/5, Thủ tướng Ấn Độ đã tới Jakarta, mở đầu chuyến thăm chính thức Cộng hòa "
    "In-đô-nê-xi-a theo lời mời của Tổng thống nước này từ ngày 14-16/5."
)


def test_a_held_event_takes_the_day_its_sentence_opens_with() -> None:
    held = _event(OPENED, name="tới Jakarta")
    held.status = "held"
    assert stated_day(held) == StatedDay(month=5, day=14)


def test_a_plan_does_not_take_the_day_its_sentence_opens_with() -> None:
    # a plan's sentence often opens with the day it was announced
    assert stated_day(_event(OPENED, name="tới Jakarta")) is None
