"""World news and older text: foreign states' diplomacy as 2000s news tells it."""

from diplonews.extract import extract


def undated(text: str) -> list:
    """The events of an article with no publication date, as the archive's are."""
    return extract(text, "t").events


def test_world_events_talks_told_as_the_opening_setting_are_kept() -> None:
    [event] = undated(
        "Sau cuộc hội đàm với người đồng nhiệm Pháp hôm qua, Ngoại trưởng Đức Joschka "
        "Fischer cho biết Berlin ủng hộ đề xuất mới."
    )
    assert event.kind == "meeting"
    assert event.status == "held"
    assert [p.name for p in event.participants] == ["Joschka Fischer"]


def test_world_events_a_meeting_between_two_sides_takes_both() -> None:
    [event] = undated(
        "Trong cuộc gặp giữa tân phái viên Liên Hợp Quốc và Ngoại trưởng Mỹ Colin Powell "
        "hôm qua, an ninh khu vực là chủ đề chính được thảo luận."
    )
    assert event.parties == ["UN", "USA"]


def test_world_events_a_setting_with_one_side_and_no_counterpart_is_not_kept() -> None:
    assert (
        undated(
            "Tại cuộc họp của đảng Likud hôm qua, Bộ trưởng Tài chính Israel Benjamin "
            "Netanyahu đề nghị trưng cầu dân ý."
        )
        == []
    )


def test_world_events_a_summit_held_abroad_is_a_meeting_of_that_state() -> None:
    [event] = undated(
        "Hội nghị cấp cao của các nước châu Mỹ đang diễn ra tại Mexico được đánh dấu bởi "
        "những bất đồng về thương mại."
    )
    assert (event.kind, event.parties) == ("meeting", ["MEX"])


def test_world_events_a_summit_on_home_soil_needs_more_than_its_place() -> None:
    assert undated("Hội nghị cấp cao đang diễn ra tại Việt Nam thu hút sự chú ý.") == []


def test_world_events_a_postponed_visit_is_still_to_come() -> None:
    [event] = undated("Thủ tướng Anh Tony Blair đã hoãn chuyến thăm Trung Quốc.")
    assert (event.kind, event.status, event.parties) == ("visit", "planned", ["CHN", "GBR"])


def test_world_events_a_visit_cut_short_was_held() -> None:
    [event] = undated("Tổng thống Mỹ George W. Bush đã rút ngắn chuyến thăm Mexico.")
    assert (event.kind, event.status) == ("visit", "held")


def test_world_events_rounds_counted_at_the_head_of_a_sentence_are_so_many_events() -> None:
    events = undated(
        "Ba vòng đàm phán đa phương trước đây diễn ra tại Bắc Kinh với sự tham gia của Nga, "
        "Mỹ, Nhật Bản, Trung Quốc, Hàn Quốc và CHDCND Triều Tiên."
    )
    assert len(events) == 3
    assert all(e.location == "Beijing" for e in events)


def test_world_events_the_other_sides_official_named_next_leads_that_side() -> None:
    [event] = undated(
        "Ngày 18/11, Thủ tướng Phan Văn Khải đã có cuộc hội đàm với đoàn đại biểu Chính phủ "
        "Morocco. Thủ tướng Driss Jettou và Thủ tướng Phan Văn Khải mong muốn hai nước "
        "tăng cường hợp tác."
    )
    assert [p.name for p in event.participants] == ["Phan Văn Khải", "Driss Jettou"]
    assert event.parties == ["MAR", "VNM"]


def test_world_events_an_official_named_two_sentences_later_is_not_added() -> None:
    [event] = undated(
        "Ngày 18/11, Thủ tướng Phan Văn Khải đã có cuộc hội đàm với đoàn đại biểu Chính phủ "
        "Morocco. Hai bên trao đổi về thương mại. Thủ tướng Driss Jettou và Thủ tướng "
        "Phan Văn Khải mong muốn hai nước tăng cường hợp tác."
    )
    assert [p.name for p in event.participants] == ["Phan Văn Khải"]


