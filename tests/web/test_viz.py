"""The timeline and graph pages (diplonews.web.viz) through HTTP, over a store of the
seed and dev articles: what they list, how their query parameters filter, that they
work without JavaScript (every mark a link, no inline script or style) and in both
languages."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diplonews import api
from diplonews.web import create_app
from diplonews.web.viz import TimelineFilter

DATA = Path(__file__).parent.parent / "data"
WEB = Path(api.__file__).parent / "web"


@pytest.fixture(scope="module")
def viz_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("viz") / "kb.db"
    store = api.open_store(str(path))
    try:
        articles = sorted((DATA / "seeds").glob("*.txt")) + sorted((DATA / "dev").glob("*.txt"))
        api.ingest(store, articles, workers=1)
    finally:
        store.close()
    return str(path)


@pytest.fixture(scope="module")
def viz(viz_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(viz_db)) as client:
        yield client


@pytest.fixture(scope="module")
def kb(viz_db: str) -> Iterator[api.Store]:
    """The same store, to look up what the pages should show."""
    opened = api.open_store(viz_db, create=False)
    yield opened
    opened.close()


class Page(HTMLParser):
    """The parts of a page the tests look at: timeline items, SVG marks, graph nodes
    and edges, links, and every tag with its attributes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.items: list[dict[str, object]] = []
        self.text: list[str] = []
        self._item: dict[str, object] | None = None
        self._depth = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append((tag, found))
        if self._item is not None and tag == "li":
            self._depth += 1
        if tag == "li" and "timeline-item" in found.get("class", "").split():
            self._item = {"attrs": found, "text": [], "links": []}
            self._depth = 1
        if self._item is not None and tag == "a":
            links = self._item["links"]
            assert isinstance(links, list)
            links.append(found.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if self._item is not None and tag == "li":
            self._depth -= 1
            if self._depth == 0:
                text = self._item["text"]
                assert isinstance(text, list)
                self._item["text"] = " ".join(" ".join(text).split())
                self.items.append(self._item)
                self._item = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._item is not None:
            text = self._item["text"]
            assert isinstance(text, list)
            text.append(data)

    def with_class(self, name: str, tag: str | None = None) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.tags
            if name in a.get("class", "").split() and (tag is None or t == tag)
        ]

    def hrefs(self) -> list[str]:
        return [a["href"] for t, a in self.tags if t == "a" and "href" in a]


def get(client: TestClient, url: str, status: int = 200) -> Page:
    client.cookies.clear()  # Vietnamese unless the URL says ?lang=en
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    return Page(response.text)


def item_text(page: Page) -> list[str]:
    return [str(i["text"]) for i in page.items]


def events_of(page: Page) -> list[dict[str, str]]:
    return [i["attrs"] for i in page.items if i["attrs"]["data-what"] == "event"]  # type: ignore[index, misc]


# --- the timeline ----------------------------------------------------------------------


def test_viz_timeline_lists_the_2024_summit_and_the_1989_milestone(
    viz: TestClient, kb: api.Store
) -> None:
    page = get(viz, "/timeline?between=ASEAN,KOR")
    summit = next(e for e in api.events(kb, parties=["ASEAN", "KOR"]) if e.edition == 25)
    row = next(i for i in page.items if f"/events/{summit.id}" in i["links"])  # type: ignore[operator]
    assert row["attrs"]["data-date"] == "2024"  # type: ignore[index]
    assert "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25" in str(row["text"])
    assert "Phạm Minh Chính" in str(row["text"]) and "Yoon Suk-yeol" in str(row["text"])
    milestone = next(i for i in page.items if i["attrs"]["data-what"] == "milestone")  # type: ignore[index]
    assert milestone["attrs"]["data-date"] == "1989"  # type: ignore[index]
    assert "Quan hệ đối thoại" in str(milestone["text"])  # Dialogue relations
    # every event is a link to its page, in the list and on the axis
    for event in events_of(page):
        assert any(f"/events/{event['data-key'][1:]}" == href for href in page.hrefs()), event
    marks = page.with_class("tl-mark", "a")
    assert {m["href"] for m in marks if "event" in m["class"]} >= {f"/events/{summit.id}"}
    assert any("milestone" in m["class"] and m["href"].startswith("#m-") for m in marks)


