"""Trips told by a verb of motion (events/movements): the words that may stand between
the traveller and the verb, and the purposes that make being abroad a trip."""

from diplonews.extract import extract
from diplonews.extract.record import Event

PUBLISHED = "2005-03-05"


def visits(text: str) -> list[Event]:
    return [e for e in extract(text, "t", published=PUBLISHED).events if e.kind == "visit"]


def test_how_the_trip_is_made_stands_between_traveller_and_verb() -> None:
    for how in ("sẽ lần đầu tiên", "bí mật", "bất ngờ", "sẽ lần đầu"):
        [visit] = visits(f"Thủ tướng Hungary Ferenc Gyurcsány {how} tới Ukraina.")
        assert visit.parties == ["HUN", "UKR"], how
        assert [p.name for p in visit.participants] == ["Ferenc Gyurcsány"]


def test_a_trip_coming_soon_is_planned_not_a_wish() -> None:
    [visit] = visits("Ngoại trưởng Ba Lan Adam Rotfeld sẽ sớm đến Canada.")
    assert (visit.status, visit.parties) == ("planned", ["CAN", "POL"])


def test_asking_another_to_come_soon_is_still_a_wish() -> None:
    assert visits("Ông đề nghị Ngoại trưởng Ba Lan Adam Rotfeld sớm đến Canada.") == []


def test_officials_who_travel_together_each_take_part() -> None:
    [visit] = visits(
        "Ngoại trưởng Ba Lan Adam Rotfeld và Bộ trưởng Quốc phòng Ba Lan Jerzy Szmajdziński "
        "sẽ cùng đến Canada vào ngày 8/3."
    )
    assert visit.parties == ["CAN", "POL"]
    assert {p.name for p in visit.participants} == {"Adam Rotfeld", "Jerzy Szmajdziński"}


def test_a_spouse_beside_the_traveller_does_not_hide_him() -> None:
    [visit] = visits("Tổng thống Chile Ricardo Lagos và phu nhân Luisa tới thủ đô Canada hôm qua.")
    assert visit.parties == ["CAN", "CHL"]
    assert [p.name for p in visit.participants] == ["Ricardo Lagos"]


def test_the_leader_of_a_delegation_travels_with_it() -> None:
    [visit] = visits(
        "Một phái đoàn do Thứ trưởng Ngoại giao Chile Cristián Barros dẫn đầu đã tới Canada "
        "hôm qua."
    )
    assert (visit.status, visit.date, visit.parties) == ("held", "2005-03-04", ["CAN", "CHL"])
    assert [p.name for p in visit.participants] == ["Cristián Barros"]


def test_leading_without_a_delegation_is_no_trip() -> None:
    assert visits("Thủ tướng Chile Ricardo Lagos dẫn đầu tới Canada.") == []


def test_being_abroad_on_a_trip_or_to_sign_is_a_visit() -> None:
    for purpose in ("trong chuyến đi kéo dài ba ngày", "để ký một số hợp đồng thương mại"):
        [visit] = visits(f"Tổng thống Chile Ricardo Lagos đang ở Ottawa {purpose}.")
        assert (visit.status, visit.parties, visit.location) == (
            "held",
            ["CAN", "CHL"],
            "Ottawa",
        ), purpose


def test_being_abroad_for_no_business_is_no_visit() -> None:
    assert visits("Tổng thống Chile Ricardo Lagos đang ở Ottawa cùng gia đình.") == []
    assert visits("Tổng thống Chile Ricardo Lagos đang ở Santiago để ký một số hợp đồng.") == []


def test_being_abroad_to_negotiate_is_a_visit_and_talks() -> None:
    events = extract(
        "Ngoại trưởng Chile Ignacio Walker đang ở Ottawa để đàm phán với các quan chức Canada.",
        "t",
        published=PUBLISHED,
    ).events
    assert sorted(e.kind for e in events) == ["meeting", "visit"]
    assert all(e.parties == ["CAN", "CHL"] for e in events)


def test_a_clause_of_time_that_opens_the_sentence_tells_its_subjects_trip() -> None:
    for opening in ("Trước khi đến Ottawa,", "Trả lời phóng viên trên đường tới Ottawa,"):
        [visit] = visits(f"{opening} Ngoại trưởng Chile Ignacio Walker bày tỏ sự lạc quan.")
        assert visit.parties == ["CAN", "CHL"], opening
        assert [p.name for p in visit.participants] == ["Ignacio Walker"]


