"""Events stage: kinds, status, dates, places, parties, roles, one event per occurrence."""

from diplonews.extract import extract
from diplonews.extract.record import Event


def events_of(text: str, published: str | None = "2021-07") -> list[Event]:
    return extract(text, "t", published=published).events


def test_events_online_co_chaired_dialogue() -> None:
    [event] = events_of(
        "Ngày 7/6, Thứ trưởng Ngoại giao Hàn Quốc Yeo Seung-bae đã đồng chủ trì “Đối thoại "
        "Hàn-ASEAN” trực tuyến cùng với ông Emaleen Abdul Rahman Teo, Thứ trưởng Ngoại giao Brunei."
    )
    assert (event.kind, event.status, event.date, event.format) == (
        "meeting",
        "held",
        "2021-06-07",
        "online",
    )
    assert event.series == "ASEAN-Korea Dialogue"
    assert event.parties == ["ASEAN", "KOR"]  # Brunei is inside ASEAN
    assert {p.name: p.role for p in event.participants} == {
        "Yeo Seung-bae": "chair",
        "Emaleen Abdul Rahman Teo": "chair",
    }


def test_events_planned_meetings_with_month_dates() -> None:
    events = events_of(
        "Hai bên nhất trí để Hội nghị Bộ trưởng Ngoại giao Hàn-ASEAN (vào tháng 8 "
        "tới) và Hội nghị Cấp cao Hàn-ASEAN (vào tháng 10 tới) diễn ra thành công."
    )
    assert [(e.series, e.status, e.date) for e in events] == [
        ("ASEAN-Korea Foreign Ministers' Meeting", "planned", "2021-08"),
        ("ASEAN-Korea Summit", "planned", "2021-10"),
    ]


def test_events_reception_host_chairs() -> None:
    [event] = events_of(
        "Chiều 19/3, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ "
        "Hàn Quốc tại Việt Nam Choi Young Sam.",
        published="2024-03-20",
    )
    assert event.date == "2024-03-19"
    assert event.format == "in_person"
    assert {p.name: p.role for p in event.participants} == {
        "Phạm Minh Chính": "chair",
        "Choi Young Sam": "participant",
    }


def test_events_one_event_however_often_mentioned() -> None:
    events = events_of(
        "Ngày 26/8, các nhà ngoại giao cấp cao Hàn Quốc và ASEAN đã tổ chức hội nghị trực tuyến. "
        "Thứ trưởng Ngoại giao Hàn Quốc Kim Gunn đã chủ trì hội nghị này. "
        "Tại hội nghị, hai bên thảo luận về COVID-19. Phát biểu tại hội nghị, ông Gunn nhấn mạnh.",
        published="2020-08",
    )
    assert len(events) == 1
    assert events[0].date == "2020-08-26"
    assert [(p.name, p.role) for p in events[0].participants] == [("Kim Gunn", "chair")]


def test_events_visit_and_talks_planned() -> None:
    events = events_of(
        "Người phát ngôn cho biết Tổng thống Indonesia Joko Widodo sẽ thăm Hàn Quốc "
        "từ ngày 27/7, dự kiến hội đàm với Tổng thống Hàn Quốc Yoon Suk-yeol trong "
        "ngày 28/7.",
        published="2022-07",
    )
    visit, talks = events
    assert (visit.kind, visit.status, visit.date) == ("visit", "planned", "2022-07-27")
    assert [p.name for p in visit.participants] == ["Joko Widodo"]
    assert visit.parties == ["IDN", "KOR"]
    assert (talks.kind, talks.date) == ("meeting", "2022-07-28")
    assert {p.name for p in talks.participants} == {"Joko Widodo", "Yoon Suk-yeol"}


def test_events_phone_call_has_no_format() -> None:
    [call] = events_of(
        "Ngày 29-9, Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng và Tổng Bí thư, "
        "Chủ tịch Trung Quốc Tập Cận Bình tiến hành điện đàm.",
        published="2020-09",
    )
    assert (call.kind, call.format, call.date) == ("call", None, "2020-09-29")
    assert call.parties == ["CHN", "VNM"]