def test_world_events_talks_joined_to_a_visit_share_its_traveller() -> None:
    events = undated(
        "Chủ tịch Trung Quốc Tập Cận Bình sẽ hội đàm với Tổng thống Hàn Quốc Park Geun-hye "
        "vào tháng tới. Cuộc hội đàm diễn ra một năm sau khi ông Tập thăm Seoul và gặp gỡ "
        "với bà Park."
    )
    recalled = [e for e in events if e.kind == "meeting" and "sau khi" in e.evidence]
    assert recalled
    assert [p.name for p in recalled[0].participants] == ["Tập Cận Bình", "Park Geun-hye"]


def test_world_events_a_call_named_after_the_fact_takes_the_counterpart_before_it() -> None:
    [event] = undated(
        "Ngoại trưởng Mỹ Condoleezza Rice hôm qua phát biểu tại Washington. Báo chí đưa tin "
        "Ngoại trưởng Trung Quốc Lý Triệu Tinh đã nói với người đồng nhiệm Mỹ Condoleezza "
        "Rice về đề nghị này, trong cuộc điện đàm cách đây 4 ngày."
    )
    assert event.kind == "call"
    assert [p.name for p in event.participants] == ["Lý Triệu Tinh", "Condoleezza Rice"]
    assert event.parties == ["CHN", "USA"]


def test_world_events_talks_told_after_a_visit_are_its_visitor_and_host() -> None:
    events = undated(
        "Nhận lời mời của Tổng thống Hàn Quốc Roh Moo-hyun, sáng 9/10, Chủ tịch nước Trần "
        "Đức Lương đã tới Seoul, bắt đầu chuyến thăm cấp Nhà nước Hàn Quốc.\n"
        "Trong cuộc hội đàm, hai nhà lãnh đạo đã trao đổi về quan hệ song phương."
    )
    visit, talks = events
    assert (visit.kind, talks.kind) == ("visit", "meeting")
    assert {p.name for p in talks.participants} == {"Roh Moo-hyun", "Trần Đức Lương"}
    assert talks.parties == ["KOR", "VNM"]


def test_world_events_talks_to_come_after_a_welcome_are_planned_talks_of_the_visit() -> None:
    events = undated(
        "Thủ tướng Phan Văn Khải đã tới Tokyo, bắt đầu chuyến thăm chính thức Nhật Bản "
        "theo lời mời của Thủ tướng Junichiro Koizumi.\n"
        "Sau lễ đón sẽ diễn ra hội đàm cấp cao Việt - Nhật."
    )
    talks = [e for e in events if e.kind == "meeting"]
    assert len(talks) == 1
    assert talks[0].status == "planned"
    assert {p.name for p in talks[0].participants} == {"Phan Văn Khải", "Junichiro Koizumi"}


def test_world_events_talks_long_after_a_visit_take_nobody_from_it() -> None:
    events = undated(
        "Thủ tướng Phan Văn Khải đã tới Tokyo, bắt đầu chuyến thăm chính thức Nhật Bản "
        "theo lời mời của Thủ tướng Junichiro Koizumi.\n"
        "Hai nước có quan hệ từ lâu. Thương mại tăng nhanh. Đầu tư cũng tăng. "
        "Du lịch phát triển.\n"
        "Trong cuộc hội đàm, các bên nhất trí thúc đẩy hợp tác."
    )
    assert [e.kind for e in events] == ["visit"]


def test_world_events_officials_attending_talks_told_before_join_them() -> None:
    events = undated(
        "Sáng 25/9 tại Brasilia, Tổng thống Brazil Lula da Silva chủ trì lễ đón Thủ tướng "
        "Phạm Minh Chính. Hai lãnh đạo sau đó vào phòng hội đàm.\n"
        "Tổng thống Lula da Silva, Phó Tổng thống Geraldo Alckmin cùng các Bộ trưởng Brazil "
        "dự hội đàm."
    )
    talks = [e for e in events if e.kind == "meeting"]
    assert len(talks) == 1
    assert "Phạm Minh Chính" in {p.name for p in talks[0].participants}


