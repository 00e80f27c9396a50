"""The library API over a store of the seed and dev articles: names as users write
them, filters, timelines, search without diacritics, export."""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from diplonews import api
from diplonews.errors import DiplonewsError
from diplonews.kb.store import Store
from diplonews.text import fold


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    data = Path(__file__).parent / "data"
    folder = tmp_path_factory.mktemp("kb")
    opened = api.open_store(str(folder / "kb.db"))
    paths = sorted((data / "seeds").glob("*.txt")) + sorted((data / "dev").glob("*.txt"))
    report = api.ingest(opened, paths, workers=1)
    assert report.added == len(paths)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    "name", ["KOR", "Korea", "South Korea", "Hàn Quốc", "han quoc", "HÀN QUỐC"]
)
def test_a_party_is_understood_however_it_is_written(name: str) -> None:
    assert api.party_codes([name]) == ["KOR"]


def test_an_unknown_party_is_a_clear_error() -> None:
    with pytest.raises(DiplonewsError, match="unknown party 'Atlantis'"):
        api.party_codes(["Atlantis"])


@pytest.mark.parametrize(
    ("text", "series"),
    [
        ("Đối thoại ASEAN-Hàn Quốc", "ASEAN-Korea Dialogue"),
        ("doi thoai ASEAN-Han Quoc", "doi thoai ASEAN-Han Quoc"),  # no lexicon match: as given
        ("Hội nghị Cấp cao Hàn-ASEAN", "ASEAN-Korea Summit"),
        ("ASEAN-Korea Strategic Forum", "ASEAN-Korea Strategic Forum"),
    ],
)
def test_series_names(text: str, series: str) -> None:
    assert api.series_name(text) == series


def test_events_of_two_parties(store: Store) -> None:
    found = api.events(store, parties=["ASEAN", "Hàn Quốc"])
    assert found and all({"ASEAN", "KOR"} <= set(e.parties) for e in found)
    dates = [e.date for e in found if e.date]
    assert dates == sorted(dates, reverse=True)
    assert "2023-11-01" in dates and "2021-06-07" in dates


def test_events_of_a_series_by_its_vietnamese_name(store: Store) -> None:
    found = api.events(store, series="Đối thoại ASEAN-Hàn Quốc")
    assert [e.date for e in found] == ["2021-06-07"]
    assert api.events(store, series="asean-korea dialogue") == found


def test_events_in_a_period(store: Store) -> None:
    found = api.events(store, year_from="2021-06", year_to="2021-08", newest_first=False)
    assert found
    assert all(e.date and "2021-06" <= e.date[:7] <= "2021-08" for e in found)
    with pytest.raises(DiplonewsError, match="--from"):
        api.events(store, year_from="June")


def test_events_of_a_person_spelt_without_diacritics_or_hyphen(store: Store) -> None:
    found = api.events(store, person="Yeo Seung bae", newest_first=False)
    assert [e.date for e in found] == ["2021", "2021-06-07", "2021-11-29"]
    assert api.events(store, person="Nobody Here") == []


def test_planned_events(store: Store) -> None:
    found = api.events(store, status="planned")
    assert found and all(e.status == "planned" for e in found)


def test_an_event_has_its_sources_and_evidence(store: Store) -> None:
    (summit,) = api.events(store, series="ASEAN-Korea Summit", year_from="2024")
    assert summit.edition == 25
    event = api.event(store, summit.id)
    assert event == summit
    assert [s.doc_id for s in event.sources] == ["004_955376071938104d"]
    assert "lần thứ 25" in (event.sources[0].evidence or "")
    assert api.event(store, 10**9) is None


def test_evidence_spans_point_into_the_article_body(store: Store) -> None:
    from diplonews.kb.store import queries

    (summit,) = api.events(store, series="ASEAN-Korea Summit", year_from="2024")
    source = summit.sources[0]
    article = api.article(store, source.article_id)
    assert article is not None
    spans = [s for s in queries.evidence_spans(store, article.id) if s[2] == summit.id]
    assert spans
    start, end, _ = spans[0]
    assert article.body[start:end] == source.evidence


def test_a_person_has_titles_over_time_and_events(store: Store) -> None:
    (yeo,) = api.people(store, "Yeo Seung-bae")
    assert yeo.country == "KOR"
    titles = {t.title: t for t in yeo.titles}
    assert titles["Vice Foreign Minister"].reports == 2
    assert titles["Vice Foreign Minister"].first_seen == "2021-07"
    assert len(yeo.event_ids) == 3
    assert api.person(store, yeo.id) == yeo


def test_people_without_a_name_are_the_most_reported(store: Store) -> None:
    found = api.people(store, limit=3)
    assert len(found) == 3
    reports = [
        store.query("SELECT COUNT(*) FROM person_mentions WHERE person_id = ?", (p.id,))[0][0]
        for p in api.people(store, limit=1000)
    ]
    assert reports == sorted(reports, reverse=True)
    assert found == api.people(store, limit=1000)[:3]


def test_timeline_of_asean_and_korea(store: Store) -> None:
    items = api.timeline(store, "ASEAN", "KOR")
    milestones = [(i.milestone.kind, i.milestone.start) for i in items if i.milestone]
    assert ("relations", "1989") in milestones
    assert ("coordinator", "2021") in milestones
    assert ("partnership", "2024") in milestones
    dated = [i.date for i in items if i.date]
    assert dated == sorted(dated)
    assert items[0].date == "1989"
    assert any(i.event and i.event.status == "planned" for i in items)


