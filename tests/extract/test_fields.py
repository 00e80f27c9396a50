"""Fields of one event: the parties its own words name."""

from diplonews.extract import extract
from diplonews.extract.record import Event


def events_of(text: str, published: str | None = "2005-03") -> list[Event]:
    return extract(text, "t", published=published).events


def test_fields_a_third_state_hosting_talks_is_no_side() -> None:
    [talks] = events_of(
        "Hôm qua, Ngoại trưởng Pháp Michel Barnier đã hội đàm với Ngoại trưởng Đức Joschka "
        "Fischer tại Bỉ."
    )
    assert talks.parties == ["DEU", "FRA"]


def test_fields_the_counterparts_own_state_named_as_the_place_stays() -> None:
    [talks] = events_of(
        "Ngoại trưởng Pháp Michel Barnier sẽ hội đàm với người đồng cấp ở Đức vào tuần tới."
    )
    assert "DEU" in talks.parties


def test_fields_states_in_the_purpose_of_talks_are_no_side() -> None:
    [talks] = events_of(
        "Hôm qua, Ngoại trưởng Mỹ Colin Powell đã gặp Thủ tướng Anh Tony Blair để bàn cách "
        "giúp đỡ Afghanistan."
    )
    assert talks.parties == ["GBR", "USA"]


def test_fields_separate_talks_take_the_two_sides_only() -> None:
    events = events_of(
        "Ngày 4/7, Thủ tướng Nguyễn Tấn Dũng cùng các nhà lãnh đạo ASEAN dự hội nghị tại "
        "Tokyo và có cuộc hội đàm riêng với Thủ tướng Nhật Bản Shinzo Abe."
    )
    [talks] = [e for e in events if "riêng" in (e.name or "")]
    assert talks.parties == ["JPN", "VNM"]


def test_fields_the_spokesperson_who_reports_talks_takes_no_part() -> None:
    [talks] = events_of(
        "Hôm qua, người phát ngôn Bộ Ngoại giao Pháp Jean-Baptiste Mattei khẳng định Ngoại "
        "trưởng Michel Barnier sẽ gặp Ngoại trưởng Đức Joschka Fischer tại Berlin."
    )
    assert {p.name for p in talks.participants} == {"Michel Barnier", "Joschka Fischer"}


def test_fields_a_state_welcoming_a_closed_mechanisms_talks_is_no_party() -> None:
    events = events_of(
        "Thái Lan hoan nghênh việc các bên sẽ nối lại vòng đàm phán sáu bên tại Bắc Kinh vào "
        "tháng 7 tới."
    )
    [talks] = [e for e in events if e.series == "Six-Party Talks"]
    assert "THA" not in talks.parties


def test_fields_who_wishes_a_host_success_is_no_party() -> None:
    events = events_of(
        "Bộ trưởng Ngoại giao Việt Nam chúc Thái Lan tổ chức thành công Hội nghị thượng đỉnh "
        "APEC vào tháng 11 tới tại Bangkok.",
        published="2022-09",
    )
    [summit] = [e for e in events if e.series and "APEC" in e.series]
    assert summit.parties == ["THA"]


def test_fields_a_meeting_attended_with_a_year_in_its_name_takes_the_clause_s_day() -> None:
    # "Sáng 23/10, X dự Hội nghị … năm 2024": the year names the meeting, the day dates it
    found = extract(
        "Sáng 23/10, Thủ tướng Phạm Minh Chính dự Hội nghị các Nhà lãnh đạo BRICS mở rộng năm "
        "2024 tại Kazan.",
        "t",
        published="2024-10-24",
    ).events
    assert [e.date for e in found] == ["2024-10-23"]
    # … not the day of something else the clause tells, with no meeting attended
    found = extract(
        "Trước khi đảm nhận trách nhiệm Giám đốc điều hành Ban Thư ký APEC từ ngày 1-1-2006, Đại "
        "sứ Trần Trọng Toàn cho biết chủ đề của Hội nghị Cấp cao APEC năm 2006 do Việt Nam đăng "
        "cai là phát triển bền vững.",
        "t",
    ).events
    assert all(e.date != "2006-01-01" for e in found)


def test_fields_who_speaks_of_talks_between_named_sides_is_none_of_them() -> None:
    [event] = extract(
        "Ngày 14/3, ông Susilo Bambang Yudhoyono hoan nghênh những tiến triển trong vòng đàm "
        "phán hoà bình thứ hai giữa đại diện chính phủ Indonesia và thủ lĩnh ly khai Aceh.",
        "t",
        published="2005-03",
    ).events
    assert event.participants == []


def test_fields_who_holds_talks_between_named_sides_takes_part() -> None:
    [event] = extract(
        "Ngày 14/3, Thủ tướng Lào Bouasone Bouphavanh chủ trì cuộc hội đàm giữa hai đoàn "
        "đại biểu Lào và Việt Nam tại Viêng Chăn.",
        "t",
        published="2005-03",
    ).events
    assert [p.name for p in event.participants] == ["Bouasone Bouphavanh"]


def test_fields_what_a_dialogue_turns_around_is_its_topic() -> None:
    [event] = extract(
        "Ngày 14/3, cuộc đối thoại chiến lược giữa Thứ trưởng Ngoại giao Trung Quốc Vũ Đại Vĩ "
        "và Ngoại trưởng Ấn Độ Shyam Saran xoay quanh nhiều chủ đề: từ vai trò của Mỹ ở châu Á "
        "đến an ninh năng lượng.",
        "t",
        published="2005-03",
    ).events
    assert event.parties == ["CHN", "IND"]


def test_fields_the_report_s_day_does_not_date_a_meeting_named_by_its_year() -> None:
    [event] = extract(
        "Ngày 12/9/2024, Bộ Ngoại giao cho biết Thủ tướng Phạm Minh Chính đã tham dự Hội nghị "
        "BRICS mở rộng năm 2024 tại Kazan.",
        "t",
    ).events
    assert event.date == "2024"