def test_world_events_the_speaker_of_ong_da_is_one_side_of_each_call() -> None:
    events = undated(
        "Thủ tướng Israel Ehud Olmert cho biết ông đã thông báo quan điểm này trong cuộc "
        "điện đàm với Thủ tướng Anh Tony Blair, Tổng thống Pháp Jacques Chirac và Quốc "
        "vương Jocdani Abdullah II."
    )
    assert [e.kind for e in events] == ["call"] * 3
    for event in events:
        assert "Ehud Olmert" in {p.name for p in event.participants}
    assert [e.parties for e in events] == [["GBR", "ISR"], ["FRA", "ISR"], ["ISR", "JOR"]]


def test_world_events_the_subject_acting_in_talks_with_someone_is_one_side() -> None:
    [event] = undated(
        "Ngoại trưởng Nhật Bản Nobutaka Machimura đã nêu vấn đề này trong cuộc gặp với "
        "Ngoại trưởng Trung Quốc Lý Triệu Tinh hôm qua."
    )
    assert {p.name for p in event.participants} == {"Nobutaka Machimura", "Lý Triệu Tinh"}


def test_world_events_a_cabinet_meeting_is_no_diplomatic_event() -> None:
    assert (
        undated(
            "Trong cuộc họp nội các khẩn cấp ở Rome hôm qua, Thủ tướng Italy Silvio "
            "Berlusconi cho biết chính phủ sẽ không rút quân khỏi Iraq."
        )
        == []
    )


def test_world_events_talks_on_a_coalition_government_are_domestic() -> None:
    assert (
        undated(
            "Các đảng thân phương Tây hôm qua bắt đầu các cuộc đàm phán thành lập chính phủ "
            "liên minh sau khi cựu Thủ tướng Ukraine Yulia Tymoshenko kêu gọi đoàn kết."
        )
        == []
    )


def test_world_events_a_joint_cabinet_meeting_of_two_states_is_kept() -> None:
    events = undated(
        "Ngày 20/11, Thủ tướng Phan Văn Khải và Thủ tướng Thái Lan Thaksin Shinawatra đồng "
        "chủ trì cuộc họp Nội các chung Việt Nam - Thái Lan tại Đà Nẵng."
    )
    assert [e.kind for e in events] == ["meeting"]


def test_world_events_talks_called_for_are_no_event() -> None:
    assert (
        undated(
            "Italy kêu gọi tổ chức hội nghị thượng đỉnh G8 để thảo luận về việc giúp các "
            "nước khắc phục hậu quả sóng thần."
        )
        == []
    )
    assert (
        undated(
            "Ngoại trưởng Iran Manouchehr Mottaki hôm qua kêu gọi EU tiếp tục đàm phán về "
            "vấn đề hạt nhân."
        )
        == []
    )


def test_world_events_the_asian_african_summit_names_no_philippines() -> None:
    [event] = undated(
        "Thủ tướng Nhật Junichiro Koizumi hôm 22-4, ngay trong phiên khai mạc Hội nghị "
        "thượng đỉnh các nước Á - Phi ở Indonesia, đã bày tỏ lời xin lỗi."
    )
    assert "PHL" not in event.parties


def test_world_events_a_leader_visiting_a_city_abroad_makes_a_visit() -> None:
    [event] = undated(
        "Hôm qua, Thủ tướng Anh Tony Blair bất ngờ tới thăm Basra, nơi có 8.500 binh sĩ "
        "Anh đồn trú."
    )
    assert (event.kind, event.parties, event.location) == ("visit", ["GBR", "IRQ"], "Basra")


def test_world_events_present_in_a_foreign_capital_to_talk_is_a_visit() -> None:
    events = undated(
        "Ngoại trưởng Đức Joschka Fischer sẽ có mặt tại Washington vào thứ hai tới để thảo "
        "luận với Ngoại trưởng Mỹ Condoleezza Rice về vấn đề hạt nhân Iran."
    )
    assert [(e.kind, e.status, e.parties) for e in events] == [
        ("visit", "planned", ["DEU", "USA"]),
        ("meeting", "planned", ["DEU", "USA"]),  # Iran is what they talk about
    ]


