"""People stage: title chains, honorifics, appositions, short forms, countries."""

from diplonews.extract import extract, extract_doc
from diplonews.extract.lexicons import load
from diplonews.extract.people import find_mentions


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
