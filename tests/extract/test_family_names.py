"""Family names alone: a foreign official named in full once, then by the last word."""

from diplonews.extract import extract_doc


def names_of(text: str) -> list[str | None]:
    doc = extract_doc(text, "t", published="2005-03-01")
    return [doc.record.people[m.person].name for m in doc.mentions]


def test_family_names_point_back_to_the_full_name() -> None:
    text = (
        "Ngoại trưởng Nga Sergei Lavrov tới Brussels. Lavrov sẽ gặp Ngoại trưởng Mỹ "
        "Colin Powell. Sau cuộc gặp với Lavrov, Powell phát biểu."
    )
    assert names_of(text) == [
        "Sergei Lavrov", "Sergei Lavrov", "Colin Powell", "Sergei Lavrov", "Colin Powell"
    ]  # fmt: skip


def test_family_names_not_before_the_full_name() -> None:
    assert names_of("Lavrov tới. Ngoại trưởng Nga Sergei Lavrov phát biểu.") == ["Sergei Lavrov"]


def test_family_names_not_inside_another_name_or_an_administration() -> None:
    text = (
        "Tổng thống Mỹ George Bush tới Paris. Con gái Jenna Bush đi cùng. "
        "Chính quyền Bush phản đối."
    )
    assert names_of(text) == ["George Bush"]


def test_family_names_not_shared_by_two_people() -> None:
    text = "Tổng thống Mỹ George Bush và cựu Thống đốc Florida Jeb Bush tới Paris. Bush phát biểu."
    assert len(names_of(text)) == 2


def test_family_names_not_vietnamese_given_names() -> None:
    text = "Thủ tướng Phan Văn Khải tới Ottawa. Khải phát biểu."
    assert names_of(text) == ["Phan Văn Khải"]
