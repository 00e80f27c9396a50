"""Tests of diplonews.extract.events.dating: dates and status an event takes from the
story around it (setting out for a meeting, intervals, frameworks, listed plans)."""

from __future__ import annotations

import pytest

from diplonews.extract import extract
from diplonews.extract.events.dating import NEAR_FUTURE, results_of, shift
from diplonews.extract.record import Event


def events(text: str, published: str | None = "2024-09-12") -> list[Event]:
    return extract(text, "t", published=published).events


def test_dating_shift_by_years_and_months() -> None:
    assert shift("2006", "năm", 3) == "2009"
    assert shift("2014-11", "tháng", -4) == "2014-07"
    assert shift("2014-02-10", "tháng", -4) == "2013-10"
    assert shift("2014", "tháng", 2) is None  # a year moved by months: no month known


def test_dating_a_meeting_a_trip_sets_out_for_is_planned_in_its_month() -> None:
    found = events(
        "Sáng 12/9, Thủ tướng Phạm Minh Chính rời Hà Nội lên đường tham dự Hội nghị Cấp cao "
        "ASEAN lần thứ 45 tại Vientiane, Lào.",
        "2024-09-12",
    )
    meeting = next(e for e in found if e.kind == "meeting")
    assert (meeting.status, meeting.date) == ("planned", "2024-09")


def test_dating_a_meeting_set_out_for_the_day_before_publication_is_planned() -> None:
    found = events(
        "Tối 11/9, Thủ tướng Phạm Minh Chính lên đường sang New York dự Hội nghị thượng đỉnh "
        "Tương lai của Liên Hợp Quốc.",
        "2024-09-12",
    )
    assert [(e.status, e.date) for e in found] == [("planned", "2024-09")]


def test_dating_a_meeting_set_out_for_keeps_its_own_days() -> None:
    found = events(
        "Sáng 12/9, Thủ tướng Phạm Minh Chính lên đường tham dự Hội nghị Cấp cao ASEAN lần thứ "
        "45 tại Vientiane, Lào từ ngày 8 đến ngày 11/10.",
        "2024-09-12",
    )
    meeting = next(e for e in found if e.kind == "meeting")
    assert (meeting.status, meeting.date) == ("planned", "2024-10-08")


def test_dating_a_trip_that_ends_tells_its_meeting_as_held() -> None:
    # "rời X, kết thúc chuyến …": the trip is over, the meeting it went to is done
    found = events(
        "Chiều 11/10, Thủ tướng Phạm Minh Chính rời Thủ đô Viên Chăn, kết thúc tốt đẹp chuyến "
        "tham dự Hội nghị Cấp cao ASEAN lần thứ 45 và các Hội nghị cấp cao liên quan.",
        "2024-10-12",
    )
    meeting = next(e for e in found if e.kind == "meeting")
    assert (meeting.status, meeting.date) == ("held", "2024-10-11")
    found = events(
        "Chiều 28/6, Thủ tướng Phạm Minh Chính rời Thiên Tân, kết thúc chuyến thăm chính thức "
        "Trung Quốc và dự Hội nghị thường niên các nhà tiên phong của Diễn đàn Kinh tế Thế giới.",
        "2023-06-29",
    )
    meeting = next(e for e in found if e.kind == "meeting")
    assert (meeting.status, meeting.date) == ("held", "2023-06-28")


def test_dating_a_trip_that_sets_out_after_another_ends_is_still_ahead() -> None:
    # the trip ended is another: the one set out on goes to the meeting
    found = events(
        "Sáng 12/9, sau khi kết thúc chuyến thăm Lào, Thủ tướng Phạm Minh Chính lên đường tham "
        "dự Hội nghị Cấp cao ASEAN lần thứ 45 tại Vientiane.",
        "2024-09-12",
    )
    meeting = next(e for e in found if e.kind == "meeting")
    assert meeting.status == "planned"


def test_dating_the_event_again_as_subject_of_taking_place_gives_its_days() -> None:
    # "Chuyến thăm sẽ diễn ra từ ngày 10-12/6": the visit just told, its days told now
    found = events(
        "Theo lời mời của Thủ tướng Phạm Minh Chính, Thủ tướng New Zealand Chris Hipkins sẽ "
        "thăm chính thức Việt Nam. Chuyến thăm sẽ diễn ra từ ngày 10-12/6.",
        "2023-06-05",
    )
    assert [(e.kind, e.status, e.date) for e in found] == [("visit", "planned", "2023-06-10")]
    found = events(
        "Thủ tướng Nhật Bản Kishida Fumio đã thăm Hàn Quốc. Chuyến thăm của ông diễn ra từ "
        "ngày 7-8/5.",
        "2023-05-10",
    )
    assert [(e.kind, e.date) for e in found] == [("visit", "2023-05-07")]
    found = events(
        "Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng New Zealand Chris Hipkins. Cuộc hội "
        "đàm diễn ra chiều 4/6 tại Trụ sở Chính phủ.",
        "2023-06-05",
    )
    assert [(e.kind, e.date) for e in found] == [("meeting", "2023-06-04")]


