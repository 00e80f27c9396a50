"""Relationship milestones: relations established, partnership levels, coordinator periods."""

from pathlib import Path

import pytest

from diplonews.extract import extract_doc, milestones
from diplonews.extract.lexicons import load
from diplonews.extract.record import Milestone


def find(text: str, published: str | None = "2024-06") -> list[Milestone]:
    return milestones.find(extract_doc(text, "t", published=published), load())


def facts(text: str, published: str | None = "2024-06") -> list[tuple]:
    """(kind, parties, label, start, end, holder) of each milestone found."""
    return [
        (m.kind, tuple(m.parties), m.label, m.start, m.end, m.holder) for m in find(text, published)
    ]


# ---------------------------------------------------------------- relations


def test_milestones_dialogue_relations_with_a_year() -> None:
    [milestone] = find("ASEAN và Hàn Quốc thiết lập quan hệ đối thoại năm 1989.")
    assert (milestone.kind, milestone.parties, milestone.label, milestone.start) == (
        "relations",
        ["ASEAN", "KOR"],
        "Dialogue relations",
        "1989",
    )
    assert milestone.evidence == "ASEAN và Hàn Quốc thiết lập quan hệ đối thoại năm 1989."
    assert (milestone.end, milestone.holder, milestone.article_id) == (None, None, None)


def test_milestones_diplomatic_relations_with_a_full_date() -> None:
    assert facts(
        "Hai nước Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao vào ngày 22/12/1992."
    ) == [("relations", ("KOR", "VNM"), "Diplomatic relations", "1992-12-22", None, None)]


def test_milestones_parenthesised_year_and_parties_later_in_the_sentence() -> None:
    assert facts(
        "Kể từ khi thiết lập quan hệ ngoại giao (1992), quan hệ Việt Nam - Hàn Quốc "
        "phát triển mạnh mẽ."
    ) == [("relations", ("KOR", "VNM"), "Diplomatic relations", "1992", None, None)]


def test_milestones_anniversary_range_gives_the_first_year() -> None:
    assert facts("Hai bên kỷ niệm 35 năm quan hệ đối thoại ASEAN-Hàn Quốc (1989-2024).") == [
        ("relations", ("ASEAN", "KOR"), "Dialogue relations", "1989", None, None)
    ]


def test_milestones_bare_relations_take_their_label_from_the_parties() -> None:
    # "thiết lập quan hệ" with no level: a bloc's partner holds dialogue relations.
    assert facts(
        "Các nhà lãnh đạo ASEAN và Hàn Quốc kỷ niệm 35 năm thiết lập quan hệ (1989-2024)."
    ) == [("relations", ("ASEAN", "KOR"), "Dialogue relations", "1989", None, None)]


def test_milestones_anniversary_counts_back_from_the_article_year() -> None:
    text = "Hai bên tổ chức lễ kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam - Hàn Quốc."
    assert facts(text, "2022-12-05") == [
        ("relations", ("KOR", "VNM"), "Diplomatic relations", "1992", None, None)
    ]
    assert facts(text, None) == []  # no year to count back from


def test_milestones_anniversary_counts_back_from_the_year_the_sentence_names() -> None:
    assert facts(
        "Đại sứ Philippines cho rằng năm 2016, Việt Nam và Philippines kỷ niệm 40 năm "
        "thiết lập quan hệ ngoại giao.",
        "2018",
    ) == [("relations", ("PHL", "VNM"), "Diplomatic relations", "1976", None, None)]


def test_milestones_two_countries_implied_take_the_record_pair() -> None:
    text = (
        "Ngày 29/9, Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng điện đàm với Tổng Bí thư, "
        "Chủ tịch Trung Quốc Tập Cận Bình. Hai nhà lãnh đạo chúc mừng 70 năm thiết lập "
        "quan hệ ngoại giao hai nước."
    )
    assert facts(text, "2020-09") == [
        ("relations", ("CHN", "VNM"), "Diplomatic relations", "1950", None, None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2017 các nước kỷ niệm 50 năm ngày thành lập ASEAN.",
        "Đại sứ quán Hàn Quốc tại Việt Nam tổ chức lễ kỷ niệm 30 năm thành lập Đại sứ quán.",
        "Việt Nam và Hàn Quốc kỷ niệm 77 năm Quốc khánh.",
        "Các đại biểu kiểm điểm 35 năm quan hệ đối thoại ASEAN-Hàn Quốc.",
        "Trong 30 năm qua, quan hệ Việt Nam - Hàn Quốc phát triển mạnh mẽ.",
        "Quan hệ ngoại giao Việt Nam - Hàn Quốc năm 2024 đạt nhiều kết quả.",
    ],
)
def test_milestones_no_relations_from_other_anniversaries_or_mentions(text: str) -> None:
    assert facts(text) == []


