"""Names as users write them, read with the lexicons they are given: the shipped set, or
the shipped set plus a user's rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplonews import api
from diplonews.errors import DiplonewsError
from diplonews.kb import browse


def test_browse_party_codes_read_a_users_country(user_lexicon: Path) -> None:
    lexicons = api.load_lexicons([user_lexicon])
    names = ["Xứ Sở Thần Tiên", "xu so than tien", "Wonderland", "XWL", "Hàn Quốc"]
    assert browse.party_codes(names, lexicons) == ["XWL", "XWL", "XWL", "XWL", "KOR"]
    with pytest.raises(DiplonewsError, match="unknown party 'Wonderland'"):
        browse.party_codes(["Wonderland"])  # the shipped set alone


def test_browse_series_name_reads_a_users_series(user_lexicon: Path) -> None:
    lexicons = api.load_lexicons([user_lexicon])
    assert browse.series_name("Tiệc trà Thần Tiên", lexicons) == "Wonderland Tea Party"
    assert browse.series_name("Tiệc trà Thần Tiên") == "Tiệc trà Thần Tiên"


def test_browse_events_filter_with_a_users_names(user_lexicon_db: str, user_lexicon: Path) -> None:
    lexicons = api.load_lexicons([user_lexicon])
    store = api.open_store(user_lexicon_db)
    try:
        by_party = browse.events(store, parties=["Wonderland"], lexicons=lexicons)
        by_series = browse.events(store, series="Tiệc Trà Thần Tiên", lexicons=lexicons)
    finally:
        store.close()
    assert [e.name for e in by_party] == ["Tiệc trà Thần Tiên lần thứ 3"]
    assert [e.id for e in by_series] == [e.id for e in by_party]


def test_browse_party_index_is_kept_per_set(user_lexicon: Path) -> None:
    shipped, extended = api.load_lexicons(), api.load_lexicons([user_lexicon])
    browse.party_codes(["KOR"], shipped)
    browse.party_codes(["KOR"], extended)
    assert "xu so than tien" in extended.derived["kb.party_index"]
    assert "xu so than tien" not in shipped.derived["kb.party_index"]


# --- the browse lists ----------------------------------------------------------------

from diplonews.kb.store import Store


@pytest.fixture
def browsed(store: Store, dev_dir: Path, seeds_dir: Path) -> Store:
    """A store (each backend) of the dev articles, with their URLs (dev/sources.tsv),
    and the seed articles (no URL)."""
    articles = sorted(dev_dir.glob("*.txt")) + sorted(seeds_dir.glob("*.txt"))
    report = api.ingest(store, articles, workers=1)
    assert report.failed == 0
    return store


def _all(store: Store, table: str, params: list[tuple[str, str]]) -> list[dict[str, object]]:
    return list(browse.all_rows(store, table, params))


def test_browse_events_filters_match_the_records(browsed: Store) -> None:
    every = _all(browsed, "events", [])
    assert len(every) == int(browsed.query("SELECT COUNT(*) FROM events")[0][0])
    visits = _all(browsed, "events", [("kind", "visit"), ("party", "KOR")])
    assert visits and all(r["kind"] == "visit" and "KOR" in r["parties"] for r in visits)
    assert len(visits) == sum(1 for r in every if r["kind"] == "visit" and "KOR" in r["parties"])
    both = _all(browsed, "events", [("party", "Hàn Quốc"), ("party", "ASEAN")])
    assert both and all({"KOR", "ASEAN"} <= set(r["parties"]) for r in both)  # every party
    year = _all(browsed, "events", [("year", "2020")])
    assert year and all(str(r["date"]).startswith("2020") for r in year)
    period = _all(browsed, "events", [("from", "2020-06"), ("to", "2021")])
    assert period and all(
        "2020-06" <= str(r["date"]) and str(r["date"])[:4] <= "2021" for r in period
    )
    kbs = _all(browsed, "events", [("outlet", "KBS World")])
    assert kbs and len(kbs) < len(every)
    assert all(r["url"] and "kbs.co.kr" in str(r["url"]) for r in kbs if r["sources"] == 1)


def test_browse_events_facets_count_the_filtered_rows(browsed: Store) -> None:
    listing = browse.browse(browsed, "events", [("party", "KOR")])
    facets = {f.name: {v.value: v.count for v in f.values} for f in listing.facets}
    rows = _all(browsed, "events", [("party", "KOR")])
    assert listing.total == len(rows)
    assert facets["kind"] == {
        kind: sum(1 for r in rows if r["kind"] == kind) for kind in {r["kind"] for r in rows}
    }
    assert facets["party"]["KOR"] == len(rows)
    selected = [v for f in listing.facets for v in f.values if v.selected]
    assert [(v.value, v.count) for v in selected] == [("KOR", len(rows))]
    assert sum(facets["status"].values()) == len(rows)
    assert facets["outlet"] and all(isinstance(n, int) and n > 0 for n in facets["outlet"].values())
    people = next(f for f in listing.facets if f.name == "person")
    assert people.values and all(v.label for v in people.values)  # names, not ids


def test_browse_sorting_and_pages_are_stable(browsed: Store) -> None:
    oldest = _all(browsed, "events", [("sort", "date")])
    dated = [r["date"] for r in oldest if r["date"]]
    assert dated == sorted(dated)
    assert all(r["date"] is None for r in oldest[len(dated) :])  # undated last
    by_sources = _all(browsed, "events", [("sort", "-sources")])
    assert [r["sources"] for r in by_sources] == sorted(
        (r["sources"] for r in by_sources), reverse=True
    )
    pages = [
        browse.browse(browsed, "events", [("size", "7"), ("page", str(n))], facets=False).rows
        for n in (1, 2, 3)
    ]
    assert [r["id"] for page in pages for r in page] == [
        r["id"] for r in _all(browsed, "events", [])
    ][:21]
    again = browse.browse(browsed, "events", [("size", "7"), ("page", "2")], facets=False)
    assert again.rows == pages[1]
    assert again.view.params() == [("size", "7"), ("page", "2")]
    assert again.view.params(kind="visit") == [("kind", "visit"), ("size", "7")]  # back to page 1


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ([("year", "20x1")], "year: '20x1' is not a year"),
        ([("kind", "party")], "kind: 'party' is not one of meeting, visit, call"),
        ([("sort", "colour")], "sort: 'colour' is not a column to sort by"),
        ([("size", "500")], "size: '500' rows a page; give 1 to 200"),
        ([("page", "0")], "page: '0' is not a page number"),
        ([("from", "2021-13-45")], "--from '2021-13-45': there is no month 13"),
        ([("from", "2024"), ("to", "2020")], "--from 2024 is after --to 2020: the period is empty"),
        ([("party", "Narnia")], "unknown party 'Narnia'"),
    ],
)
def test_browse_refuses_bad_parameters_by_name(
    browsed: Store, params: list[tuple[str, str]], message: str
) -> None:
    with pytest.raises(DiplonewsError, match=message.replace("(", r"\(")):
        browse.browse(browsed, "events", params)


def test_browse_people_articles_and_series(browsed: Store) -> None:
    koreans = _all(browsed, "people", [("country", "Hàn Quốc"), ("sort", "name")])
    assert koreans and all(r["country"] == "KOR" for r in koreans)
    assert [r["name"] for r in koreans] == sorted(r["name"] for r in koreans)
    ministers = _all(browsed, "people", [("title", "Foreign Minister")])
    assert ministers and all("Foreign Minister" in r["titles"] for r in ministers)
    busiest = _all(browsed, "people", [])
    assert [r["events"] for r in busiest] == sorted((r["events"] for r in busiest), reverse=True)

    articles = _all(browsed, "articles", [])
    assert len(articles) == int(browsed.query("SELECT COUNT(*) FROM articles")[0][0])
    assert all(r["title"] for r in articles)  # a title, from the lead when none was given
    kbs = _all(browsed, "articles", [("outlet", "world.kbs.co.kr")])
    assert kbs and all(r["outlet"] == "KBS World" for r in kbs)
    facets = browse.browse(browsed, "articles", []).facets
    outlets = {v.value: v.count for f in facets if f.name == "outlet" for v in f.values}
    assert outlets["KBS World"] == len(kbs)

    series = _all(browsed, "series", [("party", "KOR")])
    assert series and all("KOR" in r["parties"] for r in series)
    assert any(r["series"] == "ASEAN-Korea Summit" for r in series)


def test_browse_csv_has_the_view_every_row(browsed: Store) -> None:
    import csv
    import io

    out = io.StringIO()
    written = api.browse_csv(browsed, "events", [("party", "KOR"), ("size", "5")], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert written == len(rows) == browse.browse(browsed, "events", [("party", "KOR")]).total
    assert list(rows[0]) == list(browse.TABLES["events"].columns)
    assert all("KOR" in row["parties"].split("; ") for row in rows)
    assert all(row["permalink"] == f"/events/{row['id']}" for row in rows)


def test_browse_filters_in_use_show_selected_in_their_facets(browsed: Store) -> None:
    person = _all(browsed, "people", [])[0]
    listing = browse.browse(
        browsed, "events", [("person", str(person["id"])), ("series", "Hội nghị Cấp cao Hàn-ASEAN")]
    )
    assert listing.view.filters["series"] == ["ASEAN-Korea Summit"]  # one URL for the view
    selected = {
        f.name: [(v.value, v.label, v.count) for v in f.values if v.selected]
        for f in listing.facets
    }
    assert selected["person"] == [(str(person["id"]), person["name"], listing.total)]
    assert selected["series"] == [("ASEAN-Korea Summit", None, listing.total)]
