"""Tests of diplonews.extract.events.placing: what the text around an event adds to its
date, status, format and location."""

from __future__ import annotations

import pytest

from diplonews.extract import extract
from diplonews.extract.record import Event


def events(text: str, published: str | None = "2024-09-12") -> list[Event]:
    return extract(text, "t", published=published).events


def test_placing_cung_ngay_with_a_part_of_the_day_carries_the_date() -> None:
    found = events(
        "Chiều 11/9, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Kishida Fumio. "
        "Tối cùng ngày, Chủ tịch nước Võ Văn Thưởng hội kiến Thủ tướng Nhật Bản Kishida Fumio."
    )
    assert [e.date for e in found] == ["2024-09-11", "2024-09-11"]


def test_placing_truoc_do_carries_the_date() -> None:
    found = events(
        "Chiều 11/9, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Kishida Fumio. "
        "Trước đó, Chủ tịch nước Võ Văn Thưởng hội kiến Thủ tướng Nhật Bản Kishida Fumio."
    )
    assert [e.date for e in found] == ["2024-09-11", "2024-09-11"]


def test_placing_hom_sau_is_the_next_day() -> None:
    found = events(
        "Chiều 10/9, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Kishida Fumio. "
        "Sáng hôm sau, Chủ tịch Quốc hội Vương Đình Huệ hội kiến Thủ tướng Nhật Bản Kishida Fumio."
    )
    assert [e.date for e in found] == ["2024-09-10", "2024-09-11"]


def test_placing_no_carry_without_a_day_before() -> None:
    found = events(
        "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Kishida Fumio. "
        "Cùng ngày, Chủ tịch nước Võ Văn Thưởng hội kiến Thủ tướng Nhật Bản Kishida Fumio.",
        None,
    )
    assert [e.date for e in found] == [None, None]


def test_placing_dated_after_publication_is_planned() -> None:
    (visit,) = events(
        "Tổng thống Hàn Quốc Yoon Suk Yeol đang có chuyến thăm chính thức Việt Nam từ ngày 20/9."
    )
    assert (visit.date, visit.status) == ("2024-09-20", "planned")


def test_placing_reported_as_done_stays_held_after_publication() -> None:
    (meeting,) = events(
        "Tổng thống Hàn Quốc Yoon Suk Yeol ngày 13/9 đã hội đàm với Thủ tướng Nhật Bản "
        "Kishida Fumio tại Seoul."
    )
    assert (meeting.date, meeting.status) == ("2024-09-13", "held")


def test_placing_setting_out_for_a_meeting_is_planned() -> None:
    found = events(
        "Sáng 12/9, Thủ tướng Phạm Minh Chính lên đường tới Lào tham dự Kỳ họp lần thứ 48 "
        "Ủy ban liên Chính phủ Việt Nam - Lào."
    )
    meeting = next(e for e in found if e.kind == "meeting")
    assert meeting.status == "planned"


def test_placing_talks_between_two_states_are_in_person() -> None:
    (meeting,) = events(
        "Hai bên đã rà soát kết quả của Kỳ họp lần thứ 13 Ủy ban hỗn hợp Việt Nam - Campuchia."
    )
    assert meeting.format == "in_person"


def test_placing_a_multilateral_meeting_keeps_an_unknown_format() -> None:
    (meeting,) = events("Ngày 10/9, Hội nghị Bộ trưởng Ngoại giao ASEAN-Hàn Quốc đã diễn ra.")
    assert meeting.format is None


def test_placing_home_government_seat_is_the_capital() -> None:
    (meeting,) = events(
        "Sáng 12/9, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản Ito Naoki."
    )
    assert meeting.location == "Hanoi"


def test_placing_a_foreign_government_seat_is_not_the_home_capital() -> None:
    found = events(
        "Sáng 12/9, tại Trụ sở Chính phủ Lào, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng "
        "Lào Sonexay Siphandone."
    )
    assert all(e.location != "Hanoi" for e in found)