def test_dating_the_event_again_with_no_time_keeps_the_story_month() -> None:
    found = events(
        "Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng New Zealand Chris Hipkins. Cuộc hội "
        "đàm diễn ra trong bối cảnh quan hệ hai nước phát triển tốt đẹp.",
        "2023-06-05",
    )
    assert [(e.kind, e.date) for e in found] == [("meeting", "2023-06")]


def test_dating_a_trip_named_again_mid_sentence_takes_no_time_of_another_clause() -> None:
    # "chuyến đi này" inside a sentence on something else: not its subject, no date taken
    found = events(
        "Ông Kim bí mật tới Bắc Kinh hôm qua và đã gặp người đồng nhiệm Trung Quốc Hồ Cẩm Đào. "
        "Báo giới Hàn Quốc xôn xao về chuyến đi này, với hy vọng chấm dứt cuộc khủng hoảng hạt "
        "nhân, phát sinh từ tháng 10/2002.",
        None,
    )
    assert all(e.date is None for e in found)


def test_dating_visits_told_together_are_not_the_story_s_one() -> None:
    # "trong các lần đến thăm Việt Nam": several earlier trips, no date of the story's
    found = events(
        "Nhà hoạt động Len Aldis, Tổng thư ký Hội hữu nghị Anh - Việt, cho biết trong các lần "
        "đến thăm Việt Nam, ông đã gặp Chủ tịch Hội Nạn nhân chất độc da cam Nguyễn Văn Rinh.",
        "2005-08-10",
    )
    assert found and all(e.date is None for e in found)


def test_dating_a_time_after_a_second_predicate_dates_that_predicate() -> None:
    # "… gặp nhau tại hội nghị … và đã thỏa thuận tổ chức cuộc tập trận vào năm 2007":
    # the year is the exercise's, agreed at the meeting
    found = events(
        "Các bộ trưởng quốc phòng Trung Quốc và Nga gặp nhau tại Bắc Kinh để thảo luận về an "
        "ninh khu vực và đã thỏa thuận tổ chức cuộc tập trận chung vào năm 2007.",
        None,
    )
    assert found and all(e.date != "2007" for e in found)
    # … but a second meeting verb is the event told on: "… và đã hội đàm … ngày 5/9"
    found = events(
        "Thủ tướng Phạm Minh Chính đã tới Jakarta và đã hội đàm với Tổng thống Indonesia Joko "
        "Widodo ngày 5/9.",
    )
    assert "2024-09-05" in [e.date for e in found]


def test_dating_a_plan_word_heads_a_visit_that_shares_the_meeting_s_days() -> None:
    # "sẽ dự A … từ ngày 10-13/11 và thăm chính thức B", told on the 10th: both ahead
    found = events(
        "Theo thông báo của Bộ Ngoại giao, Thủ tướng Phạm Minh Chính sẽ dự Hội nghị Cấp cao "
        "ASEAN lần thứ 40, 41 và các Hội nghị cấp cao liên quan tại Phnom Penh từ ngày 10-13/11 "
        "và thăm chính thức Campuchia.",
        "2022-11-10",
    )
    assert {(e.kind, e.status) for e in found} == {("meeting", "planned"), ("visit", "planned")}


def test_dating_years_later_counts_from_the_year_before() -> None:
    found = events(
        "Năm 2006, Tổng thống Chile Michelle Bachelet thăm chính thức Việt Nam. "
        "Ba năm sau, Chủ tịch nước Nguyễn Minh Triết thăm chính thức Chile.",
        None,
    )
    assert [e.date for e in found if e.kind == "visit"] == ["2006", "2009"]


def test_dating_months_after_which_an_event_came() -> None:
    found = events(
        "Ngày 21/10, Bộ Ngoại giao cho biết Chủ tịch Trung Quốc Tập Cận Bình sẽ hội đàm với "
        "Tổng thống Hàn Quốc Park Geun Hye vào tháng 11 tới. Cuộc hội đàm dự kiến này diễn ra "
        "4 tháng sau khi ông Tập thăm Hàn Quốc.",
        "2014-10-22",
    )
    visit = next(e for e in found if e.kind == "visit")
    assert (visit.date, visit.status) == ("2014-07", "held")


def test_dating_events_of_one_after_clause_share_its_time() -> None:
    # both deeds of the "sau khi" clause are of one time, moved once from the talks
    found = events(
        "Ngày 20/10, Bộ Ngoại giao cho biết Thủ tướng Ấn Độ Narendra Modi sẽ hội đàm với Tổng "
        "thống Pháp Emmanuel Macron vào tháng 12 tới. Cuộc hội đàm dự kiến này diễn ra 3 tháng sau khi ông Modi thăm Paris "
        "và gặp gỡ với ông Macron.",
        "2023-10-21",
    )
    assert [e.date for e in found if e.status == "held"] == ["2023-09", "2023-09"]


