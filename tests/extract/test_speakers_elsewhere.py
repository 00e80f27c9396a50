"""Who speaks after a gathering's lead: an official placed
elsewhere comments on it, he does not take part."""

import pytest

from diplonews.extract import extract

LEAD = (
    "Tin ngoại giao\nNgày 25/7/2024, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57 (AMM-57) "
    "đã khai mạc tại Viêng Chăn, Lào. "
)


def sides(text: str) -> list[tuple[list[str], list[str]]]:
    events = extract(LEAD + text, "t", published="2024-07-26").events
    return [(e.parties, [p.name for p in e.participants]) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        (
            "Trong khi đó, tại Moskva, Ngoại trưởng Nga Sergei Lavrov bình luận rằng ASEAN đóng "
            "vai trò quan trọng."
        ),
        (
            "Tại Moskva, Ngoại trưởng Nga Sergei Lavrov bình luận rằng ASEAN đóng vai trò quan "
            "trọng."
        ),
        (
            "Trong khi đó, từ Moskva, Ngoại trưởng Nga Sergei Lavrov bình luận rằng ASEAN đóng "
            "vai trò quan trọng."
        ),
    ],
)
def test_a_minister_speaking_elsewhere_does_not_take_part(text: str) -> None:
    assert sides(text) == [(["ASEAN"], [])]


@pytest.mark.parametrize(
    "text",
    [
        "Tại Viêng Chăn, Ngoại trưởng Nga Sergei Lavrov nhấn mạnh ASEAN cần đoàn kết.",
        # "trong khi đó" alone contrasts what he says, it does not place him elsewhere
        "Trong khi đó, Ngoại trưởng Nga Sergei Lavrov nhấn mạnh ASEAN cần đoàn kết.",
    ],
)
def test_a_minister_speaking_at_the_gathering_takes_part(text: str) -> None:
    assert sides(text) == [(["ASEAN", "RUS"], ["Sergei Lavrov"])]