def test_events_edition_and_city() -> None:
    [event] = events_of(
        "Ngày 4/7, Bộ trưởng Ngoại giao Bùi Thanh Sơn sẽ tham dự Hội nghị Bộ trưởng "
        "Ngoại giao Mekong-Hàn Quốc lần thứ 7 tại Busan.",
        published="2022-07-02",
    )
    assert (event.edition, event.location, event.format) == (7, "Busan", "in_person")
    assert event.series == "Mekong-Korea Foreign Ministers' Meeting"
    assert "KHM" in event.parties and "KOR" in event.parties


def test_events_press_conference_and_wishes_are_not_events() -> None:
    assert events_of("Tại buổi họp báo ngày 25/7, người phát ngôn cho biết kết quả.") == []
    assert events_of("Hai bên đề xuất sớm gặp mặt trực tiếp để trao đổi.") == []


def test_events_nothing_from_an_article_without_diplomacy() -> None:
    assert events_of("Giá lúa tăng mạnh trong tháng 6. Nông dân phấn khởi vì được mùa.") == []


def test_events_reporter_location_is_not_the_event_location() -> None:
    [event] = events_of(
        "Phóng viên TTXVN tại Seoul cho biết ngày 26/8, Thứ trưởng Ngoại giao Hàn "
        "Quốc Kim Gunn đã chủ trì hội nghị trực tuyến với ASEAN.",
        published="2020-08",
    )
    assert event.location is None
    assert event.format == "online"


def test_events_on_this_occasion_keeps_the_day() -> None:
    events = events_of(
        "Ngày 10/1/2025, tại Viêng Chăn, Thủ tướng Phạm Minh Chính và Thủ tướng Lào Sonexay "
        "Siphandone đã đồng chủ trì Kỳ họp lần thứ 47 Ủy ban liên Chính phủ Việt Nam - Lào. "
        "Nhân dịp này, Thủ tướng Phạm Minh Chính đã hội kiến Tổng Bí thư, Chủ tịch nước Lào "
        "Thongloun Sisoulith.",
        published=None,
    )
    session, call = events
    assert (session.edition, session.date, session.location) == (47, "2025-01-10", "Vientiane")
    assert [p.role for p in session.participants] == ["chair", "chair"]
    assert call.date == "2025-01-10"
    assert {p.name for p in call.participants} == {"Phạm Minh Chính", "Thongloun Sisoulith"}


def test_events_adopted_document_is_an_outcome() -> None:
    [summit] = events_of(
        "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25 đã thông qua Tuyên bố chung "
        "thiết lập quan hệ Đối tác Chiến lược toàn diện.",
        published="2024-10",
    )
    assert summit.outcomes == [
        "Joint Statement on the Establishment of the Comprehensive Strategic Partnership"
    ]


def test_events_domestic_meetings_are_not_diplomacy() -> None:
    assert (
        events_of(
            "Chiều 21/10, Bộ Ngoại giao tổ chức Hội nghị tổng kết công tác năm 2024. "
            "Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn chủ trì hội nghị. "
            "Thủ tướng Phạm Minh Chính đối thoại với doanh nghiệp tại Diễn đàn Kinh tế "
            "tư nhân Việt Nam."
        )
        == []
    )


def test_events_reception_of_several_envoys_named_one_by_one() -> None:
    # SCHEMA: envoys received together are one event per envoy, with that envoy's country
    events = events_of(
        "Chiều 26/3 tại Phủ Chủ tịch, Chủ tịch nước Trương Tấn Sang tiếp Đại sứ các nước Thái Lan, "
        "Indonesia và Malaysia trình quốc thư. Đại sứ Thái Lan Manopchai Vongphakdi gửi lời chào. "
        "Đại sứ Indonesia Ibnu Hadi cho biết nhiệm vụ chính. Đại sứ Malaysia Mohd Zamruni Bin "
        "Khalid cũng cam kết.",
        published="2015-03",
    )
    assert [e.parties for e in events] == [["THA", "VNM"], ["IDN", "VNM"], ["MYS", "VNM"]]
    assert {e.location for e in events} == {"Hanoi"}
    assert [{p.name: p.role for p in e.participants} for e in events] == [
        {"Trương Tấn Sang": "chair", "Manopchai Vongphakdi": "participant"},
        {"Trương Tấn Sang": "chair", "Ibnu Hadi": "participant"},
        {"Trương Tấn Sang": "chair", "Mohd Zamruni Bin Khalid": "participant"},
    ]

    events = events_of(
        "Ngày 13/6, Thứ trưởng Bộ Quốc phòng Hoàng Xuân Chiến và Phó Trợ lý Bộ trưởng Quốc phòng "
        "Mỹ Lindsey Ford đồng chủ trì Đối thoại Chính sách Quốc phòng Việt Nam - Hoa Kỳ lần thứ 10. "
        "Ngày 14/6, Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên làm việc với Bộ trưởng Thương mại "
        "Hàn Quốc Ahn Duk-geun.",
        published="2024-06-15",
    )
    dialogue, session = events
    assert dialogue.series == "Vietnam-US Defence Policy Dialogue" and dialogue.edition == 10
    assert {p.name: p.role for p in dialogue.participants} == {
        "Hoàng Xuân Chiến": "chair",
        "Lindsey Ford": "chair",
    }
    assert (session.date, session.parties) == ("2024-06-14", ["KOR", "VNM"])


