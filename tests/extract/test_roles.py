"""Roles: hosts and inviters chair visits; the official called on chairs a courtesy call."""

from diplonews.extract import extract
from diplonews.extract.record import Event


def events_of(text: str, published: str | None = "2022-05") -> list[Event]:
    return extract(text, "t", published=published).events


def roles_of(event: Event) -> dict[str, str]:
    return {p.name: p.role for p in event.participants}


def test_roles_inviter_chairs_the_visit() -> None:
    [visit] = events_of(
        "Ngày 9/5, Tổng thống Philippines Ferdinand Marcos đến Hà Nội, bắt đầu chuyến thăm "
        "chính thức Việt Nam theo lời mời của Chủ tịch nước Nguyễn Xuân Phúc."
    )
    assert visit.kind == "visit"
    assert roles_of(visit) == {"Ferdinand Marcos": "participant", "Nguyễn Xuân Phúc": "chair"}
    assert visit.parties == ["PHL", "VNM"]


def test_roles_the_official_called_on_chairs() -> None:
    events = events_of(
        "Chiều 10/5, Thủ tướng Phạm Minh Chính đã yết kiến Quốc vương Campuchia Norodom Sihamoni."
    )
    [call] = [e for e in events if e.kind == "meeting"]
    assert roles_of(call) == {"Phạm Minh Chính": "participant", "Norodom Sihamoni": "chair"}


def test_roles_an_audience_is_not_a_reception_by_the_subject() -> None:
    events = events_of(
        "Sáng 12/5, Phó Chủ tịch nước Võ Thị Ánh Xuân tiếp kiến Nhà vua Thái Lan Maha Vajiralongkorn."
    )
    [call] = [e for e in events if e.kind == "meeting"]
    assert roles_of(call)["Maha Vajiralongkorn"] == "chair"
    assert roles_of(call)["Võ Thị Ánh Xuân"] == "participant"


def test_roles_ceremony_host_chairs_the_visit() -> None:
    events = events_of(
        "Sáng 9/5, Thủ tướng Nhật Bản Kishida Fumio đến Hà Nội, bắt đầu thăm chính thức Việt "
        "Nam. Sáng 10/5, Thủ tướng Phạm Minh Chính chủ trì lễ đón Thủ tướng Kishida Fumio "
        "tại Phủ Chủ tịch."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit) == {"Kishida Fumio": "participant", "Phạm Minh Chính": "chair"}


def test_roles_delegation_heads_named_after_the_meeting_take_part() -> None:
    events = events_of(
        "Ngày 27/5, tại Hà Nội đã diễn ra Đối thoại chính sách quốc phòng Việt Nam-Ấn Độ lần "
        "thứ 3. Đoàn Việt Nam do Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng làm "
        "Trưởng đoàn; đoàn Ấn Độ do ông Ajay Kumar, Thứ trưởng Bộ Quốc phòng làm trưởng đoàn."
    )
    [meeting] = events
    assert {p.name for p in meeting.participants} == {"Hoàng Xuân Chiến", "Ajay Kumar"}


def test_roles_opening_another_event_is_not_chairing_this_one() -> None:
    events = events_of(
        "Tối 10/5, Thủ tướng Phạm Minh Chính đã gặp Thủ tướng Maroc Aziz Akhannouch và khai "
        "mạc Diễn đàn Doanh nghiệp Việt Nam - Maroc."
    )
    [meeting] = [e for e in events if any(p.name == "Aziz Akhannouch" for p in e.participants)]
    assert roles_of(meeting)["Phạm Minh Chính"] == "participant"


def test_roles_delegation_members_listed_after_a_colon_do_not_take_part() -> None:
    events = events_of(
        "Sáng 9/5, Thủ tướng Phạm Minh Chính dự Kỳ họp lần thứ 48 Ủy ban liên Chính phủ "
        "Việt Nam - Lào tại Vientiane. Đoàn đại biểu chính thức dự Kỳ họp có: Bộ trưởng Bộ "
        "Ngoại giao Bùi Thanh Sơn; Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên."
    )
    names = {p.name for e in events for p in e.participants}
    assert "Bùi Thanh Sơn" not in names
    assert "Nguyễn Hồng Diên" not in names