def test_viz_timeline_in_date_order_with_undated_last(viz: TestClient) -> None:
    page = get(viz, "/timeline?between=ASEAN,KOR")
    dates = [str(i["attrs"]["data-date"]) for i in page.items]  # type: ignore[index]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates.index("") == len(dated)  # the undated event comes after them all
    assert "Chưa rõ ngày" in " ".join(page.text)


def test_viz_timeline_understands_names_as_written(viz: TestClient) -> None:
    by_code = item_text(get(viz, "/timeline?between=ASEAN,KOR"))
    by_name = item_text(get(viz, "/timeline?between=Hàn Quốc, asean"))
    assert by_name == by_code


def test_viz_timeline_marks_planned_meetings(viz: TestClient) -> None:
    page = get(viz, "/timeline?between=ASEAN,KOR")
    planned = [e for e in events_of(page) if e["data-status"] == "planned"]
    assert len(planned) >= 3
    for event in planned:
        assert "status-planned" in event["class"]
    assert any("status-planned" in m["class"] for m in page.with_class("tl-mark", "a"))
    assert "Dự kiến (viền đứt)" in " ".join(page.text)  # the legend


def test_viz_timeline_filters_by_kind(viz: TestClient) -> None:
    every = events_of(get(viz, "/timeline?between=KOR,VNM"))
    visits = events_of(get(viz, "/timeline?between=KOR,VNM&kind=call"))
    assert {e["data-kind"] for e in every} > {"call"}
    assert visits and {e["data-kind"] for e in visits} == {"call"}
    assert len(visits) < len(every)


def test_viz_timeline_filters_by_status(viz: TestClient) -> None:
    page = get(viz, "/timeline?between=ASEAN,KOR&status=planned")
    events = events_of(page)
    assert events and {e["data-status"] for e in events} == {"planned"}
    assert len(events) < len(events_of(get(viz, "/timeline?between=ASEAN,KOR")))
    assert all("status-planned" in m["class"] for m in page.with_class("event", "a"))


def test_viz_timeline_filters_by_period(viz: TestClient) -> None:
    page = get(viz, "/timeline?between=ASEAN,KOR&from=2023&to=2024")
    dates = [e["data-date"] for e in events_of(page)]
    assert dates and all("2023" <= d[:4] <= "2024" for d in dates)
    assert "" not in dates  # an undated event is in no period
    texts = " ".join(item_text(page))
    assert "Đối tác chiến lược toàn diện" in texts  # Comprehensive Strategic Partnership
    assert "Nước điều phối" in texts  # Country coordinator: 2021–2024 overlaps 2023–2024
    assert "Quan hệ đối thoại" not in texts  # Dialogue relations
    svg = page.with_class("tl-svg", "svg")[0]
    assert (svg["data-start"], svg["data-end"]) == ("2023", "2025")


def test_viz_timeline_filters_by_series_and_party(viz: TestClient) -> None:
    page = get(viz, "/timeline?between=ASEAN,KOR&series=asean-korea summit")
    assert {e["data-series"] for e in events_of(page)} == {"ASEAN-Korea Summit"}
    with_prk = events_of(get(viz, "/timeline?between=ASEAN,KOR&party=Triều Tiên"))
    assert len(with_prk) == 1 and "PRK" in with_prk[0]["data-parties"].split()