def test_events_before_the_talks_is_the_day_of_the_talks() -> None:
    events = events_of(
        "Ngày 12/11, tại Thủ đô Santiago, Chủ tịch nước Lương Cường đã hội đàm với Tổng thống "
        "Chile Gabriel Boric Font, trong khuôn khổ chuyến thăm cấp Nhà nước tới Chile từ ngày "
        "10-13/11. Trước hội đàm, Tổng thống Gabriel Boric Font đã chủ trì lễ đón chính thức Chủ "
        "tịch nước Lương Cường. Sau hội đàm, hai nhà lãnh đạo đã ra Tuyên bố chung về quan hệ "
        "Đối tác toàn diện.",
        published="2024-11-12",
    )
    # SCHEMA: the welcome ceremony is part of the visit, its host a chair of the visit
    talks, visit = events
    assert (talks.date, talks.location) == ("2024-11-12", "Santiago")
    assert talks.outcomes == ["Joint Statement on the Comprehensive Partnership"]
    assert (visit.kind, visit.date) == ("visit", "2024-11-10")
    assert {p.name: p.role for p in visit.participants}["Gabriel Boric Font"] == "chair"


def test_events_who_speaks_of_a_meeting_or_might_attend_does_not_take_part() -> None:
    [summit] = events_of(
        "Dự kiến, Hội nghị thượng đỉnh đặc biệt Hàn Quốc - ASEAN sẽ được tổ chức ở Busan. Phát "
        'biểu tại cuộc họp báo, Thư ký cấp cao Yoon Do-han nhấn mạnh: "Hội nghị thượng đỉnh '
        'này sẽ đánh giá quan hệ". Hội nghị thượng đỉnh cũng có thể có sự tham dự của nhà lãnh '
        "đạo Triều Tiên Kim Jong-un.",
        published=None,
    )
    assert summit.participants == []
    assert summit.parties == ["ASEAN", "KOR"]


def test_events_ministers_speaking_after_their_meeting_took_part() -> None:
    [meeting] = events_of(
        "Các Bộ trưởng tập trung tại Busan để tham dự Hội nghị Bộ trưởng Ngoại giao Mekong-Hàn "
        "Quốc lần thứ 7. “Hợp tác sẽ đem lại lợi ích”, Bộ trưởng Ngoại giao Hàn Quốc Kang "
        "Kyung-wha nhận định.",
        published=None,
    )
    assert [p.name for p in meeting.participants] == ["Kang Kyung-wha"]


def test_events_setting_of_a_meeting_takes_its_parties() -> None:
    events = events_of(
        "Tổng thống Hàn Quốc Lee Jae Myung ngày 30/10 đã có cuộc họp thượng đỉnh "
        "với Chủ tịch nước Việt Nam Lương Cường tại Gyeongju, nơi diễn ra Hội nghị "
        "thượng đỉnh APEC.",
        published="2025-10-29",
    )
    meeting, apec = events
    assert apec.parties == meeting.parties == ["KOR", "VNM"]
    assert (apec.date, apec.participants) == ("2025-10", [])


