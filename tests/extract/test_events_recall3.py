"""Eleventh round: event recall on 2003–2006 world news (x-recall3). Invented sentences."""

from diplonews.extract import extract


def undated(text: str) -> list:
    """The events of an article with no publication date, as the archive's are."""
    return extract(text, "t").events


def test_recall3_a_states_representative_meeting_anothers_officials_is_talks() -> None:
    [event] = undated("Tuần trước, đại diện Iran đã gặp các quan chức Pháp tại Geneva.")
    assert (event.kind, event.parties) == ("meeting", ["FRA", "IRN"])


def test_recall3_a_states_negotiators_meeting_anothers_officials_is_talks() -> None:
    [event] = undated("Các nhà đàm phán Hàn Quốc hôm qua đã gặp các quan chức Nhật Bản.")
    assert event.parties == ["JPN", "KOR"]


def test_recall3_a_delegation_representing_victims_is_no_state_office() -> None:
    assert (
        undated("Đoàn đại biểu đại diện cho các nạn nhân chiến tranh vừa có chuyến thăm Đức.") == []
    )


def test_recall3_an_official_sent_to_another_state_visits_it() -> None:
    [event] = undated("Một quan chức Ai Cập hôm qua đã được cử tới Syria để chuyển thông điệp.")
    assert (event.kind, event.status, event.parties) == ("visit", "held", ["EGY", "SYR"])


def test_recall3_a_states_experts_travelling_to_another_state_visit_it() -> None:
    [event] = undated("Các chuyên gia an ninh Ai Cập hôm qua đã tới Jordan để hỗ trợ điều tra.")
    assert (event.kind, event.parties) == ("visit", ["EGY", "JOR"])


def test_recall3_a_ban_on_a_states_officials_travelling_is_no_visit() -> None:
    assert undated("EU đe doạ cấm các quan chức cấp cao Belarus đến các nước thành viên.") == []


def test_recall3_a_group_of_officials_travelling_takes_no_one_named_before() -> None:
    events = undated(
        "Ngoại trưởng Mỹ Colin Powell nói còn quá sớm để kết luận. Trong khi đó, các "
        "chuyên gia an ninh Ai Cập hôm qua đã tới Jordan để hỗ trợ điều tra."
    )
    [event] = [e for e in events if e.kind == "visit"]
    assert (event.parties, event.participants) == (["EGY", "JOR"], [])


def test_recall3_one_unnamed_official_sent_abroad_is_not_the_one_named_before() -> None:
    [event] = undated(
        "Ngoại trưởng Palestine Nabil Shaath khẳng định lệnh ngừng bắn sẽ được tôn trọng. "
        "Một quan chức Palestine đã được cử tới Libăng để kêu gọi ủng hộ."
    )
    assert (event.parties, event.participants) == (["LBN", "PSE"], [])


def test_recall3_experts_of_no_security_field_travelling_are_no_visit() -> None:
    assert undated("Các chuyên gia Hàn Quốc hôm qua đã tới Lào để khảo sát tuyến đường sắt.") == []
    assert undated("Các chuyên gia điều tra Đức đã tới Nepal để điều tra vụ lở đất.") == []
