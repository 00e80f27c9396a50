"""What a meeting's place says of it: ASEAN summits abroad, hosts who chair."""

from diplonews.extract import extract
from diplonews.extract.record import Event


def events_of(text: str, published: str | None = "2018-03") -> list[Event]:
    return extract(text, "t", published=published).events


def test_summits_asean_summit_in_a_partner_city_is_its_special_summit() -> None:
    [event] = events_of(
        "Ngày 17/3, lãnh đạo các nước Đông Nam Á đã tới Sydney để dự hội nghị thượng đỉnh ASEAN."
    )
    assert (event.series, event.location) == ("ASEAN-Australia Special Summit", "Sydney")
    assert event.parties == ["ASEAN", "AUS"]


def test_summits_asean_summit_in_a_member_city_stays_the_blocs_own() -> None:
    [event] = events_of(
        "Ngày 17/3, lãnh đạo các nước Đông Nam Á đã tới Jakarta để dự hội nghị thượng đỉnh ASEAN."
    )
    assert event.series == "ASEAN Summit"