def test_placing_a_meeting_inside_a_visit_takes_its_city() -> None:
    found = events(
        "Tối 11/9, Tổng thống Hàn Quốc Yoon Suk Yeol đến Hà Nội, bắt đầu chuyến thăm cấp Nhà "
        "nước tới Việt Nam. Trong chuyến thăm, Tổng thống Yoon Suk Yeol hội kiến Chủ tịch "
        "Quốc hội Vương Đình Huệ."
    )
    assert [(e.kind, e.location) for e in found] == [("visit", "Hanoi"), ("meeting", "Hanoi")]


def test_placing_an_undated_event_of_the_story_is_in_the_month_published() -> None:
    found = events(
        "Chủ tịch nước Lương Cường hội đàm với Tổng thống Angola João Lourenço. "
        "Sau hội đàm, hai bên ký các văn kiện. Chủ tịch nước cũng hội kiến Chủ tịch Quốc hội "
        "Angola Carolina Cerqueira.",
        "2025-08-08",
    )
    assert [e.date for e in found] == ["2025-08", "2025-08"]


def test_placing_a_recalled_occasion_gets_no_month() -> None:
    found = events(
        "Ngày 7/8, Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Nhật Bản Kishida Fumio. "
        "Hai lãnh đạo từng gặp nhau tại Hà Nội khi Thủ tướng Nhật Bản Kishida Fumio và Chủ "
        "tịch nước Tô Lâm hội đàm.",
        "2025-08-08",
    )
    assert [e.date for e in found] == ["2025-08-07", None]


def test_placing_a_meeting_on_the_sidelines_takes_its_date_and_place() -> None:
    found = events(
        "Ngày 10/9, Bộ Ngoại giao Hàn Quốc cho biết Tổng thống Yoon Suk Yeol sẽ hội đàm với "
        "Thủ tướng Nhật Bản Kishida Fumio bên lề Hội nghị thượng đỉnh NATO tại Washington vào "
        "tháng 10 tới."
    )
    talks = next(e for e in found if "Yoon Suk Yeol" in [p.name for p in e.participants])
    assert (talks.date, talks.location, talks.status) == ("2024-10", "Washington", "planned")


@pytest.mark.parametrize(
    "text",
    [
        (
            "Thủ tướng Phạm Minh Chính và Thủ tướng Nhật Bản Kishida Fumio đã gặp nhau tại Hội "
            "nghị G7 mở rộng ở Hiroshima hồi tháng 5."
        ),
        (
            "Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Nhật Bản Kishida Fumio trong dịp "
            "dự Hội nghị G7 mở rộng ở Hiroshima tháng 5/2024."
        ),
        (
            "Thủ tướng Phạm Minh Chính đã gặp Thủ tướng Nhật Bản Kishida Fumio tại Hội nghị G7 "
            "mở rộng hồi tháng 5."
        ),
    ],
)
def test_placing_a_meeting_held_at_a_gathering_takes_its_date(text: str) -> None:
    talks = next(e for e in events(text) if "JPN" in e.parties and "USA" not in e.parties)
    assert talks.date == "2024-05"


def test_placing_a_gathering_after_a_comma_does_not_date_the_meeting() -> None:
    found = events(
        "Thủ tướng Phạm Minh Chính đã gặp Thủ tướng Nhật Bản Kishida Fumio, sau khi hai ông "
        "dự Hội nghị G7 mở rộng hồi tháng 5."
    )
    talks = next(e for e in found if "JPN" in e.parties and "USA" not in e.parties)
    assert talks.date != "2024-05"


def test_placing_a_year_in_the_name_gives_way_to_the_days() -> None:
    found = events(
        "Thủ tướng Phạm Minh Chính lên đường tham dự Hội nghị các Nhà lãnh đạo Nhóm các nền "
        "kinh tế mới nổi (BRICS) mở rộng năm 2024 tại Kazan, Nga từ ngày 23 đến ngày 24/10.",
        "2024-10-20",
    )
    assert found[0].date == "2024-10-23"


def test_placing_a_planned_meeting_of_the_visit_month_takes_its_city() -> None:
    found = events(
        "Tổng thống Singapore Halimah Yacob sẽ thăm Seoul từ ngày 20/9. Trong tháng 9, Tổng "
        "thống Halimah Yacob sẽ hội đàm với Tổng thống Hàn Quốc Yoon Suk Yeol."
    )
    assert [(e.kind, e.location) for e in found] == [("visit", "Seoul"), ("meeting", "Seoul")]


