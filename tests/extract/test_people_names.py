"""people/names: where a personal name ends in the body."""

from diplonews.extract import extract


def names_of(text: str) -> list[str]:
    return [p.name for p in extract(text, "t").people]


def test_a_vietnamese_syllable_glued_after_a_foreign_name_starts_a_sentence() -> None:
    found = names_of(
        "Phó Thủ tướng Malaysia Ahmad Zahid Rahman Tuyên bố tại Kuala Lumpur sau khi hội đàm."
    )
    assert found == ["Ahmad Zahid Rahman"]


def test_a_caption_syllable_after_a_foreign_name_is_cut() -> None:
    found = names_of("Ngoại trưởng Canada Peter Fenwick Họ đã gặp nhau tại Ottawa hôm qua.")
    assert found == ["Peter Fenwick"]


def test_vietnamese_and_sino_vietnamese_names_keep_their_syllables() -> None:
    found = names_of(
        "Chủ tịch nước Lê Văn Tâm đã tiếp Tổng thống Hàn Quốc Kim Tê Chung và Tổng Bí thư "
        "Lào Bunma Xaynhavông hôm qua."
    )
    assert "Lê Văn Tâm" in found
    assert "Kim Tê Chung" in found
    assert "Bunma Xaynhavông" in found


def test_vietnamese_syllables_before_a_foreign_name_are_not_part_of_it() -> None:
    found = names_of(
        "Tỉnh trưởng Hắc Long Giang Wang Jianmin đã tiếp Bộ trưởng Thương Mại Donal Fisher."
    )
    assert "Wang Jianmin" in found
    assert "Donal Fisher" in found


def test_a_vietnamese_name_keeps_its_family_name() -> None:
    found = names_of("Thủ tướng Lê Minh Chính đã hội đàm với Thủ tướng Hồ Chí Thanh.")
    assert found == ["Lê Minh Chính", "Hồ Chí Thanh"]


def test_a_former_state_is_no_part_of_its_leaders_name() -> None:
    people = extract(
        "Tổng thống Nam Tư Dragan Petrovic đã gặp nhà lãnh đạo Liên Xô Ivan Sokolov.", "t"
    ).people
    assert [(p.name, p.country) for p in people] == [
        ("Dragan Petrovic", "YUG"),
        ("Ivan Sokolov", "SUN"),
    ]


def test_two_particles_inside_a_spanish_name() -> None:
    found = names_of("Phó Thủ tướng Tây Ban Nha Ana Maria Lopez de la Cruz tuyên bố như vậy.")
    assert found == ["Ana Maria Lopez de la Cruz"]


def test_people_names_a_firm_before_its_officers_name_is_not_part_of_it() -> None:
    from diplonews.extract.lexicons import load
    from diplonews.extract.people import find_mentions

    text = "Phát ngôn viên Gazprom Pavel Orlenko cho hay giá khí đốt sẽ tăng."
    assert [m.name for m in find_mentions(text, load())] == ["Pavel Orlenko"]
