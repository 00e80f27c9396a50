"""Questions over the sample corpus (examples/articles): answered from the record with
evidence, in Vietnamese with or without diacritics and in English; refused, with the
closest facts, when the record cannot answer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplonews import api
from diplonews.cli import main as cli
from diplonews.kb.store import Store
from diplonews.qa.answers import ask

EXAMPLES = Path(__file__).parents[2] / "examples" / "articles"
DIALOGUE, CONSULTATION, FORUM, ONLINE_2020, SUMMIT = "000", "001", "002", "003", "004"

# question, words the answer must hold, the article its evidence must come from
ANSWERED = [
    ("Ai đồng chủ trì Đối thoại ASEAN-Hàn Quốc năm 2021?", ["Yeo Seung-bae", "Emaleen"], DIALOGUE),
    ("ai dong chu tri doi thoai asean-han quoc nam 2021?", ["Yeo Seung-bae", "Emaleen"], DIALOGUE),
    ("Who co-chaired the ASEAN-Korea Dialogue in 2021?", ["Yeo Seung-bae", "Emaleen"], DIALOGUE),
    (
        "Ai đồng chủ trì Diễn đàn chiến lược ASEAN-Hàn Quốc?",
        ["Đỗ Hùng Việt", "Chang Ho-jin"],
        FORUM,
    ),
    ("who chaired the ASEAN-Korea Strategic Forum?", ["Đỗ Hùng Việt", "Chang Ho-jin"], FORUM),
    ("Ai tham dự Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25?", ["Phạm Minh Chính", "Yoon"], SUMMIT),
    ("Who attended the 25th ASEAN-Korea Summit?", ["Phạm Minh Chính", "Yoon Suk-yeol"], SUMMIT),
    ("ai tham du hoi nghi cap cao asean-han quoc lan thu 25", ["Phạm Minh Chính"], SUMMIT),
    ("Đối thoại ASEAN-Hàn Quốc năm 2021 diễn ra khi nào?", ["7/6/2021"], DIALOGUE),
    ("When was the ASEAN-Korea Dialogue held in 2021?", ["7 June 2021"], DIALOGUE),
    ("doi thoai asean-han quoc nam 2021 dien ra khi nao", ["7/6/2021"], DIALOGUE),
    ("Diễn đàn chiến lược ASEAN-Hàn Quốc được tổ chức ở đâu?", ["Hanoi"], FORUM),
    ("dien dan chien luoc asean-han quoc to chuc o dau?", ["Hanoi"], FORUM),
    ("Where was the ASEAN-Korea Strategic Forum held?", ["Hanoi"], FORUM),
    (
        "Đối thoại ASEAN-Hàn Quốc năm 2021 có được tổ chức trực tuyến không?",
        ["trực tuyến"],
        DIALOGUE,
    ),
    ("Was the 2021 ASEAN-Korea Dialogue online?", ["online"], DIALOGUE),
    (  # a Vietnamese answer names the document in Vietnamese
        "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25 đã thông qua văn kiện gì?",
        ["Tuyên bố chung"],
        SUMMIT,
    ),
    ("What was adopted at the 25th ASEAN-Korea Summit?", ["Joint Statement"], SUMMIT),
    (
        "hoi nghi cap cao asean-han quoc lan thu 25 thong qua van kien gi",
        ["Tuyên bố chung"],
        SUMMIT,
    ),
    ("Hàn Quốc đã đề xuất gì?", ["đề xuất", "Hàn Quốc"], CONSULTATION),
    ("What did Korea propose?", ["đề xuất"], CONSULTATION),
    ("Lần gần nhất ASEAN và Hàn Quốc gặp nhau là khi nào?", ["2024", "cấp cao"], SUMMIT),
    ("When did ASEAN and Korea last meet, and at what level?", ["2024", "summit"], SUMMIT),
    (
        "lan gan nhat Viet Nam va Han Quoc gap nhau la khi nao",
        ["29/11/2021", "thứ trưởng"],
        CONSULTATION,
    ),
    ("Việt Nam và Hàn Quốc có bao nhiêu cuộc gặp năm 2021?", ["1 cuộc gặp"], CONSULTATION),
    ("How many meetings between ASEAN and Korea from 2020 to 2024?", ["4 meetings"], SUMMIT),
    ("Liệt kê các cuộc gặp giữa ASEAN và Hàn Quốc năm 2021", ["7/6/2021"], DIALOGUE),
    ("list the meetings between ASEAN and Korea in 2023", ["1 November 2023"], FORUM),
    ("Kim ngạch thương mại ASEAN-Hàn Quốc là bao nhiêu?", ["196,64 tỷ USD", "2023"], SUMMIT),
    ("What trade figures are reported for ASEAN and Korea?", ["USD 196.64 billion"], SUMMIT),
    ("dau tu cua Han Quoc vao ASEAN la bao nhieu", ["11 tỷ USD"], SUMMIT),
    ("What investment figures are reported for Korea and ASEAN?", ["FDI"], SUMMIT),
    ("Yeo Seung-bae là ai?", ["Ngoại trưởng", "Hàn Quốc"], DIALOGUE),
    ("Who is Yeo Seung-bae?", ["Vice Foreign Minister", "ASEAN SOM Leader"], DIALOGUE),
    ("chang ho-jin la ai", ["Chang Ho-jin", "Thứ trưởng"], FORUM),
    ("Who is Phạm Minh Chính?", ["Prime Minister", "Vietnam"], SUMMIT),
    ("Yeo Seung-bae đã gặp những ai?", ["Emaleen", "Nguyễn Quốc Dũng"], DIALOGUE),
    ("Whom did Chang Ho-jin meet?", ["Đỗ Hùng Việt"], FORUM),
    (
        "Hội nghị Bộ trưởng Ngoại giao ASEAN-Hàn Quốc năm 2021 dự kiến diễn ra khi nào?",
        ["8/2021"],
        DIALOGUE,
    ),
    (
        "When is the ASEAN-Korea Foreign Ministers' Meeting planned in 2021?",
        ["August 2021"],
        DIALOGUE,
    ),
    ("Kim Gunn đã gặp ai?", ["Emaleen"], ONLINE_2020),
    ("Who is Kim Gun?", ["Kim Gunn", "Vice Foreign Minister"], ONLINE_2020),
    ("Hội nghị Cấp cao ASEAN-Hàn Quốc năm 2021 dự kiến khi nào?", ["10/2021"], DIALOGUE),
]

# questions the record cannot answer: refused, never answered by a guess
REFUSED = [
    ("Ai chủ trì Hội nghị Cấp cao ASEAN-Hàn Quốc năm 2030?", True),  # closest: other summits
    ("Who chaired the ASEAN-Japan Summit in 2019?", False),
    ("Ai là tổng thống Pháp?", False),
    ("Who is Donald Trump?", False),
    ("Thời tiết hôm nay thế nào?", False),
    ("What was adopted at the ASEAN-Korea Dialogue in 2021?", True),  # it adopted nothing named
    ("Kim ngạch thương mại Việt Nam - Brazil là bao nhiêu?", False),
    (
        "Which meetings are planned next for ASEAN and Korea?",
        True,
    ),  # none ahead: the last announced
    ("cac cuoc gap nao giua ASEAN va Han Quoc sap toi?", True),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = api.open_store(str(tmp_path_factory.mktemp("ask") / "kb.db"))
    api.ingest(opened, [EXAMPLES], workers=1)
    yield opened
    opened.close()


def test_the_suite_is_half_without_diacritics_or_in_english() -> None:
    from diplonews.text import fold

    plain = [q for q, _, _ in ANSWERED if q.lower() == fold(q)]
    assert len(ANSWERED) >= 40
    assert len(plain) * 2 >= len(ANSWERED)


@pytest.mark.parametrize(("question", "words", "article"), ANSWERED)
def test_answered_with_evidence(
    store: Store, question: str, words: list[str], article: str
) -> None:
    answer = ask(store, question)
    assert answer.found, answer.answer
    for word in words:
        assert word in answer.answer, answer.answer
    assert answer.facts
    assert any(e["article"].startswith(article) for e in answer.evidence), answer.evidence
    assert all(e["sentence"] for e in answer.evidence)


@pytest.mark.parametrize(("question", "has_closest"), REFUSED)
def test_refused_when_the_record_cannot_answer(
    store: Store, question: str, has_closest: bool
) -> None:
    answer = ask(store, question)
    assert not answer.found, answer.answer
    assert bool(answer.facts) == has_closest, answer.facts


def test_answers_in_the_language_of_the_question(store: Store) -> None:
    assert "was chaired by" in ask(store, "Who chaired the ASEAN-Korea Strategic Forum?").answer
    assert "chủ trì" in ask(store, "ai chu tri dien dan chien luoc asean-han quoc").answer
    assert ask(store, "Who is Nobody Atall?").answer.startswith("Not in the record")


def test_ask_command_json(store: Store, tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    runner = CliRunner()
    assert runner.invoke(cli.app, ["ingest", str(EXAMPLES), "--db", str(db)]).exit_code == 0
    result = runner.invoke(
        cli.app,
        ["ask", "ai dong chu tri doi thoai asean han quoc 2021", "-f", "json", "--db", str(db)],
    )
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert set(answer) >= {"answer", "facts", "evidence"}
    assert answer["evidence"][0]["article"].startswith(DIALOGUE)
    refused = runner.invoke(cli.app, ["ask", "Who is Donald Trump?", "--db", str(db)])
    assert refused.exit_code == 1 and "Not in the record" in refused.stdout


def test_answers_use_the_users_lexicons(user_lexicon_db: str, user_lexicon: Path) -> None:
    """The user's rows name the question's parties and series and the answer's sides."""
    lexicons = api.load_lexicons([user_lexicon])
    opened = api.open_store(user_lexicon_db)
    try:
        chaired = ask(opened, "Ai đồng chủ trì Tiệc trà Thần Tiên lần thứ 3?", lexicons)
        assert chaired.found and "Alice Liddell" in chaired.answer
        last = ask(opened, "When did Vietnam and Wonderland last meet?", lexicons)
        assert last.found and "Wonderland" in last.answer and "12 March 2024" in last.answer
        assert not ask(opened, "Ai đồng chủ trì Tiệc trà Thần Tiên lần thứ 3?").found
    finally:
        opened.close()
