"""The parties and participants of events found: talks of three told as "hội đàm với A
và B" (round eleven, x-sides3)."""

from diplonews.extract import extract


def meetings(text: str) -> list:
    return [e for e in extract(text, "t", published="2005-03-10").events if e.kind == "meeting"]


def sides(event) -> tuple[list[str], list[str]]:
    return event.parties, sorted(p.name for p in event.participants)


def test_talks_with_two_officials_of_two_states_are_one_meeting_of_three() -> None:
    [talks] = meetings(
        "Tin ngoại giao\nThủ tướng Anh Tony Blair hôm qua có cuộc gặp với Tổng thống Pháp "
        "Jacques Chirac và Thủ tướng Đức Gerhard Schroeder tại Brussels."
    )
    assert sides(talks) == (
        ["DEU", "FRA", "GBR"],
        ["Gerhard Schroeder", "Jacques Chirac", "Tony Blair"],
    )


def test_talks_with_two_officials_told_one_by_one_stay_two_meetings() -> None:
    found = meetings(
        "Tin ngoại giao\nThủ tướng Anh Tony Blair hôm qua lần lượt hội đàm với Tổng thống Pháp "
        "Jacques Chirac và Thủ tướng Đức Gerhard Schroeder tại Brussels."
    )
    assert sorted(e.parties for e in found) == [["DEU", "GBR"], ["FRA", "GBR"]]


def test_separate_meetings_with_two_officials_stay_two() -> None:
    found = meetings(
        "Tin ngoại giao\nThủ tướng Anh Tony Blair hôm qua có các cuộc gặp riêng với Tổng thống "
        "Pháp Jacques Chirac và Thủ tướng Đức Gerhard Schroeder tại Brussels."
    )
    assert sorted(e.parties for e in found) == [["DEU", "GBR"], ["FRA", "GBR"]]


def test_a_traveller_meets_two_states_officials_in_turn() -> None:
    found = meetings(
        "Tin ngoại giao\nTrong chuyến công du châu Âu tuần tới, Thủ tướng Anh Tony Blair sẽ "
        "hội đàm với Tổng thống Pháp Jacques Chirac và Thủ tướng Đức Gerhard Schroeder."
    )
    assert sorted(e.parties for e in found) == [["DEU", "GBR"], ["FRA", "GBR"]]


def test_a_blocs_unnamed_officials_make_it_the_other_side() -> None:
    [talks] = meetings(
        "Tin ngoại giao\nThứ trưởng Ngoại giao Nhật Bản Shotaro Yachi đã hội đàm với các quan "
        "chức EU tại Luxembourg hôm thứ hai."
    )
    assert talks.parties == ["EU", "JPN"]


def test_a_states_unnamed_ministers_make_it_the_other_side() -> None:
    [talks] = meetings(
        "Tin ngoại giao\nNgoại trưởng Anh Jack Straw hôm qua đã hội đàm với các bộ trưởng "
        "Iraq tại Baghdad."
    )
    assert talks.parties == ["GBR", "IRQ"]


def test_an_organisations_board_meeting_is_not_talks_with_it() -> None:
    found = meetings(
        "Tin ngoại giao\nSau cuộc họp ban lãnh đạo IAEA vào ngày 6/3, báo cáo sẽ được chuyển "
        "cho Hội đồng Bảo an."
    )
    assert all(e.parties != ["IAEA", "IRN"] for e in found)


def test_a_title_of_three_states_officials_names_none_of_them_alone() -> None:
    found = meetings(
        "Tin ngoại giao\nNgoại trưởng Mỹ John Kerry hôm qua tới Kuala Lumpur. Ngoại trưởng ba "
        "nước Mỹ, Nhật Bản và Hàn Quốc hôm nay cũng đã nhóm họp tại Kuala Lumpur."
    )
    [trilateral] = [e for e in found if len(e.parties) == 3]
    assert sides(trilateral) == (["JPN", "KOR", "USA"], [])


def test_a_title_of_two_states_officials_is_the_visits_two_sides() -> None:
    found = meetings(
        "Tin ngoại giao\nThủ tướng Thái Lan Thaksin Shinawatra đã tới Hà Nội hôm qua, bắt đầu "
        "chuyến thăm chính thức Việt Nam theo lời mời của Thủ tướng Phan Văn Khải. Chiều cùng "
        "ngày, Thủ tướng hai nước đã hội đàm tại Văn phòng Chính phủ."
    )
    [talks] = [e for e in found if "hai nước" in e.evidence]
    assert sides(talks) == (["THA", "VNM"], ["Phan Văn Khải", "Thaksin Shinawatra"])


def test_the_foreign_ministers_of_two_states_are_the_visits_two_sides() -> None:
    found = meetings(
        "Tin ngoại giao\nNgoại trưởng Nhật Bản Taro Aso đã tới Hà Nội hôm qua, bắt đầu chuyến "
        "thăm chính thức Việt Nam theo lời mời của Bộ trưởng Ngoại giao Phạm Gia Khiêm. Sau lễ "
        "đón, Bộ trưởng Ngoại giao hai nước đã hội đàm."
    )
    [talks] = [e for e in found if "hai nước" in e.evidence]
    assert sides(talks) == (["JPN", "VNM"], ["Phạm Gia Khiêm", "Taro Aso"])


def test_a_title_of_two_states_officials_keeps_the_one_visitor_named() -> None:
    # the visit names only its guest: the talks keep him, one of the two sides
    found = meetings(
        "Tin ngoại giao\nTổng thống Chile Michelle Bachelet đã tới Lima hôm qua, bắt đầu chuyến "
        "thăm chính thức Peru. Chiều cùng ngày, Tổng thống hai nước đã hội đàm."
    )
    [talks] = [e for e in found if "hai nước" in e.evidence]
    assert sides(talks) == (["CHL", "PER"], ["Michelle Bachelet"])