def test_world_events_present_abroad_to_attend_a_meeting_is_the_meeting_only() -> None:
    events = undated(
        "Ông Colin Powell có mặt tại Indonesia để tham dự cuộc họp thường niên của ngoại "
        "trưởng các nước thuộc vành đai Thái Bình Dương."
    )
    assert [e.kind for e in events] == ["meeting"]


def test_world_events_the_un_is_a_party_of_a_call_with_its_secretary_general() -> None:
    first, second = undated(
        "Ngoại trưởng Mỹ Condoleezza Rice hôm qua đã điện đàm với Tổng thư ký Liên Hợp Quốc "
        "Kofi Annan và Ngoại trưởng Pháp Michel Barnier về tình hình Lebanon."
    )
    assert (first.parties, second.parties) == (["UN", "USA"], ["FRA", "USA"])


def test_world_events_a_round_put_off_after_its_name_is_planned() -> None:
    [event] = undated(
        "Vòng đàm phán 6 bên lần thứ tư về chương trình hạt nhân của Triều Tiên, dự kiến "
        "diễn ra vào tháng 9, đã bị hoãn lại."
    )
    assert (event.status, event.edition) == ("planned", 4)


def test_world_events_a_round_refused_is_not_held() -> None:
    [event] = undated(
        "Bình Nhưỡng hôm qua tuyên bố từ chối tham gia vòng đàm phán 6 bên tiếp theo tại "
        "Bắc Kinh cho tới khi Mỹ thay đổi chính sách."
    )
    assert event.status == "planned"


def test_world_events_the_round_counted_around_the_talks_name() -> None:
    first, second = (
        undated(text)[0]
        for text in (
            "Vòng đàm phán 6 bên thứ tư đã kết thúc hôm qua tại Bắc Kinh sau 13 ngày.",
            "Vòng thứ ba của cuộc đàm phán 6 bên đã diễn ra tại Bắc Kinh hồi tháng 6/2004.",
        )
    )
    assert (first.edition, first.status, second.edition) == (4, "held", 3)


def test_world_events_both_states_named_only_in_the_headline() -> None:
    # "Giới chức hai nước" opening the body points back to the states of the headline
    [event] = undated(
        "Mỹ và Libya bàn cách cải thiện quan hệ\n"
        "Giới chức hai nước sẽ gặp nhau vào thứ sáu tới để thảo luận về lệnh cấm vận."
    )
    assert (event.kind, event.status, event.parties) == ("meeting", "planned", ["LBY", "USA"])


def test_world_events_the_headline_is_no_antecedent_far_into_the_body() -> None:
    events = undated(
        "Mỹ và Libya bàn cách cải thiện quan hệ\n"
        "Tin tức hôm nay. Thời tiết đẹp. Giá dầu tăng. Thị trường sôi động. "
        "Giới chức hai nước sẽ gặp nhau vào thứ sáu tới."
    )
    assert events == []


def test_world_speaker_at_a_named_gathering_takes_part() -> None:
    [meeting] = extract(
        '"Liên minh sẽ mở rộng", Tổng thư ký NATO Jaap de Hoop Scheffer tuyên bố tại hội nghị '
        "ngoại trưởng NATO ở Vilnius.",
        "t",
        published="2005-04",
    ).events
    assert [p.name for p in meeting.participants] == ["Jaap de Hoop Scheffer"]


def test_world_speaker_after_a_bodys_own_meeting_is_no_event() -> None:
    events = extract(
        "Bộ trưởng Quốc phòng Bulgaria Nikolai Svinarov thông báo sau một cuộc họp hội đồng "
        "an ninh ở Sofia rằng họ chưa liên lạc được với những kẻ bắt cóc.",
        "t",
        published="2005-04",
    ).events
    assert events == []


