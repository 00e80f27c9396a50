"""Series names composed from a mechanism's Vietnamese words."""

import pytest

from diplonews.extract.events.mechanisms import compose, mechanism
from diplonews.extract.lexicons import load


@pytest.mark.parametrize(
    ("words", "english"),
    [
        ("Đối thoại Chính sách Quốc phòng", "Defence Policy Dialogue"),
        ("Đối thoại Chiến lược Ngoại giao-Quốc phòng", "Diplomacy-Defence Strategic Dialogue"),
        ("Đối thoại Chính trị, An ninh và Quốc phòng", "Political, Security and Defence Dialogue"),
        ("Hội nghị Bộ trưởng Kinh tế", "Economic Ministers' Meeting"),
        ("cuộc họp Nội các chung", "Joint Cabinet Meeting"),
        ("Cuộc gặp giữa hai Bộ Chính trị", "Politburo Meeting"),
        ("Kỳ họp lần thứ 13 UBHH", "Joint Committee"),
        ("Tham vấn Chính trị", "Political Consultation"),
    ],
)
def test_mechanisms_words_in_english_order(words: str, english: str) -> None:
    assert mechanism(words, load()) == english


def test_mechanisms_a_word_outside_the_vocabulary_names_no_mechanism() -> None:
    assert mechanism("Diễn đàn Doanh nghiệp", load()) is None  # a business forum


def test_mechanisms_parties_asean_first_then_vietnam_then_as_written() -> None:
    lex = load()
    assert compose("Đối thoại", ["KOR", "ASEAN"], lex) == "ASEAN-Korea Dialogue"
    assert (
        compose("Đối thoại Chiến lược", ["IND", "VNM"], lex) == "Vietnam-India Strategic Dialogue"
    )
    assert (
        compose("Đối thoại Chiến lược", ["KOR", "THA"], lex) == "Korea-Thailand Strategic Dialogue"
    )
    assert compose("Đối thoại", ["KOR"], lex) is None