def test_roles_a_bare_pronoun_subject_is_the_person_just_named() -> None:
    events = events_of(
        "Phó Chủ tịch Quốc hội Lào Sommad Pholsena bắt đầu chuyến thăm Cuba. Ông có kế "
        "hoạch hội đàm với Phó Chủ tịch Cuba Salvador Valdés Mesa và Ngoại trưởng Bruno Rodríguez."
    )
    meetings = [e for e in events if e.kind == "meeting"]  # one per counterpart
    assert meetings
    assert all("Sommad Pholsena" in {p.name for p in m.participants} for m in meetings)


def test_roles_presenting_credentials_calls_on_the_head_of_state() -> None:
    [meeting] = events_of(
        "Ngày 10/5, Đại sứ Việt Nam Nguyễn Vũ Tùng đã trình Quốc thư lên Tổng thống Hàn Quốc "
        "Yoon Suk Yeol."
    )
    assert roles_of(meeting) == {"Nguyễn Vũ Tùng": "participant", "Yoon Suk Yeol": "chair"}
    assert meeting.parties == ["KOR", "VNM"]


def test_roles_an_organisations_official_brings_it_as_a_party() -> None:
    events = events_of(
        "Ngày 10/5, Thủ tướng Phạm Minh Chính tiếp Tổng Thư ký Liên hợp quốc António Guterres."
    )
    [meeting] = events
    assert meeting.parties == ["UN", "VNM"]
    assert roles_of(meeting)["Phạm Minh Chính"] == "chair"


def test_roles_the_guest_of_a_welcome_ceremony_is_no_host() -> None:
    events = events_of(
        "Tổng thống Hàn Quốc Yoon Suk Yeol đến Hà Nội ngày 22/6. Tổng thống Yoon Suk Yeol "
        "Chủ tịch nước Võ Văn Thưởng chủ trì lễ đón Tổng thống Yoon Suk Yeol tại Phủ Chủ tịch."
    )
    for event in events:
        if "Yoon Suk Yeol" in roles_of(event):
            assert roles_of(event)["Yoon Suk Yeol"] == "participant"


def test_roles_who_welcomes_the_visitor_later_hosts_the_visit() -> None:
    events = events_of(
        "Năm 2006, Tổng thống Chile Michelle Bachelet thăm chính thức Việt Nam lần đầu. Chủ "
        "tịch nước Nguyễn Minh Triết là người đồng cấp đã chào đón Tổng thống Bachelet vào "
        "thời điểm đó."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit).get("Nguyễn Minh Triết") == "chair"


def test_roles_the_main_clause_after_a_dated_setting_takes_part() -> None:
    [talks] = events_of(
        "Ngày 18/4, tại cuộc hội đàm với Tổng thống Nigeria Olusegun Obasanjo, Chủ tịch nước "
        "Trần Văn Lương nêu rõ hai nước có nhiều điểm tương đồng."
    )
    assert roles_of(talks) == {"Olusegun Obasanjo": "participant", "Trần Văn Lương": "participant"}
    assert talks.parties == ["NGA", "VNM"]


def test_roles_the_host_named_after_a_reception_noun_chairs() -> None:
    events = events_of(
        "Ngày 7/12, trong buổi tiếp Thủ tướng Singapore Lee Hsien Loong, Tổng Bí thư "
        "Nông Văn Mạnh đánh giá cao sự hỗ trợ của Singapore."
    )
    [reception] = [e for e in events if e.kind == "meeting"]
    assert roles_of(reception) == {"Lee Hsien Loong": "participant", "Nông Văn Mạnh": "chair"}


def test_roles_the_subject_after_a_welcome_ceremony_is_no_host() -> None:
    events = events_of(
        "Sáng 5/5, Thủ tướng Phan Văn Khải đến Pretoria, bắt đầu chuyến thăm chính thức Nam Phi "
        "theo lời mời của Tổng thống Nam Phi Thabo Mbeki. Tại phủ Tổng thống, lễ đón Thủ tướng "
        "Phan Văn Khải do Tổng thống Thabo Mbeki chủ trì. Sau lễ đón, Tổng thống Thabo Mbeki và "
        "Thủ tướng Phan Văn Khải đã có cuộc gặp riêng."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit) == {"Phan Văn Khải": "participant", "Thabo Mbeki": "chair"}


def test_roles_a_plural_subject_of_officials_makes_its_bloc_a_party() -> None:
    [meeting] = events_of(
        "Ngày 3/7, các ngoại trưởng ASEAN đã gặp Ngoại trưởng Mỹ Jane Miller tại Viêng Chăn."
    )
    assert set(meeting.parties) == {"ASEAN", "USA"}


