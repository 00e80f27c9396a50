"""Reading questions: intent and slots, with or without diacritics, in Vietnamese or
English; common words are not countries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diplonews import api
from diplonews.kb.store import Store
from diplonews.qa.questions import folded_lexicons, parse

EXAMPLES = Path(__file__).parents[2] / "examples" / "articles"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = api.open_store(str(tmp_path_factory.mktemp("questions") / "kb.db"))
    api.ingest(opened, [EXAMPLES], workers=1)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Ai đồng chủ trì Đối thoại ASEAN-Hàn Quốc năm 2021?", "chair"),
        ("who attended the summit", "attend"),
        ("Diễn đàn diễn ra ở đâu?", "where"),
        ("dien dan dien ra khi nao", "when"),
        ("Was it online?", "online"),
        ("What was adopted?", "outcomes"),
        ("Hàn Quốc đề xuất gì?", "proposed"),
        ("When did they last meet?", "last"),
        ("bao nhieu cuoc gap", "count"),
        ("list the meetings", "list"),
        ("kim ngach thuong mai", "figures"),
        ("Yeo Seung-bae là ai?", "who_is"),
        ("Whom did he meet?", "met"),
        ("Which meetings are planned next?", "planned"),
        ("Thời tiết hôm nay thế nào?", None),
    ],
)
def test_intents(store: Store, question: str, intent: str | None) -> None:
    assert parse(store, question).intent == intent


@pytest.mark.parametrize(
    ("question", "parties", "series", "edition", "years"),
    [
        ("Ai đồng chủ trì Đối thoại ASEAN-Hàn Quốc năm 2021?", ["ASEAN", "KOR"],
         "ASEAN-Korea Dialogue", None, ("2021", "2021")),
        ("hoi nghi cap cao han-asean lan thu hai", ["KOR", "ASEAN"], "ASEAN-Korea Summit", 2, (None, None)),
        ("Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ XXV", ["ASEAN", "KOR"], "ASEAN-Korea Summit", 25, (None, None)),
        ("meetings of Vietnam and Laos from 2015 to 2024", ["VNM", "LAO"], None, None, ("2015", "2024")),
        ("lan gan nhat viet nam va lao gap nhau nam 2023", ["VNM", "LAO"], None, None, ("2023", "2023")),
        ("Korea and ASEAN since 2020", ["KOR", "ASEAN"], None, None, ("2020", None)),
    ],
)  # fmt: skip
def test_reading_the_slots(
    store: Store,
    question: str,
    parties: list[str],
    series: str | None,
    edition: int | None,
    years: tuple[str | None, str | None],
) -> None:
    read_as = parse(store, question)
    assert read_as.parties == parties
    assert read_as.series == series
    assert read_as.edition == edition
    assert (read_as.date_from, read_as.date_to) == years


def test_common_words_are_not_countries(store: Store) -> None:
    # "năm" (year) folds to "nam", "nhất" (most) to "nhat" (Japan), "WHO" is not a party
    assert parse(store, "lan gan nhat han quoc va asean gap nhau nam nao").parties == [
        "KOR",
        "ASEAN",
    ]
    assert parse(store, "Lần gần nhất Việt Nam và Lào gặp nhau là khi nào?").parties == [
        "VNM",
        "LAO",
    ]
    assert parse(store, "Who is the ASEAN chair?").parties == ["ASEAN"]


def test_questions_read_a_users_country_and_series(
    user_lexicon_db: str, user_lexicon: Path
) -> None:
    """Rows a user added with --lexicon are understood in questions, typed with or
    without diacritics; without those rows they are not."""
    lexicons = api.load_lexicons([user_lexicon])
    opened = api.open_store(user_lexicon_db)
    try:
        question = parse(opened, "Ai đồng chủ trì Tiệc trà Thần Tiên lần thứ 3?", lexicons)
        assert (question.series, question.edition) == ("Wonderland Tea Party", 3)
        folded = parse(opened, "Viet Nam va Xu So Than Tien gap nhau lan cuoi khi nao", lexicons)
        assert folded.parties == ["VNM", "XWL"]
        shipped = parse(opened, "Viet Nam va Xu So Than Tien gap nhau lan cuoi khi nao")
        assert shipped.parties == ["VNM"]
    finally:
        opened.close()


def test_questions_folded_lexicons_are_kept_per_set(user_lexicon: Path) -> None:
    shipped, extended = api.load_lexicons(), api.load_lexicons([user_lexicon])
    assert folded_lexicons(shipped) is folded_lexicons(shipped)
    assert folded_lexicons(extended) is not folded_lexicons(shipped)
    assert folded_lexicons(extended).parties.find("xu so than tien")
    assert not folded_lexicons(shipped).parties.find("xu so than tien")


@pytest.mark.parametrize(
    "question",
    [
        "Hàn Quốc và ASEAN sẽ tổ chức hội nghị nào vào tháng 11?",
        "Which summit will Korea and ASEAN hold?",
    ],
)
def test_a_meeting_word_asked_about_names_no_series(store: Store, question: str) -> None:
    assert parse(store, question).series is None
