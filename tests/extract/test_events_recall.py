"""Events stage, recall: events told in less common ways are still found (issue 12)."""

from diplonews.extract import extract
from diplonews.extract.record import Event


def events_of(text: str, published: str | None = "2023-09-12") -> list[Event]:
    return extract(text, "t", published=published).events


def sides(event: Event) -> dict[str, str]:
    return {p.name: p.role for p in event.participants}


def test_talks_told_only_as_the_setting_of_the_sentence() -> None:
    [event] = events_of(
        "Tại cuộc hội kiến với Tổng thống Indonesia Joko Widodo, Thủ tướng Phạm Minh Chính "
        "đề nghị hai bên tăng cường hợp tác thương mại."
    )
    assert event.kind == "meeting"
    assert set(event.parties) == {"IDN", "VNM"}
    assert set(sides(event)) == {"Joko Widodo", "Phạm Minh Chính"}


def test_setting_with_one_named_side_is_not_an_event_alone() -> None:
    assert (
        events_of("Tại buổi tiếp, Thủ tướng Phạm Minh Chính nhấn mạnh ý nghĩa của hợp tác.") == []
    )


def test_verb_opening_the_sentence_takes_the_joined_subject() -> None:
    [event] = events_of(
        "Gặp nhau tại Paris hôm 12/9, Thủ tướng Đức Olaf Scholz và Tổng thống Pháp Emmanuel "
        "Macron cam kết tăng cường an ninh."
    )
    assert set(event.parties) == {"DEU", "FRA"}
    assert set(sides(event)) == {"Olaf Scholz", "Emmanuel Macron"}
    assert event.location == "Paris"


def test_host_state_named_by_description() -> None:
    events = events_of(
        "Sáng 12/9, Thủ tướng Phạm Minh Chính đã tới Jakarta, bắt đầu chuyến thăm chính thức "
        "Indonesia. Chiều cùng ngày, Thủ tướng đã hội đàm với Thủ tướng nước chủ nhà."
    )
    assert [(e.kind, sorted(e.parties)) for e in events] == [
        ("visit", ["IDN", "VNM"]),
        ("meeting", ["IDN", "VNM"]),
    ]


def test_counterpart_of_the_host_state_by_description() -> None:
    events = events_of(
        "Ngày 12/9, Thủ tướng Phạm Minh Chính lên đường thăm chính thức Nhật Bản. Trong thời "
        "gian ở Tokyo, Thủ tướng sẽ hội đàm với người đồng cấp nước sở tại."
    )
    meeting = [e for e in events if e.kind == "meeting"]
    assert [(e.status, sorted(e.parties)) for e in meeting] == [("planned", ["JPN", "VNM"])]


def test_host_description_followed_by_the_name_is_left_to_the_name() -> None:
    [event] = events_of(
        "Ngày 12/9, Thủ tướng Phạm Minh Chính đã gặp Thủ tướng nước chủ nhà Lào Sonexay "
        "Siphandone tại Viêng Chăn."
    )
    assert sorted(event.parties) == ["LAO", "VNM"]


def test_object_counterpart_without_with() -> None:
    events = events_of(
        "Sáng 12/9, Thủ tướng Phạm Minh Chính đã tới Jakarta, bắt đầu chuyến thăm chính thức "
        "Indonesia. Chiều cùng ngày, Thủ tướng đã hội kiến lãnh đạo nước chủ nhà."
    )
    assert [e.kind for e in events] == ["visit", "meeting"]


def test_counterpart_called_dong_nhiem_is_a_participant() -> None:
    [event] = events_of(
        "Ngày 12/9, trong cuộc điện đàm với người đồng nhiệm Mỹ Colin Powell, Ngoại trưởng Hàn "
        "Quốc Yoon Young-kwan cho biết Seoul vẫn duy trì các cam kết."
    )
    assert event.kind == "call"
    assert set(sides(event)) == {"Colin Powell", "Yoon Young-kwan"}
    assert sorted(event.parties) == ["KOR", "USA"]


def test_definite_plural_with_counterparts_tells_events() -> None:
    events = events_of(
        "Nhân dịp này, Thủ tướng Phạm Minh Chính đã có các cuộc gặp với Thủ tướng Australia "
        "Anthony Albanese và Tổng thống Pháp Emmanuel Macron."
    )
    assert sorted(tuple(sorted(e.parties)) for e in events) == [("AUS", "VNM"), ("FRA", "VNM")]


def test_definite_plural_of_a_process_is_no_event() -> None:
    assert (
        events_of(
            "Khi các cuộc đàm phán về giá vẫn đang diễn ra, công ty sẽ nhập khẩu khí đốt từ "
            "Ukraina, ông Vladimir Antosii cho hay."
        )
        == []
    )


def test_vague_plural_is_no_event() -> None:
    assert (
        events_of(
            "Thủ tướng Phạm Minh Chính cho biết những cuộc gặp với Thủ tướng Lào luôn diễn ra "
            "trong không khí thân tình."
        )
        == []
    )


def test_visit_with_a_host_of_another_state_needs_no_destination() -> None:
    [event] = events_of(
        "Ngày 12/9/2023, theo lời mời của Chủ tịch nước Võ Văn Thưởng, Tổng thống Hàn Quốc "
        "Yoon Suk Yeol đã có chuyến thăm cấp nhà nước."
    )
    assert event.kind == "visit"
    assert sorted(event.parties) == ["KOR", "VNM"]
    assert sides(event) == {"Yoon Suk Yeol": "participant", "Võ Văn Thưởng": "chair"}


