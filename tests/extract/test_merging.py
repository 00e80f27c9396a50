"""Merging drafts: one event per occurrence, nothing kept that says too little."""

from diplonews.extract import extract


def events_of(text: str) -> list:
    return extract(text, "t", published="2020-08").events


def test_merging_mentions_that_point_back_join_the_event() -> None:
    [event] = events_of(
        "Ngày 26/8, Thứ trưởng Ngoại giao Hàn Quốc Kim Gunn và Quốc vụ khanh Brunei Emaleen "
        "Abdul Rahman Teo đã chủ trì hội nghị trực tuyến giữa Hàn Quốc và ASEAN. Tại hội nghị, "
        "hai bên thảo luận về COVID-19. Hội nghị nêu trên là một kênh đối thoại quan trọng."
    )
    assert [p.name for p in event.participants] == ["Kim Gunn", "Emaleen Abdul Rahman Teo"]
    assert event.format == "online"


def test_merging_a_talk_with_one_side_only_is_not_kept() -> None:
    assert events_of("Tổng thống Singapore Halimah Yacob sẽ gặp gỡ cộng đồng doanh nghiệp.") == []


def test_merging_the_same_visit_told_twice_is_one_visit() -> None:
    events = events_of(
        "Chiều 18/8, Thủ tướng Nhật Bản Suga Yoshihide bắt đầu thăm chính thức Việt Nam. "
        "Đây là chuyến thăm nước ngoài đầu tiên của Thủ tướng Suga Yoshihide."
    )
    assert [(e.kind, e.date) for e in events] == [("visit", "2020-08-18")]


def test_merging_a_visit_of_an_earlier_year_is_not_the_visit_of_now() -> None:
    events = extract(
        "Trong chuyến thăm Việt Nam lần này, Tổng thống Chile Michelle Bachelet đã gặp "
        "nguyên Chủ tịch nước Nguyễn Minh Triết. Năm 2006, bà Bachelet thăm chính thức "
        "Việt Nam lần đầu.",
        "t",
        published="2017-11-10",
    ).events
    visits = sorted(e.date or "" for e in events if e.kind == "visit")
    assert len(visits) == 2
    assert visits[0] == "2006"


def test_merging_a_reception_after_a_meeting_with_someone_else_is_its_own_event() -> None:
    events = events_of(
        "Ngày 13/8, Thủ tướng Phạm Minh Chính có cuộc gặp với Chủ tịch Hạ viện Nhật Bản "
        "Nukaga Fukushiro. Cùng ngày, Thủ tướng cũng đã có buổi tiếp Chủ tịch Tập đoàn "
        "Mitsubishi Tanaka Kenji."
    )
    counterparts = [{p.name for p in e.participants} - {"Phạm Minh Chính"} for e in events]
    assert len(counterparts) == 2
    assert counterparts[0] == {"Nukaga Fukushiro"}
    assert counterparts[1] and "Nukaga Fukushiro" not in counterparts[1]


def test_merging_an_earlier_visit_counted_before_this_one_is_the_same_travellers() -> None:
    events = events_of(
        "Ngày 12/8, Thủ tướng Phạm Minh Chính thăm chính thức Nhật Bản. Đây là chuyến thăm "
        "Nhật Bản lần thứ hai của Thủ tướng Phạm Minh Chính, sau chuyến thăm năm 2018."
    )
    earlier = [e for e in events if e.kind == "visit" and e.date == "2018"]
    assert len(earlier) == 1
    assert [p.name for p in earlier[0].participants] == ["Phạm Minh Chính"]
    assert "JPN" in earlier[0].parties


def test_merging_an_earlier_visit_told_in_passing_keeps_its_own_year() -> None:
    events = events_of(
        "Tổng thống Hàn Quốc Yoon Suk-yeol thăm Việt Nam vào tháng 6/2020. Trong chuyến thăm "
        "Việt Nam trước đây vào năm 2017, ông Yoon chưa là Tổng thống."
    )
    assert sorted(e.date or "" for e in events if e.kind == "visit") == ["2017", "2020-06"]


def test_merging_the_two_ministers_of_the_talks_told_meet_again() -> None:
    events = events_of(
        "Ngày 11/8, Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Ngoại trưởng Thái Lan Don "
        "Pramudwinai. Trước đó, ngày 5/8, hai Bộ trưởng đã gặp nhau tại Vientiane."
    )
    assert [(e.date, len(e.participants)) for e in events] == [("2020-08-11", 2), ("2020-08-05", 2)]


