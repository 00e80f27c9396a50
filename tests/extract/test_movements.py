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
