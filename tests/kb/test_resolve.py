"""Cross-document decisions: one person, one event, reconciled fields."""

import pytest

from diplonews.kb.resolve import EventView, best_date, match_score, reconcile, same_person


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Kim Gunn", "KOR"), ("Kim Gun", "KOR")),
        (("Yeo Seung-bae", "KOR"), ("Yeo Seung Bae", "KOR")),
        (("Yoon Suk-yeol", "KOR"), ("Yoon Suk Yeol", "KOR")),
        (("Chung Eui-yong", "KOR"), ("Chung Eui Yong", "KOR")),
        (("Kim Gunn", None), ("Kim Gun", "KOR")),  # the same letters, doubled or not
        (("Chung Eui-yong", "KOR"), ("Chung Eui-young", "KOR")),  # a letter more
        (("Chang Ho-jin", None), ("Chang Ho-jin", "KOR")),
        (("Phạm Minh Chính", "VNM"), ("Phạm Minh Chính", None)),
    ],
)
def test_spelling_variants_are_one_person(
    a: tuple[str, str | None], b: tuple[str, str | None]
) -> None:
    assert same_person(*a, *b)
    assert same_person(*b, *a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Nguyễn Văn An", "VNM"), ("Nguyễn Văn Anh", "VNM")),  # Vietnamese names: exact only
        (("Kim Jong-un", "PRK"), ("Kim Jong-il", "PRK")),
        (("Park Jin", "KOR"), ("Park Jun", "KOR")),
        (("Kim Gunn", "KOR"), ("Kim Gunn", "PRK")),  # same name, other country
        (("Chung Eui-yong", "KOR"), ("Chung Eui-yang", "KOR")),  # a letter changed
        (("Chung Eui-yong", None), ("Chung Eui-young", "KOR")),  # a letter more, country unknown
    ],
)
def test_different_people_stay_apart(a: tuple[str, str | None], b: tuple[str, str | None]) -> None:
    assert not same_person(*a, *b)


def view(**fields: object) -> EventView:
    base: dict[str, object] = {"kind": "meeting", "articles": frozenset({1})}
    base.update(fields)
    return EventView(**base)  # type: ignore[arg-type]


def test_same_day_same_parties_is_the_same_event() -> None:
    stored = view(date="2021-06-07", parties=frozenset({"ASEAN", "KOR"}))
    report = view(date="2021-06-07", parties=frozenset({"ASEAN", "KOR"}), articles=frozenset({2}))
    assert match_score(stored, report) > 0


def test_same_day_same_parties_but_other_officials_is_another_event() -> None:
    leaders = view(date="2023-12-01", parties=frozenset({"KOR", "VNM"}), people=frozenset({1, 2}))
    ministers = view(
        date="2023-12-01",
        parties=frozenset({"KOR", "VNM"}),
        people=frozenset({3, 4}),
        articles=frozenset({2}),
    )
    assert match_score(leaders, ministers) == 0
    unnamed = view(date="2023-12-01", parties=frozenset({"KOR", "VNM"}), articles=frozenset({3}))
    assert match_score(leaders, unnamed) > 0


def test_a_planned_month_meets_its_held_day_through_series_or_people() -> None:
    planned = view(date="2021-10", series="ASEAN-Korea Summit", parties=frozenset({"ASEAN", "KOR"}))
    held = view(
        date="2021-10-26",
        series="ASEAN-Korea Summit",
        parties=frozenset({"ASEAN", "KOR"}),
        articles=frozenset({2}),
    )
    assert match_score(planned, held) > 0
    no_series = view(date="2021-10", parties=frozenset({"ASEAN", "KOR"}))
    assert match_score(no_series, held) == 0  # a month and two parties are not enough


def test_same_series_and_edition_is_the_same_event_even_without_dates() -> None:
    a = view(series="ASEAN-Korea Summit", edition=25, date="2024")
    b = view(series="ASEAN-Korea Summit", edition=25, articles=frozenset({2}))
    assert match_score(a, b) >= 10


@pytest.mark.parametrize(
    "other",
    [
        {"kind": "visit"},
        {"date": "2021-06-08"},
        {"series": "ASEAN-Korea Summit"},
        {"edition": 3},
        {"parties": frozenset({"USA", "CHN"})},
        {"articles": frozenset({1})},  # the same article never reports one event twice
    ],
)
def test_disagreement_means_another_event(other: dict[str, object]) -> None:
    stored = view(
        date="2021-06-07",
        series="ASEAN-Korea Dialogue",
        edition=2,
        parties=frozenset({"ASEAN", "KOR"}),
        people=frozenset({7}),
    )
    fields: dict[str, object] = {
        "date": "2021-06-07",
        "series": "ASEAN-Korea Dialogue",
        "edition": 2,
        "parties": frozenset({"ASEAN", "KOR"}),
        "people": frozenset({7}),
        "articles": frozenset({2}),
    }
    fields.update(other)
    assert match_score(stored, view(**fields)) == 0


def test_best_date_prefers_precision_then_majority() -> None:
    assert best_date(["2021", "2021-06", "2021-06-07", None]) == "2021-06-07"
    assert best_date(["2021-06-08", "2021-06-07", "2021-06-07"]) == "2021-06-07"
    assert best_date([None, None]) is None


def test_reconcile_unites_parties_and_participants_and_held_wins() -> None:
    planned = {
        "kind": "meeting",
        "status": "planned",
        "name": "Hội nghị Cấp cao",
        "date": "2021-10",
        "parties": ["ASEAN", "KOR"],
        "participants": [],
        "outcomes": [],
    }
    held = {
        "kind": "meeting",
        "status": "held",
        "name": "Hội nghị Cấp cao ASEAN-Hàn Quốc",
        "date": "2021-10-26",
        "format": "online",
        "parties": ["KOR", "VNM"],
        "participants": [
            {
                "name": "Moon Jae-in",
                "country": "KOR",
                "title": "President",
                "role": "participant",
                "person_id": 3,
            },
        ],
        "outcomes": ["Joint Statement"],
    }
    again = dict(
        held,
        participants=[
            {
                "name": "Moon Jae-in",
                "country": "KOR",
                "title": "President",
                "role": "chair",
                "person_id": 3,
            }
        ],
        outcomes=["joint statement"],
    )
    merged = reconcile([planned, held, again])
    assert merged.status == "held"
    assert merged.date == "2021-10-26"
    assert merged.format == "online"
    assert merged.parties == ["ASEAN", "KOR", "VNM"]
    assert [(p["name"], p["role"]) for p in merged.participants] == [("Moon Jae-in", "chair")]
    assert merged.outcomes == ["Joint Statement"]
