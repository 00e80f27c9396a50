"""people/titles: the offices of negotiators, envoys and security chiefs, and their state."""

from diplonews.extract import extract


def people_of(text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {p.name: (p.country, p.titles) for p in extract(text, "t").people}


def test_a_nuclear_negotiator_is_an_official_of_the_state_named() -> None:
    found = people_of(
        "Nhà đàm phán hạt nhân hàng đầu của Iran Reza Farahani đã gặp Ngoại trưởng Đức "
        "Klaus Brenner tại Vienna."
    )
    assert found["Reza Farahani"] == ("IRN", ["Chief Nuclear Negotiator"])
    assert found["Klaus Brenner"][0] == "DEU"


def test_a_former_security_chief_is_an_official() -> None:
    found = people_of(
        "Tối qua, cựu trưởng lực lượng an ninh Palestine Khaled Nasser thảo luận với "
        "Bộ trưởng Quốc phòng Israel Avi Levin về lệnh ngừng bắn."
    )
    assert found["Khaled Nasser"] == ("PSE", ["Security Chief"])


def test_a_senior_adviser_of_a_state_in_a_list_keeps_that_state() -> None:
    found = people_of(
        "Trước đó, nhà đàm phán Palestine Omar Haddad và cố vấn cao cấp của Israel "
        "Uri Stern có các cuộc họp tại Tel Aviv."
    )
    assert found["Omar Haddad"][0] == "PSE"
    assert found["Uri Stern"] == ("ISR", ["Senior Advisor"])


def test_the_head_of_a_delegation_to_talks_is_a_chief_negotiator_of_the_state_named() -> None:
    found = people_of(
        "Ngày 3/4, Bộ trưởng Ngoại giao Trung Quốc Vương Định Quân đã gặp Trưởng đoàn đàm "
        "phán Mỹ Ma-cơ Xmít và Trưởng đoàn đàm phán Nhật Bản Kenji Okada."
    )
    assert found["Ma-cơ Xmít"] == ("USA", ["Chief Negotiator"])
    assert found["Kenji Okada"] == ("JPN", ["Chief Negotiator"])


def test_an_office_of_a_ministry_named_after_it_takes_the_ministrys_state() -> None:
    found = people_of(
        "Đại sứ phụ trách vấn đề bán đảo Triều Tiên thuộc Bộ Ngoại giao Trung Quốc Hà Minh "
        "Viễn đã gặp Thứ trưởng Ngoại giao Hàn Quốc Park Jin-ho."
    )
    assert found["Hà Minh Viễn"] == ("CHN", ["Ambassador for Korean Peninsula Affairs"])


def test_an_office_named_before_its_holder_after_la_gives_the_holder() -> None:
    found = people_of(
        "Hôm qua, đặc phái viên của Thủ tướng Nhật là Kenji Okada đã có cuộc gặp Phó Thủ "
        "tướng Trung Quốc Vương Định Quân tại Bắc Kinh."
    )
    assert found["Kenji Okada"][0] == "JPN"


def test_an_office_said_to_be_a_state_names_no_one() -> None:
    assert people_of("Chủ tịch ASEAN năm nay là Việt Nam, nước đăng cai hội nghị.") == {}


def test_people_titles_a_portfolio_the_lexicon_lacks_is_no_family_name() -> None:
    # "Tài nguyên Thiên nhiên": a ministry's field written in Vietnamese; the holder
    # comes after the state
    found = people_of(
        "Bộ trưởng Tài nguyên Thiên nhiên Nga Pavel Orlenko đã hội đàm với Bộ trưởng "
        "Ngoại giao Nhật Bản Kenji Okada tại Tokyo."
    )
    assert "Tài" not in found
    assert found["Pavel Orlenko"][0] == "RUS"


def test_people_titles_a_lone_syllable_before_a_clause_is_not_read_as_a_portfolio() -> None:
    from diplonews.extract.lexicons import load
    from diplonews.extract.people import find_mentions

    # "khẳng định" is the clause's verb, two lower-case words in a row: no office's name
    text = "Thủ tướng Tài khẳng định Nga Pavel Orlenko sẽ tới."
    assert [m.name for m in find_mentions(text, load()) if m.titles] == ["Tài"]


def test_people_titles_japan_written_with_a_small_b_is_the_state() -> None:
    found = people_of(
        "Ngoại trưởng Nhật bản Kenji Okada đã hội đàm với Ngoại trưởng Hàn Quốc Park "
        "Min-soo tại Seoul."
    )
    assert found["Kenji Okada"][0] == "JPN"


def test_people_titles_an_office_with_its_state_in_brackets_names_the_holder_after() -> None:
    from diplonews.extract.lexicons import load
    from diplonews.extract.people import find_mentions

    text = "Đại giáo chủ giáo đường al-Rahma (Ai Cập) Ahmed Fouad Mansour đã tiếp ông ấy."
    found = [(m.name, [t.en for t in m.titles]) for m in find_mentions(text, load())]
    assert ("Ahmed Fouad Mansour", ["Grand Imam"]) in found


def test_people_titles_the_leader_of_a_movement_is_named_after_his_title() -> None:
    from diplonews.extract.lexicons import load
    from diplonews.extract.people import find_mentions

    text = "Thủ lĩnh Hamas Khalil Nasser và thủ lĩnh tinh thần Omar Haddad đã bị bắt."
    names = [m.name for m in find_mentions(text, load()) if m.titles]
    assert names == ["Khalil Nasser", "Omar Haddad"]


def test_people_titles_a_particle_inside_a_name_after_an_unknown_office_is_kept() -> None:
    from diplonews.extract.lexicons import load
    from diplonews.extract.people import find_mentions

    text = "Theo Tổng thư ký Liên minh Pieter van der Berg, các nước sẽ họp."
    assert [m.name for m in find_mentions(text, load())] == ["Pieter van der Berg"]


def test_people_titles_a_city_after_a_mayors_title_is_not_his_name() -> None:
    from diplonews.extract.lexicons import load
    from diplonews.extract.people import find_mentions

    text = "Thị trưởng New Orleans ra lệnh sơ tán cư dân."
    assert all(m.name != "New Orleans" for m in find_mentions(text, load()))


def test_people_titles_the_head_of_a_delegation_named_before_the_office() -> None:
    found = people_of(
        "Rashid Okonjo, người đứng đầu đoàn đại biểu Nam Phi, đã gặp Ngoại trưởng Đức "
        "Klaus Brenner tại Vienna."
    )
    assert found["Rashid Okonjo"][1] == ["Head of Delegation"]


def test_people_titles_a_police_chief_of_another_state() -> None:
    found = people_of(
        "Cảnh sát trưởng Colombia Jorge Ramírez Pardo đã gặp Bộ trưởng Công an Việt Nam "
        "Lê Văn An tại Hà Nội."
    )
    assert found["Jorge Ramírez Pardo"] == ("COL", ["Police Chief"])


def test_a_consul_posted_to_a_city_is_of_the_state_named_before_the_city() -> None:
    found = people_of(
        "Chủ tịch UBND TPHCM Lê Thanh Hải đã tiếp Tổng Lãnh sự Hungary tại TPHCM Nyerki József "
        "đến chào từ biệt."
    )
    assert found["Nyerki József"] == ("HUN", ["Consul General"])