def test_dating_an_event_in_the_framework_of_another_takes_its_month() -> None:
    found = events(
        "Hội nghị Cấp cao Pháp ngữ lần thứ 14 đã khai mạc ngày 13/10/2012 tại Kinshasa với sự "
        "tham dự của Phó Chủ tịch nước Nguyễn Thị Doan. Trong khuôn khổ chương trình, Phó Chủ "
        "tịch nước Nguyễn Thị Doan cũng hội kiến Thủ tướng Haiti Laurent Lamothe.",
        None,
    )
    assert [e.date for e in found] == ["2012-10-13", "2012-10"]


def test_dating_meetings_listed_after_a_plan_are_planned() -> None:
    found = events(
        "Trước hội nghị, các bộ trưởng sẽ họp trù bị, cụ thể: Hội nghị Bộ trưởng Kinh tế ASEAN "
        "họp ngày 7/5/2023 tại Jakarta; Hội nghị Bộ trưởng Ngoại giao ASEAN họp ngày 9/5/2023 "
        "tại Labuan Bajo.",
        None,
    )
    assert [(e.status, e.date) for e in found] == [
        ("planned", "2023-05-07"),
        ("planned", "2023-05-09"),
    ]


def test_dating_a_held_listing_stays_held() -> None:
    found = events(
        "Các bộ trưởng đã họp trù bị, cụ thể: Hội nghị Bộ trưởng Kinh tế ASEAN họp ngày "
        "7/5/2023 tại Jakarta.",
        None,
    )
    assert [e.status for e in found] == ["held"]


def test_dating_from_now_starts_on_the_story_day() -> None:
    found = events(
        "Chiều 1/3/2010, tại TP.HCM, các quan chức ASEAN đã họp. Hội nghị quan chức cao cấp "
        "ASEAN diễn ra từ nay đến ngày 3/3 tại TP.HCM.",
        None,
    )
    assert found[-1].date == "2010-03-01"


def test_dating_from_now_is_the_publication_day() -> None:
    found = events(
        "Hội nghị quan chức cao cấp ASEAN diễn ra từ nay đến ngày 14/9 tại Hà Nội.", "2024-09-12"
    )
    assert found[0].date == "2024-09-12"


def test_dating_words_that_put_an_event_ahead() -> None:
    # next week is recoverable to its month (16-22/9 of an article of 12/9), as SCHEMA asks
    found = events("Tuần tới, Thủ tướng Phạm Minh Chính thăm chính thức Lào.")
    assert [(e.status, e.date) for e in found] == [("planned", "2024-09")]
    for text in (
        "Trong thời gian tới, Bộ trưởng Ngoại giao Bùi Thanh Sơn thăm chính thức Lào.",
        "Hai Bộ trưởng nhất trí tổ chức Đối thoại Chiến lược Việt Nam - Lào lần thứ 3.",
    ):
        found = events(text)
        assert [(e.status, e.date) for e in found] == [("planned", None)], text


def test_dating_a_week_long_trip_is_not_next_week() -> None:
    found = events(
        "Hôm nay, Phó Thủ tướng Lào Saleumxay Kommasith bắt đầu chuyến công du kéo dài một tuần "
        "tới Cuba."
    )
    assert [e.status for e in found] == ["held"]


def test_dating_done_and_agreed_stays_held() -> None:
    found = events(
        "Chiều 11/9, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Lào Sonexay Siphandone, "
        "hai bên nhất trí tổ chức nhiều hoạt động trong thời gian tới."
    )
    assert [(e.status, e.date) for e in found] == [("held", "2024-09-11")]


def test_dating_a_meeting_next_week_is_planned() -> None:
    found = events(
        "Thủ tướng Nhật Bản Kishida Fumio sẵn sàng đối thoại với Tổng thống Hàn Quốc Yoon Suk "
        "Yeol về vấn đề này trong cuộc gặp tuần tới."
    )
    assert [e.status for e in found] == ["planned"]


def test_dating_an_undated_visit_takes_the_day_of_talks_held_in_it() -> None:
    found = events(
        "Chiều 12/9, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng "
        "Nhật Bản Kishida Fumio. Thủ tướng Kishida Fumio đang có chuyến thăm chính thức Việt "
        "Nam theo lời mời của Thủ tướng Phạm Minh Chính.",
        "2024-09-13",
    )
    visit = next(e for e in found if e.kind == "visit")
    assert visit.date == "2024-09-12"


