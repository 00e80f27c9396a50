"""The parties and participants of gatherings told by their speakers (round twelve,
x-sides4): a counterpart who speaks after a ministers' meeting, a minister who comments
on it."""

from diplonews.extract import extract


def meetings(text: str) -> list:
    return [e for e in extract(text, "t", published="2005-06-10").events if e.kind == "meeting"]


def sides(event) -> tuple[list[str], list[str]]:
    return event.parties, sorted(p.name for p in event.participants)


def test_a_counterpart_who_speaks_after_a_ministers_meeting_took_part() -> None:
    [meeting] = meetings(
        "Tin ngoại giao\nNgoại trưởng Canada Pierre Pettigrew hôm qua phát biểu sau cuộc họp "
        "của các ngoại trưởng NATO tại Brussels. Tuy nhiên, người đồng nhiệm Hà Lan Bernard "
        "Bot cho rằng liên minh cần thận trọng hơn."
    )
    assert sides(meeting) == (["CAN", "NATO", "NLD"], ["Bernard Bot", "Pierre Pettigrew"])


def test_a_minister_who_comments_after_a_ministers_meeting_took_part() -> None:
    [meeting] = meetings(
        "Tin ngoại giao\nCác ngoại trưởng NATO hôm qua nhất trí mở rộng sứ mệnh huấn luyện "
        "tại Brussels. Ngoại trưởng Na Uy Jan Petersen bình luận rằng đây là quyết định đúng "
        "đắn."
    )
    assert sides(meeting) == (["NATO", "NOR"], ["Jan Petersen"])


def test_a_member_who_comments_after_a_blocs_ministers_meeting_stays_under_the_bloc() -> None:
    [meeting] = meetings(
        "Tin ngoại giao\nCác ngoại trưởng EU hôm qua nhất trí gia hạn lệnh trừng phạt đối với "
        "Belarus tại Luxembourg. Ngoại trưởng Thụy Điển Laila Freivalds bình luận rằng đây là "
        "quyết định đúng đắn."
    )
    assert sides(meeting) == (["EU"], ["Laila Freivalds"])


def test_a_counterpart_after_a_meeting_without_an_official_of_its_level_is_not_added() -> None:
    [meeting] = meetings(
        "Tin ngoại giao\nCác ngoại trưởng EU hôm qua nhất trí gia hạn lệnh trừng phạt đối với "
        "Belarus tại Luxembourg. Người đồng nhiệm Mỹ Condoleezza Rice cho rằng quyết định "
        "này đến quá muộn."
    )
    assert sides(meeting) == (["EU"], [])


def test_a_dialogue_held_beside_the_other_leaders_is_not_a_home_meeting() -> None:
    found = meetings(
        "Tin ngoại giao\nChủ tịch nước Trần Đức Lương đã tới Santiago dự Hội nghị cấp cao APEC. "
        "Chiều 19/11, Chủ tịch nước cùng các nhà lãnh đạo đã có buổi đối thoại với Hội đồng "
        "Tư vấn kinh doanh APEC."
    )
    dialogue = [e for e in found if "đối thoại" in (e.name or "")]
    assert [(e.parties, [p.name for p in e.participants]) for e in dialogue] == [
        (["VNM"], ["Trần Đức Lương"])
    ]