def test_milestones_an_embassy_organising_is_not_a_side_of_dialogue_relations() -> None:
    text = (
        "Bộ Ngoại giao Việt Nam phối hợp với Đại sứ quán Hàn Quốc tổ chức lễ kỷ niệm "
        "35 năm quan hệ đối thoại."
    )
    assert facts(text) == []
    assert facts(text.replace("đối thoại.", "đối thoại ASEAN-Hàn Quốc.")) == [
        ("relations", ("ASEAN", "KOR"), "Dialogue relations", "1989", None, None)
    ]


# ---------------------------------------------------------------- partnerships


def test_milestones_upgrade_dated_by_the_talks_just_reported() -> None:
    text = (
        "Ngày 6/12, Chủ tịch nước Nguyễn Xuân Phúc hội đàm với Tổng thống Hàn Quốc "
        "Yoon Suk-yeol tại Seoul. Hai nhà lãnh đạo nhất trí nâng cấp quan hệ Việt Nam - "
        "Hàn Quốc lên Đối tác chiến lược toàn diện."
    )
    assert facts(text, "2022-12-07") == [
        (
            "partnership",
            ("KOR", "VNM"),
            "Comprehensive Strategic Partnership",
            "2022-12-06",
            None,
            None,
        )
    ]


def test_milestones_upgrade_without_an_event_takes_the_article_year() -> None:
    assert facts(
        "Việt Nam và Australia chính thức nâng cấp quan hệ lên Đối tác chiến lược toàn diện.",
        "2024-03-08",
    ) == [
        ("partnership", ("AUS", "VNM"), "Comprehensive Strategic Partnership", "2024", None, None)
    ]


def test_milestones_history_of_levels_each_with_its_year() -> None:
    assert facts(
        "Việt Nam và Hoa Kỳ thiết lập quan hệ Đối tác toàn diện năm 2013, nâng cấp lên "
        "Đối tác chiến lược toàn diện vào tháng 9/2023."
    ) == [
        ("partnership", ("USA", "VNM"), "Comprehensive Partnership", "2013", None, None),
        (
            "partnership",
            ("USA", "VNM"),
            "Comprehensive Strategic Partnership",
            "2023-09",
            None,
            None,
        ),
    ]


def test_milestones_levels_in_a_list_share_their_verb() -> None:
    assert facts(
        "Quan hệ Việt Nam - Hàn Quốc được nâng lên Đối tác chiến lược năm 2009 và "
        "Đối tác chiến lược toàn diện năm 2022."
    ) == [
        ("partnership", ("KOR", "VNM"), "Strategic Partnership", "2009", None, None),
        ("partnership", ("KOR", "VNM"), "Comprehensive Strategic Partnership", "2022", None, None),
    ]


def test_milestones_passive_step_after_the_level() -> None:
    assert facts(
        "Quan hệ Đối tác chiến lược toàn diện Việt Nam - Hàn Quốc được thiết lập năm 2022."
    ) == [
        ("partnership", ("KOR", "VNM"), "Comprehensive Strategic Partnership", "2022", None, None)
    ]


def test_milestones_anniversary_of_a_partnership() -> None:
    assert facts("Hai bên kỷ niệm 25 năm quan hệ Đối tác chiến lược Việt Nam - Nga.", "2026") == [
        ("partnership", ("RUS", "VNM"), "Strategic Partnership", "2001", None, None)
    ]


@pytest.mark.parametrize(
    ("text", "label", "start"),
    [
        (
            "Quan hệ Việt Nam - Nhật Bản là Đối tác chiến lược sâu rộng (2014).",
            "Extensive Strategic Partnership",
            "2014",
        ),
        (
            "Việt Nam và Trung Quốc là Đối tác hợp tác chiến lược toàn diện từ năm 2008.",
            "Comprehensive Strategic Cooperative Partnership",
            "2008",
        ),
        (
            "Việt Nam và Ấn Độ thiết lập quan hệ Đối tác chiến lược tăng cường năm 2007.",
            "Enhanced Strategic Partnership",
            "2007",
        ),
    ],
)
def test_milestones_partnership_labels_in_english(text: str, label: str, start: str) -> None:
    [milestone] = find(text)
    assert (milestone.kind, milestone.label, milestone.start) == ("partnership", label, start)


@pytest.mark.parametrize(
    "text",
    [
        "Hai bên hướng tới quan hệ Đối tác chiến lược toàn diện ASEAN-Hàn Quốc.",
        "Việt Nam và Hàn Quốc sẽ nâng cấp quan hệ lên Đối tác chiến lược toàn diện.",
        (
            "ASEAN hoan nghênh mong muốn của Hàn Quốc lập quan hệ Đối tác chiến lược toàn diện "
            "ASEAN-Hàn Quốc."
        ),
        "Việt Nam và Hàn Quốc thảo luận việc nâng cấp quan hệ lên Đối tác chiến lược toàn diện.",
        "Việt Nam và Hàn Quốc chưa nâng cấp quan hệ lên Đối tác chiến lược toàn diện.",
        "Việt Nam và Hàn Quốc nâng cấp quan hệ lên Đối tác chiến lược toàn diện vào năm 2030.",
    ],
)
def test_milestones_aims_and_plans_are_not_steps(text: str) -> None:
    assert facts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hai bên bày tỏ hài lòng trước quan hệ Đối tác chiến lược toàn diện Việt Nam-Nga.",
        "Việt Nam là một trong những đối tác chiến lược quan trọng của Hàn Quốc.",
        (
            "Việt Nam và Nhật Bản đã ký Hiệp định Đối tác toàn diện và tiến bộ xuyên Thái Bình "
            "Dương năm 2018."
        ),
    ],
)
def test_milestones_a_level_merely_named_is_not_a_step(text: str) -> None:
    assert facts(text) == []