def test_a_former_official_joined_to_the_subject_of_talks_is_a_side() -> None:
    events = extract(
        "Tối qua, Bộ trưởng Quốc phòng Israel Avi Levin và cựu trưởng lực lượng an ninh Gaza "
        "Khaled Nasser thảo luận về lệnh ngừng bắn.",
        "t",
        published="2005-01",
    ).events
    assert [(e.parties, sorted(p.name for p in e.participants)) for e in events] == [
        (["ISR", "PSE"], ["Avi Levin", "Khaled Nasser"])
    ]


def test_world_talks_qualified_before_between_take_the_sides_after_it() -> None:
    # a few words may qualify the talks before "giữa": the sides are still those after it
    [event] = undated("Vòng đàm phán thương mại giữa Chile và Peru đã kết thúc tối qua ở Lima.")
    assert event.kind == "meeting"
    assert event.parties == ["CHL", "PER"]


def test_world_talks_as_a_noun_after_a_count_of_days_take_capitals_as_sides() -> None:
    # a verb of talks used as their noun ("sau 2 ngày đàm phán …"), capitals for states
    [event] = undated(
        "Hai con tin được trả tự do sau 2 ngày đàm phán căng thẳng giữa Madrid và Rabat."
    )
    assert event.parties == ["ESP", "MAR"]


def test_world_between_told_of_a_topic_or_a_cause_is_no_side() -> None:
    # "giữa" after a topic or a cause tells what is talked about, not who talks
    for text in (
        "Nga và Pháp đã thảo luận về cuộc xung đột giữa Israel và Palestine.",
        "Các chuyên gia dè dặt về đàm phán bởi sự thiếu tin tưởng giữa Seoul và Tokyo.",
        (
            "Các cuộc hội đàm gần đây giữa Ngoại trưởng Peru Manuel Rodriguez và các quan "
            "chức Chile về vấn đề Bolivia đã kết thúc."
        ),
    ):
        assert not any({"ISR", "KOR", "BOL"} & set(e.parties) for e in undated(text))


def test_world_a_state_summoning_an_envoy_meets_the_envoys_state() -> None:
    # "X triệu tập (quyền) đại sứ Y": a reception of an envoy, called in by a state
    [event] = undated("Peru hôm qua đã triệu tập quyền đại sứ Chile để phản đối chính thức.")
    assert event.kind == "meeting"
    assert event.parties == ["CHL", "PER"]
    [named] = undated(
        "Thứ trưởng Ngoại giao Peru Juan Perez đã triệu tập đại biện Chile để phản đối."
    )
    assert named.parties == ["CHL", "PER"]
    assert [(p.name, p.role) for p in named.participants] == [("Juan Perez", "chair")]


def test_world_summoning_no_envoy_of_a_state_is_no_summons() -> None:
    assert undated("Cảnh sát đã triệu tập đại sứ quán để hỏi về vụ việc.") == []


def test_world_a_short_form_after_a_title_is_the_state_of_the_office() -> None:
    # "thủ tướng Anh": "Anh" alone after an office is Britain
    [event] = undated(
        "Tổng thư ký LHQ Kofi Annan, trong cuộc gặp với thủ tướng Anh, nói rằng các đường "
        "biên giới cần được thoả thuận."
    )
    assert event.parties == ["GBR", "UN"]


def test_world_a_vietnamese_given_name_after_a_title_is_no_state() -> None:
    # "Bộ trưởng Anh Tuấn": a given name, not Britain
    for event in undated(
        "Bộ trưởng Anh Tuấn đã có cuộc gặp với Thủ tướng Pháp Jacques Chirac hôm qua."
    ):
        assert "GBR" not in event.parties


def test_world_a_word_of_talks_holding_between_takes_the_sides_after_it() -> None:
    # "các cuộc thảo luận giữa A và B": the trigger itself ends with "giữa"
    [event] = undated(
        "Sau các cuộc thảo luận giữa Chile và Peru về vấn đề biên giới, Lima đã quyết "
        "định trao trả 4 ngư dân."
    )
    assert event.parties == ["CHL", "PER"]