def test_merging_talks_told_after_a_conference_are_not_the_conference() -> None:
    events = events_of(
        "Ngày 12/8, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 53 khai mạc tại Hà Nội. "
        "Bộ trưởng Ngoại giao Phạm Bình Minh và Ngoại trưởng Nhật Bản Motegi Toshimitsu đã có "
        "cuộc hội đàm."
    )
    assert len(events) == 2
    assert events[0].series == "ASEAN Foreign Ministers' Meeting"
    assert [p.name for p in events[1].participants] == ["Phạm Bình Minh", "Motegi Toshimitsu"]


def test_merging_talks_of_an_earlier_year_are_not_the_talks_reported() -> None:
    events = events_of(
        "Thủ tướng Nguyễn Xuân Phúc hội đàm với Thủ tướng Lào Thongloun Sisoulith. "
        "Năm 2018, Thủ tướng Nguyễn Xuân Phúc cũng đã hội đàm với Thủ tướng Thongloun "
        "Sisoulith tại Vientiane."
    )
    assert sorted(e.date or "" for e in events) == ["2018", "2020-08"]


def test_merging_a_counted_round_of_a_named_mechanism_recalled_is_an_event() -> None:
    events = events_of(
        "Chiều 3/8, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc điện đàm với Bộ trưởng Ngoại "
        "giao Thái Lan Don Pramudwinai. Bộ trưởng Bùi Thanh Sơn đề nghị hai bên tiếp tục phối "
        "hợp triển khai các kết quả cụ thể, quan trọng của cuộc họp Nội các chung Việt Nam-Thái "
        "Lan lần thứ 4, trong đó tập trung vào thương mại."
    )
    recalled = [e for e in events if e.kind == "meeting"]
    assert len(recalled) == 1
    assert recalled[0].edition == 4
    assert set(recalled[0].parties) == {"VNM", "THA"}


def test_merging_a_meeting_of_ministers_of_several_states_is_kept_with_one_party() -> None:
    # "at a meeting with the NATO foreign ministers in Sofia, Ms Rice said …": only the
    # venue's state is named, but the officials of several states take part
    events = events_of(
        "Phát biểu tại một cuộc họp với các ngoại trưởng NATO tại thủ đô Sofia của Bulgaria "
        "hôm qua, bà Rice nói Iran phải hợp tác."
    )
    assert [e.kind for e in events] == ["meeting"]


def test_merging_a_meeting_of_one_state_body_without_officials_is_not_kept() -> None:
    # "South Africa's Geographical Names Council will meet in October": home affairs
    assert events_of("Hội đồng Địa danh Nam Phi sẽ họp vào tháng 10 tới.") == []


def test_merging_a_recalled_mention_does_not_date_the_story_visit_without_a_now() -> None:
    found = extract(
        "Tổng thống Pháp lần đầu thăm Algeria\n"
        "Tối nay, Tổng thống Pháp Jacques Chirac tới thủ đô Algiers của Algeria, bắt đầu "
        "chuyến thăm chính thức kéo dài ba ngày. Nguyên thủ Pháp trước đây từng thăm chính "
        "thức Algeria là ông Valéry Giscard d'Estaing vào năm 1975.",
        "t",
    ).events
    visits = [
        e
        for e in found
        if e.kind == "visit" and "Jacques Chirac" in {p.name for p in e.participants}
    ]
    assert visits and all(e.date is None for e in visits)


def test_merging_talks_told_later_in_a_visit_take_its_month_not_its_day() -> None:
    found = extract(
        "Ngày 4/3, Thủ tướng Israel Ariel Sharon thăm chính thức Nga theo lời mời của Tổng "
        "thống Vladimir Putin. Ông cũng thăm nhà thờ Chính thống giáo ở Moskva. Hai ông đã "
        "thảo luận về tiến trình hòa bình Trung Đông.",
        "t",
        published="2005-03-05",
    ).events
    talks = [e for e in found if e.kind == "meeting"]
    assert [e.date for e in talks] == ["2005-03"]


def test_merging_an_event_of_this_occasion_of_several_days_takes_its_month() -> None:
    found = extract(
        "Thủ tướng Phạm Minh Chính sẽ dự Hội nghị Cấp cao ASEAN lần thứ 44 từ ngày 8-10/10 "
        "tại Vientiane. Dịp này cũng sẽ diễn ra các phiên đối thoại giữa Lãnh đạo các nước "
        "ASEAN với đại diện Đại Hội đồng liên Nghị viện ASEAN (AIPA).",
        "t",
        published="2024-10-05",
    ).events
    assert [(e.status, e.date) for e in found] == [
        ("planned", "2024-10-08"),
        ("planned", "2024-10"),
    ]