def test_events_on_the_sidelines_takes_the_meetings_day_and_place() -> None:
    summit, talks = events_of(
        "Ngày 26/10, tại Kuala Lumpur, Thủ tướng Phạm Minh Chính tham dự Hội nghị Cấp cao ASEAN "
        "lần thứ 47. Bên lề hội nghị, Thủ tướng đã gặp Thủ tướng Malaysia Anwar Ibrahim.",
        published="2025-10-27",
    )
    assert (summit.series, summit.edition, summit.date) == ("ASEAN Summit", 47, "2025-10-26")
    assert (talks.date, talks.location, talks.parties) == (
        "2025-10-26",
        "Kuala Lumpur",
        ["MYS", "VNM"],
    )


def test_events_visit_and_meeting_joined_share_date_and_organiser_is_not_an_event() -> None:
    visit, meeting = events_of(
        "Thủ tướng Phạm Minh Chính sẽ thăm chính thức Trung Quốc và dự Hội nghị thường niên các "
        "nhà tiên phong lần thứ 16 của Diễn đàn Kinh tế thế giới (WEF) tại Thiên Tân từ ngày "
        "24-27/6.",
        published="2025-06-20",
    )
    assert (visit.kind, visit.status, visit.date) == ("visit", "planned", "2025-06-24")
    assert (meeting.edition, meeting.date, meeting.location) == (16, "2025-06-24", "Tianjin")
    assert [p.name for p in meeting.participants] == ["Phạm Minh Chính"]


def test_events_set_before_the_main_clause_take_its_subject() -> None:
    # "In the phone call of 20/10, FM Bùi Thanh Sơn and Korea's FM Park Jin discussed …"
    [call] = events_of(
        "Trong cuộc điện đàm ngày 20/10, Bộ trưởng Ngoại giao Bùi Thanh Sơn và Ngoại trưởng "
        "Hàn Quốc Park Jin đã trao đổi về hợp tác song phương.",
        published="2023-10-21",
    )
    assert (call.kind, call.date, call.parties) == ("call", "2023-10-20", ["KOR", "VNM"])
    assert [p.name for p in call.participants] == ["Bùi Thanh Sơn", "Park Jin"]
    [talks] = events_of(
        "Tại cuộc hội đàm ngày 20/10 ở Viêng Chăn, Thủ tướng Phạm Minh Chính và Thủ tướng Lào "
        "Sonexay Siphandone nhất trí tăng cường hợp tác.",
        published="2023-10-21",
    )
    assert (talks.kind, talks.location) == ("meeting", "Vientiane")
    assert [p.name for p in talks.participants] == ["Phạm Minh Chính", "Sonexay Siphandone"]


def test_events_named_after_a_setting_with_no_event_before_stay_out() -> None:
    # "At the conference, Minister Bùi Thanh Sơn stressed …": which conference is unsaid
    assert events_of("Tại hội nghị, Bộ trưởng Bùi Thanh Sơn nhấn mạnh vai trò của ASEAN.") == []


# ---------------------------------------------------------------- which events exist


def test_events_counterparts_listed_after_one_verb_are_one_event_each() -> None:
    events = events_of(
        "Hôm qua, Ngoại trưởng Mỹ Condoleezza Rice lần lượt hội kiến Tổng thống Nga Vladimir "
        "Putin, Thủ tướng Mikhail Fradkov và Ngoại trưởng Sergei Lavrov tại Moskva.",
        published="2005-04-20",
    )
    assert [sorted(p.name for p in e.participants) for e in events] == [
        ["Condoleezza Rice", "Vladimir Putin"],
        ["Condoleezza Rice", "Mikhail Fradkov"],
        ["Condoleezza Rice", "Sergei Lavrov"],
    ]
    assert {tuple(e.parties) for e in events} == {("RUS", "USA")}


def test_events_counterparts_named_by_office_are_one_event_per_state() -> None:
    events = events_of(
        "Ngày 13/10, Phó Chủ tịch nước Nguyễn Thị Doan có các cuộc tiếp xúc với Thủ tướng "
        "Gibuti, Ngoại trưởng Haiti và Quốc vụ khanh Rumani để trao đổi về quan hệ song phương.",
        published="2012-10-14",
    )
    assert [e.parties for e in events] == [["DJI", "VNM"], ["HTI", "VNM"], ["ROU", "VNM"]]


def test_events_an_apposition_is_not_a_list_of_counterparts() -> None:
    events = events_of(
        "Chiều 28/1, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc gặp với Phó Thủ tướng, "
        "Bộ trưởng Ngoại giao Lào Saleumxay Kommasith.",
        published="2024-01-29",
    )
    assert len(events) == 1