def test_world_a_trip_to_the_mainland_is_a_visit_to_china() -> None:
    [event] = undated(
        "Chủ tịch Quốc dân đảng Đài Loan Liên Chiến hôm nay bắt đầu chuyến thăm Đại lục "
        "kéo dài 8 ngày."
    )
    assert event.kind == "visit"
    assert event.parties == ["CHN", "TWN"]


def test_world_the_official_who_also_speaks_next_is_the_other_side() -> None:
    # talks told with one side only; the next sentence opens with an official of another
    # state who "also" speaks of them: the other side
    [event] = extract(
        "Trong cuộc gặp hôm qua tại Berlin, Thủ tướng Đức Gerhard Schroeder đánh giá cao "
        "chính sách đổi mới của Việt Nam. Tổng bí thư Nông Đức Mạnh cũng khẳng định Việt Nam "
        "sẽ tạo điều kiện cho các doanh nghiệp Đức.",
        "t",
        published="2004-10",
    ).events
    assert {p.name for p in event.participants} == {"Gerhard Schroeder", "Nông Đức Mạnh"}
    assert event.parties == ["DEU", "VNM"]


def test_world_a_next_speaker_without_cung_is_not_added() -> None:
    [event] = extract(
        "Trong cuộc gặp hôm qua tại Berlin, Thủ tướng Đức Gerhard Schroeder đánh giá cao "
        "chính sách đổi mới của Việt Nam. Ngoại trưởng Pháp Michel Barnier nói Pháp ủng hộ "
        "quan điểm này.",
        "t",
        published="2004-10",
    ).events
    assert {p.name for p in event.participants} == {"Gerhard Schroeder"}


def test_world_a_given_name_after_a_title_calls_back_its_official() -> None:
    # "Thứ trưởng Trung" is Lê Hoài Trung again, not China
    found = extract(
        "Ngày 5/6/2024, Thứ trưởng Ngoại giao Lê Hoài Trung tiếp Đại sứ Campuchia Chay "
        "Navuth tại Hà Nội. Chiều cùng ngày, Thứ trưởng Trung tiếp Đại sứ Lào Khamphao "
        "Ernthavanh.",
        "t",
    ).events
    assert all("CHN" not in e.parties for e in found)


def test_world_a_continent_is_not_the_mainland() -> None:
    [event] = extract(
        "Ngày 5/6/2024, Thủ tướng Australia Anthony Albanese hội đàm với Tổng thống Pháp "
        "Emmanuel Macron về an ninh của Đại lục Úc.",
        "t",
    ).events
    assert "CHN" not in event.parties


def test_world_events_accession_talks_keep_a_state_the_bloc_now_counts_as_member() -> None:
    [event] = undated("Đàm phán về việc kết nạp Croatia vào Liên minh châu Âu sẽ bắt đầu năm 2005.")
    assert event.parties == ["EU", "HRV"]


def test_world_events_a_speaker_after_talks_between_listed_sides_is_none_of_them() -> None:
    [event] = undated(
        'Tổng thống Nga Vladimir Putin ra lệnh nối lại việc cung cấp khí đốt. "Nga sẽ bảo '
        'đảm nguồn khí đốt", Thủ tướng Ukraina Yury Ekhanurov phát biểu trên đài phát thanh '
        "sau các cuộc hội đàm giữa Putin, Gazprom và phái đoàn đàm phán của chính phủ Ukraina."
    )
    assert [p.name for p in event.participants] == ["Vladimir Putin"]
    assert event.parties == ["RUS", "UKR"]


def test_world_events_whose_visit_is_not_told_by_a_later_clause_of() -> None:
    visit = next(
        e
        for e in undated(
            "Thứ trưởng Ngoại giao Mỹ Robert Zoellick trong chuyến thăm Việt Nam đã chuyển lời "
            "của Tổng thống George Bush mời Thủ tướng Phan Văn Khải."
        )
        if e.kind == "visit"
    )
    assert [p.name for p in visit.participants] == ["Robert Zoellick"]
    [abe] = [
        e
        for e in undated(
            "Chuyến thăm Việt Nam của Thủ tướng Nhật Bản Shinzo Abe diễn ra vào tháng 1."
        )
        if e.kind == "visit"
    ]
    assert [p.name for p in abe.participants] == ["Shinzo Abe"]