def test_dating_a_visit_recalled_takes_no_day_of_the_story() -> None:
    found = events(
        "Chiều 12/9, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Kishida Fumio. "
        "Thủ tướng Kishida Fumio từng thăm chính thức Việt Nam.",
        "2024-09-13",
    )
    assert all(e.date != "2024-09-12" for e in found if e.kind == "visit")


def test_dating_a_plan_word_heads_the_predicates_listed_after_it() -> None:
    found = events(
        "Trong chuyến thăm, Thủ tướng Kishida Fumio sẽ hội đàm với Thủ tướng Phạm Minh Chính, "
        "hội kiến Tổng Bí thư Tô Lâm.",
        "2024-09-13",
    )
    assert [(e.status, e.date) for e in found] == [("planned", None), ("planned", None)]


def test_dating_a_predicate_told_as_done_after_a_plan_stays_held() -> None:
    found = events(
        "Thủ tướng Kishida Fumio sẽ hội đàm với Thủ tướng Phạm Minh Chính, sau khi đã hội kiến "
        "Tổng Bí thư Tô Lâm.",
        "2024-09-13",
    )
    assert [e.status for e in found] == ["planned", "held"]


def test_dating_a_visit_of_the_story_month_takes_the_day_of_its_talks() -> None:
    found = events(
        "Thủ tướng Phạm Minh Chính đã tới Tokyo, bắt đầu chuyến thăm chính thức Nhật Bản. "
        "Chiều 12/9, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Kishida Fumio.",
        "2024-09-13",
    )
    assert [(e.kind, e.date, e.location) for e in found] == [
        ("visit", "2024-09-12", "Tokyo"),
        ("meeting", "2024-09-12", "Tokyo"),
    ]


def test_dating_a_visit_told_as_beginning_the_day_after_publication_is_held() -> None:
    found = events(
        "Sáng 12/9, Thủ tướng Nhật Bản Kishida Fumio đến Hà Nội, bắt đầu chuyến thăm chính "
        "thức Việt Nam.",
        "2024-09-11",
    )
    assert [(e.status, e.date) for e in found] == [("held", "2024-09-12")]


def test_dating_a_visit_to_begin_with_a_plan_word_stays_planned() -> None:
    found = events(
        "Sáng 12/9, Thủ tướng Phạm Minh Chính sẽ tới Tokyo, bắt đầu chuyến thăm chính thức "
        "Nhật Bản.",
        "2024-09-11",
    )
    assert [e.status for e in found] == ["planned"]


def test_dating_a_year_the_sentence_before_recalls_does_not_date_this_one() -> None:
    # "này" points back at the sentence before, but a bare year there is history it recalls
    found = events(
        "Vụ tấn công được so sánh với vụ đánh bom tàu chiến tại Yemen năm 2000. Ngoài ra, "
        "văn bản này cũng đề cập tới chuyến thăm Iraq của Thủ tướng Australia John Howard.",
        None,
    )
    assert [e.date for e in found if e.kind == "visit"] == [None]


def test_dating_the_day_set_beside_a_since_clause_dates_the_starting_point() -> None:
    found = events(
        "Hôm nay, Tổng thư ký Liên Hợp Quốc Kofi Annan tới Baghdad, bắt đầu chuyến thăm Iraq. "
        "Đây là chuyến thăm Iraq đầu tiên của ông Kofi Annan kể từ khi chiến tranh bùng nổ, "
        "tháng 3/2003.",
        None,
    )
    assert [e.date for e in found if e.kind == "visit"] == [None]


CALL = (
    "Chiều 11/9, Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Ngoại trưởng Thái Lan Maris "
    "Sangiampongsa. Ngoại trưởng Maris Sangiampongsa cho biết Thủ tướng Thái Lan sẽ thăm chính "
    "thức Việt Nam"
)


def test_dating_a_plan_left_open_has_no_year() -> None:
    found = events(CALL + " trong thời gian tới.")
    assert [(e.kind, e.status, e.date) for e in found if e.kind == "visit"] == [
        ("visit", "planned", None)
    ]


def test_dating_a_plan_of_the_story_keeps_the_story_year() -> None:
    found = events(CALL + ".")
    assert [(e.kind, e.status, e.date) for e in found if e.kind == "visit"] == [
        ("visit", "planned", "2024")
    ]


def test_dating_a_meeting_set_out_for_takes_the_days_another_mention_gives() -> None:
    found = events(
        "Sáng 23/10, Thủ tướng Phạm Minh Chính rời Hà Nội lên đường dự Hội nghị các Nhà lãnh "
        "đạo Nhóm BRICS mở rộng. Thủ tướng Phạm Minh Chính tham dự Hội nghị các Nhà lãnh đạo "
        "Nhóm BRICS mở rộng tại Kazan, Liên bang Nga từ ngày 23 đến ngày 24/10.",
        "2024-10-23",
    )
    meetings = [e for e in found if e.kind == "meeting"]
    assert [e.date for e in meetings] == ["2024-10-23"]


