"""Tests of diplonews.extract.events.enumerations: several events told by one verb or count."""

from __future__ import annotations

from diplonews.extract import extract


def test_enumerations_counted_events_take_the_times_listed_in_order() -> None:
    found = extract(
        "Ấn Độ và Pakistan đã tổ chức hai vòng đàm phán về vấn đề Kashmir hồi tháng 2/2004 "
        "và tháng 9/2004.",
        "t",
    ).events
    assert [e.date for e in found if e.kind == "meeting"] == ["2004-02", "2004-09"]


def test_enumerations_counted_events_with_one_time_date_only_the_first() -> None:
    found = extract(
        "Ấn Độ và Pakistan đã tổ chức hai vòng đàm phán về vấn đề Kashmir hồi tháng 2/2004.",
        "t",
    ).events
    assert [e.date for e in found if e.kind == "meeting"] == ["2004-02", None]


def test_enumerations_separate_meetings_of_several_officials_are_one_each() -> None:
    found = extract(
        "Cùng ngày, Thứ trưởng Ngoại giao Pháp Jean Dupont và Thứ trưởng Quốc phòng Pháp "
        "Paul Martin cũng đã có các cuộc gặp riêng với Trưởng đoàn Đức Hans Weber.",
        "t",
    ).events
    assert sorted(sorted(p.name for p in e.participants) for e in found) == [
        ["Hans Weber", "Jean Dupont"],
        ["Hans Weber", "Paul Martin"],
    ]


def test_enumerations_one_meeting_of_several_officials_stays_one() -> None:
    found = extract(
        "Cùng ngày, Thứ trưởng Ngoại giao Pháp Jean Dupont và Thứ trưởng Quốc phòng Pháp "
        "Paul Martin cũng đã có cuộc gặp với Trưởng đoàn Đức Hans Weber.",
        "t",
    ).events
    assert len(found) == 1
