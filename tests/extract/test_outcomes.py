"""Outcomes: the documents a meeting adopts, also when the sentence names them first."""

from diplonews.extract import extract, load
from diplonews.extract.events.outcomes import adopted_in


def test_outcomes_adopted_before_the_meeting_named_as_their_setting() -> None:
    events = extract(
        "Ngày 3/5, Việt Nam và Lào đã ký kết Hiệp định hợp tác giáo dục tại Kỳ họp lần thứ 45 "
        "Ủy ban liên Chính phủ Việt Nam - Lào ở Hà Nội.",
        "t",
        published="2024-05",
    ).events
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.outcomes == ["Agreement on Education Cooperation"]


def test_outcomes_before_the_meeting_need_a_setting_word() -> None:
    events = extract(
        "Hai nước đã ký kết Hiệp định thương mại năm 2015. Ngày 3/5, Hội nghị Cấp cao "
        "ASEAN-Hàn Quốc diễn ra tại Seoul.",
        "t",
        published="2024-05",
    ).events
    assert all(e.outcomes == [] for e in events)


def outcomes_of(text: str, published: str = "2024-05") -> list[tuple[str, list[str]]]:
    return [(e.kind, e.outcomes) for e in extract(text, "t", published=published).events]


TALKS = (
    "Ngày 3/5, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone. "
)


def test_outcomes_named_in_english_through_the_words_lexicon() -> None:
    [(_, outcomes)] = outcomes_of(
        TALKS.rstrip(". ") + " và hai bên đã ký kết Bản ghi nhớ về hợp tác giáo dục "
        "giai đoạn 2021-2025."
    )
    assert outcomes == ["Memorandum of Understanding on Education Cooperation for 2021-2025"]


def test_outcomes_signed_after_the_talks_in_a_sentence_of_their_own() -> None:
    # "Hai Thủ tướng chứng kiến lễ ký …": no meeting named, so the article's talks
    [(_, outcomes)] = outcomes_of(
        TALKS + "Hai Thủ tướng đã chứng kiến lễ ký kết Hiệp định về dẫn độ và Bản ghi nhớ về "
        "hợp tác giáo dục và đào tạo."
    )
    assert outcomes == [
        "Agreement on Extradition",
        "Memorandum of Understanding on Education and Training Cooperation",
    ]


def test_outcomes_of_a_list_after_one_signing_verb() -> None:
    [(_, outcomes)] = outcomes_of(
        TALKS + "Đại diện hai chính phủ đã ký 3 văn kiện là: Hiệp định về tương trợ tư pháp; "
        "Nghị định thư về hợp tác hải quan; Bản ghi nhớ về hợp tác du lịch."
    )
    assert outcomes == [
        "Agreement on Mutual Legal Assistance",
        "Protocol on Customs Cooperation",
        "Memorandum of Understanding on Tourism Cooperation",
    ]


def test_outcomes_exchanged_at_a_visit_go_to_the_visit() -> None:
    [(kind, outcomes)] = outcomes_of(
        "Ngày 29/3, Đại tướng Phan Văn Giang bắt đầu chuyến thăm chính thức Hàn Quốc theo lời "
        "mời của Bộ trưởng Quốc phòng Hàn Quốc Lee Jong-sup. Hai Bộ trưởng đã chứng kiến việc "
        "trao đổi văn bản Điều khoản tham chiếu Tham vấn Hải quân Việt Nam - Hàn Quốc.",
        published="2023-03",
    )
    assert (kind, outcomes) == ("visit", ["Terms of Reference for Vietnam-Korea Navy Consultation"])


def test_outcomes_not_from_wishes_plans_or_recalled_signings() -> None:
    for said in (
        "Hai bên nhất trí sớm ký kết Hiệp định về dẫn độ.",
        "Hai bên sẽ ký Hiệp định về dẫn độ.",
        "Hai nước đã ký Hiệp định thương mại năm 1998.",
        "Thủ tướng khẳng định việc hai nước ký Hiệp định về biên giới có ý nghĩa quan trọng.",
        "Hai bên đánh giá cao việc thực hiện Thỏa thuận này.",
    ):
        assert outcomes_of(TALKS + said) == [("meeting", [])], said


def test_outcomes_not_from_a_statement_issued_outside_the_meeting() -> None:
    # "ra tuyên bố" with no name: a government's statement, not a document adopted
    assert outcomes_of(TALKS + "Cùng ngày, Bộ Ngoại giao Thái Lan ra tuyên bố về vụ việc.") == [
        ("meeting", [])
    ]


def test_outcomes_decisions_taken_at_the_meeting() -> None:
    [(_, outcomes)] = outcomes_of(
        TALKS + "Hai nhà lãnh đạo nhất trí nâng cấp quan hệ Việt Nam - Lào lên Đối tác "
        "chiến lược toàn diện."
    )
    assert outcomes == ["Upgrade of Relations to the Comprehensive Strategic Partnership"]


def test_outcomes_a_year_designated_at_a_summit() -> None:
    [(_, outcomes)] = outcomes_of(
        "Ngày 27/11/2019, Hội nghị thượng đỉnh Hàn Quốc-Mekong lần thứ nhất diễn ra tại Busan. "
        "Các nhà lãnh đạo nhất trí chỉ định năm 2021 là “Năm giao lưu Hàn Quốc-Mekong”.",
        published="2019-11",
    )
    assert outcomes == ["Designation of 2021 as the Korea-Mekong Exchange Year"]


def test_outcomes_kept_in_vietnamese_when_a_word_is_unknown() -> None:
    [(_, outcomes)] = outcomes_of(
        TALKS.rstrip(". ") + " và hai bên đã ký Hiệp định về hợp tác xây dựng cầu Mỹ Thuận."
    )
    assert outcomes == ["Agreement: về hợp tác xây dựng cầu Mỹ Thuận"]


def test_outcomes_adopted_in_lists_english_and_vietnamese_names() -> None:
    said = "Hai bên thông qua Tuyên bố Tô-ki-ô và Chương trình hành động về kết nối."
    assert adopted_in(said, load()) == [
        ("Tokyo Declaration", "Tuyên bố Tô-ki-ô"),
        ("Action Programme on Connectivity", "Chương trình hành động về kết nối"),
    ]


def test_outcomes_adopted_in_the_passive() -> None:
    [(_, outcomes)] = outcomes_of(
        TALKS.rstrip(". ") + ", tại đó Tuyên bố chung về quan hệ Đối tác toàn diện đã được "
        "thông qua."
    )
    assert outcomes == ["Joint Statement on the Comprehensive Partnership"]


def test_outcomes_not_from_a_passive_still_to_come() -> None:
    assert outcomes_of(TALKS + "Hiệp định về dẫn độ sẽ được ký vào năm sau.") == [("meeting", [])]


def test_outcomes_named_after_a_count_of_documents() -> None:
    # "ký kết 5 văn kiện hợp tác, trong đó có X": X is named, the count is not
    [(_, outcomes)] = outcomes_of(
        TALKS + "Hai Thủ tướng chứng kiến lễ ký kết 5 văn kiện hợp tác, trong đó có Bản ghi nhớ "
        "về hợp tác du lịch."
    )
    assert outcomes == ["Memorandum of Understanding on Tourism Cooperation"]