def test_dating_a_year_in_quoted_speech_does_not_date_the_event() -> None:
    found = events(
        "“Đến năm 2030, chúng tôi sẽ trở thành thành viên đầy đủ”, Ngoại trưởng Nam Phi "
        "phát biểu tại hội nghị thượng đỉnh của Liên minh châu Phi ở Addis Ababa hôm qua.",
        None,
    )
    summit = next(e for e in found if e.kind == "meeting")
    assert summit.date is None


def test_dating_a_year_the_quote_gives_its_own_event_stays() -> None:
    found = events(
        "Ông nói: “Cuộc gặp năm 2019 với Tổng thống Pháp Emmanuel Macron rất cởi mở”.", None
    )
    assert [e.date for e in found if e.kind == "meeting"] == ["2019"]


def test_dating_a_time_in_a_bracketed_aside_dates_the_aside() -> None:
    found = events(
        "Thủ tướng Ấn Độ Manmohan Singh là nhà lãnh đạo thứ hai của nước này thăm chính thức "
        "Chile (trước đó là Tổng thống Ấn Độ Kocheril Narayanan năm 1998).",
        None,
    )
    assert [e.date for e in found if e.kind == "visit"] == [None]


def test_dating_a_time_after_a_deed_told_as_done_dates_the_deed() -> None:
    found = events(
        "Ngoại trưởng Peru đang ở thăm Chile đã khẳng định khoản bồi thường sẽ vượt thỏa thuận "
        "ký năm 1999.",
        None,
    )
    assert [e.date for e in found if e.kind == "visit"] == [None]


def test_dating_a_time_of_an_occurrence_the_event_came_after_is_not_its_own() -> None:
    found = events(
        "Cuộc họp giữa Bộ trưởng Ngoại giao Pháp Michel Barnier và Bộ trưởng Ngoại giao Đức "
        "Joschka Fischer tại Berlin diễn ra tiếp sau một cam kết đạt được hồi tháng 12/2003 "
        "giữa hai nước.",
        None,
    )
    assert all(e.date is None for e in found)


def test_dating_a_time_told_by_the_event_own_predicate_stays() -> None:
    found = events("Ngoại trưởng Peru đã thăm chính thức Chile hồi tháng 3/2004.", None)
    assert [e.date for e in found if e.kind == "visit"] == ["2004-03"]


def test_dating_a_counted_series_since_a_year_dates_its_first() -> None:
    found = events(
        "Bốn vòng đàm phán giữa Ấn Độ và Pakistan đã diễn ra ở Islamabad kể từ năm 2004, "
        "nhưng chưa đạt kết quả.",
        None,
    )
    rounds = [e.date for e in found if e.kind == "meeting"]
    assert rounds[0] == "2004" and set(rounds[1:]) == {None}


def test_dating_a_single_event_since_a_year_is_not_dated_by_it() -> None:
    found = events(
        "Cuộc gặp giữa Ngoại trưởng Ấn Độ Natwar Singh và Ngoại trưởng Pakistan Khurshid "
        "Kasuri là lần đầu tiên hai bên đối thoại kể từ năm 2001.",
        None,
    )
    assert [e.date for e in found if e.kind == "meeting"] == [None]


def test_dating_an_occasion_whose_results_the_story_builds_on_is_not_of_its_month() -> None:
    found = events(
        "Chiều 11/9, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã điện đàm với Bộ trưởng Ngoại giao "
        "Lào Saleumxay Kommasith. Hai Bộ trưởng nhất trí triển khai các kết quả quan trọng "
        "của Kỳ họp lần thứ 46 Ủy ban liên Chính phủ Việt Nam - Lào.",
    )
    assert [e.date for e in found] == ["2024-09-11", None]


def test_dating_results_of_needs_the_results_right_before_the_event() -> None:
    text = "Hai bên đánh giá cao kết quả chuyến thăm Lào của Thủ tướng."
    assert results_of(text, 0, text.index("chuyến"))
    text = "Hai bên đánh giá cao kết quả hợp tác. Thủ tướng thăm Lào."
    assert not results_of(text, text.index("Thủ"), text.index("thăm"))


def test_dating_a_person_recalled_after_the_event_leaves_it_the_story_month() -> None:
    found = events(
        "Ngày 11/9, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Lào Sonexay Siphandone. "
        "Thủ tướng Phạm Minh Chính cũng đã hội kiến Tổng Bí thư Lào Thongloun Sisoulith, người "
        "từng học tập tại Việt Nam.",
    )
    assert [(e.kind, e.date) for e in found] == [("meeting", "2024-09-11"), ("meeting", "2024-09")]


