"""The browse pages through the application: /events, /people, /articles, /series with
their facets, sorting and pages, the same view as .csv and .json, the /api twins, the
cite lines, and no server path on any page or answer."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi.testclient import TestClient

from diplonews import api
from diplonews.web import create_app

DATA = Path(__file__).parent.parent / "data"
TABLES = ("events", "people", "articles", "series")


@pytest.fixture(scope="module")
def browse_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The dev articles (with their URLs, dev/sources.tsv) and the seed articles."""
    path = tmp_path_factory.mktemp("browse") / "kb.db"
    store = api.open_store(str(path))
    try:
        articles = sorted((DATA / "dev").glob("*.txt")) + sorted((DATA / "seeds").glob("*.txt"))
        assert api.ingest(store, articles, workers=1).failed == 0
    finally:
        store.close()
    return str(path)


@pytest.fixture(scope="module")
def web(browse_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(browse_db, cache_mb=0)) as client:
        yield client


def links(html: str, pattern: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(rf'href="({pattern}[^"]*)"', html)]


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_browse_pages_answer_in_both_languages(web: TestClient, table: str, lang: str) -> None:
    response = web.get(f"/{table}", params={"lang": lang})
    assert response.status_code == 200
    html = response.text
    assert f'href="/{table}.csv' in html and f'href="/{table}.json' in html
    heading = {"vi": "Tải về danh sách này", "en": "Download this view"}[lang]
    assert heading in html
    assert 'class="browse-table"' in html


def test_browse_pages_are_in_the_menu(web: TestClient) -> None:
    html = web.get("/", params={"lang": "en"}).text
    for table in TABLES:
        assert f'<a href="/{table}">' in html


def test_browse_facet_links_filter_and_their_counts_hold(web: TestClient) -> None:
    facets = web.get("/events.json").json()["facets"]
    party = next(f for f in facets if f["name"] == "party")
    count = next(v["count"] for v in party["values"] if v["value"] == "KOR")
    html = web.get("/events", params={"lang": "en"}).text
    korea = next(
        h for h in links(html, "/events\\?") if parse_qsl(urlsplit(h).query) == [("party", "KOR")]
    )
    assert f'href="{korea}">Korea</a> <span class="n">{count}</span>' in html
    filtered = web.get(korea + "&lang=en")
    assert filtered.status_code == 200
    assert f"of {count}" in filtered.text  # "Rows 1–50 of N": the facet's count
    assert "Party: Korea" in filtered.text  # the chip that removes it
    rows = web.get("/events.json", params={"party": "KOR", "size": "200"}).json()
    assert rows["total"] == count and all("KOR" in r["parties"] for r in rows["rows"])


def test_browse_sort_headers_toggle_and_keep_the_filters(web: TestClient) -> None:
    html = web.get("/events", params={"kind": "visit", "lang": "en"}).text
    date_header = next(h for h in links(html, "/events\\?") if "sort=" in h and "date" in h)
    assert dict(parse_qsl(urlsplit(date_header).query)) == {"kind": "visit", "sort": "date"}
    ascending = web.get(date_header.replace("/events?", "/events.json?")).json()
    dates = [r["date"] for r in ascending["rows"] if r["date"]]
    assert dates == sorted(dates) and ascending["filters"] == {"kind": ["visit"]}


def test_browse_pages_page_through_every_row(web: TestClient) -> None:
    total = web.get("/events.json").json()["total"]
    seen: list[int] = []
    url: str | None = "/events.json?size=10"
    while url:
        body = web.get(url).json()
        seen += [r["id"] for r in body["rows"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == total
    html = web.get("/events", params={"size": "10", "page": "2", "lang": "en"}).text
    assert 'rel="prev" href="/events?size=10"' in html
    assert 'rel="next" href="/events?size=10&amp;page=3"' in html


def test_browse_csv_and_json_are_the_same_view(web: TestClient) -> None:
    query = {"party": "KOR", "sort": "-date"}
    response = web.get("/events.csv", params=query)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    as_json = web.get("/events.json", params={**query, "size": "200"}).json()
    assert [int(r["id"]) for r in rows] == [r["id"] for r in as_json["rows"]]
    assert all(r["permalink"] == f"http://testserver/events/{r['id']}" for r in rows)
    assert {"title", "title_vi", "evidence", "url"} <= set(rows[0])
    assert any(r["url"].startswith("https://") for r in rows)
    for table in ("people", "articles", "series"):
        assert web.get(f"/{table}.csv").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/events?year=20x1",
        "/events?sort=colour",
        "/events.json?size=999",
        "/events.csv?from=2021-13-45",
    ],
)
def test_browse_bad_parameters_are_a_clear_400(web: TestClient, url: str) -> None:
    response = web.get(url)
    assert response.status_code == 400
    assert "Traceback" not in response.text
    if ".json" in url:
        assert response.json() == {"detail": "size: '999' rows a page; give 1 to 200"}
    elif ".csv" in url:
        assert response.text == "--from '2021-13-45': there is no month 13\n"
    else:
        assert "<h1>" in response.text


def test_browse_api_twins_take_the_same_filters(web: TestClient) -> None:
    page = web.get("/events.json", params={"party": "KOR", "kind": "meeting", "size": "200"}).json()
    api_rows = web.get(
        "/api/events", params={"party": "KOR", "kind": "meeting", "limit": 1000}
    ).json()
    assert [e["id"] for e in api_rows] == [r["id"] for r in page["rows"]]
    by_outlet = web.get("/api/events", params={"outlet": "KBS World"}).json()
    assert by_outlet and len(by_outlet) < len(web.get("/api/events", params={"limit": 1000}).json())
    articles = web.get("/api/articles", params={"outlet": "KBS World"}).json()
    assert articles and all(
        a["outlet"] == "KBS World" and a["url"].startswith("http") for a in articles
    )
    koreans = web.get("/api/people", params={"country": "KOR"}).json()
    assert koreans and all(p["country"] == "KOR" for p in koreans)
    series = web.get("/api/series", params={"party": "KOR"}).json()
    assert series and all(any("KOR" in e["parties"] for e in s["events"]) for s in series)


def test_browse_article_page_cites_its_source_and_hides_paths(
    web: TestClient, browse_db: str
) -> None:
    store = api.open_store(browse_db)
    try:
        article = next(a for a in (api.article(store, i) for i in range(1, 40)) if a and a.url)
    finally:
        store.close()
    html = web.get(f"/articles/{article.id}", params={"lang": "en"}).text
    assert "Cite this" in html and article.outlet and article.outlet in html
    cite = re.search(r'<p class="cite-line"><output class="citation">(.*?)</output>', html).group(1)
    assert article.url.replace("&", "&amp;") in cite
    assert f"diplonews: http://testserver/articles/{article.id}" in cite
    for path in (str(DATA), "/tmp/", ".txt"):
        assert path not in html
    body = web.get(f"/api/articles/{article.id}").text
    assert str(DATA) not in body and ".txt" not in body


def test_browse_event_page_cites_the_event_through_its_source(web: TestClient) -> None:
    event = web.get("/api/events", params={"outlet": "KBS World", "limit": 1}).json()[0]
    html = web.get(f"/events/{event['id']}", params={"lang": "en"}).text
    cite = re.search(r'<p class="cite-line"><output class="citation">(.*?)</output>', html).group(1)
    assert "KBS World" in cite and f"diplonews: http://testserver/events/{event['id']}" in cite
    assert "kbs.co.kr" in cite