def test_events_legs_of_a_tour_are_one_visit_per_state() -> None:
    events = events_of(
        "Ngày 5/3, Thủ tướng Phan Văn Khải sẽ lên đường công du ba nước Lào, Campuchia và "
        "Thái Lan.",
        published="2005-03-01",
    )
    assert [(e.kind, e.status, e.parties) for e in events] == [
        ("visit", "planned", ["LAO", "VNM"]),
        ("visit", "planned", ["KHM", "VNM"]),
        ("visit", "planned", ["THA", "VNM"]),
    ]
    # SCHEMA: a leg the text does not place has no date; the tour's day is its first leg's.
    assert [e.date for e in events] == ["2005-03-05", None, None]


def test_events_a_tour_noun_and_its_verb_make_one_visit_per_state() -> None:
    events = events_of(
        "Ngày 12/3, Ngoại trưởng Hàn Quốc Cho Tae-yul đã có chuyến công du Đông Nam Á, thăm "
        "Việt Nam, Lào và Campuchia.",
        published="2024-03-13",
    )
    assert [(e.kind, e.parties, e.date) for e in events] == [
        ("visit", ["KOR", "VNM"], "2024-03-12"),
        ("visit", ["KOR", "LAO"], None),
        ("visit", ["KHM", "KOR"], None),
    ]


def test_events_a_trip_told_by_a_verb_of_motion_is_a_visit() -> None:
    events = events_of(
        "Ngày 2/4, Chủ tịch Trung Quốc Hồ Cẩm Đào đã tới Cairo. Sau Ai Cập, ông Hồ Cẩm Đào sẽ "
        "tới Algeria và Gabon. Chiều qua, đoàn đại biểu Chính phủ đã về đến Hà Nội.",
        published="2004-04-03",
    )
    assert [(e.kind, e.status, e.parties) for e in events] == [
        ("visit", "held", ["CHN", "EGY"]),
        ("visit", "planned", ["CHN", "DZA"]),
        ("visit", "planned", ["CHN", "GAB"]),
    ]


def test_events_a_welcome_ceremony_alone_is_the_visit() -> None:
    [visit] = events_of(
        "Sáng 12/11, tại Phủ Chủ tịch, Chủ tịch nước Trần Đại Quang chủ trì lễ đón Tổng thống "
        "Hoa Kỳ Donald Trump thăm cấp Nhà nước Việt Nam.",
        published="2017-11-12",
    )
    assert (visit.kind, visit.parties) == ("visit", ["USA", "VNM"])
    assert {p.name: p.role for p in visit.participants} == {
        "Trần Đại Quang": "chair",
        "Donald Trump": "participant",
    }


def test_events_negotiations_are_meetings_but_not_the_table() -> None:
    [talks] = events_of(
        "Ngày 10/3, Bộ trưởng Ngoại giao Iran Kamal Kharrazi đã đàm phán với Ngoại trưởng Pháp "
        "Michel Barnier tại Paris. Iran sẵn sàng quay lại bàn đàm phán.",
        published="2004-03-11",
    )
    assert (talks.kind, talks.parties, talks.location) == ("meeting", ["FRA", "IRN"], "Paris")


def test_events_six_party_talks_are_a_series() -> None:
    [talks] = events_of(
        "Vòng đàm phán 6 bên lần thứ 4 về vấn đề hạt nhân trên bán đảo Triều Tiên đã khai mạc "
        "tại Bắc Kinh hôm 26/7.",
        published="2005-07-27",
    )
    assert (talks.series, talks.edition) == ("Six-Party Talks", 4)
    assert talks.parties == ["CHN", "JPN", "KOR", "PRK", "RUS", "USA"]


def test_events_a_one_state_gathering_without_officials_is_not_diplomacy() -> None:
    assert (
        events_of(
            "Họ sẽ công bố phát hiện trong cuộc gặp của Hiệp hội Địa chất Mỹ ở Denver (Mỹ). "
            "Kết quả được báo cáo tại Hội nghị quốc tế về AIDS lần thứ 15 ở Bangkok, Thái Lan. "
            "Năm 2001, trong chuyến công tác Malaysia, tôi được nghe một chương trình hay.",
            published="2004-07-12",
        )
        == []
    )