def test_dating_a_recalled_occasion_told_after_the_event_leaves_it_the_story_month() -> None:
    found = events(
        "Ngày 11/9, Chủ tịch nước Tô Lâm đã tiếp Đại sứ Nhật Bản Ito Naoki. Chủ tịch nước cũng "
        "tiếp Đại sứ Hàn Quốc Choi Young Sam, nhắc lại chuyến thăm Hàn Quốc trước đây của mình.",
    )
    assert [(e.kind, e.date) for e in found] == [
        ("meeting", "2024-09-11"),
        ("meeting", "2024-09"),
        ("visit", None),
    ]


def test_dating_a_weekday_of_next_week_is_the_next_period() -> None:
    from diplonews.extract.events.dating import NEXT_PERIOD

    assert NEXT_PERIOD.search("hội nghị thượng đỉnh NATO tại Istanbul thứ hai tuần tới.")
    assert NEXT_PERIOD.search("cuộc gặp vào thứ ba tuần tới.")
    assert not NEXT_PERIOD.search("chuyến công du hai tuần tới Cuba")


def test_dating_a_trip_of_some_weeks_is_not_next_week() -> None:
    found = events(
        "Năm 2003, Thủ tướng Australia John Howard có chuyến công du hai tuần tới Nhật Bản.",
        None,
    )
    assert [e.status for e in found if e.kind == "visit"] == ["held"]


def test_dating_a_visit_set_as_the_occasion_of_a_plan_is_planned() -> None:
    found = events(
        "Indonesia sẽ đề nghị Nhật Bản xem xét lại vấn đề này, trong chuyến thăm cuối tuần "
        "này của Ngoại trưởng Nhật Bản Taro Aso tới Jakarta.",
        None,
    )
    assert [(e.kind, e.status) for e in found] == [("visit", "planned")]


def test_dating_an_occasion_of_a_sentence_told_as_done_stays_held() -> None:
    found = events(
        "Indonesia đã đề nghị Nhật Bản xem xét lại vấn đề này, trong chuyến thăm của Ngoại "
        "trưởng Nhật Bản Taro Aso tới Jakarta.",
        None,
    )
    assert [(e.kind, e.status) for e in found] == [("visit", "held")]


def test_dating_talks_that_cannot_take_place_before_a_day_are_planned() -> None:
    found = events(
        "Ông Lee cho rằng đàm phán giữa Mỹ và Triều Tiên không thể diễn ra trước 20/3.",
        None,
    )
    assert [(e.kind, e.status) for e in found] == [("meeting", "planned")]


def test_dating_an_event_of_tomorrow_or_next_week_is_planned() -> None:
    for text in (
        (
            "Đây là bước quan trọng với sự thành công của hội nghị thượng đỉnh ASEAN - Nhật Bản "
            "tại Tokyo diễn ra vào tuần sau."
        ),
        (
            "Đó là những chủ đề mà ông Chirac muốn thảo luận trong hội nghị thượng đỉnh G8 tổ "
            "chức tại Mỹ vào tháng sau."
        ),
    ):
        assert [e.status for e in events(text, None)] == ["planned"], text


def test_dating_an_interval_after_another_event_is_not_tomorrow() -> None:
    found = events(
        "Tổng thống Mỹ nhận được báo cáo 5 tuần sau, hôm 28/12, khi tướng Franks tới gặp ông "
        "tại trang trại ở Texas.",
        None,
    )
    assert "planned" not in [e.status for e in found]


def test_dating_a_time_of_another_clause_is_not_the_events() -> None:
    found = events(
        "Chiều nay ông Hill tới Seoul để thảo luận với trưởng đoàn Hàn Quốc Song Min-soon, sau "
        "đó cả hai quay lại Bắc Kinh vào ngày mai.",
        None,
    )
    assert found and all(e.status == "held" for e in found)


def test_dating_a_visit_under_way_or_over_is_held() -> None:
    for text in (
        (
            "Hôm qua, Chủ tịch Quốc hội Lào kết thúc chuyến thăm Trung Quốc với cam kết Viêng Chăn "
            "sẽ tiếp tục hợp tác."
        ),
        "Ngoại trưởng Libya đang ở thăm Pháp khẳng định tổng số tiền sẽ lên tới 170 triệu USD.",
    ):
        assert [(e.kind, e.status) for e in events(text, None)] == [("visit", "held")], text


def test_dating_a_visit_that_will_be_over_before_a_plan_is_not_made_held() -> None:
    found = events(
        "Theo kế hoạch, sau khi kết thúc chuyến thăm Nhật Bản, Thủ tướng sẽ tới thăm Hàn Quốc.",
        None,
    )
    assert all(e.status == "planned" for e in found)


def test_dating_an_outgoing_minister_is_no_plan() -> None:
    found = events("Ngoại trưởng sắp mãn nhiệm của Mỹ Colin Powell đã tới thăm Aceh.", None)
    assert [(e.kind, e.status) for e in found] == [("visit", "held")]


