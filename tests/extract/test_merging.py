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