# ---------------------------------------------------------------- series and editions


def test_events_a_mechanism_outside_the_lexicon_is_named_by_its_words() -> None:
    [dialogue] = events_of(
        "Ngày 9/5, tại Hà Nội, Thứ trưởng Ngoại giao Phạm Quang Hiệu và Thứ trưởng Ngoại giao "
        "Ấn Độ Saurabh Kumar đồng chủ trì Đối thoại Chiến lược Ngoại giao-Quốc phòng Việt "
        "Nam-Ấn Độ lần thứ 3.",
        published="2024-05-10",
    )
    assert (dialogue.series, dialogue.edition) == (
        "Vietnam-India Diplomacy-Defence Strategic Dialogue",
        3,
    )


def test_events_a_session_counted_without_lan_has_its_edition() -> None:
    [session] = events_of(
        "Ngày 20/1, Phó Thủ tướng Phạm Bình Minh và Phó Thủ tướng Prak Sokhonn đồng chủ trì "
        "Kỳ họp thứ 17 Ủy ban Hỗn hợp Việt Nam-Campuchia tại Hà Nội.",
        published="2019-01-21",
    )
    assert (session.series, session.edition) == ("Vietnam-Cambodia Joint Committee", 17)


def test_events_presenting_credentials_is_a_reception() -> None:
    [alone] = events_of(
        "Ngày 9/5, Đại sứ Phạm Sanh Châu đã trình Quốc thư lên Tổng thống Ai Cập Abdel Fattah "
        "El-Sisi.",
        published="2024-05-10",
    )
    assert (alone.kind, alone.parties) == ("meeting", ["EGY", "VNM"])
    [received] = events_of(
        "Chiều 5/3, Chủ tịch nước Trương Tấn Sang tiếp Đại sứ Nhật Bản Umeda Kunio trình quốc thư.",
        published="2014-03-06",
    )
    assert received.parties == ["JPN", "VNM"]


def test_events_an_invitation_to_visit_is_not_a_visit() -> None:
    events = events_of(
        "Ngày 27/3, Chủ tịch nước Trần Đại Quang điện đàm với Tổng thống Nga Vladimir Putin. "
        "Tại cuộc điện đàm, Chủ tịch nước mời Tổng thống Putin thăm chính thức Việt Nam.",
        published="2018-03-28",
    )
    assert [e.kind for e in events] == ["call"]


def test_events_a_counterpart_named_by_state_makes_a_meeting() -> None:
    [meeting] = events_of(
        "Ngày 9/5, tại Bắc Kinh, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc gặp với người "
        "đồng cấp Trung Quốc.",
        published="2024-05-10",
    )
    assert meeting.parties == ["CHN", "VNM"]


def test_events_a_trip_only_to_attend_a_meeting_is_that_meeting() -> None:
    events = events_of(
        "Ngày 20/9, Thủ tướng Phạm Minh Chính lên đường tới New York dự Đại hội đồng Liên hợp "
        "quốc khóa 79.",
        published="2024-09-21",
    )
    assert [(e.kind, e.series) for e in events] == [("meeting", "UN General Assembly")]
    both = events_of(
        "Ngày 22/10, Thủ tướng Phạm Minh Chính lên đường tới Kazan, Nga dự Hội nghị BRICS mở "
        "rộng, kết hợp hoạt động song phương tại Nga.",
        published="2024-10-23",
    )
    assert [(e.kind, e.series) for e in both] == [("visit", None), ("meeting", "BRICS Plus Summit")]


def test_events_talks_counted_are_as_many_events() -> None:
    events = events_of(
        "Sau 4 cuộc đàm phán hạt nhân với CHDCND Triều Tiên từ tháng 4/2003, Trợ lý Ngoại "
        "trưởng Mỹ James Kelly nhận định thỏa thuận còn xa.",
        published="2004-03-03",
    )
    assert [(e.date, e.parties) for e in events] == [
        ("2003-04", ["PRK", "USA"]),
        (None, ["PRK", "USA"]),
        (None, ["PRK", "USA"]),
        (None, ["PRK", "USA"]),
    ]


def test_events_a_trip_by_no_official_is_not_a_visit() -> None:
    assert (
        events_of(
            "Tập thơ được viết trong thời gian bà Ái Mỹ vào thăm Nha Trang lần thứ hai năm 1982, "
            "sau chuyến đi từ Mỹ.",
            published="2005-05-05",
        )
        == []
    )