@pytest.mark.parametrize(
    ("text", "ahead"),
    [
        ("gặp vào thứ hai tuần sau", True),
        ("hội đàm vào thứ năm tuần sau", True),
        ("hai tuần sau, hai bên gặp lại", False),
        ("năm tuần sau cuộc gặp", False),
    ],
)
def test_dating_a_weekday_of_next_week_is_near_future_a_count_of_weeks_is_not(
    text: str, ahead: bool
) -> None:
    assert bool(NEAR_FUTURE.search(text)) is ahead


def test_dating_another_act_of_the_same_occasion_keeps_the_event_s_day() -> None:
    # "và đã chứng kiến lễ ký … chiều 5/6": the same occasion, its day the talks' day
    [event] = extract(
        "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone và đã chứng "
        "kiến lễ ký các văn kiện hợp tác chiều 5/6/2024.",
        "t",
        published="2024-06-06",
    ).events
    assert event.date == "2024-06-05"


def test_dating_a_conflict_named_in_the_clause_leaves_the_story_s_year() -> None:
    found = extract(
        "Tổng thống Mỹ Joe Biden đã điện đàm với Tổng thống Ukraine Volodymyr Zelensky giữa lúc "
        "xung đột leo thang hôm 5/9/2024. Ngày 6/9, Ngoại trưởng Mỹ Antony Blinken hội đàm với "
        "Ngoại trưởng Nga Sergei Lavrov tại Geneva.",
        "t",
    ).events
    assert "2024-09-06" in [e.date for e in found]


def test_dating_an_event_so_long_ago_takes_that_year_not_the_story_s_month() -> None:
    # "Cách đây 10 năm": not the month of the article that recalls it
    [event] = events(
        "Cách đây 10 năm, Chủ tịch nước Trương Tấn Sang đã thăm cấp nhà nước Hoa Kỳ.",
        "2024-03-15",
    )
    assert (event.kind, event.status, event.date) == ("visit", "held", "2014")


def test_dating_an_event_days_ago_takes_that_day() -> None:
    [event] = events(
        "Hai ngày trước, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Ngoại trưởng "
        "Australia Penny Wong tại Canberra.",
        "2024-03-15",
    )
    assert event.date == "2024-03-13"


def test_dating_an_event_roughly_years_ago_has_no_date() -> None:
    [event] = events(
        "Hơn 20 năm trước, Thủ tướng Phan Văn Khải đã thăm chính thức Australia.",
        "2024-03-15",
    )
    assert (event.status, event.date) == ("held", None)


@pytest.mark.parametrize(
    "text",
    [
        "Trợ lý Ngoại trưởng Mỹ đang xem xét khả năng công du Libya trong tháng này.",
        "Thủ tướng Nhật Bản cân nhắc khả năng thăm Bình Nhưỡng trước cuối năm.",
        "Tổng thống Pháp có ý định thăm Algeria trong thời gian sớm nhất.",
        "Ngoại trưởng Mỹ Blinken và Ngoại trưởng Nga Lavrov đã lên lịch hội đàm tại Geneva.",
    ],
)
def test_dating_a_trip_considered_or_scheduled_is_planned(text: str) -> None:
    found = events(text, "2024-03-15")
    assert found and all(e.status == "planned" for e in found), found


def test_dating_a_visit_dated_only_to_the_year_takes_the_day_of_its_meeting() -> None:
    # the story's year comes from "APEC 2017"; the visit is made precise by its meeting
    found = events(
        "Mặc dù lịch trình trong chuyến thăm cấp nhà nước tới Việt Nam lần này dày đặc, Tổng "
        "thống Chile Michelle Bachelet vẫn có cuộc gặp với nguyên Chủ tịch nước Nguyễn Minh "
        "Triết vào tối 9/11. Ngay sau đó, Tổng thống Chile sẽ tới Đà Nẵng để tham dự Hội nghị "
        "Cấp cao APEC 2017.",
        None,
    )
    visit = next(e for e in found if e.kind == "visit")
    assert (visit.status, visit.date) == ("held", "2017-11-09")


def test_dating_the_meetings_a_plan_lists_share_its_time() -> None:
    # "sẽ hội đàm với A, chào xã giao B": both of the visit's month, not the first alone
    found = events(
        "Theo thông báo của Bộ Ngoại giao, từ ngày 17-19/3, Ngoại trưởng Nhật Bản Kamikawa "
        "Yoko sẽ thăm chính thức Việt Nam. Trong thời gian ở Hà Nội, Ngoại trưởng Kamikawa "
        "Yoko sẽ hội đàm với Bộ trưởng Ngoại giao Bùi Thanh Sơn, chào xã giao Thủ tướng Phạm "
        "Minh Chính.",
        "2024-03-15",
    )
    meetings = [(e.status, e.date) for e in found if e.kind == "meeting"]
    assert meetings == [("planned", "2024-03"), ("planned", "2024-03")]


