"""Tests of how recent news tells the time, status and place of its events: a series
label heading the story, a gathering named as the frame of the day's meeting, and so on.
Sentences are invented; each follows a pattern of Vietnamese news writing."""

from __future__ import annotations

from diplonews.extract import extract
from diplonews.extract.record import Event


def events(text: str, published: str | None = "2024-10-10") -> list[Event]:
    return extract(text, "t", published=published).events


def test_recent_a_series_label_heading_the_story_gives_its_year() -> None:
    # "ASEAN 2021: …": the chairmanship year labels the story, which states no year
    found = events(
        "ASEAN 2021: Thủ tướng Nhật Bản sẽ dự các hội nghị cấp cao trực tuyến\n\n"
        "Theo kế hoạch, ngày 27/10, Thủ tướng Nhật Bản Kishida Fumio sẽ tham gia Hội nghị "
        "Cấp cao ASEAN-Nhật Bản lần thứ 24 theo hình thức trực tuyến.",
        None,
    )
    assert [(e.status, e.date) for e in found] == [("planned", "2021-10-27")]


def test_recent_a_label_in_the_body_is_not_needed_when_the_story_is_dated() -> None:
    found = events(
        "ASEAN 2021: Thủ tướng Nhật Bản sẽ dự các hội nghị cấp cao trực tuyến\n\n"
        "Theo kế hoạch, ngày 27/10, Thủ tướng Nhật Bản Kishida Fumio sẽ tham gia Hội nghị "
        "Cấp cao ASEAN-Nhật Bản lần thứ 24 theo hình thức trực tuyến.",
        "2022-10-20",
    )
    assert [e.date for e in found] == ["2022-10-27"]


def test_recent_a_gathering_on_whose_sidelines_a_day_meeting_is_held_takes_the_month() -> None:
    # the day before "nhóm họp" is the trilateral's, not the ASEAN meeting's (several days)
    found = events(
        "Ngoại trưởng ba nước Mỹ-Nhật-Australia ngày 8/7 cũng đã nhóm họp bên lề Hội nghị Bộ "
        "trưởng Ngoại giao ASEAN diễn ra tại Lào.",
        "2024-07-20",
    )
    dates = {e.name: e.date for e in found}
    assert dates["Hội nghị Bộ trưởng Ngoại giao ASEAN"] == "2024-07"
    assert "2024-07-08" in dates.values()


def test_recent_a_meeting_a_trip_attends_as_the_frame_of_a_talk_takes_the_month() -> None:
    found = events(
        "Chiều 10/10, tiếp tục các hoạt động trong khuôn khổ chuyến công tác tham dự Hội nghị "
        "Cấp cao ASEAN lần thứ 44, Thủ tướng Phạm Minh Chính đã có cuộc gặp với Thủ tướng "
        "Nhật Bản Ishiba Shigeru."
    )
    dates = {e.kind + (" summit" if e.series else ""): e.date for e in found}
    assert sorted(e.date for e in found) == ["2024-10", "2024-10-10"]
    summit = next(e for e in found if "ASEAN" in (e.name or ""))
    assert summit.date == "2024-10", dates


def test_recent_a_meeting_attended_on_its_day_keeps_the_day() -> None:
    # no frame: the day is the meeting's own
    found = events(
        "Chiều 10/10, Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEAN lần thứ 44 tại "
        "Vientiane, Lào."
    )
    assert [e.date for e in found] == ["2024-10-10"]
