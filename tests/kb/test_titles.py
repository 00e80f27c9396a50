"""Event titles composed from the record, in English and Vietnamese (kb/titles.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplonews.extract.lexicons import load
from diplonews.kb.models import EventSummary, StoredEvent, StoredParticipant
from diplonews.kb.titles import (
    event_title,
    event_titles,
    official_title,
    ordinal,
    party_name,
    place_name,
    series_title,
)


def person(name: str, country: str, title: str | None = None, role: str = "participant") -> dict:
    return {"name": name, "country": country, "title": title, "role": role}


def test_titles_ordinal_suffixes() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 25, 101, 111, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "25th",
        "101st", "111th", "112th",
    ]  # fmt: skip


def test_titles_series_with_edition_in_both_languages() -> None:
    event = {
        "kind": "meeting",
        "series": "ASEAN-Korea Summit",
        "edition": 25,
        "parties": ["ASEAN", "KOR"],
        "name": "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25",
    }
    assert event_titles(event) == {
        "en": "25th ASEAN-Korea Summit",
        "vi": "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25",
    }


def test_titles_series_without_edition_is_the_series_name() -> None:
    event = {"kind": "meeting", "series": "ASEAN-Korea Dialogue", "parties": ["ASEAN", "KOR"]}
    assert event_titles(event) == {"en": "ASEAN-Korea Dialogue", "vi": "Đối thoại ASEAN-Hàn Quốc"}


def test_titles_listed_series_takes_the_lexicons_vietnamese_name() -> None:
    event = {"kind": "meeting", "series": "APEC Economic Leaders' Meeting", "edition": 32}
    assert event_title(event, "vi") == "Hội nghị Cấp cao APEC lần thứ 32"
    assert event_title(event, "en") == "32nd APEC Economic Leaders' Meeting"


def test_titles_composed_series_puts_modifiers_in_vietnamese_order() -> None:
    assert (
        series_title("Vietnam-Korea Defence Policy Dialogue", "vi")
        == "Đối thoại Chính sách Quốc phòng Việt Nam-Hàn Quốc"
    )
    assert (
        series_title("ASEAN-Korea Foreign Ministers' Meeting", "vi")
        == "Hội nghị Bộ trưởng Ngoại giao ASEAN-Hàn Quốc"
    )
    assert series_title("ASEAN-Korea SOM Consultation", "vi") == "Tham vấn SOM ASEAN-Hàn Quốc"


def test_titles_unknown_series_stays_in_english_rather_than_half_translated() -> None:
    assert series_title("Tripartite Gizmo Assembly", "vi") == "Tripartite Gizmo Assembly"
    assert series_title("ASEAN-Korea Gizmo Assembly", "vi") == "ASEAN-Korea Gizmo Assembly"


def test_titles_call_names_both_sides_home_first() -> None:
    event = {
        "kind": "call",
        "status": "held",
        "parties": ["KHM", "VNM"],
        "participants": [
            person("Hun Sen", "KHM", "President of the Senate"),
            person("Tô Lâm", "VNM", "Party General Secretary"),
        ],
        "name": "cuộc điện đàm rất thành công",
    }
    assert event_titles(event) == {
        "en": "Talks: Tô Lâm – Hun Sen (call)",
        "vi": "Hội đàm Tô Lâm – Hun Sen (điện đàm)",
    }


def test_titles_talks_without_a_chair_name_one_official_a_side() -> None:
    event = {
        "kind": "meeting",
        "parties": ["KOR", "VNM"],
        "participants": [
            person("Park Jin", "KOR", "Foreign Minister"),
            person("Bùi Thanh Sơn", "VNM", "Foreign Minister"),
            person("Yeo Seung-bae", "KOR", "Vice Foreign Minister"),
        ],
    }
    assert event_titles(event) == {
        "en": "Talks: Bùi Thanh Sơn – Park Jin",
        "vi": "Hội đàm Bùi Thanh Sơn – Park Jin",
    }


def test_titles_reception_names_host_and_guest() -> None:
    event = {
        "kind": "meeting",
        "parties": ["KOR", "VNM"],
        "participants": [
            person("Lương Cường", "VNM", "President", "chair"),
            person("Park Noh-wan", "KOR", "Ambassador"),
        ],
    }
    assert event_titles(event) == {
        "en": "Lương Cường receives Park Noh-wan",
        "vi": "Lương Cường tiếp Park Noh-wan",
    }


def test_titles_reception_of_an_unnamed_delegation_names_its_country() -> None:
    event = {
        "kind": "meeting",
        "parties": ["RUS", "VNM"],
        "participants": [person("Phạm Minh Chính", "VNM", "Prime Minister", "chair")],
    }
    assert event_titles(event) == {
        "en": "Phạm Minh Chính receives a delegation from Russia",
        "vi": "Phạm Minh Chính tiếp đoàn Nga",
    }


def test_titles_visit_with_type_visitor_and_destination() -> None:
    event = {
        "kind": "visit",
        "name": "chuyến thăm chính thức Việt Nam",
        "parties": ["JPN", "VNM"],
        "participants": [
            person("Kishida Fumio", "JPN", "Prime Minister"),
            person("Phạm Minh Chính", "VNM", "Prime Minister", "chair"),
        ],
        "location": "Hanoi",
        "format": "in_person",
    }
    assert event_titles(event) == {
        "en": "Kishida Fumio's official visit to Vietnam",
        "vi": "Chuyến thăm chính thức Việt Nam của Kishida Fumio",
    }


def test_titles_visit_type_read_without_diacritics_state_before_official() -> None:
    event = {
        "kind": "visit",
        "name": "thăm cấp Nhà nước chính thức",
        "parties": ["KOR", "VNM"],
        "participants": [person("Yoon Suk Yeol", "KOR", "President")],
    }
    assert event_title(event, "en") == "Yoon Suk Yeol's state visit to Vietnam"
    assert event_title(event, "vi") == "Chuyến thăm cấp Nhà nước Việt Nam của Yoon Suk Yeol"


def test_titles_visit_destination_from_the_location() -> None:
    event = {
        "kind": "visit",
        "status": "planned",
        "parties": ["JPN", "KOR"],
        "participants": [person("Ishiba Shigeru", "JPN", "Prime Minister")],
        "location": "Seoul",
        "name": "chuyến thăm",
    }
    assert event_titles(event) == {
        "en": "Ishiba Shigeru's visit to Korea (planned)",
        "vi": "Chuyến thăm Hàn Quốc của Ishiba Shigeru (dự kiến)",
    }


def test_titles_visit_without_named_visitor_names_the_delegation() -> None:
    event = {"kind": "visit", "parties": ["USA", "VNM"], "location": "Hanoi"}
    assert event_titles(event) == {
        "en": "US delegation's visit to Vietnam",
        "vi": "Chuyến thăm Việt Nam của đoàn Hoa Kỳ",
    }


def test_titles_visit_with_nothing_known_is_still_a_title() -> None:
    assert event_titles({"kind": "visit"}) == {"en": "Visit", "vi": "Chuyến thăm"}


def test_titles_multilateral_meeting_lists_a_few_parties_then_counts() -> None:
    event = {
        "kind": "meeting",
        "parties": ["CHN", "JPN", "KOR", "PRK", "RUS", "USA"],
        "location": "Beijing",
    }
    assert event_titles(event) == {
        "en": "Meeting of China, Japan, Korea, North Korea and 2 other parties in Beijing",
        "vi": "Cuộc gặp giữa Trung Quốc, Nhật Bản, Hàn Quốc, Triều Tiên và 2 bên khác tại Bắc Kinh",
    }


def test_titles_multilateral_meeting_of_five_names_the_fifth() -> None:
    event = {"kind": "meeting", "parties": ["ASEAN", "CHN", "JPN", "KOR", "USA"]}
    assert event_title(event, "en") == "Meeting of ASEAN, China, Japan, Korea and US"


def test_titles_planned_online_meeting_marks_both() -> None:
    event = {
        "kind": "meeting",
        "status": "planned",
        "format": "online",
        "series": "ASEAN-Korea Dialogue",
        "parties": ["ASEAN", "KOR"],
    }
    assert event_titles(event) == {
        "en": "ASEAN-Korea Dialogue (online, planned)",
        "vi": "Đối thoại ASEAN-Hàn Quốc (trực tuyến, dự kiến)",
    }


def test_titles_planned_call_marks_call_and_plan_once() -> None:
    event = {
        "kind": "call",
        "status": "planned",
        "format": "online",
        "parties": ["KOR", "VNM"],
        "participants": [person("Cho Hyun", "KOR"), person("Bùi Thanh Sơn", "VNM")],
    }
    assert event_title(event, "en") == "Talks: Bùi Thanh Sơn – Cho Hyun (call, planned)"
    assert event_title(event, "vi") == "Hội đàm Bùi Thanh Sơn – Cho Hyun (điện đàm, dự kiến)"


def test_titles_one_side_only_names_the_officials() -> None:
    event = {
        "kind": "meeting",
        "parties": ["PAK"],
        "participants": [person("Pervez Musharraf", "PAK"), person("Riaz Khokhar", "PAK")],
    }
    assert event_title(event, "en") == "Meeting of Pervez Musharraf and Riaz Khokhar"
    assert event_title(event, "vi") == "Cuộc gặp giữa Pervez Musharraf và Riaz Khokhar"


def test_titles_a_one_word_name_takes_its_title_in_the_language() -> None:
    event = {
        "kind": "meeting",
        "parties": ["RUS"],
        "participants": [person("Putin", "RUS", "President")],
        "location": "Moscow",
    }
    assert event_title(event, "en") == "President Putin's meeting in Moscow"
    assert event_title(event, "vi") == "Cuộc gặp của Tổng thống Putin tại Mátxcơva"


def test_titles_bilateral_meeting_without_officials_names_the_parties() -> None:
    event = {"kind": "meeting", "parties": ["KOR", "JPN"], "location": "Jeju"}
    assert event_title(event, "en") == "Meeting: Korea – Japan in Jeju"
    assert event_title(event, "vi").startswith("Cuộc gặp Hàn Quốc – Nhật Bản")


def test_titles_never_copy_the_reported_name() -> None:
    reported = "cuộc điện đàm rất thành công (kể"
    event = {"kind": "meeting", "name": reported, "parties": ["KOR", "VNM"]}
    for title in event_titles(event).values():
        assert "thành công" not in title and "(" not in title


def test_titles_english_title_has_no_vietnamese_party_name() -> None:
    event = {"kind": "meeting", "parties": ["KOR", "VNM", "CHN"]}
    english, vietnamese = event_title(event, "en"), event_title(event, "vi")
    assert "Hàn Quốc" not in english and "Korea" in english
    assert "Korea" not in vietnamese and "Hàn Quốc" in vietnamese


def test_titles_accept_stored_events_and_summaries() -> None:
    stored = StoredEvent(
        id=1,
        kind="call",
        parties=["KHM", "VNM"],
        participants=[
            StoredParticipant("Hun Sen", "KHM"),
            StoredParticipant("Tô Lâm", "VNM"),
        ],
    )
    assert event_title(stored) == "Talks: Tô Lâm – Hun Sen (call)"
    summary = EventSummary(1, "meeting", "planned", "hội nghị", "ASEAN Summit", "2026", [])
    assert event_title(summary, "vi") == "Hội nghị Cấp cao ASEAN (dự kiến)"


def test_titles_names_of_parties_places_and_officials() -> None:
    assert party_name("KOR", "en") == "Korea"
    assert party_name("KOR", "vi") == "Hàn Quốc"
    assert party_name("XYZ", "vi") == "XYZ"
    assert place_name("Hanoi", "vi") == "Hà Nội"
    assert place_name("Hanoi", "en") == "Hanoi"
    assert place_name("Atlantis", "vi") == "Atlantis"
    assert official_title("Prime Minister", "vi") == "Thủ tướng"
    assert official_title("President", "vi", "KOR") == "Tổng thống"
    assert official_title("President", "vi", "VNM") == "Chủ tịch nước"
    assert official_title("Grand Vizier of Nowhere", "vi") == "Grand Vizier of Nowhere"


def test_titles_use_the_users_lexicon_rows(tmp_path: Path) -> None:
    folder = tmp_path / "lex"
    folder.mkdir()
    (folder / "countries.tsv").write_text(
        "code\tname_en\tshort_en\tkind\tnames\tshort_forms\tmembers\n"
        "ATL\tAtlantis\tAtlantis\tstate\tĐảo Xanh\t\t\n",
        encoding="utf-8",
    )
    lex = load([folder])
    event = {
        "kind": "visit",
        "parties": ["ATL", "VNM"],
        "participants": [person("Poseidon Rex", "ATL")],
    }
    assert event_title(event, "en", lex) == "Poseidon Rex's visit to Vietnam"
    other = {"kind": "visit", "parties": ["ATL", "VNM"], "participants": [person("Ba", "VNM")]}
    assert event_title(other, "vi", lex) == "Chuyến thăm Đảo Xanh của Ba"


@pytest.mark.parametrize("kind", ["meeting", "visit", "call", "unknown-kind"])
@pytest.mark.parametrize("status", ["held", "planned"])
def test_titles_are_one_line_without_empty_parts(kind: str, status: str) -> None:
    for event in (
        {"kind": kind, "status": status},
        {"kind": kind, "status": status, "parties": ["VNM"]},
        {"kind": kind, "status": status, "participants": [person("A B", "KOR")]},
    ):
        for title in event_titles(event).values():
            assert title and title == title.strip() and "\n" not in title
            assert "  " not in title and "()" not in title and "'s  " not in title
            assert title[0].isupper()
