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
    assert summit.outcomes == ["Joint Statement: thiết lập quan hệ Đối tác Chiến lược toàn diện"]


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
    [event] = events_of(
        "Chiều 26/3 tại Phủ Chủ tịch, Chủ tịch nước Trương Tấn Sang tiếp Đại sứ các nước Thái Lan, "
        "Indonesia và Malaysia trình quốc thư. Đại sứ Thái Lan Manopchai Vongphakdi gửi lời chào. "
        "Đại sứ Indonesia Ibnu Hadi cho biết nhiệm vụ chính. Đại sứ Malaysia Mohd Zamruni Bin "
        "Khalid cũng cam kết.",
        published="2015-03",
    )
    assert event.parties == ["IDN", "MYS", "THA", "VNM"]
    assert event.location == "Hanoi"
    assert {p.name: p.role for p in event.participants} == {
        "Trương Tấn Sang": "chair",
        "Manopchai Vongphakdi": "participant",
        "Ibnu Hadi": "participant",
        "Mohd Zamruni Bin Khalid": "participant",
    }


def test_events_delegation_led_by_is_received_but_a_host_of_a_dinner_is_not() -> None:
    [reception] = events_of(
        "Phó Chủ tịch nước Võ Thị Ánh Xuân đã tiếp Đoàn đại biểu Quốc hội Nhật "
        "Bản do ông Nukaga Fukushiro, Chủ tịch Hạ viện Nhật Bản dẫn đầu."
    )
    assert {p.name for p in reception.participants} == {"Võ Thị Ánh Xuân", "Nukaga Fukushiro"}
    [talks] = events_of(
        "Tổng thống Singapore Halimah Yacob sẽ hội đàm với Tổng thống Hàn Quốc Moon "
        "Jae-in và dự bữa tiệc tối do Tổng thống đắc cử Yoon Suk-yeol tổ chức."
    )
    assert {p.name for p in talks.participants} == {"Halimah Yacob", "Moon Jae-in"}


def test_events_working_session_and_portfolio_titles() -> None:
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
    talks, visit, welcome = events
    assert (talks.date, talks.location) == ("2024-11-12", "Santiago")
    assert talks.outcomes == ["Joint Statement: về quan hệ Đối tác toàn diện"]
    assert (visit.kind, visit.date) == ("visit", "2024-11-10")
    assert welcome.date == "2024-11-12"
    assert {p.name: p.role for p in welcome.participants}["Gabriel Boric Font"] == "chair"


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


def test_events_visitor_named_just_before_the_verb_in_a_list_of_visits() -> None:
    found = events_of(
        "Hai bên đánh giá cao các chuyến thăm lẫn nhau như Chủ tịch nước Trương Tấn Sang thăm "
        "cấp Nhà nước tới Campuchia (12/2014), Thủ tướng Nguyễn Tấn Dũng thăm làm việc tại "
        "Campuchia (01/2014).",
        None,
    )
    visits = [(e.date, [p.name for p in e.participants]) for e in found if e.kind == "visit"]
    assert ("2014-12", ["Trương Tấn Sang"]) in visits
