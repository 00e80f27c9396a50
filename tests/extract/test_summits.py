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


def test_summits_host_named_after_the_meeting_chairs_it() -> None:
    [event] = events_of(
        "Ngày 17/3, lãnh đạo các nước Đông Nam Á đã tới Sydney để dự hội nghị thượng đỉnh "
        "ASEAN. Là nước chủ nhà đăng cai sự kiện này, Thủ tướng Australia Malcolm Turnbull "
        "nhấn mạnh vai trò của khu vực."
    )
    assert {p.name: p.role for p in event.participants} == {"Malcolm Turnbull": "chair"}


def test_summits_host_of_another_state_is_not_the_chair() -> None:
    # the official is not of the state the meeting is held in: no host of it
    [event] = events_of(
        "Ngày 17/3, lãnh đạo các nước Đông Nam Á đã tới Sydney để dự hội nghị thượng đỉnh "
        "ASEAN. Là nước chủ nhà của kỳ họp tới, Thủ tướng Lào Thongloun Sisoulith nhấn mạnh "
        "vai trò của khu vực."
    )
    assert all(p.role != "chair" for p in event.participants)


CAPTIONED = (
    "Hội nghị Cấp cao Mekong-Nhật Bản lần thứ 10 khai mạc\n\n"
    "Thủ tướng Nhật Bản Shinzo Abe và Thủ tướng Campuchia Hun Sen tại Hội nghị Cấp cao "
    "Mekong-Nhật Bản lần thứ 10 ở Tokyo. (Ảnh: Kyodo)\n\n"
    "Ngày 9/10, Hội nghị Cấp cao Mekong-Nhật Bản lần thứ 10 đã diễn ra tại Tokyo với sự tham "
    "gia của lãnh đạo năm nước Mekong. Các bên nhất trí tăng cường hợp tác hạ tầng.\n"
)


def test_summits_officials_in_a_caption_at_the_meeting_take_part() -> None:
    [event] = extract(CAPTIONED, "t", published="2018-10").events
    assert event.series == "Mekong-Japan Summit"
    assert {p.name for p in event.participants} >= {"Shinzo Abe", "Hun Sen"}


def test_summits_an_organisations_own_assembly_has_it_as_a_party() -> None:
    [assembly] = extract(
        "Ngày 6/8, Chủ tịch Quốc hội Vương Đình Huệ dự Đại hội đồng AIPA lần thứ 44 tại Jakarta.",
        "t",
        published="2023-08",
    ).events
    assert assembly.parties == ["AIPA", "VNM"]
    [summit] = extract(
        "Ngày 13/10, Phó Chủ tịch nước Nguyễn Thị Doan dự Hội nghị Cấp cao Pháp ngữ lần thứ 14.",
        "t",
        published="2012-10",
    ).events
    assert summit.parties == ["OIF", "VNM"]


def test_summits_who_meet_on_the_sidelines_take_part_in_the_gathering() -> None:
    events = events_of(
        "Tháng trước, Tổng thống Iran Mohammad Khatami và người đồng nhiệm Ai Cập Hosni "
        "Mubarak đã có cuộc gặp bên lề một hội nghị ở Geneva."
    )
    [gathering] = [e for e in events if e.name and e.name.startswith("hội nghị")]
    assert {p.name for p in gathering.participants} == {"Mohammad Khatami", "Hosni Mubarak"}
    assert gathering.parties == ["EGY", "IRN"]


def test_summits_a_partner_met_beside_a_blocs_summit_is_no_side_of_it() -> None:
    events = events_of(
        "Ngày 10/5, Thủ tướng Phạm Minh Chính đã gặp Thủ tướng Nhật Bản Kishida Fumio bên lề "
        "Hội nghị Cấp cao ASEAN lần thứ 42 tại Labuan Bajo."
    )
    [summit] = [e for e in events if e.series == "ASEAN Summit"]
    assert summit.parties == ["ASEAN"]


def test_summits_a_meeting_of_foreign_ministers_written_cuoc_hop_is_the_series() -> None:
    from diplonews.extract import extract

    found = extract(
        "Ông Lý Triệu Tinh có cuộc gặp người đồng cấp Nhật Bản Nobutaka Machimura tại Kyoto, "
        "bên lề cuộc họp ngoại trưởng Á-Âu kéo dài 2 ngày.",
        "t",
    ).events
    assert "ASEM Foreign Ministers' Meeting" in {e.series for e in found}


def test_summits_the_state_of_a_summits_city_hosts_it() -> None:
    [event] = events_of(
        "Ngày 14/3, Thủ tướng Canada Justin Trudeau tham dự Hội nghị Cấp cao APEC tại Lima."
    )
    assert event.location == "Lima"
    assert "PER" in event.parties


def test_summits_a_host_member_of_the_bloc_is_not_added() -> None:
    # an ASEAN summit in a member's city: ASEAN stands for its host
    [event] = events_of(
        "Ngày 14/3, Thủ tướng Canada Justin Trudeau tham dự Hội nghị Cấp cao ASEAN-Canada "
        "tại Manila."
    )
    assert "PHL" not in event.parties


def test_summits_a_fixed_set_of_states_takes_no_host() -> None:
    # the six parties of the talks are who they are, wherever the round is held
    [event] = events_of("Ngày 14/3, vòng đàm phán 6 bên thứ năm đã diễn ra tại Bangkok.")
    assert "THA" not in event.parties


def test_summits_an_organisations_own_seat_is_no_host() -> None:
    # Brussels is NATO's seat: its ministers meet at home there (cities.tsv seat_of)
    [event] = events_of(
        "Ngày 8/3, Ngoại trưởng Canada Lloyd Axworthy dự Hội nghị Bộ trưởng Ngoại giao NATO "
        "tại Brussels."
    )
    assert event.location == "Brussels"
    assert "BEL" not in event.parties


def test_summits_the_host_named_after_talks_of_two_sides_does_not_chair_them() -> None:
    found = events_of(
        "Ngày 10/5, Ngoại trưởng Pháp Michel Barnier có cuộc gặp với Tổng thống Iraq Jalal "
        "Talabani tại Baghdad. Theo lịch trình, ông Barnier cũng sẽ gặp Thủ tướng Iraq Ibrahim "
        "Jaafari và các quan chức khác của nước chủ nhà.",
        published="2005-05-11",
    )
    held = next(e for e in found if e.status == "held")
    assert [p.name for p in held.participants] == ["Michel Barnier", "Jalal Talabani"]
