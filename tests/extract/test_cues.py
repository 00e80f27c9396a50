"""The events stage's vocabulary: party spans, clauses, mechanism names, parties."""

import pytest

from diplonews.extract.doc import Doc
from diplonews.extract.events.cues import (
    EDITION,
    HYPOTHETICAL,
    NAME_STOP,
    PLANNED,
    Cue,
    clause_bounds,
    finish_parties,
    month_of,
    parse_edition,
    party_spans,
    says_online,
    series_name,
    wished_part,
)
from diplonews.extract.lexicons import load


def spans_of(text: str) -> list[tuple[str, str]]:
    doc = Doc("t", text)
    doc.body = text
    return [(text[s:e], code) for s, e, code in party_spans(doc, load())]


def test_cues_party_spans_read_compound_short_forms() -> None:
    assert spans_of("quan hệ Hàn-Việt và Việt – Lào") == [
        ("Hàn", "KOR"),
        ("Việt", "VNM"),
        ("Việt", "VNM"),
        ("Lào", "LAO"),
    ]


def test_cues_party_spans_skip_regions_named_after_states() -> None:
    assert spans_of("hòa bình trên Bán đảo Triều Tiên và Biển Đông") == []


def test_cues_clause_bounds_stop_at_commas() -> None:
    text = "Ngày 29/11, tại Hà Nội, hai bên đã tham vấn."
    start, end = clause_bounds(text, 0, len(text), text.index("hai"))
    assert text[start:end].strip() == "hai bên đã tham vấn."


def test_cues_series_name_needs_a_bloc_or_an_edition() -> None:
    lex = load()
    assert series_name(["KOR", "ASEAN"], "Summit", lex) == "ASEAN-Korea Summit"
    assert series_name(["KOR", "IDN"], "Summit", lex) is None
    assert series_name(["VNM", "AUS"], "Foreign Ministers' Meeting", lex, numbered=True) == (
        "Vietnam-Australia Foreign Ministers' Meeting"
    )


def test_cues_finish_parties_expands_groups_and_folds_members_into_blocs() -> None:
    lex = load()
    assert finish_parties(["MEKONG", "KOR"], lex) == ["KHM", "KOR", "LAO", "MMR", "THA", "VNM"]
    assert finish_parties(["ASEAN", "BRN", "KOR", "UN"], lex) == ["ASEAN", "KOR"]


def test_cues_small_helpers() -> None:
    assert month_of("2021-06-07") == "2021-06"
    assert month_of("2021") == "2021"
    assert parse_edition("25") == 25 and parse_edition("nhất") == 1


@pytest.mark.parametrize(
    "text,edition",
    [(" lần thứ XXV tại", 25), (" lần thứ XLIX.", 49), (" khóa XV ", 15), (" lần thứ IV,", 4)],
)
def test_cues_editions_in_roman_numerals(text: str, edition: int) -> None:
    found = EDITION.match(text)
    assert found is not None and parse_edition(found.group(1)) == edition


@pytest.mark.parametrize("text", [" lần thứ IIII", " lần thứ Xin", " lần thứ VX", " lần thứ "])
def test_cues_no_edition_from_what_is_not_a_numeral(text: str) -> None:
    assert EDITION.match(text) is None
    assert says_online("Đối thoại Hàn-ASEAN trực tuyến") and not says_online("tại Hà Nội")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an adverb opens the predicate: the name stops before it
        ("Hội nghị cấp cao ASEM chỉ diễn ra trong 1 tuần tại Hà Nội.", "Hội nghị cấp cao ASEM"),
        ("Hội nghị cấp cao APEC vừa bế mạc tại Busan.", "Hội nghị cấp cao APEC"),
        # "cũng như" lists, "vừa và nhỏ" describes: both stay in the name
        (
            "Diễn đàn doanh nghiệp vừa và nhỏ ASEAN khai mạc tại Jakarta.",
            "Diễn đàn doanh nghiệp vừa và nhỏ ASEAN",
        ),
    ],
)
def test_cues_name_stops_at_a_predicate_adverb(text: str, name: str) -> None:
    stop = NAME_STOP.search(text)
    assert stop is not None
    assert text[: stop.start()] == name


def test_a_visit_coming_soon_is_no_wish_but_talks_coming_soon_are() -> None:
    visit = Cue(0, 0, "visit", None)
    meeting = Cue(0, 0, "meeting", None)
    assert not HYPOTHETICAL.search(wished_part(visit, "Ngoại trưởng Ba Lan sẽ sớm "))
    assert not HYPOTHETICAL.search(wished_part(visit, "Ngoại trưởng Ba Lan sẽ sớm có "))
    assert HYPOTHETICAL.search(wished_part(visit, "Ông đề nghị Ngoại trưởng Ba Lan sẽ sớm "))
    assert HYPOTHETICAL.search(wished_part(meeting, "Bình Nhưỡng sẽ sớm trở lại "))


def test_cues_an_idea_of_a_meeting_is_no_meeting() -> None:
    assert HYPOTHETICAL.search("Ông Abashidze đánh giá cao ý tưởng tổ chức một ")


@pytest.mark.parametrize(
    "text", ["sẽ gặp", "ngày 7/5 tới.", "vào thứ bảy tới", "tuần tới, ông", "ngày mai", "sáng mai"]
)
def test_cues_a_day_to_come_is_planned(text: str) -> None:
    assert PLANNED.search(text)


@pytest.mark.parametrize("text", ["đã tới Canada", "tuần tới thăm Lào", "ngày 7/5 tới Hà Nội"])
def test_cues_going_to_a_place_is_not_a_day_to_come(text: str) -> None:
    assert not PLANNED.search(text)


def test_cues_a_refusal_to_return_to_talks_is_no_event() -> None:
    from diplonews.extract import extract

    for text in (
        "Triều Tiên tuyên bố không quay lại các cuộc đàm phán 6 bên.",
        "Hôm qua, Triều Tiên khẳng định sẽ không quay trở lại bàn đàm phán 6 bên.",
    ):
        assert extract(text, "t").events == []


def test_cues_the_plan_told_first_is_the_one_found() -> None:
    # a day to come before a plan word: the search gives the earlier, as one pattern would
    text = "Ông sẽ thăm Pháp vào thứ bảy tới, khi Pháp sẽ chủ trì hội nghị."
    found = PLANNED.search(text, 8)
    assert found is not None and found.group() == "thứ bảy tới"


@pytest.mark.parametrize("text", ["đã sắp xếp thời gian để có", "vừa sắp đặt một cuộc gặp"])
def test_cues_an_arranging_done_is_no_plan(text: str) -> None:
    assert not PLANNED.search(text)


@pytest.mark.parametrize("text", ["đang sắp xếp một cuộc gặp", "sắp thăm", "sắp xếp cuộc gặp"])
def test_cues_an_arranging_under_way_is_a_plan(text: str) -> None:
    assert PLANNED.search(text)


def test_cues_a_meeting_arranged_and_held_stays_held() -> None:
    from diplonews.extract import extract

    (meeting,) = extract(
        "Dù lịch trình dày đặc, Tổng thống Chile Michelle Bachelet đã sắp xếp thời gian để "
        "có cuộc gặp với Chủ tịch nước Trần Đại Quang tối 9/11.",
        "t",
        published="2017-11-10",
    ).events
    assert meeting.status == "held"