def test_a_clause_of_time_after_the_subject_tells_its_trip() -> None:
    [visit] = visits(
        "Ngoại trưởng Chile Ignacio Walker sẽ phát biểu tại Lima trước khi bay tới Ottawa."
    )
    assert (visit.status, visit.parties, visit.location) == ("planned", ["CAN", "CHL"], "Ottawa")


def test_a_clause_of_time_about_someone_else_is_no_trip_of_the_subject() -> None:
    for text in (
        "Ngoại trưởng Chile Ignacio Walker cho biết, lao động trước khi sang Canada phải học.",
        "Ngoại trưởng Chile Ignacio Walker tin rằng những nghi phạm đang trên đường tới Canada.",
        "Ông Ignacio Walker, Ngoại trưởng Chile, lên tiếng sau khi con tàu bị bắt trên đường tới Lima.",
        "Chẩn đoán của các bác sĩ khi tới Ottawa là Ngoại trưởng Chile Ignacio Walker bị cúm.",
    ):
        assert visits(text) == [], text


def test_a_place_told_by_its_side_or_kind_is_still_where_to() -> None:
    for words in ("miền nam", "thành phố cảng miền nam", "thành phố cảng"):
        [visit] = visits(f"Tổng thống Chile Ricardo Lagos hôm qua bay tới {words} Vancouver.")
        assert visit.parties == ["CAN", "CHL"], words
        assert [p.name for p in visit.participants] == ["Ricardo Lagos"]


def test_being_in_a_part_of_a_state_on_a_day_to_come_is_a_planned_visit() -> None:
    [visit] = visits("Tổng thống Chile Ricardo Lagos sẽ có mặt tại miền nam Canada thứ bảy tới.")
    assert (visit.status, visit.parties) == ("planned", ["CAN", "CHL"])


def test_a_trip_to_a_part_of_ones_own_state_is_no_visit() -> None:
    assert (
        visits("Tổng thống Mỹ George Bush hôm qua bay tới thành phố cảng miền nam Houston.") == []
    )


def test_troops_and_tourists_sent_to_a_part_of_a_state_make_no_visit() -> None:
    assert visits("Quân đội Anh đã tới thành phố cảng miền nam Basra.") == []
    assert visits("Nhiều du khách Mỹ đã bay tới thành phố cảng Vancouver.") == []


def test_a_region_of_a_state_is_that_state() -> None:
    [visit] = visits("Ngoại trưởng Nga Sergei Lavrov đã đến Adzharia hôm qua.")
    assert visit.parties == ["GEO", "RUS"]


def test_setting_off_in_a_clause_of_time_is_a_trip_of_the_pronoun_after_it() -> None:
    [visit] = visits(
        "Trong số khách mời có Ngoại trưởng Chile Ignacio Walker. "
        "Trước khi lên đường đi Ottawa, ông tuyên bố rằng Santiago muốn giúp đỡ Canada."
    )
    assert visit.parties == ["CAN", "CHL"]
    assert [p.name for p in visit.participants] == ["Ignacio Walker"]


def test_a_pronoun_after_a_clause_of_time_needs_someone_named_before() -> None:
    assert visits("Trước khi lên đường đi Ottawa, ông tuyên bố rằng sẽ giúp đỡ Canada.") == []


def test_the_pronoun_right_after_an_official_is_that_official() -> None:
    [visit] = visits(
        "Nhiều người Canada phản đối Tổng thống Chile Ricardo Lagos khi ông tới Ottawa "
        "vào tuần tới."
    )
    assert (visit.status, visit.parties) == ("planned", ["CAN", "CHL"])
    assert [p.name for p in visit.participants] == ["Ricardo Lagos"]


def test_this_country_is_the_state_named_before_other_than_the_travellers() -> None:
    [visit] = visits(
        "Nhiều người Canada phản đối Tổng thống Chile Ricardo Lagos khi ông tới nước này "
        "vào tuần tới."
    )
    assert (visit.status, visit.parties) == ("planned", ["CAN", "CHL"])


def test_this_country_as_the_travellers_own_is_no_visit() -> None:
    assert visits("Tổng thống Chile Ricardo Lagos đã trở lại nước này hôm qua.") == []
    assert (
        visits("Người dân Chile chào đón Tổng thống Chile Ricardo Lagos khi ông tới nước này.")
        == []
    )


def test_a_delegation_named_by_its_capital_is_of_that_state() -> None:
    [visit] = visits("Hôm qua, phái đoàn Ottawa đã tới Santiago để thảo luận về thương mại.")
    assert visit.parties == ["CAN", "CHL"]


def test_lawmakers_of_a_state_travel_as_a_group() -> None:
    [visit] = visits("6 nghị sĩ Mỹ sẽ đến Canada vào tuần tới để thảo luận về thương mại.")
    assert (visit.status, visit.parties) == ("planned", ["CAN", "USA"])


