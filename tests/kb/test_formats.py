"""Export: every format read back with its own reader gives what the store held."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import icalendar
import networkx as nx
import pytest

from diplonews.errors import DiplonewsError
from diplonews.extract.lexicons import load
from diplonews.extract.record import Milestone
from diplonews.kb import formats
from diplonews.kb.models import (
    Source,
    StoredArticle,
    StoredEvent,
    StoredParticipant,
    StoredPerson,
    TitleHeld,
)

# Names from the web, with what a spreadsheet or an XML reader could trip on.
TRICKY = 'Hội nghị <Mê Kông> & "Lan Thương"'


def people() -> list[StoredPerson]:
    return [
        StoredPerson(2, "Bùi Thanh Sơn", "VNM", titles=[TitleHeld("Foreign Minister")]),
        StoredPerson(10, "Cho Hyun", "KOR", aliases=["Jo Hyun"], event_ids=[1, 3]),
        StoredPerson(3, "Saleumxay Kommasith", "LAO", event_ids=[2]),
    ]


def events() -> list[StoredEvent]:
    son = StoredParticipant("Bùi Thanh Sơn", "VNM", "Foreign Minister", "chair", person_id=2)
    cho = StoredParticipant("Cho Hyun", "KOR", "Foreign Minister", person_id=10)
    return [
        StoredEvent(  # a call between two ministers
            1,
            "call",
            date="2025-08-06",
            parties=["KOR", "VNM"],
            participants=[son, cho],
            sources=[Source(7, "vna-001", "2025-08-07", "Bộ trưởng Bùi Thanh Sơn điện đàm…")],
        ),
        StoredEvent(  # a visit to Hanoi by the Lao minister, who alone is named
            2,
            "visit",
            date="2016-06",
            location="Hanoi",
            parties=["VNM", "LAO"],
            participants=[StoredParticipant("Saleumxay Kommasith", "LAO", person_id=3)],
            sources=[Source(8, "tt-002", "2016-06-20")],
        ),
        StoredEvent(  # a meeting that adopted a plan, with a web-borne name
            3,
            "meeting",
            name=TRICKY,
            date="2025-10-30",
            location="Gyeongju",
            parties=["KOR", "VNM", "ASEAN"],
            participants=[son, cho, StoredParticipant("=HYPERLINK(1)", None)],
            outcomes=["Plan of Action: 2026-2030", "-1+2"],
            sources=[Source(7, "vna-001"), Source(9, "@dangerous")],
        ),
        StoredEvent(  # planned this month, no participants yet
            4,
            "meeting",
            status="planned",
            series="ASEAN-Korea Summit",
            date="2021-10",
            parties=["ASEAN", "KOR"],
            sources=[Source(7, "vna-001", "2021-07")],
        ),
        StoredEvent(
            5, "visit", "planned", date="2022-07-27", location="Seoul", parties=["KOR", "IDN"]
        ),
        StoredEvent(6, "meeting", status="planned", name="Không ngày"),  # planned, no date
        StoredEvent(7, "meeting", "planned", date="2025", location="-2+3", format="@online"),
    ]


def articles() -> list[StoredArticle]:
    return [StoredArticle(7, "vna-001", "Điện đàm Việt Nam – Hàn Quốc", "2025-08-07")]


def milestones() -> list[Milestone]:
    return [Milestone("partnership", ["KOR", "VNM"], "Comprehensive Strategic Partnership")]


def test_export_jsonl_lines_carry_types_and_ids() -> None:
    out = io.StringIO()
    written = formats.write_jsonl(out, events(), people(), articles(), milestones())
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert written == len(lines) == 7 + 3 + 1 + 1
    assert [line["type"] for line in lines] == ["event"] * 7 + ["person"] * 3 + [
        "article",
        "milestone",
    ]
    assert lines[0]["participants"][0]["person_id"] == 2
    assert lines[0]["sources"][0]["article_id"] == 7
    assert lines[7]["name"] == "Bùi Thanh Sơn"  # written as UTF-8, not \\u escapes
    assert "Bùi Thanh Sơn" in out.getvalue()


def test_export_jsonl_events_carry_titles_evidence_and_article_url() -> None:
    out = io.StringIO()
    urls = {7: "https://vnanet.vn/a/1", 8: "https://tuoitre.vn/b"}
    formats.write_jsonl(out, events(), [], [], [], urls)
    lines = {line["id"]: line for line in map(json.loads, out.getvalue().splitlines())}
    call = lines[1]
    assert call["title"] == "Talks: Bùi Thanh Sơn – Cho Hyun (call)"
    assert call["title_vi"] == "Hội đàm Bùi Thanh Sơn – Cho Hyun (điện đàm)"
    assert call["evidence"] == "Bộ trưởng Bùi Thanh Sơn điện đàm…"
    assert call["article_url"] == "https://vnanet.vn/a/1"
    assert call["sources"][0]["url"] == "https://vnanet.vn/a/1"
    assert lines[2]["evidence"] is None and lines[2]["article_url"] == "https://tuoitre.vn/b"
    assert lines[6]["evidence"] is None and lines[6]["article_url"] is None  # no source


def test_export_csv_one_row_per_participant() -> None:
    out = io.StringIO(newline="")
    written = formats.write_csv(out, events())
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert written == len(rows) == 2 + 1 + 3 + 1 + 1 + 1 + 1
    assert list(rows[0]) == list(formats.CSV_COLUMNS)
    assert rows[0] == {
        **rows[0],
        "event_id": "1",
        "kind": "call",
        "date": "2025-08-06",
        "parties": "KOR;VNM",
        "sources": "7",
        "person_id": "2",
        "participant": "Bùi Thanh Sơn",
        "role": "chair",
    }
    planned = [row for row in rows if row["event_id"] == "4"]
    assert len(planned) == 1
    assert planned[0]["participant"] == planned[0]["person_id"] == planned[0]["title_held"] == ""
    assert planned[0]["series"] == "ASEAN-Korea Summit"
    assert planned[0]["title"] == "ASEAN-Korea Summit (planned)"
    assert planned[0]["title_vi"] == "Hội nghị Cấp cao ASEAN-Hàn Quốc (dự kiến)"


def test_export_csv_rows_carry_the_evidence_sentence_and_article_url() -> None:
    out = io.StringIO(newline="")
    formats.write_csv(out, events(), {7: "https://vnanet.vn/a/1"})
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    call = [row for row in rows if row["event_id"] == "1"]
    assert len(call) == 2  # one a participant, each with the event's evidence
    assert {row["evidence"] for row in call} == {"Bộ trưởng Bùi Thanh Sơn điện đàm…"}
    assert {row["article_url"] for row in call} == {"https://vnanet.vn/a/1"}
    assert call[0]["title"] == "Talks: Bùi Thanh Sơn – Cho Hyun (call)"
    [undated] = [row for row in rows if row["event_id"] == "6"]
    assert undated["evidence"] == undated["article_url"] == ""


def test_export_csv_neutralises_formulas() -> None:
    out = io.StringIO(newline="")
    formats.write_csv(out, events())
    rows = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["event_id"] == "3"]
    assert rows[2]["participant"] == "'=HYPERLINK(1)"
    assert rows[0]["outcomes"] == "Plan of Action: 2026-2030;-1+2"  # starts with a letter
    assert rows[0]["name"] == TRICKY
    [odd] = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["event_id"] == "7"]
    assert (odd["location"], odd["format"]) == ("'-2+3", "'@online")
    cells = [cell for row in rows for cell in row.values()]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_export_graphml_parties_count_held_meetings() -> None:
    out = io.StringIO()
    edges = formats.write_graphml(out, events(), [], level="parties")
    graph = nx.read_graphml(io.BytesIO(out.getvalue().encode("utf-8")))
    assert edges == graph.number_of_edges() == 4
    # Planned events (the ASEAN-Korea summit, the visit to Seoul) add nothing.
    assert sorted(graph.nodes) == ["ASEAN", "KOR", "LAO", "VNM"]
    assert graph.nodes["VNM"]["label"] == "Vietnam"
    korea_vietnam = graph.edges["KOR", "VNM"]
    assert korea_vietnam["weight"] == 2
    assert (korea_vietnam["first"], korea_vietnam["last"]) == ("2025-08-06", "2025-10-30")
    assert korea_vietnam["events"] == "1;3"
    assert graph.edges["LAO", "VNM"]["weight"] == 1


def test_export_graphml_people_edges_join_resolved_participants() -> None:
    out = io.StringIO()
    edges = formats.write_graphml(out, events(), people(), level="people")
    graph = nx.read_graphml(io.BytesIO(out.getvalue().encode("utf-8")))
    assert edges == 1  # Sơn and Cho, at the call and the meeting
    assert list(graph.nodes) == ["p2", "p3", "p10"]
    assert graph.nodes["p2"] == {"label": "Bùi Thanh Sơn", "country": "VNM"}
    assert graph.edges["p2", "p10"]["weight"] == 2


def test_export_graphml_escapes_names() -> None:
    person = StoredPerson(1, TRICKY, None)
    meeting = StoredEvent(1, "meeting", participants=[StoredParticipant(TRICKY, person_id=1)])
    out = io.StringIO()
    formats.write_graphml(out, [meeting], [person], level="people")
    graph = nx.read_graphml(io.BytesIO(out.getvalue().encode("utf-8")))
    assert graph.nodes["p1"]["label"] == TRICKY


def test_export_graphml_unknown_level_raises() -> None:
    with pytest.raises(DiplonewsError, match="graph level"):
        formats.write_graphml(io.StringIO(), [], [], level="cities")


TODAY = date(2022, 7, 1)  # the events' "today" in the ICS tests


def vevents_of(text: str) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}


def test_export_ics_holds_upcoming_day_planned_events_as_all_day_events() -> None:
    out = io.StringIO(newline="")
    written = formats.write_ics(out, events(), today=TODAY)
    vevents = vevents_of(out.getvalue())
    # Event 4 (planned for October 2021) is a month, 7 (2025) a year: not days. Event 6
    # has no date; 1, 2, 3 were held.
    assert written == len(vevents) == 1
    day = vevents["event-5@diplonews"]
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (date(2022, 7, 27), date(2022, 7, 28))
    assert "DTSTART;VALUE=DATE:20220727" in out.getvalue()  # all day, not a timestamp
    assert str(day["LOCATION"]) == "Seoul"
    assert str(day["SUMMARY"]) == "Indonesia delegation's visit to Korea (planned)"
    assert day["CATEGORIES"].cats == ["visit"]
    assert "DTSTART:" not in out.getvalue() and "DTSTART;TZID" not in out.getvalue()


def test_export_ics_leaves_out_plans_whose_day_has_passed() -> None:
    out = io.StringIO(newline="")
    assert formats.write_ics(out, events(), today=date(2022, 7, 28)) == 0
    out = io.StringIO(newline="")
    assert formats.write_ics(out, events(), today=date(2022, 7, 27)) == 1  # today still counts


def test_export_ics_include_past_keeps_every_day_on_record() -> None:
    out = io.StringIO(newline="")
    written = formats.write_ics(out, events(), include_past=True, today=date(2030, 1, 1))
    vevents = vevents_of(out.getvalue())
    assert written == 3
    assert sorted(vevents) == ["event-1@diplonews", "event-3@diplonews", "event-5@diplonews"]
    call = vevents["event-1@diplonews"]
    assert str(call["SUMMARY"]) == "Talks: Bùi Thanh Sơn – Cho Hyun (call)"
    assert "Sources: vna-001" in str(call["DESCRIPTION"])
    assert call.decoded("DTSTAMP").replace(tzinfo=None) == datetime(2025, 8, 7)
    assert "VALUE=DATE:2016" not in out.getvalue()  # a month (event 2) is never a day


def test_export_ics_is_reproducible_and_escapes_text() -> None:
    planned = StoredEvent(1, "meeting", "planned", name=TRICKY, date="2026-01-15")
    first, second = io.StringIO(), io.StringIO()
    formats.write_ics(first, [planned], today=date(2026, 1, 1))
    formats.write_ics(second, [planned], today=date(2026, 1, 1))
    assert first.getvalue() == second.getvalue()
    [vevent] = icalendar.Calendar.from_ical(first.getvalue()).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Meeting (planned)"
    assert f"As reported: {TRICKY}" in str(vevent["DESCRIPTION"])


def test_export_plover_maps_kinds_to_categories() -> None:
    out = io.StringIO()
    written = formats.write_plover(out, events())
    records = {r["event_id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert written == len(records) == 7
    assert all(r["event_type"] in formats.PLOVER_CATEGORIES for r in records.values())
    assert len(formats.PLOVER_CATEGORIES) == 16
    call, visit, meeting, summit = records[1], records[2], records[3], records[4]
    assert (call["event_type"], call["mode"]) == ("CONSULT", "phone")
    assert (visit["event_type"], visit["mode"]) == ("CONSULT", "visit")
    assert (summit["event_type"], summit["mode"], summit["status"]) == (
        "CONSULT",
        "meet",
        "planned",
    )
    # A held meeting that adopted a document is an agreement.
    assert (meeting["event_type"], meeting["mode"]) == ("AGREE", None)
    assert call["context"] == ["diplomatic"]
    assert call["source_articles"] == [
        {"article_id": 7, "doc_id": "vna-001", "published": "2025-08-07"}
    ]
    assert call["evidence"] == ["Bộ trưởng Bùi Thanh Sơn điện đàm…"]


def test_export_plover_visit_runs_visitor_to_host() -> None:
    out = io.StringIO()
    formats.write_plover(out, events())
    records = {r["event_id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    visit = records[2]  # to Hanoi, so Laos visits Vietnam
    assert (visit["actor_code"], visit["recipient_code"]) == ("LAO", "VNM")
    assert (visit["actor"], visit["actor_country"]) == ("Laos", "LAO")
    assert visit["location"] == {"name": "Hanoi", "country": "VNM"}
    # Not a visit: the first two parties in order; a bloc has no ISO country.
    meeting = records[3]
    assert (meeting["actor_code"], meeting["actor_country"]) == ("ASEAN", None)
    assert meeting["recipient_code"] == "KOR"


def test_export_plover_visit_without_place_takes_the_named_side_as_visitor() -> None:
    visit = StoredEvent(
        1,
        "visit",
        parties=["LAO", "VNM"],
        participants=[StoredParticipant("Trần Đại Quang", "VNM")],
    )
    record = formats.plover_record(visit)
    assert (record["actor_code"], record["recipient_code"]) == ("VNM", "LAO")


def test_export_write_calls_only_the_factories_it_needs() -> None:
    def refuse() -> list[StoredPerson]:
        raise AssertionError("not needed")

    out = io.StringIO()
    written = formats.write(
        "csv", out, events=events, people=refuse, articles=refuse, milestones=refuse
    )
    assert written == 10
    written = formats.write(
        "graphml", io.StringIO(), events=events, people=refuse, articles=refuse,
        milestones=refuse,
    )  # fmt: skip
    assert written == 4


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_export_write_dispatches_every_format(fmt: str) -> None:
    out = io.StringIO(newline="")
    written = formats.write(
        fmt, out, events=events, people=people, articles=articles, milestones=milestones,
        include_past=True,
    )  # fmt: skip
    assert written > 0
    assert out.getvalue()


def test_export_unknown_format_raises() -> None:
    with pytest.raises(DiplonewsError, match="unknown export format 'xml'; choose one of jsonl"):
        formats.write(
            "xml", io.StringIO(), events=events, people=people, articles=articles,
            milestones=milestones,
        )  # fmt: skip


def test_export_names_parties_with_the_lexicons_given(user_lexicon: Path) -> None:
    """A party of the user's rows is named in every format that names parties; the
    shipped set alone gives its code."""
    lexicons = load([user_lexicon])
    tea = StoredEvent(
        9,
        "meeting",
        status="planned",
        date="2026-03-12",
        name="Tiệc trà Thần Tiên lần thứ 4",
        location="Hanoi",
        parties=["VNM", "XWL"],
    )
    record = formats.plover_record(tea, lexicons)
    assert (record["recipient"], record["recipient_country"]) == ("Republic of Wonderland", "XWL")
    assert formats.plover_record(tea)["recipient"] == "XWL"
    out = io.StringIO()
    formats.write_ics(out, [tea], lexicons, today=date(2026, 1, 1))
    [vevent] = icalendar.Calendar.from_ical(out.getvalue()).walk("VEVENT")
    assert "Republic of Wonderland (XWL)" in str(vevent["DESCRIPTION"])
    held = StoredEvent(10, "meeting", status="held", parties=["VNM", "XWL"])
    out = io.StringIO()
    formats.write(
        "graphml",
        out,
        events=lambda: [held],
        people=list,
        articles=list,
        milestones=list,
        lexicons=lexicons,
    )
    graph = nx.parse_graphml(out.getvalue())
    assert graph.nodes["XWL"]["label"] == "Republic of Wonderland"