def test_dating_a_planned_meeting_listed_after_a_plan_but_told_as_done_keeps_its_own() -> None:
    # "đã" between them breaks the list: the second is no part of the plan
    found = events(
        "Bộ trưởng Bùi Thanh Sơn sẽ hội đàm với Ngoại trưởng Nhật Bản Kamikawa Yoko vào ngày "
        "20/3, sau khi đã gặp Ngoại trưởng Hàn Quốc Cho Tae-yul hồi tháng 1.",
        "2024-03-15",
    )
    assert [(e.status, e.date) for e in found] == [("planned", "2024-03-20"), ("held", "2024-01")]


@pytest.mark.parametrize(
    "text",
    [
        (
            "Hai bên nhắc lại cuộc hội đàm giữa Chủ tịch Quốc hội Vương Đình Huệ và Chủ tịch Hạ viện "
            "Nhật Bản Nukaga Fukushiro hồi tháng 12/2023 tại Tokyo, nhân dịp Chủ tịch Quốc hội thăm "
            "chính thức Nhật Bản."
        ),
        (
            "Chủ tịch Quốc hội Vương Đình Huệ đã hội đàm với Chủ tịch Hạ viện Nhật Bản Nukaga "
            "Fukushiro hồi tháng 12/2023, nhân chuyến thăm chính thức Nhật Bản của Chủ tịch Quốc hội."
        ),
        (
            "Chủ tịch Quốc hội Vương Đình Huệ đã hội đàm với Chủ tịch Hạ viện Nhật Bản Nukaga "
            "Fukushiro trong chuyến thăm chính thức Nhật Bản hồi tháng 12/2023."
        ),
    ],
)
def test_dating_a_meeting_and_the_visit_it_is_held_in_share_their_time(text: str) -> None:
    # whichever of the two the time is told with; not the month the article came out
    found = events(text, "2024-03-15")
    assert sorted((e.kind, e.date) for e in found) == [
        ("meeting", "2023-12"),
        ("visit", "2023-12"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        (
            "Thủ tướng đề nghị hai bên phối hợp tổ chức tốt chuyến thăm Việt Nam của Tổng thống Hàn "
            "Quốc Yoon Suk-yeol trong năm 2024."
        ),
        (
            "Thủ tướng Anh Tony Blair đề nghị chủ trì hội nghị về Trung Đông trong tháng 4/2024 tại "
            "London."
        ),
    ],
)
def test_dating_a_wish_given_a_time_to_come_is_planned(text: str) -> None:
    found = events(text, "2024-03-15")
    assert found and all(e.status == "planned" for e in found), found


def test_dating_a_proposal_made_at_a_meeting_leaves_the_meeting_held() -> None:
    # the meeting is when the proposal was made ("khi gặp … hôm 12/3")
    found = events(
        "Bộ trưởng Thống nhất Hàn Quốc đề xuất phương thức liên lạc mới khi gặp Chủ tịch Triều "
        "Tiên Kim Jong-un hôm 12/3.",
        "2024-03-15",
    )
    assert [e.status for e in found] == ["held"]


def test_dating_a_meeting_a_trip_goes_to_attend_does_not_take_the_trip_s_day() -> None:
    # "sẽ sang Indonesia để tham dự X": the day of leaving is not the meeting's
    found = events(
        "Ngày 5/4, Bộ trưởng Bùi Thanh Sơn sẽ cùng đoàn công tác của Thủ tướng sang Indonesia "
        "để tham dự Hội nghị Bộ trưởng Ngoại giao ASEAN đặc biệt.",
        "2024-03-15",
    )
    meeting = next(e for e in found if e.kind == "meeting")
    assert (meeting.status, meeting.date) == ("planned", "2024-04")


def test_dating_weighing_a_possibility_in_held_talks_is_no_plan() -> None:
    # "xem xét khả năng" of cooperation, done at talks already held: no plan of the talks
    [event] = extract(
        "Hai bên đã cân nhắc khả năng hợp tác khai khoáng tại cuộc hội đàm ở Lima hôm 3/3 giữa "
        "Ngoại trưởng Peru Javier González và Ngoại trưởng Chile Alberto van Klaveren.",
        "t",
        published="2024-03-05",
    ).events
    assert (event.kind, event.status, event.date) == ("meeting", "held", "2024-03-03")


def test_dating_a_visit_whose_results_are_recalled_is_no_occasion_of_the_meeting() -> None:
    # the talks are of the story's month; the 2022 visit is only what they looked back on
    found = events(
        "Ngoại trưởng Peru Javier González hội đàm với Ngoại trưởng Chile Alberto van Klaveren, "
        "điểm lại những kết quả đạt được trong chuyến thăm Chile năm 2022 của Ngoại trưởng Peru.",
        "2024-03-15",
    )
    assert ("meeting", "2024-03") in [(e.kind, e.date) for e in found], found
