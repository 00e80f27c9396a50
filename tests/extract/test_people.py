"""People stage: title chains, honorifics, appositions, short forms, countries."""

from pathlib import Path

from diplonews.extract import extract, extract_doc
from diplonews.extract.lexicons import load
from diplonews.extract.people.mentions import find_mentions, honorific_starts


def people_of(text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {p.name: (p.country, p.titles) for p in extract(text, "t").people}


def test_people_title_country_name() -> None:
    found = people_of("Ngày 7/6, Thứ trưởng Ngoại giao Hàn Quốc Yeo Seung-bae đã phát biểu.")
    assert found == {"Yeo Seung-bae": ("KOR", ["Vice Foreign Minister"])}


def test_people_title_chain_with_comma() -> None:
    found = people_of("Phó Thủ tướng, Bộ trưởng Ngoại giao Lào Saleumxay Kommasith phát biểu.")
    country, titles = found["Saleumxay Kommasith"]
    assert country == "LAO"
    assert titles == ["Deputy Prime Minister", "Foreign Minister"]


def test_people_apposition_after_honorific() -> None:
    found = people_of(
        "Thành phần Đoàn gồm có: ông Sakai Manabu, Phó Chánh văn phòng Nội các "
        "Nhật Bản; bà Suga Mariko, Phu nhân Thủ tướng Nhật Bản."
    )
    assert "Sakai Manabu" in found
    assert found["Sakai Manabu"][0] == "JPN"
    assert "Suga Mariko" not in found  # a spouse is not an official


def test_people_vietnamese_name_defaults_to_vietnam() -> None:
    found = people_of("Thủ tướng Phạm Minh Chính tiếp Đại sứ Hàn Quốc tại Việt Nam Choi Young Sam.")
    assert found["Phạm Minh Chính"][0] == "VNM"
    assert found["Choi Young Sam"][0] == "KOR"  # the posting "tại Việt Nam" is not nationality


def test_people_short_forms_resolve_to_one_person() -> None:
    text = (
        "Thứ trưởng Ngoại giao Hàn Quốc Kim Gunn đã chủ trì hội nghị. "
        "Ông Gunn cho biết thêm. Thứ trưởng Kim Gunn nhấn mạnh."
    )
    assert list(people_of(text)) == ["Kim Gunn"]


def test_people_title_alone_points_back() -> None:
    text = (
        "Thứ trưởng Ngoại giao Hàn Quốc Yeo Seung-bae dự họp. "
        "Thứ trưởng Ngoại giao Hàn Quốc sẽ tham dự Diễn đàn."
    )
    doc = extract_doc(text, "t")
    assert [m.person for m in doc.mentions] == [0, 0]


def test_people_place_named_after_a_person_is_not_a_person() -> None:
    found = people_of("Thủ tướng Suga Yoshihide thăm Nhà sàn Chủ tịch Hồ Chí Minh.")
    assert "Hồ Chí Minh" not in found


def test_people_meeting_name_is_not_a_minister() -> None:
    mentions = find_mentions("Hội nghị Bộ trưởng Ngoại giao Hàn-ASEAN sẽ diễn ra.", load())
    assert [m.name for m in mentions] == []


def test_people_glued_sentence_does_not_join_the_name() -> None:
    found = people_of("hội đàm với Tổng thống Hàn Quốc Yoon Suk-yeol.Một quan chức cho biết.")
    assert "Yoon Suk-yeol" in found


def test_people_acronym_is_not_a_name() -> None:
    assert people_of("Ngoại trưởng ARF cho biết.") == {}


def test_people_a_comma_then_a_title_and_name_is_the_next_person() -> None:
    found = people_of(
        "Nhận lời mời của Tổng thống Hàn Quốc Yoon Suk Yeol, Chủ tịch nước Võ Văn "
        "Thưởng sẽ thăm Hàn Quốc."
    )
    assert found["Yoon Suk Yeol"] == ("KOR", ["President"])
    assert found["Võ Văn Thưởng"][0] == "VNM"


def test_people_a_province_after_a_title_is_not_a_name() -> None:
    found = people_of(
        "Tham dự có ông Đặng Quốc Khánh, Bí thư Tỉnh ủy, Trưởng đoàn Đại biểu Quốc "
        "hội tỉnh Hà Giang; ông Nguyễn Văn Sơn, Chủ tịch UBND tỉnh Hà Giang."
    )
    assert set(found) == {"Đặng Quốc Khánh", "Nguyễn Văn Sơn"}


def test_people_north_and_south_in_korean_news() -> None:
    found = people_of(
        "Bắc Triều Tiên cử Đại sứ tại Indonesia An Kwang-il thay mặt Ngoại trưởng "
        "miền Bắc Ri Son-kwon."
    )
    assert found["Ri Son-kwon"][0] == "PRK"


def test_people_official_named_only_in_a_caption() -> None:
    text = (
        "Tổng thống Hàn Quốc Moon Jae-in. (Ảnh: Yonhap)\n"
        "Hội nghị thượng đỉnh Hàn Quốc - ASEAN sẽ được tổ chức ở Busan."
    )
    assert "Moon Jae-in" in people_of(text)


def test_people_short_form_country_after_a_title() -> None:
    assert people_of("Thủ tướng Anh Keir Starmer đã hội đàm.")["Keir Starmer"][0] == "GBR"


def test_people_office_of_a_bloc_named_in_the_title() -> None:
    assert people_of("Tổng Thư ký ASEAN Kao Kim Hourn phát biểu.")["Kao Kim Hourn"][0] == "ASEAN"


def test_people_an_embassy_is_not_an_ambassador() -> None:
    assert people_of("Đại sứ quán Hàn Quốc Kim Min tổ chức lễ kỷ niệm.") == {}


def test_people_a_shorter_title_later_adds_nothing() -> None:
    text = (
        "Thứ trưởng Ngoại giao Hàn Quốc Yeo Seung-bae dự họp. Thứ trưởng Yeo Seung-bae cho "
        "biết Hàn Quốc ủng hộ ASEAN."
    )
    assert people_of(text)["Yeo Seung-bae"] == ("KOR", ["Vice Foreign Minister"])


def test_people_participant_title_is_the_office_next_to_the_name() -> None:
    record = extract(
        "Ngày 23/7, Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh đã có cuộc gặp "
        "với Bộ trưởng Ngoại giao Lào Saleumxay Kommasith.",
        "t",
        published="2016-07",
    )
    [meeting] = record.events
    assert {p.name: p.title for p in meeting.participants} == {
        "Phạm Bình Minh": "Foreign Minister",
        "Saleumxay Kommasith": "Foreign Minister",
    }


def test_people_name_words_come_from_the_lexicon(tmp_path) -> None:
    (tmp_path / "name_words.tsv").write_text("form\trole\nvệ sĩ\tnot_official\n", encoding="utf-8")
    lex = load([tmp_path])
    text = (
        "Thủ tướng Phạm Minh Chính và Bộ trưởng Bùi Thanh Sơn gặp ông Lê Văn Tám, vệ sĩ của đoàn."
    )
    assert "Lê Văn Tám" not in {p.name for p in extract(text, "t", lexicons=lex).people}
    assert "Lê Văn Tám" in {p.name for p in extract(text, "t").people}


def test_people_caption_word_does_not_join_the_name() -> None:
    found = people_of(
        "Chủ tịch nước chủ trì lễ đón Tổng thống Hoa Kỳ Barack Obama Toàn cảnh lễ đón tại Hà Nội."
    )
    assert "Barack Obama" in found
    assert not any("Toàn" in name for name in found)


def test_people_medal_after_a_name_is_not_the_name() -> None:
    found = people_of("Chủ tịch Cuba trao tặng Tổng Bí thư Lê Khả Phiêu Huân chương Jose Marti.")
    assert "Lê Khả Phiêu" in found


def test_people_country_word_ends_a_vietnamese_name() -> None:
    found = people_of("Đoàn gồm: Thứ trưởng Bộ Công an Trần Văn Đức; Đại sứ Lê Anh Tuấn.")
    assert "Trần Văn Đức" in found
    assert "Lê Anh Tuấn" in found


def test_people_regnal_number_is_part_of_the_name() -> None:
    found = people_of("Thủ tướng đã yết kiến Quốc vương Morocco Mohammed VI tại Rabat.")
    assert "Mohammed VI" in found


def test_people_one_word_name_after_a_leader_title() -> None:
    found = people_of("Tổng thống Mỹ Obama và Ngoại trưởng Thụy Điển L.Andersson đã gặp nhau.")
    assert found["Obama"][0] == "USA"
    assert "L.Andersson" in found


def test_people_one_word_after_a_title_is_not_always_a_name() -> None:
    found = people_of(
        "Thủ tướng Anh cho biết. Giám đốc Marketing phát biểu. Chủ tịch Lưỡng viện Quốc hội nói."
    )
    assert found == {}


def test_people_name_after_an_office_the_lexicon_does_not_know() -> None:
    found = people_of(
        "Đoàn gồm: Bộ trưởng Bộ Chiến lược và Tài chính Hàn Quốc Kim Dong Yeon; "
        "Chủ nhiệm Ủy ban Hợp tác Liên nghị viện của Hạ viện Indonesia Budi Santoso."
    )
    assert "Kim Dong Yeon" in found
    assert "Budi Santoso" in found


def test_people_office_words_are_not_a_name() -> None:
    found = people_of(
        "Ông Nam, Trưởng Ban Quản lý dự án, phát biểu. Giám đốc Chi cục Kiểm lâm nói."
    )
    assert not any(name.startswith(("Ban", "Chi")) for name in found)


def test_people_delegation_head_serves_the_delegations_country() -> None:
    found = people_of(
        "Hôm nay, Phó Chủ tịch Quốc hội Yang Hyong Sop dẫn đầu đoàn đại biểu CHDCND Triều "
        "Tiên tới Cuba. Đoàn Hàn Quốc do ông Hoang In-Mu, Thứ trưởng Bộ Quốc phòng làm trưởng đoàn."
    )
    assert found["Yang Hyong Sop"][0] == "PRK"
    assert found["Hoang In-Mu"][0] == "KOR"


def test_people_name_after_an_organisations_acronym() -> None:
    found = people_of(
        "Phó Chủ tịch nước tiếp kiến Tổng Thư ký Tổ chức Quốc tế Pháp ngữ (OIF) "
        "Louise Mushikiwabo bên lề Hội nghị."
    )
    assert "Louise Mushikiwabo" in found


def test_people_transcribed_name_after_the_host_country() -> None:
    found = people_of(
        "Ông có cuộc hội đàm riêng với Thủ tướng nước chủ nhà Giu-ni-chi-rô Cô-i-du-mi."
    )
    assert "Giu-ni-chi-rô Cô-i-du-mi" in found


def test_people_a_title_that_points_back_takes_no_later_words() -> None:
    found = people_of(
        "Thủ tướng Phạm Minh Chính đến Vientiane. Thủ tướng thăm Khu Kinh tế Đặc biệt Sài Sết."
    )
    assert set(found) == {"Phạm Minh Chính"}


def test_people_initialled_name_after_a_spokesman() -> None:
    found = people_of("Người phát ngôn Nhà Trắng S.McClellan cho biết như vậy.")
    assert "S.McClellan" in found


def test_people_initialled_foreign_name_after_a_states_long_name() -> None:
    # 2000s news glues a foreign minister's initial to his name and may write his state
    # as "nước CHND …": the name is still read, with its state
    found = people_of(
        "Chiều 13/7, Bộ trưởng Ngoại giao nước CHND Bangladesh M.Morshed Khan đến Hà Nội."
    )
    assert found["M.Morshed Khan"][0] == "BGD"


def test_people_state_after_the_name() -> None:
    found = people_of("Vua Abdullah của Jordan gọi đó là hành động tội ác.")
    assert found["Abdullah"][0] == "JOR"


def test_people_korean_family_name_in_news_about_the_north_only() -> None:
    found = people_of(
        "Quan chức Bình Nhưỡng tới Cuba gần đây nhất là Thứ trưởng Bộ Ngoại giao CHDCND Triều "
        "Tiên Ri Kil Song. Trước đó có Thứ trưởng Choi Su Hon, tháng 6/2004."
    )
    assert found["Choi Su Hon"][0] == "PRK"


def test_people_name_before_its_title() -> None:
    found = people_of(
        '"Đây là một nguy cơ", Jorge Valero, đại sứ Venezuela tại OAS phát biểu. '
        "Tại Hà Nội, Thủ tướng nói."
    )
    assert found == {"Jorge Valero": ("VEN", ["Ambassador"])}


def test_people_general_is_a_title_not_a_name() -> None:
    found = people_of("Tướng Mỹ Mark Kimmitt cho biết quân đội sẽ rút.")
    assert "Mark Kimmitt" in found


def test_people_chinese_names_in_sino_vietnamese_reading_outside_vietnam_news() -> None:
    found = people_of(
        "Ngày 5/3, tại Bắc Kinh, Chủ tịch Trung Quốc Tập Cận Bình hội đàm với Tổng thống "
        "Nga. Thủ tướng Lý Cường và Ngoại trưởng Vương Nghị cũng dự."
    )
    assert found["Lý Cường"][0] == "CHN"
    assert found["Vương Nghị"][0] == "CHN"


def test_people_vietnamese_names_stay_vietnamese_in_vietnam_news() -> None:
    found = people_of("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Trung Quốc Lý Cường.")
    assert found["Phạm Minh Chính"][0] == "VNM"
    assert found["Lý Cường"][0] == "CHN"


def test_people_counterpart_is_named_after_nguoi_dong_cap() -> None:
    found = people_of(
        "Thủ tướng Phạm Minh Chính điện đàm với người đồng cấp Nhật Bản Kishida Fumio."
    )
    assert found["Kishida Fumio"][0] == "JPN"


def test_people_foreign_name_after_an_unknown_portfolio() -> None:
    found = people_of("Bộ trưởng Nội thương Malaysia Shafie Apdal nói gần đây tồn đọng nhiều vụ.")
    assert "Shafie Apdal" in found


def test_people_a_firms_name_after_a_title_is_no_person() -> None:
    found = people_of("Giám đốc điều hành hãng Rico Airlines cho biết chuyến bay bị hủy.")
    assert not any("Rico" in name for name in found)


def test_people_abbreviated_title() -> None:
    found = people_of("Tổng thống (TT) Mỹ George W. Bush đến New Delhi.")
    assert found["George W. Bush"][0] == "USA"


def test_people_a_countrys_abbreviation_is_not_initials() -> None:
    found = people_of("Thủ tướng TQ Ôn Gia Bảo đến Hà Nội.")
    assert not any(name.startswith("TQ") for name in found)


def test_people_a_syllable_of_an_office_is_not_a_name() -> None:
    found = people_of(
        "Ông hội đàm với Phó Trưởng ban Đối ngoại trung ương đảng Cộng sản Lê Hoài Trung."
    )
    assert set(found) == {"Lê Hoài Trung"}


def test_people_initialled_and_full_names_are_one_person() -> None:
    found = people_of(
        "Tổng thống Nga Vladimir Putin đến Bắc Kinh. Tổng thống V.Putin nói. "
        "Tổng thống Mỹ George W. Bush và Tổng thống G.Bush."
    )
    assert set(found) == {"Vladimir Putin", "George W. Bush"}


def test_people_one_word_transcribed_name_after_a_monarchs_title() -> None:
    found = people_of(
        "Thủ tướng sẽ tiếp kiến Nhà vua Nhật Bản Na-ru-hi-tô và hội đàm với Thủ tướng."
    )
    assert found["Na-ru-hi-tô"][0] == "JPN"


def test_people_former_prime_minister_is_not_a_head_of_state_and_general() -> None:
    found = people_of("Nguyên thủ tướng Võ Văn Kiệt nói. HLV cờ vua Trịnh Hoàng Cường nói.")
    assert found == {"Võ Văn Kiệt": ("VNM", ["Prime Minister"])}


def test_people_a_place_in_the_office_gives_the_country() -> None:
    found = people_of(
        "Người phát ngôn Nhà Trắng S.McClellan cho biết. Thị trưởng Seoul Oh Se-hoon nói."
    )
    assert found["S.McClellan"][0] == "USA"
    assert found["Oh Se-hoon"][0] == "KOR"


def test_people_an_organisation_head_word_that_is_a_family_name_starts_the_name() -> None:
    found = people_of(
        "Ngày 10/6, Bộ trưởng Ngoại giao Hàn Quốc Ban Ki-moon đã hội đàm với Ngoại trưởng "
        "Trung Quốc Lý Triệu Tinh."
    )
    assert found["Ban Ki-moon"][0] == "KOR"
    assert found["Lý Triệu Tinh"][0] == "CHN"


def test_people_chained_particles_stay_inside_a_foreign_name() -> None:
    found = people_of("Thủ tướng hội đàm với Chủ tịch Ủy ban châu Âu Ursula von der Leyen.")
    assert "Ursula von der Leyen" in found


def test_people_a_word_that_opens_the_lead_is_not_part_of_the_name() -> None:
    found = people_of(
        "Bộ trưởng Tài chính Nguyễn Văn Hùng Sáng nay 10-6, Quốc hội chất vấn Bộ trưởng "
        "Giao thông Lê Đình Bình Sau khi kết thúc phiên họp."
    )
    assert set(found) == {"Nguyễn Văn Hùng", "Lê Đình Bình"}


def test_people_a_given_name_that_can_open_a_sentence_is_kept() -> None:
    found = people_of("Quyết định do Chủ tịch UBND tỉnh Đồng Nai Võ Văn Một ký ngày 7/7.")
    assert "Võ Văn Một" in found


def test_people_a_capitalised_honorific_starts_another_person() -> None:
    found = people_of(
        "Tố cáo Tổng giám đốc Trần Cảnh Ông Phạm Quang Dự, Chủ tịch HĐQT Tổng công ty."
    )
    assert "Trần Cảnh" in found and "Phạm Quang Dự" in found


def test_people_an_organisation_inside_a_title_is_whom_the_holder_serves() -> None:
    found = people_of("Thủ tướng tiếp Chủ tịch Ngân hàng Thế giới Ajay Banga ngày 5/6.")
    assert found["Ajay Banga"][0] == "WB"


def test_people_lower_case_words_inside_an_organisation_before_the_name() -> None:
    found = people_of("Chủ tịch Hội Bảo vệ người tiêu dùng Đỗ Gia Phan cho rằng giá điện quá cao.")
    assert "Đỗ Gia Phan" in found


def test_people_a_number_word_ends_a_four_syllable_name() -> None:
    found = people_of("Phó Chủ tịch UBND tỉnh Đồng Nai Võ Thị Mười Hai cho biết như vậy.")
    assert "Võ Thị Mười Hai" in found


def test_people_an_initialled_name_ends_at_its_full_stop() -> None:
    found = people_of("Các ngoại trưởng đã gặp Ngoại trưởng Mỹ C.Rice. Mục đích là bàn về an ninh.")
    assert "C.Rice" in found


def test_people_an_arabic_particle_joined_by_a_dash_stays_in_the_name() -> None:
    found = people_of(
        "Ngày 5/6, Tổng thống Syria Bashar al-Assad đã tiếp Thủ tướng Iraq Ali al-Hassan."
    )
    assert found["Bashar al-Assad"][0] == "SYR"
    assert found["Ali al-Hassan"][0] == "IRQ"


def test_people_a_separate_ibn_particle_stays_in_the_name() -> None:
    found = people_of("Ngày 5/6, Thủ tướng Jordan tiếp Hoàng tử Saudi Arabia Turki ibn Faisal.")
    assert "Turki ibn Faisal" in found


def test_people_the_minister_title_misspelt_with_uo() -> None:
    found = people_of("Ngày 5/6, Bộ truởng Ngoại giao Yemen Ali Kurbi đã tới Hà Nội.")
    assert found == {"Ali Kurbi": ("YEM", ["Foreign Minister"])}


def test_people_a_country_named_by_its_nickname() -> None:
    found = people_of("Ngày 5/6, Thủ tướng tiếp Thủ tướng đất nước Chùa Tháp Hun Sen.")
    assert found["Hun Sen"][0] == "KHM"
    visit = extract(
        "Ngày 5/6, Chủ tịch nước Trần Đức Lương lên đường thăm chính thức xứ sở kim chi.", "t"
    )
    assert "KOR" in visit.events[0].parties


def test_people_a_second_titled_name_after_a_comma_is_another_person() -> None:
    found = people_of(
        "Ngày 5/6/2005, Ngoại trưởng Mỹ Jane Miller đã gặp Tổng thống Roh Moo-hyun, "
        "Ngoại trưởng Ban Ki-moon."
    )
    assert found["Roh Moo-hyun"][1] == ["President"]
    assert found["Ban Ki-moon"] == ("KOR", ["Foreign Minister"])


def test_people_a_known_official_named_without_a_title() -> None:
    found = people_of("Ngày 5/6/2007, Thủ tướng Nguyễn Tấn Dũng đã gặp ông Ban Ki-moon.")
    assert "Ban Ki-moon" in found
    assert "Lê Văn Nam" not in people_of("Ngày 5/6/2007, ông Lê Văn Nam đã tới Hà Nội.")


def test_people_an_emphatic_chinh_before_a_title_keeps_the_official() -> None:
    found = people_of("Ngày 5/6, Chính Tổng thư ký LHQ Kofi Annan cũng cho rằng cần hoãn.")
    assert found["Kofi Annan"][0] == "UN"


def test_people_a_known_official_named_bare_after_voi() -> None:
    found = people_of(
        "Ngày 5/6/2004, Ngoại trưởng Palestine Nabil Shaath hội đàm với Colin Powell."
    )
    assert found["Colin Powell"][0] == "USA"
    assert "Peter Brown" not in people_of(
        "Ngày 5/6/2004, Ngoại trưởng Palestine Nabil Shaath hội đàm với Peter Brown."
    )


def test_people_known_official_named_bare_anywhere() -> None:
    # A leader of the time named with neither title nor honorific is an official all the same.
    record = extract(
        "Toà án Tối cao Ukraina đã khẳng định Viktor Yushchenko là người chiến thắng. "
        "Ông Lavrov nói Matxcơva hoan nghênh.",
        "t",
    )
    assert {p.name: p.country for p in record.people}["Viktor Yushchenko"] == "UKR"


def test_people_administration_named_after_a_leader_is_no_mention() -> None:
    record = extract(
        "Đây là chính sách của chính quyền Lee Jae Myung đối với Triều Tiên, "
        "Thứ trưởng Ngoại giao Chung Eui Hae cho biết.",
        "t",
    )
    assert "Lee Jae Myung" not in {p.name for p in record.people}


def test_people_title_of_this_state_points_back() -> None:
    # "Ngoại trưởng nước này X": the state the previous sentence was about.
    record = extract(
        "Pháp hôm qua lên tiếng về Iraq. Bộ trưởng Quốc phòng nước này Michèle "
        "Alliot-Marie cho biết Paris sẽ không gửi quân.",
        "t",
    )
    assert {p.name: p.country for p in record.people} == {"Michèle Alliot-Marie": "FRA"}


def test_people_eu_foreign_policy_chief_in_2000s_wording() -> None:
    record = extract(
        "Uỷ viên an ninh và đối ngoại châu Âu Javier Solana hôm qua đã hội đàm với "
        "Ngoại trưởng Iran Kamal Kharrazi tại Tehran.",
        "t",
    )
    assert {p.name: p.country for p in record.people}["Javier Solana"] == "EU"


def test_people_listed_name_then_title_after_a_colon_or_semicolon() -> None:
    # Party news lists "Name, Office;" items; "Đức" inside "Trần Đức Lương" is no Germany.
    record = extract(
        "Mít tinh kỷ niệm\nDự lễ kỷ niệm có các đồng chí: Nông Đức Mạnh, Tổng Bí thư Ban "
        "chấp hành Trung ương Đảng; Trần Đức Lương, Ủy viên Bộ Chính trị, Chủ tịch nước.",
        "t",
    )
    assert [p.name for p in record.people] == ["Nông Đức Mạnh", "Trần Đức Lương"]


def test_people_honorific_starts_only_at_word_starts() -> None:
    body = "Ông A gặp bà B; không ông nào, công bà C (ông D) và đồng chí E."
    found = honorific_starts(body, load(), {})
    assert found == {0, 10, 22, 36, 42, 52}  # not the "ông " of "không ", "công "


def test_people_honorific_inside_a_longer_one_is_still_found(tmp_path: Path) -> None:
    (tmp_path / "name_words.tsv").write_text("form\trole\nchí\thonorific\n", encoding="utf-8")
    body = "đồng chí X"
    assert honorific_starts(body, load([tmp_path]), {}) == {0, 5}


def test_people_deputy_title_in_lower_case_is_the_deputy() -> None:
    # 2000s news writes the office after "Phó" in lower case: "Phó thủ tướng", "Phó tổng
    # thống"; read without "Phó", the deputy became the principal, and a later "Thủ
    # tướng" pointed to him instead of the Prime Minister.
    text = (
        "Thủ tướng Phan Văn Khải thăm Canada. Phó thủ tướng Vũ Khoan đã tiếp Phó tổng "
        "thống Mỹ Dick Cheney. Thủ tướng phát biểu."
    )
    doc = extract_doc(text, "t")
    found = {p.name: p.titles for p in doc.record.people}
    assert found["Vũ Khoan"] == ["Deputy Prime Minister"]
    assert found["Dick Cheney"] == ["Vice President"]
    assert doc.record.people[doc.mentions[-1].person].name == "Phan Văn Khải"


def test_people_an_official_listed_after_one_of_a_stated_state_shares_it() -> None:
    record = extract(
        "Ngoại trưởng Hàn Quốc Ban Ki-moon tới Washington hôm qua. Ông sẽ gặp Bộ trưởng "
        "Quốc phòng Mỹ Donald Rumsfeld và Cố vấn An ninh Quốc gia Stephen Hadley.",
        "t",
    )
    countries = {p.name: p.country for p in record.people}
    assert countries["Stephen Hadley"] == "USA"


def test_people_the_two_sides_of_giua_do_not_share_a_state() -> None:
    record = extract(
        "Cuộc hội đàm giữa Ngoại trưởng Mỹ Condoleezza Rice và Ngoại trưởng Xyzab Qwerty "
        "bàn về Hàn Quốc. Hàn Quốc hoan nghênh.",
        "t",
    )
    countries = {p.name: p.country for p in record.people}
    assert countries.get("Xyzab Qwerty") != "USA"


def test_people_saudi_arabia_as_the_2000s_press_spells_it() -> None:
    countries = people_of(
        "Ngày 3/5, Ngoại trưởng Mỹ Colin Powell đã hội đàm với Thái tử Ảrập Xêút Abdullah."
    )
    assert countries["Abdullah"][0] == "SAU"


def test_people_a_family_name_that_is_also_a_word_stands_for_its_bearer() -> None:
    doc = extract_doc(
        "Ngoại trưởng Hàn Quốc Ban Ki-moon tới Washington hôm qua. Ông Ban sẽ gặp Ngoại "
        "trưởng Mỹ Condoleezza Rice.",
        "t",
    )
    named = [doc.record.people[m.person].name for m in doc.mentions]
    assert named.count("Ban Ki-moon") == 2
    assert doc.record.people[0].titles == ["Foreign Minister"]


def test_people_a_family_name_word_alone_names_nobody_new() -> None:
    assert people_of("Ông Do sẽ gặp Ngoại trưởng Mỹ Condoleezza Rice.") == {
        "Condoleezza Rice": ("USA", ["Foreign Minister"])
    }


def test_people_the_head_of_an_organisations_delegation_serves_it() -> None:
    countries = people_of(
        "Ngày 28-4, đoàn Cao ủy Liên hợp quốc về người tị nạn (UNHCR) do bà Erika Elizabeth "
        "Feller, Trợ lý Cao ủy làm Trưởng đoàn đã hội đàm với Thứ trưởng Bộ Ngoại giao Nguyễn "
        "Phú Bình."
    )
    assert countries["Erika Elizabeth Feller"][0] == "UNHCR"