def test_named_meeting_first_told_as_a_setting() -> None:
    [event] = events_of(
        "Tại Hội nghị Bộ trưởng Ngoại giao ASEAN-Nhật Bản, Bộ trưởng Bùi Thanh Sơn nhấn mạnh "
        "vai trò của hợp tác khu vực."
    )
    assert event.series == "ASEAN-Japan Foreign Ministers' Meeting"
    assert sorted(event.parties) == ["ASEAN", "JPN"]


def test_sidelines_meeting_and_its_setting_are_two_events() -> None:
    events = events_of(
        "Bên lề Hội nghị Cấp cao ASEAN lần thứ 43, Thủ tướng Phạm Minh Chính đã gặp Thủ tướng "
        "Lào Sonexay Siphandone."
    )
    assert sorted((e.series or "", tuple(sorted(e.parties))) for e in events) == [
        ("", ("LAO", "VNM")),
        ("ASEAN Summit", ("ASEAN",)),
    ]


def test_one_official_and_another_state_are_two_sides() -> None:
    [event] = events_of(
        "Ngoại trưởng Mỹ Antony Blinken sẽ đàm phán với Iran về chương trình hạt nhân.",
        published=None,
    )
    assert (event.kind, event.status) == ("meeting", "planned")
    assert sorted(event.parties) == ["IRN", "USA"]


def test_visits_of_unnamed_leaders_are_not_the_speakers() -> None:
    assert (
        events_of(
            "Thủ tướng Phạm Minh Chính khẳng định các chuyến thăm của lãnh đạo cấp cao hai nước "
            "Việt Nam và Lào có ý nghĩa quan trọng."
        )
        == []
    )


def test_a_match_against_a_team_is_no_meeting() -> None:
    assert (
        events_of(
            "HLV Park Hang-seo bất ngờ về danh sách cầu thủ ra sân trong trận đấu gặp Indonesia "
            "tối 12/9."
        )
        == []
    )


def test_meeting_the_press_is_no_meeting() -> None:
    assert (
        events_of(
            "Ngày mai, ông Stan Garbacz, Vụ trưởng Bộ Nông nghiệp Mỹ, sẽ gặp gỡ phóng viên Việt "
            "Nam để trình bày về thịt bò."
        )
        == []
    )


def test_negotiating_in_older_wording_is_a_meeting() -> None:
    [event] = events_of(
        "Ngày 12/9/2023, Trưởng đoàn Mỹ Christopher Hill đã thương thuyết với Thứ trưởng Ngoại "
        "giao Triều Tiên Kim Kye-gwan tại Bắc Kinh."
    )
    assert (event.kind, event.location) == ("meeting", "Beijing")
    assert sorted(event.parties) == ["PRK", "USA"]


def test_the_negotiator_is_no_event() -> None:
    assert (
        events_of(
            "Nhà thương thuyết hạt nhân Iran Ali Larijani ngày 12/9/2023 cho biết Tehran sẽ không "
            "nhượng bộ."
        )
        == []
    )


def test_an_exchange_with_a_counterpart_is_a_meeting() -> None:
    [event] = events_of(
        "Ngày 12/9/2023, Ngoại trưởng Mỹ Colin Powell đã có cuộc trao đổi với người đồng nhiệm "
        "Pháp Dominique de Villepin."
    )
    assert event.kind == "meeting"
    assert set(sides(event)) == {"Colin Powell", "Dominique de Villepin"}


def test_counterparts_listed_without_va_up_to_the_end_of_the_sentence() -> None:
    events = events_of(
        "Ngày 12/9, Thủ tướng Phạm Minh Chính tiếp xúc với Thủ tướng Thái Lan Srettha Thavisin, "
        "Ngoại trưởng Mỹ Antony Blinken."
    )
    assert [sorted(e.parties) for e in events] == [["THA", "VNM"], ["USA", "VNM"]]
    assert [len(e.participants) for e in events] == [2, 2]


def test_a_name_then_a_clause_is_no_list() -> None:
    events = events_of(
        "Ngày 12/9, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Thái Lan Srettha Thavisin, "
        "Ngoại trưởng Mỹ Antony Blinken cho biết sau đó."
    )
    assert len(events) == 1


def test_definite_plural_opened_on_a_day_by_two_named_states_tells_the_talks() -> None:
    [event] = events_of(
        "Sáng nay, quan chức Pháp và Đức đã khai mạc các cuộc đàm phán về vấn đề năng lượng.",
        published=None,
    )
    assert event.status == "held"
    assert sorted(event.parties) == ["DEU", "FRA"]


def test_definite_plural_opened_on_a_day_by_one_state_is_no_event() -> None:
    assert (
        events_of(
            "Sáng nay, các đảng của Pháp đã bắt đầu các cuộc đàm phán về chính phủ mới.",
            published=None,
        )
        == []
    )


def test_definite_plural_resumed_by_two_states_with_no_day_is_no_event() -> None:
    assert events_of("Mỹ hối thúc Ấn Độ và Pakistan nối lại các cuộc thương thuyết hòa bình.") == []
