"""A title alone points back to the holder the press's word names (round twelve, x-sides4):
Vietnam's president is "Chủ tịch nước", a republic's "Tổng thống", though both are
"President" in English."""

from diplonews.extract import extract_doc


def pointed(text: str) -> list[tuple[str, str]]:
    doc = extract_doc(text, "t", published="2005-03-10")
    people = doc.record.people
    return [(doc.body[m.start : m.end], people[m.person].name) for m in doc.mentions if not m.name]


TEXT = (
    "Tin ngoại giao\nChiều nay, Chủ tịch nước Trần Đức Lương đã chủ trì lễ đón Tổng thống "
    "Chile Ricardo Lagos tại Phủ Chủ tịch. Chủ tịch nước Trần Đức Lương bắt tay và tặng hoa "
    "cho Tổng thống. Sau đó, Tổng thống đã hội đàm với Chủ tịch nước."
)


def test_tong_thong_alone_is_the_republics_president_though_ours_was_named_last() -> None:
    assert pointed(TEXT) == [
        ("Tổng thống", "Ricardo Lagos"),
        ("Tổng thống", "Ricardo Lagos"),
        ("Chủ tịch nước", "Trần Đức Lương"),
    ]


def test_the_talks_of_the_two_presidents_told_by_their_titles_are_kept() -> None:
    events = extract_doc(TEXT, "t", published="2005-03-10").record.events
    talks = [e for e in events if e.kind == "meeting"]
    assert [sorted(p.name for p in e.participants) for e in talks] == [
        ["Ricardo Lagos", "Trần Đức Lương"]
    ]


def test_a_title_alone_still_points_to_the_last_holder_of_the_same_word() -> None:
    text = (
        "Tin ngoại giao\nTổng thống Mỹ George W. Bush đã gặp Tổng thống Nga Vladimir Putin "
        "tại Bratislava. Tổng thống Nga cho biết hai bên đã bàn về vấn đề hạt nhân."
    )
    assert pointed(text) == [("Tổng thống Nga", "Vladimir Putin")]


def test_chu_tich_nuoc_alone_is_not_chinas_chairman_named_last() -> None:
    text = (
        "Tin ngoại giao\nChủ tịch nước Trần Đức Lương đã tới Santiago dự Hội nghị cấp cao APEC. "
        "Bên lề hội nghị, Chủ tịch nước Trần Đức Lương đã gặp Chủ tịch Trung Quốc Hồ Cẩm Đào. "
        "Trong ngày mai, Chủ tịch nước tiếp tục dự phiên họp thứ hai của hội nghị."
    )
    assert pointed(text) == [("Chủ tịch nước", "Trần Đức Lương")]


def test_a_title_naming_its_state_points_back_whatever_the_word() -> None:
    text = (
        "Tin ngoại giao\nNgày 10/9/2024, Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith dự "
        "lễ khánh thành cây cầu mới.\nNgày 12/9/2024, Chủ tịch Lào tiếp Đại sứ Nhật Bản Ito "
        "Naoki."
    )
    doc = extract_doc(text, "t", published="2024-09-13")
    assert pointed(text) == [("Chủ tịch Lào", "Thongloun Sisoulith")]
    [reception] = [e for e in doc.record.events if e.kind == "meeting"]
    assert sorted((p.name, p.role) for p in reception.participants) == [
        ("Ito Naoki", "participant"),
        ("Thongloun Sisoulith", "chair"),
    ]
