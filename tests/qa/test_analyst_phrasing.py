"""Questions phrased the way analysts type them, over the 114 dev articles (facts of
dev and odd-numbered articles only): a series named as the setting of a meeting the
record does not hold, a figure asked by its topic alone, trips abroad, what is planned
asked as where someone goes next."""

from __future__ import annotations

import pytest

from diplonews.kb.store import Store
from diplonews.qa.answers import ask
from diplonews.qa.questions import parse


@pytest.mark.parametrize(
    "question",
    [
        "Thủ tướng Nguyễn Tấn Dũng sẽ hội đàm riêng với ai khi dự Hội nghị cấp cao Mê Công - Nhật Bản?",
        "Who did Nguyen Tan Dung meet at the Mekong-Japan Summit?",
    ],
)
def test_a_series_as_setting_without_its_meeting_in_the_record(dev: Store, question: str) -> None:
    """a11 reports the talks planned beside the summit, not the summit: the asked
    person's meetings among the series' parties answer."""
    answer = ask(dev, question)
    assert answer.found and answer.evidence
    assert "A-bê" in answer.answer


def test_a_series_as_setting_still_constrains(dev: Store) -> None:
    answer = ask(dev, "Nguyễn Tấn Dũng gặp ai khi dự Hội nghị cấp cao Mekong - Hàn Quốc?")
    assert "A-bê" not in answer.answer


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("kim ngach thuong mai nam 2022 dat bao nhieu", "6,8 tỷ USD"),
        ("How much investment was reported for 2014?", "USD 3.46 billion"),
    ],
)
def test_a_figure_asked_by_its_topic_alone(dev: Store, question: str, value: str) -> None:
    answer = ask(dev, question)
    assert answer.found and value in answer.answer


def test_a_figure_the_record_lacks_is_refused_not_unclear(dev: Store) -> None:
    answer = ask(dev, "Xuất khẩu thủy sản năm 2019 đạt bao nhiêu?")
    assert not answer.found
    assert "chưa rõ" not in answer.answer


def test_one_party_is_whose_not_between(dev: Store) -> None:
    answer = ask(dev, "What were Vietnam's exports in 1999?")
    assert not answer.found
    assert "of Vietnam" in answer.answer and "between" not in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "List Pham Minh Chinh's trips abroad in 2023",
        "Năm 2023 Thủ tướng Phạm Minh Chính có những chuyến công du nào?",
    ],
)
def test_trips_abroad_list_visits_and_summits_away(dev: Store, question: str) -> None:
    """b27: the visit to Brazil (its talks with Lula are no second trip); a13: the
    ASEAN summit in Labuan Bajo, announced, listed as planned."""
    q = parse(dev, question)
    assert (q.intent, q.kind) == ("list", "trip")
    answer = ask(dev, question)
    assert answer.found
    assert "Brazil" in answer.answer and "Labuan Bajo" in answer.answer
    assert "Lula" not in answer.answer
    assert "planned" in answer.answer or "dự kiến" in answer.answer


def test_a_count_counts_only_what_was_held(dev: Store) -> None:
    listed = ask(dev, "List Pham Minh Chinh's trips abroad in 2023")
    counted = ask(dev, "How many trips abroad did Pham Minh Chinh make in 2023?")
    assert counted.found and len(counted.facts) < len(listed.facts)


@pytest.mark.parametrize(
    "question",
    [
        "yang hyong sop se tham nuoc nao sau cuba",
        "Which country will Yang Hyong Sop visit after Cuba?",
    ],
)
def test_a_country_after_sau_or_after_is_where_the_question_starts(
    dev: Store, question: str
) -> None:
    """c03: Cuba, then Venezuela. 'sau Cuba' filters Cuba out, not in."""
    q = parse(dev, question)
    assert q.reference == ["CUB"] and "CUB" not in q.parties and q.destination is None
    answer = ask(dev, question)
    assert answer.found and "Venezuela" in answer.answer and "Cuba" not in answer.answer


@pytest.mark.parametrize(
    "question", ["Tổng thống Chile Bachelet sẽ đi đâu?", "tong thong halimah yacob se den dau"]
)
def test_where_someone_goes_next_is_a_planned_where(dev: Store, question: str) -> None:
    q = parse(dev, question)
    assert (q.intent, q.planned) == ("where", True)


def test_a_visit_without_a_city_is_placed_in_the_state_it_goes_to(dev: Store) -> None:
    answer = ask(dev, "yang hyong sop se di dau sau cuba")
    assert answer.found and "Venezuela" in answer.answer
    assert "không ghi địa điểm" not in answer.answer and "Cuba" not in answer.answer
