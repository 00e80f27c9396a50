"""Tests of how recent news dates its events when the usual anchors are missing or
misleading: a past month opening the sentence ("Hồi tháng 11, …"), a story copied without
its page date but opening on a full day ("Chiều 15/3/2024, …"), a meeting named with its
year ("Tuần lễ Cấp cao APEC 2017"). Sentences are invented; each follows a pattern of
Vietnamese news writing of 2015–2025."""

from __future__ import annotations

from diplonews.extract import extract
from diplonews.extract.dates import find_times
from diplonews.extract.record import Event
from diplonews.extract.time_scan import scan


def events(text: str, published: str | None) -> list[Event]:
    return extract(text, "t", published=published).events


def dates(text: str, published: str | None) -> list[str | None]:
    return sorted((e.date for e in events(text, published)), key=str)


# ------------------------------------------- "Hồi tháng 11, …": a past month opening the sentence


def test_recent_hoi_opening_the_sentence_tells_the_past() -> None:
    found = [r for r in scan("Hồi tháng 11, Thủ tướng đã hội đàm với Thủ tướng Lào.") if r.month]
    assert [(r.month, r.relation) for r in found] == [(11, "past")]


def test_recent_hoi_month_after_publication_is_of_the_year_before() -> None:
    text = (
        "Hồi tháng 11, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Singapore Lawrence "
        "Wong tại Hà Nội."
    )
    assert dates(text, "2025-10-27") == ["2024-11"]


def test_recent_hoi_december_recalled_in_autumn_without_da() -> None:
    text = "Hồi tháng 12, Chủ tịch nước Lương Cường điện đàm với Tổng thống Chile Gabriel Boric."
    assert dates(text, "2025-10-27") == ["2024-12"]


def test_recent_hoi_with_a_day() -> None:
    text = (
        "Hồi ngày 20/11, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Ngoại trưởng "
        "Australia Penny Wong tại Canberra."
    )
    assert dates(text, "2025-10-27") == ["2024-11-20"]


def test_recent_hoi_month_before_publication_stays_in_its_year() -> None:
    text = (
        "Hồi tháng 3, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Singapore Lawrence "
        "Wong tại Singapore."
    )
    assert dates(text, "2025-10-27") == ["2025-03"]


def test_recent_a_month_ahead_without_hoi_is_not_moved_back() -> None:
    text = "Vào tháng 11, Thủ tướng Phạm Minh Chính sẽ thăm chính thức Nhật Bản."
    assert dates(text, "2025-10-27") == ["2025-11"]


# ------------------------------- no page date, a lead opening on a full day: the story's "now"

LEAD = (
    "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Campuchia\n\n"
    "Chiều 15/3/2024, tại Phnom Penh, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng "
    "Campuchia Hun Manet.\n\n"
)


def test_recent_lead_day_places_a_month_just_past_in_the_year_before() -> None:
    text = LEAD + "Thủ tướng Hun Manet đã thăm chính thức Việt Nam vào tháng 12 vừa qua."
    assert dates(text, None) == ["2023-12", "2024-03-15"]


def test_recent_lead_day_is_the_today_of_hom_qua() -> None:
    text = (
        "Sáng 5/1/2025, tại Hà Nội, Chủ tịch nước Lương Cường đã tiếp Đại sứ Nhật Bản Ito "
        "Naoki.\n\nHôm qua, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Bộ trưởng Ngoại "
        "giao Campuchia Sok Chenda Sophea."
    )
    assert dates(text, None) == ["2025-01-04", "2025-01-05"]


def test_recent_lead_day_places_a_late_december_day_told_as_done() -> None:
    text = (
        "Ngày 20/2/2024, tại Hà Nội, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Hàn Quốc Choi "
        "Young-sam.\n\nTrước đó, ngày 28/12, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã điện đàm với "
        "Ngoại trưởng Hàn Quốc Cho Tae-yul."
    )
    assert dates(text, None) == ["2023-12-28", "2024-02-20"]


def test_recent_a_full_day_later_in_the_lead_is_not_the_story_day() -> None:
    # the first sentence gives no day: the year alone dates "tháng 12 vừa qua", as before
    text = (
        "Thủ tướng Phạm Minh Chính tiếp tục chuyến công tác tại Campuchia.\n\n"
        "Chiều 15/3/2024, tại Phnom Penh, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng "
        "Campuchia Hun Manet.\n\nThủ tướng Hun Manet đã thăm chính thức Việt Nam vào tháng 12 "
        "vừa qua."
    )
    assert "2023-12" not in dates(text, None)