def test_viz_timeline_filter_form_keeps_the_query(viz: TestClient) -> None:
    page = get(viz, "/timeline?between=ASEAN,KOR&kind=meeting&status=planned&from=2021")
    form = next(a for t, a in page.tags if t == "form" and "tl-filters" in a.get("class", ""))
    assert form["data-applied"] == "kind=meeting&status=planned&from=2021"
    hidden = [a for t, a in page.tags if t == "input" and a.get("type") == "hidden"]
    assert {"name": "between", "value": "ASEAN,KOR", "type": "hidden"} in hidden
    assert any(
        t == "option" and a.get("value") == "planned" and "selected" in a for t, a in page.tags
    )
    assert "/timeline?between=ASEAN%2CKOR" in page.hrefs()  # clear the filters


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/timeline?between=ASEAN,XYZ", "unknown party 'XYZ'"),
        ("/timeline?between=KOR", "two parties"),
        ("/timeline?between=KOR,Korea", "two different parties"),
        ("/timeline?between=ASEAN,KOR&kind=party", "kind must be one of meeting, visit, call"),
        ("/timeline?between=ASEAN,KOR&from=20x1", "from must be a year"),
        ("/timeline?person=abc", "person must be"),
        ("/graph?level=nations", "level must be parties or people"),
        ("/graph?to=soon", "to must be a year"),
        ("/graph?focus=Atlantis", "unknown party 'Atlantis'"),
    ],
)
def test_viz_bad_query_is_a_400_page_saying_why(viz: TestClient, url: str, message: str) -> None:
    response = viz.get(url)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert message in response.text.replace("&#39;", "'")


def test_viz_unknown_person_is_404(viz: TestClient) -> None:
    response = viz.get("/timeline?person=999999")
    assert response.status_code == 404
    assert "no person 999999" in response.text