def test_placing_a_visit_told_by_two_of_its_days_is_one_dated_by_the_first() -> None:
    found = events(
        "Sáng 23/6, tại Phủ Chủ tịch, Chủ tịch nước Võ Văn Thưởng chủ trì lễ đón Tổng thống "
        "Hàn Quốc Yoon Suk Yeol thăm cấp Nhà nước tới Việt Nam. Chuyến thăm cấp Nhà nước tới "
        "Việt Nam của Tổng thống Yoon Suk Yeol từ ngày 22-24/6 là dấu mốc quan trọng.",
        "2023-06-24",
    )
    assert [(e.date, e.location) for e in found if e.kind == "visit"] == [("2023-06-22", "Hanoi")]


def test_placing_a_day_of_another_year_does_not_date_the_event() -> None:
    found = events(
        "Tổng thống Mỹ George Bush sẽ dự Hội nghị Thượng đỉnh APEC tại Hà Nội vào cuối năm "
        "nay, khiến sự kiện 30-4-1975 trở thành quá khứ.",
        "2006-04-28",
    )
    assert [e.date for e in found if e.kind == "meeting"] == ["2006"]


def test_placing_a_plan_word_of_a_subordinate_clause_leaves_the_event_held() -> None:
    (visit,) = events(
        "Chủ tịch nước Lương Cường bày tỏ vui mừng được đến thăm Angola trong bối cảnh Angola "
        "chuẩn bị kỷ niệm 50 năm Ngày Độc lập.",
        "2025-08-08",
    )
    assert (visit.status, visit.date) == ("held", "2025-08")


def test_placing_the_day_a_talk_is_reported_dates_it() -> None:
    (meeting,) = events(
        "(Báo Quốc tế) - Ngày 12/9, Bộ Ngoại giao cho biết, Thứ trưởng Nguyễn Minh Vũ đã hội "
        "đàm với Thứ trưởng Ngoại giao Hàn Quốc Chung Eui-hae.",
        "2024-09-13",
    )
    assert meeting.date == "2024-09-12"


def test_placing_the_day_a_plan_is_announced_does_not_date_it() -> None:
    (visit,) = events(
        "Ngày 12/9, Bộ Ngoại giao Hàn Quốc thông báo Tổng thống Yoon Suk Yeol sẽ thăm Việt Nam.",
        "2024-09-13",
    )
    assert (visit.status, visit.date) == ("planned", None)


def test_placing_a_hybrid_meeting_is_in_person() -> None:
    (meeting,) = events(
        "Ngày 10/9, Hội nghị Bộ trưởng Ngoại giao ASEAN-Hàn Quốc diễn ra theo hình thức trực "
        "tiếp kết hợp trực tuyến tại Jakarta."
    )
    assert meeting.format == "in_person"


def test_placing_setting_out_days_before_publication_leaves_the_meeting_held() -> None:
    (meeting,) = events(
        "Ngày 10/11, Chủ tịch nước Trương Tấn Sang lên đường dự Hội nghị cấp cao APEC tại "
        "Bali, Indonesia.",
        "2013-11-14",
    )
    assert meeting.status == "held"


def test_placing_cung_ngay_skips_a_day_of_history() -> None:
    found = events(
        "Chiều 11/9, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Kishida Fumio. "
        "Hai nước thiết lập quan hệ ngoại giao ngày 21/9/1973. Cùng ngày, Chủ tịch nước Võ Văn "
        "Thưởng hội kiến Thủ tướng Nhật Bản Kishida Fumio."
    )
    assert [e.date for e in found] == ["2024-09-11", "2024-09-11"]


def test_placing_an_arrival_airport_gives_the_visit_its_city() -> None:
    found = events(
        "Tối 11/9, chuyên cơ chở Thủ tướng Phạm Minh Chính hạ cánh xuống Sân bay quốc tế "
        "Wattay, bắt đầu chuyến thăm chính thức Lào."
    )
    assert [(e.kind, e.location) for e in found] == [("visit", "Vientiane")]


