"""Document names in English: the words after the kind, read through document_words.tsv."""

import pytest

from diplonews.extract import load
from diplonews.extract.events.document_names import english_name, english_words


@pytest.mark.parametrize(
    ("kind", "said", "english"),
    [
        # modifiers after the word in Vietnamese, before it in English
        (
            "Memorandum of Understanding",
            "về hợp tác giáo dục",
            "Memorandum of Understanding on Education Cooperation",
        ),
        # an action takes the run after it; a partnership level is one name
        (
            "Joint Statement",
            "thiết lập quan hệ Đối tác chiến lược toàn diện ASEAN-Hàn Quốc",
            "Joint Statement on the Establishment of the ASEAN-Korea Comprehensive Strategic Partnership",
        ),
        # a city and a Roman numeral: the name before the kind, the number after
        ("Plan of Action", "Hà Nội II", "Hanoi Plan of Action II"),
        ("Declaration", "Tô-ki-ô", "Tokyo Declaration"),
        # a "before" kind takes its words first; "đến năm" is a preposition
        ("Plan", "hợp tác đến năm 2020", "Cooperation Plan to 2020"),
        # words joined by dashes keep their order
        (
            "Framework Agreement",
            "về hợp tác kinh tế - văn hóa",
            "Framework Agreement on Economic-Cultural Cooperation",
        ),
        (
            "Agreement",
            "thương mại tự do giữa Việt Nam và Hàn Quốc",
            "Agreement on Free Trade between Vietnam and Korea",
        ),
        (
            "Chairman's Statement",
            "ARF lần thứ 27",
            "27th ASEAN Regional Forum Chairman's Statement",
        ),
        (
            "Framework Agreement",
            "song phương về đầu tư",
            "Bilateral Framework Agreement on Investment",
        ),
    ],
)
def test_document_names_in_english(kind: str, said: str, english: str) -> None:
    assert english_name(kind, said, load()) == english


def test_document_names_unknown_word_is_not_guessed() -> None:
    assert english_name("Agreement", "về hợp tác xây dựng cầu Mỹ Thuận", load()) is None


def test_document_names_preposition_with_nothing_after_is_not_a_name() -> None:
    assert english_name("Joint Statement", "về việc thiết lập", load()) is None


def test_document_names_noun_phrase_of_a_designated_year() -> None:
    assert english_words("Năm hữu nghị Việt Nam - Lào", load()) == "Vietnam-Laos Friendship Year"