def test_recent_a_lead_range_of_days_is_no_story_day() -> None:
    text = (
        "Từ ngày 10-12/3/2024, Thủ tướng Phạm Minh Chính thăm chính thức Australia.\n\n"
        "Hôm qua, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Ngoại trưởng Australia "
        "Penny Wong."
    )
    assert "2024-03-09" not in dates(text, None)


# ------------------------------------------------ a meeting named with its year: "APEC 2017"


def test_recent_named_year_of_a_past_summit() -> None:
    text = "Tổng thống Hàn Quốc Moon Jae-in đã tham dự Tuần lễ Cấp cao APEC 2017 tại Đà Nẵng."
    assert dates(text, "2025-10-27") == ["2017"]


def test_recent_named_year_of_a_summit_to_come() -> None:
    text = "Thủ tướng Phạm Minh Chính cho biết Việt Nam sẽ đăng cai Hội nghị Cấp cao APEC 2027."
    assert dates(text, "2025-10-27") == ["2027"]


def test_recent_named_year_keeps_the_day_its_words_give() -> None:
    text = (
        "Hội nghị Cấp cao APEC 2017 diễn ra ngày 10/11 tại Đà Nẵng với sự tham dự của Tổng "
        "thống Hàn Quốc Moon Jae-in."
    )
    assert dates(text, "2025-10-27") == ["2017-11-10"]


def test_recent_named_year_of_the_story_keeps_the_story_month() -> None:
    text = "Thủ tướng Phạm Minh Chính đã dự Hội nghị Cấp cao ASEAN 2025 tại Kuala Lumpur."
    assert dates(text, "2025-10-27") == ["2025-10"]


def test_recent_an_edition_number_is_no_year() -> None:
    text = "Thủ tướng Phạm Minh Chính đã dự Hội nghị Cấp cao ASEAN 47 tại Kuala Lumpur."
    assert dates(text, "2025-10-27") == ["2025-10"]


# ------------------- a page dated at year's end telling a story of early January: its "now"


def test_recent_new_year_story_counts_nam_ngoai_from_its_own_year() -> None:
    text = (
        "Tổng thống Hàn Quốc Lee Jae-myung tối ngày 3/1 đã hội đàm với Thủ tướng Nhật Bản "
        "Takaichi Sanae tại Nara. Hai nhà lãnh đạo đã gặp nhau lần đầu tại Gyeongju vào tháng "
        "10 năm ngoái."
    )
    assert dates(text, "2025-12-31") == ["2025-10", "2026-01-03"]


def test_recent_new_year_story_day_of_last_year() -> None:
    text = (
        "Chủ tịch Trung Quốc Tập Cận Bình chiều ngày 4/1 đã hội đàm với Tổng thống Hàn Quốc Lee "
        "Jae-myung tại Bắc Kinh. Đây là cuộc gặp thứ hai sau cuộc hội đàm giữa Chủ tịch Tập Cận "
        "Bình và Tổng thống Lee Jae-myung tại Gyeongju ngày 1/11 năm ngoái."
    )
    assert "2025-11-01" in dates(text, "2025-12-31")


def test_recent_new_year_story_bare_nam_ngoai() -> None:
    text = (
        "Sáng 2/1, Chủ tịch nước Lương Cường đã tiếp Đại sứ Nhật Bản Ito Naoki. Năm ngoái, Chủ "
        "tịch nước đã hội đàm với Thủ tướng Nhật Bản Ishiba Shigeru tại Hà Nội."
    )
    assert dates(text, "2025-12-30") == ["2025", "2026-01-02"]


def test_recent_a_plan_for_january_is_told_in_the_publication_year() -> None:
    text = (
        "Ngày 5/1, Thủ tướng Phạm Minh Chính sẽ hội đàm với Thủ tướng Lào Sonexay Siphandone. "
        "Hai Thủ tướng đã hội đàm tại Viêng Chăn vào tháng 1 năm nay."
    )
    assert dates(text, "2025-12-20") == ["2025-01", "2026-01-05"]


def test_recent_a_late_december_story_counts_from_the_publication_year() -> None:
    text = (
        "Sáng 29/12, Chủ tịch nước Lương Cường đã tiếp Đại sứ Nhật Bản Ito Naoki. Năm ngoái, "
        "Chủ tịch nước đã hội đàm với Thủ tướng Nhật Bản Ishiba Shigeru tại Hà Nội."
    )
    assert dates(text, "2025-12-30") == ["2024", "2025-12-29"]