def test_placing_a_report_of_talks_done_and_a_plan_to_come_keeps_its_day() -> None:
    (meeting,) = events(
        "Ngày 12/9, Bộ Ngoại giao cho biết Thứ trưởng Nguyễn Minh Vũ đã hội đàm với Thứ trưởng "
        "Ngoại giao Hàn Quốc Chung Eui-hae và hai bên sẽ tiếp tục phối hợp.",
        "2024-09-13",
    )
    assert (meeting.status, meeting.date) == ("held", "2024-09-12")


def test_placing_a_meeting_of_the_same_day_with_the_same_guest_takes_its_city() -> None:
    found = events(
        "Chiều 12/9, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay "
        "Siphandone. Tối cùng ngày, Thủ tướng Sonexay Siphandone hội kiến Chủ tịch Quốc hội "
        "Trần Thanh Mẫn. Cùng ngày, Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Ngoại "
        "trưởng Nhật Bản Kamikawa Yoko."
    )
    assert [(e.kind, e.location, e.format) for e in found] == [
        ("meeting", "Hanoi", "in_person"),
        ("meeting", "Hanoi", "in_person"),
        ("call", None, None),
    ]


def test_placing_a_call_has_no_place_or_format() -> None:
    found = events(
        "Chiều 12/9, tại Trụ sở Bộ Ngoại giao ở Hà Nội, Bộ trưởng Bùi Thanh Sơn điện đàm với "
        "Ngoại trưởng Nhật Bản Kamikawa Yoko."
    )
    assert [(e.kind, e.location, e.format) for e in found] == [("call", None, None)]


def test_placing_talks_held_by_phone_are_a_call() -> None:
    found = events(
        "Chiều 12/9, Thủ tướng Phạm Minh Chính hội đàm qua điện thoại với Thủ tướng Nhật Bản "
        "Kishida Fumio."
    )
    assert [(e.kind, e.location, e.format) for e in found] == [("call", None, None)]


def test_placing_a_meeting_told_in_a_working_trip_takes_its_city() -> None:
    found = events(
        "Sáng 11/9, Thủ tướng Phạm Minh Chính đã tới Tokyo, bắt đầu chuyến công du Nhật Bản. "
        "Trong chuyến công du, Thủ tướng Phạm Minh Chính hội kiến Nhật hoàng Naruhito."
    )
    assert [(e.kind, e.location) for e in found] == [("visit", "Tokyo"), ("meeting", "Tokyo")]


def test_placing_a_meeting_the_next_sentence_holds_online_is_online() -> None:
    found = events(
        "Ngày 12/9, Bộ trưởng Ngoại giao Bùi Thanh Sơn dự Hội nghị Bộ trưởng Ngoại giao "
        "ASEAN-Nhật Bản. Hội nghị diễn ra theo hình thức trực tuyến."
    )
    assert [e.format for e in found] == ["online"]


def test_placing_a_meeting_named_online_with_a_capital_is_online() -> None:
    found = events(
        "Ngày 12/9, Bộ trưởng Ngoại giao Bùi Thanh Sơn dự Hội nghị Trực tuyến Bộ trưởng Ngoại "
        "giao ASEAN-Nhật Bản."
    )
    assert [e.format for e in found] == ["online"]


def test_placing_a_meeting_to_come_in_a_visit_begun_takes_its_city() -> None:
    found = events(
        "Sáng 12/9, Thủ tướng Phạm Minh Chính đã tới Tokyo, bắt đầu chuyến thăm chính thức Nhật "
        "Bản. Trong chuyến thăm, Thủ tướng Phạm Minh Chính sẽ hội đàm với Thủ tướng Kishida Fumio."
    )
    assert [(e.kind, e.status, e.location) for e in found] == [
        ("visit", "held", "Tokyo"),
        ("meeting", "planned", "Tokyo"),
    ]


def test_placing_more_openings_carry_the_day_and_city() -> None:
    for opening in ("Kết thúc hội đàm", "Cùng buổi chiều", "Trong cùng ngày"):
        found = events(
            "Chiều 12/9/2024, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào "
            f"Sonexay Siphandone. {opening}, Chủ tịch nước Tô Lâm tiếp Thủ tướng Sonexay "
            "Siphandone.",
            None,
        )
        assert [(e.date, e.location) for e in found][-1] == ("2024-09-12", "Hanoi"), opening