def test_events_a_tour_named_by_its_region_is_one_visit_per_state_listed() -> None:
    events = events_of(
        "Ngày 10/5, Tổng thống Pháp Jacques Chirac bắt đầu chuyến công du châu Á kéo dài một "
        "tuần, với các chặng dừng chân tại Trung Quốc, Nhật Bản và Hàn Quốc.",
        published="2004-05-11",
    )
    assert [(e.kind, e.parties) for e in events] == [
        ("visit", ["CHN", "FRA"]),
        ("visit", ["FRA", "JPN"]),
        ("visit", ["FRA", "KOR"]),
    ]


def test_events_talks_between_a_minister_and_a_peer_named_by_state() -> None:
    [talks] = events_of(
        "Ngày 3/6, Ngoại trưởng Mỹ Condoleezza Rice và người đồng cấp Nga hội đàm tại Moskva.",
        published="2005-06-04",
    )
    assert (talks.kind, talks.parties) == ("meeting", ["RUS", "USA"])


def test_events_g8_summit_and_bloc_ministers_meeting() -> None:
    summit, ministers = events_of(
        "Ngày 6/7, Hội nghị thượng đỉnh G8 khai mạc tại Gleneagles. Ngày 11/7, các bộ trưởng "
        "ngoại giao EU sẽ nhóm họp tại Brussels.",
        published="2005-07-07",
    )
    assert (summit.series, "RUS" in summit.parties) == ("G8 Summit", True)
    assert (ministers.kind, ministers.parties) == ("meeting", ["EU"])


def test_events_a_visit_described_again_is_the_same_visit() -> None:
    events = events_of(
        "Sáng 4/8, Chủ tịch Quốc hội Vương Đình Huệ đã tới Jakarta, bắt đầu thăm chính thức "
        "Indonesia. Đây là chuyến thăm chính thức Indonesia đầu tiên của Chủ tịch Quốc hội Vương "
        "Đình Huệ, là chuyến thăm của Chủ tịch Quốc hội Việt Nam tới Indonesia sau 13 năm.",
        published="2023-08-04",
    )
    assert [(e.kind, e.date) for e in events] == [("visit", "2023-08-04")]


def test_events_an_earlier_edition_recalled_is_its_own_event() -> None:
    current, earlier = events_of(
        "Ngày 9/5, Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao Mê Công - Nhật Bản. Tại Hội "
        "nghị Cấp cao lần thứ 8 năm 2016, các nhà lãnh đạo đã thông qua Chiến lược Tokyo.",
        published="2024-05-10",
    )
    assert (current.series, current.date) == ("Mekong-Japan Summit", "2024-05-09")
    assert (earlier.series, earlier.edition, earlier.date) == ("Mekong-Japan Summit", 8, "2016")


def test_events_a_visit_recalled_in_a_subordinate_clause() -> None:
    events = events_of(
        "Ngày 9/5, Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Nhật Bản Ito Naoki. Hai bên "
        "nhắc lại chuyến thăm Nhật Bản của Tổng Bí thư Nguyễn Phú Trọng năm 2015.",
        published="2024-05-10",
    )
    assert [(e.kind, e.date, e.parties) for e in events] == [
        ("meeting", "2024-05-09", ["JPN", "VNM"]),
        ("visit", "2015", ["JPN", "VNM"]),
    ]


def test_events_a_telephone_conversation_is_a_call() -> None:
    [call] = events_of(
        "Ngày 5/4, Tổng thống Mỹ George W. Bush đã nói chuyện qua điện thoại với Tổng thống Nga "
        "Vladimir Putin.",
        published="2005-04-06",
    )
    assert (call.kind, call.parties) == ("call", ["RUS", "USA"])


def test_events_a_counted_round_of_talks_has_its_edition() -> None:
    [talks] = events_of(
        "Vòng đàm phán thứ ba giữa Israel và Palestine đã kết thúc hôm 5/5 tại Cairo.",
        published="2005-05-06",
    )
    assert (talks.kind, talks.edition, talks.parties) == ("meeting", 3, ["ISR", "PSE"])


