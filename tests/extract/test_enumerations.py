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


def test_enumerations_meetings_held_apart_with_each_counterpart_listed() -> None:
    events = extract(
        "Ngày 5/3, Bộ trưởng Ngoại giao Trung Quốc Vương Định Quân đã có các cuộc gặp riêng "
        "rẽ với Trưởng đoàn đàm phán Mỹ Ma-cơ Xmít và Trưởng đoàn đàm phán Hàn Quốc Kim "
        "Yong-ho.",
        "t",
        published="2005-03",
    ).events
    sides = sorted((tuple(e.parties), tuple(p.name for p in e.participants)) for e in events)
    assert sides == [
        (("CHN", "KOR"), ("Vương Định Quân", "Kim Yong-ho")),
        (("CHN", "USA"), ("Vương Định Quân", "Ma-cơ Xmít")),
    ]


def test_enumerations_meetings_held_apart_by_each_official_of_the_subject() -> None:
    events = extract(
        "Cùng ngày, Thứ trưởng Ngoại giao Trung Quốc Trương Văn Hải, Thứ trưởng Lưu Kiến Minh "
        "và Đại sứ "
        "Trung Quốc Hà Minh Viễn cũng đã có các cuộc gặp riêng với Trưởng đoàn đàm phán Mỹ "
        "Ma-cơ Xmít để trao đổi ý kiến.",
        "t",
        published="2005-03",
    ).events
    assert len(events) == 3
    assert sorted(p.name for e in events for p in e.participants if p.name != "Ma-cơ Xmít") == [
        "Hà Minh Viễn",
        "Lưu Kiến Minh",
        "Trương Văn Hải",
    ]
    assert all(e.parties == ["CHN", "USA"] for e in events)


def test_enumerations_one_meeting_of_several_officials_is_not_split() -> None:
    events = extract(
        "Cùng ngày, Thứ trưởng Ngoại giao Trung Quốc Trương Văn Hải và Đại sứ Trung Quốc Hà "
        "Minh Viễn đã có cuộc gặp với Trưởng đoàn đàm phán Mỹ Ma-cơ Xmít.",
        "t",
        published="2005-03",
    ).events
    assert len(events) == 1
    assert len(events[0].participants) == 3


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


def test_enumerations_rounds_counted_at_a_sentence_opening_are_numbered() -> None:
    found = extract(
        "Ba vòng đàm phán 6 bên đã diễn ra ở Bắc Kinh kể từ năm 2003, nhưng chưa có kết quả.",
        "t",
    ).events
    assert sorted(e.edition or 0 for e in found if e.kind == "meeting") == [1, 2, 3]


def test_enumerations_rounds_counted_inside_a_sentence_are_not_numbered() -> None:
    found = extract(
        "Ấn Độ và Pakistan đã tổ chức hai vòng đàm phán về vấn đề Kashmir hồi tháng 2/2004.",
        "t",
    ).events
    assert [e.edition for e in found if e.kind == "meeting"] == [None, None]


def test_enumerations_rounds_still_to_come_are_not_numbered() -> None:
    found = extract(
        "Hai vòng đàm phán giữa Ấn Độ và Pakistan sẽ diễn ra trong tháng 9/2004.", "t"
    ).events
    assert all(e.edition is None for e in found)


def test_enumerations_a_mention_a_counted_round_folds_into_keeps_no_number() -> None:
    found = extract(
        "Mỹ phàn nàn về tốc độ chậm chạp của đàm phán 6 bên về hạt nhân Triều Tiên. "
        "Ba vòng đàm phán 6 bên đã diễn ra ở Bắc Kinh kể từ năm 2003.",
        "t",
    ).events
    first = found[0]
    assert first.evidence.startswith("Mỹ phàn nàn") and first.edition is None