def test_placing_the_day_of_a_report_named_as_a_noun_does_not_date_a_plan() -> None:
    found = events(
        "Theo thông báo ngày 2/9 của Bộ Ngoại giao, Thủ tướng Nhật Bản Kishida Fumio sẽ thăm "
        "chính thức Việt Nam.",
        "2024-09-03",
    )
    assert [(e.status, e.date) for e in found] == [("planned", None)]


def test_placing_the_city_a_traveller_comes_home_to_is_not_the_place() -> None:
    found = events(
        "Trưa 11/9, Thủ tướng Phạm Minh Chính đã về tới Hà Nội, kết thúc chuyến thăm chính "
        "thức Nhật Bản. Tại Tokyo, Thủ tướng đã hội đàm với Thủ tướng Nhật Bản Kishida Fumio."
    )
    assert found and all(e.location != "Hanoi" for e in found)
    talks = [e for e in found if e.kind == "meeting"]
    assert talks and talks[0].location == "Tokyo"


def test_placing_a_carried_day_is_the_day_told_not_the_first_of_a_span() -> None:
    found = events(
        "Sáng 12/9, Chủ tịch nước Tô Lâm chủ trì lễ đón Tổng thống Indonesia Joko Widodo "
        "thăm cấp nhà nước Việt Nam từ ngày 11-13/9. Sau lễ đón, hai nhà lãnh đạo hội đàm."
    )
    meeting = next(e for e in found if e.kind == "meeting")
    assert meeting.date == "2024-09-12"


def test_placing_a_span_told_in_a_sentence_of_its_own_is_carried_by_its_first_day() -> None:
    found = events(
        "Ngày 5/9, Bộ trưởng Bùi Thanh Sơn tiếp Đại sứ Lào Khamphao Ernthavanh. "
        "Từ ngày 10 đến 12/9, Bộ trưởng Bùi Thanh Sơn thăm chính thức Campuchia. "
        "Cùng ngày, Bộ trưởng Bùi Thanh Sơn hội đàm với Phó Thủ tướng Campuchia Sok Chenda Sophea."
    )
    assert [e.date for e in found if e.kind == "meeting"][-1] == "2024-09-10"


def test_placing_moving_the_day_of_a_visit_span_leaves_the_carried_day() -> None:
    # metamorphic: where the visit's span is written does not change the day carried over
    lead = "Sáng 12/9, Chủ tịch nước Tô Lâm chủ trì lễ đón Tổng thống Indonesia Joko Widodo"
    tail = " Sau lễ đón, hai nhà lãnh đạo hội đàm."
    for text in (
        lead + " thăm cấp nhà nước Việt Nam từ ngày 11-13/9." + tail,
        lead + " thăm cấp nhà nước Việt Nam." + tail,
        "Tổng thống Indonesia Joko Widodo thăm Việt Nam từ ngày 11-13/9. " + lead + "." + tail,
    ):
        meeting = next(e for e in events(text) if e.kind == "meeting")
        assert meeting.date == "2024-09-12", text


def test_placing_a_day_counted_from_the_day_before() -> None:
    first = "Ngày 10/9, Bộ trưởng Bùi Thanh Sơn hội đàm với Ngoại trưởng Lào Saleumxay Kommasith. "
    second = "Bộ trưởng Bùi Thanh Sơn tiếp Đại sứ Campuchia Chea Kimtha."
    for opening, day in (
        ("Một ngày trước đó, ", "2024-09-09"),
        ("Ngày hôm trước, ", "2024-09-09"),
        ("Hai ngày sau, ", "2024-09-12"),
        ("Sáng hôm sau, ", "2024-09-11"),
    ):
        found = events(first + opening + second)
        assert found[-1].date == day, opening


def test_placing_days_after_a_clause_or_before_now_are_not_counted_from_the_day_before() -> None:
    found = events(
        "Ngày 10/9, Bộ trưởng Bùi Thanh Sơn hội đàm với Ngoại trưởng Lào Saleumxay Kommasith. "
        "Hai ngày sau khi nhậm chức, Bộ trưởng Bùi Thanh Sơn tiếp Đại sứ Campuchia Chea Kimtha."
    )
    assert found[-1].date != "2024-09-12"