def test_milestones_one_step_reported_twice_is_one_milestone() -> None:
    text = (
        "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25 ngày 10/10/2024 thông qua Tuyên bố chung "
        "thiết lập quan hệ Đối tác chiến lược toàn diện ASEAN-Hàn Quốc. Thủ tướng vui mừng "
        "với việc ASEAN và Hàn Quốc chính thức thiết lập quan hệ Đối tác chiến lược toàn diện."
    )
    assert facts(text, "2024-10") == [
        (
            "partnership",
            ("ASEAN", "KOR"),
            "Comprehensive Strategic Partnership",
            "2024-10-10",
            None,
            None,
        )
    ]


# ---------------------------------------------------------------- coordinators


@pytest.mark.parametrize(
    ("text", "parties", "holder", "period"),
    [
        (
            (
                "Việt Nam tiếp nhận vai trò là nước điều phối quan hệ ASEAN-Hàn Quốc giai đoạn "
                "2021-2024."
            ),
            ("ASEAN", "KOR"),
            "VNM",
            ("2021", "2024"),
        ),
        (
            "Thái Lan là điều phối viên quan hệ đối thoại ASEAN-Trung Quốc nhiệm kỳ 2018-2021.",
            ("ASEAN", "CHN"),
            "THA",
            ("2018", "2021"),
        ),
        (
            (
                "Việt Nam đảm nhận vai trò điều phối quan hệ ASEAN - Hàn Quốc từ tháng 8/2021 "
                "đến tháng 7/2024."
            ),
            ("ASEAN", "KOR"),
            "VNM",
            ("2021", "2024"),
        ),
        (
            (
                "Hàn Quốc đánh giá cao vai trò điều phối của Việt Nam trong quan hệ ASEAN-Hàn Quốc "
                "giai đoạn 2021-2024."
            ),
            ("ASEAN", "KOR"),
            "VNM",
            ("2021", "2024"),
        ),
    ],
)
def test_milestones_country_coordinator_periods(
    text: str, parties: tuple[str, str], holder: str, period: tuple[str, str]
) -> None:
    assert facts(text) == [
        ("coordinator", parties, "Country coordinator", period[0], period[1], holder)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Việt Nam sẽ hoàn thành tốt trọng trách là nước điều phối quan hệ ASEAN-Hàn Quốc.",
        "Hai bên tham vấn về điều phối quan hệ ASEAN-Hàn Quốc giai đoạn 2021-2024.",
        "Hội nghị Hội đồng Điều phối ASEAN lần thứ 26 diễn ra năm 2020-2021.",
    ],
)
def test_milestones_no_coordinator_without_a_holder_and_a_period(text: str) -> None:
    assert facts(text) == []


# ---------------------------------------------------------------- articles


def test_milestones_nothing_in_an_article_without_keywords() -> None:
    assert find("Ngày 7/6, Bộ trưởng Ngoại giao Hàn Quốc hội đàm với Bộ trưởng Brunei.") == []


def test_milestones_seed_articles(seed_articles: list[Path]) -> None:
    found = {
        path.stem[:3]: [
            (m.kind, tuple(m.parties), m.label, m.start, m.end, m.holder)
            for m in milestones.find(
                extract_doc(path.read_text(encoding="utf-8"), path.stem), load()
            )
        ]
        for path in seed_articles
    }
    assert found["001"] == [
        ("coordinator", ("ASEAN", "KOR"), "Country coordinator", "2021", "2024", "VNM")
    ]
    assert found["002"] == []  # "Hướng tới quan hệ Đối tác chiến lược toàn diện": an aim
    assert found["004"] == [
        (
            "partnership",
            ("ASEAN", "KOR"),
            "Comprehensive Strategic Partnership",
            "2024",
            None,
            None,
        ),
        ("relations", ("ASEAN", "KOR"), "Dialogue relations", "1989", None, None),
    ]
    assert found["000"] == found["003"] == []


def test_milestones_are_a_stage_of_the_pipeline() -> None:
    """`extract_doc` gives the milestones with the record: the CLI and the store read them
    there, from one run of the stages."""
    from diplonews.extract import STAGES

    assert STAGES[-1] is milestones.run
    doc = extract_doc(
        "Hàn Quốc và ASEAN thiết lập quan hệ Đối tác Chiến lược Toàn diện năm 2024.", "m"
    )
    assert [(m.kind, m.parties, m.start) for m in doc.milestones] == [
        ("partnership", ["ASEAN", "KOR"], "2024")
    ]
    assert "milestones" not in doc.record.to_dict()  # the record keeps the schema's shape
