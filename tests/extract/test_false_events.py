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


# -- a bracketed state that contradicts the place it glosses is the writer's slip


def test_false_events_wrong_gloss_after_a_state_is_no_party() -> None:
    [event] = events_of(
        "Hội nghị thượng đỉnh thế giới về môi trường sẽ diễn ra vào tháng 11 tại Tunisia (Mỹ)."
    )
    assert "USA" not in event.parties


def test_false_events_wrong_gloss_after_a_city_is_no_party() -> None:
    [event] = events_of(
        "Hội nghị thượng đỉnh thế giới về môi trường diễn ra ở Geneve (Pháp) vào tháng 12/2003 "
        "với sự tham dự của Tổng thư ký Liên hợp quốc Kofi Annan."
    )
    assert "FRA" not in event.parties


def test_false_events_gloss_of_a_region_stays() -> None:
    [event] = events_of(
        "Thủ tướng Việt Nam Phan Văn Khải đã hội đàm với Tổng thống Chile Ricardo Lagos tại "
        "Hong Kong (Trung Quốc) ngày 3/5."
    )
    assert {"VNM", "CHL"} <= set(event.parties)


# -- a forum named as the author of a report is the body


def test_false_events_report_at_a_forum_is_the_body() -> None:
    text = (
        "Ông tái khẳng định một báo cáo gần đây tại Diễn đàn kinh tế thế giới rằng, giá dầu "
        "đã tăng ảo ít nhất 8 USD/thùng."
    )
    assert events_of(text) == []


def test_false_events_forum_opened_with_a_report_is_a_meeting() -> None:
    [event] = events_of(
        "Theo một báo cáo được công bố tại hội nghị cấp cao của Diễn đàn kinh tế thế giới (WEF) "
        "khai mạc hôm qua tại Seoul, kinh tế châu Á đang phụ thuộc vào Nhật Bản."
    )
    assert event.location == "Seoul"


# -- a trip whose only traveller is a company's or a school's officer


def test_false_events_work_trip_of_a_training_centres_chairman_is_no_visit() -> None:
    text = (
        '"Kiểm toán VN cần tuân theo các tiêu chuẩn quốc tế", ông Lee Wan Kok, Chủ tịch Orchid '
        "Academy - trung tâm đào tạo chứng khoán lớn nhất Singapore - nói với phóng viên trong "
        "chuyến công tác Việt Nam."
    )
    assert [e for e in events_of(text) if e.kind == "visit"] == []


def test_false_events_work_trip_of_a_minister_is_a_visit() -> None:
    [event] = events_of(
        "Bộ trưởng Thương mại Singapore Lim Hng Kiang nói với phóng viên trong chuyến thăm "
        "Việt Nam hôm qua."
    )
    assert event.kind == "visit"


# -- one body's own sitting is its home affairs


def test_false_events_sitting_of_one_blocs_committee_is_domestic() -> None:
    text = (
        "Quyết định trên được thông qua tại cuộc họp của Ủy ban 133 gồm đại diện các Tổng vụ "
        "của Ủy ban châu Âu nhóm họp mới đây tại Brussel (Bỉ)."
    )
    assert events_of(text) == []


def test_false_events_sitting_of_a_party_is_domestic() -> None:
    text = (
        "Trước đó, trong cuộc họp của đảng Lao động tối 18/11, Thủ tướng Israel Ariel Sharon "
        "đưa ra điều kiện nối lại hội đàm."
    )
    assert [e for e in events_of(text) if "họp" in (e.name or "")] == []


def test_false_events_sitting_of_a_joint_committee_is_a_meeting() -> None:
    [event] = events_of(
        "Trong kỳ họp lần thứ 2 của Ủy ban Hỗn hợp VN-Tây Ban Nha diễn ra tại Hà Nội cuối tuần "
        "qua, Tổng thư ký Cơ quan Hợp tác Quốc tế Tây Ban Nha Leire Pajin cho biết nước này sẽ "
        "tăng viện trợ."
    )
    assert {"ESP", "VNM"} <= set(event.parties)


def test_false_events_session_of_a_un_commission_is_a_meeting() -> None:
    [event] = events_of(
        "Ngày 27/2, bà Louise Frechette, Phó Tổng thư ký LHQ, khai mạc phiên họp thường niên lần "
        "thứ 50 của Ủy ban Địa vị phụ nữ thuộc Liên Hợp Quốc tại New York."
    )
    assert "UN" in event.parties


# -- an audience of a private person with a titled official


def test_false_events_a_sage_meeting_the_king_is_no_meeting() -> None:
    text = (
        "Vua Croesus xứ Lydia mời Thales đến thăm lâu đài của mình ở Hy Lạp. Thales lịch sự xem "
        "mọi thứ rồi quay lại gặp nhà vua."
    )
    assert [e for e in events_of(text) if e.kind == "meeting"] == []


def test_false_events_a_named_official_meeting_a_titled_one_is_a_meeting() -> None:
    [event] = [
        e
        for e in events_of(
            "Trong một diễn biến khác, Rice hôm qua đã tới Bắc Kinh để hội đàm với Chủ tịch "
            "Trung Quốc Hồ Cẩm Đào."
        )
        if e.kind == "meeting"
    ]
    assert "CHN" in event.parties


# -- the yearly meeting of a bank or a fund is the lender's own


def test_false_events_yearly_meeting_of_a_bank_is_no_state_meeting() -> None:
    text = (
        "Các cuộc hội thảo diễn ra bên lề hội nghị thường niên của ADB diễn ra từ ngày 4 đến "
        "6/5 vừa qua ở Thổ Nhĩ Kỳ."
    )
    assert events_of(text) == []


def test_false_events_yearly_summit_of_a_bloc_is_a_meeting() -> None:
    [event] = events_of(
        "Các nhà lãnh đạo G8 hôm nay khai mạc hội nghị thượng đỉnh thường niên tại Gleneagles."
    )
    assert "USA" in event.parties


# -- talks someone is ready to consider are no event


def test_false_events_talks_ready_to_be_considered_are_no_event() -> None:
    text = (
        "Một quan chức Israel cho hay Thủ tướng Israel Ariel Sharon sẵn sàng xem xét cuộc gặp "
        "với Tổng thống Palestine Mahmoud Abbas nếu các điều kiện được đáp ứng."
    )
    assert events_of(text) == []