def test_recent_named_year_still_to_come_is_planned() -> None:
    found = events(
        "Hai bên nhất trí phối hợp chặt chẽ tại Hội nghị Cấp cao APEC 2027 tại Phú Quốc.",
        "2025-10-27",
    )
    assert [(e.status, e.date) for e in found] == [("planned", "2027")]


def test_recent_a_vision_named_with_its_year_is_no_meeting_year() -> None:
    text = "Thủ tướng Phạm Minh Chính đã dự Hội nghị về Tầm nhìn Cộng đồng ASEAN 2025 tại Jakarta."
    assert "2025" not in dates(text, "2023-09-06")


def test_recent_a_span_of_years_is_no_meeting_year() -> None:
    text = "Thủ tướng Phạm Minh Chính đã dự Hội nghị Cấp cao ASEAN 2021-2022 tại Phnom Penh."
    assert dates(text, "2023-09-06") == ["2023-09"]


# ------------------ a meeting named by its mechanism and year stands alone ("APEC 2025")


def test_recent_forum_named_by_its_year_is_an_event() -> None:
    found = events(
        "Hai bên nhất trí phối hợp chặt chẽ, trong đó Việt Nam ủng hộ Hàn Quốc tổ chức thành "
        "công Diễn đàn cấp cao APEC 2025.",
        "2025-06-12",
    )
    assert [(e.series, e.status, e.date) for e in found] == [
        ("APEC Economic Leaders' Meeting", "planned", "2025")
    ]


def test_recent_leaders_meeting_named_by_its_year_is_of_that_year() -> None:
    found = events(
        "Sau chuyến thăm, Tổng thống Peru sẽ tới Đà Nẵng để tham dự Hội nghị các nhà lãnh đạo "
        "kinh tế thành viên APEC 2017.",
        "2017-11-08",
    )
    assert [(e.series, e.status, e.date) for e in found] == [
        ("APEC Economic Leaders' Meeting", "planned", "2017")
    ]


def test_recent_forum_of_last_year_told_by_its_host() -> None:
    found = events(
        "Diễn đàn cấp cao APEC 2020 đã diễn ra theo hình thức trực tuyến do Malaysia chủ trì.",
        "2021-03-10",
    )
    assert [(e.status, e.date) for e in found] == [("held", "2020")]


def test_recent_leaders_meeting_named_without_a_year_and_no_one_is_left_alone() -> None:
    # no year, no official, no edition: a mention that says too little to stand alone
    found = events(
        "Công tác chuẩn bị cho hội nghị lãnh đạo các nền kinh tế đang được đẩy nhanh.",
        "2017-11-08",
    )
    assert found == []


# -------------------- a wish for a state to host a meeting well: the meeting is to come


def test_recent_support_for_hosting_makes_the_meeting_planned() -> None:
    found = events(
        "Thủ tướng Phạm Minh Chính khẳng định Việt Nam ủng hộ Malaysia tổ chức thành công Hội "
        "nghị Cấp cao ASEAN lần thứ 47.",
        "2025-05-20",
    )
    assert [e.status for e in found] == ["planned"]


def test_recent_wishing_a_host_success_makes_the_meeting_planned() -> None:
    found = events(
        "Chủ tịch nước Lương Cường chúc Hàn Quốc tổ chức thành công Hội nghị Cấp cao APEC 2025 "
        "tại Gyeongju.",
        "2025-08-12",
    )
    assert [(e.status, e.date) for e in found] == [("planned", "2025")]


def test_recent_help_to_host_makes_the_meeting_planned() -> None:
    found = events(
        "Nhật Bản sẵn sàng hỗ trợ Việt Nam tổ chức thành công Hội nghị Cấp cao APEC 2027.",
        "2025-10-27",
    )
    assert [(e.status, e.date) for e in found] == [("planned", "2027")]


def test_recent_congratulations_on_hosting_keep_the_meeting_held() -> None:
    found = events(
        "Thủ tướng Phạm Minh Chính chúc mừng Malaysia tổ chức thành công Hội nghị Cấp cao ASEAN "
        "lần thứ 47.",
        "2025-10-29",
    )
    assert [e.status for e in found] == ["held"]


