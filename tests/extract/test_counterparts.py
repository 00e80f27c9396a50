"""The other side of talks named as a state's unnamed officials ("các quan chức Indonesia")."""

from diplonews.extract import extract


def meetings(text: str) -> list:
    return [e for e in extract(text, "t", published="2005-03-10").events if e.kind == "meeting"]


def test_counterparts_officials_of_a_state_are_the_other_side() -> None:
    [talks] = meetings(
        "Hôm qua, Ngoại trưởng Mỹ Colin Powell đã hội đàm với các quan chức Indonesia tại Jakarta."
    )
    assert talks.parties == ["IDN", "USA"]
    assert [p.name for p in talks.participants] == ["Colin Powell"]


def test_counterparts_qualified_officials_still_name_their_state() -> None:
    [talks] = meetings(
        "Phó tổng thống Mỹ Dick Cheney hôm qua đã hội đàm với các quan chức cấp cao Trung Quốc."
    )
    assert talks.parties == ["CHN", "USA"]


def test_counterparts_an_office_meets_another_states_officials() -> None:
    [talks] = meetings(
        "Nhà ngoại giao Trung Quốc hôm qua đã có cuộc họp đặc biệt với các quan chức an ninh Iraq."
    )
    assert talks.parties == ["CHN", "IRQ"]


def test_counterparts_officials_of_no_state_are_no_side() -> None:
    assert not meetings(
        "Hôm qua, phái đoàn sứ quán Mỹ đã gặp gỡ các quan chức bệnh viện ở Tokyo, nơi một binh "
        "sĩ Mỹ từng chạy sang Bắc Triều Tiên đang chữa bệnh."
    )


def test_counterparts_a_government_or_counted_officials_name_their_state() -> None:
    [talks] = meetings("Hôm qua, Ngoại trưởng Anh Jack Straw đã hội đàm với chính phủ Iraq.")
    assert talks.parties == ["GBR", "IRQ"]
    [talks] = meetings(
        "Hôm qua, Ngoại trưởng Anh Jack Straw đã gặp 2 quan chức hạt nhân hàng đầu Iran."
    )
    assert talks.parties == ["GBR", "IRN"]


def test_counterparts_a_groups_officials_meet_another_states() -> None:
    [talks] = meetings("Các quan chức cấp cao của EU3 đã gặp các phái viên Nga tại Vienna hôm qua.")
    assert {"DEU", "FRA", "GBR", "RUS"} <= set(talks.parties)


def test_counterparts_a_possibility_kept_open_is_no_event() -> None:
    assert (
        extract(
            "Tokyo không loại bỏ khả năng sẽ tổ chức một chuyến đi tới Iraq để gặp giới chức Mỹ.",
            "t",
            published="2006-03-10",
        ).events
        == []
    )
