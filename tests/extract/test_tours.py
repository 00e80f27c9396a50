"""A trip named by the world region it goes to ("chuyến công du châu Á")."""

from diplonews.extract import extract


def visits(text: str) -> list:
    return [e for e in extract(text, "t", published="2006-05-01").events if e.kind == "visit"]


def test_tours_a_named_officials_region_tour_is_a_visit() -> None:
    [tour] = visits("Ngoại trưởng Nhật Bản Taro Aso sẽ có chuyến công du châu Phi vào tuần tới.")
    assert tour.parties == ["JPN"]
    assert tour.status == "planned"
    assert [p.name for p in tour.participants] == ["Taro Aso"]


def test_tours_a_compass_region_counts() -> None:
    [tour] = visits("Tổng thống Pháp Jacques Chirac hôm qua kết thúc chuyến công du Nam Á.")
    assert tour.parties == ["FRA"]


def test_tours_with_its_stops_named_the_legs_are_the_events() -> None:
    text = (
        "Tại Tokyo, các quan chức Nhật Bản đã chuẩn bị lễ đón. "
        "Thủ tướng Canada Paul Martin hôm qua bắt đầu chuyến công du châu Á."
    )
    assert all(v.parties != ["CAN"] for v in visits(text))


def test_tours_a_place_that_is_no_world_region_is_no_tour() -> None:
    assert not visits("Ông Nguyễn Văn An đi thăm trung tâm thành phố vào cuối tuần.")


def test_tours_an_office_named_with_its_state_travels() -> None:
    [tour] = visits("Hôm qua, Bộ trưởng Quốc phòng Mỹ đã bắt đầu chuyến công du vùng Vịnh.")
    assert (tour.parties, tour.status) == (["USA"], "held")
    assert tour.participants == []