def test_roles_a_single_official_before_a_bloc_is_no_plural_subject() -> None:
    [meeting] = events_of(
        "Ngày 3/7, Ngoại trưởng Mỹ Jane Miller đã gặp Tổng thống Pháp Paul Durand tại Paris."
    )
    assert set(meeting.parties) == {"FRA", "USA"}


def test_roles_the_host_who_invites_co_chairs() -> None:
    events = events_of(
        "Sáng 2/6, Thủ tướng Phạm Minh Chính lên đường tới Campuchia đồng chủ trì Kỳ họp lần "
        "thứ 20 Ủy ban hỗn hợp Việt Nam - Campuchia, theo lời mời của Thủ tướng Campuchia "
        "Hun Manet."
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert roles_of(meeting) == {"Phạm Minh Chính": "chair", "Hun Manet": "chair"}


def test_roles_passive_reception_the_one_after_duoc_chairs() -> None:
    # "Y được X tiếp": X receives Y.
    [meeting] = events_of(
        "Chiều 10/5, Phó Thủ tướng Trần Lưu Quang được Thủ tướng Singapore Lý Hiển Long tiếp "
        "tại Singapore."
    )
    assert roles_of(meeting) == {"Trần Lưu Quang": "participant", "Lý Hiển Long": "chair"}


def test_roles_passive_welcome_makes_the_host_chair_the_visit() -> None:
    # "Y được X đón …, bắt đầu chuyến thăm": X hosts the visit.
    [visit] = events_of(
        "Ngày 10/5, Thủ tướng Phạm Minh Chính được Thủ tướng Australia Anthony Albanese đón "
        "tại Canberra, bắt đầu chuyến thăm chính thức Australia."
    )
    assert visit.kind == "visit"
    assert roles_of(visit) == {"Phạm Minh Chính": "participant", "Anthony Albanese": "chair"}


def test_roles_an_airport_greeter_does_not_host_the_visit() -> None:
    [visit] = events_of(
        "Chiều 10/5, Thứ trưởng Ngoại giao Đỗ Hùng Việt đón Thủ tướng Lào Sonexay Siphandone "
        "tại sân bay Nội Bài, bắt đầu chuyến thăm chính thức Việt Nam."
    )
    assert roles_of(visit) == {"Sonexay Siphandone": "participant"}


def test_roles_a_monarch_granting_an_audience_chairs() -> None:
    # "tiếp kiến" is said of the higher party too: the monarch receives the official.
    [meeting] = events_of(
        "Sáng 10/5, Quốc vương Campuchia Norodom Sihamoni đã tiếp kiến Chủ tịch Quốc hội "
        "Trần Thanh Mẫn tại Hoàng cung."
    )
    assert roles_of(meeting) == {"Norodom Sihamoni": "chair", "Trần Thanh Mẫn": "participant"}


def test_roles_passive_audience_the_one_after_duoc_chairs() -> None:
    [meeting] = events_of(
        "Ngày 10/5, Thủ tướng Phạm Minh Chính được Hoàng Thái tử Nhật Bản Akishino tiếp kiến "
        "tại Tokyo."
    )
    assert roles_of(meeting) == {"Phạm Minh Chính": "participant", "Akishino": "chair"}


def test_roles_a_ceremony_that_sets_the_clause_is_not_hosted_by_its_subject() -> None:
    # "Ngay sau lễ đón, X hội đàm …": X did not host the ceremony of his own visit.
    events = events_of(
        "Sáng 10/5, Tổng thống Indonesia Joko Widodo đến Hà Nội, bắt đầu chuyến thăm cấp Nhà "
        "nước Việt Nam. Ngay sau lễ đón, Tổng thống Joko Widodo đã hội đàm với Chủ tịch nước "
        "Võ Văn Thưởng."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit)["Joko Widodo"] == "participant"


def test_roles_the_guest_welcomed_does_not_host_the_ceremony() -> None:
    # "Đón Tổng thống X, Chủ tịch nước Y …": X, welcomed, is the guest of the lễ đón.
    events = events_of(
        "Sáng 10/5, Chủ tịch nước Võ Văn Thưởng chủ trì lễ đón Tổng thống Chile Gabriel Boric, "
        "thăm cấp Nhà nước Việt Nam. Đón Tổng thống Gabriel Boric, Chủ tịch nước Võ Văn Thưởng "
        "bắt tay và tặng hoa, sau đó tiến hành các nghi thức của lễ đón."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit) == {"Gabriel Boric": "participant", "Võ Văn Thưởng": "chair"}


def test_roles_a_caption_run_into_the_text_hosts_no_ceremony() -> None:
    # "… Tổng thống X Toàn cảnh lễ đón …": a photo caption glued to the text before it.
    events = events_of(
        "Sáng 10/5, Chủ tịch nước Võ Văn Thưởng chủ trì lễ đón Tổng thống Chile Gabriel Boric, "
        "thăm cấp Nhà nước Việt Nam. Chủ tịch nước đón Tổng thống Gabriel Boric Toàn cảnh lễ "
        "đón tại Phủ Chủ tịch"
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit) == {"Gabriel Boric": "participant", "Võ Văn Thưởng": "chair"}


def test_roles_at_an_audience_the_official_called_on_chairs() -> None:
    # "Tại buổi tiếp kiến X, Y …": Y calls on X (the noun, as the verb "tiếp kiến").
    [meeting] = events_of(
        "Ngày 10/5, tại buổi tiếp kiến Tổng Thư ký Liên hợp quốc António Guterres, Chủ tịch "
        "nước Võ Văn Thưởng bày tỏ vui mừng."
    )
    assert roles_of(meeting) == {"António Guterres": "chair", "Võ Văn Thưởng": "participant"}


def test_roles_at_an_audience_a_monarch_subject_grants_it() -> None:
    [meeting] = events_of(
        "Ngày 10/5, tại buổi tiếp kiến Thủ tướng Phạm Minh Chính, Nhà vua Thái Lan Maha "
        "Vajiralongkorn bày tỏ vui mừng."
    )
    assert roles_of(meeting) == {"Maha Vajiralongkorn": "chair", "Phạm Minh Chính": "participant"}


def test_roles_co_chairing_the_next_event_does_not_chair_this_one() -> None:
    # "dự X và đồng chủ trì Kỳ họp Y": the co-chair verb governs Y, not X.
    events = events_of(
        "Sáng 2/12, Thủ tướng Phạm Minh Chính lên đường tới Lào tham dự Cuộc gặp giữa hai Bộ "
        "Chính trị Việt Nam - Lào và đồng chủ trì Kỳ họp lần thứ 48 Ủy ban liên Chính phủ "
        "Việt Nam - Lào."
    )
    meeting = next(e for e in events if e.name and e.name.startswith("Cuộc gặp"))
    assert roles_of(meeting) == {"Phạm Minh Chính": "participant"}


def test_roles_the_inviter_of_a_trip_to_a_meeting_chairs_it() -> None:
    # A trip made only to attend a meeting is the meeting; its inviter is the host.
    events = events_of(
        "Theo lời mời của Thủ tướng Lào Sonexay Siphandone, sáng 8/10, Thủ tướng Phạm Minh "
        "Chính lên đường dự Hội nghị Cấp cao ASEAN lần thứ 44 tại Vientiane."
    )
    [summit] = [e for e in events if e.kind == "meeting"]
    assert roles_of(summit) == {"Phạm Minh Chính": "participant", "Sonexay Siphandone": "chair"}


def test_roles_the_official_thanked_for_the_welcome_hosts_the_visit() -> None:
    # "Y cảm ơn X … đã dành cho đoàn sự đón tiếp trọng thị": X hosted Y's visit.
    events = events_of(
        "Ngày 10/5, Chủ tịch nước Lương Cường đến thủ đô Luanda, bắt đầu chuyến thăm cấp Nhà "
        "nước Angola. Chủ tịch nước Lương Cường cảm ơn Tổng thống João Lourenço và nhân dân "
        "Angola đã dành cho đoàn sự đón tiếp trọng thị."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit) == {"Lương Cường": "participant", "João Lourenço": "chair"}


def test_roles_the_official_who_welcomes_the_visitor_in_its_sentence_hosts_the_visit() -> None:
    events = events_of(
        "Ngày 10/5, Chủ tịch Quốc hội Vương Đình Huệ được Chủ tịch Quốc hội Hungary Kövér "
        "László đón tiếp tại Budapest, bắt đầu chuyến thăm chính thức Hungary."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit) == {"Vương Đình Huệ": "participant", "Kövér László": "chair"}


def test_roles_an_audience_during_a_visit_does_not_host_it() -> None:
    # "X tiếp Y đang có chuyến thăm … theo lời mời của Z": Z hosts the visit, X receives.
    events = events_of(
        "Ngày 29/3, Thủ tướng Hàn Quốc Han Duck-soo đã tiếp Đại tướng Phan Văn Giang đang có "
        "chuyến thăm chính thức Hàn Quốc theo lời mời của Bộ trưởng Quốc phòng Hàn Quốc Lee "
        "Jong-sup."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit) == {"Phan Văn Giang": "participant", "Lee Jong-sup": "chair"}


def test_roles_tiep_tuc_after_duoc_is_no_reception() -> None:
    # "được X tiếp tục ủng hộ": "tiếp tục" (continue) receives no one.
    events = events_of(
        "Ngày 11/9, Chủ tịch Quốc hội Vương Đình Huệ, được Tổng thống Lào Thongloun Sisoulith "
        "tiếp tục ủng hộ, tới Vientiane, bắt đầu chuyến thăm chính thức Lào."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit) == {"Vương Đình Huệ": "participant"}


def test_roles_hosting_another_event_chairs_no_meeting() -> None:
    # "ủng hộ Việt Nam đăng cai Diễn đàn …": the hosting of a forum to come, not of the
    # meeting told before (both sides of a bilateral meeting take part).
    events = events_of(
        "Chiều 28/1, tại Luang Prabang, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc gặp với "
        "Bộ trưởng Ngoại giao Lào Saleumxay Kommasith. Bộ trưởng Ngoại giao Lào Saleumxay "
        "Kommasith khẳng định ủng hộ Việt Nam đăng cai Diễn đàn Tương lai ASEAN."
    )
    [meeting] = [e for e in events if e.kind == "meeting" and e.participants]
    assert roles_of(meeting) == {
        "Bùi Thanh Sơn": "participant",
        "Saleumxay Kommasith": "participant",
    }


def test_roles_a_pronoun_after_a_setting_is_the_person_just_named() -> None:
    [meeting] = [
        e
        for e in events_of(
            "Ngoại trưởng Mỹ Condoleezza Rice đang có chuyến công du châu Âu. Tại Anh, bà đã "
            "gặp Thủ tướng Anh Tony Blair."
        )
        if e.kind == "meeting"
    ]
    assert {p.name for p in meeting.participants} == {"Condoleezza Rice", "Tony Blair"}
    assert meeting.parties == ["GBR", "USA"]


def test_roles_a_setting_that_names_someone_keeps_the_pronoun_unresolved() -> None:
    events = events_of(
        "Thủ tướng Anh Tony Blair tới Paris hôm qua. Theo Tổng thống Pháp Jacques Chirac, "
        "ông sẽ gặp Thủ tướng Đức Gerhard Schröder."
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert all("Tony Blair" not in {p.name for p in m.participants} for m in meetings)


def test_roles_a_speaker_at_the_opening_ceremony_does_not_chair() -> None:
    events = events_of(
        "Ngày 12/5, Phó Thủ tướng Vũ Văn Minh nhấn mạnh vai trò của nghị viện trong lễ khai "
        "mạc Hội nghị Cấp cao ASEAN lần thứ 40 tại Hà Nội."
    )
    [summit] = [e for e in events if e.series == "ASEAN Summit"]
    assert roles_of(summit) == {"Vũ Văn Minh": "participant"}


def test_roles_the_official_who_opens_a_meeting_chairs_it() -> None:
    events = events_of(
        "Ngày 12/5, Phó Thủ tướng Vũ Văn Minh khai mạc Hội nghị Cấp cao ASEAN lần thứ 40 tại "
        "Hà Nội."
    )
    [summit] = [e for e in events if e.series == "ASEAN Summit"]
    assert roles_of(summit) == {"Vũ Văn Minh": "chair"}


def test_roles_a_pronoun_stands_for_the_subject_not_one_named_in_a_clause_before_it() -> None:
    events = events_of(
        "Sau cuộc gặp với Chủ tịch Trung Quốc Hồ Cẩm Đào, Ngoại trưởng Mỹ Colin Powell lên "
        "đường đi Hàn Quốc. Theo kế hoạch, ông sẽ hội đàm với Ngoại trưởng Hàn Quốc Ban Ki-moon."
    )
    [talks] = [e for e in events if "Ban Ki-moon" in {p.name for p in e.participants}]
    assert {p.name for p in talks.participants} == {"Colin Powell", "Ban Ki-moon"}
    assert talks.parties == ["KOR", "USA"]


def test_roles_a_pronoun_carried_over_sentences_stands_for_the_one_named_first() -> None:
    events = events_of(
        "Hôm qua, Thủ tướng Iraq Ali Hassan kêu gọi Syria ngăn các chiến binh nước ngoài. "
        "Ông bình luận chính phủ mới cố gắng duy trì quan hệ với các nước láng giềng. "
        "Ông đưa ra những lời bình luận này sau khi thảo luận với Thứ trưởng Ngoại giao Mỹ "
        "John Miller.",
        published="2005-04",
    )
    [talks] = [e for e in events if e.kind == "meeting"]
    assert sorted(p.name for p in talks.participants) == ["Ali Hassan", "John Miller"]
    assert talks.parties == ["IRQ", "USA"]


def test_roles_a_pronoun_after_a_sentence_that_names_no_one_stands_for_no_one() -> None:
    events = events_of(
        "Hôm qua, Thủ tướng Iraq Ali Hassan kêu gọi Syria ngăn các chiến binh nước ngoài. "
        "Tình hình an ninh vẫn căng thẳng ở nhiều tỉnh. "
        "Ông đưa ra những lời bình luận này sau khi thảo luận với Thứ trưởng Ngoại giao Mỹ "
        "John Miller.",
        published="2005-04",
    )
    [talks] = [e for e in events if e.kind == "meeting"]
    assert [p.name for p in talks.participants] == ["John Miller"]


def test_roles_the_head_named_after_a_delegations_trip_is_its_visitor() -> None:
    [visit] = events_of(
        "Động thái này diễn ra sau chuyến công du 4 ngày của các nghị sĩ Mỹ tới Bình Nhưỡng, "
        "dẫn đầu đoàn là ông Mark Fuller.",
        published="2005-01",
    )
    assert visit.kind == "visit"
    assert [p.name for p in visit.participants] == ["Mark Fuller"]
    assert visit.parties == ["PRK", "USA"]


def test_roles_the_head_led_by_after_a_delegations_trip_is_its_visitor() -> None:
    [visit] = events_of(
        "Chuyến thăm của đoàn nghị sĩ Mỹ tới Bình Nhưỡng, do ông Mark Fuller dẫn đầu, đã "
        "kết thúc hôm qua.",
        published="2005-01",
    )
    assert [p.name for p in visit.participants] == ["Mark Fuller"]
    assert visit.parties == ["PRK", "USA"]


def test_roles_a_state_a_trip_goes_to_only_later_is_not_its_party() -> None:
    # "trước khi tới Triều Tiên": the trip went to Seoul, the later one is not told
    [visit] = events_of(
        "Chủ tịch Trung Quốc Lưu Kiến Minh đã thăm Seoul hồi tháng 7. Đây là lần đầu tiên một "
        "Chủ tịch Trung Quốc đến Hàn Quốc trước khi tới Triều Tiên kể từ năm 1992.",
        published="2014-10",
    )
    assert visit.parties == ["CHN", "KOR"]


def test_roles_a_delegations_trip_told_again_with_its_head_is_one_visit() -> None:
    [visit] = events_of(
        "Bình Nhưỡng sẵn sàng trở lại bàn đàm phán, KCNA thông báo hôm qua, sau chuyến thăm "
        "của phái đoàn nghị sĩ Mỹ tới Bắc Triều Tiên. Động thái này diễn ra sau chuyến công "
        "du 4 ngày của các nghị sĩ Mỹ tới Bình Nhưỡng, dẫn đầu đoàn là ông Mark Fuller.",
        published="2005-01",
    )
    assert [p.name for p in visit.participants] == ["Mark Fuller"]
    assert visit.parties == ["PRK", "USA"]


def test_roles_who_reports_anothers_meeting_does_not_take_part() -> None:
    events = events_of(
        "Ngày 21/10, trong cuộc gặp Tổng thống Hàn Quốc Park Min-ho tại Seoul, Ủy viên Quốc "
        "vụ Trung Quốc Vương Định Quân cho biết Chủ tịch Trung Quốc Lưu Kiến Minh sẽ có cuộc "
        "gặp thượng đỉnh với người đồng cấp Hàn Quốc vào tháng 11.",
        published="2014-10",
    )
    summit = next(e for e in events if e.status == "planned")
    assert "Vương Định Quân" not in [p.name for p in summit.participants]
    assert "Lưu Kiến Minh" in [p.name for p in summit.participants]


def test_roles_the_officials_of_a_region_make_it_a_party() -> None:
    [meeting] = events_of(
        "Cuộc gặp giữa Chủ tịch Trung Quốc Hồ Cẩm Đào và Chủ tịch Quốc dân đảng Đài Loan Liên "
        "Chiến diễn ra tại Bắc Kinh chiều nay.",
        published="2005-04",
    )
    assert sorted(p.name for p in meeting.participants) == ["Hồ Cẩm Đào", "Liên Chiến"]
    assert meeting.parties == ["CHN", "TWN"]


def test_roles_who_receives_a_visiting_delegation_hosts_its_visit() -> None:
    events = events_of(
        "Chiều 11/5, Chủ tịch Quốc hội Vương Đình Huệ đã tiếp đoàn đại biểu Quốc hội Phần Lan "
        "do ông Eero Heinäluoma làm trưởng đoàn nhân dịp đoàn đến thăm chính thức Việt Nam."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit) == {"Eero Heinäluoma": "participant", "Vương Đình Huệ": "chair"}


def test_roles_who_receives_a_guest_already_visiting_only_meets_him() -> None:
    events = events_of(
        "Chiều 11/5, Chủ tịch nước Võ Văn Thưởng đã tiếp Chủ tịch Quốc hội Bulgaria Rosen "
        "Zhelyazkov đang ở thăm chính thức Việt Nam."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit) == {"Rosen Zhelyazkov": "participant"}


def test_roles_an_inviter_hosts_the_visit_not_who_receives_during_it() -> None:
    events = events_of(
        "Ngày 9/5, Thủ tướng Nhật Bản Fumio Kishida đã tiếp Đại tướng Phan Văn Giang đang có "
        "chuyến thăm chính thức Nhật Bản theo lời mời của Bộ trưởng Quốc phòng Nhật Bản "
        "Yasukazu Hamada."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit) == {"Phan Văn Giang": "participant", "Yasukazu Hamada": "chair"}


def test_roles_tiep_tuc_is_no_reception() -> None:
    # "tiếp tục" (goes on): the subject does not receive the visitor
    events = events_of(
        "Ngày 9/5, Thủ tướng Fumio Kishida tiếp tục chương trình khi Tổng thống Pháp Emmanuel "
        "Macron thăm Tokyo."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert roles_of(visit).get("Fumio Kishida") != "chair"


def test_roles_chaired_with_su_chu_tri_cua_is_the_named_one_not_the_subject() -> None:
    found = events_of(
        "Ngày 10/5, Ngoại trưởng Nga Sergei Lavrov hội đàm với Ngoại trưởng Ukraine Dmytro "
        "Kuleba tại Antalya với sự chủ trì của Ngoại trưởng Thổ Nhĩ Kỳ Mevlut Cavusoglu."
    )
    roles = {p.name: p.role for e in found for p in e.participants}
    assert roles["Mevlut Cavusoglu"] == "chair"
    assert roles["Sergei Lavrov"] == "participant"


def test_roles_under_the_chair_of_another_the_subject_does_not_chair() -> None:
    found = events_of(
        "Ngày 10/5, Ngoại trưởng Nga Sergei Lavrov hội đàm với Ngoại trưởng Ukraine Dmytro "
        "Kuleba tại Antalya dưới sự chủ trì của Ngoại trưởng Thổ Nhĩ Kỳ Mevlut Cavusoglu."
    )
    roles = {p.name: p.role for e in found for p in e.participants}
    assert (roles["Mevlut Cavusoglu"], roles["Sergei Lavrov"]) == ("chair", "participant")


def test_roles_the_called_on_keep_the_chair_when_the_call_is_split_per_counterpart() -> None:
    found = events_of(
        "Chiều 12/5, Chủ tịch Quốc hội Vương Đình Huệ đã chào xã giao Quốc vương Thái Lan "
        "Maha Vajiralongkorn và Hoàng hậu Suthida, nhân dịp Quốc vương và Hoàng hậu thăm cấp "
        "Nhà nước Việt Nam từ ngày 10-13/5 theo lời mời của Chủ tịch nước Võ Văn Thưởng.",
    )
    roles = {p.name: p.role for e in found if e.kind == "meeting" for p in e.participants}
    assert roles.get("Maha Vajiralongkorn") == "chair"
    assert roles.get("Vương Đình Huệ") == "participant"