def test_lawmakers_at_a_shrine_at_home_make_no_visit() -> None:
    assert visits("Hôm qua, 80 nghị sĩ Nhật Bản đã tới thăm đền Yasukuni ở Osaka.") == []
    assert visits("Các nghị sĩ Nhật Bản hôm qua đã tới Osaka.") == []


def test_the_trip_of_lawmakers_told_twice_is_one_visit() -> None:
    [visit] = visits(
        "6 nghị sĩ Mỹ sẽ đến Canada vào tuần tới. "
        "Đây sẽ là phái đoàn nghị sĩ đầu tiên của Mỹ thăm Canada kể từ năm 2003."
    )
    assert visit.parties == ["CAN", "USA"]


def test_a_day_to_come_stands_between_traveller_and_verb() -> None:
    for when in ("ngày mai", "tuần tới", "sáng mai"):
        [visit] = visits(f"Thủ tướng Hungary Ferenc Gyurcsány {when} tới Ukraina.")
        assert (visit.status, visit.parties) == ("planned", ["HUN", "UKR"]), when
    [visit] = visits("Thủ tướng Hungary Ferenc Gyurcsány cuối tuần này tới Ukraina.")
    assert visit.parties == ["HUN", "UKR"]


def test_a_trip_tomorrow_is_planned_without_a_publication_date() -> None:
    [visit] = [
        e
        for e in extract("Thủ tướng Hungary Ferenc Gyurcsány ngày mai tới Ukraina.", "t").events
        if e.kind == "visit"
    ]
    assert (visit.status, visit.parties) == ("planned", ["HUN", "UKR"])


def test_an_official_named_before_travels_under_his_title_alone() -> None:
    [visit] = visits(
        "Ngoại trưởng Mỹ Condoleezza Rice đã hội kiến Tổng thống Ấn Độ. "
        "Dự kiến, Ngoại trưởng Mỹ sẽ lên đường đến Islamabad chiều nay."
    )
    assert (visit.status, visit.parties) == ("planned", ["PAK", "USA"])
    assert [p.name for p in visit.participants] == ["Condoleezza Rice"]


def test_a_seat_named_for_a_president_travels_as_him() -> None:
    [visit] = visits(
        "Tổng thống Mỹ George Bush phát biểu tại Washington. "
        "Thứ bảy này, ông chủ Nhà Trắng sẽ tới Ankara để gặp Thủ tướng Thổ Nhĩ Kỳ."
    )
    assert visit.parties == ["TUR", "USA"]
    assert [p.name for p in visit.participants] == ["George Bush"]


def test_a_spouse_or_a_former_holder_under_a_title_is_not_the_official() -> None:
    assert (
        visits(
            "Tổng thống Mỹ George Bush phát biểu tại Washington. "
            "Phu nhân tổng thống đã tới Amman, thủ đô của Jordan, chiều qua."
        )
        == []
    )


def test_the_talks_a_group_travels_for_are_held_with_the_host() -> None:
    for text in (
        "Hôm qua, phái đoàn Ottawa đã tới Santiago để thảo luận về thương mại.",
        "Hôm qua, 6 nghị sĩ Canada đã tới Chile để thảo luận về thương mại.",
    ):
        events = extract(text, "t", published=PUBLISHED).events
        assert sorted((e.kind, tuple(e.parties)) for e in events) == [
            ("meeting", ("CAN", "CHL")),
            ("visit", ("CAN", "CHL")),
        ], text


def test_movements_the_purpose_of_a_visit_named_by_its_noun_is_talks() -> None:
    events = extract(
        "Theo giới chức Pakistan, Ngoại trưởng Mỹ Colin Powell sẽ sớm có chuyến công du "
        "Islamabad để thảo luận về vấn đề phổ biến vũ khí hạt nhân.",
        "t",
        published="2004-03-01",
    ).events
    assert sorted((e.kind, e.status) for e in events) == [
        ("meeting", "planned"),
        ("visit", "planned"),
    ]
    assert all(sorted(e.parties) == ["PAK", "USA"] for e in events)


def test_movements_an_invitation_to_visit_and_discuss_is_no_talks() -> None:
    events = extract(
        "Tổng thống Israel Moshe Katsav hôm qua đã mời người đồng nhiệm Syria Bashar al-Assad "
        "đến thăm Jerusalem để bàn thảo về một hiệp ước hoà bình.",
        "t",
        published="2004-03-01",
    ).events
    assert [e for e in events if e.kind == "meeting"] == []
