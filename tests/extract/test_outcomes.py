"""Outcomes: the documents a meeting adopts, also when the sentence names them first."""

from diplonews.extract import extract


def test_outcomes_adopted_before_the_meeting_named_as_their_setting() -> None:
    events = extract(
        "Ngày 3/5, Việt Nam và Lào đã ký kết Hiệp định hợp tác giáo dục tại Kỳ họp lần thứ 45 "
        "Ủy ban liên Chính phủ Việt Nam - Lào ở Hà Nội.",
        "t",
        published="2024-05",
    ).events
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.outcomes == ["Agreement on Education Cooperation"]


def test_outcomes_before_the_meeting_need_a_setting_word() -> None:
    events = extract(
        "Hai nước đã ký kết Hiệp định thương mại năm 2015. Ngày 3/5, Hội nghị Cấp cao "
        "ASEAN-Hàn Quốc diễn ra tại Seoul.",
        "t",
        published="2024-05",
    ).events
    assert all(e.outcomes == [] for e in events)
