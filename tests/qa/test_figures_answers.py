"""Figures asked about: the year a figure is of or the year it was reported in ("according
to … in 2019"), and Vietnamese answers in Vietnamese words (người, gấp … lần, 6,6%)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from diplonews import api
from diplonews.kb.store import Store
from diplonews.qa.answers import ask

ARTICLE = """Phó Thủ tướng tiếp Đại sứ Chile

Thứ Ba, 12/3/2019 10:15

Ngày 12/3/2019, tại Hà Nội, Phó Thủ tướng Vương Đình Huệ tiếp Đại sứ Chile Jaime Chomali \
chào kết thúc nhiệm kỳ.

Đại sứ cho biết kim ngạch thương mại hai chiều năm ngoái đạt 1,2 tỷ USD, tăng gấp đôi so \
với năm 2014, trong đó xuất khẩu tăng 6,5%. Hiện có khoảng 2.000 lao động Việt Nam làm việc \
tại Chile.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("figures")
    (folder / "chile.txt").write_text(ARTICLE, encoding="utf-8")
    opened = api.open_store(str(folder / "kb.db"))
    api.ingest(opened, [folder / "chile.txt"], workers=1)
    yield opened
    opened.close()


def test_figures_answer_the_year_the_figure_is_of(store: Store) -> None:
    answer = ask(store, "What was Vietnam-Chile trade in 2018?")
    assert answer.found and "USD 1.2 billion (2018)" in answer.answer, answer.answer


def test_figures_answer_the_year_a_figure_was_reported_in(store: Store) -> None:
    answer = ask(store, "What was Vietnam-Chile trade according to the ambassador in 2019?")
    assert answer.found and "USD 1.2 billion" in answer.answer, answer.answer
    answer = ask(store, "Kim ngạch thương mại Việt Nam - Chile theo Đại sứ năm 2019?")
    assert answer.found and "1,2 tỷ USD" in answer.answer, answer.answer


def test_figures_answer_a_year_asked_without_saying_reported_is_the_figures_year(
    store: Store,
) -> None:
    assert not ask(store, "Kim ngạch thương mại Việt Nam - Chile năm 2019 là bao nhiêu?").found


def test_figures_answer_in_vietnamese_words(store: Store) -> None:
    answer = ask(store, "Kim ngạch thương mại Việt Nam - Chile năm 2018 là bao nhiêu?")
    assert "1,2 tỷ USD (2018)" in answer.answer, answer.answer
    assert "gấp 2 lần (2018)" in answer.answer, answer.answer
    assert "6,5% (2018)" in answer.answer, answer.answer
    # the sentence of several figures is quoted once, followed by its values
    assert answer.answer.count("Đại sứ cho biết") == 1, answer.answer
    workers = ask(store, "Số lao động Việt Nam tại Chile là bao nhiêu?")
    assert "2.000 người" in workers.answer, workers.answer


def test_figures_answer_in_english_words(store: Store) -> None:
    answer = ask(store, "How many Vietnamese workers are in Chile?")
    assert "2,000 people" in answer.answer, answer.answer
    answer = ask(store, "What was Vietnam-Chile trade in 2018?")
    assert "2 times (2018)" in answer.answer and "6.5% (2018)" in answer.answer, answer.answer