def test_recent_thanks_for_support_given_keep_the_meeting_held() -> None:
    found = events(
        "Tổng thống Hàn Quốc cảm ơn Việt Nam đã ủng hộ Hàn Quốc tổ chức thành công Hội nghị "
        "Cấp cao APEC 2025.",
        "2025-11-20",
    )
    assert [e.status for e in found] == ["held"]


# ------------- a day told after the gathering on whose sidelines two sides met is theirs


def test_recent_day_after_the_sideline_gathering_dates_the_talks() -> None:
    found = events(
        "Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Nhật Bản Ishiba Shigeru bên lề Hội "
        "nghị Cấp cao ASEAN tại Vientiane ngày 10/10.",
        "2024-10-20",
    )
    by_series = {e.series: e.date for e in found}
    assert by_series == {None: "2024-10-10", "ASEAN Summit": "2024-10"}


def test_recent_day_after_the_sideline_summit_dates_the_talks() -> None:
    found = events(
        "Chủ tịch Trung Quốc Tập Cận Bình và Tổng thống Hàn Quốc Lee Jae-myung đã có cuộc hội "
        "đàm bên lề Hội nghị thượng đỉnh APEC tại Gyeongju ngày 1/11.",
        "2025-11-20",
    )
    assert sorted(e.date or "" for e in found) == ["2025-11", "2025-11-01"]


def test_recent_day_after_the_sideline_ministers_meeting_dates_the_talks() -> None:
    found = events(
        "Bộ trưởng Ngoại giao Bùi Thanh Sơn đã gặp Ngoại trưởng Mỹ Antony Blinken bên lề Hội "
        "nghị Bộ trưởng Ngoại giao ASEAN tại Vientiane ngày 26/7.",
        "2024-08-02",
    )
    assert sorted(e.date or "" for e in found) == ["2024-07", "2024-07-26"]


def test_recent_a_gathering_dated_alone_keeps_its_day() -> None:
    found = events(
        "Ngày 26/10, Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEAN lần thứ 47 tại Kuala "
        "Lumpur.",
        "2025-10-27",
    )
    assert [e.date for e in found] == ["2025-10-26"]


def test_recent_talks_dated_apart_from_the_gathering_leave_its_day() -> None:
    found = events(
        "Ngày 25/10, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Malaysia Anwar Ibrahim; "
        "ngày 26/10, Thủ tướng dự Hội nghị Cấp cao ASEAN lần thứ 47 tại Kuala Lumpur.",
        "2025-10-27",
    )
    assert "2025-10-26" in [e.date for e in found]


# --------------- the weekend or the first days of a week that straddles two months


def test_recent_this_weekend_falls_in_the_next_month() -> None:
    text = "Cuối tuần này, Thủ tướng Phạm Minh Chính sẽ thăm chính thức Nhật Bản."
    assert dates(text, "2025-10-29") == ["2025-11"]


def test_recent_early_this_week_falls_in_the_month_before() -> None:
    text = (
        "Đầu tuần này, Bộ trưởng Ngoại giao Lê Hoài Trung đã hội đàm với Ngoại trưởng Australia "
        "Penny Wong tại Canberra."
    )
    assert dates(text, "2025-10-02") == ["2025-09"]


def test_recent_early_next_week_falls_in_this_month() -> None:
    text = "Đầu tuần tới, Bộ trưởng Ngoại giao Lê Hoài Trung sẽ thăm chính thức Australia."
    assert dates(text, "2025-09-24") == ["2025-09"]


def test_recent_a_whole_week_across_two_months_has_no_month() -> None:
    text = "Trong tuần này, Thủ tướng Phạm Minh Chính sẽ thăm chính thức Nhật Bản."
    assert "2025-10" not in dates(text, "2025-10-29")
    assert "2025-11" not in dates(text, "2025-10-29")


def test_recent_a_weekend_across_two_months_has_no_month() -> None:
    text = "Cuối tuần này, Thủ tướng Phạm Minh Chính sẽ thăm chính thức Nhật Bản."
    assert dates(text, "2026-01-28") == [None]


# ------------------------------------------------ a quarter with its year: "quý I/2026"


def test_recent_quarter_of_next_year_dates_a_plan() -> None:
    text = "Đối thoại Chiến lược Việt Nam - Nhật Bản lần thứ 10 sẽ diễn ra vào quý I/2026."
    assert dates(text, "2025-10-27") == ["2026"]


def test_recent_quarter_in_arabic_numerals() -> None:
    text = "Hai bên nhất trí tổ chức kỳ họp Ủy ban liên Chính phủ Việt Nam - Lào lần thứ 48 trong quý 4/2025."
    assert dates(text, "2025-08-20") == ["2025"]