def test_viz_picker_goes_to_the_relationship(viz: TestClient) -> None:
    response = viz.get("/timeline?a=Korea&b=Việt Nam", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/timeline?between=Korea%2CVi%E1%BB%87t+Nam"
    page = get(viz, response.headers["location"])
    assert page.items
    assert any(
        t == "input" and a.get("name") == "a" and a.get("value") == "KOR" for t, a in page.tags
    )


def test_viz_timeline_without_parties_offers_relationships(viz: TestClient) -> None:
    page = get(viz, "/timeline")
    assert not page.items
    assert "/timeline?between=LAO,VNM" in page.hrefs()
    assert any(t == "datalist" for t, _ in page.tags)
    assert ("option", {"value": "KOR"}) in page.tags


def test_viz_person_timeline(viz: TestClient, kb: api.Store) -> None:
    person = api.people(kb, "Phạm Minh Chính")[0]
    page = get(viz, f"/timeline?person={person.id}")
    assert "Phạm Minh Chính" in " ".join(page.text)
    keys = [str(e["data-key"]) for e in events_of(page)]
    assert sorted(keys) == sorted(f"e{i}" for i in person.event_ids)
    assert f"/people/{person.id}" in page.hrefs()
    hidden = {
        a["name"]: a["value"] for t, a in page.tags if t == "input" and a.get("type") == "hidden"
    }
    assert hidden == {"person": str(person.id)}  # the filters keep to this person


def test_viz_timeline_axis_lays_marks_apart(viz: TestClient) -> None:
    """Marks of one lane never share a row where they would overlap."""
    page = get(viz, "/timeline?between=ASEAN,KOR")
    seen: dict[tuple[str, str], list[float]] = {}
    for tag, attrs in page.tags:
        if tag == "circle" and attrs.get("class") == "shape":
            row = (attrs["cy"], "dot")
            for x in seen.get(row, []):
                assert abs(float(attrs["cx"]) - x) >= 12
            seen.setdefault(row, []).append(float(attrs["cx"]))
    assert seen


def test_viz_timeline_filter_rules() -> None:
    where = TimelineFilter(date_from="2021-06", date_to="2023")
    assert where.within("2021")  # a year overlapping the period
    assert where.within("2021-06-30") and where.within("2023-12")
    assert not where.within("2021-05") and not where.within("2024") and not where.within(None)
    assert where.within("2019", "2022")  # a period overlapping it
    assert TimelineFilter().within(None)


# --- the graph -------------------------------------------------------------------------


def test_viz_graph_draws_nodes_edges_and_links(viz: TestClient) -> None:
    page = get(viz, "/graph")
    nodes = page.with_class("node", "a")
    edges = page.with_class("edge")
    assert len(nodes) >= 10 and len(edges) >= 10
    ids = {n["data-id"] for n in nodes}
    assert {"VNM", "KOR", "ASEAN"} <= ids
    for node in nodes:
        assert node["href"] == f"/graph?level=parties&focus={node['data-id']}"
    for edge in edges:
        assert {edge["data-source"], edge["data-target"]} <= ids
        assert edge["href"] == f"/timeline?between={edge['data-source']}%2C{edge['data-target']}"
    assert any(t == "circle" for t, _ in page.tags) and any(t == "line" for t, _ in page.tags)
    rows = [a for t, a in page.tags if t == "tr" and "data-source" in a]
    assert rows[0] == {"data-source": "LAO", "data-target": "VNM"}  # the busiest pair first
    assert "/timeline?between=ASEAN%2CKOR" in page.hrefs()


def test_viz_graph_is_laid_out_the_same_every_time_inside_the_svg(viz: TestClient) -> None:
    first, second = viz.get("/graph").text, viz.get("/graph").text
    assert first == second
    for node in Page(first).with_class("node", "a"):
        assert 0 < float(node["data-x"]) < 900 and 0 < float(node["data-y"]) < 620


def test_viz_graph_period_filter_reduces_edges(viz: TestClient) -> None:
    every = get(viz, "/graph").with_class("edge")
    recent = get(viz, "/graph?from=2024&to=2025")
    assert 0 < len(recent.with_class("edge")) < len(every)
    dates = re.findall(r"<td>(\d{4}[-\d]*)</td>", viz.get("/graph?from=2024&to=2025").text)
    assert dates and all("2024" <= d[:4] <= "2025" for d in dates)
    assert "/graph?level=parties&from=2024&to=2025&focus=VNM" in recent.hrefs()


def test_viz_graph_people_level(viz: TestClient, kb: api.Store) -> None:
    page = get(viz, "/graph?level=people")
    nodes = page.with_class("node", "a")
    assert nodes and all(n["href"] == f"/people/{n['data-id'][1:]}" for n in nodes)
    assert all("person" in n["class"].split() for n in nodes)
    chinh = api.people(kb, "Phạm Minh Chính")[0]
    assert f"/people/{chinh.id}" in page.hrefs()
    assert page.with_class("edge", "g")  # people's edges are not links


def test_viz_graph_focus_lists_partners(viz: TestClient) -> None:
    page = get(viz, "/graph?focus=Hàn Quốc")
    focus = page.with_class("is-focus", "a")
    assert [n["data-id"] for n in focus] == ["KOR"]
    assert focus[0]["href"] == "/graph?level=parties"  # a second click lets go
    near = {n["data-id"] for n in page.with_class("is-near", "a")}
    assert {"ASEAN", "VNM"} <= near and "JPN" not in near
    assert all("KOR" in (e["data-source"], e["data-target"]) for e in page.with_class("is-on"))
    assert "/timeline?between=ASEAN%2CKOR" in page.hrefs()
    assert "has-focus" in page.with_class("gr-svg", "svg")[0]["class"]


def test_viz_graph_focus_on_a_person(viz: TestClient, kb: api.Store) -> None:
    chinh = api.people(kb, "Phạm Minh Chính")[0]
    page = get(viz, f"/graph?level=people&focus=p{chinh.id}")
    assert [n["data-id"] for n in page.with_class("is-focus", "a")] == [f"p{chinh.id}"]
    yoon = api.people(kb, "Yoon Suk-yeol")[0]
    assert f"p{yoon.id}" in {n["data-id"] for n in page.with_class("is-near", "a")}
    assert f"/people/{yoon.id}" in page.hrefs()


def test_viz_graph_focus_on_a_party_absent_from_the_period(viz: TestClient) -> None:
    page = get(viz, "/graph?focus=USA&lang=en")
    assert "US has no meetings in this period." in " ".join(page.text)
    assert not page.with_class("is-focus")


def test_viz_graph_empty_period(viz: TestClient) -> None:
    page = get(viz, "/graph?from=1900&to=1901")
    assert not page.with_class("node")
    assert "Không có sự kiện nào đã diễn ra trong giai đoạn này." in " ".join(page.text)


# --- no script inline, both languages ----------------------------------------------------

PAGES = [
    "/timeline",
    "/timeline?between=ASEAN,KOR",
    "/timeline?between=KOR,VNM&kind=call",
    "/timeline?person={chinh}",
    "/graph",
    "/graph?level=people&from=2020",
    "/graph?focus=KOR",
]


@pytest.mark.parametrize("url", PAGES)
def test_viz_pages_have_no_inline_script_or_style(viz: TestClient, kb: api.Store, url: str) -> None:
    response = viz.get(url.format(chinh=api.people(kb, "Phạm Minh Chính")[0].id))
    assert response.status_code == 200
    html = response.text
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html), "an inline event handler"
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert all(re.search(r'\ssrc="/static/[a-z]+\.js"', s) for s in scripts)
    assert len(re.findall(r"<script\b[^>]*>\s*</script>", html)) == len(scripts)  # empty
    if url != "/timeline":  # the picker alone needs no script
        assert scripts
    assert '<link rel="stylesheet" href="/static/viz.css">' in html
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [("timeline.js", "javascript"), ("graph.js", "javascript"), ("viz.css", "text/css")],
)
def test_viz_static_files_are_served(viz: TestClient, name: str, kind: str) -> None:
    response = viz.get(f"/static/{name}")
    assert response.status_code == 200
    assert kind in response.headers["content-type"]
    assert response.text == (WEB / "static" / name).read_text(encoding="utf-8")