def test_world_events_the_sides_after_between_end_with_the_list_after_and() -> None:
    [talks] = undated(
        "Một nhà ngoại giao biết rõ về các cuộc thảo luận giữa Mỹ và IAEA cho biết Washington "
        "muốn Iran đưa ra phản ứng trước ngày 24/11."
    )
    assert talks.parties == ["IAEA", "USA"]  # an organisation taking part as such
    [talks] = undated(
        "Hoạt động đó đã bị hoãn lại trong thời gian diễn ra các cuộc đàm phán giữa Iran và "
        "Anh, Pháp, Đức."
    )
    assert talks.parties == ["DEU", "FRA", "GBR", "IRN"]
    [talks] = undated(
        "Đàm phán trực tiếp giữa Mỹ và Iran sẽ hiệu quả hơn so với cuộc đàm phán giữa châu Âu "
        "và Iran hoặc các cam kết giữa Iran và Nga về uranium."
    )
    assert talks.parties == ["EU", "IRN"]  # the continent as a side of talks is the bloc


def test_world_events_a_mediator_chairs_the_talks() -> None:
    [talks] = undated(
        "Các cuộc đàm phán giữa chính phủ Indonesia và phiến quân Aceh diễn ra dưới sự trung "
        "gian của cựu tổng thống Phần Lan Martti Ahtisaari."
    )
    assert [(p.name, p.role) for p in talks.participants] == [("Martti Ahtisaari", "chair")]
    [talks] = undated(
        "Bộ trưởng Tư pháp Indonesia Hamid Awaluddin đã gặp thủ tướng lưu vong của phong trào "
        "ly khai Aceh Malik Mahmud tại Helsinki. Cuộc gặp gỡ do cựu tổng thống Phần Lan Martti "
        "Ahtisaari làm trung gian này là lần đầu tiên hai bên đối thoại kể từ tháng 5/2003."
    )
    assert ("Martti Ahtisaari", "chair") in [(p.name, p.role) for p in talks.participants]
    assert "FIN" in talks.parties


def test_world_events_talks_between_other_sides_are_not_an_earlier_meeting_again() -> None:
    found = undated(
        "Tổng thống Pháp Jacques Chirac đã khẳng định trong cuộc gặp với Thủ tướng Campuchia "
        "Hun Sen hôm qua rằng Paris ủng hộ việc đưa Khmer Đỏ ra tòa. Việc này từng là chủ đề "
        "của các cuộc đàm phán căng thẳng giữa LHQ và Campuchia."
    )
    assert sorted(e.parties for e in found) == [["FRA", "KHM"], ["KHM", "UN"]]


def test_world_events_a_visit_to_saipan_is_a_visit_to_the_united_states() -> None:
    [trip] = undated(
        "Nhật hoàng Akihito đã có chuyến thăm đảo Saipan, chiến trường thời Thế chiến II."
    )
    assert trip.parties == ["JPN", "USA"]


def test_world_events_a_pair_by_dash_after_between_closes_the_sides() -> None:
    [talks] = undated(
        "Trong cuộc hội đàm giữa lãnh đạo Nhật - Hàn hôm nay, vấn đề hạt nhân của Bắc Triều "
        "Tiên cũng được đưa ra bàn bạc."
    )
    assert talks.parties == ["JPN", "KOR"]


def test_world_events_a_letter_forwarded_by_an_envoy_is_no_reception() -> None:
    assert (
        undated(
            "Văn bản do đại sứ Iran tại Pháp viết và được chuyển tiếp bởi đại sứ Thụy Sĩ tại "
            "Tehran Tim Guldimann, người đại diện cho các quyền lợi Mỹ ở Iran."
        )
        == []
    )