def test_recent_quarter_of_a_past_year() -> None:
    text = (
        "Đối thoại Quốc phòng Việt Nam - Ấn Độ lần thứ 15 đã diễn ra trong quý II/2024 tại Hà Nội."
    )
    assert dates(text, "2025-10-27") == ["2024"]


def test_recent_quarter_is_not_a_month() -> None:
    found = find_times("Đối thoại sẽ diễn ra vào quý 1/2026.", "2025-10-27")
    assert [(t.value, t.precision) for t in found] == [("2026", "year")]


def test_recent_no_fifth_quarter() -> None:
    found = find_times("Kế hoạch được giao trong quý 5/2025 của dự án.", "2025-10-27")
    assert all("quý" not in t.text for t in found)


def test_recent_named_plan_tied_to_the_story_day_keeps_its_month() -> None:
    text = (
        "Sáng 9/11, Chủ tịch nước Trần Đại Quang đã hội đàm với Tổng thống Peru Pedro Pablo "
        "Kuczynski tại Hà Nội. Ngay sau cuộc hội đàm, Tổng thống Peru sẽ tới Đà Nẵng để tham dự "
        "Hội nghị lãnh đạo các nền kinh tế thành viên APEC 2017."
    )
    assert dates(text, "2017-11-09") == ["2017-11", "2017-11-09"]


# ------------------------- a visit owned by a leader's special envoys, named or not


def kinds(text: str, published: str | None) -> list[tuple[str, list[str], str | None]]:
    return [(e.kind, e.parties, e.date) for e in events(text, published)]


def test_recent_visit_of_a_presidents_envoys() -> None:
    text = (
        "Bộ trưởng Ngoại giao Hàn Quốc cảm ơn sự tiếp đãi nồng nhiệt của Việt Nam dành cho "
        "chuyến thăm của đoàn đặc phái viên của Tổng thống Lee Jae-myung gần đây."
    )
    assert kinds(text, "2025-08-04") == [("visit", ["KOR", "VNM"], "2025")]


def test_recent_visit_of_a_prime_ministers_envoy_to_vietnam() -> None:
    text = (
        "Thủ tướng Phạm Minh Chính đánh giá cao chuyến thăm Việt Nam của Đặc phái viên của Thủ "
        "tướng Nhật Bản Ishiba Shigeru."
    )
    assert [k[:2] for k in kinds(text, "2025-03-12")] == [("visit", ["JPN", "VNM"])]


def test_recent_visit_of_envoys_thanked_by_the_host() -> None:
    text = (
        "Chủ tịch nước Lương Cường hoan nghênh chuyến thăm của phái đoàn đặc phái viên của Tổng "
        "thống Hàn Quốc Lee Jae-myung tới Việt Nam."
    )
    assert [k[:2] for k in kinds(text, "2025-06-20")] == [("visit", ["KOR", "VNM"])]


def test_recent_envoy_visit_hosted_by_the_state_thanked() -> None:
    text = (
        "Ngoại trưởng Nhật Bản cảm ơn Việt Nam đã đón tiếp chu đáo chuyến thăm của Đặc phái viên "
        "của Thủ tướng Ishiba Shigeru tháng trước."
    )
    assert kinds(text, "2025-06-20") == [("visit", ["JPN", "VNM"], "2025-05")]


def test_recent_envoys_of_a_president_named_by_his_state() -> None:
    text = (
        "Việt Nam đã dành sự tiếp đón trọng thị cho chuyến thăm của đoàn đặc phái viên của Tổng "
        "thống Hàn Quốc."
    )
    assert [k[:2] for k in kinds(text, "2025-06-20")] == [("visit", ["KOR", "VNM"])]


def test_recent_envoys_of_no_one_named_make_no_visit() -> None:
    assert events("Chuyến thăm của đoàn đặc phái viên đã thành công tốt đẹp.", "2025-06-20") == []


def test_recent_a_business_delegations_trip_is_no_envoys_visit() -> None:
    text = "Chuyến thăm của đoàn doanh nghiệp Hàn Quốc đã mở ra nhiều cơ hội hợp tác đầu tư."
    assert events(text, "2025-06-20") == []


# ------- a mechanism's abbreviation given in parentheses names it later ("Hội nghị APT")


def series_dates(text: str, published: str | None) -> list[tuple[str | None, str | None]]:
    return sorted(((e.series, e.date) for e in events(text, published)), key=str)