def test_viz_pages_in_english(viz: TestClient) -> None:
    text = " ".join(get(viz, "/timeline?between=ASEAN,KOR&lang=en").text)
    for label in ("Relationship", "Milestones", "Planned", "Showing", "Korea", "Undated"):
        assert label in text
    assert "Mốc quan hệ" not in text
    graph = " ".join(get(viz, "/graph?lang=en").text)
    assert "Who meets whom" in graph and "The pairs that met most" in graph
    assert "Ai gặp ai" not in graph


def test_viz_labels_have_both_languages() -> None:
    with (WEB / "labels_viz.tsv").open(encoding="utf-8") as handle:
        rows = list(
            csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        )
    assert rows
    for row in rows:
        assert row["vi"].strip() and row["en"].strip(), row["key"]
    used = set()
    for name in ("timeline.html", "graph.html"):
        used |= set(re.findall(r"t\.((?:tl|gr)_[a-z_]+)", (WEB / "templates" / name).read_text()))
    assert used <= {row["key"] for row in rows}


def test_viz_pages_read_and_name_with_the_applications_lexicons(
    user_lexicon_client: TestClient,
) -> None:
    timeline = get(user_lexicon_client, "/timeline?between=Việt Nam,Xứ Sở Thần Tiên&lang=en")
    assert "Relationship Vietnam – Wonderland" in " ".join(timeline.text)
    assert [item for item in timeline.items if "3rd Wonderland Tea Party" in str(item["text"])]
    kept = get(user_lexicon_client, "/timeline?between=VNM,XWL&party=Wonderland")
    assert len(kept.items) == len(timeline.items)
    focused = get(user_lexicon_client, "/graph?focus=Wonderland")  # Vietnamese names
    [node] = [attrs for _, attrs in focused.tags if "is-focus" in attrs.get("class", "")]
    assert node["data-id"] == "XWL"
    assert "Xứ Sở Thần Tiên: đã gặp" in " ".join(focused.text)
