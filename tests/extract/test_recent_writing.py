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


def test_recent_a_restated_summit_in_apposition_is_one_event() -> None:
    found = events(
        "Theo kế hoạch, ngày 14/11, Tổng thống Hàn Quốc Moon Jae-in sẽ tham gia Hội nghị Cấp "
        "cao ASEAN+3 lần thứ 23, một cuộc đối thoại giữa những người đứng đầu ASEAN với Hàn "
        "Quốc, Trung Quốc và Nhật Bản.",
        "2020-11-10",
    )
    assert [(e.status, e.date) for e in found] == [("planned", "2020-11-14")]


def test_recent_a_visit_arriving_at_an_airport_named_by_its_city_is_in_that_city() -> None:
    found = events(
        "Chiều nay (4/12), theo giờ địa phương, Chủ tịch nước Nguyễn Xuân Phúc đã đến sân bay "
        "quân sự Thủ đô Seoul, bắt đầu chuyến thăm cấp nhà nước Hàn Quốc.",
        "2022-12-04",
    )
    visit = next(e for e in found if e.kind == "visit")
    assert (visit.date, visit.location) == ("2022-12-04", "Seoul")


def test_recent_a_welcome_at_the_presidents_seat_is_in_the_hosts_capital() -> None:
    found = events(
        "Sáng nay (11/8) theo giờ địa phương tại Phủ Tổng thống, Tổng thống Hàn Quốc Lee Jae "
        "Myung chủ trì lễ đón trọng thể Tổng Bí thư Tô Lâm thăm cấp Nhà nước Hàn Quốc.",
        "2025-08-11",
    )
    visit = next(e for e in found if e.kind == "visit")
    assert (visit.date, visit.location) == ("2025-08-11", "Seoul")


def test_recent_a_seat_named_with_its_state_is_the_lexicons() -> None:
    found = events(
        "Chiều 5/6, tại Phủ Tổng thống Pháp, Tổng thống Pháp Emmanuel Macron đã tiếp Thủ "
        "tướng Phạm Minh Chính.",
        "2025-06-05",
    )
    assert [e.location for e in found] == ["Paris"]


def test_recent_a_visit_prepared_for_is_still_to_come() -> None:
    found = events(
        "Ngày 9/10, Thứ trưởng Ngoại giao Trung Quốc và Thứ trưởng Ngoại giao Ấn Độ đã hội "
        "đàm tại New Delhi. Cuộc họp cũng nhằm chuẩn bị cho chuyến thăm Ấn Độ của Thủ tướng "
        "Trung Quốc Lý Cường."
    )
    visit = next(e for e in found if e.kind == "visit")
    assert visit.status == "planned"


def test_recent_a_meeting_whose_agenda_is_discussed_is_still_to_come() -> None:
    found = events(
        "Cuộc họp các quan chức cấp cao ASEAN ngày 16/1 được tổ chức để trưởng SOM các nước "
        "bàn bạc chương trình nghị sự của Hội nghị hẹp các Bộ trưởng Ngoại giao ASEAN.",
        "2020-01-16",
    )
    status = {e.name: e.status for e in found}
    assert status["Hội nghị hẹp các Bộ trưởng Ngoại giao ASEAN"] == "planned"
    assert status["Cuộc họp các quan chức cấp cao ASEAN"] == "held"


def test_recent_an_arrival_that_begins_a_trip_to_attend_a_summit_is_the_summit() -> None:
    # SCHEMA: a trip made only to attend a multilateral meeting is that meeting
    found = events(
        "Chiều 8/10, Thủ tướng Phạm Minh Chính đã tới Vientiane, bắt đầu chuyến công tác tham "
        "dự Hội nghị Cấp cao ASEAN lần thứ 45.",
        "2024-10-08",
    )
    assert [(e.kind, e.location) for e in found] == [("meeting", "Vientiane")]


def test_recent_a_trip_to_attend_a_summit_and_work_in_the_host_state_is_a_visit_too() -> None:
    found = events(
        "Chiều 21/9, Thủ tướng Phạm Minh Chính đã tới New York, bắt đầu chuyến công tác tham "
        "dự Hội nghị Thượng đỉnh Tương lai và làm việc tại Hoa Kỳ.",
        "2024-09-21",
    )
    assert sorted(e.kind for e in found) == ["meeting", "visit"]


def test_recent_talks_at_the_prime_ministers_office_of_a_visit_are_in_the_hosts_capital() -> None:
    found = events(
        "Ngày 22/6, tại Văn phòng Thủ tướng, Thủ tướng Nhật Bản Kishida Fumio đã hội đàm với "
        "Thủ tướng Phạm Minh Chính đang thăm chính thức Nhật Bản.",
        "2024-06-23",
    )
    assert {e.location for e in found} == {"Tokyo"}


def test_recent_an_office_that_speaks_is_no_place() -> None:
    found = events(
        "Văn phòng Tổng thống cho biết Tổng thống Hàn Quốc Yoon Suk Yeol đã hội đàm với Thủ "
        "tướng Phạm Minh Chính ngày 22/6.",
        "2024-06-23",
    )
    assert [e.location for e in found] == [None]


def test_recent_a_part_of_the_month_without_its_number_is_the_storys_month() -> None:
    found = events(
        "Hồi đầu tháng, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Ngoại trưởng Nhật "
        "Bản Kamikawa Yoko.",
        "2024-09-12",
    )
    assert [e.date for e in found] == ["2024-09"]


def test_recent_a_month_part_with_its_number_keeps_the_number() -> None:
    found = events(
        "Cuối tháng 8 vừa qua, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Ngoại trưởng "
        "Nhật Bản Kamikawa Yoko.",
        "2024-09-12",
    )
    assert [e.date for e in found] == ["2024-08"]


def test_recent_the_airport_a_visitor_leaves_from_is_not_the_visits_place() -> None:
    found = events(
        "Chiều 5/3, Chủ tịch nước Trương Tấn Sang rời sân bay quân sự Gia Lâm, Hà Nội lên "
        "đường thăm cấp nhà nước Hàn Quốc.",
        "2012-03-05",
    )
    assert [(e.kind, e.location) for e in found] == [("visit", None)]


def test_recent_a_recent_visit_of_whom_after_vua_qua() -> None:
    # "vừa qua" qualifies the visit: the one named after "của" is still its traveller
    found = events(
        "Bộ trưởng Thương mại Trương Đình Tuyển cho biết chuyến thăm Hoa Kỳ vừa qua của Thủ "
        "tướng Phan Văn Khải đã đạt kết quả tốt.",
        "2005-07-05",
    )
    assert [[p.name for p in e.participants] for e in found] == [["Phan Văn Khải"]]


def test_recent_the_end_of_a_month_already_past_is_not_dated_to_this_month() -> None:
    found = events(
        "Bộ trưởng Ngoại giao Mỹ Condoleezza Rice đã thăm Trung Quốc hồi cuối tháng.",
        "2005-03-02",
    )
    assert all(e.date != "2005-03" for e in found)


def test_recent_a_seat_named_with_a_state_spelt_with_a_diacritic_is_not_the_hosts() -> None:
    from diplonews.extract.events.placing import FOREIGN_SEAT, _unnamed_seat

    def unnamed(text: str) -> bool:
        m = FOREIGN_SEAT.search(text)
        return m is not None and _unnamed_seat(m)

    assert not unnamed("tại Phủ Tổng thống Ấn Độ") and not unnamed("tại Văn phòng Thủ tướng Úc")
    assert unnamed("tại Phủ Tổng thống, hai bên") and unnamed("tại Phủ Tổng thống đã diễn ra")
