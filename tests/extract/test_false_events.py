"""Events stage: what is not a diplomatic event in news about something else (sport,
business, science), each shape beside a near sentence that is an event."""

from diplonews.extract import extract
from diplonews.extract.record import Event


def events_of(text: str, published: str | None = "2005-05-10") -> list[Event]:
    return extract(text, "t", published=published).events


# -- a forum named in its officer's title is the body, not a meeting


def test_false_events_forum_in_an_officers_title_is_the_body() -> None:
    text = "Quan điểm này được ông Long Vĩnh Đồ, Tổng thư ký Diễn đàn châu Á Boao đồng tình."
    assert events_of(text) == []


def test_false_events_forum_held_is_still_a_meeting() -> None:
    [event] = events_of(
        "Ngày 22/4, Chủ tịch Trung Quốc Hồ Cẩm Đào phát biểu khai mạc Diễn đàn châu Á Boao "
        "tại Hải Nam."
    )
    assert event.series == "Boao Forum for Asia"


def test_false_events_forum_in_a_named_officers_title_is_the_body() -> None:
    text = (
        "Quan điểm của Desmond đã được ông Long Yongtu, Tổng thư ký Diễn đàn châu Á Boao đồng tình."
    )
    assert events_of(text) == []


# -- games, fairs and festivals named after a forum


def test_false_events_games_named_after_a_forum_are_no_meeting() -> None:
    text = (
        "Đội tuyển bóng bàn VN đã dẫn đầu nội dung bóng bàn tại Đại hội Thể thao Thanh niên "
        "diễn đàn hợp tác Á - Âu (ASEM) lần thứ nhất vừa kết thúc tại Bangkok, Thái Lan."
    )
    assert events_of(text) == []


def test_false_events_show_held_on_the_occasion_of_a_summit_tells_the_summit() -> None:
    [event] = events_of(
        "Triển lãm ảnh khai mạc sáng nay nhân Hội nghị cấp cao ASEM 5 diễn ra tại Hà Nội."
    )
    assert event.series == "Asia-Europe Meeting"


def test_false_events_a_summit_told_after_a_games_is_the_summit() -> None:
    [event] = events_of(
        "Cuộc đua đăng cai SEA Games lại diễn ra vào thời điểm nước này đang làm chủ nhà "
        "hội nghị thượng đỉnh G8."
    )
    assert event.series == "G8 Summit"


def test_false_events_members_of_a_forum_are_no_meeting() -> None:
    text = "Hơn 800 VĐV đến từ các nước ASEM dự tranh 97 bộ huy chương."
    assert events_of(text) == []


def test_false_events_a_forum_the_members_attend_is_a_meeting() -> None:
    [event] = events_of("Lãnh đạo các nước thành viên đã dự ASEM 5 tại Hà Nội ngày 8/10/2004.")
    assert event.series == "Asia-Europe Meeting"


# -- officers of a federation, an association or a company are not a state's officials


def test_false_events_head_of_state_with_a_national_federation_is_home_affairs() -> None:
    text = (
        "Tổng thống Silva nói sau cuộc họp với Chủ tịch LĐBĐ Brazil (CBF) Ricardo Teixeira "
        "tại thủ đô Brasilia."
    )
    assert events_of(text) == []


def test_false_events_head_of_state_with_a_foreign_minister_is_a_meeting() -> None:
    [event] = events_of(
        "Tổng thống Brazil Lula da Silva nói sau cuộc họp với Ngoại trưởng Argentina Rafael "
        "Bielsa tại thủ đô Brasilia."
    )
    assert event.parties == ["ARG", "BRA"]


def test_false_events_an_associations_officer_meeting_an_agency_is_no_state_meeting() -> None:
    text = (
        "Ông Trương Hoài Trang, Phó Chủ tịch Hiệp hội Doanh nghiệp Phần mềm Việt Nam đưa ra dự "
        "báo này ngày 17-4, trong buổi gặp gỡ Cơ quan Xúc tiến công nghệ thông tin Hàn Quốc."
    )
    assert events_of(text) == []


def test_false_events_a_companys_head_received_by_a_foreign_leader_is_kept() -> None:
    [event] = events_of(
        "Ngày 17/4, Thủ tướng Phan Văn Khải đã tiếp ông Lee Kun-hee, Chủ tịch Tập đoàn Samsung "
        "của Hàn Quốc."
    )
    assert "VNM" in event.parties


# -- a meeting told in the words of sport, with no official named


def test_false_events_a_sports_bodys_meeting_is_no_state_meeting() -> None:
    text = (
        "Về SVĐ ở Palestine trong cuộc họp hôm 11-4 về vụ không quân Israel tấn công SVĐ "
        "bóng đá ở dải Gaza, FIFA tuyên bố sẽ trả chi phí."
    )
    assert events_of(text) == []


def test_false_events_the_same_meeting_without_sport_words_is_kept() -> None:
    [event] = events_of(
        "Về nhà ở Palestine trong cuộc họp hôm 11-4 về vụ không quân Israel tấn công dải "
        "Gaza, Liên hợp quốc tuyên bố sẽ trả chi phí."
    )
    assert event.kind == "meeting"


def test_false_events_a_meeting_of_two_named_sides_about_sport_is_kept() -> None:
    [event] = events_of(
        "Cuộc họp giữa Israel và Palestine về SVĐ bóng đá ở Gaza diễn ra hôm 11-4 tại Cairo."
    )
    assert event.parties == ["ISR", "PSE"]


# -- a customs services' technical conference is not a state meeting (issue 12)


def test_false_events_a_customs_conference_is_no_state_meeting() -> None:
    text = (
        "Ngày mai, Hội nghị hải quan ASEAN 12 sẽ khai mạc tại Hà Nội với sự tham gia của tổng "
        "cục trưởng hải quan 10 nước ASEAN và 2 đối tác Trung Quốc, Nhật Bản."
    )
    assert events_of(text) == []


def test_false_events_a_ministers_meeting_of_the_same_states_is_a_meeting() -> None:
    [event] = events_of(
        "Ngày mai, Hội nghị Bộ trưởng Kinh tế ASEAN sẽ khai mạc tại Hà Nội với sự tham gia của "
        "các bộ trưởng 10 nước ASEAN và 2 đối tác Trung Quốc, Nhật Bản."
    )
    assert "ASEAN" in event.parties


# -- a forum named for business or scholarship, with no official named


def test_false_events_an_economic_forum_of_experts_is_no_state_meeting() -> None:
    text = (
        "Hơn 100 đại biểu tham dự Diễn đàn cải cách kinh tế Việt Nam - Trung Quốc diễn ra "
        "hôm nay tại Hà Nội."
    )
    assert events_of(text, published=None) == []


def test_false_events_a_business_forum_opened_by_a_prime_minister_is_a_meeting() -> None:
    [event] = events_of(
        "Tối qua, Thủ tướng Phan Văn Khải đã khai mạc Diễn đàn Doanh nghiệp Việt Nam - Morocco "
        "tại Rabat."
    )
    assert event.parties == ["MAR", "VNM"]
