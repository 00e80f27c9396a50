"""Fields of one event: the parties its own words name."""

from diplonews.extract import extract
from diplonews.extract.record import Event


def events_of(text: str, published: str | None = "2005-03") -> list[Event]:
    return extract(text, "t", published=published).events


def test_fields_a_third_state_hosting_talks_is_no_side() -> None:
    [talks] = events_of(
        "Hôm qua, Ngoại trưởng Pháp Michel Barnier đã hội đàm với Ngoại trưởng Đức Joschka "
        "Fischer tại Bỉ."
    )
    assert talks.parties == ["DEU", "FRA"]


def test_fields_the_counterparts_own_state_named_as_the_place_stays() -> None:
    [talks] = events_of(
        "Ngoại trưởng Pháp Michel Barnier sẽ hội đàm với người đồng cấp ở Đức vào tuần tới."
    )
    assert "DEU" in talks.parties