def test_placing_a_week_dates_the_event_not_the_day_it_was_reported() -> None:
    found = events(
        "Ngày 12/9, người phát ngôn Bộ Ngoại giao cho biết Thủ tướng Phạm Minh Chính đã điện "
        "đàm với Thủ tướng Nhật Bản Kishida Fumio tuần trước."
    )
    assert [e.date for e in found] == ["2024-09"]


def test_placing_a_plan_for_next_week_is_dated_to_its_month() -> None:
    found = events("Bộ trưởng Bùi Thanh Sơn sẽ thăm chính thức Nhật Bản vào tuần tới.")
    assert [(e.status, e.date) for e in found] == [("planned", "2024-09")]


def test_placing_coordinated_meetings_share_their_predicates_date() -> None:
    # "A và B diễn ra từ nay …": the day told before dates both, not only the one beside it
    events = extract(
        "Chiều 5/4, tại Hà Nội đã khai mạc Hội nghị Bộ trưởng Ngoại giao ASEAN. Hội nghị trù "
        "bị chung ASEAN và các Hội nghị Quan chức cao cấp ASEAN diễn ra từ nay đến ngày 7/4 tại "
        "Hà Nội.",
        "t",
        published="2022-04",
    ).events
    assert [(e.series, e.date) for e in events][1:] == [
        ("ASEAN Joint Preparatory Meeting", "2022-04-05"),
        ("ASEAN SOM", "2022-04-05"),
    ]


def test_placing_a_meeting_of_the_occasion_takes_its_city() -> None:
    found = events(
        "Sáng 9/9, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57 khai mạc tại Vientiane. "
        "Chiều 9/9, cũng sẽ diễn ra các cuộc họp giữa các quan chức cấp cao ASEAN và Nhật Bản."
    )
    assert [e.location for e in found] == ["Vientiane", "Vientiane"]


def test_placing_an_occasion_of_another_day_gives_no_city() -> None:
    found = events(
        "Ngày 9/9, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57 khai mạc tại Vientiane. "
        "Ngày 20/10, cũng sẽ diễn ra các cuộc họp giữa các quan chức cấp cao ASEAN và Nhật Bản."
    )
    assert [e.location for e in found] == ["Vientiane", None]


def test_placing_the_day_an_occurrence_is_named_by_is_not_carried() -> None:
    found = events(
        "Lệnh cấm vận được dỡ bỏ dần sau sự kiện 11/9/2001. "
        "Trước đó, Ngoại trưởng Mỹ Colin Powell đã có mặt tại Ấn Độ.",
        None,
    )
    assert [e.date for e in found] == [None]


def test_placing_a_meeting_worked_towards_is_planned() -> None:
    found = events(
        "Phát biểu tại Huế, Chủ tịch Quốc hội Nguyễn Văn An nhấn mạnh Hội nghị Đối tác Nghị "
        "viện Á-Âu 3 là sự kiện mở đầu tiến tới Hội nghị Cấp cao Á-Âu 5 tại Hà Nội.",
        None,
    )
    statuses = {e.name: e.status for e in found}
    assert statuses["Hội nghị Cấp cao Á-Âu 5"] == "planned"
    assert statuses["Hội nghị Đối tác Nghị viện Á-Âu 3"] == "held"


def test_placing_a_year_after_the_story_s_is_still_to_come() -> None:
    # no publication date: the story is of 2005 (its full date), the summit of 2006 ahead
    found = extract(
        "Ngày 18/7/2005, Chủ tịch nước Trần Đức Lương đã hội đàm với Chủ tịch Trung Quốc Hồ "
        "Cẩm Đào tại Bắc Kinh. Chủ tịch nước mời Chủ tịch Hồ Cẩm Đào dự Hội nghị cấp cao APEC "
        "lần thứ 14 tại Hà Nội vào cuối năm 2006.",
        "t",
    ).events
    summit = next(e for e in found if e.date == "2006")
    assert summit.status == "planned"