def test_merging_a_gathering_named_as_the_setting_of_two_sided_talks_is_kept_too() -> None:
    events = events_of(
        "Ngoại trưởng Pháp Jean Dupont có cuộc gặp người đồng cấp Đức Hans Weber tại Berlin, "
        "bên lề cuộc họp ngoại trưởng châu Âu kéo dài 2 ngày."
    )
    assert len(events) == 2
    gathering = next(e for e in events if "họp" in (e.name or ""))
    assert {p.name for p in gathering.participants} == {"Jean Dupont", "Hans Weber"}


def test_merging_a_setting_that_names_no_rank_stays_folded_into_the_talks() -> None:
    events = events_of(
        "Ngoại trưởng Pháp Jean Dupont có cuộc gặp người đồng cấp Đức Hans Weber tại Berlin, "
        "bên lề cuộc họp kéo dài 2 ngày."
    )
    assert len(events) == 1


def test_merging_a_counted_round_between_two_sides_is_kept() -> None:
    [event] = events_of(
        "Tổng thống Philippines Rodrigo Cruz hôm qua hoan nghênh tiến triển của vòng đàm phán "
        "hoà bình thứ ba giữa đại diện chính phủ Philippines và thủ lĩnh phiến quân Moro."
    )
    assert event.kind == "meeting"
    assert event.edition == 3


def test_merging_a_round_named_without_its_count_or_sides_is_not_kept() -> None:
    assert events_of("Ông Cruz hoan nghênh tiến triển của vòng đàm phán hoà bình.") == []


def test_merging_a_meeting_between_the_leaders_of_two_named_states_is_kept() -> None:
    [event] = events_of(
        "Quân đội Pháp sẽ rút khỏi vùng biên giới Pháp - Bỉ sau cuộc gặp giữa lãnh đạo hai "
        "nước tại Paris, Bộ trưởng Quốc phòng Bỉ cho hay."
    )
    assert event.kind == "meeting"
    assert sorted(event.parties) == ["BEL", "FRA"]


def test_merging_a_meeting_between_the_leaders_of_two_unnamed_states_is_not_kept() -> None:
    assert events_of("Cuộc gặp giữa lãnh đạo hai nước nhằm làm giảm căng thẳng.") == []


def test_merging_talks_with_a_peer_named_by_state_after_an_office_of_another_are_kept() -> None:
    [event] = events_of(
        "Ngoại trưởng Qatar hôm qua có một cuộc gặp bất thường với người đồng nhiệm Israel."
    )
    assert sorted(event.parties) == ["ISR", "QAT"]


def test_merging_talks_with_a_peer_take_the_official_named_before_them() -> None:
    [event] = events_of(
        "Tổng thống Nga Vladimir Putin phát biểu như vậy trước cuộc gặp người đồng nhiệm Mỹ."
    )
    assert sorted(event.parties) == ["RUS", "USA"]
    assert [p.name for p in event.participants] == ["Vladimir Putin"]


def test_merging_talks_with_a_peer_of_the_same_state_are_not_kept() -> None:
    assert events_of("Ngoại trưởng Mỹ sẽ gặp người đồng nhiệm Mỹ.") == []


def test_merging_a_delegation_named_by_its_capital_makes_a_visit_and_its_talks() -> None:
    events = events_of(
        "Thoả thuận đạt được sau khi phái đoàn Paris tới Berlin để thảo luận về việc "
        "phân phối hàng cứu trợ."
    )
    assert sorted((e.kind, tuple(sorted(e.parties))) for e in events) == [
        ("meeting", ("DEU", "FRA")),
        ("visit", ("DEU", "FRA")),
    ]


def test_merging_a_trip_to_a_capital_by_no_delegation_is_no_visit() -> None:
    assert [e.kind for e in events_of("Sau đó, nhiều du khách tới Berlin để tham quan.")] == []


def test_merging_a_trip_described_after_talks_abroad_is_the_guests_visit() -> None:
    events = events_of(
        "Hôm nay, Tổng thống Chile Pedro Soto có cuộc hội đàm với Thủ tướng Ấn Độ Ravi Kumar "
        "tại New Delhi. Đây là chuyến thăm đầu tiên của nguyên thủ Chile tới Ấn Độ."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert sorted(visit.parties) == ["CHL", "IND"]
    assert [p.name for p in visit.participants] == ["Pedro Soto"]


def test_merging_a_trip_described_after_a_visit_told_is_not_another_visit() -> None:
    events = events_of(
        "Tổng thống Chile Pedro Soto tới New Delhi, bắt đầu chuyến thăm Ấn Độ. Ông có cuộc "
        "hội đàm với Thủ tướng Ấn Độ Ravi Kumar. Đây là chuyến thăm đầu tiên của ông tới Ấn Độ."
    )
    assert len([e for e in events if e.kind == "visit"]) == 1