def test_recent_abbreviation_names_the_first_summit() -> None:
    text = (
        "Ngày 14/11/2020, Tổng thống Moon Jae-in sẽ tham gia Hội nghị Cấp cao ASEAN+3 (APT) lần "
        "thứ 23. Hội nghị APT được tiến hành lần đầu tiên vào tháng 12/1997."
    )
    assert series_dates(text, None) == [
        ("ASEAN Plus Three Summit", "1997-12"),
        ("ASEAN Plus Three Summit", "2020-11-14"),
    ]


def test_recent_abbreviation_of_a_subregional_summit() -> None:
    text = (
        "Thủ tướng Phạm Minh Chính đã dự Hội nghị Cấp cao Mê Công - Nhật Bản (MJS) lần thứ 13 "
        "tại Tokyo ngày 15/12. Hội nghị MJS lần đầu tiên được tổ chức tại Tokyo năm 2009."
    )
    assert series_dates(text, "2025-12-20") == [
        ("Mekong-Japan Summit", "2009"),
        ("Mekong-Japan Summit", "2025-12-15"),
    ]


def test_recent_abbreviation_with_the_summit_word() -> None:
    text = (
        "Thủ tướng Phạm Minh Chính đã dự Hội nghị Cấp cao ASEAN+3 (APT) lần thứ 28 tại Kuala "
        "Lumpur ngày 27/10. Hội nghị Cấp cao APT lần thứ nhất diễn ra tại Kuala Lumpur năm 1997."
    )
    assert ("ASEAN Plus Three Summit", "1997") in series_dates(text, "2025-10-28")


def test_recent_an_abbreviation_never_defined_names_nothing() -> None:
    text = "Hội nghị APT được tiến hành lần đầu tiên vào tháng 12/1997."
    assert [s for s, _ in series_dates(text, "2020-11-10")] == []


def test_recent_an_abbreviation_inside_a_longer_word_is_not_it() -> None:
    text = (
        "Thủ tướng Phạm Minh Chính đã dự Hội nghị Cấp cao ASEAN+3 (APT) lần thứ 28 ngày 27/10. "
        "Hội nghị APTX về công nghệ đã diễn ra năm 2019."
    )
    assert series_dates(text, "2025-10-28") == [("ASEAN Plus Three Summit", "2025-10-27")]


# ------------ the first occurrence of a mechanism counted far later is another meeting


def test_recent_first_summit_is_not_merged_into_the_counted_one() -> None:
    text = (
        "Ngày 14/11, Tổng thống Moon Jae-in sẽ tham gia Hội nghị Cấp cao ASEAN+3 lần thứ 23. Hội "
        "nghị Cấp cao ASEAN+3 được tiến hành lần đầu tiên vào tháng 12/1997."
    )
    found = series_dates(text, None)
    assert len(found) == 2 and ("ASEAN Plus Three Summit", "1997-12") in found


def test_recent_first_summit_without_its_year_has_no_date() -> None:
    text = (
        "Ngày 14/11/2020, Tổng thống Moon Jae-in sẽ tham gia Hội nghị Cấp cao ASEAN+3 (APT) lần "
        "thứ 23. Hội nghị APT được tiến hành lần đầu tiên vào tháng 12."
    )
    assert ("ASEAN Plus Three Summit", None) in series_dates(text, None)


def test_recent_first_summit_told_as_lan_thu_nhat_without_year() -> None:
    text = (
        "Ngày 26/10/2025, Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEAN lần thứ 47. Hội "
        "nghị Cấp cao ASEAN được tổ chức lần thứ nhất vào tháng 2 tại Bali."
    )
    assert ("ASEAN Summit", None) in series_dates(text, None)


def test_recent_the_summit_told_again_is_merged() -> None:
    text = (
        "Ngày 26/10/2025, Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEAN lần thứ 47. Hội "
        "nghị Cấp cao ASEAN lần này tập trung vào kết nạp Timor-Leste."
    )
    assert series_dates(text, None) == [("ASEAN Summit", "2025-10-26")]


def test_recent_a_first_visit_is_no_first_occurrence_of_a_mechanism() -> None:
    text = (
        "Ngày 26/10/2025, Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEAN lần thứ 47. Đây là "
        "lần đầu tiên Thủ tướng Phạm Minh Chính thăm Kuala Lumpur trong năm nay."
    )
    assert ("ASEAN Summit", "2025-10-26") in series_dates(text, None)