def test_placing_a_meeting_on_the_sidelines_of_the_gathering_told_before_is_held_there() -> None:
    found = events(
        "Ngày 10/9, tại Jakarta, Bộ trưởng Ngoại giao Bùi Thanh Sơn dự Hội nghị Bộ trưởng "
        "Ngoại giao ASEAN lần thứ 57. Phát biểu tại hội nghị, ông đề nghị ASEAN giữ vững đoàn "
        "kết. Ngoại trưởng Mỹ Antony Blinken cũng có cuộc gặp với Ngoại trưởng Nga Sergei "
        "Lavrov. Bên lề hội nghị, Bộ trưởng Bùi Thanh Sơn đã có cuộc gặp với Ngoại trưởng "
        "Antony Blinken."
    )
    talks = next(
        e
        for e in found
        if "Bùi Thanh Sơn" in [p.name for p in e.participants] and "USA" in e.parties
    )
    assert (talks.date, talks.location, talks.format) == ("2024-09-10", "Jakarta", "in_person")


def test_placing_sidelines_skip_a_meeting_that_is_no_gathering() -> None:
    found = events(
        "Sáng 10/9, tại Jakarta, Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEAN lần thứ "
        "44. Trước đó, Tổng thống Mỹ Joe Biden đã có cuộc gặp với Tổng thống Philippines "
        "Ferdinand Marcos. Bên lề Hội nghị, Thủ tướng Phạm Minh Chính đã gặp Thủ tướng Ấn Độ "
        "Narendra Modi."
    )
    talks = next(e for e in found if "Narendra Modi" in [p.name for p in e.participants])
    assert talks.location == "Jakarta"


def test_placing_sidelines_of_a_gathering_told_before_only_when_it_is_placed() -> None:
    found = events(
        "Ngày 10/9, Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEAN lần thứ 44. Bên lề "
        "hội nghị, Thủ tướng Phạm Minh Chính đã gặp Thủ tướng Ấn Độ Narendra Modi."
    )
    talks = next(e for e in found if "Narendra Modi" in [p.name for p in e.participants])
    assert talks.location is None


def test_placing_a_resort_named_after_its_noun_places_the_event() -> None:
    found = events(
        "Hội nghị thượng đỉnh G7 diễn ra ngày 10/9 tại khu nghỉ mát Gleneagles với sự tham "
        "dự của Tổng thống Mỹ Joe Biden."
    )
    assert [(e.location, e.format) for e in found] == [("Gleneagles", "in_person")]


def test_placing_a_crime_done_online_does_not_hold_the_talks_online() -> None:
    found = events(
        "Chiều 10/9, tại Viêng Chăn, Bộ trưởng Bộ Công an Lương Tam Quang đã hội đàm với Bộ "
        "trưởng Bộ An ninh Lào Vilay Lakhamphong. Tại hội đàm, hai bên nhất trí phối hợp chặt "
        "chẽ trong đấu tranh với tội phạm ma túy và lừa đảo trực tuyến xuyên quốc gia."
    )
    assert [(e.location, e.format) for e in found] == [("Vientiane", "in_person")]


def test_placing_talks_held_online_about_a_crime_done_online_are_online() -> None:
    found = events(
        "Chiều 10/9, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm trực tuyến với Bộ trưởng "
        "Ngoại giao Lào Thongsavanh Phomvihane về hợp tác chống lừa đảo trực tuyến."
    )
    assert [e.format for e in found] == ["online"]


def test_placing_sidelines_of_a_held_meeting_are_not_those_of_a_gathering_still_to_come() -> None:
    found = events(
        "Ngày 10/9, tại Jakarta, Bộ trưởng Ngoại giao Bùi Thanh Sơn dự Hội nghị Bộ trưởng "
        "Ngoại giao ASEAN lần thứ 57. Ngày 11/9, các Bộ trưởng sẽ dự Hội nghị Bộ trưởng Ngoại "
        "giao Cấp cao Đông Á. Bên lề hội nghị, Bộ trưởng Bùi Thanh Sơn đã có cuộc gặp với Ngoại "
        "trưởng Mỹ Antony Blinken.",
        published="2024-09-10",
    )
    talks = next(e for e in found if "USA" in e.parties)
    assert (talks.status, talks.date, talks.location) == ("held", "2024-09-10", "Jakarta")