def test_events_having_talks_is_a_new_event_not_a_reference() -> None:
    events = events_of(
        "Ngày 3/7, Thủ tướng Nguyễn Tấn Dũng sẽ tiếp kiến Nhà vua Nhật Bản Akihito và có cuộc "
        "hội đàm riêng với Thủ tướng Nhật Bản Shinzo Abe.",
        published="2015-07-01",
    )
    assert len(events) == 2
    assert sorted(p.name for p in events[1].participants) == ["Nguyễn Tấn Dũng", "Shinzo Abe"]


def test_events_an_acronym_in_brackets_does_not_hide_the_series() -> None:
    [summit] = events_of(
        "Ngày 10/5, Hội nghị Cấp cao (HNCC) ASEAN lần thứ 42 sẽ khai mạc tại Labuan Bajo.",
        published="2023-05-01",
    )
    assert (summit.series, summit.edition) == ("ASEAN Summit", 42)


def test_events_a_counterpart_called_dong_nhiem_is_the_other_side() -> None:
    [talks] = events_of(
        "Ngày 27/6, Ngoại trưởng Ấn Độ Natwar Singh đã hội đàm với người đồng nhiệm Pakistan "
        "tại New Delhi.",
        published="2004-06-28",
    )
    assert talks.parties == ["IND", "PAK"]


def test_events_a_mechanism_described_is_not_an_event() -> None:
    assert (
        events_of("Diễn đàn Châu Á Boao là một tổ chức không chính thức.", published="2004-04-20")
        == []
    )


def test_events_visitor_named_just_before_the_verb_in_a_list_of_visits() -> None:
    found = events_of(
        "Hai bên đánh giá cao các chuyến thăm lẫn nhau như Chủ tịch nước Trương Tấn Sang thăm "
        "cấp Nhà nước tới Campuchia (12/2014), Thủ tướng Nguyễn Tấn Dũng thăm làm việc tại "
        "Campuchia (01/2014).",
        None,
    )
    visits = [(e.date, [p.name for p in e.participants]) for e in found if e.kind == "visit"]
    assert ("2014-12", ["Trương Tấn Sang"]) in visits


def test_events_talks_of_the_two_leaders_after_the_welcome() -> None:
    visit, talks = events_of(
        "Sáng 16/1, tại Phủ Chủ tịch, Thủ tướng Nguyễn Tấn Dũng chủ trì lễ đón chính thức Thủ "
        "tướng Nhật Bản Shinzo Abe thăm chính thức Việt Nam. Ngay sau lễ đón, hai Thủ tướng đã "
        "hội đàm.",
        published="2013-01-17",
    )
    assert (visit.kind, talks.kind, talks.location) == ("visit", "meeting", "Hanoi")
    assert sorted(p.name for p in talks.participants) == ["Nguyễn Tấn Dũng", "Shinzo Abe"]


def test_events_chaired_by_passive_names_the_chair() -> None:
    # "Hội nghị … do <official> chủ trì": the passive names the chair of the meeting
    events = events_of(
        "Ngày 5/4, tại Đà Nẵng đã khai mạc Hội nghị Quan chức cao cấp ASEAN. Hội nghị do "
        "Thứ trưởng Ngoại giao Nguyễn Văn An chủ trì.",
        published="2022-04",
    )
    [event] = [e for e in events if e.series == "ASEAN SOM"]
    assert {p.name: p.role for p in event.participants} == {"Nguyễn Văn An": "chair"}


def test_events_joint_preparatory_meeting_is_a_series() -> None:
    events = events_of(
        "Sáng 2/3, Hội nghị trù bị chung ASEAN đã diễn ra tại Hà Nội.", published="2022-03"
    )
    assert [(e.series, e.location) for e in events] == [
        ("ASEAN Joint Preparatory Meeting", "Hanoi")
    ]


def test_events_talks_pointing_back_to_a_stay_of_several_days_take_its_month() -> None:
    found = events_of(
        "Thủ tướng Phạm Minh Chính sẽ dự Hội nghị Cấp cao ASEAN lần thứ 44 từ ngày 8-10/10 tại "
        "Vientiane. Dịp này, Thủ tướng cũng sẽ hội kiến Thủ tướng Lào Sonexay Siphandone.",
        "2024-10-05",
    )
    assert [e.date for e in found] == ["2024-10-08", "2024-10"]
