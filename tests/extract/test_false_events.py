"""Events stage: what is not a diplomatic event in news about something else (sport,
business, science), each shape beside a near sentence that is an event."""

from diplonews.extract import extract
from diplonews.extract.record import Event


def events_of(text: str, published: str | None = "2005-05-10") -> list[Event]:
    return extract(text, "t", published=published).events


# -- a forum named in its officer's title is the body, not a meeting


def test_false_events_forum_in_an_officers_title_is_the_body() -> None:
    text = "Quan điểm này được ông Long Vĩnh Đồ, Tổng thư ký Diễn đàn châu Á Boao đồng tình."
    assert events_of(text) == []


def test_false_events_forum_held_is_still_a_meeting() -> None:
    [event] = events_of(
        "Ngày 22/4, Chủ tịch Trung Quốc Hồ Cẩm Đào phát biểu khai mạc Diễn đàn châu Á Boao "
        "tại Hải Nam."
    )
    assert event.series == "Boao Forum for Asia"


def test_false_events_forum_in_a_named_officers_title_is_the_body() -> None:
    text = (
        "Quan điểm của Desmond đã được ông Long Yongtu, Tổng thư ký Diễn đàn châu Á Boao đồng tình."
    )
    assert events_of(text) == []
