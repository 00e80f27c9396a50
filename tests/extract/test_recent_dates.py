"""Tests of how recent news dates its events when the usual anchors are missing or
misleading: a past month opening the sentence ("Hồi tháng 11, …"), a story copied without
its page date but opening on a full day ("Chiều 15/3/2024, …"), a meeting named with its
year ("Tuần lễ Cấp cao APEC 2017"). Sentences are invented; each follows a pattern of
Vietnamese news writing of 2015–2025."""

from __future__ import annotations

from diplonews.extract import extract
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