def test_series_with_their_editions(store: Store) -> None:
    records = {r.series: r for r in api.series(store)}
    summit = records["ASEAN-Korea Summit"]
    assert [e.edition for e in summit.events if e.edition] == [25]
    (only,) = api.series(store, "Hội nghị Cấp cao ASEAN-Hàn Quốc")
    assert only.series == "ASEAN-Korea Summit"


@pytest.mark.parametrize(
    ("query", "kind", "label"),
    [
        ("Pham Minh Chinh", "person", "Phạm Minh Chính"),
        ("pham minh chinh", "person", "Phạm Minh Chính"),
        ("Phạm Minh Chính", "person", "Phạm Minh Chính"),
        ("doi thoai asean han quoc", "event", "2021-06-07 · Đối thoại Hàn-ASEAN"),
        ("Diễn đàn chiến lược", "event", "2023-11-01 · Diễn đàn chiến lược ASEAN-Hàn Quốc"),
    ],
)
def test_search_finds_with_or_without_diacritics(
    store: Store, query: str, kind: str, label: str
) -> None:
    hits = api.search(store, query, limit=10)
    assert (kind, label) in [(h.kind, h.label) for h in hits]


def test_search_ranks_the_words_in_a_row_first(store: Store) -> None:
    hits = api.search(store, "Pham Minh Chinh", limit=20)
    assert hits[0].label == "Phạm Minh Chính"
    in_a_row = []
    for hit in hits:
        if hit.kind == "article":
            article = api.article(store, hit.id)
            assert article is not None
            in_a_row.append("pham minh chinh" in fold(article.body))
    assert True in in_a_row and False in in_a_row  # "Phạm Bình Minh … chính thức" matches too
    assert in_a_row == sorted(in_a_row, reverse=True)


def test_search_marks_the_matching_words(store: Store) -> None:
    hits = api.search(store, "Pham Minh Chinh")
    article = next(h for h in hits if h.kind == "article")  # the phrase ranks first
    marked = {article.snippet.text[a:b] for a, b in article.snippet.marks}
    assert {"Phạm", "Minh", "Chính"} <= marked


@pytest.mark.parametrize(
    "query", ['"', "AND OR NOT", "a* -b", "x:y", "(((", "NEAR(a b)", "'; DROP"]
)
def test_search_syntax_in_a_query_is_plain_text(store: Store, query: str) -> None:
    api.search(store, query)  # never raises
    assert api.counts(store)["articles"] == 29


def test_export_csv_has_one_row_per_participant(store: Store) -> None:
    out = io.StringIO()
    written = api.export(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert written == len(rows)
    assert {r["event_id"] for r in rows} == {str(e.id) for e in api.events(store, limit=1000)}


def test_export_jsonl_holds_every_record_with_ids(store: Store) -> None:
    out = io.StringIO()
    api.export(store, "jsonl", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    kinds = {r["type"] for r in records}
    assert kinds == {"event", "person", "article", "milestone"}
    counts = api.counts(store)
    assert sum(r["type"] == "article" for r in records) == counts["articles"]
    assert sum(r["type"] == "event" for r in records) == counts["events"]


def test_export_ics_holds_upcoming_day_planned_events_only(store: Store) -> None:
    from icalendar import Calendar

    def uids(**options: bool) -> set[str]:
        out = io.StringIO()
        api.export(store, "ics", out, **options)
        return {str(c["UID"]) for c in Calendar.from_ical(out.getvalue()).walk("VEVENT")}

    today = datetime.date.today().isoformat()
    every = api.events(store, limit=10_000)
    days = [e for e in every if e.date and len(e.date) == 10]
    upcoming = {
        f"event-{e.id}@diplonews" for e in days if e.status == "planned" and e.date >= today
    }
    assert uids() == upcoming  # the seed articles' plans are all past: none
    assert uids(include_past=True) == {f"event-{e.id}@diplonews" for e in days}
    assert len(days) < len([e for e in every if e.date])  # months and years left out


def test_api_reads_and_names_with_the_lexicons_given(
    user_lexicon_db: str, user_lexicon: Path
) -> None:
    lexicons = api.load_lexicons([user_lexicon])
    store = api.open_store(user_lexicon_db)
    try:
        nodes, _ = api.graph(store, lexicons=lexicons)
        assert next(n.label for n in nodes if n.id == "XWL") == "Wonderland"
        assert [n.label for n in api.graph(store)[0] if n.id == "XWL"] == ["XWL"]
        assert api.milestones(store, "Việt Nam", "Wonderland", lexicons=lexicons) == []
        with pytest.raises(DiplonewsError, match="unknown party"):
            api.milestones(store, "Việt Nam", "Wonderland")
        assert api.series_name("Tiệc trà Thần Tiên", lexicons) == "Wonderland Tea Party"
        assert api.party_codes(["Wonderland"], lexicons) == ["XWL"]
    finally:
        store.close()
    assert api.party_names("vi", lexicons=lexicons)["XWL"] == "Xứ Sở Thần Tiên"
    assert api.party_names("en", lexicons=lexicons)["XWL"] == "Wonderland"
    assert "XWL" not in api.party_names("en")
    text = "Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Bộ trưởng Ngoại giao Xứ Sở Thần Tiên."
    previewed = api.preview(text, lexicons=lexicons).record["events"]
    assert previewed and "XWL" in previewed[0]["parties"]
