"""Officials lexicon: a known official's state, and two spellings of one name."""

from diplonews.extract import extract, extract_doc
from diplonews.extract.lexicons import load
from diplonews.extract.officials import load as load_officials


def people_of(text: str) -> dict[str, str | None]:
    return {p.name: p.country for p in extract(text, "t").people}


def test_officials_state_of_a_leader_named_without_the_state() -> None:
    found = people_of(
        "Ngày 3/3/2022, Đại sứ Nguyễn Văn Ba trình Quốc thư lên Tổng thống Joe Biden."
    )
    assert found["Joe Biden"] == "USA"


def test_officials_sino_vietnamese_name_is_chinas() -> None:
    found = people_of(
        "Ngày 5/4/2005, Ngoại trưởng Lý Triệu Tinh hội đàm với Ngoại trưởng Nhật Bản."
    )
    assert found["Lý Triệu Tinh"] == "CHN"


def test_officials_two_spellings_are_one_person() -> None:
    found = people_of(
        "Ngày 7/12/2005, Thủ tướng Lý Hiển Long hội đàm với Thủ tướng Nguyễn Văn Hai. "
        "Thủ tướng Lee Hsien Loong cho biết hai nước sẽ mở rộng hợp tác."
    )
    assert list(found) == ["Lý Hiển Long", "Nguyễn Văn Hai"]
    assert found["Lý Hiển Long"] == "SGP"


def test_officials_the_year_chooses_between_two_offices() -> None:
    officials = load_officials(load())
    assert officials.state_of("Ban Ki-moon", 2005) == "KOR"
    assert officials.state_of("Ban Ki-moon", 2010) == "UN"
    assert officials.state_of("Ban Ki-moon") is None  # no year: the facts leave a choice
    assert officials.state_of("V.Putin") == "RUS"  # initials and full name alike


def test_officials_a_stated_state_wins_over_the_lexicon() -> None:
    found = people_of("Ngày 2/5/2010, Tổng Thư ký Liên hợp quốc Ban Ki-moon thăm Hà Nội.")
    assert found["Ban Ki-moon"] == "UN"


def test_officials_a_counterpart_named_without_the_state_is_not_the_other_sides() -> None:
    found = people_of(
        "Ngày 5/6/2004, Tổng thống Nga Putin và người đồng nhiệm Saakashvili đã hội đàm "
        "tại Matxcơva về quan hệ hai nước Nga và Gruzia."
    )
    assert found["Saakashvili"] == "GEO"


def test_officials_leaders_of_the_2000s_news() -> None:
    officials = load_officials(load())
    assert officials.state_of("Iyad Allawi") == "IRQ"
    assert officials.state_of("Gioan Phaolô II") == "VAT"
    assert officials.state_of("Anders Fogh Rasmussen", 2005) == "DNK"


def test_officials_leaders_of_2003_2006_world_news_carry_their_state() -> None:
    from diplonews.extract import extract

    people = extract(
        "Chủ tịch Kim Châng In chuyển giao quyền lực. Tại Burundi, Tổng thống "
        "P.Nkurunziza đã quyết định giảm thuế. Tại lân bang Tanzania, tân Tổng thống "
        "J.Kikwete kêu gọi người dân. Ngoại trưởng Gianfranco Fini nhận định đó là tai nạn.",
        "t",
    ).people
    assert {p.name: p.country for p in people} == {
        "Kim Châng In": "PRK",
        "P.Nkurunziza": "BDI",
        "J.Kikwete": "TZA",
        "Gianfranco Fini": "ITA",
    }


def test_officials_a_name_misspelled_by_a_letter_keeps_the_officials_state() -> None:
    found = people_of(
        "Ngày 10/5/2005, Tổng thống Mỹ George W. Bush tới Tbilisi và hội đàm với Tổng thống "
        "Mikhail Saakasvili, người lên nắm quyền sau cuộc cách mạng ở nước láng giềng của Nga."
    )
    assert found["Mikhail Saakasvili"] == "GEO"


def test_officials_near_spelling_needs_every_word_close() -> None:
    officials = load_officials(load())
    assert officials.near_state_of("Gerhart Schroeder", 2005) == "DEU"
    assert officials.near_state_of("Kim Jong-un", 2005) is None  # not "Kim Jong-il"
    assert officials.near_state_of("Saakasvili", 2005) is None  # one word says too little


def test_officials_a_leader_named_by_family_name_alone() -> None:
    # "Putin", "ông Blair": a one-word form officials.tsv lists. A family name the lexicon
    # lists only inside a full name ("Cheney") is not enough, nor is a word that ends a
    # longer name ("Laura Bush") or names a family ("dòng họ Bush").
    found = people_of(
        "Ngày 4/6/2004, các nhà lãnh đạo EU đề nghị Putin ủng hộ Nghị định thư Kyoto. "
        "Trong khi đó, ông Blair nhấn mạnh London sẽ tiếp tục đối thoại. "
        "Cheney khẳng định lập trường của Nhà Trắng không thay đổi. Laura Bush phát biểu "
        "về dòng họ Bush."
    )
    assert found == {"Putin": "RUS", "Blair": "GBR"}


def test_officials_a_loose_mention_acts_in_no_event() -> None:
    doc = extract_doc("Ngày 4/6/2004, Putin kêu gọi tiếp tục đàm phán với ông Blair.", "t")
    assert {p.name for p in doc.record.people} == {"Putin", "Blair"}
    assert doc.mentions == []  # named, but too loosely to take part in an event


def test_officials_a_sino_vietnamese_family_name_after_a_title() -> None:
    found = people_of("Ngày 8/10/2004, Thủ tướng Ôn tới Hà Nội dự Hội nghị ASEM 5.")
    assert found == {"Ôn": "CHN"}
    assert people_of("Ôn lại truyền thống, Đại sứ Nguyễn Văn Ba phát biểu.") == {
        "Nguyễn Văn Ba": "VNM"
    }


def test_officials_a_vietnamese_spelt_one_word_form_needs_a_title_before_it() -> None:
    # "Ôn" is Wen Jiabao only right after a title; "ông Ôn, chủ tịch xã" is anyone
    assert "Ôn" not in people_of(
        "Ông Ôn, chủ tịch xã Tân Lập, cho biết dự án sẽ hoàn thành. Bộ trưởng Ngoại giao "
        "Nhật đến Hà Nội."
    )
    assert (
        people_of("Thủ tướng Ôn đã hội đàm với Thủ tướng Nhật Bản Junichiro Koizumi.")["Ôn"]
        == "CHN"
    )


def test_officials_a_vice_president_abbreviated_needs_a_foreign_name() -> None:
    # "Phó TT" before a Vietnamese name is the press's Phó Thủ tướng, not a Vice President
    assert "Vũ Khoan" not in people_of("Phó TT Vũ Khoan đã tiếp Đại sứ Nhật Bản tại Hà Nội.")
    assert (
        people_of(
            "Phó TT Philippines Noli de Castro đã hội đàm với Thủ tướng Nhật Bản Junichiro Koizumi."
        )["Noli de Castro"]
        == "PHL"
    )
