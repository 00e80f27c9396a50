"""People's states: an office named for a pair of states is not one
state's; a Vietnamese name written with few diacritics is still Vietnamese."""

import pytest

from diplonews.extract import extract


def states(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.country) for p in extract(text, "t", published="2025-01-01").people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Ông Takebe Tsutomu, Đại sứ đặc biệt Việt Nam - Nhật Bản, cho biết hai nước sẽ "
                "tăng cường hợp tác."
            ),
            [("Takebe Tsutomu", "JPN")],
        ),
        (
            (
                "Ông Kim Min-su, chủ tịch hiệp hội thương mại Việt Nam - Hàn Quốc, cho biết hai "
                "nước sẽ tăng cường hợp tác."
            ),
            [("Kim Min-su", "KOR")],
        ),
        (
            (
                "Ông John Smith, chủ tịch hội đồng kinh doanh ASEAN – Hoa Kỳ, cho biết hai bên "
                "sẽ tăng cường hợp tác."
            ),
            [("John Smith", "USA")],
        ),
        (  # one state: the office's, as before
            (
                "Ông Ahmed Ali, giám đốc Cơ quan Tình báo Iraq, cho biết hai bên sẽ tăng cường "
                "hợp tác."
            ),
            [("Ahmed Ali", "IRQ")],
        ),
    ],
)
def test_an_office_named_for_a_pair_of_states_is_not_the_first_ones(text, expected) -> None:
    assert states("Tin ngoại giao\n" + text) == expected


@pytest.mark.parametrize("name", ["Cao Minh Hoàng", "Lý Hoàng Nam", "Phan Thanh Bình"])
def test_a_vietnamese_name_with_few_diacritics_does_not_take_the_offices_state(name) -> None:
    text = f"Tin giáo dục\nÔng {name}, giám đốc trung tâm giáo dục Canada, cho biết năm nay có nhiều học bổng."
    assert states(text) == [(name, "VNM")]
